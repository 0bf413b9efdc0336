"""Writing one normalised page into the store, in one transaction, as a few named steps."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time

import duckdb
import pyarrow as pa

from pipeline.normalise.page import (
    DECLARATION_SCHEMA,
    END_NOTE_SCHEMA,
    PARTICIPATION_SCHEMA,
    NormalisedPage,
)
from pipeline.store.model import ImportResult, StoreError

# Data columns of each row-version table (everything but the treaty key and the validity interval): the
# normalise stage's schemas are the one list.
COLUMNS: dict[str, list[str]] = {
    "participations": [f.name for f in PARTICIPATION_SCHEMA],
    "declarations": [f.name for f in DECLARATION_SCHEMA],
    "end_notes": [f.name for f in END_NOTE_SCHEMA],
}


def to_naive(value: date | datetime) -> datetime:
    """The store keeps naive timestamps: a page's own local time, or UTC for fetch and capture times."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value
    return datetime.combine(value, time())


@dataclass(frozen=True)
class PageWrite:
    """One page to write, with its provenance."""

    page: NormalisedPage
    as_at: datetime
    source: str
    raw_sha256: str
    parser_version: str
    imported_at: datetime


def status_time(page: NormalisedPage, captured_at: date | datetime | None) -> datetime:
    """The snapshot's date: the page's own STATUS AS AT, else the capture date (MTDSG XML has none)."""
    status = page.status
    if status.status_as_at is not None:
        return to_naive(status.status_as_at)
    if captured_at is not None:
        return to_naive(captured_at)
    raise StoreError(
        f"{status.mtdsg_no}: the page carries no status date (MTDSG XML): give its capture date (--captured)"
    )


def write_page(con: duckdb.DuckDBPyConnection, w: PageWrite) -> ImportResult:
    """Save one page as a snapshot (or an observation of an unchanged one), in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        result = _write(con, w)
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # the transaction is already gone (e.g. a disk error aborted it): raise the real error
        raise
    s = w.page.status
    return ImportResult(
        result.mtdsg_no,
        result.outcome,
        result.snapshot_id,
        result.as_at,
        s.declared_signatories,
        s.declared_parties,
    )


def _write(con: duckdb.DuckDBPyConnection, w: PageWrite) -> ImportResult:
    m = w.page.status.mtdsg_no
    if (same := _same_bytes_and_date(con, m, w)) is not None:
        if _stored_key(con, same, w) in (None, w.parser_version):
            return ImportResult(m, "unchanged", same, w.as_at)
        _read_again(con, m, same, w)
        return ImportResult(m, "saved", same, w.as_at)
    if (prev := _previous_with_same_content(con, m, w)) is not None:
        _observe(con, prev, w)
        return ImportResult(m, "unchanged", prev, w.as_at)
    new_id, is_last = _insert_snapshot(con, w)
    if w.page.participants_listed:
        _write_row_versions(con, m, new_id, w)
    if is_last:
        _point_treaty_at(con, w, new_id)
    return ImportResult(m, "saved", new_id, w.as_at)


def _same_bytes_and_date(con: duckdb.DuckDBPyConnection, m: str, w: PageWrite) -> int | None:
    """The very same bytes with the same date again: nothing to record at all."""
    found = con.execute(
        """SELECT snapshot_id FROM snapshots WHERE mtdsg_no = $m AND raw_sha256 = $sha AND as_at = $t
           UNION ALL
           SELECT o.snapshot_id FROM observations o JOIN snapshots s USING (snapshot_id)
           WHERE s.mtdsg_no = $m AND o.raw_sha256 = $sha AND o.last_seen = $t LIMIT 1""",
        {"m": m, "sha": w.raw_sha256, "t": w.as_at},
    ).fetchall()
    return int(found[0][0]) if found else None


def _stored_key(con: duckdb.DuckDBPyConnection, snapshot_id: int, w: PageWrite) -> str | None:
    """The import key a snapshot made of these very bytes was stored under (None: the bytes were only an
    observation of it, a snapshot made of other bytes)."""
    found = con.execute(
        "SELECT parser_version FROM snapshots WHERE snapshot_id = ? AND raw_sha256 = ?",
        [snapshot_id, w.raw_sha256],
    ).fetchall()
    return str(found[0][0]) if found else None


def _read_again(con: duckdb.DuckDBPyConnection, m: str, snapshot_id: int, w: PageWrite) -> None:
    """The same bytes, read by other code or tables (the import key changed): the snapshot now says what
    this reading says. Its id, order and observations stay; its row versions are folded again."""
    row = _snapshot_row(w, snapshot_id, 0)
    sets = {
        k: v for k, v in row.items() if k not in ("snapshot_id", "mtdsg_no", "seq", "as_at", "imported_at")
    }
    con.execute(
        f"UPDATE snapshots SET {', '.join(f'{k} = ${k}' for k in sets)} WHERE snapshot_id = $id",
        {**sets, "id": snapshot_id},
    )
    for table, data in _tables(w).items():
        if data.num_rows or _has_rows(con, table, m):
            _rebuild_versions(con, table, m, snapshot_id, data)
    latest = con.execute("SELECT latest_snapshot_id FROM treaties WHERE mtdsg_no = ?", [m]).fetchall()
    if latest and latest[0][0] == snapshot_id:
        _point_treaty_at(con, w, snapshot_id)


def _previous_with_same_content(con: duckdb.DuckDBPyConnection, m: str, w: PageWrite) -> int | None:
    """The snapshot in force at this page's date, if the page says exactly what it said."""
    prev = con.execute(
        """SELECT snapshot_id, content_hash FROM snapshots WHERE mtdsg_no = $m AND as_at <= $t
           ORDER BY seq DESC LIMIT 1""",
        {"m": m, "t": w.as_at},
    ).fetchall()
    if prev and prev[0][1] == w.page.content_hash:
        return int(prev[0][0])
    return None


