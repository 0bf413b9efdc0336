"""The normalise stage: a parsed page -> typed, checked Arrow tables keyed by ISO 3166 code, with canonical
row hashes that make "what changed" a set difference. The store writes these tables as they are."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd
import pyarrow as pa

from pipeline.normalise.codes import resolve
from pipeline.parse.model import Action, Participant, TreatyStatus

# (iso3, is_state) of a participant name as printed on a page.
CodeResolver = Callable[[str, str], tuple[str, bool | None]]


class DuplicateParticipant(ValueError):
    """Two rows of one page resolve to one ISO code: participations are keyed by it, so refuse to guess."""


def default_resolver() -> CodeResolver:
    """pipeline.normalise.codes.resolve, adapted to (iso3, is_state)."""

    def _resolve(name: str, page: str) -> tuple[str, bool | None]:
        code = resolve(name, page=page)
        return code.iso3, code.is_state

    return _resolve


def _canon(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _canon(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canon(v) for v in value]
    return value


def _digest(obj: Any) -> str:
    text = json.dumps(_canon(obj), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def content_hash(status: TreatyStatus) -> str:
    """Hash of what the page says, excluding where it came from and its status time.

    The live site's STATUS AS AT is the time of the request, so it differs on every fetch even when
    nothing changed; excluding it is what lets a refresh be recognised as "unchanged".
    """
    data = dataclasses.asdict(status)
    data.pop("source", None)
    data.pop("status_as_at", None)
    return _digest(data)


def clean_text(text: str) -> str:
    """Whitespace-collapsed text: the HTML and XML forms of one note differ only in line breaks and spaces."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def _action_cols(prefix: str, action: Action | None) -> dict[str, Any]:
    if action is None:
        return {
            f"{prefix}_date": None,
            f"{prefix}_type": None,
            f"{prefix}_code": None,
            f"{prefix}_withdrawn": None,
        }
    return {
        f"{prefix}_date": action.date,
        f"{prefix}_type": action.type,
        f"{prefix}_code": action.code,
        f"{prefix}_withdrawn": action.withdrawn,
    }


def _others(p: Participant) -> str | None:
    others = p.others
    if not others:
        return None
    parts = [f"{a.type} {a.date.isoformat()}" + (" (withdrawn)" if a.withdrawn else "") for a in others]
    return "; ".join(parts)


PARTICIPATION_SCHEMA = pa.schema(
    [
        ("iso3", pa.string()),
        ("name", pa.string()),
        ("is_state", pa.bool_()),
        ("signature_date", pa.date32()),
        ("signature_type", pa.string()),
        ("signature_code", pa.string()),
        ("signature_withdrawn", pa.bool_()),
        ("consent_date", pa.date32()),
        ("consent_type", pa.string()),
        ("consent_code", pa.string()),
        ("consent_withdrawn", pa.bool_()),
        ("provisional_date", pa.date32()),
        ("provisional_type", pa.string()),
        ("provisional_code", pa.string()),
        ("provisional_withdrawn", pa.bool_()),
        ("other_actions", pa.string()),
        ("withdrawn", pa.bool_()),
        ("footnotes", pa.string()),
        ("has_declarations", pa.bool_()),
        ("row_hash", pa.string()),
    ]
)
DECLARATION_SCHEMA = pa.schema(
    [
        ("iso3", pa.string()),
        ("participant", pa.string()),
        ("kind", pa.string()),
        ("ordinal", pa.int32()),
        ("text", pa.string()),
        ("row_hash", pa.string()),
    ]
)
END_NOTE_SCHEMA = pa.schema([("number", pa.string()), ("text", pa.string()), ("row_hash", pa.string())])


def participation_rows(status: TreatyStatus, resolve: CodeResolver) -> tuple[pa.Table, dict[str, str]]:
    """One row per participant keyed by ISO code (a renamed participant keeps its key), and name -> iso3."""
    rows: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    for p in status.participants:
        iso3, is_state = resolve(p.name, status.mtdsg_no)
        if iso3 in seen:
            raise DuplicateParticipant(
                f"{status.mtdsg_no}: rows {seen[iso3]!r} and {p.name!r} (row {p.row}) both resolve to {iso3}"
            )
        seen[iso3] = p.name
        row: dict[str, Any] = {"iso3": iso3, "name": p.name, "is_state": is_state}
        row.update(_action_cols("signature", p.signature))
        row.update(_action_cols("consent", p.consent))
        row.update(_action_cols("provisional", p.provisional))
        row["other_actions"] = _others(p)
        row["withdrawn"] = p.withdrawn
        row["footnotes"] = ",".join(p.footnotes) if p.footnotes else None
        row["has_declarations"] = p.has_declarations
        # The row number is left out: one accession shifts every row below it in the alphabetical table.
        row["row_hash"] = _digest(row)
        rows.append(row)
    names = {name: iso3 for iso3, name in seen.items()}
    return pa.Table.from_pylist(rows, schema=PARTICIPATION_SCHEMA), names


