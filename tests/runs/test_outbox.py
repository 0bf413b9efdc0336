"""The events outbox: a run killed before it notified, or a receiver down for three runs, loses nothing."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.fetch.http import HttpClient
from pipeline.fetch.mirror import MirrorServer, run_mirror
from pipeline.fetch.rawstore import RawStore
from pipeline.runs import notify as notify_run
from pipeline.runs import refresh as refresh_run
from pipeline.runs.refresh import exit_status, run_refresh
from pipeline.store import open_store, outbox
from tests.fetch.conftest import TEST_SETTINGS
from tests.receiver import run_receiver
from tests.runs import test_kill as kill_test
from tests.runs.conftest import refresh


class Killed(BaseException):
    """Stands for SIGKILL at a chosen point: nothing after it in the run happens."""


def _die(*_a: object, **_k: object) -> None:
    raise Killed


def _ids(posts: list) -> list[str]:
    return [e["event_id"] for p in posts for e in p.json()["events"]]


@pytest.fixture(autouse=True)
def _fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notify_run, "BACKOFF_S", 0.01)


@pytest.mark.parametrize("point", ["before-queue", "before-notify"])
def test_a_run_killed_between_commit_and_notify_sends_every_event_once_on_the_next(
    world: Path, mirror: MirrorServer, monkeypatch: pytest.MonkeyPatch, point: str
) -> None:
    with run_receiver() as rec:
        with monkeypatch.context() as m:
            if point == "before-queue":
                m.setattr(refresh_run.outbox, "queue", _die)  # the snapshot is committed, nothing queued
            else:
                m.setattr(refresh_run, "notify_outbox", _die)  # queued, not sent
            with pytest.raises(Killed):
                refresh(world, mirror, [rec.url])
        assert rec.posts == []
        with open_store(world / "t.duckdb", read_only=True) as st:
            [saved] = st.con.execute("SELECT count(*) FROM snapshots WHERE source_kind = 'html'").fetchall()[
                0
            ]
            assert saved == 1  # the 2026 page was stored before the "kill"

        again, out = refresh(world, mirror, [rec.url])
        assert [r.outcome for r in again.results] == ["unchanged"]
        [post] = rec.posts
        ids = _ids(rec.posts)
        assert len(ids) == len(set(ids)) and len(ids) >= 6  # the five actions and the renaming, at least
        assert post.headers["Idempotency-Key"]
        assert {e.event_id for e in again.events} == set(ids)
        assert exit_status(again, exit_code=True) == 3  # the run told of events a receiver had not had

        third, out = refresh(world, mirror, [rec.url])
        assert len(rec.posts) == 1 and third.events == [] and exit_status(third, exit_code=True) == 0


def test_a_receiver_down_for_three_runs_gets_every_event_once_on_the_fourth(
    world: Path, mirror: MirrorServer
) -> None:
    with run_receiver(statuses=[503] * 9) as rec:  # three runs of three attempts each
        first, out = refresh(world, mirror, [rec.url])
        found = {e.event_id for e in first.events}
        assert found and "wait for" in out
        for _ in range(2):
            later, out = refresh(world, mirror, [rec.url])
            assert exit_status(later, exit_code=True) == 3 and "wait for" in out
        assert len(rec.posts) == 9 and rec.statuses == []
        fourth, out = refresh(world, mirror, [rec.url])
        assert f"notified  {rec.url} (HTTP 204)" in out and "wait for" not in out
        delivered = rec.posts[9:]
        assert len(delivered) == 1
        ids = _ids(delivered)
        assert sorted(ids) == sorted(found)
        with open_store(world / "t.duckdb", read_only=True) as st:
            assert outbox.undelivered(st, [rec.url]) == {}


def test_a_refusing_receiver_keeps_its_events_and_a_new_receiver_gets_only_new_ones(
    world: Path, mirror: MirrorServer
) -> None:
    with run_receiver(statuses=[400]) as bad:
        refresh(world, mirror, [bad.url])
        assert len(bad.posts) == 1  # a 4xx is not retried in the run
        with run_receiver() as late:
            report, out = refresh(world, mirror, [bad.url, late.url])
            assert late.posts == []  # registered after the snapshot: owed nothing
            assert len(bad.posts) == 2 and set(_ids(bad.posts[1:])) == set(_ids(bad.posts[:1]))


def test_a_password_in_a_webhook_url_is_never_printed(world: Path, mirror: MirrorServer) -> None:
    with run_receiver() as rec:
        url = rec.url.replace("http://", "http://user:s3cret@")
        _report, out = refresh(world, mirror, [url])
        assert "s3cret" not in out and "user:***@" in out
    with open_store(world / "t.duckdb", read_only=True) as st:
        for table in ("outbox_receivers", "outbox_snapshots", "outbox"):
            rows = st.con.execute(f"SELECT * FROM {table}").fetchall()
            assert rows and "s3cret" not in repr(rows) and "127.0.0.1" not in repr(rows)


@pytest.fixture(scope="module")
def five(tmp_path_factory: pytest.TempPathFactory, html_dir: Path) -> Iterator[MirrorServer]:
    """The kill tests' five treaties behind a mirror (links to the saved pages, never copies)."""
    site = tmp_path_factory.mktemp("five")
    for t in kill_test.TREATIES:
        (site / f"{t}.html").symlink_to(html_dir / f"{t}.html")
    with run_mirror(site) as server:
        yield server


def test_sigkill_after_the_commits_before_the_notify_loses_no_event(
    tmp_path: Path, five: MirrorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with run_receiver() as rec:
        monkeypatch.setenv("TREATIES_NOTIFY", rec.url)  # the child is `treaties refresh` with this set
        p = kill_test.place(tmp_path / "run")
        proc = kill_test.start_child(p, five.base_url, "report", 1)  # held while the site moves in
        try:
            kill_test.wait_held(p, proc)
        finally:
            kill_test.kill(proc)  # SIGKILL: every page committed, nobody told
        assert rec.posts == []
        with open_store(p.db, read_only=True) as st:
            assert set(st.known_treaties()) == set(kill_test.TREATIES)

        out = io.StringIO()
        report = run_refresh(
            list(kill_test.TREATIES),
            base_url=five.base_url,
            out=out,
            client=HttpClient(TEST_SETTINGS, trust_env=False),
            raw=RawStore(p.raw),
            db=p.db,
            write_site=False,
            notify=[rec.url],
        )
        assert {r.outcome for r in report.results} == {"skipped"}  # nothing fetched again
        ids = _ids(rec.posts)
        assert len(rec.posts) == 1 and len(ids) == len(set(ids))
        got = {e["mtdsg_no"] for p_ in rec.posts for e in p_.json()["events"]}
        assert got == set(kill_test.TREATIES)  # each treaty's events (its first snapshot), once
        run_refresh(
            list(kill_test.TREATIES),
            base_url=five.base_url,
            out=io.StringIO(),
            client=HttpClient(TEST_SETTINGS, trust_env=False),
            raw=RawStore(p.raw),
            db=p.db,
            write_site=False,
            notify=[rec.url],
        )
        assert len(rec.posts) == 1  # and never again
