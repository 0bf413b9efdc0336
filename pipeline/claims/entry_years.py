"""Dating by the record: a count told at an entry into force that the text dates by its year alone ("The
Convention entered into force in 2003; at that time it had only 22 States parties", "on that date in 1987 the
Convention entered into force. Twenty-one States were parties to it then") is of the day of that entry into
force, which the UN's page gives, when that day falls in the year told (eval Conventions, date rule 3)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pipeline.claims.dating import PRESENT_TENSE
from pipeline.claims.facts import entry_into_force
from pipeline.claims.model import KIND_COUNT, TEXT_DAY_SOURCES, Claim, dated_by_record
from pipeline.claims.store_view import StoreLike
from pipeline.text import MONTH_NAMES, MONTHS

# The count's own words pointing back at a moment told before: "at that time", "on that date", "then" closing
# its clause (not "since then"), "when it entered into force".
_POINTER = re.compile(
    r"\bat\s+(?:that|the)\s+time\b(?!\s+of)|\b(?:on|by|at)\s+that\s+(?:day|date|point)\b|"
    r"(?<!since\s)(?<!until\s)(?<!till\s)\bthen(?=\s*[.;,])|"
    r"\bwhen\s+it\s+(?:entered|came)\s+into\s+force\b|\bat\s+(?:its\s+)?entry\s+into\s+force\b|"
    # "When the Convention against Torture came into force in June 1987, only 21 states were bound by it"
    r"^\W*when\b[^.;]{0,160}?\b(?:entered|came|went)\s+into\s+force\b|"
    # "... entered into force in 2014. When it did so, 61 States had ratified it"
    r"\bwhen\s+it\s+did(?:\s+so)?\b|\bat\s+(?:that|this)\s+(?:point|moment)\b|"
    # "... entered into force in April 1997, by which time 87 states had ratified it"
    r"\b(?:by|at)\s+which\s+(?:time|point|date)\b",
    re.I,
)
# The count's own sentence naming the entry into force as its moment: "at its entry into force", "when it
# entered into force".
# ("At the time of its entry into force, the ATT had 61 States Parties"; "The ATT entered into force with 61
# States Parties")
_AT_ITS_ENTRY = re.compile(
    r"\b(?:at|on|upon)\s+(?:the\s+(?:time|date|day|moment)\s+of\s+)?(?:its\s+|the\s+)?entry\s+into\s+force\b|"
    r"\bwhen\s+it\s+(?:entered|came)\s+into\s+force\b|\b(?:entered|came|went)\s+into\s+force\s+with\s+(?:only\s+|just\s+)?$",
    re.I,
)
_INTO_FORCE = r"(?:(?:entered|came|went)\s+into\s+(?:force|effect)|took\s+effect|became\s+binding)"
# An entry into force told with its year alone, or its month: "entered into force in 2003", "came into force
# in June 1987", "in 1987 the Convention entered into force".
_ENTRY_IN_YEAR = re.compile(
    rf"\b{_INTO_FORCE}\b(?:(?!\s(?:on\s+)?this\s+day\b)[^.;\d]){{0,40}}?\bin\s+(?:(?P<m>{MONTH_NAMES})\s+)?(?P<y>(?:19|20)\d\d)\b(?![^.;]{{0,4}}\d)",
    re.I,
)
# (the year before it only when none is told after it: "adopted in 2013, entered into force in 2014")
_YEAR_THEN_ENTRY = re.compile(rf"\bin\s+(?P<y>(?:19|20)\d\d)\b[^.;\d]{{0,60}}?\b{_INTO_FORCE}\b", re.I)
# How far back the entry into force may be told: its sentence, or the one before.
_REACH = 400
_UNDATED = TEXT_DAY_SOURCES | {"paragraph"}


def treaty_day(store: StoreLike, mtdsg_no: str, column: str = "entry_into_force") -> date | None:
    """The first day the UN's page gives in a cell of the treaty's header: its entry into force, or its
    conclusion ("New York, 2 April 2013"); None when it gives none."""
    rows = store.treaties()
    row = rows[rows["mtdsg_no"].astype(str) == mtdsg_no]
    return entry_into_force(row[column].iloc[0]) if len(row) else None


def entry_years(claims: Sequence[Claim], text: str, store: StoreLike) -> list[Claim]:
    """Each count, dated by the record's entry into force where its words point back at one told by year
    (after any other day its paragraph tells)."""
    out = []
    for c in claims:
        if c.kind == KIND_COUNT and c.mtdsg_no is not None and c.date_source in _UNDATED:
            before = text[max(0, c.number_start - _REACH) : c.number_start]
            paragraph = before.rfind("\n\n")
            told = []
            # (a count told in the present beside it is of the text's day: "When it did so, 61 States had
            # ratified it, a figure that has since risen to 83, while 130 States have signed it")
            if _POINTER.search(c.sentence) and not PRESENT_TENSE.search(c.phrase):
                told = list(_ENTRY_IN_YEAR.finditer(before, paragraph + 1)) or list(
                    _YEAR_THEN_ENTRY.finditer(before, paragraph + 1)
                )
            if told and c.date_source == "paragraph" and before.rfind(c.date_text or "") >= told[-1].end():
                told = []  # a day told after the entry into force, nearer the count, stands
            day = treaty_day(store, c.mtdsg_no) if told else None
            month = told[-1].groupdict().get("m") if told else None
            if (
                day is not None
                and day.year == int(told[-1].group("y"))
                and (not month or MONTHS[month.lower()] == day.month)
            ):
                c = dated_by_record(c, day, "the entry into force")
            elif (
                not told
                and (lead := before.rfind((c.sentence or "")[:20])) >= 0
                and _AT_ITS_ENTRY.search(before, lead)
                and not PRESENT_TENSE.search(c.phrase)
            ):
                # "At its entry into force, the treaty had 61 States parties": told before the count in its
                # sentence, with no year, the record's day ("has 110 parties, up from 61 at ..." is not)
                day = treaty_day(store, str(c.mtdsg_no))
                c = dated_by_record(c, day, "the entry into force") if day is not None else c
        out.append(c)
    return out


__all__ = ["entry_years", "treaty_day"]
