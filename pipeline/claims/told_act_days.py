"""The day a text gives for a state's act in another sentence than the ordinal's ("On 14 October 2013 joined
Syria the United Nations Chemical Weapons Convention ... Syria is 190th country to join"; "... recognized
Palestine as the 193rd state to sign and ratify its convention. 'The State of Palestine deposited on 17 May
2018 its instrument of accession'"): eval Conventions, date rule 2 takes the day the text gives for the act
before the UN's (which may be the deposit when the text tells the day the treaty entered into force for the
state, or the other way round).

Only a full day with its year, in a sentence that names that state and no other and tells a joining act
(joined, ratified, acceded, deposited, became a party; signed for a signature), one such day in the whole
text, and within half a year of the UN's day for the act (not the state's next step, told years later)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from pipeline.claims.dates import find_dates
from pipeline.claims.model import Claim
from pipeline.claims.sentences import split_sentences
from pipeline.claims.state_names import state_spans

_JOINING = re.compile(
    r"\b(?:join(?:s|ed)?|ratif(?:y|ies|ied|ication)|acce(?:des|ded|ssion)|deposit(?:s|ed)?|"
    r"became\s+(?:a\s+)?(?:state\s+)?party)\b",
    re.I,
)
_SIGNING = re.compile(r"\bsign(?:s|ed)?\b", re.I)
_WITHIN_DAYS = 183
_DATELINE = re.compile(r"\s*[-–—]")
# Between the day and the act, or before the day: no other event ("The Convention will take effect for
# Bangladesh on September 29, 2024, which is thirty days after the deposit").
_OTHER_EVENT = re.compile(
    r"\b(?:effect|force|enter|anniversary|since|until|announce\w*|notif\w*|statement|welcom\w*|said)\b", re.I
)
_NEAR = 80


def _tied(said: str, start: int, end: int, act: re.Pattern[str]) -> bool:
    """Is the act told within a few words of the day, with no other event between them?"""
    for m in act.finditer(said, max(0, start - _NEAR), min(len(said), end + _NEAR)):
        between = said[min(m.end(), end) : max(m.start(), start)]
        if not _OTHER_EVENT.search(between):
            return True
    return False


def act_day_told(text: str, iso3: str, record_day: date, *, signature: bool, own: str) -> date | None:
    """The one day the text gives for the state's act (its signature when `signature`, else its consent)
    outside the claim's own sentence `own`, or None."""
    act = _SIGNING if signature else _JOINING
    days: set[date] = set()
    for lo, hi in split_sentences(text):
        said = text[lo:hi]
        if said.strip() == own.strip() or not act.search(said):
            continue
        if {code for _, _, code in state_spans(said)} != {iso3}:
            continue
        for d in find_dates(said):
            if d.precision != "day" or abs((d.on - record_day).days) > _WITHIN_DAYS:
                continue
            if (
                _DATELINE.match(said, d.end)
                # "will take effect on 29 ...", "The announcement on August 21 of Ghana's ratification"
                or _OTHER_EVENT.search(said, max(0, d.start - _NEAR), d.start)
                or not _tied(said, d.start, d.end, act)
            ):
                continue  # "4 May 2015 - The Committee today welcomed its ratification": the statement's day
            days.add(d.on)
    return days.pop() if len(days) == 1 else None


def dated_as_told(c: Claim, day: date) -> Claim:
    """The claim dated by the day the text gives for its state's act."""
    return replace(c, claimed_on=day, date_text=day.isoformat(), date_source="text")


__all__ = ["act_day_told", "dated_as_told"]
