"""History costs: database growth per unchanged refresh, as-of and diff latency on a synthetic history."""

from __future__ import annotations

import hashlib
import random
import statistics
import time
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from pipeline.normalise.codes import load_entries
from pipeline.normalise.page import NormalisedPage, normalise_page
from pipeline.parse.model import (
    ROLE_CONSENT,
    ROLE_SIGNATURE,
    SOURCE_HTML,
    Action,
    Column,
    Participant,
    TreatyStatus,
)
from pipeline.runs.importing import BATCH_PAGES
from pipeline.store import open_store
from pipeline.store.db import PageProvenance

SYNTHETIC_MTDSG = "XXIX-99"  # no such treaty: chapter XXIX has a handful, none numbered 99


def _fake_sha(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _checkpointed_size(store, path: Path) -> int:
    # DuckDB writes to a WAL first; only a checkpoint puts the change in the database file itself.
    store.con.execute("CHECKPOINT")
    return path.stat().st_size


@dataclass(frozen=True)
class Growth:
    refreshes: int
    bytes_before: int  # after the first import and the first unchanged refresh
    bytes_after: int
    observations: int  # rows the measured refreshes added to the observations table
    snapshots_added: int
    first_refresh_bytes: int  # what the first unchanged refresh of a snapshot added (its run row)

    @property
    def bytes_per_refresh(self) -> float:
        return (self.bytes_after - self.bytes_before) / self.refreshes


def measure_growth(status: TreatyStatus, db: Path, *, refreshes: int = 100) -> Growth:
    """The same content refreshed `refreshes` times, each with a new STATUS AS AT and a new raw sha256, each
    in its own session of the store (opened, written, closed: closing checkpoints), as `treaties refresh`
    runs day after day.

    The first unchanged refresh of a snapshot starts its run of observations, and the checkpoint after it
    rewrites the observations table into new blocks (DuckDB never overwrites the blocks of the last
    checkpoint): it is measured apart (first_refresh_bytes). Every later refresh updates the run in place,
    and each checkpoint reuses the blocks the one before freed: that steady state is bytes_per_refresh.
    """
    base = status.status_as_at or datetime(2026, 2, 3, 10, 0, tzinfo=timezone(timedelta(hours=-5)))

    def refresh(n: int) -> None:
        again = replace(status, status_as_at=base + timedelta(hours=n)) if n else status
        with open_store(db) as store:
            page = normalise_page(again, store.resolver)
            store.import_page(page, source=f"bench:growth:{n}", raw_sha256=_fake_sha("growth", n))

    refresh(0)
    imported = db.stat().st_size
    refresh(1)
    with open_store(db) as store:
        counts_before = store.table_counts()
        before = _checkpointed_size(store, db)
    for n in range(2, refreshes + 2):
        refresh(n)
    with open_store(db) as store:
        after = _checkpointed_size(store, db)
        counts_after = store.table_counts()
    return Growth(
        refreshes=refreshes,
        bytes_before=before,
        bytes_after=after,
        observations=counts_after["observations"] - counts_before["observations"],
        snapshots_added=counts_after["snapshots"] - counts_before["snapshots"],
        first_refresh_bytes=before - imported,
    )


_COLUMNS = (
    Column(index=1, label="Signature", role=ROLE_SIGNATURE, legend=(("", "signature"),)),
    Column(
        index=2,
        label="Ratification, Accession(a)",
        role=ROLE_CONSENT,
        legend=(("", "ratification"), ("a", "accession")),
    ),
)


def synthetic_names(count: int) -> list[str]:
    """`count` participant names with distinct ISO 3166 codes, from the curated name table."""
    names: dict[str, str] = {}
    for entry in load_entries():
        names.setdefault(entry.iso3, entry.canonical_name)
    if len(names) < count:
        raise ValueError(f"the name table has {len(names)} distinct codes, {count} wanted")
    return [names[k] for k in sorted(names)[:count]]


def synthetic_history(participants: int, snapshots: int, *, changes: int = 3, seed: int = 8):
    """TreatyStatus objects of one made-up treaty, one a day, each with a few rows changed from the last.

    A change signs, ratifies, accedes or withdraws (brackets a consent), as the real pages do.
    """
    rng = random.Random(seed)
    start = datetime(2020, 1, 1, 10, 0, tzinfo=timezone(timedelta(hours=-5)))
    rows = {
        name: Participant(name=name, row=i) for i, name in enumerate(synthetic_names(participants), start=1)
    }
    order = list(rows)
    for n in range(snapshots):
        at = start + timedelta(days=n)
        for name in rng.sample(order, changes):
            p = rows[name]
            day = at.date()
            if p.signature is None and p.consent is None:
                p = replace(p, signature=Action(day, "signature"))
            elif p.consent is None:
                p = replace(p, consent=Action(day, "ratification"))
            elif not p.consent.withdrawn:
                p = replace(p, consent=replace(p.consent, withdrawn=True))
            else:
                p = replace(p, consent=Action(day, "accession", "a"))
            rows[name] = p
        parts = tuple(rows[name] for name in order)
        yield TreatyStatus(
            mtdsg_no=SYNTHETIC_MTDSG,
            title="Synthetic treaty for the benchmark",
            source_kind=SOURCE_HTML,
            chapter="XXIX",
            status_as_at=at,
            declared_signatories=sum(p.is_signatory for p in parts),
            declared_parties=sum(p.is_party for p in parts),
            columns=_COLUMNS,
            participants=parts,
        )


@dataclass(frozen=True)
class HistoryTimes:
    snapshots: int
    participants: int
    import_s: float
    asof_ms: list[float]
    diff_ms: list[float]
    row_versions: int

    @property
    def asof_ms_p50(self) -> float:
        return statistics.median(self.asof_ms)

    @property
    def diff_ms_p50(self) -> float:
        return statistics.median(self.diff_ms)


def _import_all(store, batch: list) -> None:
    """Import a batch the way `treaties import` does (one transaction); any failure is the bench's bug."""
    for result in store.import_pages(batch):
        if isinstance(result, Exception):
            raise result
    batch.clear()


def measure_history(
    db: Path, *, participants: int = 200, snapshots: int = 1000, queries: int = 40, seed: int = 8
) -> HistoryTimes:
    """Import the synthetic history (in batches, as `treaties import` would), then time Store.asof and
    Store.diff at random dates (wall time)."""
    first: date | None = None
    last: date | None = None
    with open_store(db) as store:
        t0 = time.perf_counter()
        batch: list[tuple[NormalisedPage, PageProvenance]] = []
        for n, status in enumerate(synthetic_history(participants, snapshots, seed=seed)):
            where = PageProvenance(f"bench:synthetic:{n}", _fake_sha("synthetic", n))
            batch.append((normalise_page(status), where))
            if len(batch) == BATCH_PAGES:
                _import_all(store, batch)
            assert status.status_as_at is not None
            day = status.status_as_at.date()
            first = first or day
            last = day
        _import_all(store, batch)
        import_s = time.perf_counter() - t0
        assert first is not None and last is not None
        rng = random.Random(seed)
        span = (last - first).days
        asof_ms, diff_ms = [], []
        for _ in range(queries):
            on = first + timedelta(days=rng.randint(0, span))
            t = time.perf_counter()
            store.asof(SYNTHETIC_MTDSG, on)
            asof_ms.append(1000 * (time.perf_counter() - t))
            a, b = sorted(first + timedelta(days=rng.randint(0, span)) for _ in range(2))
            t = time.perf_counter()
            store.diff(SYNTHETIC_MTDSG, a, b)
            diff_ms.append(1000 * (time.perf_counter() - t))
        versions = store.table_counts()["participations"]
    return HistoryTimes(snapshots, participants, import_s, asof_ms, diff_ms, versions)
