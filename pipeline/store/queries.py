"""Reading the store: treaties, snapshots, participants, the latest status, a country, the matrix."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from pipeline import mtdsg
from pipeline.catalog import resolve_treaty, short_name
from pipeline.frame_values import is_missing, to_date
from pipeline.parse.reconcile import reconciles
from pipeline.store.model import PARTY, SIGNATORY, WITHDRAWN, StoreError, participant_status
from pipeline.store.schema import ALL_TABLES

# The participants frame every reader gets: the one list of its columns.
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

# What the participants frame takes from the participations table (the rest is joined declarations).
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


def plain(df: pd.DataFrame) -> pd.DataFrame:
    """Plain Python values (None for missing, date for dates) so frames serialise the same everywhere."""
    out = df.astype(object).where(df.notna(), None)
    for c in out.columns:
        if c.endswith("_date"):
            out[c] = [to_date(v) for v in out[c]]
    return out


def _note_key(n: Any) -> tuple[int, str]:
    s = str(n)
    return (int(s), s) if s.isdigit() else (10**9, s)


def snapshot_counts(snap: dict[str, Any]) -> dict[str, int | None]:
    """A snapshot's parties and signatories: counted from its table, else the page's declared totals."""

    def pick(counted: Any, declared: Any) -> int | None:
        v = counted if not is_missing(counted) else declared
        return None if is_missing(v) else int(v)

    return {
        "parties": pick(snap["counted_parties"], snap["declared_parties"]),
        "signatories": pick(snap["counted_signatories"], snap["declared_signatories"]),
    }


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


class Queries:
    """Read-only questions to an open database; every answer is a frame of plain values or a dataclass."""

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

    def treaties(self) -> pd.DataFrame:
        """One row per treaty (in the natural order of treaty numbers) with its latest snapshot and the one
        before it; `reconciles` is yes / no / n/a by the one rule, `reconciliation` says why."""
        return pd.DataFrame(self._treaty_rows(None), columns=TREATY_COLUMNS, dtype=object)

    def treaty(self, mtdsg_no: str) -> dict[str, Any]:
        """treaties()'s row of one treaty (StoreError if the database does not hold it)."""
        rows = self._treaty_rows(mtdsg_no)
        if not rows:
            raise StoreError(f"the database holds no treaty {mtdsg_no}")
        return rows[0]

    def _treaty_rows(self, mtdsg_no: str | None) -> list[dict[str, Any]]:
        # Plain Python rows straight from the cursor: one treaty's row is read on every `status`, and
        # a pandas frame of one row cost more than the query.
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
            out.append(row)
        return out

    def snapshots(self, mtdsg_no: str) -> pd.DataFrame:
        return plain(
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
            ).df()
        )

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

    def participants(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame:
        """The participants table of one snapshot (the latest with participants by default).

        Empty for a snapshot that does not list participants: such a page does not say who participates.
        """
        if snapshot_id is None:
            # The latest snapshot with participants shows exactly the row versions still open
            # (valid_to NULL): no snapshot order is needed to pick them.
            current = self.participant_history(mtdsg_no, current_only=True, notes=False)
            return participants_frame(current.rows_at(0))
        snap = self.snapshot(mtdsg_no, snapshot_id)
        if snap is None or not snap["participants_complete"]:
            return participants_frame([])
        return participants_frame(self.participant_history(mtdsg_no).rows_at(int(snap["seq"])))

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

    def end_notes(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame:
        snap = self.snapshot(mtdsg_no, snapshot_id)
        if snap is None or not snap["participants_complete"]:
            return pd.DataFrame({"number": pd.Series(dtype=object), "text": pd.Series(dtype=object)})
        rows = records(
            self.con.execute(
                """SELECT v.number, v.text FROM end_notes v JOIN snapshots f ON f.snapshot_id = v.valid_from
                   LEFT JOIN snapshots t ON t.snapshot_id = v.valid_to
                   WHERE v.mtdsg_no = $m AND f.seq <= $seq AND (v.valid_to IS NULL OR t.seq > $seq)""",
                {"m": mtdsg_no, "seq": snap["seq"]},
            )
        )
        rows.sort(key=lambda r: _note_key(r["number"]))
        return pd.DataFrame(rows, columns=["number", "text"], dtype=object)

    def _current(self, iso3: str | None = None) -> pd.DataFrame:
        """Every participant (or the one with this code) of every treaty in the treaty's latest snapshot
        with participants."""
        mine = "AND v.iso3 = $iso3" if iso3 is not None else ""
        return self.con.execute(
            f"""SELECT v.mtdsg_no, t.title, s.snapshot_id, s.as_at,
                      v.* EXCLUDE (mtdsg_no, row_hash, valid_from, valid_to)
               FROM participations v JOIN treaties t USING (mtdsg_no)
               JOIN snapshots s ON s.snapshot_id = (
                   SELECT max_by(snapshot_id, seq) FROM snapshots x WHERE x.mtdsg_no = v.mtdsg_no
                   AND x.participants_complete)
               WHERE v.valid_to IS NULL {mine} ORDER BY v.mtdsg_no, v.name""",
            {"iso3": iso3} if iso3 is not None else {},
        ).df()

    def latest_status(self) -> pd.DataFrame:
        """One row per treaty and participant: the latest known status of each participation."""
        df = self._current()
        df.insert(1, "short_name", [short_name(m) for m in df["mtdsg_no"]])
        df["status"] = [participant_status(r) for r in df.to_dict("records")]
        return plain(df)

    def participant_codes(self) -> dict[str, str]:
        """Every participant code in the store -> the most recent name it goes by."""
        rows = self.con.execute(
            """SELECT iso3, arg_max(name, valid_from) FROM participations GROUP BY iso3"""
        ).fetchall()
        return {str(i): str(n) for i, n in rows}

    def country(self, iso3: str) -> pd.DataFrame:
        """One participant's status in every treaty in the database, in the natural order of treaties.

        `status` is one of model.STATUSES: "unknown" where the treaty's latest snapshot lists no
        participants, "no action" where it does and this participant is not on it.
        """
        mine = self._current(iso3)
        if mine.empty:
            raise StoreError(f"{iso3} takes part in no treaty in the database")
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
                    "status": participant_status(r, participants_listed=bool(t["participants_complete"])),
                    "signature_date": r["signature_date"] if r else None,
                    "consent_date": r["consent_date"] if r else None,
                    "consent_type": r["consent_type"] if r else None,
                    "withdrawn": bool(r["withdrawn"]) if r else False,
                    "as_at": r["as_at"] if r else t["as_at"],
                }
            )
        return plain(pd.DataFrame(rows))

    def matrix(self) -> pd.DataFrame:
        """One row per participant (iso3, name), one column per treaty (natural order), cells like
        "party 2002", "signed 2000", "withdrawn"; "" for no action; "unknown" where the treaty's latest
        snapshot lists no participants."""
        current = self._current()
        treaties = self.treaties()
        numbers = list(treaties["mtdsg_no"])
        unlisted = [
            m for m, ok in zip(treaties["mtdsg_no"], treaties["participants_complete"], strict=True) if not ok
        ]
        if current.empty:
            return pd.DataFrame(columns=["iso3", "name", *numbers])
        current["cell"] = [matrix_cell(r) for r in current.to_dict("records")]
        # The most recent name a participant goes by ("Bahamas (The)" rather than 2018's "Bahamas").
        names = current.sort_values("as_at").groupby("iso3")["name"].last()
        wide = current.pivot(index="iso3", columns="mtdsg_no", values="cell")
        wide = wide.reindex(columns=numbers).fillna("")
        for m in unlisted:
            wide[m] = "unknown"
        wide.insert(0, "name", names.reindex(wide.index))
        wide = wide.reset_index().sort_values("name", key=lambda s: s.str.casefold()).reset_index(drop=True)
        wide.columns.name = None
        return plain(wide)


