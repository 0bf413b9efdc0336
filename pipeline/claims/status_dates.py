"""A text with no date of its own (no --written-on, no byline): a status date it gives ("There are 106
States Parties as of 31 July 2019") is the best date it has for the counts it tells after it in the
present, in later paragraphs too ("... among the 14 signatories that still need to ratify")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from pipeline.claims.dates import DateMention, find_dates
from pipeline.claims.model import KIND_COUNT, Claim

# A count told in the present: "there are", "have ratified", "still need to", "is party".
_PRESENT = re.compile(r"\b(?:is|are|has|have|need|needs|remain|remains)\b", re.I)
# ... unless it says it is of the text's own (unknown) day: "today", "so far", "now".
_OWN_DAY = re.compile(
    r"\b(?:today|currently|at\s+present|presently|now|so\s+far|to\s+date|thus\s+far|as\s+yet)\b", re.I
)


def carried_status_dates(claims: Sequence[Claim], text: str) -> list[Claim]:
    """Each undated count told in the present after an "as of" date, in a text with no date of its own,
    takes the last such date before it."""
    if not any(c.claimed_on is None and c.date_source is None for c in claims):
        return list(claims)
    anchored = [d for d in find_dates(text) if d.anchored and not d.event]
    starts = [d.start for d in anchored]
    out = []
    for c in claims:
        n = bisect_left(starts, c.number_start)
        if (
            c.claimed_on is None
            and c.date_source is None
            and c.kind == KIND_COUNT
            and n
            and _PRESENT.search(c.sentence or "")
            and not _OWN_DAY.search(c.sentence or "")
        ):
            d = anchored[n - 1]
            c = replace(c, claimed_on=d.on, date_text=d.text, date_source="paragraph")
        out.append(c)
    return out


# "Peru's ratification, deposited on 30 April 2003, has brought the tally to 100": the running total of
# the day told with it.
_BROUGHT_TO = re.compile(
    r"\b(?:brought|brings|bringing|raised|raises|raising)\s+(?:the\s+)?(?:tally|total|number|count)\b"
    r"[^.;!?]{0,60}?\bto\s+(?P<n>\d{1,3})\b",
    re.I,
)


def brought_to_day(claims: Sequence[Claim], text: str) -> list[Claim]:
    """In a text with no date of its own, a running total told with the day of the deposit that made it
    dates the text's undated counts of that figure (its headline, its lead)."""
    if not any(c.claimed_on is None and c.date_source is None for c in claims):
        return list(claims)
    days: dict[int, DateMention] = {}
    dates = [d for d in find_dates(text) if d.precision == "day"]
    for m in _BROUGHT_TO.finditer(text):
        lo = max(text.rfind(x, 0, m.start()) for x in ".;!?\n") + 1
        hi = min((i for i in (text.find(x, m.end()) for x in ".;!?\n") if i >= 0), default=len(text))
        told = [d for d in dates if lo <= d.start < hi]
        if len(told) == 1:
            days.setdefault(int(m.group("n")), told[0])
    return [
        replace(c, claimed_on=days[c.figure].on, date_text=days[c.figure].text, date_source="paragraph")
        if c.figure in days and c.claimed_on is None and c.date_source is None and c.kind == KIND_COUNT
        else c
        for c in claims
    ]


__all__ = ["brought_to_day", "carried_status_dates"]
