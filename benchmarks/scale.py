"""Scale benchmark: a SYNTHETIC ten-year daily history of the whole collection, built from the real pages'
participant lists and their real rate of change, then the cost of every reading command on it.

Nothing here touches the user's database: the synthetic store lives in a temporary folder, its treaties are
numbered XXIX-1000 and up (no such treaties), and every source and title says "synthetic".
"""

from __future__ import annotations

import hashlib
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

import pyarrow as pa

from pipeline.runs.export import export_tables
from pipeline.store import Store, open_store
from pipeline.store.queries import records
from pipeline.store.writer import COLUMNS, registered

SYNTHETIC_CHAPTER = "XXIX"
FIRST_NUMBER = 1000  # XXIX-1000, XXIX-1001, ...: chapter XXIX has a handful of treaties, none numbered so
START = date(2016, 1, 1)


def synthetic_number(i: int) -> str:
    return f"{SYNTHETIC_CHAPTER}-{FIRST_NUMBER + i}"


def _sha(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


@dataclass(frozen=True)
class RealRate:
    """Dated actions per treaty per year in the ten years before the saved pages' capture, as they show."""

    treaties: int
    actions: int
    years: int
    since: date
    until: date

    @property
    def per_treaty_year(self) -> float:
        return self.actions / self.treaties / self.years


def real_rate(con, years: int = 10) -> RealRate:
    """Count the signature, consent and provisional-application dates the latest rows of every real treaty
    show in the `years` years before the newest snapshot of that treaty."""
    rows = con.execute(
        f"""WITH latest AS (SELECT mtdsg_no, max(as_at)::DATE AS until FROM snapshots GROUP BY mtdsg_no)
            SELECT count(DISTINCT l.mtdsg_no), count(d.day), min(l.until), max(l.until) FROM latest l
            LEFT JOIN (
              SELECT mtdsg_no, unnest([signature_date, consent_date, provisional_date]) AS day
              FROM participations WHERE valid_to IS NULL) d
            ON d.mtdsg_no = l.mtdsg_no AND d.day > l.until - INTERVAL {years} YEAR AND d.day <= l.until"""
    ).fetchall()[0]
    return RealRate(int(rows[0]), int(rows[1]), years, rows[2], rows[3])


@dataclass
class ScaleBuild:
    treaties: int
    days: int
    snapshots: int
    unchanged_refreshes: int  # daily refreshes that found nothing new: recorded in observation runs
    row_versions: int
    build_s: float
    db_bytes: int
    rate: RealRate
    changes_per_day: float


@dataclass
class _Treaty:
    """One synthetic treaty while its history is generated: its current rows, by participant."""

    mtdsg_no: str
    title: str
    rows: dict[str, dict]
    snapshot_ids: list[int] = field(default_factory=list)


def _counts(rows: dict[str, dict]) -> tuple[int, int]:
    parties = sum(1 for r in rows.values() if r["consent_date"] is not None and not r["withdrawn"])
    signatories = sum(1 for r in rows.values() if r["signature_date"] is not None)
    return signatories, parties


def _change(row: dict, day: date, rng: random.Random) -> dict:
    """What the UN records for a participant: a signature, then ratification (or an accession), rarely a
    withdrawal. The new row content gets a new row hash, as normalise would give it."""
    new = dict(row)
    if new["consent_date"] is None and new["signature_date"] is None and rng.random() < 0.5:
        new.update(signature_date=day, signature_type="Signature", signature_code="")
    elif new["consent_date"] is None or new["withdrawn"]:
        kind = rng.choice([("Ratification", ""), ("Accession", "a")])
        new.update(consent_date=day, consent_type=kind[0], consent_code=kind[1], consent_withdrawn=False)
        new["withdrawn"] = False
    elif rng.random() < 0.2:
        new.update(consent_withdrawn=True, withdrawn=True)
    else:
        # Most actions on a party's row are later ones the site lists as other actions (objections,
        # succession notes, territorial applications).
        new["other_actions"] = ((new["other_actions"] or "") + f"; Notification {day.isoformat()}").lstrip(
            "; "
        )
    new["row_hash"] = _sha("synthetic-row", new["mtdsg_no"], new["iso3"], day, new["row_hash"])
    return new


class _Builder:
    """Collects the synthetic rows of every table as Python lists, written at the end as Arrow inserts."""

    def __init__(self) -> None:
        self.snapshots: list[dict] = []
        self.observations: list[dict] = []
        self.versions: dict[str, list[dict]] = {t: [] for t in COLUMNS}
        self.open: dict[tuple[str, str], dict] = {}  # (treaty, iso3) -> its open participations version
        self.next_id = 1

    def snapshot(self, t: _Treaty, day: date, now: datetime) -> int:
        sid = self.next_id
        self.next_id += 1
        signatories, parties = _counts(t.rows)
        at = datetime.combine(day, datetime.min.time()).replace(hour=10)
        content = _sha("synthetic-content", t.mtdsg_no, sid)
        self.snapshots.append(
            {
                "snapshot_id": sid,
                "mtdsg_no": t.mtdsg_no,
                "seq": len(t.snapshot_ids) + 1,
                "as_at": at,
                "source": f"synthetic:{t.mtdsg_no}:{day.isoformat()}",
                "source_kind": "html",
                "raw_sha256": _sha("synthetic-page", t.mtdsg_no, day),
                "parser_version": "synthetic",
                "imported_at": now,
                "content_hash": content,
                "title": t.title,
                "chapter": SYNTHETIC_CHAPTER,
                "declared_signatories": signatories,
                "declared_parties": parties,
                "counted_signatories": signatories,
                "counted_parties": parties,
                "participants_complete": True,
                "has_signature_column": True,
                "reconciliation": None,
            }
        )
        t.snapshot_ids.append(sid)
        return sid

    def seen_until(self, t: _Treaty, last_day: date, now: datetime) -> int:
        """The daily refreshes after the treaty's latest snapshot up to last_day: one run of observations."""
        snap = self.snapshots[t.snapshot_ids[-1] - 1]
        first = snap["as_at"] + timedelta(days=1)
        last = datetime.combine(last_day, datetime.min.time()).replace(hour=10)
        seen = (last - first).days + 1
        if seen > 0:
            self.observations.append(
                {
                    "snapshot_id": snap["snapshot_id"],
                    "first_seen": first,
                    "last_seen": last,
                    "seen": seen,
                    "raw_sha256": _sha("synthetic-page", t.mtdsg_no, last_day),
                    "source": f"synthetic:{t.mtdsg_no}:{last_day.isoformat()}",
                    "imported_at": now,
                }
            )
        return max(seen, 0)

    def version(self, table: str, row: dict, sid: int) -> None:
        v = {**row, "valid_from": sid, "valid_to": None}
        self.versions[table].append(v)
        if table == "participations":
            self.open[(row["mtdsg_no"], row["iso3"])] = v


def build_scale_db(
    corpus_db: Path,
    db: Path,
    *,
    treaties: int = 560,
    years: int = 10,
    seed: int = 15,
) -> ScaleBuild:
    """A SYNTHETIC store at `db`: `treaties` treaties refreshed daily for `years` years.

    Each synthetic treaty starts from the latest participants, declarations and end notes of a real treaty in
    `corpus_db` (cycling through them), and changes on random days at the real rate (RealRate): a change day
    is a new snapshot with one participant's row changed; every other day is an unchanged refresh, recorded
    as the store records it (runs of observations).
    """
    t0 = time.perf_counter()
    rng = random.Random(seed)
    now = datetime.now()
    days = 365 * years
    with open_store(corpus_db, read_only=True) as real:
        rate = real_rate(real.con, years)
        real_numbers = [
            r[0] for r in real.con.execute("SELECT mtdsg_no FROM treaties ORDER BY mtdsg_no").fetchall()
        ]
        latest = {
            table: records(
                real.con.execute(
                    f"SELECT mtdsg_no AS real_no, {', '.join(cols)} FROM {table} WHERE valid_to IS NULL"
                )
            )
            for table, cols in COLUMNS.items()
        }
        titles = dict(real.con.execute("SELECT mtdsg_no, title FROM treaties").fetchall())
    by_real: dict[str, dict[str, list[dict]]] = {t: {} for t in COLUMNS}
    for table, found in latest.items():
        for r in found:
            by_real[table].setdefault(r.pop("real_no"), []).append(r)
    listed = [n for n in real_numbers if by_real["participations"].get(n)]
    b = _Builder()
    all_treaties: list[_Treaty] = []
    for i in range(treaties):
        real_no = listed[i % len(listed)]
        m = synthetic_number(i)
        rows = {r["iso3"]: {**r, "mtdsg_no": m} for r in by_real["participations"][real_no]}
        t = _Treaty(m, f"Synthetic treaty {i + 1} (participants of {real_no}: {titles.get(real_no)})", rows)
        sid = b.snapshot(t, START, now)
        for r in rows.values():
            b.version("participations", r, sid)
        for table in ("declarations", "end_notes"):
            for r in by_real[table].get(real_no, []):
                b.version(table, {**r, "mtdsg_no": m}, sid)
        all_treaties.append(t)
    # Change days of each treaty: the real number of actions per treaty-year, spread at random.
    unchanged = 0
    for t in all_treaties:
        n_changes = _poisson(rng, rate.per_treaty_year * years)
        change_days = sorted({START + timedelta(days=rng.randint(1, days - 1)) for _ in range(n_changes)})
        for day in change_days:
            unchanged += b.seen_until(t, day - timedelta(days=1), now)
            iso3 = rng.choice(sorted(t.rows))
            new = _change(t.rows[iso3], day, rng)
            t.rows[iso3] = new
            sid = b.snapshot(t, day, now)
            b.open[(t.mtdsg_no, iso3)]["valid_to"] = sid
            b.version("participations", new, sid)
        unchanged += b.seen_until(t, START + timedelta(days=days - 1), now)
    _write(db, b, all_treaties)
    return ScaleBuild(
        treaties=treaties,
        days=days,
        snapshots=len(b.snapshots),
        unchanged_refreshes=unchanged,
        row_versions=sum(len(v) for v in b.versions.values()),
        build_s=time.perf_counter() - t0,
        db_bytes=db.stat().st_size,
        rate=rate,
        changes_per_day=rate.per_treaty_year * treaties / 365,
    )


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method is slow for large means; a rounded normal is close enough there.
    if mean > 30:
        return max(0, round(rng.gauss(mean, mean**0.5)))
    limit, k, p = pow(2.718281828459045, -mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _write(db: Path, b: _Builder, treaties: list[_Treaty]) -> None:
    with open_store(db) as store:
        con = store.con
        con.execute("BEGIN TRANSACTION")
        _insert(con, "snapshots", b.snapshots)
        _insert(con, "observations", b.observations)
        for table, rows in b.versions.items():
            cols = ["mtdsg_no", *COLUMNS[table], "valid_from", "valid_to"]
            _insert(con, table, [{c: r[c] for c in cols} for r in rows])
        _insert(
            con,
            "treaties",
            [
                {
                    "mtdsg_no": t.mtdsg_no,
                    "chapter": SYNTHETIC_CHAPTER,
                    "chapter_title": "Synthetic treaties for the benchmark",
                    "title": t.title,
                    "conclusion": None,
                    "entry_into_force": None,
                    "registration": None,
                    "latest_snapshot_id": t.snapshot_ids[-1],
                }
                for t in treaties
            ],
        )
        con.execute("COMMIT")
        con.execute("CHECKPOINT")


def _insert(con, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    data = pa.Table.from_pylist(rows)
    with registered(con, "synthetic_rows", data):
        con.execute(f"INSERT INTO {table} ({', '.join(data.column_names)}) SELECT * FROM synthetic_rows")


def add_one_day(db: Path, build: ScaleBuild, *, seed: int = 16) -> int:
    """One more synthetic day: the real rate of changes as new snapshots, every other treaty's latest snapshot
    seen once more (its observation run extended). Returns the number of changed treaties."""
    rng = random.Random(seed)
    day = START + timedelta(days=build.days)
    at = datetime.combine(day, datetime.min.time()).replace(hour=10)
    changes = max(1, round(build.changes_per_day))
    with open_store(db) as store:
        con = store.con
        numbers = [synthetic_number(i) for i in range(build.treaties)]
        changed = rng.sample(numbers, changes)
        con.execute("BEGIN TRANSACTION")
        for m in changed:
            prev = records(
                con.execute("SELECT * FROM snapshots WHERE mtdsg_no = ? ORDER BY seq DESC LIMIT 1", [m])
            )[0]
            rows = records(
                con.execute(
                    "SELECT * FROM participations WHERE mtdsg_no = ? AND valid_to IS NULL ORDER BY iso3", [m]
                )
            )
            sid = int(con.execute("SELECT max(snapshot_id) + 1 FROM snapshots").fetchall()[0][0])
            old = rng.choice(rows)
            new = _change({k: old[k] for k in ["mtdsg_no", *COLUMNS["participations"]]}, day, rng)
            snap = {
                **prev,
                "snapshot_id": sid,
                "seq": prev["seq"] + 1,
                "as_at": at,
                "source": f"synthetic:{m}:{day.isoformat()}",
                "raw_sha256": _sha("synthetic-page", m, day),
                "content_hash": _sha("synthetic-content", m, sid),
            }
            _insert(con, "snapshots", [snap])
            con.execute(
                "UPDATE participations SET valid_to = ? WHERE mtdsg_no = ? AND iso3 = ? AND valid_to IS NULL",
                [sid, m, old["iso3"]],
            )
            _insert(con, "participations", [{**new, "valid_from": sid, "valid_to": None}])
            con.execute("UPDATE treaties SET latest_snapshot_id = ? WHERE mtdsg_no = ?", [sid, m])
        con.execute(
            """UPDATE observations o SET last_seen = $t, seen = seen + 1 FROM treaties t
               WHERE o.snapshot_id = t.latest_snapshot_id AND t.mtdsg_no NOT IN (SELECT unnest($changed))""",
            {"t": at, "changed": changed},
        )
        con.execute("COMMIT")
    return changes


@dataclass
class ScaleTimes:
    ms: dict[str, list[float]]

    def p(self, name: str, q: float) -> float:
        values = sorted(self.ms[name])
        if len(values) == 1:
            return values[0]
        return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def _status(store: Store, m: str) -> None:
    """What `treaties status` reads: the treaty's row and its participants table."""
    store.treaty(m)
    store.participants(m)


def _timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return 1000 * (time.perf_counter() - t)


def measure_queries(
    db: Path, build: ScaleBuild, *, calls: int = 20, heavy_calls: int = 3, seed: int = 17
) -> ScaleTimes:
    """p50/p95 wall time of what `treaties status`, `asof`, `diff`, `country`, `matrix` and `export` do."""
    rng = random.Random(seed)
    ms: dict[str, list[float]] = {k: [] for k in ("status", "asof", "diff", "country", "matrix", "export")}
    with (
        open_store(db, read_only=True) as store,
        tempfile.TemporaryDirectory(prefix="treaties-scale-") as tmp,
    ):
        codes = sorted(store.participant_codes())
        for _ in range(calls):
            m = synthetic_number(rng.randrange(build.treaties))
            ms["status"].append(_timed(partial(_status, store, m)))
            on = START + timedelta(days=rng.randrange(build.days))
            ms["asof"].append(_timed(partial(store.asof, m, on)))
            a, b = sorted(START + timedelta(days=rng.randrange(build.days)) for _ in range(2))
            ms["diff"].append(_timed(partial(store.diff, m, a, b)))
            code = rng.choice(codes)
            ms["country"].append(_timed(partial(store.country, code)))
        for _ in range(heavy_calls):
            ms["matrix"].append(_timed(store.matrix))
        # One export: it writes the full history and every change event of ten years (minutes at this size).
        ms["export"].append(_timed(partial(export_tables, store, Path(tmp) / "export")))
    return ScaleTimes(ms)


def measure_report(db: Path, build: ScaleBuild, out: Path) -> tuple[float, int, float]:
    """pipeline.report.render_site into `out` from scratch, then again after one synthetic day's changes:
    (full seconds, treaties changed, seconds of the second build)."""
    from pipeline.report import render_site  # lazy: the report only for the bench step that times it

    with open_store(db, read_only=True) as store:
        t = time.perf_counter()
        render_site(store, out)
        full_s = time.perf_counter() - t
    changed = add_one_day(db, build)
    with open_store(db, read_only=True) as store:
        t = time.perf_counter()
        render_site(store, out)
        again_s = time.perf_counter() - t
    return full_s, changed, again_s