def _observe(con: duckdb.DuckDBPyConnection, snapshot_id: int, w: PageWrite) -> None:
    """The snapshot was seen again: extend its run of observations (one row per snapshot, updated in place).

    A page dated inside the run already recorded (first_seen..last_seen) adds nothing: the run already says
    the content was there from first to last. Only such a page arriving out of order could have counted once
    more under the old row-per-observation table.
    """
    run = con.execute(
        "SELECT first_seen, last_seen FROM observations WHERE snapshot_id = ?", [snapshot_id]
    ).fetchall()
    args = {"id": snapshot_id, "t": w.as_at, "sha": w.raw_sha256, "src": w.source, "now": w.imported_at}
    if not run:
        con.execute("INSERT INTO observations VALUES ($id, $t, $t, 1, $sha, $src, $now)", args)
        return
    first, last = run[0]
    if first <= w.as_at <= last:
        return
    con.execute(
        """UPDATE observations SET first_seen = least(first_seen, $t), last_seen = greatest(last_seen, $t),
             seen = seen + 1,
             raw_sha256 = CASE WHEN $t > last_seen THEN $sha ELSE raw_sha256 END,
             source = CASE WHEN $t > last_seen THEN $src ELSE source END, imported_at = $now
           WHERE snapshot_id = $id""",
        args,
    )


def _insert_snapshot(con: duckdb.DuckDBPyConnection, w: PageWrite) -> tuple[int, bool]:
    """A new snapshot row, in the treaty's order by status date; returns its id and whether it is latest."""
    m = w.page.status.mtdsg_no
    new_id = int(con.execute("SELECT coalesce(max(snapshot_id), 0) + 1 FROM snapshots").fetchall()[0][0])
    later = con.execute(
        "SELECT count(*) FROM snapshots WHERE mtdsg_no = $m AND as_at > $t", {"m": m, "t": w.as_at}
    ).fetchall()[0][0]
    seq = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM snapshots WHERE mtdsg_no = ?", [m]).fetchall()
    row = _snapshot_row(w, new_id, int(seq[0][0]))
    con.execute(f"INSERT INTO snapshots VALUES ({', '.join('$' + k for k in row)})", row)
    if later:
        # An older page arrived after newer ones: renumber the treaty's snapshots by status date.
        con.execute(
            """UPDATE snapshots SET seq = r.rn FROM (
                 SELECT snapshot_id, row_number() OVER (ORDER BY as_at, snapshot_id) AS rn
                 FROM snapshots WHERE mtdsg_no = $m) r
               WHERE snapshots.snapshot_id = r.snapshot_id""",
            {"m": m},
        )
    return new_id, later == 0


