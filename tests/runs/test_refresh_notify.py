"""A refresh after the 2018 import, through the loopback mirror: its events, the webhook, the exit status."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.fetch.mirror import MirrorServer
from pipeline.runs import notify as notify_run
from pipeline.runs.lock import RunLocked, run_lock
from pipeline.runs.refresh import exit_status
from pipeline.runs.results import FAILED, RunReport, TreatyResult
from tests.receiver import run_receiver
from tests.runs.conftest import refresh

EXPECTED = {
    ("FJI", "joined", "2021-03-09"),
    ("MHL", "joined", "2019-01-29"),
    ("SLB", "joined", "2022-05-05"),
    ("SSD", "joined", "2018-09-27"),
    ("SGP", "signed", "2025-11-25"),
}


def test_refresh_posts_its_events_then_nothing_when_unchanged(world: Path, mirror: MirrorServer) -> None:
    with run_receiver() as rec:
        report, out = refresh(world, mirror, [rec.url])
        got = {(e.iso3, e.kind, e.action_date.isoformat() if e.action_date else None) for e in report.events}
        assert EXPECTED <= got
        assert ("BHS", "renamed", None) in got
        assert report.changed and exit_status(report, exit_code=True) == 3
        assert exit_status(report) == 0
        assert f"notified  {rec.url} (HTTP 204)" in out and "events: " in out
        [post] = rec.posts
        doc = post.json()
        assert doc["type"] == "treaties.events" and doc["count"] == len(report.events)
        assert doc["treaties"] == ["IV-11-c"]
        fiji = next(e for e in doc["events"] if e["iso3"] == "FJI")
        assert fiji["kind"] == "joined" and fiji["action_date"] == "2021-03-09"
        assert fiji["first_seen"].startswith("2026-02-03")
        assert fiji["source_url"].startswith("https://treaties.un.org/Pages/ViewDetails.aspx?")
        assert "127.0.0.1" not in fiji["source_url"]  # the mirror is not a citable source

        again, out = refresh(world, mirror, [rec.url])
        assert [r.outcome for r in again.results] == ["unchanged"]
        assert again.events == [] and not again.changed
        assert exit_status(again, exit_code=True) == 0 and "events: none" in out
        assert len(rec.posts) == 1  # nothing new, nothing sent


def test_a_dead_receiver_does_not_fail_the_refresh(
    world: Path, mirror: MirrorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notify_run, "BACKOFF_S", 0.01)
    # Port 9 on loopback has no listener: connection refused at once, retried, then given up.
    report, out = refresh(world, mirror, ["http://127.0.0.1:9/hook"])
    assert report.ok and report.changed
    assert "notify failed http://127.0.0.1:9/hook after 3 attempts" in out


def test_a_failed_treaty_wins_over_changes() -> None:
    failed = RunReport(results=[TreatyResult("IV-99", FAILED)])
    assert exit_status(failed, exit_code=True) == 1


def test_a_second_run_waits_for_no_one(world: Path, mirror: MirrorServer) -> None:
    with run_lock(world / "t.duckdb"):
        with pytest.raises(RunLocked, match="another run holds"):
            refresh(world, mirror, [])
