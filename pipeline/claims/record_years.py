"""The year of a day told without one, from the record, in a text with no date of its own.

"17 other states also ratified the treaty on 2 April, which means that 31 states have now done so", in a
page that gives no date: the UN's table holds consents to the Arms Trade Treaty dated 2 April in one year
only (2014), so the count is of 2 April 2014 (eval Conventions, date rule 1: the sentence's own date; its
year is the one the record's acts of that day give). The acts are those the count counts: consents for
parties, signatures for signatories. When several years hold such acts, the one whose count that day is
the figure told, if only one is. When no year holds such acts, the year is the one, from the first act
to the last, in which the record's count on that day is the figure told ("As of Sept. 25, 53 countries
have signed" of a treaty opened for signature on 20 September 2017), and whose weekday is the one the
sentence tells, if it tells one; when no year or several are, the count is left undated. A sentence that
tells a year is left undated, as are counts dated already and counts a text with a date of its own dates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pipeline.claims.anchors import DAY_MONTH, act_days, count_on
from pipeline.claims.model import KIND_COUNT, Claim, dated_by_record
from pipeline.claims.store_view import StoreLike
from pipeline.text import MONTHS, WEEKDAY_NAMES, WEEKDAYS

# A year, told or relative ("on 3 December last year"), or a day that opens or closes a span ("since it
# opened for signature on 3 June"): no day of the count.
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b|\b(?:this|last|next|that|the\s+same)\s+year\b", re.I)
_STATUS_LEAD = re.compile(
    rf"\b(?:as\s+(?:of|at)|by|until|through)\s+(?:the\s+)?(?:(?:{WEEKDAY_NAMES}),?\s+)?\Z", re.I
)
_NOW = re.compile(r"\b(?:now|currently|today|to\s+date|so\s+far)\b", re.I)
# A weekday told before the day: "Wednesday 26 September", "Monday, Sept. 25".
_WEEKDAY = re.compile(
    rf"\b({'|'.join(w.title() for w in WEEKDAYS)}),?\s+(?:the\s+)?(?:\d|[A-Z][a-z]+\.?\s+\d)"
)
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
        acts = act_days(store, c.mtdsg_no, c.measure)
        years = sorted({d for d in acts if (d.month, d.day) == told})
        why = "the UN's acts of that day"
        # the one year, between the first act and the last, whose count that day is the figure told ("As of
        # Sept. 25, 53 countries have signed" of a treaty opened on 20 September 2017): before the acts
        fit = (
            _days_of_the_figure(store, c, told, min(acts).year, max(acts).year)
            if acts and _of_the_count(c)
            else []
        )
        if len(fit) == 1:
            years, why = fit, "the one year whose count that day is the figure told"
        elif len(years) > 1:
            years = [d for d in years if count_on(store, c, d) == c.figure]
        out.append(dated_by_record(c, years[0], why) if len(years) == 1 else c)
    return out


def _of_the_count(c: Claim) -> bool:
    """Whether the day the sentence tells is the count's status date ("As of Sept. 25", "by 3 May"), on the
    count's line, in a sentence not told of the text's own time ("As of now, ... 133 States" over a line
    about "April 4" in a page without stops). Not an event's day ("on 12 March, the treaty was opened for
    signature", "Japan's accession on 9 October"): the record's own day of that event answers for it."""
    said = c.sentence or ""
    at = said.find(c.phrase)
    if at < 0 or _NOW.search(said):
        return False
    told = list(DAY_MONTH.finditer(said))
    return all(
        "\n" not in said[min(at, m.start()) : max(at, m.end())] and _STATUS_LEAD.search(said, 0, m.start())
        for m in told
    )


def _days_of_the_figure(
    store: StoreLike, c: Claim, told: tuple[int, int], first: int, last: int
) -> list[date]:
    """The days `told` (month, day) of the years `first` to `last` on which the record's count is the claim's
    figure, and whose weekday is the one the sentence tells, if it tells one ("Wednesday 26 September")."""
    weekday = _WEEKDAY.search(c.sentence or "")
    out = []
    for year in range(first, last + 1):
        try:
            day = date(year, *told)
        except ValueError:
            continue  # 29 February of a year that has none
        if weekday and WEEKDAYS.index(weekday.group(1).lower()) != day.weekday():
            continue
        if count_on(store, c, day) == c.figure:
            out.append(day)
    return out


__all__ = ["record_years"]
