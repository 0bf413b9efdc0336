"""An ordinal the record reads ("Honduras becomes 50th nation to ratify"), dated by the act of each state its
sentence names: the day the text gives for that act in another sentence (told_act_days.py), else the UN's."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from pipeline.claims.measures import MEASURE_PARTIES, MEASURE_SIGNATORIES
from pipeline.claims.model import Claim, dated_by_record
from pipeline.claims.numbers import ORDINAL
from pipeline.claims.ordinal_days import act_day, act_note, pointed_back, start_of_sentence, states_in
from pipeline.claims.store_view import StoreLike
from pipeline.claims.told_act_days import act_day_told, dated_as_told
from pipeline.text import MONTH_NAMES, MONTHS

# A month and year, or a year alone, as a sentence dates an act: "June 2011", "in 2016".
_MONTH_OR_YEAR = re.compile(rf"(?:in\s+)?(?:(?P<month>{MONTH_NAMES})\.?\s+)?(?P<year>(?:19|20)\d\d)", re.I)


# An ordinal told with no noun of what it counts: "the 142nd", "became the 142nd".
_BARE_ORDINAL = re.compile(rf"(?:\w+\s+)?(?:the|its)\s+{ORDINAL}", re.I)


def _within(day: date, told: re.Match[str]) -> bool:
    """Is `day` in the month (or year) the sentence told?"""
    month = told.group("month")
    return day.year == int(told.group("year")) and (not month or MONTHS[month.lower()] == day.month)


def by_named_state(c: Claim, store: StoreLike, text: str = "") -> list[Claim]:
    """An ordinal left to the record ("Honduras becomes 50th nation to ratify"), dated by the act of each
    state its sentence names (its consent, or its signature for a count of signatories); none when the
    sentence dates it itself to the day ("Tunisia's, lodged in June 2011, was the sixtieth": its act's day
    in that month)."""
    told = _MONTH_OR_YEAR.fullmatch(c.date_text or "") if c.date_source == "sentence" else None
    if c.mtdsg_no is None or (c.date_source == "sentence" and told is None):
        return []
    if c.measure not in (MEASURE_PARTIES, MEASURE_SIGNATORIES):
        return []
    no, column = c.mtdsg_no, "consent_date" if c.measure == MEASURE_PARTIES else "signature_date"
    out = []
    named = list(dict.fromkeys(states_in(c.sentence or "")))
    for iso3 in named or (pointed_back(c, text, start_of_sentence(c, text)) if text else []):
        day, read = act_day(store, no, iso3, column), c
        if day is None and column == "consent_date" and _BARE_ORDINAL.fullmatch(c.phrase):
            # "The U.S. became the 142nd.": no noun tells the act, and the state has signed but not joined
            day, read = act_day(store, no, iso3, "signature_date"), replace(c, measure=MEASURE_SIGNATORIES)
        signed = read.measure == MEASURE_SIGNATORIES
        said = (
            act_day_told(text, iso3, day, signature=signed, own=c.sentence or "")
            if (day is not None and told is None and text)
            else None
        )
        if said is not None:
            out.append(dated_as_told(read, said))
        elif day is not None and (told is None or _within(day, told)):
            out.append(
                dated_by_record(
                    read, day, act_note(store, no, iso3, "signature_date" if signed else "consent_date")
                )
            )
    return out


__all__ = ["by_named_state"]
