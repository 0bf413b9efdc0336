"""A text with no date of its own (no --written-on, no byline): a status date it gives ("There are 106
States Parties as of 31 July 2019") is the best date it has for the counts it tells after it in the
present, in later paragraphs too ("... among the 14 signatories that still need to ratify"); else the year a
sentence says the text is in ("2015 marks 50 years since ...")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from pipeline.claims.dates import DateMention, find_dates
from pipeline.claims.dating import DateIndex
from pipeline.claims.layout import ALIGNED
from pipeline.claims.model import KIND_COUNT, TEXT_DAY_SOURCES, Claim
from pipeline.claims.sentences import Spans, after_last, before_next, split_paragraphs
from pipeline.text import MONTHS

# A count told in the present: "there are", "have ratified", "still need to", "is party".
_PRESENT = re.compile(r"\b(?:is|are|has|have|need|needs|remain|remains)\b", re.I)
# ... unless it says it is of the text's own (unknown) day: "today", "so far", "now".
_OWN_DAY = re.compile(
    r"\b(?:today|currently|at\s+present|presently|now|so\s+far|to\s+date|thus\s+far|as\s+yet)\b", re.I
)


def row_day(text: str, end: int, dates: DateIndex) -> DateMention | None:
    """The status date an infobox row gives on its own line after its value ("Parties 140, including ...
    (as of 19 September 2007)"), else in the label that opens its line ("Status (as at 1 January 2025):
    Signatories: 83. Parties: 175."), else the one a table's caption gives its rows, or None."""
    line_end = before_next(text, "\n", end)
    own = next((d for d in dates.within(end, line_end) if d.anchored and not d.event), None)
    # a table's row whose cell after the value is a date ("CRPD | 164 | 185 | 2022-04-15"): its status date
    cell = next((d for d in dates.within(end, line_end) if _date_cell(text, d)), None)
    label = next(
        (
            d
            for d in dates.within(text.rfind("\n", 0, end) + 1, end)
            if d.anchored and not d.event and _LABEL_END.match(text, d.end)
        ),
        None,
    )
    return own or cell or label or caption_day(text, end, dates)


# The end of a label that holds a status date: "Status (as at 1 January 2025): ...", "Parties (2024):".
_LABEL_END = re.compile(r"[ \t]*\)?[ \t]*:")


def _date_cell(text: str, d: DateMention) -> bool:
    """Is the date a table's cell of its own (between bars or tabs, or at the row's end after one)?"""
    before = text[text.rfind("\n", 0, d.start) + 1 : d.start]
    after = text[d.end : before_next(text, "\n", d.end)]
    return bool(re.search(r"[|\t][ \t]*$", before)) and bool(re.match(r"[ \t]*(?:[|\t]|$)", after))


# A table's caption that dates its rows: "Status of ratification, as at 15 May 2021", "Ratification status of
# the core instruments, December 2014", "Annex II. Participation in selected treaties (status at 31 December
# 2010)".
_CAPTION = re.compile(
    r"\b(?:status|ratifications?|participation|signatures|as\s+(?:of|at)|situation)\b", re.I
)


def caption_day(text: str, end: int, dates: DateIndex) -> DateMention | None:
    """The date in the caption over the table whose row holds `end` (the first line above the table's rows
    that is no row, a blank line allowed between: a short line, not a paragraph), when the caption tells a
    status; else None."""
    start = text.rfind("\n", 0, end) + 1
    if not _is_row(text[start:end]):
        return None
    blank, headings = False, 0
    while start > 0:
        above = text.rfind("\n", 0, start - 1) + 1
        line = text[above : start - 1]
        if _is_row(line) and not headings:
            start = above
        elif not line.strip() and not blank and not headings:
            blank, start = True, above
        else:
            if len(line) > 150 or not line.strip():
                return None  # a paragraph of the body above an infobox dates no row of it
            told = [d for d in dates.within(above, start - 1) if not d.event]
            if told and _CAPTION.search(line):
                return told[-1]
            headings += 1  # a caption over a heading of the list's column ("Number of States parties")
            if told or headings > 1:
                return None
            start = above
    return None


def _is_row(line: str) -> bool:
    """A table's row (cells between bars or tabs), a list's (a figure after dot leaders) or a fact sheet's
    (a label, its colon and its figure: "States Parties: 100")."""
    return (
        "|" in line
        or "\t" in line
        or ALIGNED.search(line) is not None  # columns aligned by spaces
        or re.search(r"(?:\.{3,}|…)[ \t]*\d", line) is not None
        or re.fullmatch(r"[ \t*•·-]*[A-Za-z][\w /()-]{1,40}:[ \t]*\d{1,3}\b[^\n]{0,40}", line) is not None
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
        lo, hi = after_last(text, ".;!?\n", m.start()), before_next(text, ".;!?\n", m.end())
        told = [d for d in dates if lo <= d.start < hi]
        if len(told) == 1:
            days.setdefault(int(m.group("n")), told[0])
    return [
        replace(c, claimed_on=days[c.figure].on, date_text=days[c.figure].text, date_source="paragraph")
        if c.figure in days and c.claimed_on is None and c.date_source is None and c.kind == KIND_COUNT
        else c
        for c in claims
    ]


# Words that start another time between a day told and a count: "since", "by then", "until", "later".
_ANOTHER_TIME = re.compile(r"\b(?:since|by\s+then|until|later|afterwards|previously|earlier)\b", re.I)


# "The Treaty will enter into force on January 22, 2021": a day to come is not a day the text tells of.
_FUTURE = re.compile(r"\b(?:will|shall|would|(?:is|are)\s+(?:due|set|scheduled|expected)\s+to)\b", re.I)


def _to_come(text: str, d: DateMention) -> bool:
    start = after_last(text, ".;!?\n", d.start)
    return bool(_FUTURE.search(text, start, d.start))


def paragraph_days(claims: Sequence[Claim], text: str) -> list[Claim]:
    """In a text with no date of its own, an undated count takes the last day told before it in its
    paragraph ("... deposited on 30 April 2003, has brought the tally to 100. One hundred and sixty-seven
    States so far have signed"), when nothing in between tells another date or starts another time: the
    text's own day is unknown, and the day it tells is the nearest it gives."""
    if not any(c.claimed_on is None and c.date_source is None for c in claims):
        return list(claims)
    dates = find_dates(text)
    days = [d for d in dates if d.precision == "day" and not d.event]
    paragraphs = Spans(split_paragraphs(text))
    out = []
    for c in claims:
        # (an infobox row is dated by its own status date, or the text's, never by a day the body tells:
        # "| date_sealed = 7 July 2017| signatories = 79|")
        if c.claimed_on is None and c.date_source is None and c.kind == KIND_COUNT and c.source != "infobox":
            lo = paragraphs.containing(c.number_start)[0]
            told = [d for d in days if lo <= d.start and d.end <= c.number_start and not _to_come(text, d)]
            if told:
                d = told[-1]
                between = [x for x in dates if d.end <= x.start < c.number_start]
                if not between and not _ANOTHER_TIME.search(text, d.end, c.number_start):
                    c = replace(c, claimed_on=d.on, date_text=d.text, date_source="paragraph")
        out.append(c)
    return out


# "2015 marks 50 years since the adoption of the Convention": a year that "marks" an anniversary is the
# year the text was written in.
_YEAR_MARKS = re.compile(
    r"(?:^|[.!?]\s+)(?:the\s+)?(?P<when>(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+\s+)?"
    r"(?P<year>(?:19|20)\d\d))\s+(?:marks|marked|will\s+mark)\b",
    re.M | re.I,
)


def marked_year(claims: Sequence[Claim], text: str) -> list[Claim]:
    """In a text with no date of its own, an undated count takes the year a sentence says the text is in
    ("2015 marks 50 years since ..."), as a year: its last day."""
    m = _YEAR_MARKS.search(text)
    if m is None:
        return list(claims)
    on = date(int(m.group("year")), 12, 31)
    day = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(\w+)\s+\d{4}", m.group("when"))
    if day:  # "The 25th of May 2012 marked the second anniversary"
        month = MONTHS.get(day.group(2).lower())
        if month is None:
            return list(claims)
        on = date(on.year, month, int(day.group(1)))
    return [
        replace(c, claimed_on=on, date_text=m.group("when"), date_source="byline")
        if c.claimed_on is None and c.date_source is None and c.kind == KIND_COUNT
        else c
        for c in claims
    ]


# A fact box's footer that dates the lines above it: "(Status as of 31 December 2014)", "Source: UNODA, as
# of 31 August 2023", "Figures as at 1 May 2020".
_FOOTER = re.compile(r"\b(?:as\s+(?:of|at)|status|figures|source|(?P<updated>updated))\b", re.I)
_SHORT_LINE, _FOOTER_LINE, _REACH_LINES = 90, 120, 6


def footer_dates(claims: Sequence[Claim], text: str) -> list[Claim]:
    """Each count of a fact box's short lines, dated only by the text's own day, takes the status date of
    the footer line under them (the lines between all short; no blank line)."""
    out, dates = [], None
    for c in claims:
        if c.kind == KIND_COUNT and c.date_source in TEXT_DAY_SOURCES:
            line_start = text.rfind("\n", 0, c.number_start) + 1
            at = before_next(text, "\n", c.number_start)
            for _ in range(_REACH_LINES if at - line_start <= _SHORT_LINE else 0):
                end = before_next(text, "\n", at + 1)
                line = text[at + 1 : end]
                if at >= len(text) or not line.strip() or len(line) > _FOOTER_LINE:
                    break
                if dates is None:
                    dates = [d for d in find_dates(text) if not d.event]
                footer = _FOOTER.search(line)
                # ("Last updated: 3 December 2024": the day the box's figures were brought up to)
                told = [
                    d for d in dates if at < d.start < end and (d.anchored or footer and footer["updated"])
                ]
                # (a sibling row's own "(as of ...)" is that row's: "Parties: 113 (as of August 2023)")
                if told and footer and not re.search(r"\d", line.replace(told[-1].text, "")):
                    c = replace(c, claimed_on=told[-1].on, date_text=told[-1].text, date_source="paragraph")
                    break
                if told or len(line) > _SHORT_LINE:
                    break
                at = end
        out.append(c)
    return out


__all__ = [
    "brought_to_day",
    "carried_status_dates",
    "footer_dates",
    "marked_year",
    "paragraph_days",
    "row_day",
]
