"""Counts told "N years ago" in a text with a date of its own: "Two years ago, only 40 countries had
ratified the treaty; now 82 have" (a text of 1 May 2016) speaks of 1 May 2014, not of the text's day.

The stage runs after the text's day (its --written-on date or byline) has dated the sentence's counts; it
moves back only a count whose own clause the "ago" opens or holds (not "now 82 have" after the semicolon),
by whole days, weeks, months or years, and says so in the claim's date_text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from pipeline.claims.model import Claim
from pipeline.claims.numbers import DIGIT_NUMBER, WORD_NUMBER, parse_number

# "two years ago", "a year ago", "18 months ago", "three weeks ago" (not "a year ago today": an
# anniversary, the day it names is the text's own day a year back, which the same reading gives).
AGO = re.compile(
    rf"\b(?P<n>an?|{DIGIT_NUMBER}|{WORD_NUMBER})\s+(?P<unit>years?|months?|weeks?|days?)\s+ago\b", re.I
)
# A participle of the treaty's making or of another event, the "ago" after it dating it.
_MADE_BEFORE = re.compile(
    r"\b(?:opened\s+for\s+signature|adopted|concluded|entered\s+into\s+force|came\s+into\s+force|"
    r"negotiated|drafted|born)\b[^,;.]*$",
    re.I,
)
# What ends the "ago"'s clause before the count: a semicolon, a colon, or a present word ("; now 82 have").
_CLAUSE_END = re.compile(r"[;:]|\b(?:now|today|currently|at\s+present)\b", re.I)


def back(on: date, n: int, unit: str) -> date | None:
    """`on` moved back n units; None when that leaves the calendar."""
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return on - timedelta(days=n)
    if unit == "week":
        return on - timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    year, month = divmod(on.year * 12 + on.month - 1 - months, 12)
    if year < 1:
        return None
    month += 1
    for day in (on.day, 30, 29, 28):  # 31 March minus a month: the last day of February
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def how_many(m: re.Match[str]) -> int:
    """The number of units an `AGO` match counts back ("a year ago": 1)."""
    return 1 if m.group("n").lower() in ("a", "an") else parse_number(m.group("n"))


def _own_clause(said: str, m: re.Match[str], start: int, end: int) -> bool:
    """Is the "ago" at `m` in the clause of the count at [start, end): before it with no clause's end
    between, or right after it ("40 had ratified it two years ago", not "82 now, up from 40 a year ago")?"""
    if m.end() <= start:
        # "The Protocol, opened for signature just a year ago, has 33 signatories": the treaty's own event
        event = _MADE_BEFORE.search(said[max(0, m.start() - 60) : m.start()]) and "," in said[m.end() : start]
        return not event and not _CLAUSE_END.search(said, m.end(), start)
    between = said[end : m.start()]
    return (
        m.start() >= end
        and len(between) <= 40
        and not re.search(r"[,;:]", between)
        and not (_CLAUSE_END.search(between))
    )


def ago_counts(claims: Sequence[Claim]) -> list[Claim]:
    """Each count dated by the text's own day whose clause says "N years ago", moved back by as much."""
    out = []
    for c in claims:
        said, on = c.sentence or "", c.claimed_on
        if on is None or c.date_source not in ("written-on", "byline") or "ago" not in said.lower():
            out.append(c)
            continue
        at = said.find(c.phrase) if c.phrase else -1
        told = [m for m in AGO.finditer(said) if at >= 0 and _own_clause(said, m, at, at + len(c.phrase))]
        if len(told) != 1:
            out.append(c)
            continue
        m = told[0]
        n = how_many(m)
        day = back(on, n, m.group("unit")) if 0 < n < 100 else None
        if day is None:
            out.append(c)
            continue
        words = re.sub(r"\s+", " ", m.group(0))
        out.append(replace(c, claimed_on=day, date_text=f"{words} of {on.isoformat()}"))
    return out


__all__ = ["AGO", "ago_counts", "back", "how_many"]
