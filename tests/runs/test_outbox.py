"""The events outbox: a run killed before it notified, or a receiver down for three runs, loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.fetch.mirror import MirrorServer
from pipeline.runs import notify as notify_run
from pipeline.runs import refresh as refresh_run
from pipeline.runs.refresh import exit_status
from pipeline.store import open_store, outbox
from tests.receiver import run_receiver
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
            assert outbox.undelivered(st) == {}


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
