"""The store's typed pandas frames: one declared schema per public frame, built from the readers' plain rows.

The only module of the store that imports pandas. A notebook user gets dates as `datetime64`, counts as
`Int64`, flags as `boolean` and the closed vocabularies (status, consent type, change and event kind) as
categoricals, so `treaties.nlargest(5, "parties")` or `people[people.consent_date > "2020-01-01"]` work
at once. Free text (names, titles, sources) stays `object`, with None for missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import pandas as pd

from pipeline.frame_values import is_missing
from pipeline.parse.table import VOCABULARY
from pipeline.store.events import all_events
from pipeline.store.queries import COUNTRY_COLUMNS, SNAPSHOT_COLUMNS, TREATY_COLUMNS, Reader
from pipeline.store.rows import PARTICIPANT_COLUMNS, Row, un_url
from pipeline.vocab import ChangeKind, EventKind, Role, Status

# The kinds of column a frame declares; a categorical is named by its vocabulary (below).
TEXT = "object"
TIME = "datetime64[us]"
COUNT = "Int64"
FLAG = "boolean"
STATUS = "status"
CONSENT_TYPE = "consent_type"
CHANGE_KIND = "change_kind"
EVENT_KIND = "event_kind"

Schema = Mapping[str, str]


def consent_types(values: Iterable[Any] = ()) -> list[str]:
    """The categories of `consent_type`: every consent action type of the column table (parse/columns.csv,
    their one home: a page with a header outside it never reaches the store), then any other value the
    stored rows hold, such as the combinations a page's legend makes ("definitive_signature_or_
    acceptance"), so that a stored row is never read as missing."""
    known = sorted({e.action_type for e in VOCABULARY.values() if e.role == Role.CONSENT})
    return known + sorted({str(v) for v in values if v is not None} - set(known))


def _categories(kind: str, values: Sequence[Any]) -> list[str]:
    if kind == STATUS:
        return [s.value for s in Status]
    if kind == CHANGE_KIND:
        return [k.value for k in ChangeKind]
    if kind == EVENT_KIND:
        return [k.value for k in EventKind]
    return consent_types(values)


def _column(values: list[Any], kind: str, name: str) -> Any:
    if kind == TEXT:
        return pd.Series(values, dtype=object)
    if kind == TIME:
        return pd.Series(pd.to_datetime(pd.Series(values, dtype=object)), dtype=TIME)
    if kind in (COUNT, FLAG):
        return pd.Series(pd.array(values, dtype=kind))
    categories = _categories(kind, values)
    unknown = {str(v) for v in values if v is not None and str(v) not in categories}
    if unknown:
        raise ValueError(f"{name}: {sorted(unknown)} not in the vocabulary {categories}")
    return pd.Series(pd.Categorical([None if v is None else str(v) for v in values], categories=categories))


def typed_frame(rows: Sequence[Row], schema: Schema) -> pd.DataFrame:
    """A frame of these rows with exactly the schema's columns, in its order, of its dtypes."""
    columns = list(schema)
    data = {c: _column([r.get(c) for r in rows], schema[c], c) for c in columns}
    return pd.DataFrame(data, columns=columns)


def plain_values(df: pd.DataFrame) -> pd.DataFrame:
    """A typed frame as plain Python values in object columns (None for missing; a `*_date` column as
    dates, other times as datetimes; counts as int, flags as bool, categories as str): for writers that
    read values one by one (the export's CSV and data package)."""
    columns: dict[Any, pd.Series] = {}
    for c in df.columns:
        col = df[c]
        values: list[Any]
        if pd.api.types.is_datetime64_any_dtype(col):
            stamps = [None if pd.isna(v) else v.to_pydatetime() for v in col]
            values = [v.date() if v is not None and str(c).endswith("_date") else v for v in stamps]
        else:
            values = [None if is_missing(v) else v.item() if hasattr(v, "item") else v for v in col]
        columns[c] = pd.Series(values, index=df.index, dtype=object)
    return pd.DataFrame(columns, index=df.index, columns=df.columns)


def dtypes(schema: Schema) -> dict[str, str]:
    """The dtype names a frame of this schema has (what the test of every public frame compares)."""
    return {c: ("category" if k not in (TEXT, TIME, COUNT, FLAG) else k) for c, k in schema.items()}


# ------------------------------------------------------------------------------------- the schemas

TREATIES: Schema = {
    **dict.fromkeys(TREATY_COLUMNS, TEXT),
    **dict.fromkeys(["snapshot_id", "snapshot_count"], COUNT),
    **dict.fromkeys(["as_at", "previous_as_at"], TIME),
    **dict.fromkeys(["parties", "signatories", "previous_parties", "previous_signatories"], COUNT),
    **dict.fromkeys(
        ["declared_parties", "declared_signatories", "counted_parties", "counted_signatories"], COUNT
    ),
    **dict.fromkeys(["participants_complete", "has_signature_column", "participants_listed"], FLAG),
}

