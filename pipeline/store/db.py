"""The DuckDB snapshot store: import parsed pages as dated snapshots, and read status, history and diffs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from pipeline import config, mtdsg
from pipeline.catalog import resolve_treaty, short_name
from pipeline.parse.model import TreatyStatus
from pipeline.store import rows as R
from pipeline.store.history import (
    AsOf,
    Diff,
    as_date,
    compare_participants,
    missing,
    reconstruct_counts,
)
from pipeline.store.schema import ALL_TABLES, SCHEMA_VERSION, VERSIONED_TABLES, migrate


class StoreError(RuntimeError):
    """Something the store cannot do with the data it was given; the message is one line for the user."""


class StoreLocked(StoreError):
    """Another process holds the database open for writing."""


@dataclass(frozen=True)
class ImportResult:
    mtdsg_no: str
    outcome: str  # "saved" | "unchanged"
    snapshot_id: int
    as_at: datetime
    # The page's own totals, so callers can report them without parsing the page again.
    declared_signatories: int | None = None
    declared_parties: int | None = None


# Data columns of each row-version table (everything but the treaty key and the validity interval).
_COLUMNS: dict[str, list[str]] = {
    "participations": [f.name for f in R.PARTICIPATION_SCHEMA],
    "declarations": [f.name for f in R.DECLARATION_SCHEMA],
    "end_notes": [f.name for f in R.END_NOTE_SCHEMA],
}

PARTICIPANT_COLUMNS = [
    "iso3",
    "name",
    "is_state",
    "signature_date",
    "signature_type",
    "consent_date",
    "consent_type",
    "provisional_date",
    "provisional_type",
    "withdrawn",
    "footnotes",
    "has_declarations",
    "declarations",
    "signature_withdrawn",
    "consent_withdrawn",
    "provisional_withdrawn",
    "other_actions",
]


def _parser_version() -> str:
    try:
        from pipeline.parse import PARSER_VERSION
    except ImportError:  # the parser package is not importable yet
        return "unknown"
    return str(PARSER_VERSION)


def _to_datetime(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value
    return datetime.combine(value, time())


BLOCK_SIZE = 16 * 1024


class Store:
    """An open treaty database. Use open_store() rather than building one directly."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool, resolver=None) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self._resolver = resolver

    # ------------------------------------------------------------------ import

    def _resolve(self) -> R.CodeResolver:
        if self._resolver is None:
            self._resolver = R.default_resolver()
        return self._resolver

    def import_status(
        self,
        status: TreatyStatus,
        *,
        source: str,
        raw_sha256: str,
        captured_at: date | datetime | None = None,
        parser_version: str | None = None,
    ) -> ImportResult:
        """Save one parsed page as a snapshot (or an observation of an unchanged one), in one transaction."""
        if self.read_only:
            raise StoreError("the database is open read-only")
        m = status.mtdsg_no
        if status.status_as_at is not None:
            as_at = _to_datetime(status.status_as_at)
        elif captured_at is not None:
            as_at = _to_datetime(captured_at)
        else:
            raise StoreError(
                f"{m}: the page carries no status date (MTDSG XML): give its capture date (--captured)"
            )
        chash = R.content_hash(status)
        # Everything that can fail on the page's content runs before the transaction opens.
        resolve = self._resolve()
        parts, names = R.participation_rows(status, resolve)
        tables = {
            "participations": parts,
            "declarations": R.declaration_rows(status, names, resolve),
            "end_notes": R.end_note_rows(status),
        }
        complete = len(status.participants) > 0
        now = datetime.now()
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            result = self._import_in_transaction(
                status, tables, complete, as_at, chash, source, raw_sha256, parser_version, now
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return replace(
            result, declared_signatories=status.declared_signatories, declared_parties=status.declared_parties
        )

    def find_imported(
        self,
        raw_sha256: str,
        *,
        captured_at: date | datetime | None = None,
        parser_version: str | None = None,
    ) -> ImportResult | None:
        """The earlier import of these very bytes, if this parser version already read them: then the page
        need not be parsed again. An HTML page's bytes fix its status date; a page without one (MTDSG XML)
        counts as the same import only with the same capture date."""
        t = _to_datetime(captured_at) if captured_at is not None else None
        row = self.con.execute(
            """SELECT s.mtdsg_no, s.snapshot_id, s.as_at, s.declared_signatories, s.declared_parties
               FROM snapshots s WHERE s.raw_sha256 = $sha AND s.parser_version = $pv
                 AND (s.source_kind = 'html' OR s.as_at = $t)
               UNION ALL
               SELECT s.mtdsg_no, o.snapshot_id, o.observed_at, s.declared_signatories, s.declared_parties
               FROM observations o JOIN snapshots s USING (snapshot_id)
               WHERE o.raw_sha256 = $sha AND s.parser_version = $pv
                 AND (s.source_kind = 'html' OR o.observed_at = $t)
               LIMIT 1""",
            {"sha": raw_sha256, "pv": parser_version or _parser_version(), "t": t},
        ).fetchall()
        if not row:
            return None
        m, snapshot_id, as_at, ds, dp = row[0]
        return ImportResult(str(m), "unchanged", int(snapshot_id), as_at, ds, dp)

    def _import_in_transaction(
        self,
        status: TreatyStatus,
        tables: dict[str, pa.Table],
        complete: bool,
        as_at: datetime,
        chash: str,
        source: str,
        raw_sha256: str,
        parser_version: str | None,
        now: datetime,
    ) -> ImportResult:
        con = self.con
        m = status.mtdsg_no
        # The very same bytes with the same date again: nothing to record at all.
        same = con.execute(
            """SELECT snapshot_id FROM snapshots WHERE mtdsg_no = $m AND raw_sha256 = $sha AND as_at = $t
               UNION ALL
               SELECT o.snapshot_id FROM observations o JOIN snapshots s USING (snapshot_id)
               WHERE s.mtdsg_no = $m AND o.raw_sha256 = $sha AND o.observed_at = $t LIMIT 1""",
            {"m": m, "sha": raw_sha256, "t": as_at},
        ).fetchall()
        if same:
            return ImportResult(m, "unchanged", int(same[0][0]), as_at)
        prev = con.execute(
            """SELECT snapshot_id, content_hash FROM snapshots WHERE mtdsg_no = $m AND as_at <= $t
               ORDER BY seq DESC LIMIT 1""",
            {"m": m, "t": as_at},
        ).fetchall()
        prev = prev[0] if prev else None
        if prev and prev[1] == chash:
            con.execute(
                "INSERT INTO observations VALUES ($id, $t, $sha, $src, $now)",
                {"id": prev[0], "t": as_at, "sha": raw_sha256, "src": source, "now": now},
            )
            return ImportResult(m, "unchanged", int(prev[0]), as_at)

        new_id = int(con.execute("SELECT coalesce(max(snapshot_id), 0) + 1 FROM snapshots").fetchall()[0][0])
        later = con.execute(
            "SELECT count(*) FROM snapshots WHERE mtdsg_no = $m AND as_at > $t", {"m": m, "t": as_at}
        ).fetchall()[0][0]
        is_last = later == 0
        seq = int(
            con.execute("SELECT coalesce(max(seq), 0) + 1 FROM snapshots WHERE mtdsg_no = ?", [m]).fetchall()[
                0
            ][0]
        )
        con.execute(
            "INSERT INTO snapshots VALUES ($id, $m, $seq, $t, $src, $kind, $sha, $pv, $now, $h, $title,"
            " $chapter, $ds, $dp, $cs, $cp, $complete, $sigcol, $rec)",
            {
                "id": new_id,
                "m": m,
                "seq": seq,
                "t": as_at,
                "src": source,
                "kind": status.source_kind,
                "sha": raw_sha256,
                "pv": parser_version or _parser_version(),
                "now": now,
                "h": chash,
                "title": status.title,
                "chapter": status.chapter,
                "ds": status.declared_signatories,
                "dp": status.declared_parties,
                # A header-only page has no table to count: its counted totals are unknown, not zero.
                "cs": status.counted_signatories if complete else None,
                "cp": status.counted_parties if complete else None,
                "complete": complete,
                "sigcol": status.has_signature_column,
                "rec": "; ".join(status.reconciliation) or None,
            },
        )
        if not is_last:
            con.execute(
                """UPDATE snapshots SET seq = r.rn FROM (
                     SELECT snapshot_id, row_number() OVER (ORDER BY as_at, snapshot_id) AS rn
                     FROM snapshots WHERE mtdsg_no = $m) r
                   WHERE snapshots.snapshot_id = r.snapshot_id""",
                {"m": m},
            )
        if complete:
            later_complete = con.execute(
                "SELECT count(*) FROM snapshots WHERE mtdsg_no = $m AND participants_complete AND as_at > $t",
                {"m": m, "t": as_at},
            ).fetchall()[0][0]
            for table, data in tables.items():
                if later_complete == 0:
                    self._append_versions(table, m, new_id, data)
                else:
                    self._rebuild_versions(table, m, new_id, data)
        if is_last:
            con.execute("DELETE FROM treaties WHERE mtdsg_no = ?", [m])
            con.execute(
                "INSERT INTO treaties VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    m,
                    status.chapter,
                    status.chapter_title,
                    status.title,
                    status.conclusion,
                    status.entry_into_force,
                    status.registration,
                    new_id,
                ],
            )
        return ImportResult(m, "saved", new_id, as_at)

    def _append_versions(self, table: str, m: str, new_id: int, data: pa.Table) -> None:
        """The new snapshot is the latest with participants: close what it no longer shows, add the new."""
        con = self.con
        cols = ", ".join(_COLUMNS[table])
        con.register("incoming", data)
        try:
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
        finally:
            con.unregister("incoming")

    def _rebuild_versions(self, table: str, m: str, new_id: int, data: pa.Table) -> None:
        """An older snapshot arrived after newer ones: recompute the treaty's validity intervals.

        Expand the intervals into (snapshot, row) memberships, add the new snapshot's rows, and fold
        them back into runs of consecutive snapshots (gaps and islands over the snapshot order).
        """
        con = self.con
        cols = _COLUMNS[table]
        col_list = ", ".join(cols)
        v_cols = ", ".join(f"v.{c}" for c in cols)
        any_cols = ", ".join(f"any_value({c}) AS {c}" for c in cols if c != "row_hash")
        con.register("incoming", data)
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
            con.unregister("incoming")
            con.execute("DROP TABLE IF EXISTS members")
            con.execute("DROP TABLE IF EXISTS ranks")

    # ------------------------------------------------------------------ reading

    def known_treaties(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT mtdsg_no FROM treaties ORDER BY mtdsg_no").fetchall()]

    def resolve_treaty(self, name: str) -> str:
        """A user's treaty name (number or alias) -> MTDSG number; raises catalog.UnknownTreaty."""
        return resolve_treaty(name, self.known_treaties())

    def table_counts(self) -> dict[str, int]:
        """Rows in every table (to check that re-importing adds nothing)."""
        return {t: int(self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]) for t in ALL_TABLES}

    def schema_version(self) -> int:
        return int(self.con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0])

    def treaties(self) -> pd.DataFrame:
        """One row per treaty with its latest snapshot and the one before it."""
        df = self.con.execute(
            """WITH s AS (
                 SELECT *, row_number() OVER (PARTITION BY mtdsg_no ORDER BY seq DESC) AS back,
                        count(*) OVER (PARTITION BY mtdsg_no) AS snapshot_count
                 FROM snapshots)
               SELECT t.mtdsg_no, t.title, t.chapter, t.chapter_title, t.conclusion, t.entry_into_force,
                      t.registration, cur.snapshot_id, cur.as_at, cur.source, cur.source_kind,
                      coalesce(cur.counted_parties, cur.declared_parties) AS parties,
                      coalesce(cur.counted_signatories, cur.declared_signatories) AS signatories,
                      cur.declared_parties, cur.declared_signatories,
                      cur.counted_parties, cur.counted_signatories,
                      cur.participants_complete, cur.has_signature_column, cur.reconciliation,
                      prev.as_at AS previous_as_at,
                      coalesce(prev.counted_parties, prev.declared_parties) AS previous_parties,
                      coalesce(prev.counted_signatories, prev.declared_signatories) AS previous_signatories,
                      cur.snapshot_count
               FROM treaties t JOIN s cur ON cur.mtdsg_no = t.mtdsg_no AND cur.back = 1
               LEFT JOIN s prev ON prev.mtdsg_no = t.mtdsg_no AND prev.back = 2
               ORDER BY t.mtdsg_no"""
        ).df()
        df.insert(1, "short_name", [short_name(m) for m in df["mtdsg_no"]])
        df["reconciles"] = [_reconciles(r) for r in df.to_dict("records")]
        df["reconciliation"] = [_reconciliation_text(r) for r in df.to_dict("records")]
        return _objects(df)

    def snapshots(self, mtdsg_no: str) -> pd.DataFrame:
        return _objects(
            self.con.execute(
                """SELECT s.snapshot_id, s.as_at, s.source, s.source_kind, s.raw_sha256, s.parser_version,
                          s.imported_at, s.declared_signatories, s.counted_signatories, s.declared_parties,
                          s.counted_parties, s.participants_complete, s.reconciliation, s.content_hash, s.seq,
                          greatest(s.as_at, max(o.observed_at)) AS last_confirmed_at,
                          count(o.snapshot_id) AS observations
                   FROM snapshots s LEFT JOIN observations o USING (snapshot_id)
                   WHERE s.mtdsg_no = ?
                   GROUP BY s.snapshot_id, s.as_at, s.source, s.source_kind, s.raw_sha256, s.parser_version,
                          s.imported_at, s.declared_signatories, s.counted_signatories, s.declared_parties,
                          s.counted_parties, s.participants_complete, s.reconciliation, s.content_hash, s.seq
                   ORDER BY s.seq""",
                [mtdsg_no],
            ).df()
        )

    def _snapshot(self, mtdsg_no: str, snapshot_id: int | None) -> dict[str, Any] | None:
        """The given snapshot, or the latest one with participants."""
        if snapshot_id is None:
            q = "SELECT * FROM snapshots WHERE mtdsg_no = ? AND participants_complete ORDER BY seq DESC"
            args: list[Any] = [mtdsg_no]
        else:
            q = "SELECT * FROM snapshots WHERE mtdsg_no = ? AND snapshot_id = ?"
            args = [mtdsg_no, snapshot_id]
        cur = self.con.execute(q, args)
        found = cur.fetchall()
        row = found[0] if found else None
        if row is None:
            if snapshot_id is not None:
                raise StoreError(f"{mtdsg_no} has no snapshot {snapshot_id}")
            return None
        return dict(zip([d[0] for d in cur.description], row, strict=True))

    def _members(self, table: str, cols: str, mtdsg_no: str, snap: dict[str, Any]) -> pd.DataFrame:
        return self.con.execute(
            f"""SELECT {cols} FROM {table} v JOIN snapshots f ON f.snapshot_id = v.valid_from
                LEFT JOIN snapshots t ON t.snapshot_id = v.valid_to
                WHERE v.mtdsg_no = $m AND f.seq <= $seq AND (v.valid_to IS NULL OR t.seq > $seq)""",
            {"m": mtdsg_no, "seq": snap["seq"]},
        ).df()

    def participants(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame:
        """The participants table of one snapshot (the latest with participants by default).

        Empty for a header-only snapshot: such a page does not say who participates.
        """
        snap = self._snapshot(mtdsg_no, snapshot_id)
        if snap is None or not snap["participants_complete"]:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in PARTICIPANT_COLUMNS})
        parts = self._members("participations", "v.*", mtdsg_no, snap)
        decl = self._members("declarations", "v.iso3, v.kind, v.ordinal, v.text", mtdsg_no, snap)
        texts: dict[str, str] = {}
        if len(decl):
            decl = decl.dropna(subset=["iso3"]).sort_values(["iso3", "kind", "ordinal"])
            for iso3, group in decl.groupby("iso3"):
                texts[str(iso3)] = "\n\n".join(
                    (f"[{k}] " if k != "declaration" else "") + t
                    for k, t in zip(group["kind"], group["text"], strict=True)
                )
        parts["declarations"] = [texts.get(str(i)) for i in parts["iso3"]]
        parts = parts.sort_values("name", key=lambda s: s.str.casefold()).reset_index(drop=True)
        return _objects(parts[PARTICIPANT_COLUMNS])

    def end_notes(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame:
        snap = self._snapshot(mtdsg_no, snapshot_id)
        if snap is None or not snap["participants_complete"]:
            return pd.DataFrame({"number": pd.Series(dtype=object), "text": pd.Series(dtype=object)})
        df = self._members("end_notes", "v.number, v.text", mtdsg_no, snap)
        df = df.sort_values("number", key=lambda s: s.map(_note_key)).reset_index(drop=True)
        return _objects(df)

    def _complete_snapshots(self, mtdsg_no: str) -> list[dict[str, Any]]:
        cur = self.con.execute(
            "SELECT * FROM snapshots WHERE mtdsg_no = ? AND participants_complete ORDER BY seq", [mtdsg_no]
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def asof(self, mtdsg_no: str, on: date) -> AsOf:
        """Parties and signatories on a date, reconstructed from the action dates of one snapshot."""
        snaps = self._complete_snapshots(mtdsg_no)
        if not snaps:
            raise StoreError(
                f"{mtdsg_no} has no snapshot with a participants table"
                " (header-only pages give no action dates)"
            )
        after = [s for s in snaps if s["as_at"].date() >= on]
        snap = after[0] if after else snaps[-1]
        parts = self.participants(mtdsg_no, snap["snapshot_id"])
        notes = {
            str(n): str(t) for n, t in self.end_notes(mtdsg_no, snap["snapshot_id"]).itertuples(index=False)
        }
        first_withdrawn = {
            str(i): d.date()
            for i, d in self.con.execute(
                """SELECT v.iso3, min(f.as_at) FROM participations v
                   JOIN snapshots f ON f.snapshot_id = v.valid_from
                   WHERE v.mtdsg_no = ? AND v.withdrawn GROUP BY v.iso3""",
                [mtdsg_no],
            ).fetchall()
        }
        parties, signatories, how = reconstruct_counts(parts, on, notes, first_withdrawn)
        snap_day = snap["as_at"].date().isoformat()
        if after:
            basis = (
                f"action dates in the snapshot as at {snap_day} (the earliest on or after {on.isoformat()}):"
                f" consents and signatures dated on or before {on.isoformat()}"
            )
        else:
            basis = (
                f"the latest snapshot, as at {snap_day}: changes after {snap_day} are unknown to this store"
            )
        if any(how.values()):
            basis += (
                "; bracketed (withdrawn) entries end on the effective date in their end note"
                f" ({how['effect']}), else on the notified date of the denunciation ({how['notified']}),"
                f" else at the first snapshot that shows them bracketed ({how['snapshot']})"
            )
        return AsOf(mtdsg_no, on, parties, signatories, basis, int(snap["snapshot_id"]))

    def diff(self, mtdsg_no: str, from_date: date | None = None, to_date: date | None = None) -> Diff:
        """What changed between two snapshots with participants (by default the two latest)."""
        snaps = self._complete_snapshots(mtdsg_no)

        def at(d: date) -> dict[str, Any] | None:
            # The snapshot in force on that date: the latest taken on or before it.
            on_or_before = [s for s in snaps if s["as_at"].date() <= d]
            return on_or_before[-1] if on_or_before else None

        if to_date is not None:
            to_snap = at(to_date)
        else:
            to_snap = snaps[-1] if snaps else None
        if from_date is not None:
            from_snap = at(from_date) or (snaps[0] if snaps else None)
        else:
            earlier = [s for s in snaps if to_snap is not None and s["seq"] < to_snap["seq"]]
            from_snap = earlier[-1] if earlier else None
        if from_snap is None or to_snap is None:
            all_snaps = self.snapshots(mtdsg_no)
            note = (
                f"{mtdsg_no}: fewer than two snapshots with a participants table in that range"
                f" ({len(snaps)} with participants, {len(all_snaps)} in all);"
                " header-only pages cannot be compared"
            )
            only = to_snap or from_snap
            counts = _counts(only) if only else {"parties": None, "signatories": None}
            day = only["as_at"].date() if only else None
            sid = int(only["snapshot_id"]) if only else None
            return Diff(mtdsg_no, day, day, counts, counts, [], sid, sid, note)
        before = self.participants(mtdsg_no, from_snap["snapshot_id"])
        after = self.participants(mtdsg_no, to_snap["snapshot_id"])
        changes = (
            compare_participants(before, after) if from_snap["snapshot_id"] != to_snap["snapshot_id"] else []
        )
        return Diff(
            mtdsg_no,
            from_snap["as_at"].date(),
            to_snap["as_at"].date(),
            _counts(from_snap),
            _counts(to_snap),
            changes,
            int(from_snap["snapshot_id"]),
            int(to_snap["snapshot_id"]),
            None,
        )

    def _current(self) -> pd.DataFrame:
        """Every participant of every treaty in the treaty's latest snapshot with participants."""
        return self.con.execute(
            """SELECT v.mtdsg_no, t.title, s.snapshot_id, s.as_at,
                      v.* EXCLUDE (mtdsg_no, row_hash, valid_from, valid_to)
               FROM participations v JOIN treaties t USING (mtdsg_no)
               JOIN snapshots s ON s.snapshot_id = (
                   SELECT max_by(snapshot_id, seq) FROM snapshots x WHERE x.mtdsg_no = v.mtdsg_no
                   AND x.participants_complete)
               WHERE v.valid_to IS NULL ORDER BY v.mtdsg_no, v.name"""
        ).df()

    def latest_status(self) -> pd.DataFrame:
        """One row per treaty and participant: the latest known status of each participation."""
        df = self._current()
        df.insert(1, "short_name", [short_name(m) for m in df["mtdsg_no"]])
        df["status"] = [_status(r) for r in df.to_dict("records")]
        return _objects(df)

    def country(self, code_or_name: str) -> pd.DataFrame:
        """One participant's status across every treaty in the database (by ISO3 code or name)."""
        text = code_or_name.strip()
        current = self._current()
        iso3: str | None = None
        if re.fullmatch(r"[A-Za-z]{3}", text) and text.upper() in set(current["iso3"]):
            iso3 = text.upper()
        else:
            hits = current.loc[current["name"].str.casefold() == text.casefold(), "iso3"]
            if len(hits):
                iso3 = str(hits.iloc[0])
            else:
                try:
                    iso3 = self._resolve()(text, "country query")[0]
                except Exception as exc:
                    raise StoreError(f"unknown participant {code_or_name!r}: {exc}") from None
        mine = current[current["iso3"] == iso3]
        if mine.empty:
            raise StoreError(f"{code_or_name!r} ({iso3}) takes part in no treaty in the database")
        rows = []
        by_treaty = {r["mtdsg_no"]: r for r in mine.to_dict("records")}
        for t in self.treaties().to_dict("records"):
            r = by_treaty.get(t["mtdsg_no"])
            rows.append(
                {
                    "mtdsg_no": t["mtdsg_no"],
                    "short_name": t["short_name"],
                    "title": t["title"],
                    "iso3": iso3,
                    "name": r["name"] if r else None,
                    "status": _status(r) if r else ("unknown" if not t["participants_complete"] else "none"),
                    "signature_date": r["signature_date"] if r else None,
                    "consent_date": r["consent_date"] if r else None,
                    "consent_type": r["consent_type"] if r else None,
                    "withdrawn": bool(r["withdrawn"]) if r else False,
                    "as_at": r["as_at"] if r else t["as_at"],
                }
            )
        return _objects(pd.DataFrame(rows))

    def matrix(self) -> pd.DataFrame:
        """One row per participant (iso3, name), one column per treaty, cells like "party 2002"."""
        current = self._current()
        treaties = sorted(self.known_treaties(), key=mtdsg.sort_key)
        if current.empty:
            return pd.DataFrame(columns=["iso3", "name", *treaties])
        current["cell"] = [_cell(r) for r in current.to_dict("records")]
        # The most recent name a participant goes by ("Bahamas (The)" rather than 2018's "Bahamas").
        names = current.sort_values("as_at").groupby("iso3")["name"].last()
        wide = current.pivot(index="iso3", columns="mtdsg_no", values="cell")
        wide = wide.reindex(columns=treaties).fillna("")
        wide.insert(0, "name", names.reindex(wide.index))
        wide = wide.reset_index().sort_values("name", key=lambda s: s.str.casefold()).reset_index(drop=True)
        wide.columns.name = None
        return _objects(wide)

    def export(self, out_dir: Path) -> list[Path]:
        """Parquet and CSV of the latest status (treaty x participant) and of the country x treaty matrix."""
        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        for stem, df in (
            ("treaties", self.treaties()),
            ("latest_status", self.latest_status()),
            ("matrix", self.matrix()),
        ):
            for suffix in ("parquet", "csv"):
                path = out_dir / f"{stem}.{suffix}"
                if suffix == "csv":
                    df.to_csv(path, index=False)
                else:
                    df.to_parquet(path, index=False)
                written.append(path)
        return written


def _counts(snap: dict[str, Any]) -> dict[str, int | None]:
    def pick(counted: Any, declared: Any) -> int | None:
        v = counted if counted is not None else declared
        return None if v is None else int(v)

    return {
        "parties": pick(snap["counted_parties"], snap["declared_parties"]),
        "signatories": pick(snap["counted_signatories"], snap["declared_signatories"]),
    }


def _reconciles(r: dict[str, Any]) -> bool:
    """Counted totals equal the page's own, or the parser gave a reason for each difference."""
    if not r["participants_complete"]:
        return False
    ok = all(
        missing(r[f"declared_{k}"]) or r[f"counted_{k}"] == r[f"declared_{k}"]
        for k in ("parties", "signatories")
    )
    return bool(ok or not missing(r["reconciliation"]))


def _reconciliation_text(r: dict[str, Any]) -> str:
    if not r["participants_complete"]:
        return "header-only page: no participants table, the page's declared totals only"
    if not missing(r["reconciliation"]):
        return str(r["reconciliation"])
    return "counted totals match the page's" if _reconciles(r) else "counted totals differ from the page's"


def _status(r: dict[str, Any]) -> str:
    if bool(r.get("withdrawn")):
        return "withdrawn"
    if as_date(r.get("consent_date")) is not None:
        return "party"
    if as_date(r.get("signature_date")) is not None:
        return "signatory"
    return "none"


def _cell(r: dict[str, Any]) -> str:
    status = _status(r)
    if status == "party":
        return f"party {as_date(r['consent_date']).year}"  # type: ignore[union-attr]
    if status == "signatory":
        return f"signed {as_date(r['signature_date']).year}"  # type: ignore[union-attr]
    if status == "withdrawn":
        return "withdrawn"
    return ""


def _note_key(n: Any) -> tuple[int, str]:
    s = str(n)
    return (int(s), s) if s.isdigit() else (10**9, s)


def _objects(df: pd.DataFrame) -> pd.DataFrame:
    """Plain Python values (None for missing, date for dates) so frames serialise the same everywhere."""
    out = df.astype(object).where(df.notna(), None)
    for c in out.columns:
        if c.endswith("_date"):
            out[c] = [as_date(v) for v in out[c]]
    return out


def _lock_message(exc: Exception, path: Path) -> str | None:
    text = str(exc)
    if "lock" in text.lower():
        pid = re.search(r"PID (\d+)", text)
        who = f" (process {pid.group(1)})" if pid else ""
        return f"the database {path} is in use by another process{who}; wait for it to finish and retry"
    return None


@contextmanager
def open_store(path: Path | None = None, *, read_only: bool = False, resolver=None) -> Iterator[Store]:
    """Open (creating and migrating if needed) the database; StoreLocked if another writer has it."""
    path = Path(path) if path is not None else config.db_path()
    if read_only and not path.exists():
        raise StoreError(f"no database at {path}: run `treaties import` first")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # 16 KiB blocks for new files (DuckDB's default is 256 KiB): the file grows a block at a time and an
        # unchanged refresh writes a few hundred bytes, so small blocks keep history at the cost of changes.
        con = duckdb.connect(str(path), read_only=read_only, config={"default_block_size": str(BLOCK_SIZE)})
    except duckdb.IOException as exc:
        msg = _lock_message(exc, path)
        if msg:
            raise StoreLocked(msg) from None
        raise StoreError(f"cannot open the database {path}: {str(exc).splitlines()[0]}") from None
    except duckdb.Error as exc:
        raise StoreError(f"cannot open the database {path}: {str(exc).splitlines()[0]}") from None
    try:
        if not read_only:
            try:
                migrate(con)
            except RuntimeError as exc:
                raise StoreError(str(exc)) from None
        else:
            from pipeline.store.schema import current_version

            if current_version(con) != SCHEMA_VERSION:
                raise StoreError(
                    f"the database {path} needs upgrading: open it once for writing (treaties import)"
                )
        yield Store(con, path, read_only=read_only, resolver=resolver)
    finally:
        con.close()


__all__ = ["ImportResult", "Store", "StoreError", "StoreLocked", "open_store", "VERSIONED_TABLES"]
