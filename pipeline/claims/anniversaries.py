"""Dates told from the text's own day, as anniversaries tell them: "Twenty-five years ago today, the
Convention against Torture entered into force", "When the CWC entered into force on this day in 1997",
"#OnThisDay in 1996 the CTBT opened for signature": the text's day and month, in the year they name. Each
is a date mention like any other (pipeline/claims/dates.py), so the stages that date a count by a day told
before it ("At that time, 21 states had ratified it") read it; a text without a day of its own has none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pipeline.claims.ago import AGO, back, how_many
from pipeline.claims.dates import DateMention

# "... years ago today" after an "ago" (ago.AGO): the text's own day, that many years back
_TODAY = re.compile(r"\s+(?:today|this\s+day)\b", re.I)
_THIS_DAY = re.compile(
    r"(?:\bon\s+this\s+(?:day|date)|#OnThisDay)\s*,?\s+in\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
# The treaty's own events told in the same clause: the day is that event's ("... ago today, the Convention
# entered into force"), as dates.py marks a date told with them.
_EVENT = re.compile(
    r"\b(?:(?:enter(?:s|ed)?|came|come|went)\s+into\s+(?:legal\s+)?(?:force|effect)|took\s+effect|"
    r"opened\s+for\s+signature|adopted)\b",
    re.I,
)


def with_anniversaries(dates: Sequence[DateMention], text: str, own_day: date | None) -> list[DateMention]:
    """`dates` with each anniversary the text tells from its own day (`own_day`), in place of any date
    mention inside it ("in 1997" of "on this day in 1997"); unchanged without a day of the text's own."""
    low = text.lower()
    if own_day is None or not ("ago" in low or "this day" in low or "onthisday" in low):
        return list(dates)
    told: list[DateMention] = []
    for m in AGO.finditer(text):
        today = _TODAY.match(text, m.end())
        if today is None or not m.group("unit").lower().startswith("year") or (n := how_many(m)) <= 0:
            continue
        if (on := back(own_day, n, "year")) is not None:
            told.append(_mention(text, m.start(), today.end(), on))
    for m in _THIS_DAY.finditer(text):
        try:
            on = own_day.replace(year=int(m.group("year")))
        except ValueError:
            continue
        if on < own_day:
            told.append(_mention(text, m.start(), m.end(), on))
    if not told:
        return list(dates)
    kept = [d for d in dates if not any(t.start < d.end and d.start < t.end for t in told)]
    return sorted([*kept, *told], key=lambda d: d.start)


def _mention(text: str, start: int, end: int, on: date) -> DateMention:
    lo = max(text.rfind(x, 0, start) for x in ".;!?\n") + 1
    his = [i for i in (text.find(x, end) for x in ".;!?\n") if i >= 0]
    clause = text[lo : min(his, default=len(text))]
    words = re.sub(r"\s+", " ", text[start:end])
    return DateMention(on, "day", words, start, end, anchored=False, event=bool(_EVENT.search(clause)))


__all__ = ["with_anniversaries"]
