"""Time you cannot trust: a fetch dated in the future, a stored wait a clock set back made huge, and an
unreadable manifest line each cost one line, never a stopped refresh."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from pipeline.fetch.mirror import MirrorServer
from pipeline.fetch.ratelimit import HostGate
from tests.runs.conftest import refresh


def test_a_fetch_dated_in_the_future_is_stale_with_one_line(world: Path, mirror: MirrorServer) -> None:
    first, _ = refresh(world, mirror, [], max_age=None)
    assert [r.outcome for r in first.results] == ["saved"]
    manifest = world / "raw" / "manifest.jsonl"
    lines = [json.loads(x) for x in manifest.read_text().splitlines() if x.strip()]
    for d in lines:
        if d.get("mtdsg_no") == "IV-11-c" and d.get("kind") == "status_page":
            d["fetched_at"] = "2036-02-03T00:00:00+00:00"  # a clock ten years ahead for one run
    manifest.write_text("".join(json.dumps(d) + "\n" for d in lines))
    again, out = refresh(world, mirror, [], max_age=timedelta(hours=6))
    assert [r.outcome for r in again.results] == ["unchanged"]  # asked again, not "fetched recently"
    assert out.count("fetched_at in the future") == 1


def test_unreadable_manifest_lines_are_skipped_and_counted(world: Path, mirror: MirrorServer) -> None:
    manifest = world / "raw" / "manifest.jsonl"
    with manifest.open("a") as f:
        f.write('{"url": "x", "fetched_at": "yesterday"}\n["no"]\n')
    report, out = refresh(world, mirror, [], max_age=None)
    assert report.ok and [r.outcome for r in report.results] == ["saved"]
    assert "note: 2 unreadable lines of" in out


def test_a_stored_wait_made_huge_by_a_clock_set_back_is_stale(tmp_path: Path) -> None:
    now = [1_000_000.0]
    slept: list[float] = []
    gate = HostGate(0.0, state_dir=tmp_path, clock=lambda: now[0], sleep=slept.append)
    gate.defer("h:80", 27)  # the server asked for 27 s
    now[0] -= 86_400  # then the clock went back a day
    assert gate.wait("h:80", max_wait=60) == 0 and slept == []
    assert len(gate.stale) == 1 and "treated as stale" in gate.stale[0]


def test_a_long_wait_the_server_asked_for_is_still_honoured(tmp_path: Path) -> None:
    now = [1_000_000.0]
    gate = HostGate(0.0, state_dir=tmp_path, clock=lambda: now[0], sleep=lambda s: None)
    gate.defer("h:80", 3600)
    now[0] += 600
    other = HostGate(0.0, state_dir=tmp_path, clock=lambda: now[0], sleep=lambda s: None)
    try:
        other.wait("h:80", max_wait=60)
    except Exception as exc:  # noqa: BLE001
        assert type(exc).__name__ == "WaitTooLong"
    else:
        raise AssertionError("a wait the server asked for was dropped")
    assert other.stale == []


def test_an_old_state_without_its_asking_time_is_stale_beyond_max_wait(tmp_path: Path) -> None:
    (tmp_path / "http-state.json").write_text(json.dumps({"h:80": {"not_before": 1_086_427.0}}))
    gate = HostGate(0.0, state_dir=tmp_path, clock=lambda: 1_000_000.0, sleep=lambda s: None)
    assert gate.wait("h:80", max_wait=60) == 0 and len(gate.stale) == 1
