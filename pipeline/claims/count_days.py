"""The day a count speaks of, from the text's own words (the reader's dating stage, claims/extract.py):
a count told in the simple past is of its event's day ("was signed by 94 states in Oslo on 3 December
2008"), a starting figure after "since" of the day "since" names, an undated count of the text's own day
(--written-on, else its byline), a threshold of none."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from pipeline.claims.clauses import ADJUNCTS
from pipeline.claims.dates import DateIndex, DateMention
from pipeline.claims.model import KIND_COUNT, KIND_THRESHOLD, WRITTEN_ON, CountMatch
from pipeline.claims.sentences import Span, in_aside

_AUXILIARY = re.compile(r"\b(?:have|has|had|having|now|currently)\b", re.I)


def simple_past(text: str, c: CountMatch) -> bool:
    """ "was signed by 94 states", "94 states signed": a count told in the simple past (an event's)."""
    phrase = c.phrase.lower()
    if c.kind != KIND_COUNT or _AUXILIARY.search(phrase):
        return False
    # ("signed in Oslo in December 2008 by 94 countries": where and when between the verb and its agent)
    if re.match(r"(?:signed|ratified|joined|acceded\s+to)\s+" + ADJUNCTS + r"by\b", c.phrase, re.I):
        lead = text[max(0, c.start - 24) : c.start]
        # "was signed by 94 states", or a sentence the participle opens ("Signed by 122 countries in 1997")
        return bool(re.search(r"\b(?:was|were)\s+(?:\w+\s+)?$|(?:^|[.!?]\s|\n)\W*$", lead, re.I))
    # ("when 94 states put their names to it", "signed up to")
    return bool(
        re.search(
            r"\b(?:signed|ratified|joined|acceded|adhered|put\s+their\s+(?:names?|signatures?)\s+to|"
            r"signed\s+(?:up|on)(?:\s+to)?)$",
            phrase,
        )
    )


def event_day(
    sentence: Span, dates: DateIndex, pos: int, start: int | None = None, text: str = ""
) -> DateMention | None:
    """The day of the event told nearest the count at `pos` ("signed by 94 states in Oslo on 3 December 2008
    and entered into force on 1 August 2010": the signing's); a month or a year told inside the count's own
    words, which start at `start` ("signed in Oslo in December 2008 by 94 countries"), is of it too. Never
    a day of an aside of the `text` ("The CTBT, adopted ... on September 10, 1996, was signed by 185
    countries, including Russia, which ratified it on June 30, 2000")."""
    dates = DateIndex(
        [d for d in dates.within(*sentence) if not (text and _aside(text, d, pos, sentence[0]))]
    )
    days = [d for d in dates.within(*sentence) if d.precision == "day" and d.event]
    if days:
        return min(days, key=lambda d: (abs(d.start - pos), d.start < pos))
    # "was signed by 164 countries in 1997", "in Ottawa in December 1997": a month or a year told after the
    # count is of it (its last day, eval Conventions date rule 1); one told before may be another event's
    # ("adopted in May 2008, it was signed by 94 states").
    later = [d for d in dates.within(pos, sentence[1]) if d.event]
    inside = [d for d in dates.within(start, pos) if d.event] if start is not None else []
    # ... and so is one a "when" clause opening the sentence tells: "When the treaty was signed in Ottawa in
    # December 1997, 122 governments put their names to it"
    when = [
        d
        for d in dates.within(sentence[0], pos)
        if d.event and _WHEN_OPENS.fullmatch(text, sentence[0], d.start)
    ]
    return later[0] if later else inside[-1] if inside else when[-1] if when else None


_WHEN_OPENS = re.compile(r"\W*when\b[^.;!?,]*", re.I)


# The sentence before tells the opening for signature (or the signing ceremony) and its day: "The Convention
# opened for signature in Oslo on 3 December 2008. 94 states signed it."
_OPENING = re.compile(
    r"\b(?:open(?:ed|s)?\s+for\s+(?:signature|signing)|sign(?:ing|ature)\s+(?:ceremony|conference))\b", re.I
)
_SIGNED = re.compile(r"\bsigned\b", re.I)


def opening_day(text: str, c: CountMatch, before: Span | None, dates: DateIndex) -> DateMention | None:
    """The day of the opening for signature told in the sentence `before` the count's, in its paragraph, for
    a count of signatures told in the simple past with no day of its own ("The Convention opened for
    signature on 3 December 2008. 94 states signed it."): a count told of the event the paragraph dates
    (eval Conventions, date rule 3). None when that sentence tells no opening, or not one day."""
    if before is None or not _SIGNED.search(c.phrase) or not _OPENING.search(text, *before):
        return None
    days = {d.on: d for d in dates.within(*before) if d.precision == "day"}
    return replace(next(iter(days.values())), event=False) if len(days) == 1 else None


def simple_past_day(
    text: str, c: CountMatch, sentence: Span, before: Span | None, dates: DateIndex
) -> DateMention | None:
    """The day of the event a count told in the simple past is of: told in its sentence (event_day), else
    the opening for signature told in the sentence `before` it (opening_day)."""
    return event_day(sentence, dates, c.number_start, c.start, text) or opening_day(text, c, before, dates)


def _aside(text: str, d: DateMention, pos: int, lo: int) -> bool:
    """Is the day told in an aside of the count at `pos`: before it, a relative or participle clause closed
    before the count; after it, a relative clause ("..., which ratified it on June 30, 2000")?"""
    if d.start > pos:
        return re.search(r"\b(?:which|who|whose)\b", text[pos : d.start], re.I) is not None
    return in_aside(text, d.start, d.end, pos, lo)


_STARTING = re.compile(r"\bfrom\s+\S+$", re.I)
_SINCE_LEAD = re.compile(r"\bsince\b[^.;!?\n]{0,60}$", re.I)


# "Between 2000 and 2010 the number of States parties rose from 15 to 100", "From 2000 to 2010 ... grew
# from 15 to 100": the two ends of a span of years, for the two ends of a rise.
BETWEEN_YEARS = re.compile(
    r"\b(?:between\s+(?P<a>(?:19|20)\d\d)\s+and|from\s+(?P<b>(?:19|20)\d\d)\s+(?:to|until|through))\s+"
    r"(?P<end>(?:19|20)\d\d)\b",
    re.I,
)
_RISE_END = re.compile(r"\bfrom\s+\S+\s+to\s*$", re.I)


# "grew from 100 in 2010 to 150": the date told between the two ends of a rise is the start's.
_START_DAY_BETWEEN = re.compile(r"\bfrom\s+\S+\s+(?:\S+\s+){0,5}?$", re.I)
_TO_END = re.compile(r"[\s,]+to\s+(?:\S+\s+){0,2}?$", re.I)


def since_day(
    text: str, c: CountMatch, sentence: Span, dates: DateIndex, told: DateMention | None = None
) -> DateMention | None:
    """ "Since the meeting on 1 May 2010, the number of parties rose from 150 to 155": the starting figure
    is the count on the day "since" names (the frame stage reads it only after a "since"); "Between 2000
    and 2010 ... rose from 15 to 100": 15 at the end of 2000, 100 at the end of 2010. Else the day `told`
    (the one the dating stage gave), unless it is the start's: "grew from 100 in 2010 to 150 today" (the
    end of the rise is then of the text's own day, or of a date told after it)."""
    if c.kind != KIND_COUNT:
        return told
    if (
        told is not None
        and told.end <= c.number_start
        and _TO_END.match(text[told.end : c.number_start])
        and _START_DAY_BETWEEN.search(text, max(sentence[0], told.start - 40), told.start)
    ):
        told = None
    span = BETWEEN_YEARS.search(text, sentence[0], c.start)
    if span is not None:
        starting = _STARTING.search(c.phrase) is not None
        if starting or _RISE_END.search(text, c.start, c.number_start):
            year = int(span.group("a") or span.group("b")) if starting else int(span.group("end"))
            said = re.sub(r"\s+", " ", span.group(0))
            return DateMention(date(year, 12, 31), "year", said, span.start(), span.end(), False, False)
    if not _STARTING.search(c.phrase):
        return told
    since = [
        d
        for d in dates.within(sentence[0], c.number_start)
        if _SINCE_LEAD.search(text, max(sentence[0], d.start - 70), d.start)
    ]
    return since[-1] if since else told


# "As of now", "to date", "currently": the count is of the text's own day, whatever date follows it.
_AS_OF_NOW = re.compile(
    r"\b(?:as\s+of\s+(?:now|today)|to\s+date|currently|at\s+present|so\s+far|thus\s+far)\b", re.I
)


def told_as_of_now(text: str, sentence_start: int, number_start: int) -> bool:
    """Does the sentence tell the count, before its number, as of the text's own day ("As of now, ...")?"""
    return _AS_OF_NOW.search(text, sentence_start, number_start) is not None


# "(as of June 2011)", "as at 1 May": a status date, told of the count before it.
_STATUS_DATE_BEFORE = re.compile(r"\bas\s+(?:of|at)\s*$", re.I)


def status_date_at(text: str, date_start: int) -> bool:
    """Is the date at `date_start` told as a status date ("as of June 2011")?"""
    return _STATUS_DATE_BEFORE.search(text, max(0, date_start - 12), date_start) is not None


# "the 107th party to the Pact approved by the UN General Assembly in 2013": a date told after the count of
# the treaty's own making (its adoption, its opening for signature), not of the count.
_MADE = re.compile(
    r"\b(?:adopted|approved|concluded|negotiated|drafted|opened\s+for\s+signature)\b(?![^.;]*\b(?:ratif|acced|sign))",
    re.I,
)


def of_the_treaty(text: str, number_end: int, date_start: int) -> bool:
    """Does a participle of the treaty's making stand between the count and a date told after it (not in a
    "when" clause of the count: "signed by 122 countries when it opened for signature on 3 December 1997")?"""
    made = _MADE.search(text, number_end, date_start)
    return made is not None and not re.search(r"\bwhen\b", text[number_end : made.start()], re.I)


def after_day(d: DateMention, day: date) -> bool:
    """Does the date lie wholly after `day` (a month or a year: after its month or year)?"""
    if d.precision == "year":
        return d.on.year > day.year
    if d.precision == "month":
        return (d.on.year, d.on.month) > (day.year, day.month)
    return d.on > day


# "The Meeting will be held from 2 to 5 September, when the 90 States Parties will review progress".
_WILL = re.compile(r"\b(?:will|shall)\b", re.I)


def ahead(text: str, d: DateMention, number: Span, sentence_end: int, own_day: date | None) -> bool:
    """Is `d` a day after the text's own, told after the count at `number` ("62 countries are now
    signatories, leading to entry into force on 22 December") or before it in a sentence that looks ahead
    after it ("... from 2 to 5 September, when the 90 States Parties will review progress")? No count told
    is of a day to come."""
    if own_day is None or not after_day(d, own_day):
        return False
    return d.start > number[0] or _WILL.search(text, number[1], sentence_end) is not None


def dated_by_words(
    c: CountMatch,
    d: DateMention | None,
    sentence: Span,
    written_on: date | None,
    byline: DateMention | None,
) -> tuple[date | None, str | None, str | None]:
    """(claimed_on, date_text, date_source) of a count."""
    if d is not None:
        return d.on, d.text, "sentence" if sentence[0] <= d.start < sentence[1] else "paragraph"
    if c.kind == KIND_THRESHOLD:
        return None, None, None
    if written_on is not None:
        return written_on, f"{WRITTEN_ON} {written_on.isoformat()}", "written-on"
    if byline is not None:
        return byline.on, byline.text, "byline"
    return None, None, None


__all__ = [
    "ahead",
    "after_day",
    "dated_by_words",
    "event_day",
    "opening_day",
    "simple_past",
    "simple_past_day",
    "since_day",
    "of_the_treaty",
    "status_date_at",
    "told_as_of_now",
]
