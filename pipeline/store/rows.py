"""The store's answers as plain rows (no pandas): column lists, a treaty's row versions, provenance fields."""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePath
from typing import Any

import duckdb

from pipeline import mtdsg
from pipeline.frame_values import to_date
from pipeline.vocab import Status, counted_else_declared, participant_status

# A row of any answer: plain Python values (None, date, datetime, int, str, bool, list).
Row = dict[str, Any]

# The participants table every reader gets: the one list of its columns.
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


def records(cur: duckdb.DuckDBPyConnection) -> list[Row]:
    """A cursor's rows as dicts of plain Python values (None, date, datetime, int, str, bool)."""
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def snapshot_counts(snap: Row) -> dict[str, int | None]:
    """A snapshot's parties and signatories: counted from its table, else the page's declared totals."""
    return {
        "parties": counted_else_declared(snap["counted_parties"], snap["declared_parties"]),
        "signatories": counted_else_declared(snap["counted_signatories"], snap["declared_signatories"]),
    }


def un_url(mtdsg_no: str, source: str | None) -> str:
    """The treaties.un.org status page a reader can open and cite (the one rule: mtdsg.citable_url)."""
    return mtdsg.citable_url(mtdsg_no, source)


def public_source(source: str | None) -> str | None:
    """Where the bytes came from, as an output may show it: a URL as it is, a file by its name only (a
    path of the machine that imported it means nothing to a reader, and the raw sha256 names the bytes)."""
    if source is None or "://" in source:
        return source
    return PurePath(source).name


def mirror_of(mtdsg_no: str, source: str | None) -> str | None:
    """The UN page a source URL mirrors, when the bytes were read from a loopback mirror; else None."""
    if source and "://" in source and mtdsg.is_loopback(source):
        return un_url(mtdsg_no, source)
    return None


def note_key(n: Any) -> tuple[int, str]:
    s = str(n)
    return (int(s), s) if s.isdigit() else (10**9, s)


def _valid(row: Row, seq: int) -> bool:
    return bool(row["from_seq"] <= seq and (row["to_seq"] is None or row["to_seq"] > seq))


class ParticipantHistory:
    """A treaty's row versions in memory (plain rows, no frames): the participants, end notes and first
    brackets of any snapshot, by its order (seq)."""

    def __init__(self, parts: list[Row], decl: list[Row], notes: list[Row] | None = None) -> None:
        self._parts = parts
        self._decl = sorted(
            (d for d in decl if d["iso3"] is not None), key=lambda d: (d["iso3"], d["kind"], d["ordinal"])
        )
        self._notes = notes or []

    def rows_at(self, seq: int) -> list[Row]:
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

    def notes_at(self, seq: int) -> dict[str, str]:
        """The end notes of the snapshot in position `seq`: number -> text."""
        found = sorted((n for n in self._notes if _valid(n, seq)), key=lambda n: note_key(n["number"]))
        return {str(n["number"]): str(n["text"]) for n in found}

    def first_seen_withdrawn(self) -> dict[str, datetime]:
        """For each participant ever shown bracketed, the status date of the first snapshot showing it."""
        out: dict[str, datetime] = {}
        for p in self._parts:
            if p["withdrawn"]:
                key = str(p["iso3"])
                out[key] = min(out.get(key, p["from_as_at"]), p["from_as_at"])
        return out


def matrix_cell(r: Row) -> str:
    """A participant's cell in the country x treaty matrix: "party 2002", "signed 2000", "withdrawn" or ""."""
    status = participant_status(r)
    if status == Status.PARTY:
        return f"party {to_date(r['consent_date']).year}"  # type: ignore[union-attr]
    if status == Status.SIGNATORY:
        return f"signed {to_date(r['signature_date']).year}"  # type: ignore[union-attr]
    if status == Status.WITHDRAWN:
        return str(Status.WITHDRAWN)
    return ""
