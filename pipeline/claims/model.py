"""What the claim reader's stages hand each other: count statements, claims and the figures left unread."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

# What kind of fact a figure states: a count on a date, or the number of consents that brought a
# treaty into force ("entered into force after it had been ratified by 50 states": the 50th deposit).
KIND_COUNT = "count"
KIND_THRESHOLD = "threshold"

# Why a number in a sentence about a treaty was not read as a claim (`Unread.reason`).
REASON_SUBSET = "subset"  # "Of the 44 Annex 2 States, 40 have signed", "including 42 in Europe"
REASON_CHANGE = "yearly change"  # "Since last year, four States have signed"
REASON_CONDITION = "condition"  # "cannot enter into force until ratified by 44 specific nations"
REASON_THRESHOLD = "threshold"  # "two other ratifications are required": what is still needed
REASON_TOTAL = "total of two measures"  # "120 countries have signed or acceded"
REASON_SEVERAL = "several treaties"  # "all 15 countries have ratified the nine core treaties"
REASON_DENOMINATOR = "denominator"  # the 193 of "120 out of 193 countries"
REASON_NOT_UNDERSTOOD = "frame not understood"
REASON_OUTSIDE = "treaty outside the UN collection"  # "The NPT has 191 parties" (names.load_outside_treaties)
REASON_FAR = "far from the record"  # a dated figure 30% and more off the UN's, no second reading bears out
# "10 countries already agreed on this rule", in a text that names a treaty: a count of states in a sentence
# with no treaty word, listed so that no count of states in a text about a treaty goes unseen.
REASON_NO_TREATY_WORD = "no treaty word in its sentence"
# "Correction: an earlier version of this article said that 150 states had ratified the Convention": a figure
# the text itself takes back.
REASON_RETRACTED = "retracted by the text"
# "Hasta la fecha, 153 países han ratificado la Convención": a sentence the reader cannot read
# (pipeline/claims/other_languages.py).
REASON_NOT_ENGLISH = "not in English"
# The date sources of a claim its words do not date: the text's own day (--written-on, a byline) or none.
TEXT_DAY_SOURCES = frozenset({None, "written-on", "byline"})
# The date_text of a count dated by the text's own day (date_source "written-on"); a "yesterday" of that
# day has its own words.
WRITTEN_ON = "written on"
REASONS = (
    REASON_SUBSET,
    REASON_CHANGE,
    REASON_CONDITION,
    REASON_THRESHOLD,
    REASON_TOTAL,
    REASON_SEVERAL,
    REASON_DENOMINATOR,
    REASON_NOT_UNDERSTOOD,
    REASON_OUTSIDE,
    REASON_FAR,
    REASON_NO_TREATY_WORD,
    REASON_RETRACTED,
    REASON_NOT_ENGLISH,
)


@dataclass(frozen=True)
class CountMatch:
    """One count statement: the figure, what it counts and where it sits in the text."""

    figure: int
    measure: str
    comparison: (
        str  # "=", ">", ">=", "<", "<~" (close below), "~" (from "more than", "at least", "nearly"...)
    )
    qualifier: str | None
    noun: str | None  # the text's own word for the participants: "countries", "states", "parties"...
    start: int
    end: int
    number_start: int
    number_end: int
    phrase: str
    kind: str = KIND_COUNT  # KIND_COUNT or KIND_THRESHOLD
    mode: str | None = None  # MODE_RATIFICATION / MODE_ACCESSION for counts of one way of joining
    source: str = "prose"  # "prose" or "infobox" (a "Parties 112" line)

    @classmethod
    def exact(
        cls,
        text: str,
        figure: int,
        measure: str,
        span: tuple[int, int],
        number: tuple[int, int],
        *,
        phrase_from: int | None = None,
    ) -> CountMatch:
        """A count told as a bare figure (no qualifier, no noun of its own) over `span` of `text`; its phrase
        is the text from `phrase_from` (else the span's start) to the span's end, whitespace folded."""
        start, end = span
        phrase = text[start if phrase_from is None else phrase_from : end]
        return cls(
            figure=figure,
            measure=measure,
            comparison="=",
            qualifier=None,
            noun=None,
            start=start,
            end=end,
            number_start=number[0],
            number_end=number[1],
            phrase=re.sub(r"\s+", " ", phrase.strip()),
        )


@dataclass(frozen=True)
class Skipped:
    """A number a count pattern saw and set aside on purpose, with the reason (a subset, a condition...)."""

    number_start: int
    number_end: int
    reason: str


@dataclass(frozen=True)
class Unread:
    """A number in a sentence about a treaty that was not read as a claim, and why."""

    figure: int
    line: int
    reason: str  # one of REASONS
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """One figure the text claims: what it counts, for which date and which treaty."""

    figure: int
    measure: str  # MEASURE_PARTIES, MEASURE_SIGNATORIES or MEASURE_SIGNED_NOT_PARTIES
    comparison: str  # "=", ">", ">=", "<", "~"
    qualifier: str | None
    noun: str | None  # the text's word: "countries", "states", "parties"...
    phrase: str
    start: int
    end: int
    number_start: int
    number_end: int
    sentence: str
    claimed_on: date | None
    date_text: str | None
    mtdsg_no: str | None
    treaty_text: str | None  # how the text names the treaty ("the Optional Protocol", "OPSC")
    # how the treaty was found: override | named | reference | before | after | previous | topic | subject
    # (topics.py) | none
    link: str
    line: int = 1  # 1-based line of the number in the text
    kind: str = KIND_COUNT  # KIND_COUNT, or KIND_THRESHOLD for "entered into force after N ratifications"
    mode: str | None = None  # MODE_RATIFICATION / MODE_ACCESSION: a count of one way of joining
    source: str = "prose"  # "prose", "infobox" for a "Parties 112" line, "record" (record_reading.py)
    # sentence | paragraph | byline | written-on | body | note (notes.py) | record | text (second_reading.py)
    # | None (undated)
    date_source: str | None = None
    treaty_via: str | None = None  # title | short name | common name (how the named treaty was recognised)
    event_on: date | None = None  # for a threshold: the date of the event its sentence tells, if any
    # "Peru joins 29 other countries": the state the count leaves out (its ISO 3166 code; the codes joined by
    # ", " for a list, "The UK, Germany, China and 179 other countries"); the UN's figures are compared less
    # those states, on the day of its act
    left_out: str | None = None


def dated_by_record(c: Claim, day: date, what: str) -> Claim:
    """The claim dated by the record's day of `what` ("the opening for signature", "Chile's accession")."""
    return replace(c, claimed_on=day, date_text=f"dated by {what}, {day.isoformat()}", date_source="record")


__all__ = [
    "dated_by_record",
    "KIND_COUNT",
    "KIND_THRESHOLD",
    "REASONS",
    "TEXT_DAY_SOURCES",
    "REASON_CHANGE",
    "REASON_CONDITION",
    "REASON_DENOMINATOR",
    "REASON_NOT_UNDERSTOOD",
    "WRITTEN_ON",
    "REASON_NO_TREATY_WORD",
    "REASON_RETRACTED",
    "REASON_OUTSIDE",
    "REASON_FAR",
    "REASON_SUBSET",
    "REASON_THRESHOLD",
    "REASON_TOTAL",
    "REASON_SEVERAL",
    "Claim",
    "CountMatch",
    "Skipped",
    "Unread",
]
