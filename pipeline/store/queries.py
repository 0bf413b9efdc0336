"""Reading the store as plain rows (no pandas): treaties, snapshots, participants, a country, the matrix.

The CLI prints these rows as they are; `pipeline.store.frames` builds the typed pandas frames from them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import duckdb

from pipeline import mtdsg
from pipeline.catalog import resolve_treaty, short_name
from pipeline.frame_values import is_missing, to_date
from pipeline.parse.reconcile import reconciles
from pipeline.store.model import StoreError
from pipeline.store.rows import (
    PARTICIPANT_COLUMNS,
    ParticipantHistory,
    Row,
    matrix_cell,
    note_key,
    records,
    snapshot_counts,
    un_url,
)
from pipeline.store.schema import ALL_TABLES
from pipeline.vocab import participant_status

# Re-exported: the store's history and events modules read them here.
__all__ = [
    "PARTICIPANT_COLUMNS",
    "TREATY_COLUMNS",
    "ParticipantHistory",
    "Queries",
    "Reader",
    "matrix_cell",
    "records",
    "snapshot_counts",
]

# What the participants rows take from the participations table (the rest is joined declarations).
_STORED_PARTICIPANT_COLUMNS = ", ".join(c for c in PARTICIPANT_COLUMNS if c != "declarations")

# The columns of treaties() and treaty(), in order.
TREATY_COLUMNS = [
    "mtdsg_no",
    "short_name",
    "title",
    "chapter",
    "chapter_title",
    "conclusion",
    "entry_into_force",
    "registration",
    "snapshot_id",
    "as_at",
    "source",
    "source_kind",
    "un_url",
    "parties",
    "signatories",
    "declared_parties",
    "declared_signatories",
    "counted_parties",
    "counted_signatories",
    "participants_complete",
    "has_signature_column",
    "reconciliation",
    "previous_as_at",
    "previous_parties",
    "previous_signatories",
    "snapshot_count",
    "participants_listed",
    "reconciles",
]


# The columns of snapshot_rows() and snapshots(), in order.
SNAPSHOT_COLUMNS = [
    "snapshot_id",
    "as_at",
    "source",
    "source_kind",
    "un_url",
    "raw_sha256",
    "parser_version",
    "imported_at",
    "declared_signatories",
    "counted_signatories",
    "declared_parties",
    "counted_parties",
    "participants_complete",
    "reconciliation",
    "content_hash",
    "seq",
    "last_confirmed_at",
    "observations",
]

# The columns of country_rows() and country(), in order.
COUNTRY_COLUMNS = [
    "mtdsg_no",
    "short_name",
    "title",
    "iso3",
    "name",
    "status",
    "signature_date",
    "consent_date",
    "consent_type",
    "withdrawn",
    "as_at",
    "un_url",
]


def _reconciles(r: dict[str, Any]) -> str:
    def num(v: Any) -> int | None:
        return None if is_missing(v) else int(v)

    return reconciles(
        participants_listed=bool(r["participants_complete"]),
        declared_signatories=num(r["declared_signatories"]),
        counted_signatories=num(r["counted_signatories"]),
        declared_parties=num(r["declared_parties"]),
        counted_parties=num(r["counted_parties"]),
    )


def _reconciliation_text(r: dict[str, Any]) -> str:
    if not r["participants_complete"]:
        return "participants not listed in this snapshot: the page's declared totals only"
    if not is_missing(r["reconciliation"]):
        return str(r["reconciliation"])
    verdict = _reconciles(r)
    if verdict == "n/a":
        return "the page declares no totals to compare"
    return "counted totals match the page's" if verdict == "yes" else "counted totals differ from the page's"


class Reader:
    """Read-only questions to an open database; every answer is plain rows (dicts) or a dataclass."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path) -> None:
        self.con = con
        self.path = path

    def known_treaties(self) -> list[str]:
        rows = self.con.execute("SELECT mtdsg_no FROM treaties").fetchall()
        return mtdsg.sorted_numbers([r[0] for r in rows])

    def resolve_treaty(self, name: str) -> str:
        """A user's treaty name (number or alias) -> MTDSG number; raises catalog.UnknownTreaty."""
        return resolve_treaty(name, self.known_treaties())

    def table_counts(self) -> dict[str, int]:
        """Rows in every table (to check that re-importing adds nothing)."""
        return {t: int(self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]) for t in ALL_TABLES}

    def schema_version(self) -> int:
        return int(self.con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0])

    def treaty_rows(self) -> list[Row]:
        """One row per treaty (in the natural order of treaty numbers) with its latest snapshot and the one
        before it; `reconciles` is yes / no / n/a by the one rule, `reconciliation` says why."""
        return self._treaty_rows(None)

    def treaty(self, mtdsg_no: str) -> Row:
        """treaty_rows()'s row of one treaty (StoreError if the database does not hold it)."""
        rows = self._treaty_rows(mtdsg_no)
        if not rows:
            raise StoreError(f"the database holds no treaty {mtdsg_no}")
        return rows[0]

    def _treaty_rows(self, mtdsg_no: str | None) -> list[Row]:
        where = "WHERE mtdsg_no = $m" if mtdsg_no is not None else ""
        # Each treaty's two latest snapshots in one pass (no self-join), paired up below.
        found = records(
            self.con.execute(
                f"""SELECT t.mtdsg_no, t.title, t.chapter, t.chapter_title, t.conclusion, t.entry_into_force,
                      t.registration, s.snapshot_id, s.as_at, s.source, s.source_kind,
                      coalesce(s.counted_parties, s.declared_parties) AS parties,
                      coalesce(s.counted_signatories, s.declared_signatories) AS signatories,
                      s.declared_parties, s.declared_signatories, s.counted_parties, s.counted_signatories,
                      s.participants_complete, s.has_signature_column, s.reconciliation, s.back,
                      s.snapshot_count
               FROM treaties t JOIN (
                 SELECT *, row_number() OVER (PARTITION BY mtdsg_no ORDER BY seq DESC) AS back,
                        count(*) OVER (PARTITION BY mtdsg_no) AS snapshot_count
                 FROM snapshots {where} QUALIFY back <= 2) s USING (mtdsg_no)""",
                {"m": mtdsg_no} if mtdsg_no is not None else {},
            )
        )
        previous = {r["mtdsg_no"]: r for r in found if r["back"] == 2}
        rows = []
        for r in found:
            if r.pop("back") != 1:
                continue
            prev = previous.get(r["mtdsg_no"], {})
            count = r.pop("snapshot_count")
            r["previous_as_at"] = prev.get("as_at")
            r["previous_parties"] = prev.get("parties")
            r["previous_signatories"] = prev.get("signatories")
            r["snapshot_count"] = count
            rows.append(r)
        rows.sort(key=lambda r: mtdsg.sort_key(r["mtdsg_no"]))
        out = []
        for r in rows:
            row = {"mtdsg_no": r["mtdsg_no"], "short_name": short_name(r["mtdsg_no"]), **r}
            row["participants_listed"] = row["participants_complete"]
            row["reconciles"] = _reconciles(row)
            row["reconciliation"] = _reconciliation_text(row)
            row["un_url"] = un_url(row["mtdsg_no"], row["source"])
            out.append({c: row[c] for c in TREATY_COLUMNS})
        return out

    def snapshot_rows(self, mtdsg_no: str) -> list[Row]:
        """Every snapshot of a treaty with its provenance (SNAPSHOT_COLUMNS), in status-date order."""
        rows = records(
            self.con.execute(
                """SELECT s.snapshot_id, s.as_at, s.source, s.source_kind, s.raw_sha256, s.parser_version,
                          s.imported_at, s.declared_signatories, s.counted_signatories, s.declared_parties,
                          s.counted_parties, s.participants_complete, s.reconciliation, s.content_hash, s.seq,
                          greatest(s.as_at, max(o.last_seen)) AS last_confirmed_at,
                          coalesce(sum(o.seen), 0)::BIGINT AS observations
                   FROM snapshots s LEFT JOIN observations o USING (snapshot_id)
                   WHERE s.mtdsg_no = ?
                   GROUP BY s.snapshot_id, s.as_at, s.source, s.source_kind, s.raw_sha256, s.parser_version,
                          s.imported_at, s.declared_signatories, s.counted_signatories, s.declared_parties,
                          s.counted_parties, s.participants_complete, s.reconciliation, s.content_hash, s.seq
                   ORDER BY s.seq""",
                [mtdsg_no],
            )
        )
        for r in rows:
            r["un_url"] = un_url(mtdsg_no, r["source"])
        return [{c: r[c] for c in SNAPSHOT_COLUMNS} for r in rows]

    def snapshot(self, mtdsg_no: str, snapshot_id: int | None) -> dict[str, Any] | None:
        """The given snapshot, or the latest one with participants."""
        if snapshot_id is None:
            q = "SELECT * FROM snapshots WHERE mtdsg_no = ? AND participants_complete ORDER BY seq DESC"
            args: list[Any] = [mtdsg_no]
        else:
            q = "SELECT * FROM snapshots WHERE mtdsg_no = ? AND snapshot_id = ?"
            args = [mtdsg_no, snapshot_id]
        found = records(self.con.execute(q, args))
        if not found:
            if snapshot_id is not None:
                raise StoreError(f"{mtdsg_no} has no snapshot {snapshot_id}")
            return None
        return found[0]

    def all_snapshots(self, mtdsg_no: str, *, listed_only: bool = False) -> list[dict[str, Any]]:
        """Every snapshot of a treaty as a dict, in status-date order (only those listing participants)."""
        where = " AND participants_complete" if listed_only else ""
        return records(
            self.con.execute(f"SELECT * FROM snapshots WHERE mtdsg_no = ?{where} ORDER BY seq", [mtdsg_no])
        )

    def participant_rows(self, mtdsg_no: str, snapshot_id: int | None = None) -> list[Row]:
        """The participants of one snapshot (the latest with participants by default), PARTICIPANT_COLUMNS.

        Empty for a snapshot that does not list participants: such a page does not say who participates.
        """
        if snapshot_id is None:
            # The latest snapshot with participants shows exactly the row versions still open
            # (valid_to NULL): no snapshot order is needed to pick them.
            return self.participant_history(mtdsg_no, current_only=True, notes=False).rows_at(0)
        snap = self.snapshot(mtdsg_no, snapshot_id)
        if snap is None or not snap["participants_complete"]:
            return []
        return self.participant_history(mtdsg_no).rows_at(int(snap["seq"]))

    def participant_history(
        self,
        mtdsg_no: str,
        snapshots: list[dict[str, Any]] | None = None,
        *,
        current_only: bool = False,
        notes: bool = True,
    ) -> ParticipantHistory:
        """Every version of a treaty's participations, declarations and end notes with the snapshot order
        they are valid in, read in one query; then the participants of any snapshot without asking the
        database again (what a walk through a long history needs). `snapshots`: the treaty's snapshots
        with participants (all_snapshots(listed_only=True)), if already read. `current_only`: only the
        versions still valid, each placed at order 0 (rows_at(0) is then the latest participants table).
        `notes`: False leaves the end notes out (notes_at is then empty).
        """
        where = "mtdsg_no = $m" + (" AND valid_to IS NULL" if current_only else "")
        end_notes = (
            f""" UNION ALL BY NAME SELECT 'end_notes' AS version_of, number, text, valid_from, valid_to
                 FROM end_notes WHERE {where}"""
            if notes
            else ""
        )
        rows = records(
            self.con.execute(
                f"""SELECT 'participations' AS version_of, {_STORED_PARTICIPANT_COLUMNS}, valid_from, valid_to
                    FROM participations WHERE {where}
                    UNION ALL BY NAME
                    SELECT 'declarations' AS version_of, iso3, kind, ordinal, text, valid_from, valid_to
                    FROM declarations WHERE {where}{end_notes}""",
                {"m": mtdsg_no},
            )
        )
        if current_only:
            order = {r["valid_from"]: (0, None) for r in rows}
        else:
            if snapshots is None:
                snapshots = self.all_snapshots(mtdsg_no, listed_only=True)
            order = {s["snapshot_id"]: (s["seq"], s["as_at"]) for s in snapshots}
        tables: dict[str, list[dict[str, Any]]] = {"participations": [], "declarations": [], "end_notes": []}
        for r in rows:
            r["from_seq"], r["from_as_at"] = order[r["valid_from"]]
            r["to_seq"] = None if r["valid_to"] is None else order[r["valid_to"]][0]
            tables[r.pop("version_of")].append(r)
        return ParticipantHistory(tables["participations"], tables["declarations"], tables["end_notes"])

    def end_note_rows(self, mtdsg_no: str, snapshot_id: int | None = None) -> list[Row]:
        """The end notes (number, text) of one snapshot (the latest with participants by default)."""
        snap = self.snapshot(mtdsg_no, snapshot_id)
        if snap is None or not snap["participants_complete"]:
            return []
        rows = records(
            self.con.execute(
                """SELECT v.number, v.text FROM end_notes v JOIN snapshots f ON f.snapshot_id = v.valid_from
                   LEFT JOIN snapshots t ON t.snapshot_id = v.valid_to
                   WHERE v.mtdsg_no = $m AND f.seq <= $seq AND (v.valid_to IS NULL OR t.seq > $seq)""",
                {"m": mtdsg_no, "seq": snap["seq"]},
            )
        )
        rows.sort(key=lambda r: note_key(r["number"]))
        return rows

    def current_rows(self, iso3: str | None = None) -> list[Row]:
        """Every participant (or the one with this code) of every treaty in the treaty's latest snapshot
        with participants, by treaty and name."""
        mine = "AND v.iso3 = $iso3" if iso3 is not None else ""
        return records(
            self.con.execute(
                f"""SELECT v.mtdsg_no, t.title, s.snapshot_id, s.as_at,
                      v.* EXCLUDE (mtdsg_no, row_hash, valid_from, valid_to)
               FROM participations v JOIN treaties t USING (mtdsg_no)
               JOIN snapshots s ON s.snapshot_id = (
                   SELECT max_by(snapshot_id, seq) FROM snapshots x WHERE x.mtdsg_no = v.mtdsg_no
                   AND x.participants_complete)
               WHERE v.valid_to IS NULL {mine} ORDER BY v.mtdsg_no, v.name""",
                {"iso3": iso3} if iso3 is not None else {},
            )
        )

    def latest_status_rows(self) -> list[Row]:
        """One row per treaty and participant: the latest known status of each participation."""
        out = []
        for r in self.current_rows():
            row = {"mtdsg_no": r["mtdsg_no"], "short_name": short_name(r["mtdsg_no"]), **r}
            row["status"] = participant_status(r).value
            out.append(row)
        return out

    def participant_codes(self) -> dict[str, str]:
        """Every participant code in the store -> the most recent name it goes by."""
        rows = self.con.execute(
            """SELECT iso3, arg_max(name, valid_from) FROM participations GROUP BY iso3"""
        ).fetchall()
        return {str(i): str(n) for i, n in rows}

    def country_rows(self, iso3: str) -> list[Row]:
        """One participant's status in every treaty in the database, in the natural order of treaties
        (COUNTRY_COLUMNS). `status` is a vocab.Status word: "unknown" where the treaty's latest snapshot
        lists no participants, "no action" where it does and this participant is not on it."""
        mine = self.current_rows(iso3)
        if not mine:
            raise StoreError(f"{iso3} takes part in no treaty in the database")
        by_treaty = {r["mtdsg_no"]: r for r in mine}
        rows = []
        for t in self.treaty_rows():
            r = by_treaty.get(t["mtdsg_no"])
            listed = bool(t["participants_complete"])
            rows.append(
                {
                    "mtdsg_no": t["mtdsg_no"],
                    "short_name": t["short_name"],
                    "title": t["title"],
                    "iso3": iso3,
                    "name": r["name"] if r else None,
                    "status": participant_status(r, participants_listed=listed).value,
                    "signature_date": to_date(r["signature_date"]) if r else None,
                    "consent_date": to_date(r["consent_date"]) if r else None,
                    "consent_type": r["consent_type"] if r else None,
                    "withdrawn": bool(r["withdrawn"]) if r else False,
                    "as_at": r["as_at"] if r else t["as_at"],
                    "un_url": t["un_url"],
                }
            )
        return rows

    def matrix_rows(self) -> tuple[list[str], list[Row]]:
        """(columns, rows) of the participant x treaty matrix: one row per participant (iso3, name), one
        column per treaty (natural order), cells like "party 2002", "signed 2000", "withdrawn"; "" for no
        action; "unknown" where the treaty's latest snapshot lists no participants. By name."""
        treaties = self.treaty_rows()
        numbers = [t["mtdsg_no"] for t in treaties]
        unlisted = {t["mtdsg_no"] for t in treaties if not t["participants_complete"]}
        cells: dict[str, dict[str, str]] = {}
        latest: dict[str, tuple[Any, str]] = {}
        for r in self.current_rows():
            code = str(r["iso3"])
            cells.setdefault(code, {})[r["mtdsg_no"]] = matrix_cell(r)
            # The most recent name a participant goes by ("Bahamas (The)" rather than 2018's "Bahamas").
            seen = latest.get(code)
            if seen is None or r["as_at"] >= seen[0]:
                latest[code] = (r["as_at"], str(r["name"]))
        rows = []
        for code in sorted(cells):
            row: Row = {"iso3": code, "name": latest[code][1]}
            for m in numbers:
                row[m] = "unknown" if m in unlisted else cells[code].get(m, "")
            rows.append(row)
        rows.sort(key=lambda r: str(r["name"]).casefold())
        return ["iso3", "name", *numbers], rows


class Queries(Protocol):
    """What the history and the change events read (pipeline.store.history, .events): a Reader, or the
    Store that holds one."""

    con: duckdb.DuckDBPyConnection

    def treaty(self, mtdsg_no: str) -> Row: ...

    def all_snapshots(self, mtdsg_no: str, *, listed_only: bool = False) -> list[Row]: ...

    def participant_history(
        self,
        mtdsg_no: str,
        snapshots: list[Row] | None = None,
        *,
        current_only: bool = False,
        notes: bool = True,
    ) -> ParticipantHistory: ...
