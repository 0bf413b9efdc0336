"""Days told relative to another day (the claim reader's last dating steps before the record's): "yesterday"
and "on Monday" of the text's own day, a dateline that opens the count's own sentence, and "a year later",
"two years after its entry into force", "twenty years on" of a day told earlier in the paragraph."""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from pipeline.claims.dates import DateIndex, DateMention
from pipeline.claims.dating import PRESENT, date_for, when_day
from pipeline.claims.model import Claim
from pipeline.claims.numbers import WORD_NUMBER, parse_number
from pipeline.claims.sentences import CLAUSE_MARK, Span, Spans, split_sentences
from pipeline.text import MONTH_NAMES, WEEKDAY_NAMES, WEEKDAYS

_YESTERDAY = re.compile(r"\byesterday\b", re.I)
# "On Monday, 62 countries signed": the weekday of the text's own week (never one inside a date).
_ON_WEEKDAY = re.compile(
    # (or told after a reporting verb, news-agency style: "the world body said Saturday", "as of Wednesday")
    rf"(?:\b(?P<lead>on|last|this\s+past|as\s+of|said|says|announced|reported|confirmed)\s+|(?<=[a-z] ))"
    # (or bare after a word of the sentence, news-agency style: "Nearly 60 countries signed a treaty Tuesday")
    rf"(?P<wd>{WEEKDAY_NAMES})\b(?!['’]s\b)"
    rf"(?!,?\s+(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:{MONTH_NAMES})\b)",
    re.I,
)


# "Twenty States have signed the Protocol, which opened for signature yesterday": the relative clause's act.
_RELATIVE_AFTER = re.compile(CLAUSE_MARK + r"(?:which|where|when|that)\b", re.I)


def _own_yesterday(said: str, phrase: str, at: int) -> bool:
    """Is the "yesterday" at `at` the count's, not a relative clause's opened after the count?"""
    end = said.find(phrase) + len(phrase) if phrase and phrase in said else -1
    return not (0 <= end <= at and _RELATIVE_AFTER.search(said, end, at))


def _is_dateline(said: str, told: str) -> bool:
    """Does the sentence open with a dateline of the date told ("Berlin, 21 April 2023 —", "GENEVA (11 April
    2019) –"): the text's own day, not the count's?"""
    return bool(told) and (
        re.match(
            r"\W*(?-i:[A-Z])[\w .'’-]{0,40}?,?\s*\(?"
            + re.escape(told)
            + r"\)?\s*(?:\([^()]{1,20}\)\s*)?[-–—:]",
            said,
            re.I,
        )
        is not None
        # "(December 29, 2012, Geneva - New York, Sri Lanka Guardian) Poland has become": day, place, paper
        or re.match(r"\s*\(\s*" + re.escape(told) + r"\s*(?:[,;][^()]{0,80})?\)", said) is not None
    )


def _relative_day(said: str, on: date, phrase: str) -> tuple[date, str] | None:
    """The day the sentence tells relative to `on` (the text's own day): "yesterday", "on Monday"."""
    told = list(_ON_WEEKDAY.finditer(said))
    weekday = [m.group("wd") for m in told]
    last = any((m.group("lead") or "").lower() == "last" for m in told)
    if any(_own_yesterday(said, phrase, m.start()) for m in _YESTERDAY.finditer(said)):
        return on - timedelta(days=1), f"yesterday of {on.isoformat()}"
    if len(set(w.lower() for w in weekday)) == 1:
        back = (on.weekday() - WEEKDAYS.index(weekday[0].lower())) % 7 or (7 if last else 0)
        return on - timedelta(days=back), f"{weekday[0]} of the week of {on.isoformat()}"
    return None


# A count sentence that opens by pointing back at the act the sentence before tells ("This brings the number
# to 41", "Their three deposits took the number of states parties to 43", "With this ratification, ..."):
# of that act's day (anchors.py: the record's; here: one told relative to the text's, "yesterday").
POINTS_BACK = re.compile(
    r"^\W*(?:(?:this|that|which|it|(?:the|their|its|these|those|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:move|step|ratifications?|accessions?|signatures?|deposits?|instruments?))\s+(?:has\s+|now\s+)?"
    r"(?:brings|bring|brought|raises|raise|raised|takes|take|took|makes|make|made|increases|increased|"
    r"lifts|lifted|pushes|pushed|puts)\b|"
    # "With this ratification, the Treaty now has 74 States parties"; "With this, ..."
    r"with\s+(?:this|that|these|its|their)\s+(?:[\w-]+\s+)?(?:ratifications?|accessions?|deposits?|signatures?)\b|"
    r"with\s+(?:this|that)\s*,|"
    # "This means that the Convention now has 100 States Parties"
    r"(?:this|that)\s+(?:now\s+)?means\b)",
    re.I,
)
_ACT = re.compile(r"\b(?:deposit|lodg|ratif|acced|accession|join)", re.I)