_MARKERS_RE = re.compile(r"^(?P<name>.*?\D)\s*(?P<marks>\d+(?:\s*,\s*\d+)*)$")


def compare_key(text: str | None) -> str:
    """Letters and digits only: the 2018 XML and 2026 HTML print one text with other quotes and spacing."""
    return re.sub(r"[^0-9a-z]", "", (text or "").casefold())


def split_heading(participant: str, text: str) -> tuple[str, str]:
    """Drop footnote markers from a declaration heading ("Qatar 10, 11") and the heading echoed in the text.

    The HTML declarations block repeats the participant's name and its footnote markers at the start of
    the text ("Belgium1Upon signature: ..."); the XML does not.
    """
    name, marks = participant, ""
    m = _MARKERS_RE.match(participant)
    if m:
        name, marks = m.group("name").strip(), re.sub(r"\s+", "", m.group("marks"))
    if text.startswith(name):
        rest = text[len(name) :].lstrip()
        compact = re.sub(r"\s+", "", rest[: len(marks) + 12])
        if marks and compact.startswith(marks):
            # Walk past the markers in the uncompacted text.
            i = seen = 0
            while i < len(rest) and seen < len(marks):
                if not rest[i].isspace():
                    seen += 1
                i += 1
            rest = rest[i:].lstrip()
        text = rest if (marks or not rest or not rest[0].isalnum()) else text
    return name, text


def declaration_rows(status: TreatyStatus, names: dict[str, str], resolve: CodeResolver) -> pa.Table:
    rows: list[dict[str, Any]] = []
    counter: dict[tuple[str, str], int] = {}
    for d in status.declarations:
        participant, text = split_heading(clean_text(d.participant), clean_text(d.text))
        iso3 = names.get(d.participant) or names.get(participant)
        if iso3 is None:
            try:
                iso3 = resolve(participant, status.mtdsg_no)[0]
            except Exception:  # a heading the resolver does not know: keep it by its printed name
                iso3 = None
        key = iso3 or participant
        ordinal = counter.get((key, d.kind), 0)
        counter[(key, d.kind)] = ordinal + 1
        # Keyed by code, not printed name, so a rename alone does not read as a changed declaration;
        # hashed on letters and digits only, so a change of quote marks or line breaks is no change.
        rows.append(
            {
                "iso3": iso3,
                "participant": participant,
                "kind": d.kind,
                "ordinal": ordinal,
                "text": text,
                "row_hash": _digest([key, d.kind, ordinal, compare_key(text)]),
            }
        )
    return pa.Table.from_pylist(rows, schema=DECLARATION_SCHEMA)


def end_note_rows(status: TreatyStatus) -> pa.Table:
    rows = []
    counter: dict[str, int] = {}
    for n in status.end_notes:
        text = clean_text(n.text)
        k = counter.get(n.number, 0)
        counter[n.number] = k + 1
        rows.append({"number": n.number, "text": text, "row_hash": _digest([n.number, k, text])})
    return pa.Table.from_pylist(rows, schema=END_NOTE_SCHEMA)


# The first dated action in the collection is of 1945; nothing is dated far after the page itself.
_EARLIEST = date(1945, 1, 1)
_LATEST = date(2100, 1, 1)


class NormalisationError(ValueError):
    """A page whose rows cannot be normalised as they are; the message names the page, the row and value."""


@dataclass(frozen=True)
class NormalisedPage:
    """One page, normalised: the parsed status and its rows, typed by the table schemas above (the one
    list of each table's columns), ready for the store to write as they are."""

    status: TreatyStatus
    content_hash: str
    participations: pa.Table
    declarations: pa.Table
    end_notes: pa.Table

    @property
    def participants_listed(self) -> bool:
        """False for a header-only page: it says nothing about who is in or out."""
        return bool(self.participations.num_rows > 0)

    def participations_frame(self) -> pd.DataFrame:
        return self.participations.to_pandas()


def _check(page: NormalisedPage) -> None:
    m = page.status.mtdsg_no
    for row in page.participations.to_pylist():
        for role in ("signature", "consent", "provisional"):
            d = row[f"{role}_date"]
            if d is not None and not (_EARLIEST <= d < _LATEST):
                raise NormalisationError(f"{m}: {row['name']}: {role} date {d} is outside 1945-2099")
            if d is not None and not row[f"{role}_type"]:
                raise NormalisationError(f"{m}: {row['name']}: {role} date {d} has no action type")


def normalise_page(status: TreatyStatus, resolve: CodeResolver | None = None) -> NormalisedPage:
    """Participant names -> codes (UnknownParticipant for a name the table does not know), action columns
    per role, declarations keyed by code, end notes; checked before anything is stored."""
    res = resolve or default_resolver()
    participations, names = participation_rows(status, res)
    page = NormalisedPage(
        status=status,
        content_hash=content_hash(status),
        participations=participations,
        declarations=declaration_rows(status, names, res),
        end_notes=end_note_rows(status),
    )
    _check(page)
    return page
