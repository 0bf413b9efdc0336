"""refresh end to end: loopback mirror -> HTTP client -> raw store -> parse_page -> the real store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.mirror import NOT_A_TREATY_PAGE, MirrorServer
from pipeline.fetch.rawstore import OK_OUTCOMES, RawStore
from pipeline.mtdsg import status_page_url
from pipeline.runs.refresh import refresh
from pipeline.runs.results import FAILED, SAVED, SKIPPED, UNCHANGED
from tests.fetch.conftest import HAND_TREATIES, Clients, hand_page
from tests.fetch.faults import Fault

store_mod = pytest.importorskip(
    "pipeline.store", reason="pipeline.store (the snapshot store) is not installed"
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Any]:
    with store_mod.open_store(tmp_path / "t.duckdb") as s:
        yield s


def snapshot_shas(store: Any, mtdsg_no: str) -> list[str]:
    df = store.snapshots(mtdsg_no)
    return [] if df.empty else list(df["raw_sha256"])


def requested(mirror: MirrorServer, mtdsg_no: str) -> int:
    return sum(f"mtdsg_no={mtdsg_no}&" in q.path for q in mirror.log)


def test_refresh_saves_then_304s_report_unchanged(fetcher: Fetcher, store: Any, mirror: MirrorServer) -> None:
    first = refresh(HAND_TREATIES[:3], fetcher, store, max_age=None)
    assert [r.outcome for r in first.results] == [SAVED] * 3 and first.ok
    assert first.summary() == "saved 3, unchanged 0, failed 0"
    second = refresh(HAND_TREATIES[:3], fetcher, store, max_age=None)
    assert [r.outcome for r in second.results] == [UNCHANGED] * 3
    assert [q.answered for q in mirror.log[3:]] == [304] * 3
    assert all(len(snapshot_shas(store, t)) == 1 for t in HAND_TREATIES[:3])
    assert fetcher.raw.verify() == []


def test_500_then_success_is_retried_and_stored_once(
    fetcher: Fetcher, store: Any, mirror: MirrorServer, clients: Clients
) -> None:
    mirror.inject(Fault("status", status=500, times=1))
    report = refresh(["IV-91"], fetcher, store, max_age=None)
    assert report.ok and report.results[0].outcome == SAVED
    assert [q.answered for q in mirror.log] == [500, 200] and len(clients.waits) == 1
    assert len(snapshot_shas(store, "IV-91")) == 1
    ok = [e for e in fetcher.raw.entries() if e.outcome in OK_OUTCOMES]
    assert len(ok) == 1 and len(list((fetcher.raw.objects_dir).rglob("*"))) == 2  # one folder, one object


FAULTS = {
    "500 every time": (Fault("status", status=500, times=99), "HTTP 500"),
    "429 every time": (Fault("status", status=429, headers={"Retry-After": "2"}, times=99), "HTTP 429"),
    "timeout": (Fault("slow", delay=3.0, times=99), "timed out"),
    "connection reset": (Fault("reset", times=99), "connection failed"),
    "truncated body": (Fault("truncate", times=99), "incomplete"),
    "oversize body": (Fault("oversize", size=3_000_000, times=99), "byte limit"),
    "200 but not a treaty page": (
        Fault("status", status=200, body=NOT_A_TREATY_PAGE, times=99),
        "not a treaty status page",
    ),
}


@pytest.mark.parametrize("fault_name", list(FAULTS))
def test_a_fault_is_reported_and_the_last_good_snapshot_stays_latest(
    fault_name: str, site_dir: Path, mirror: MirrorServer, store: Any, clients: Clients
) -> None:
    fault, message = FAULTS[fault_name]
    raw = RawStore(site_dir.parent / "raw")
    with clients.make(timeout_s=0.3, max_retries=1) as client:
        fetcher = Fetcher(client, raw, mirror.base_url)
        assert refresh(["IV-91", "IV-92"], fetcher, store, max_age=None).ok
        good = snapshot_shas(store, "IV-91")
        # The site has news for IV-91, but this time the answer is broken.
        (site_dir / "IV-91.html").write_bytes(
            hand_page("IV-91", parties=2, status_at="04-02-2026 09:00:00 EST")
        )
        fault.match = "mtdsg_no=IV-91&"
        mirror.inject(fault)
        report = refresh(["IV-91", "IV-92"], fetcher, store, max_age=None)
        assert not report.ok
        failed, other = report.results
        assert failed.outcome == FAILED and message in failed.detail
        assert other.outcome == UNCHANGED
        assert snapshot_shas(store, "IV-91") == good  # the earlier snapshot is still the latest
        assert raw.verify() == []
        last = [e for e in raw.entries() if e.mtdsg_no == "IV-91"][-1]
        assert last.outcome in ("failed", "not_treaty")
        if last.sha256:  # a complete but wrong body is kept as evidence, never as a snapshot
            assert raw.get(last.sha256) == NOT_A_TREATY_PAGE and last.sha256 not in good
        # Once the site answers properly, the news is stored.
        fault.times = 0
        again = refresh(["IV-91"], fetcher, store, max_age=None)
        assert again.ok and again.results[0].outcome == SAVED
        assert len(snapshot_shas(store, "IV-91")) == 2


class Interrupting:
    """Wraps the store and raises KeyboardInterrupt at the n-th import, as a Ctrl-C mid-run would."""

    def __init__(self, store: Any, at: int) -> None:
        self.store, self.at, self.n = store, at, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)

    def import_page(self, *args: Any, **kwargs: Any) -> Any:
        self.n += 1
        if self.n == self.at:
            raise KeyboardInterrupt
        return self.store.import_page(*args, **kwargs)


def test_killed_refresh_restarts_consistent_and_fetches_nothing_stored_twice(
    fetcher: Fetcher, store: Any, mirror: MirrorServer
) -> None:
    with pytest.raises(KeyboardInterrupt):
        refresh(HAND_TREATIES, fetcher, Interrupting(store, at=3), max_age=timedelta(hours=6))
    assert len(mirror.log) == 3 and [t for t in HAND_TREATIES if snapshot_shas(store, t)] == [
        "IV-91",
        "IV-92",
    ]
    assert fetcher.raw.verify() == []
    report = refresh(HAND_TREATIES, fetcher, store, max_age=timedelta(hours=6))
    assert [r.outcome for r in report.results] == [SKIPPED, SKIPPED, SAVED, SAVED, SAVED]
    assert {t: requested(mirror, t) for t in HAND_TREATIES} == {
        "IV-91": 1,  # stored before the kill: not fetched again
        "IV-92": 1,
        "IV-93": 2,  # fetched but not stored when killed: fetched again
        "IV-94": 1,
        "IV-95": 1,
    }
    assert all(len(snapshot_shas(store, t)) == 1 for t in HAND_TREATIES)
    ok_urls = [e.url for e in fetcher.raw.entries() if e.outcome in OK_OUTCOMES]
    assert sorted(ok_urls) == sorted(status_page_url(t, mirror.base_url) for t in HAND_TREATIES)
    assert fetcher.raw.verify() == []
    # A third run inside the window asks the site for nothing at all.
    n = len(mirror.log)
    assert refresh(HAND_TREATIES, fetcher, store).count(SKIPPED) == 5 and len(mirror.log) == n
