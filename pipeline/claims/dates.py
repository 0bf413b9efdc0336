"""The date stage of the claim reader: date expressions, and which are status dates and which events.

Rules: a day, a month (its last day) or a year (31 December) behind a preposition, "mid-2019", "spring
2012", "15.03.2021"; a day and month without a year ("As of March 26", "Geneva, 5 May -", the 7 of "7 and 8
October") take the text's own when "this year" follows, else the year told before them in their paragraph,
else the text's own, else the last one told; dates of events ("adopted", "entered into force", "which the
UK ratified in", "since", a day to come) never date a claim.
Which date a claim speaks of: pipeline/claims/dating.py; the text's own date (bylines): bylines.py."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date

from pipeline.claims.date_order import day_month, numeric_order
from pipeline.claims.date_patterns import DATE_PATTERNS, TIMELINE_LEAD, TIMELINE_SEP
from pipeline.claims.dating import DateIndex as DateIndex  # which date a claim speaks of, re-exported
from pipeline.claims.dating import date_for as date_for
from pipeline.claims.sentences import Span
from pipeline.text import MONTHS as _MONTHS
from pipeline.text import month_before

# A date right after these words is a status date ("as of September 2021"), never an event date.
_ANCHOR_BEFORE = re.compile(
    r"(?:as\s+(?:of|at|on):?|knowledge\s+cut-?off(?:\s+date)?(?:\s+(?:in|of|on))?|cut-?off\s+(?:in|of)|"
    # "At the time of writing (September 2010), 86 states have signed"
    r"time\s+of\s+writing\s*[(,]?\s*(?:in\s+)?|"
    r"by(?:\s+the\s+end\s+of)?|at\s+the\s+end\s+of|end\s+of|currently|today|until|through)"
    r"(?:\s+(?:the\s+)?(?:end|late|year-end|mid)-?|\s+the(?=\s+$))?\s*$",  # (or "as of the 19th of May 2007")
    re.I,
)
# Dates of events in a treaty's life, and of goals ("calls upon all countries to ... by 2023"): no count's.
_GOAL_WORDS = r"call\w*\s+(?:up)?on|(?:aim|pledg|hop|plan|intend|seek|striv)\w*\s+to|commit(?:s|ted)?\s+to"
_EVENT_BEFORE = re.compile(
    r"\b(?:adopted|adoption|(?:enter(?:s|ed|ing)?|came|come|comes|coming|went|go|goes)\s+into\s+(?:legal\s+)?"
    r"(?:force|effect)|(?:took|take|takes|taking)\s+(?:effect|force)|"
    # ("The MBT became international law on March 1, 1999": its entry into force)
    r"bec[oa]me\s+(?:(?:international|binding)\s+law|(?:legally\s+)?binding)|"
    rf"entry\s+into\s+force|in\s+force\s+since|effective|{_GOAL_WORDS}|"
    r"open(?:ed)?\s+for\s+(?:signatures?|signing)|concluded|done\s+at|signed\s+(?:at|on|in)|was\s+signed|"
    r"were\s+signed|signing\s+(?:it|them|the\s+\w+)\b|signed\s*[|:]\s*|"
    r"established|founded|created|drafted|negotiated|born|enacted|approved|"
    # "the scope of the Convention was expanded in 2001": a change to the treaty itself.
    r"(?:was|were|been)\s+(?:amended|expanded|extended|revised))"
    r"(?:\b(?:(?!\bas\s+of\b)[^.;!?])*)?$",  # infobox labels run into the date: "Effective1 March 1999"
    re.I,
)
_GOAL = re.compile(rf"\b(?:{_GOAL_WORDS})\b[^.;!?]*$", re.I)  # even behind "by" (not anchored)
# "The 72 states which have ratified it since 15 December 1989", "since their previous meeting in January
# 2004": a date after "since" starts a span of time; the count is told at its end, never on that date.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:[^.;!?\n]{0,60}?\s)?(?:in|on|of)\s+)?$", re.I)
# "The CTBT, which the UK ratified in 1998, has 166 parties", "Chile, which signed it on 2 May 2010, is
# one of 40 parties": a relative clause telling one state's act dates that act, not the count.
_ONE_STATE_BEFORE = re.compile(
    r"\b(?:which|that|who)\s+(?:(?:the\s+)?(?-i:[A-Z])[\w.’'-]*(?:\s+(?-i:[A-Z])[\w.’'-]*){0,3}\s+)?"
    r"(?:had\s+|has\s+|only\s+|first\s+)?(?:signed|ratified|joined|acceded(?:\s+to)?)"
    r"(?:\s+(?:it|them|the\s+\w+))?(?:\s+only)?\s+(?:in|on)\s+$",
    re.I,
)
# "China (signature in 1998), Cuba (signed 2008)": a parenthesis after a name that dates one act of it.
_ACT_IN_PARENS = re.compile(
    r"\(\s*(?:signature|signed|ratification|ratified|accession|acceded|joined|succession)(?:\s+(?:in|on))?\s+$",
    re.I,
)
# "On 20 September 2017, the TPNW was opened for signature": the event comes after the date.
_EVENT_AFTER = re.compile(
    # (not the subject's second predicate: "drew 122 signatures in December 1997, and entered into force")
    r"^(?:(?!,\s*and\s+(?:enter\w*|came|went|took|was|were)\b)[^.;!?\d]){0,60}?\b(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:opened\s+for\s+signature|adopted|"
    r"(?:enter(?:s|ed)?|came|come|comes|went)\s+into\s+(?:legal\s+)?(?:force|effect)|took\s+effect|"
    r"bec[oa]me\s+(?:(?:international|binding)\s+law|(?:legally\s+)?binding)|"
    r"was\s+signed|concluded|established|founded|drafted|negotiated|"
    # "On 21 October the United Nations will host a treaty event": a day to come dates no count.
    r"will|shall|(?:is|are)\s+(?:due|set|scheduled|expected)\s+to)\b",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression and the day it stands for (a month or a year stands for its last day)."""

    on: date
    precision: str  # "day", "month" or "year"
    text: str
    start: int
    end: int
    anchored: bool  # behind "as of", "by", "knowledge cutoff in"...: a status date
    event: bool  # behind "adopted", "entered into force"...: not a status date


