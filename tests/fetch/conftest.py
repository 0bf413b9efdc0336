"""Fixtures for the fetch tests: a folder of small hand-written treaty pages, a fake store, fast clients."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import pytest

from pipeline.config import HttpSettings
from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.http import HttpClient
from pipeline.fetch.mirror import MirrorServer, run_mirror
from pipeline.fetch.rawstore import RawStore
from pipeline.normalise.page import NormalisedPage
from pipeline.store import ImportResult
from tests.fetch.faults import FaultyMirror
from tests.pagemaker import cell, status_page

# Five made-up treaties of chapter IV (the real numbers are not used, so nothing here is a saved page).
HAND_TREATIES = ("IV-91", "IV-92", "IV-93", "IV-94", "IV-95")

TEST_SETTINGS = HttpSettings(
    user_agent="treaties-test/0 (+https://example.invalid/contact)",
    timeout_s=2.0,
    max_retries=2,
    backoff_base_s=1.0,
    backoff_max_s=60.0,
    min_interval_s=0.0,
    max_bytes=1_000_000,
)


def hand_page(mtdsg_no: str, parties: int = 1, status_at: str = "03-02-2026 10:16:18 EDT") -> bytes:
    countries = ["Albania", "Brazil", "Chile", "Denmark", "Egypt"][:parties]
    rows = [[c, cell("1", "Jan", "2000"), cell("2", "Feb", "2001")] for c in countries]
    return status_page(
        mtdsg_no=mtdsg_no,
        rows=rows,
        status=f"Signatories :\n {parties}.    Parties :\n {parties}",
        status_at=status_at,
    )


@pytest.fixture
def site_dir(tmp_path: Path) -> Path:
    d = tmp_path / "site"
    d.mkdir()
    for t in HAND_TREATIES:
        (d / f"{t}.html").write_bytes(hand_page(t))
    return d


@pytest.fixture
def mirror(site_dir: Path) -> Iterator[MirrorServer]:
    with run_mirror(site_dir, server_class=FaultyMirror) as server:
        yield server


@pytest.fixture
def raw(tmp_path: Path) -> RawStore:
    return RawStore(tmp_path / "raw")


@dataclass
class Clients:
    waits: list[float] = field(default_factory=list)

    def make(self, **overrides: object) -> HttpClient:
        settings = replace(TEST_SETTINGS, **overrides)  # type: ignore[arg-type]
        # Sleeping is recorded, not done: back-off and Retry-After are asserted by counting.
        return HttpClient(settings, sleep=self.waits.append, rng=lambda: 0.5, trust_env=False)


@pytest.fixture
def clients() -> Clients:
    return Clients()


@pytest.fixture
def fetcher(mirror: MirrorServer, raw: RawStore, clients: Clients) -> Iterator[Fetcher]:
    with clients.make() as client:
        yield Fetcher(client, raw, mirror.base_url)


@dataclass
class FakeStore:
    """In-memory stand-in for pipeline.store: a new snapshot when the normalised content changes."""

    snapshots: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    imports: int = 0

    def find_imported(self, raw_sha256: str, **_: object) -> None:
        return None

    def import_page(
        self, page: NormalisedPage, *, source: str, raw_sha256: str, captured_at: datetime | None = None
    ) -> ImportResult:
        self.imports += 1
        m = page.status.mtdsg_no
        snaps = self.snapshots.setdefault(m, [])
        outcome = "unchanged" if snaps and snaps[-1][0] == page.content_hash else "saved"
        if outcome == "saved":
            snaps.append((page.content_hash, raw_sha256))
        return ImportResult(m, outcome, len(snaps), captured_at or datetime(2026, 1, 1))


@pytest.fixture
def fake_store() -> FakeStore:
    return FakeStore()
