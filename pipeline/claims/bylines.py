"""The text's own date for the claim reader: a byline or a dateline at its head ("Mar 22, 2018", "Geneva, 5
May -", "Posted on 5 March 2004", a month or a season alone on its line), never a heading's adoption date
("Convention against Torture ... 10 Dec 1984"). The date expressions themselves: pipeline/claims/dates.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from pipeline.claims.dates import DateMention, find_dates
from pipeline.text import MONTHS as _MONTHS
from pipeline.text import WEEKDAY_NAMES, WEEKDAYS

# The text's own date, as bylines and datelines print it: a line that is only a date ("Mar 22, 2018",
# "Monday 30 November 2009", "Posted on 5 March 2004"), a paragraph opening "22 March 2018 -" or
# "[3 December 2007] -", or "(Last updated September 2019)".
_WEEKDAY = rf"(?:(?:{WEEKDAY_NAMES}|{'|'.join(w[:3] for w in WEEKDAYS)}),?\s+)?"
_BYLINE_LEAD = (
    r"(?:(?:(?:posted|published|written|submitted)\s+by\s+[\w.' -]{1,40}?\s+on|"
    r"(?:posted|filed)\s+(?:in|under)\s+[\w.' -]{1,40}?\s+on|"  # ("Posted in News on 3 March 2015")
    # ("This article was first published on 3 March 2015.", "Date of publication:", "Publication date:")
    r"(?:this\s+(?:article|story|post|entry|page|report|piece)\s+was\s+)?(?:(?:first|originally)\s+)?(?:posted|published)|"
    r"issued|released|"
    # ("For immediate release: 12 March 2015"; a Hansard debate's, "HC Deb 12 March 2015 vol 594 c123")
    r"for\s+(?:immediate\s+)?release|embargo(?:ed)?(?:\s+until|\s+till)?|(?-i:H[CL])\s+Deb(?:ates?)?|answered|"
    r"added|created|(?:date\s+(?:of\s+)?)?(?:publication|published|posted)(?:\s+date)?|"
    r"(?:page\s+)?(?:last\s+)?(?:updated|modified)|dated?)(?:\s+on)?:?\s+)?"
    # the hour before the day: "Published: 10:00 GMT, 12 March 2015", "Updated 12:04 PM ET, Thu March 12,
    # 2015"
    r"(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?\s*[,|–—-]?\s+)?"
)
# Who the text comes from, before its date: "Source: Reuters, 12 March 2015", "Geneva (AFP) - March 12, 2015",
# a journal's issue ("Vol. 12, No. 3 (March 2015)", "Issue 45, March 2015").
_SOURCE = (
    r"(?:source:\s*[\w.'’& -]{1,40}?,\s*|"
    r"(?-i:[A-Z])[\w.'’ -]{1,30}?\s*\((?-i:[A-Z])[\w.' ]{1,20}\)\s*[-–—]{1,2}\s*|"
    r"(?:vol(?:ume)?\.?\s*\d{1,3}\s*,?\s*)?(?:no\.?|number|issue)\s*\d{1,3}\s*(?:,\s*|\())?"
)
# A short label beside a byline's date, set off by a bar or a bullet: "Press release | 12 March 2019".
# Only words of the kind of text: an infobox row "Signed | 3 December 2008" is a treaty's event, no byline.
_KIND_OF_TEXT = (
    r"(?:(?:press|news|media)\s+(?:release|briefing)|news|statement|press|article|blog(?:\s+post)?|update|story|"
    r"report|briefing|op-?ed|opinion|commentary|feature|analysis|speech|interview|newsletter|bulletin|"
    r"(?:working|discussion|policy|briefing|position)\s+paper|(?:policy|issue)\s+brief|fact\s*sheet|submission)"
)
# ("Newsletter, October 2014", "Working paper: March 2010": the kind and its date, a heading of their own)
_LABEL = r"(?:" + _KIND_OF_TEXT + r"\s*(?:[|·•:,]|\s[–—-])\s*)?"
# "By Jane Doe | 5 June 2018": the author's name set off by a bar, a bullet or a dash ("By Jane Doe, posted
# 5 June 2018": a comma before the label).
_AUTHOR = r"(?:by\s+[\w.' -]{1,40}?\s*(?:[|·•–—]|,(?=\s*(?:posted|published|updated)\b))\s*)?"
# The hour after the date: "3 November 2009 10:15", "20 May, 2019 - 16:19", "16 December 2024 06:02 (IST)".
_TIME = (
    r"(?:\s*[-–—|,@]?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?|"
    r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"  # (an ISO stamp's: "2015-03-12T10:00:00Z")
)
_LABEL_AFTER = (
    _TIME
    + r"(?:\s*[|·•]\s*"
    + _KIND_OF_TEXT
    # (a Hansard citation's volume and column: "HC Deb 12 March 2015 vol 594 cc123-5WH")
    + r"|,?\s+vol\.?\s*\d+,?\s+(?:cc?|col\.?)\s*\d+(?:-\d+)?(?:WH|W|WS)?)?\s*"
)
# "Tuesday, 30 April 2019, Palais des Nations, Geneva": a meeting's place after its day, on its own line
_PLACE_AFTER = (
    r"(?:\s*,\s*(?-i:[A-Z])[\w.'’-]*(?:[ \t]+(?:des|de|du|of|the|and|(?-i:[A-Z])[\w.'’-]*))*){1,4}\s*"
)
# "5 May 2021 | Geneva |": a place set off by bars after the date.
_PLACE_BAR = _TIME + r"\s*[|·•]\s*(?-i:[A-Z])[\w.'’-]*(?:[ \t]+(?-i:[A-Z])[\w.'’-]*){0,2}\s*[|·•]?\s*"
# "Posted on May 5, 2012 by admin": the author after the date.
# (or its section: "... 2015 in News", "... at 10:00 am and is filed under News"; or
# after a comma: "Friday 1 March 2019, by the editors")
_AUTHOR_AFTER = r"(?:,?\s*(?:by|in|and\s+is\s+filed\s+under)\s+[\w.' -]{1,40}?\s*)?"
# A blog's or a news site's line of facts about the text, set off by bars or bullets, its date among them:
# "Posted by admin | March 12, 2015 | 3 comments", "Jane Doe · 12 March 2015 · 4 min read", "Filed under:
# News | March 12, 2015". One of them must be such a fact (an author told by "by", comments, a reading time,
# a section): a table's row ("Paraguay | 12 Mar 2015 | Ratification", "Signed | 3 December 2008") has none.
_BAR = re.compile(r"\s*[|·•]\s*")
_META_FACT = re.compile(
    r"(?:(?:posted|written|submitted)\s+)?by\s+[\w.'’ ,&-]{1,50}|"
    r"(?:filed\s+under|posted\s+in|categor(?:y|ies)|tags?|topics?)\s*:?\s*[\w.'’ ,&-]{1,50}|"
    r"(?:\d+|no)\s+comments?|leave\s+a\s+(?:comment|reply)|"
    r"comments?\s+(?:off|closed)|\d+\s+min(?:ute)?s?\s+read|admin|editor|staff|" + _KIND_OF_TEXT,
    re.I,
)
# Any other part of such a line: a name, a place, a section ("Jane Doe", "Geneva", "Human rights").
_META_NAME = re.compile(r"(?-i:[A-Z])[\w.'’-]*(?:[ \t]+[\w.'’-]+){0,3}")
_EVENT_WORD = re.compile(
    r"\b(?:sign\w*|adopt\w*|effective|entry|entered|force|ratif\w*|acce\w*|deposit\w*|opened)\b", re.I
)


def _meta_line(lead: str, rest: str) -> bool:
    """Whether the words before and after a date on its line make it a line of facts about the text."""
    # (the lead keeps its space before the date: "Posted on March 1, 2019 in News | Leave a comment")
    before, after = _BAR.split(lead.lstrip(" \t[(")), _BAR.split(rest.strip(" \t])"))
    if len(before) + len(after) < 3 or len(before) + len(after) > 6:
        return False  # no bar at all, or a row of a table
    if not re.fullmatch(_BYLINE_LEAD + _WEEKDAY, before[-1], re.I):
        return False
    if not re.fullmatch(_TIME + r"\s*" + _AUTHOR_AFTER, after[0], re.I):
        return False
    facts = before[:-1] + after[1:]
    if any(not f or _EVENT_WORD.search(f) or _TREATY_WORD.search(f) for f in facts):
        return False
    return any(_META_FACT.fullmatch(f) for f in facts) and all(
        _META_FACT.fullmatch(f) or _META_NAME.fullmatch(f) for f in facts
    )


# A date written with slashes alone on its line ("05/17/2012", "17/05/2012", "2012/05/17"): the text's own
# only where the order of day and month cannot be mistaken (a day after the 12th, or the year first).
_SLASH_LINE = re.compile(
    r"^[ \t\[(]*"
    + _LABEL
    + _AUTHOR
    + _BYLINE_LEAD
    + rf"(?:(?P<weekday>{WEEKDAY_NAMES}|{'|'.join(w[:3] for w in WEEKDAYS)})\.?,?\s+)?"
    + r"(?:(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)|"
    + r"(?P<y2>(?:19|20)\d\d)/(?P<m2>\d{1,2})/(?P<d2>\d{1,2}))"
    + r"[ \t\])]*"
    + _LABEL_AFTER
    + _AUTHOR_AFTER
    + r"$",
    re.M | re.I,
)


# A heading that names a treaty ("Convention against Torture ... 10 Dec 1984") carries its adoption
# date, never the text's own.
_TREATY_WORD = re.compile(r"\b(?:convention|protocol|treaty|covenant|agreement|statute|charter)\b", re.I)
# "Geneva, 5 May - The Committee ...": a dateline without a year.
_DATELINE_NO_YEAR = re.compile(
    r"^[\s\[(]*(?:[A-Z][\w .'’-]{1,30},\s*)?(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]{2,8})\.?"
    r"[\])]?\s*[-–—]\s+\S",
    re.M,
)
_HEAD = 600
_MARKS = re.compile(r",?\s+(?:marks|will\s+mark|is)\s+the\s+[\w-]+\s+(?:anniversary|year|birthday)\b", re.I)
# "Spring 1998" alone on a line at the head: a journal's or a magazine's issue, dated as a month is, by its
# last day (the northern seasons' ends; a winter issue is the one that ends in March of its year).
_SEASON_LINE = re.compile(
    r"^[ \t]*(?P<season>spring|summer|autumn|fall|winter)[ \t]+(?P<year>(?:19|20)\d\d)[ \t]*$", re.M | re.I
)
_SEASON_END = {"spring": (6, 20), "summer": (9, 22), "autumn": (12, 20), "fall": (12, 20), "winter": (3, 20)}


def _is_heading(text: str, d: DateMention, latest: date | None) -> bool:
    """A treaty's adoption date under (or beside) its title, above an article that tells of later dates:
    "Convention against Torture / 10 Dec 1984" over "As of 2019, 170 states ...". The title names a
    treaty in the words before the date on its line or on the line above; the article names a later
    date (a text is no older than what it tells)."""
    line_start = max(text.rfind("\n", max(0, d.start - 200), d.start) + 1, d.start - 200, 0)
    above_end = line_start - 1
    while above_end > 0 and text[above_end - 1] in "\n \t":
        above_end -= 1  # the title may stand a blank line above its date (spaces on it or not)
    above = max(text.rfind("\n", max(0, above_end - 200), max(0, above_end)) + 1, above_end - 200, 0)
    named = _TREATY_WORD.search(text, above, d.start)
    if named and _TITLE_LINE.fullmatch(text, above, d.start):
        return True  # a treaty's title and nothing else: its adoption date, whatever the text tells later
    # (a news headline's verb tells its date is the news's: "campaign to ratify UN convention launched")
    told = _NEWS_VERB.search(text, above, d.start)
    return bool(named) and not told and latest is not None and latest.year > d.on.year


_NEWS_VERB = re.compile(
    r"\b(?:ratif(?:y|ies|ied)|signs|signed|joins|joined|accedes|acceded|launch(?:es|ed)?|urges?|calls?|welcomes?)\b",
    re.I,
)


# A line that is a treaty's title, no headline: "Convention against Torture ... Punishment", "International
# Covenant on Civil and Political Rights" (no verb of what happened to it: "Chile ratifies the Convention").
_TITLE_LINE = re.compile(
    r"[\s\[(]*(?:the\s+)?(?:(?:international|optional|united\s+nations|un|second|additional)\s+)*"
    r"(?:convention|covenant|treaty|protocol|statute|charter|agreement)\s+(?:on|against|for|of|to|relating|concerning)\b"
    r"(?:(?!\b(?:ratif\w*|sign\w*|join\w*|acced\w*|accession|enters?|entered|force|reach\w*|becom\w*|"
    r"welcome\w*|urg\w*|calls?|marks?|turns?|is|are|was|has|have)\b)[^.!?|\n])*[\s,|–—-]*(?:\n[\s\[(]*)?",
    re.I,
)


# A date a hope or a plan is set for ("they expect 60 ratifications by 2025", "aims to reach 100 by 2030"):
# what the text looks forward to, not what it tells (so no sign the text is later than its heading's date).
_TARGET = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|hopes?|hoped|hoping|aims?|aiming|plans?|planned|targets?|goal|intends?|"
    r"forecasts?|projected|will|would|could)\b[^.;!?\n]*$",
    re.I,
)


def find_byline(text: str, dates: Sequence[DateMention] | None = None) -> DateMention | None:
    """The date the text gives itself (byline, dateline, "last updated"), or None. A dateline without
    a year ("Geneva, 5 May -") takes the latest year the text names: a text is no older than what it tells."""
    dates = find_dates(text) if dates is None else dates
    latest = max(
        (x.on for x in dates if not x.event and not _TARGET.search(text, max(0, x.start - 80), x.start)),
        default=None,
    )
    for d in dates:
        if re.match(r"status\s+as\s+at\b", d.text, re.I):
            return replace(d, event=False)  # the UN Treaty Collection's own stamp, wherever the copy has it
        if d.precision not in ("day", "month"):
            continue
        line_start = max(text.rfind("\n", max(0, d.start - 200), d.start) + 1, d.start - 200, 0)
        line_end = text.find("\n", d.end, d.end + 200)
        line_end = min(len(text), d.end + 200) if line_end < 0 else line_end
        lead, rest = text[line_start : d.start], text[d.end : line_end]
        # "12 March 2019", "Press release | 12 March 2019", "12 March 2019 | News", "Posted by admin on ..."
        alone = (
            _meta_line(lead, rest)
            or re.fullmatch(r"[\s\[(]*" + _SOURCE + _LABEL + _AUTHOR + _BYLINE_LEAD + _WEEKDAY, lead, re.I)
            and re.fullmatch(
                # ("Written by Jane Doe on 3 March 2015.": a sentence of its own)
                r"[\s\])]*(?:"
                + _LABEL_AFTER
                + _AUTHOR_AFTER
                + r"\.?|"
                + _PLACE_AFTER
                + "|"
                + _PLACE_BAR
                + ")",
                rest,
                re.I,
            )
        )
        # "Geneva, 22 March 2018 -", "GENEVA (26 June 2018) -", "NEW YORK, 12 January (UN HQ) --"; a colon,
        # a full stop or an agency's tag for the dash ("Dhaka, 29 August: Bangladesh has ...", "TEGUCIGALPA,
        # 25.10.2020. The Government ...", "Ulaanbaatar, 16.03.2012 /MONTSAME/ Mongolia ...")
        dateline = re.fullmatch(r"[\s\[(]*(?:[A-Z][\w .'’-]{1,30}(?:,\s*|\s+\())?", lead) and re.match(
            r"[\])]?(?:\s*\([^()\n]{1,40}\))?"
            r"(?:\s*[-–—]{1,2}\s+\S|[:.]?\s+/[A-Z]{2,12}/\s+(?-i:[A-Z])|[:.]\s+(?-i:[A-Z]))",
            rest,
        )
        # "Written answer, House of Lords, 14 February 2017": a heading line that ends with its date,
        # set off by a comma or a bar (never a treaty's title: that date is its adoption).
        labelled = (
            # (not a table row's bar; "Government response to the report, published 12 March 2015")
            re.fullmatch(
                r"[\s\[(]*[A-Z][\w .'’&/,-]{0,60}?\s*[,–—-]\s*(?:(?:published|issued|dated)\s+)?", lead
            )
            and not _TREATY_WORD.search(lead)
            # ("NEW YORK, 3 March 2015 (UN News)", "BANGKOK, 12 March 2015 (Wire) -" at its line's end)
            and re.fullmatch(r"[\s\])]*" + _TIME + r"(?:\s*\([^()\n]{1,40}\))?\s*(?:[-–—]{1,2}\s*)?", rest)
        ) or (
            # a heading with its date in brackets at its end, no treaty's name nor event in it: "Answer to
            # written question E-001234/2015 given by the Commission (12 March 2015)"
            re.fullmatch(r"[\s\[]*[A-Z][^\n()]{0,150}?\s\(", lead)
            and not _TREATY_WORD.search(lead)
            and not _EVENT_WORD.search(lead)
            and re.fullmatch(r"\)[ \t]*", rest)
        )
        updated = re.fullmatch(
            r"[\s(]*(?:(?:last|page)\s+)?(?:updated|modified|reviewed):?\s+(?:on\s+)?", lead, re.I
        ) and re.fullmatch(r"[\s).]*", rest)
        # "Thursday, 1 August 2019 marks the ninth year since the Convention entered into force": the day a
        # statement is about opens its paragraph, and marks an anniversary of the treaty's event
        marks = re.fullmatch(
            r"[\s\[(]*(?:today\s*,?\s*)?" + _WEEKDAY + r"(?:the\s+)?", lead, re.I
        ) and _MARKS.match(rest)
        if marks and d.precision == "day" and d.start < _HEAD:
            return replace(d, event=False)
        if d.event and not dateline:
            continue
        if (
            # a month alone on its line at the head ("January 1996" under a headline) dates the text too
            (d.precision == "day" or alone)
            and d.start < _HEAD
            and (alone or dateline or labelled)
            and not _is_heading(text, d, latest)
        ):
            # "THE HAGUE, 17 July 2018 (AP) - Diplomats adopted ...": a dateline's date is the text's own,
            # whatever event its first sentence tells
            return replace(d, event=False)
        if updated:
            return d
    slashed = _slash_byline(text)
    if slashed is not None:
        return slashed
    season = _SEASON_LINE.search(text, 0, _HEAD)
    if season:
        month, day = _SEASON_END[season.group("season").lower()]
        on = date(int(season.group("year")), month, day)
        return DateMention(
            on, "month", season.group(0).strip(), season.start("season"), season.end("year"), False, False
        )
    m = _DATELINE_NO_YEAR.search(text, 0, _HEAD)
    years = [d.on.year for d in dates]
    if m and m.group("month").lower() in _MONTHS and years:
        try:
            on = date(max(years), _MONTHS[m.group("month").lower()], int(m.group("day")))
        except ValueError:
            return None
        said = re.sub(r"\s+", " ", text[m.start("day") : m.end("month")])
        return DateMention(on, "day", said, m.start("day"), m.end("month"), anchored=False, event=False)
    return None


def _slash_byline(text: str) -> DateMention | None:
    """A date written with slashes alone on a line at the head, where its order is plain (a day after the
    12th, the year first, or a weekday that only one order falls on); else None."""
    m = _SLASH_LINE.search(text, 0, _HEAD)
    if m is None:
        return None
    if m.group("y2"):
        days = {_day(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))}
    else:
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        days = {_day(y, a, b), _day(y, b, a)}  # day first, or month first (05/05/2021: one day either way)
        if m.group("weekday"):  # "Thu, 03/12/2015": the order whose day is a Thursday
            days = {x for x in days if x and WEEKDAYS[x.weekday()][:3] == m.group("weekday")[:3].lower()}
    found = [x for x in days if x is not None]
    if len(found) != 1:
        return None  # 05/06/2012: the 5th of June or the 6th of May
    start = m.start("a") if m.group("a") else m.start("y2")
    end = m.end("y") if m.group("y") else m.end("d2")
    return DateMention(found[0], "day", text[start:end], start, end, anchored=False, event=False)


def _day(year: int, month: int, day: int) -> date | None:
    """The day, or None when there is no such day (month 13, 30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None