def _last_day(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def _overlaps(taken: list[Span], start: int, end: int) -> bool:
    i = bisect_right(taken, (start, end))
    return any(s < end and start < e for s, e in taken[max(0, i - 1) : i + 1])


_RUNS_ON = re.compile(r"\b(?:on|in|of|at|by|since|from|until|to|the|a|an|and|or|was|were|been)[ \t]*$", re.I)
_SEASON_ENDS = {"spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "fall": (11, 30)}
_PART_ENDS = {"h1": (6, 30), "h2": (12, 31), "q1": (3, 31), "q2": (6, 30), "q3": (9, 30), "q4": (12, 31)}
_RANKS = {"first": "1", "second": "2", "third": "3", "fourth": "4"}


def _part_end(g: dict[str, str | None]) -> tuple[int, int] | None:
    """The last day of a year's part ("the first half of", "the third quarter of", "Q2", "H1"), or None (a
    third half is no part of a year)."""
    if g.get("q"):
        return _PART_ENDS.get((g["q"] or "").lower())
    rank = _RANKS.get((g["part"] or "").lower(), (g["part"] or "")[:1])
    return _PART_ENDS.get(("h" if (g["span"] or "").lower() == "half" else "q") + rank)


# What each pattern's dates are: a month for "mid-2019", a day for "15.03.2021" (date_order.py); the first of
# two days ("7 and 8 October") is a day when the year is told, else it takes one later (as "As of March 26").
_PRECISION = {"numeric": "day", "mid": "month", "pair": "dayonly", "textyear": "day", "lastyear": "year"}
_DATED = {**_PRECISION, "pair": "day"}
_AT = {"monthonly": "month", "year": "year", "mid": "year"}  # the group after a date's preposition


def _clause_line(before: str) -> str:
    """The words before a date on its line, and above when a sentence was wrapped ("opened for signature on\n
    March 30, 2007": a line that ends in a preposition runs on; a table row "Signed | 18 May |" no)."""
    lines = before.split("\n")
    out = lines.pop()
    while lines and _RUNS_ON.search(lines[-1]) and "|" not in lines[-1]:
        out = lines.pop() + " " + out
    return out


def _rest_of_clause(text: str, end: int) -> str:
    """The words after a date; a date that ends its line (a byline) or a dateline's dash has none."""
    after = text[end : end + 120]
    return "" if re.match(r"[ \t|)\]]*(?:\n|$)|[\])]?\s*[-–—]\s", after) else after


def find_dates(
    text: str, *, default_year: int | None = None, own_day: date | None = None
) -> list[DateMention]:
    """Every date expression in the text, in order, without overlaps (the most precise one wins).

    A day and month without a year take the year of the last dated expression before them, else
    `default_year` (the text's own), else are left out; one that would lie after the text's own day
    (`own_day`) is of the year before ("in December" in a text of January)."""
    if own_day is not None:
        default_year = own_day.year
    found: list[DateMention] = []
    taken: list[Span] = []
    order = numeric_order(text) if "/" in text else None
    for precision, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            g = m.groupdict()
            try:
                if precision == "numeric":
                    if (told := day_month(int(g["a"]), int(g["b"]), g["sep"], order)) is None:
                        continue  # "03/04/2021": told plainly, in the order the text keeps, or not at all.
                    on = date(int(g["y"]), told[1], told[0])
                elif g.get("y"):
                    on = date(int(g["y"]), int(g["m"]), int(g["d"]))
                elif precision == "mid":
                    on = date(int(g["year"]), *_SEASON_ENDS.get((g["season"] or "").lower(), (6, 30)))
                    if g.get("part") or g.get("q"):
                        if (part := _part_end(g)) is None:
                            continue  # ("the third half of 2014": no part of a year)
                        on = date(int(g["year"]), *part)
                elif precision == "pair":
                    if g["month"].lower() not in _MONTHS:
                        continue
                    on = date(int(g["year"] or 2000), _MONTHS[g["month"].lower()], int(g["day"]))
                elif precision == "lastyear":
                    if default_year is None:
                        continue
                    on = date(default_year - 1, 12, 31)
                    on = month_before(own_day) if g["unit"][0] in "mM" else on
                elif precision == "textyear":
                    if default_year is None and not g["ty"]:
                        continue
                    y = int(g["ty"]) if g["ty"] else (default_year or 0) - (g["which"].lower() == "last")
                    on = date(y, 12, 31) if (g["edge"] or "").lower() in ("end", "close") else date(y, 1, 1)
                elif precision == "monthonly":
                    if g["month"].lower().rstrip(".") not in _MONTHS:
                        continue
                    # the year comes later; the day says which day of the month: the 15th for "mid-"
                    on = date(2000, _MONTHS[g["month"].lower()], 15 if g["mid"] else 1)
                elif precision == "dayonly":
                    if g["month"].lower().rstrip(".") not in _MONTHS:
                        continue
                    on = date(2000, _MONTHS[g["month"].lower()], int(g["day"]))  # the year comes later
                elif precision == "day":
                    on = date(int(g["year"]), _MONTHS[g["month"].lower()], int(g["day"]))
                elif precision == "month":
                    if g["month"].lower() == "may" and not g["month"][0].isupper():
                        continue  # "may 2016" in running text is more likely the verb
                    on = _last_day(int(g["year"]), _MONTHS[g["month"].lower()])
                else:
                    on = date(int(g["year"]), 12, 31)
            except ValueError:
                continue
            start = m.start()
            if _overlaps(taken, start, m.end()):
                continue
            # The whole clause before the date (the event pattern stops at . ; ! ?), not a fixed few words.
            before = text[max(0, start - 300) : start]
            # "as of 2021": the preposition is inside the match for bare years; look at the match itself.
            at = m.start(_AT[precision]) if precision in _AT else start
            lead = before + text[start:at]
            clause = _clause_line(before)
            anchored = bool(_ANCHOR_BEFORE.search(lead)) and not _GOAL.search(clause)
            # With the preposition of a bare year ("since 2009", "ratified it in 1998").
            clause_in = clause + text[start:at]
            event = not anchored and bool(
                _EVENT_BEFORE.search(clause)
                or _ONE_STATE_BEFORE.search(clause_in)
                or _SINCE_BEFORE.search(clause_in)
                or _ACT_IN_PARENS.search(clause_in)
                or _EVENT_AFTER.match(_rest_of_clause(text, m.end()))
            )
            found.append(
                DateMention(
                    on=on,
                    precision=_PRECISION.get(precision, precision)
                    if not g.get("year")
                    else _DATED.get(precision, precision),
                    text=re.sub(r"\s+", " ", text[start : m.end()]),
                    start=start,
                    end=m.end(),
                    anchored=anchored,
                    event=event,
                )
            )
            insort(taken, (start, m.end()))
    breaks = [m.start() for m in re.finditer(r"\n[ \t]*\n", text)]
    return _with_years(sorted(found, key=lambda d: d.start), default_year, breaks, text, own_day)


# "will enter into force on Aug. 1", "is due to meet in May", "from 1 March": ahead of the text, this year's.
_AHEAD = re.compile(
    # ("It was to become the 193rd state party on 28 January": the future told in the past)
    r"\b(?:will|shall|would|next|upcoming|due|set|expected|scheduled|planned|from|until|till|"
    r"(?:is|are|was|were)\s+to\s+(?:become|be|enter|take)|"
    r"enter(?:s|ing)?\s+into\s+force|entry\s+into\s+force|take\s+effect)\b",
    re.I,
)
_TIMELINE_YEAR = re.compile(TIMELINE_LEAD + TIMELINE_SEP)
_THIS_YEAR = re.compile(r",?\s+(?:of\s+)?this\s+year\b", re.I)


def _with_years(
    dates: list[DateMention],
    default_year: int | None,
    breaks: list[int],
    text: str,
    own_day: date | None = None,
) -> list[DateMention]:
    """A day and month without a year take the text's own year when "this year" follows them (and so do
    those after them in the paragraph), else the year of the dated expression before them in their paragraph
    (a status date's, not an event's told after it: "on Tuesday Dec 23, 2014 ... adopted April 2, 2013. As of
    Dec 23"), else the text's own, else that of the last one before them in the text (paragraphs end at
    `breaks`)."""
    out: list[DateMention] = []
    year, paragraph, status, told_at = None, -1, False, -1
    event_line: int | None = None  # where the line of the event whose year is taken starts
    for d in dates:
        if d.precision not in ("dayonly", "monthonly"):
            told_at = d.start
            here = bisect_left(breaks, d.start)
            if not (d.event and status and paragraph == here):  # an event's year yields to a status date's
                year, paragraph, status = d.on.year, here, not d.event
                event_line = text.rfind("\n", 0, d.start) if d.event else None
            out.append(d)
            continue
        same = paragraph == bisect_left(breaks, d.start)
        # "12 years after signing it in January 2012. / The ambassador deposited it on 14 May": an event's
        # year told on a line before is no year of a day the text tells of its own time
        if same and event_line is not None and text.rfind("\n", 0, d.start) != event_line and default_year:
            same = False
        y = year if year is not None and (same or default_year is None) else default_year
        # A timeline's line gives its year to the days on it: "1997 – Opened for signature on 3 December."
        line_start = text.rfind("\n", 0, d.start) + 1
        timeline = _TIMELINE_YEAR.match(text, line_start)
        if timeline is not None and told_at < line_start:
            y = int(timeline.group("year"))
        last = d.text[:4].lower() == "last" and own_day is not None and d.on.month >= own_day.month
        if _THIS_YEAR.match(text, d.end):  # "on 4 February this year": the text's year (none: no day)
            if default_year is None:
                continue
            y, year, paragraph, status = default_year, default_year, bisect_left(breaks, d.start), True
        elif (
            own_day is not None
            and not (year is not None and same)
            and y == own_day.year
            and ((d.on.month, d.on.day) > (own_day.month, own_day.day) or last)
        ):
            # "Mozambique's ratification in December" in a text of 15 January: last December, not this one's
            # (a month is ahead when it starts after the text's day, or is "last" and not before its month).
            if (d.precision == "dayonly" or d.on.month > own_day.month or last) and not _AHEAD.search(
                re.split(r"[.;!?]", text[max(0, d.start - 80) : d.start])[-1]
            ):
                y -= 1
        if y is None:
            continue
        try:
            if d.precision == "monthonly":  # a month: its last day ("mid-May": the 15th)
                on = d.on.replace(year=y) if d.on.day == 15 else _last_day(y, d.on.month)
                out.append(replace(d, on=on, precision="month"))
                continue
            out.append(replace(d, on=d.on.replace(year=y), precision="day"))
        except ValueError:
            continue  # 29 February of a year without one
    return out
