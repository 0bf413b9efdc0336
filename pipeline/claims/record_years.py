"""The year of a day told without one, from the record, in a text with no date of its own.

"17 other states also ratified the treaty on 2 April, which means that 31 states have now done so", in a
page that gives no date: the UN's table holds consents to the Arms Trade Treaty dated 2 April in one year
only (2014), so the count is of 2 April 2014 (eval Conventions, date rule 1: the sentence's own date; its
year is the one the record's acts of that day give). The acts are those the count counts: consents for
parties, signatures for signatories. When several years hold such acts, the one whose count that day is
the figure told, if only one is. A sentence that tells a year, or a day the record holds in no year, is
left undated, as are counts dated already and counts a text with a date of its own dates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.claims.anchors import DAY_MONTH, act_days, count_on
from pipeline.claims.model import KIND_COUNT, Claim, dated_by_record
from pipeline.claims.store_view import StoreLike
from pipeline.text import MONTHS

# A year, told or relative ("on 3 December last year"), or a day that opens or closes a span ("since it
# opened for signature on 3 June"): no day of the count.
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b|\b(?:this|last|next|that|the\s+same)\s+year\b", re.I)
_SPAN_BEFORE = re.compile(r"\b(?:since|from|until|till|before|after)\b[^,;]{0,60}$", re.I)


def _told_day(sentence: str) -> tuple[int, int] | None:
    """(month, day) of the one day the sentence tells without a year; None if it tells a year, or no day,
    or more than one."""
    if _A_YEAR.search(sentence):
        return None
    told = list(DAY_MONTH.finditer(sentence))
    if any(_SPAN_BEFORE.search(sentence, 0, m.start()) for m in told):
        return None
    days = {
        (MONTHS.get((m.group("m1") or m.group("m2")).lower()), int(m.group("d1") or m.group("d2")))
        for m in told
    }
    if len(days) != 1:
        return None
    month, day = next(iter(days))
    return None if month is None or not 1 <= day <= 31 else (month, day)


def record_years(claims: Sequence[Claim], store: StoreLike) -> list[Claim]:
    """Each undated count whose sentence tells a day without its year, dated to that day of the year the
    record's acts give (see the module's docstring)."""
    out = []
    for c in claims:
        told = _told_day(c.sentence or "") if c.claimed_on is None and c.kind == KIND_COUNT else None
        if told is None or c.mtdsg_no is None:
            out.append(c)
            continue
        years = sorted({d for d in act_days(store, c.mtdsg_no, c.measure) if (d.month, d.day) == told})
        if len(years) > 1:
            years = [d for d in years if count_on(store, c, d) == c.figure]
        out.append(dated_by_record(c, years[0], "the UN's acts of that day") if len(years) == 1 else c)
    return out


__all__ = ["record_years"]
