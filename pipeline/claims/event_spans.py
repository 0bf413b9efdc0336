"""Dating by the record: a count whose own sentence tells its moment as a span after one of the treaty's own
events, with no day for that event ("A year after the Arms Trade Treaty was adopted by the UN General
Assembly, 31 countries have ratified it", "Ten years after its entry into force, the Convention had 150
parties"), is of the day the span reaches from the day the UN's page gives for that event: its conclusion
(the adoption of a text the General Assembly adopts) or its entry into force (eval Conventions, date rule 1:
a date the figure's sentence gives for it).

Not a count told of the text's own day ("Forty years after its adoption, the Convention now has 125 High
Contracting Parties"), a span told loosely ("almost four years after its adoption", "more than five years
after"), one whose event the sentence dates itself ("Thirty years after its adoption, on 18 December 1979,
..."), nor the opening for signature, whose day the UN's page does not give."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.claims.entry_years import treaty_day
from pipeline.claims.model import KIND_COUNT, TEXT_DAY_SOURCES, Claim, dated_by_record
from pipeline.claims.numbers import QUAL_BEFORE, WORD_NUMBER, comparison_for, parse_number
from pipeline.claims.relative_days import moved_on
from pipeline.claims.store_view import StoreLike

_ADOPTED = r"(?:was\s+)?adopted|adoption"
_IN_FORCE = r"(?:entered|came|went)\s+into\s+force|entry\s+into\s+force"
# "A year after the Arms Trade Treaty was adopted", "Ten years after its entry into force", "two years after
# the adoption of the Convention" (at the head of the count's own sentence or clause, never loosely told).
_SPAN_AFTER = re.compile(
    rf"\b(?P<n>an?|{WORD_NUMBER}|\d{{1,2}})\s+(?P<unit>years?|months?)\s+after\s+"
    rf"(?:(?:it\s+|its\s+|the\s+(?:[\w'’-]+\s+){{0,8}}?)(?:(?P<adopted>{_ADOPTED})|(?P<force>{_IN_FORCE})))\b",
    re.I,
)
# "Forty years after its adoption, the Convention now has 125 High Contracting Parties": of the text's day.
_NOW = re.compile(r"\b(?:now|today|currently|still)\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_UNDATED = TEXT_DAY_SOURCES | {"paragraph"}


def _qualifier(said: str, at: int) -> str | None:
    q = QUAL_BEFORE.search(said, max(0, at - 24), at)
    return q.group("qual") if q else None


def after_event(claims: Sequence[Claim], text: str, store: StoreLike) -> list[Claim]:
    """Each count dated by a span after the treaty's adoption or entry into force its sentence tells."""
    out = []
    for c in claims:
        said = c.sentence or ""
        at = said.find(c.phrase) if c.phrase else -1
        m = _SPAN_AFTER.search(said, 0, at) if at > 0 and "after" in said[:at] else None
        if (
            m is None
            or c.kind != KIND_COUNT
            or c.mtdsg_no is None
            or c.date_source not in _UNDATED
            or _YEAR.search(said, m.start(), at)
            # ("almost four years after", "more than five years after": no day; not "exactly")
            or comparison_for(_qualifier(said, m.start())) != "="
            or _NOW.search(said, m.end(), at + len(c.phrase))
        ):
            out.append(c)
            continue
        column = "conclusion" if m.group("adopted") else "entry_into_force"
        day = treaty_day(store, str(c.mtdsg_no), column)
        n = 1 if m.group("n").lower() in ("a", "an") else parse_number(m.group("n"))
        if day is None or n is None or n <= 0:
            out.append(c)
            continue
        what = "its adoption" if m.group("adopted") else "its entry into force"
        on = moved_on(day, int(n), m.group("unit"))
        if c.claimed_on is not None and on > c.claimed_on:
            # (no span reaches past the text's own day: "Thirty years after it was adopted, the Convention
            # has 160 parties, and its Optional Protocol (81 parties)", told in 2016, is not of 2032)
            out.append(c)
            continue
        out.append(dated_by_record(c, on, f"'{m.group(0).strip()}', from {what} on {day.isoformat()}"))
    return out


__all__ = ["after_event"]