def _write_row_versions(con: duckdb.DuckDBPyConnection, m: str, new_id: int, w: PageWrite) -> None:
    later_listed = con.execute(
        "SELECT count(*) FROM snapshots WHERE mtdsg_no = $m AND participants_complete AND as_at > $t",
        {"m": m, "t": w.as_at},
    ).fetchall()[0][0]
    for table, data in _tables(w).items():
        if data.num_rows == 0 and not _has_rows(con, table, m):
            continue  # nothing shown now or before (most treaties have no declarations or end notes)
        if later_listed == 0:
            _append_versions(con, table, m, new_id, data)
        else:
            _rebuild_versions(con, table, m, new_id, data)


def _tables(w: PageWrite) -> dict[str, pa.Table]:
    return {
        "participations": w.page.participations,
        "declarations": w.page.declarations,
        "end_notes": w.page.end_notes,
    }


def _has_rows(con: duckdb.DuckDBPyConnection, table: str, m: str) -> bool:
    return bool(con.execute(f"SELECT count(*) FROM {table} WHERE mtdsg_no = ?", [m]).fetchall()[0][0])


def _point_treaty_at(con: duckdb.DuckDBPyConnection, w: PageWrite, new_id: int) -> None:
    row = _treaty_row(w, new_id)
    con.execute("DELETE FROM treaties WHERE mtdsg_no = ?", [row["mtdsg_no"]])
    con.execute(f"INSERT INTO treaties VALUES ({', '.join('$' + k for k in row)})", row)


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, data: pa.Table) -> Iterator[None]:
    """`data` seen by the block's statements as the view `name` (DuckDB scans the Arrow table), then gone."""
    con.register(name, data)
    try:
        yield
    finally:
        con.unregister(name)


def _append_versions(con: duckdb.DuckDBPyConnection, table: str, m: str, new_id: int, data: pa.Table) -> None:
    """The new snapshot is the latest with participants: close what it no longer shows, add the new."""
    cols = ", ".join(COLUMNS[table])
    with registered(con, "incoming", data):
        con.execute(
            f"""UPDATE {table} SET valid_to = $id WHERE mtdsg_no = $m AND valid_to IS NULL
                AND row_hash NOT IN (SELECT row_hash FROM incoming)""",
            {"id": new_id, "m": m},
        )
        con.execute(
            f"""INSERT INTO {table} (mtdsg_no, {cols}, valid_from, valid_to)
                SELECT $m, {cols}, $id, NULL FROM incoming
                WHERE row_hash NOT IN (
                    SELECT row_hash FROM {table} WHERE mtdsg_no = $m AND valid_to IS NULL)""",
            {"id": new_id, "m": m},
        )


