"""Parsed treaty statuses -> tidy, typed, schema-checked pandas frames keyed by mtdsg_no and ISO 3166 code.

`participants_frame` has one row per (treaty page, participant) and these columns:

- mtdsg_no (string): the UN's treaty number, e.g. IV-11-c
- name (string): the participant as the page spells it
- iso3 (string): its code from names.csv, stable across renames
- is_state (bool): see pipeline/normalise/README.md
- signature_date, consent_date, provisional_date (datetime64[ns]): the day of the action, at midnight,
  no time zone; NaT if none
- signature_type, consent_type, provisional_type (category): the snake_case action type from the page's
  header legend, e.g. ratification, accession, succession_to_signature; NaN if none
- withdrawn (bool): an entry of the row is bracketed (participation withdrawn or denounced)
- footnotes (string): the row's footnote markers, comma-joined ("7,8"); "" if none
- has_declarations (bool): the participant has declarations or reservations on the page
- status_as_at (datetime64[ns, UTC]): the page's own "STATUS AS AT" time, in UTC; NaT for MTDSG XML

Dates are datetime64 rather than Python date objects so that .dt, comparisons, resampling and DuckDB/Arrow
conversion work without object columns. Action-type categories are the sorted types present in the frame:
they come from each page's own header legend, so the set is open (a fixed list would reject a new legend).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import pandera.pandas as pa

from pipeline.normalise.codes import resolve
from pipeline.parse.model import Action, TreatyStatus

ROLES = ("signature", "consent", "provisional")
TYPE_COLUMNS = tuple(f"{role}_type" for role in ROLES)
DATE_COLUMNS = tuple(f"{role}_date" for role in ROLES)
COLUMNS = (
    "mtdsg_no",
    "name",
    "iso3",
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
    "status_as_at",
)

# MTDSG numbers: chapter in roman numerals, then the treaty number and sub-letters/numbers (IV-11-c,
# XXVII-1-d, XI-B-16, XXVI-2-a).
_MTDSG_NO = r"^[IVXL]+(-[A-Za-z0-9]+)+$"
# The first dated action in the MTDSG is of 1945; nothing can postdate the page by much.
_EARLIEST = pd.Timestamp("1945-01-01")
_LATEST = pd.Timestamp("2100-01-01")


class DuplicateCode(ValueError):
    """Two rows of one page resolve to the same code: a name-table error or a page listing a state twice."""


def _date_column(nullable: bool = True) -> pa.Column:
    return pa.Column("datetime64[ns]", pa.Check.in_range(_EARLIEST, _LATEST), nullable=nullable, coerce=False)


def _type_column() -> pa.Column:
    return pa.Column(
        pa.Category, pa.Check.str_matches(r"^[a-z0-9]+(_[a-z0-9]+)*$"), nullable=True, coerce=False
    )


def _types_match_dates(df: pd.DataFrame) -> pd.Series:
    """An action type exactly where there is a date, row by row."""
    ok = pd.Series(True, index=df.index)
    for role in ROLES:
        ok &= df[f"{role}_date"].isna() == df[f"{role}_type"].isna()
    return ok


PARTICIPANTS_SCHEMA = pa.DataFrameSchema(
    {
        "mtdsg_no": pa.Column("string", pa.Check.str_matches(_MTDSG_NO)),
        "name": pa.Column("string", pa.Check.str_length(min_value=1)),
        "iso3": pa.Column("string", pa.Check.str_matches(r"^[A-Z]{3}$")),
        "is_state": pa.Column(bool),
        "signature_date": _date_column(),
        "signature_type": _type_column(),
        "consent_date": _date_column(),
        "consent_type": _type_column(),
        "provisional_date": _date_column(),
        "provisional_type": _type_column(),
        "withdrawn": pa.Column(bool),
        "footnotes": pa.Column("string", pa.Check.str_matches(r"^([^,]+(,[^,]+)*)?$")),
        "has_declarations": pa.Column(bool),
        "status_as_at": pa.Column("datetime64[ns, UTC]", nullable=True),
    },
    checks=[pa.Check(_types_match_dates, error="an action type without a date or a date without a type")],
    strict=True,
    ordered=True,
    # One row per participant of one page (status_as_at tells two captures of a treaty apart).
    unique=["mtdsg_no", "status_as_at", "iso3"],
    name="participants",
)


def _page_label(status: TreatyStatus) -> str:
    where = status.source.location if status.source else ""
    return f"{status.mtdsg_no} ({where})" if where else status.mtdsg_no


def _action_fields(role: str, action: Action | None) -> dict[str, object]:
    if action is None:
        return {f"{role}_date": None, f"{role}_type": None}
    return {f"{role}_date": action.date, f"{role}_type": action.type}


def _rows(status: TreatyStatus) -> Iterable[dict[str, object]]:
    page = _page_label(status)
    seen: dict[str, str] = {}
    for participant in status.participants:
        code = resolve(participant.name, page=page)
        if code.iso3 in seen:
            # e.g. a page listing both "Czechia" and "Czech Republic": one state, two rows.
            raise DuplicateCode(
                f"{page}: rows {seen[code.iso3]!r} and {participant.name!r} (row {participant.row}) "
                f"both resolve to {code.iso3}"
            )
        seen[code.iso3] = participant.name
        row: dict[str, object] = {
            "mtdsg_no": status.mtdsg_no,
            "name": participant.name,
            "iso3": code.iso3,
            "is_state": code.is_state,
        }
        for role in ROLES:
            row.update(_action_fields(role, getattr(participant, role)))
        row["withdrawn"] = participant.withdrawn
        row["footnotes"] = ",".join(participant.footnotes)
        row["has_declarations"] = participant.has_declarations
        row["status_as_at"] = status.status_as_at
        yield row


def _to_utc(value: object) -> pd.Timestamp:
    if value is None:
        return pd.NaT
    stamp = pd.Timestamp(value)
    # The model's status time carries the page's US Eastern offset; a naive one is taken as UTC.
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def participants_frame(statuses: Iterable[TreatyStatus]) -> pd.DataFrame:
    """One validated row per (treaty page, participant), typed as described in the module docstring.

    Raises UnknownParticipant for a name not in names.csv and DuplicateCode when two rows of one page share
    a code; a schema violation raises pandera's SchemaError.
    """
    rows = [row for status in statuses for row in _rows(status)]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for column in ("mtdsg_no", "name", "iso3", "footnotes"):
        frame[column] = frame[column].astype("string")
    for column in ("is_state", "withdrawn", "has_declarations"):
        frame[column] = frame[column].astype(bool)
    for column in DATE_COLUMNS:
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    for column in TYPE_COLUMNS:
        present = sorted(frame[column].dropna().unique())
        frame[column] = pd.Categorical(frame[column], categories=present)
    frame["status_as_at"] = pd.Series(
        [_to_utc(v) for v in frame["status_as_at"]], index=frame.index, dtype="datetime64[ns, UTC]"
    )
    return PARTICIPANTS_SCHEMA.validate(frame)
