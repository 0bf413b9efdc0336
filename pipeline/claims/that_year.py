"""A count told "that year" (or "that December", "on 3 December of that year") for the dating stage
(pipeline/claims/dating.py): the year of the last date told before it in its paragraph, and the month or day
the words give. Pure: the dates are given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from pipeline.text import MONTH_NAMES, MONTHS

if TYPE_CHECKING:  # (dates.py imports the dating stage, which imports this module)
    from pipeline.claims.dates import DateMention

# "Over 130 States signed it that year", "in the same year", "signed in Ottawa that December by 122 countries"
# (a month's name capitalised, and never "May", the verb).
THAT_YEAR = re.compile(
    r"\b(?:(?:in|during|by\s+the\s+end\s+of)\s+)?(?:that|the\s+same)\s+"
    r"(?:year|(?P<mo>(?-i:January|February|March|April|June|July|August|September|October|November|December)))\b",
    re.I,
)
# "on 3 December (December 3) of that year", "of the same year": a day whose year is the one told before.
_DAY_OF = re.compile(
    rf"\b(?:(?P<d1>\d\d?)(?:st|nd|rd|th)?\s+)?(?P<m>{MONTH_NAMES})(?(d1)|\s+(?P<d2>\d\d?)(?:st|nd|rd|th)?)\s+of\s+$",
    re.I,
)


def that_year_day(text: str, that_year: re.Match[str], before: Sequence[DateMention]) -> DateMention | None:
    """The day a count told with `that_year` (a match of THAT_YEAR) is of: in the year of the last of the
    dates told `before` it (None when there is none), its 31 December, the last day of the month the words
    name, or the day told before "of that year"."""
    told = [d for d in before if d.precision in ("day", "month", "year")]
    if not told:
        return None
    last = told[-1]
    said = f"{that_year.group(0)} ({last.on.year})"
    # "opened for signature in Oslo on 3 December of that year, when 94 States signed it": that day
    of = _DAY_OF.search(text, max(0, that_year.start() - 24), that_year.start())
    try:
        on = date(last.on.year, MONTHS[of["m"].lower()], int(of["d1"] or of["d2"])) if of else None
    except ValueError:  # "31 February of that year": no day
        on = None
    if of is not None and on is not None:
        return replace(last, on=on, precision="day", text=f"{of.group(0)}{said}", event=False)
    y, m = last.on.year, MONTHS.get((that_year["mo"] or "").lower(), 12)
    on = date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)  # (the month's last day, or the year's)
    return replace(last, on=on, precision="month" if that_year["mo"] else "year", text=said, event=False)


__all__ = ["THAT_YEAR", "that_year_day"]