PARTICIPANTS: Schema = {
    **dict.fromkeys(PARTICIPANT_COLUMNS, TEXT),
    **dict.fromkeys(["signature_date", "consent_date", "provisional_date"], TIME),
    "consent_type": CONSENT_TYPE,
    **dict.fromkeys(["is_state", "withdrawn", "has_declarations"], FLAG),
    **dict.fromkeys(["signature_withdrawn", "consent_withdrawn", "provisional_withdrawn"], FLAG),
}

# The participations table's own column order (what `latest_status` has always listed).
_STORED_ORDER = [
    "iso3", "name", "is_state",
    "signature_date", "signature_type", "signature_code", "signature_withdrawn",
    "consent_date", "consent_type", "consent_code", "consent_withdrawn",
    "provisional_date", "provisional_type", "provisional_code", "provisional_withdrawn",
    "other_actions", "withdrawn", "footnotes", "has_declarations",
]  # fmt: skip

LATEST_STATUS: Schema = {
    "mtdsg_no": TEXT,
    "short_name": TEXT,
    "title": TEXT,
    "snapshot_id": COUNT,
    "as_at": TIME,
    **{c: PARTICIPANTS.get(c, TEXT) for c in _STORED_ORDER},
    "status": STATUS,
    "un_url": TEXT,
}

COUNTRY: Schema = {
    **dict.fromkeys(COUNTRY_COLUMNS, TEXT),
    "status": STATUS,
    **dict.fromkeys(["signature_date", "consent_date", "as_at"], TIME),
    "consent_type": CONSENT_TYPE,
    "withdrawn": FLAG,
}

SNAPSHOTS: Schema = {
    **dict.fromkeys(SNAPSHOT_COLUMNS, TEXT),
    **dict.fromkeys(["snapshot_id", "seq", "observations"], COUNT),
    **dict.fromkeys(["as_at", "imported_at", "last_confirmed_at"], TIME),
    **dict.fromkeys(
        ["declared_signatories", "counted_signatories", "declared_parties", "counted_parties"], COUNT
    ),
    "participants_complete": FLAG,
}

END_NOTES: Schema = {"number": TEXT, "text": TEXT}

EVENTS: Schema = {
    "event_id": TEXT,
    "mtdsg_no": TEXT,
    "iso3": TEXT,
    "name": TEXT,
    "kind": EVENT_KIND,
    "action_date": TIME,
    "first_seen": TIME,
    "snapshot_id": COUNT,
    "previous_snapshot_id": COUNT,
    "before": TEXT,
    "after": TEXT,
    "source_url": TEXT,
    "un_url": TEXT,
}

CHANGES: Schema = {"iso3": TEXT, "name": TEXT, "change": CHANGE_KIND, "before": TEXT, "after": TEXT}


# ----------------------------------------------------------------------------- the public frames


def treaties_frame(reader: Reader) -> pd.DataFrame:
    return typed_frame(reader.treaty_rows(), TREATIES)


def participants_frame(rows: Sequence[Row]) -> pd.DataFrame:
    return typed_frame(rows, PARTICIPANTS)


def end_notes_frame(rows: Sequence[Row]) -> pd.DataFrame:
    return typed_frame(rows, END_NOTES)


def latest_status_frame(reader: Reader) -> pd.DataFrame:
    rows = reader.latest_status_rows()
    urls = {t["mtdsg_no"]: t["un_url"] for t in reader.treaty_rows()}
    for r in rows:
        r["un_url"] = urls[r["mtdsg_no"]]
    return typed_frame(rows, LATEST_STATUS)


def country_frame(rows: Sequence[Row]) -> pd.DataFrame:
    return typed_frame(rows, COUNTRY)


def snapshots_frame(rows: Sequence[Row]) -> pd.DataFrame:
    return typed_frame(rows, SNAPSHOTS)


def matrix_frame(columns: list[str], rows: Sequence[Row]) -> pd.DataFrame:
    """The participant x treaty matrix: text cells ("party 2002"...), one column per treaty."""
    return typed_frame(rows, dict.fromkeys(columns, TEXT))


def events_frame(
    reader: Reader, treaty: str | None = None, country: str | None = None, since: date | None = None
) -> pd.DataFrame:
    """Change events (pipeline.store.events), newest first: of one treaty and/or one participant code,
    and those whose action date (else the day first seen) is on or after `since`."""
    rows = []
    for e in all_events(reader, [treaty] if treaty is not None else None, baseline=False):
        if country is not None and e.iso3 != country:
            continue
        day = e.action_date or e.first_seen.date()
        if since is not None and day < since:
            continue
        row = e.to_dict()
        row["action_date"], row["first_seen"] = e.action_date, e.first_seen
        row["un_url"] = un_url(e.mtdsg_no, e.source_url)
        rows.append(row)
    return typed_frame(rows, EVENTS)