def _rebuild_versions(
    con: duckdb.DuckDBPyConnection, table: str, m: str, new_id: int, data: pa.Table
) -> None:
    """An older snapshot arrived after newer ones: recompute the treaty's validity intervals.

    Expand the intervals into (snapshot, row) memberships, add the new snapshot's rows, and fold them back
    into runs of consecutive snapshots (gaps and islands over the snapshot order).
    """
    cols = COLUMNS[table]
    col_list = ", ".join(cols)
    v_cols = ", ".join(f"v.{c}" for c in cols)
    any_cols = ", ".join(f"any_value({c}) AS {c}" for c in cols if c != "row_hash")
    with registered(con, "incoming", data):
        try:
            con.execute(
                """CREATE OR REPLACE TEMP TABLE ranks AS
                   SELECT snapshot_id, seq, row_number() OVER (ORDER BY seq) AS crank,
                          lead(snapshot_id) OVER (ORDER BY seq) AS next_id
                   FROM snapshots WHERE mtdsg_no = $m AND participants_complete""",
                {"m": m},
            )
            con.execute(
                f"""CREATE OR REPLACE TEMP TABLE members AS
                    SELECT c.crank, {v_cols}
                    FROM {table} v JOIN snapshots f ON f.snapshot_id = v.valid_from
                    LEFT JOIN snapshots t ON t.snapshot_id = v.valid_to
                    JOIN ranks c ON c.seq >= f.seq AND (v.valid_to IS NULL OR c.seq < t.seq)
                    WHERE v.mtdsg_no = $m AND c.snapshot_id <> $id
                    UNION ALL
                    SELECT (SELECT crank FROM ranks WHERE snapshot_id = $id), {col_list} FROM incoming""",
                {"m": m, "id": new_id},
            )
            con.execute(f"DELETE FROM {table} WHERE mtdsg_no = $m", {"m": m})
            con.execute(
                f"""INSERT INTO {table} (mtdsg_no, {col_list}, valid_from, valid_to)
                    SELECT $m, {col_list}, f.snapshot_id, l.next_id FROM (
                      SELECT row_hash, {any_cols}, min(crank) AS r0, max(crank) AS r1 FROM (
                        SELECT *, crank - row_number() OVER (PARTITION BY row_hash ORDER BY crank) AS grp
                        FROM members) GROUP BY row_hash, grp) g
                    JOIN ranks f ON f.crank = g.r0 JOIN ranks l ON l.crank = g.r1""",
                {"m": m},
            )
        finally:
            con.execute("DROP TABLE IF EXISTS members")
            con.execute("DROP TABLE IF EXISTS ranks")


# ---------------------------------------------------------------------------------------------- batches


def write_pages(con: duckdb.DuckDBPyConnection, writes: list[PageWrite]) -> list[ImportResult | Exception]:
    """Save many pages in one transaction, in their order; each page's result, or the error it raised.

    Runs of pages about treaties the store has never seen (the bulk of a first import) are written with one
    Arrow insert per table; any other page goes through the one-page steps above, inside the same
    transaction, so snapshot ids, sequence numbers and validity intervals are exactly those of importing the
    pages one by one. If anything in the batch fails, the whole batch is rolled back and written again one
    page per transaction: the bad page fails alone and leaves nothing half-written.
    """
    if not writes:
        return []
    con.execute("BEGIN TRANSACTION")
    try:
        results: list[ImportResult | Exception] = list(_write_batch(con, writes))
        con.execute("COMMIT")
    except Exception:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        results = []
        for w in writes:
            try:
                results.append(write_page(con, w))
            except Exception as exc:  # noqa: BLE001 - reported per page by the caller
                results.append(exc)
    return results


def _write_batch(con: duckdb.DuckDBPyConnection, writes: list[PageWrite]) -> list[ImportResult]:
    known = {r[0] for r in con.execute("SELECT DISTINCT mtdsg_no FROM snapshots").fetchall()}
    results: list[ImportResult] = []
    pending: list[PageWrite] = []  # consecutive pages of treaties new to the store, one page per treaty
    for w in writes:
        m = w.page.status.mtdsg_no
        if m not in known:
            pending.append(w)
            known.add(m)
            continue
        # Flush first, so that snapshot ids follow the pages' order as they would one page at a time.
        results += _insert_new_treaties(con, pending)
        pending = []
        results.append(_result(w, _write(con, w)))
    results += _insert_new_treaties(con, pending)
    return results


def _result(w: PageWrite, r: ImportResult) -> ImportResult:
    s = w.page.status
    return ImportResult(
        r.mtdsg_no, r.outcome, r.snapshot_id, r.as_at, s.declared_signatories, s.declared_parties
    )


