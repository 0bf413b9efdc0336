"""The date expressions the date stage (pipeline/claims/dates.py) looks for, as patterns, each with the kind
of date it gives: a day ("12 March 2015", "March 12, 2015", "2015-03-12"), a month, a day or a month without
its year, "last year", "mid-2019", a year behind a preposition or opening a timeline's line. Which of them
are status dates and which events, and the years the yearless ones take: dates.py."""

from __future__ import annotations

import re

from pipeline.text import MONTH_NAMES

_MONTH = r"(?P<month>" + MONTH_NAMES + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NO_YEAR_AFTER = r"(?!(?:st|nd|rd|th)?,?\s+(?:of\s+)?(?:19|20)\d\d)"
TIMELINE_LEAD = r"[ \t*•·-]*(?P<year>(?:19|20)\d\d)"
TIMELINE_SEP = r"[ \t]*(?:[-–—:|]|\t)"
_DAY_MONTH = rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_NAMES})\b|\b(?:{MONTH_NAMES})\.?\s+\d)"
DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # The UN Treaty Collection's own stamp, day first, with its hour: "Status as at : 03-02-2026 10:16:18 EDT"
    (
        "day",
        re.compile(
            r"\bstatus\s+as\s+at\s*:?\s*(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>(?:19|20)\d\d)"
            r"(?:\s+\d{1,2}:\d\d(?::\d\d)?(?:\s+[A-Z]{2,4}\b)?)?",
            re.I,
        ),
    ),
    # "2015-03-12", or an ISO stamp's "2015-03-12T10:00Z"
    ("day", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:\b|(?=T\d))")),
    # "12 March 2015", "12th of March, 2015", "12-Mar-2015"
    (
        "day",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-){_MONTH}(?:,?\s+|-){_YEAR}\b", re.I
        ),
    ),
    # "May 7, 1999" (or "Dec 23,2014"); a span of days, "May 3-7, 1999", is its last day (as "3-7 May 1999")
    (
        "day",
        re.compile(
            rf"\b{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:[-–]|to)\s*)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+){_YEAR}\b",
            re.I,
        ),
    ),
    ("month", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.I)),
    # The first of two days told with one month: the 7 of "on 7 and 8 October (2009)".
    (
        "pair",
        re.compile(
            r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?(?=\s+(?:and|&)\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
            r"(?P<month>(?-i:[A-Z])[a-z]{2,8})\b\.?(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?)"
        ),
    ),
    # A day and month without a year: "As of March 26, 17 countries", "Geneva, 5 May -" (capitalised months)
    (
        "dayonly",
        re.compile(
            rf"\b(?P<month>(?-i:[A-Z])[a-z]{{2,8}})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\d){_NO_YEAR_AFTER}"
        ),
    ),
    (
        "dayonly",
        re.compile(
            r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>(?-i:[A-Z])[a-z]{2,8})\b\.?(?!,?\s+(?:19|20)\d\d)"
        ),
    ),
    # A month without a year behind a preposition: "In March, 31 countries had ratified", "by the end of
    # May", "in mid-May", "Last December" (capitalised: "may" is the verb); its year comes later.
    (
        "monthonly",
        re.compile(
            r"\b(?:in|by|as\s+of|as\s+at|at\s+the\s+(?:end|close)\s+of|by\s+the\s+(?:end|close)\s+of|until|"
            r"through|during|last)\s+(?:(?P<mid>mid)-?\s?|(?:early|late)\s+)?(?P<month>(?-i:[A-Z])[a-z]{2,8})\b\.?"
            r"(?![ \t]*(?:[0-2]?\d|3[01])(?!\d))(?!,?\s+(?:of\s+)?(?:19|20)\d\d)",  # ("September 53 nations")
            re.I,
        ),
    ),
    # "by the end of last year", "at the start of this year": the text's year, or the year before it; "At the
    # beginning of 2015": 1 January.
    (
        "textyear",
        re.compile(
            r"\b(?:by|at|as\s+of|up\s+to)\s+the\s+(?:(?P<edge>end|close|start|beginning)\s+of\s+(?P<which>last|this)\s+"
            r"year|(?:start|beginning)\s+of\s+(?P<ty>(?:19|20)\d\d))\b",  # (a year's end: the "year" one's)
            re.I,
        ),
    ),
    # "Last year, the number of parties reached 86": the year before the text's, as "in 2018" would be, when
    # it opens a clause (not "the pledge made last year", nor "since last year", the start of a change); "last
    # month" the end of the month before the text's.
    (
        "lastyear",
        re.compile(
            r"(?:^|(?<=[.,;:!?—–(])|(?<=[.,;:!?—–(]\s))(?:(?:in|during|over|by)\s+(?:the\s+end\s+of\s+)?)?last\s+(?P<unit>year|month)\b",
            re.I | re.M,
        ),
    ),
    # Numbers: "15.03.2021" (day first), "15/03/2021" or "03/15/2021" (when the order is plain).
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)\b")),
    # "by mid-2019": the middle of the year (30 June); "as of spring 2012": the season's last day (31 May);
    # "in the first half of 2014", "by the third quarter of 2014", "as of Q2 2023": the part's last day.
    (
        "mid",
        re.compile(
            r"\b(?:in|as\s+of|as\s+at|at|by|until|through|during)\s+(?:the\s+(?:end\s+of\s+the\s+)?)?"
            r"(?:mid-?\s?|(?P<season>spring|summer|autumn|fall)\s+(?:of\s+)?|"
            r"(?P<part>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<span>half|quarter)\s+of\s+|"
            r"(?P<q>Q[1-4]|H[12])\s+)" + _YEAR,
            re.I,
        ),
    ),
    # A bare year dates a claim only behind a preposition: "in 2009", "as of 2021", "by the end of 2020",
    # "as of end-2019", "in late 2019", "In its 2015 report, the Monitor found that 162 states had joined".
    (
        "year",
        re.compile(
            r"\b(?:in|as\s+of|as\s+at|as\s+on|at|by|since|until|till|through|during|end\s+of|"
            r"cut-?off|cutoff)\s+(?:the\s+(?:end|close)\s+of\s+(?:the\s+year\s+)?|(?:the\s+)?(?:end|late|year-end)[-\s]|"
            r"the\s+year\s+|(?:its|their|our)\s+(?=\d{4}\s+(?:[\w-]+\s+)?(?:report|review|survey|study|edition)\b))?"
            + _YEAR
            + r"\b",
            re.I,
        ),
    ),
    # A timeline's line that opens with its year: "2005: 148 States Parties", "2015 – 162 States Parties"
    # (one that tells a month gives its days their year instead: "1997 – Opened ... on 3 December").
    ("year", re.compile(rf"^{TIMELINE_LEAD}(?={TIMELINE_SEP}[ \t])(?![^\n]*{_DAY_MONTH})", re.M | re.I)),
    # A year a sentence is about: "2017 was an astonishing year. In July ..., and by the end of September"
    ("year", re.compile(rf"(?:^|(?<=[.!?]\s)){_YEAR}(?=\s+(?:was|saw|brought|proved)\b)", re.M)),
)