def _day_before(text: str, c: Claim, on: date, sentences: list[Spans]) -> tuple[date, str] | None:
    """The relative day of the act told in the sentence before the count's, in its paragraph, when the
    count's sentence points back at it (`sentences`: the text's sentences, split once, on first need)."""
    if not POINTS_BACK.match(c.sentence or ""):
        return None
    if not sentences:
        sentences.append(Spans(split_sentences(text)))
    i = sentences[0].index(c.number_start)
    if i < 1:
        return None
    start, end = sentences[0].spans[i - 1]
    paragraph = text.rfind("\n\n", 0, c.number_start)
    said = text[start:end]
    if start < paragraph or not _ACT.search(said):
        return None
    if c.date_source == "paragraph":
        # "deposited at the UN on Monday, a fortnight after Fiji signed it on March 1. That brings ...": the
        # day of the joining act the sentence tells relative to the text's, not the other day it tells
        told = [*_YESTERDAY.finditer(said), *_ON_WEEKDAY.finditer(said)]
        if not any(_ACT.search(said, max(0, m.start() - 80), m.start()) for m in told):
            return None
    return _relative_day(said, on, "")


def yesterday_counts(claims: Sequence[Claim], text: str = "", written_on: date | None = None) -> list[Claim]:
    """ "Peru ratified it yesterday, bringing the number of ratifications to 30": a count in a sentence that
    says "yesterday" (and not "today"), dated by the text's own date, is of the day before it; one that says
    "on Monday" is of the last Monday on or before it ("last Monday": before it). So is one whose sentence
    points back at such an act told in the sentence before ("That brings the total to 30")."""
    out = []
    sentences: list[Spans] = []
    for c in claims:
        said, on = c.sentence or "", c.claimed_on
        if c.date_source == "sentence" and _is_dateline(said, c.date_text or ""):
            c = replace(c, date_source="byline")  # "Berlin, 21 April 2023 — Germany yesterday deposited ..."
        if c.date_source == "paragraph" and written_on is not None and on != written_on:
            day = _day_before(text, c, written_on, sentences)
            out.append(c if day is None else replace(c, claimed_on=day[0], date_text=day[1]))
            continue
        # (a page's stamp earlier in the paragraph that is the text's own day is the text's own day)
        own = c.date_source in ("written-on", "byline") or (c.date_source == "paragraph" and on == written_on)
        if on is None or not own or PRESENT.search(said):
            out.append(c)
            continue
        day = _relative_day(said, on, c.phrase) or _day_before(text, c, on, sentences)
        if day is not None:
            c = replace(c, claimed_on=day[0], date_text=day[1])
        out.append(c)
    return out


# "A year later it had 50 States parties", "Two years after its entry into force, 40 had joined", "Twenty
# years on, 114 ...": a span after a day the paragraph told before (the event's day named, when it names one).
_LATER = re.compile(
    rf"\b(?P<n>an?|{WORD_NUMBER}|\d{{1,2}})\s+"
    r"(?P<unit>years?|months?)\s+(?:later|on|afterwards|after\s+(?:that|this|(?:its|the\s+\w+['’]s)\s+"
    r"(?P<event>adoption|entry\s+into\s+force|opening\s+for\s+signature|signing)))\b",
    re.I,
)
# "The following year its parties numbered 55": the year after the last day told before.
_FOLLOWING = re.compile(r"\bthe\s+(?:following|next)\s+year\b", re.I)
_NOT_PAST = re.compile(r"\b(?:is|are|has|have|now|today|still|yet|will)\b", re.I)
_EVENT_WORDS = {
    "adoption": "adopt",
    "signing": "sign",
    "opening for signature": "opened",
    "entry into force": "force",
}