def _insert_new_treaties(con: duckdb.DuckDBPyConnection, writes: list[PageWrite]) -> list[ImportResult]:
    """First snapshots of treaties new to the store: each is the treaty's only and latest snapshot (seq 1),
    all its rows open-ended from it. What _write does for such a page, as one insert per table."""
    if not writes:
        return []
    first_id = int(con.execute("SELECT coalesce(max(snapshot_id), 0) + 1 FROM snapshots").fetchall()[0][0])
    ids = list(range(first_id, first_id + len(writes)))
    snaps = [_snapshot_row(w, i, 1) for w, i in zip(writes, ids, strict=True)]
    with registered(con, "incoming_snapshots", pa.Table.from_pylist(snaps)):
        con.execute(f"INSERT INTO snapshots SELECT {', '.join(snaps[0])} FROM incoming_snapshots")
    treaties = pa.Table.from_pylist([_treaty_row(w, i) for w, i in zip(writes, ids, strict=True)])
    with registered(con, "incoming_treaties", treaties):
        con.execute("DELETE FROM treaties WHERE mtdsg_no IN (SELECT mtdsg_no FROM incoming_treaties)")
        con.execute(f"INSERT INTO treaties SELECT {', '.join(treaties.column_names)} FROM incoming_treaties")
    listed = [(w, i) for w, i in zip(writes, ids, strict=True) if w.page.participants_listed]
    for table, cols in COLUMNS.items():
        parts = []
        for w, i in listed:
            data = getattr(w.page, table)
            if data.num_rows:
                n = data.num_rows
                data = data.select(cols)
                data = data.append_column("mtdsg_no", pa.array([w.page.status.mtdsg_no] * n, pa.string()))
                parts.append(data.append_column("valid_from", pa.array([i] * n, pa.int32())))
        if not parts:
            continue
        col_list = ", ".join(cols)
        with registered(con, "incoming_rows", pa.concat_tables(parts)):
            con.execute(
                f"""INSERT INTO {table} (mtdsg_no, {col_list}, valid_from, valid_to)
                    SELECT mtdsg_no, {col_list}, valid_from, NULL FROM incoming_rows"""
            )
    return [
        _result(w, ImportResult(w.page.status.mtdsg_no, "saved", i, w.as_at))
        for w, i in zip(writes, ids, strict=True)
    ]


def _snapshot_row(w: PageWrite, snapshot_id: int, seq: int) -> dict[str, object]:
    """A page's row of the snapshots table, in the table's column order."""
    s = w.page.status
    listed = w.page.participants_listed
    return {
        "snapshot_id": snapshot_id,
        "mtdsg_no": s.mtdsg_no,
        "seq": seq,
        "as_at": w.as_at,
        "source": w.source,
        "source_kind": s.source_kind,
        "raw_sha256": w.raw_sha256,
        "parser_version": w.parser_version,
        "imported_at": w.imported_at,
        "content_hash": w.page.content_hash,
        "title": s.title,
        "chapter": s.chapter,
        "declared_signatories": s.declared_signatories,
        "declared_parties": s.declared_parties,
        # A header-only page has no table to count: its counted totals are unknown, not zero.
        "counted_signatories": s.counted_signatories if listed else None,
        "counted_parties": s.counted_parties if listed else None,
        "participants_complete": listed,
        "has_signature_column": s.has_signature_column,
        "reconciliation": "; ".join(s.reconciliation) or None,
    }


def _treaty_row(w: PageWrite, snapshot_id: int) -> dict[str, object]:
    s = w.page.status
    return {
        "mtdsg_no": s.mtdsg_no,
        "chapter": s.chapter,
        "chapter_title": s.chapter_title,
        "title": s.title,
        "conclusion": s.conclusion,
        "entry_into_force": s.entry_into_force,
        "registration": s.registration,
        "latest_snapshot_id": snapshot_id,
    }
