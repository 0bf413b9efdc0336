"""A refresh after the 2018 import, through the loopback mirror: its events, the webhook, the exit status."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.fetch.http import HttpClient
from pipeline.fetch.mirror import MirrorServer, run_mirror
from pipeline.fetch.rawstore import RawStore
from pipeline.runs import notify as notify_run
from pipeline.runs.demo import DEMO_XML_CAPTURED_AT
from pipeline.runs.importing import import_files
from pipeline.runs.lock import RunLocked, run_lock
from pipeline.runs.refresh import exit_status, run_refresh
from pipeline.runs.results import FAILED, RunReport, TreatyResult
from pipeline.store import open_store
from tests.fetch.conftest import TEST_SETTINGS
from tests.receiver import run_receiver

EXPECTED = {
    ("FJI", "joined", "2021-03-09"),
    ("MHL", "joined", "2019-01-29"),
    ("SLB", "joined", "2022-05-05"),
    ("SSD", "joined", "2018-09-27"),
    ("SGP", "signed", "2025-11-25"),
}


@pytest.fixture
def world(tmp_path: Path, html_dir: Path, xml_dir: Path) -> Path:
    """IV-11-c as saved in 2018, imported; its 2026 page in a folder for the mirror (links, not copies)."""
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "IV-11-c.html").symlink_to(html_dir / "IV-11-c.html")
    (tmp_path / "xml").mkdir()
    (tmp_path / "xml" / "IV-11-c.xml").symlink_to(xml_dir / "IV-11-c.xml")
    with open_store(tmp_path / "t.duckdb") as store:
        done = import_files(
            [tmp_path / "xml" / "IV-11-c.xml"],
            store,
            RawStore(tmp_path / "raw"),
            captured_at=DEMO_XML_CAPTURED_AT,
        )
        assert done.ok
    return tmp_path


@pytest.fixture
def mirror(world: Path) -> Iterator[MirrorServer]:
    with run_mirror(world / "html") as server:
        yield server


def refresh(world: Path, mirror: MirrorServer, notify: list[str]) -> tuple[RunReport, str]:
    out = io.StringIO()
    report = run_refresh(
        ["IV-11-c"],
        base_url=mirror.base_url,
        max_age=None,
        write_site=False,
        out=out,
        client=HttpClient(TEST_SETTINGS, trust_env=False),
        raw=RawStore(world / "raw"),
        db=world / "t.duckdb",
        notify=notify,
    )
    return report, out.getvalue()


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
