"""Reading cells of the store's rows and frames: one rule for a missing value and for a date.

No pandas at import: the command line reads plain rows and must not pay for it. pandas' and numpy's
missing values (pd.NA, pd.NaT, NaN) and timestamps are recognised by what they are, not by importing them.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

# pandas' missing-value types, named so that recognising them needs no import of pandas.
_MISSING_TYPES = frozenset({"NAType", "NaTType"})


def is_missing(value: Any) -> bool:
    """None, NaN, NaT and pd.NA are missing; a list (footnotes) never is."""
    if value is None:
        return True
    if isinstance(value, list | tuple | str | bool | int):
        return False
    if type(value).__name__ in _MISSING_TYPES:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    dtype = getattr(value, "dtype", None)
    if dtype is not None and getattr(value, "ndim", 1) == 0:  # a numpy scalar: NaN or NaT is not itself
        try:
            return bool(value != value)
        except (TypeError, ValueError):
            return False
    return False


def to_date(value: Any) -> date | None:
    """A cell (date, datetime, Timestamp, numpy datetime64, ISO string, or missing) as a date, or None."""
    if is_missing(value):
        return None
    if isinstance(value, datetime):  # pd.Timestamp is a datetime
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            return date.fromisoformat(text[:10])
    if getattr(value, "dtype", None) is not None and value.dtype.kind == "M":  # numpy datetime64
        return to_date(str(value.astype("datetime64[D]")))
    raise TypeError(f"not a date: {value!r}")