def records(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """A cursor's rows as dicts of plain Python values (None, date, datetime, int, str, bool)."""
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def participants_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The participants frame every reader gets (PARTICIPANT_COLUMNS, plain values) from its rows."""
    return pd.DataFrame(rows, columns=PARTICIPANT_COLUMNS, dtype=object)


def _valid(row: dict[str, Any], seq: int) -> bool:
    return row["from_seq"] <= seq and (row["to_seq"] is None or row["to_seq"] > seq)


class ParticipantHistory:
    """A treaty's row versions in memory (plain rows, no frames): the participants, end notes and first
    brackets of any snapshot, by its order (seq)."""

    def __init__(
        self,
        parts: list[dict[str, Any]],
        decl: list[dict[str, Any]],
        notes: list[dict[str, Any]] | None = None,
    ) -> None:
        self._parts = parts
        self._decl = sorted(
            (d for d in decl if d["iso3"] is not None), key=lambda d: (d["iso3"], d["kind"], d["ordinal"])
        )
        self._notes = notes or []

    def rows_at(self, seq: int) -> list[dict[str, Any]]:
        """The participants of the snapshot in position `seq`: PARTICIPANT_COLUMNS dicts, by name, each
        with its declarations' text joined."""
        texts: dict[str, list[str]] = {}
        for d in self._decl:
            if _valid(d, seq):
                texts.setdefault(d["iso3"], []).append(
                    (f"[{d['kind']}] " if d["kind"] != "declaration" else "") + d["text"]
                )
        rows = []
        for p in self._parts:
            if _valid(p, seq):
                row = {c: p.get(c) for c in PARTICIPANT_COLUMNS}
                found = texts.get(p["iso3"])
                row["declarations"] = "\n\n".join(found) if found else None
                rows.append(row)
        rows.sort(key=lambda r: str(r["name"]).casefold())
        return rows

    def at(self, seq: int) -> pd.DataFrame:
        return participants_frame(self.rows_at(seq))

    def notes_at(self, seq: int) -> dict[str, str]:
        """The end notes of the snapshot in position `seq`: number -> text."""
        found = sorted((n for n in self._notes if _valid(n, seq)), key=lambda n: _note_key(n["number"]))
        return {str(n["number"]): str(n["text"]) for n in found}

    def first_seen_withdrawn(self) -> dict[str, datetime]:
        """For each participant ever shown bracketed, the status date of the first snapshot showing it."""
        out: dict[str, datetime] = {}
        for p in self._parts:
            if p["withdrawn"]:
                key = str(p["iso3"])
                out[key] = min(out.get(key, p["from_as_at"]), p["from_as_at"])
        return out


def matrix_cell(r: dict[str, Any]) -> str:
    """A participant's cell in the country x treaty matrix: "party 2002", "signed 2000", "withdrawn" or ""."""
    status = participant_status(r)
    if status == PARTY:
        return f"party {to_date(r['consent_date']).year}"  # type: ignore[union-attr]
    if status == SIGNATORY:
        return f"signed {to_date(r['signature_date']).year}"  # type: ignore[union-attr]
    if status == WITHDRAWN:
        return WITHDRAWN
    return ""
