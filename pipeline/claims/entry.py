"""Entry into force as a text tells it, for the claim reader: the day a threshold's sentence gives for it,
and the day the sentence after a count gives ("50 states ratified the ATT on 25 September 2014. On 24
December 2014, it entered into force.")."""

from __future__ import annotations

import re
from datetime import date

from pipeline.claims.dates import DateIndex
from pipeline.claims.sentences import Span, Spans, is_chrome

# A day told as the entry into force's: "entered into force on 3 May 2008", "in force since 1 March 1999".
_ENTRY_BEFORE = re.compile(r"\b(?:force|effect|effective|operational)\b[^.;!?]{0,40}$", re.I)


def entry_day(text: str, sentence: Span, dates: DateIndex) -> date | None:
    """The day a threshold's sentence gives for the entry into force; not a day of adoption or of opening
    for signature ("adopted on 2 April 2013, opened for signature on 3 June 2013, it will come into effect
    after 50 ratifications": none)."""
    inside = [d for d in dates.within(*sentence) if d.precision == "day"]
    entry = [
        d
        for d in inside
        if _ENTRY_BEFORE.search(text, max(sentence[0], d.start - 60), d.start)
        and not _FORECAST.search(text, max(sentence[0], d.start - 60), d.start)
    ]
    return entry[-1].on if entry else None


# A day the entry into force was foreseen for, not the day it came: "Some 65 ratifications are required for
# the Convention to enter into force on 13 January 1995" (it came in 1997). Without it the threshold is
# measured against the UN's day, as when the text gives none.
_FORECAST = re.compile(
    r"\b(?:to|will|would|shall|should|could|may|might)\s+(?:\w+\s+)?(?:enter|come|take|become)\b[^.;!?]{0,40}$",
    re.I,
)


# A sentence telling of the entry into force: "On 24 December 2014, the ATT entered into force".
_ENTRY_TOLD = re.compile(
    r"\b(?:enter(?:s|ed)?|came|comes?|will\s+come)\s+into\s+(?:force|effect)|\btakes?\s+effect\b", re.I
)


def entry_told_next(text: str, sentence: Span, sentences: Spans, dates: DateIndex) -> date | None:
    """The day the sentence after a count gives for the entry into force ("50 states ratified the ATT on
    25 September 2014. On 24 December 2014, it entered into force."), or None."""
    i = sentences.index(sentence[0])
    # (past a line of chrome between them: "By Staff Writer", "Photo: file image")
    after = [(s, e) for s, e in sentences.spans[i + 1 : i + 3] if not is_chrome(text, s, e)] if i >= 0 else []
    if not after:
        return None
    lo, hi = after[0]
    if not _ENTRY_TOLD.search(text, lo, hi):
        return None
    days = [d for d in dates.within(lo, hi) if d.precision == "day"]
    return days[-1].on if days else None


__all__ = ["entry_day", "entry_told_next"]
