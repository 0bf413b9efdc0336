"""Reading cells of the store's pandas frames: one rule for a missing value and for a date."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pandas as pd


def is_missing(value: Any) -> bool:
    """None, NaN, NaT and pd.NA are missing; a list (footnotes) never is."""
    if value is None:
        return True
    if isinstance(value, (list, tuple)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def to_date(value: Any) -> date | None:
    """A cell (date, datetime, Timestamp, ISO string, or missing) as a date, or None."""
    if is_missing(value):
        return None
    if isinstance(value, datetime):  # pd.Timestamp is a datetime
        return value.date()
    if isinstance(value, date):
        return value
    ts = pd.Timestamp(value)
    return None if pd.isna(ts) else ts.date()