def moved_on(day: date, n: int, unit: str) -> date:
    """`day` moved on by `n` years or months (`unit`: "year(s)" or "month(s)"; 29 February, or the 31st of a
    shorter month: that month's last day)."""
    y, mo = divmod(day.month - 1 + n * (12 if unit.lower().startswith("year") else 1), 12)
    year, month = day.year + y, mo + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def later_day(
    text: str, sentence: Span, pos: int, paragraph_start: int, dates: DateIndex
) -> DateMention | None:
    """The day "a year later" (told before the count at `pos`, in its sentence) stands for: the last day told
    earlier in the paragraph (of the event it names, when it names one), moved on by the span."""
    m = _LATER.search(text, sentence[0], pos) or _FOLLOWING.search(text, sentence[0], pos)
    if (
        m is None
        or dates.within(m.start(), sentence[1])
        or _NOT_PAST.search(text, m.end(), min(pos + 40, sentence[1]))
    ):
        # a day told with the span dates it ("Two years later, in March 2015, 40 had", "came into force 13
        # years later, on 1 July 2003"); a span told in the present is of no day ("30 years later, the
        # country is yet to ratify it, behind 161 nations")
        return None
    told = [d for d in dates.within(paragraph_start, m.start()) if d.precision in ("day", "month", "year")]
    if m.re is _FOLLOWING:  # the year after the last day told: its 31 December
        if not told:
            return None
        on, said = date(told[-1].on.year + 1, 12, 31), f"{m.group(0).strip()} ({told[-1].text})"
        return replace(
            told[-1], on=on, precision="year", text=said, start=m.start(), end=m.end(), event=False
        )
    if m.group("event"):
        word = _EVENT_WORDS[re.sub(r"\s+", " ", m.group("event").lower())]
        told = [d for d in told if word in text[max(paragraph_start, d.start - 80) : d.start].lower()]
    if not told:
        return None
    n = 1 if m.group("n").lower() in ("a", "an") else parse_number(m.group("n"))
    last = told[-1]
    on = moved_on(last.on, n, m.group("unit"))
    said = f"{m.group(0).strip(' ,;')} ({last.text})"
    return replace(last, on=on, text=said, start=m.start(), end=m.end(), event=False, anchored=False)


# "The Convention gained 122 signatures when it opened for signing on 3 December 1997", "had 66 parties when
# it entered into force on 1 March 1999": a count told before a "when" clause of the treaty's own event, whose
# day (or month) the clause tells, is of that day (not "has 164 parties, ... when it entered into force").
_WHEN_EVENT_AFTER = re.compile(
    r"[^.;!?]{0,80}?\b(?P<when>when)\s+(?:it|the\s+(?:[\w-]+\s+){0,6}?(?:treaty|convention|protocol|covenant|pact|ban))\s+"
    r"(?:was\s+|were\s+)?(?:first\s+)?(?:opened|entered|came|went|was\s+adopted)\b[^.;!?]{0,80}",
    re.I,
)
_PRESENT_BEFORE_WHEN = re.compile(r"\b(?:has|have|is|are|now|today|currently)\b", re.I)


def when_event_day(text: str, pos: int, sentence: Span, dates: DateIndex) -> DateMention | None:
    """The day (or month) of the treaty's event that a "when" clause after the count at `pos` tells."""
    m = _WHEN_EVENT_AFTER.match(text, pos, sentence[1])
    if m is None or _PRESENT_BEFORE_WHEN.search(text, max(sentence[0], pos - 40), m.start("when")):
        return None
    told = [d for d in dates.within(m.start(), m.end()) if d.precision in ("day", "month")]
    return replace(told[0], event=False) if told else None


def day_told(
    text: str, pos: int, sentence: Span, paragraph: Span, dates: DateIndex, usable: DateIndex
) -> DateMention | None:
    """The day the words date the count at `pos` by: a "when" clause after a day, or one of the treaty's
    event after the count, else "a year later" of a day told before, else the nearest status date
    (dating.date_for, over the `usable` dates)."""
    return (
        when_day(text, pos, sentence, dates)
        or when_event_day(text, pos, sentence, dates)
        or later_day(text, sentence, pos, paragraph[0], dates)
        or date_for(pos, usable, sentence, paragraph, text)
    )


__all__ = ["POINTS_BACK", "day_told", "later_day", "moved_on", "yesterday_counts"]
