"""Counts of states the frames did not understand: "With 195 states, it is the most widely ratified treaty",
"the convention, which is supported by 175 countries", "the OPCW currently has 193 Member States", "the
treaty, which unites over a hundred states". A number of states in a sentence about a treaty, that no frame
read, most often tells the treaty's parties; the checker judges it as that count only where the UN's figure
on its date (today's when undated) is near it, within NEAR_SHARE, and lists it unread otherwise
(record_reading.py): far from the record, the words more likely count something else.

Never taken, and so left unread with the frame's reason:
- a place or a group the number is part of: "radio stations in 50 countries", "a coalition of 40 states",
  "these 90 States", "the 44 states listed in Annex 2";
- a sentence of a vote, an adoption, a conference, a negotiation or a part taken in one ("adopted in Dublin
  by 107 states", "took part in the Oslo Process"), but
  not one that tells the adoption in the present ("has now been adopted by more than 180 countries");
- a sentence where a frame read another count ("182 parties, 181 states and the European Union"): the
  number left over is a part of what was read;
- a sentence that signs but neither ratifies nor is a party or member ("187 nations attended the signing"):
  who signed, not who joined, and no frame to say which ("opened for signature by 187 nations" has one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.claims.deeds import deed_after
from pipeline.claims.measures import MEASURE_PARTIES
from pipeline.claims.model import CountMatch
from pipeline.claims.numbers import QUAL_BEFORE, QUALIFIERS, comparison_for, qualifier_key
from pipeline.claims.sentences import Spans
from pipeline.claims.unread import STATES_AFTER
from pipeline.text import alternation

# Where the record may read a loose count: a candidate of this source, judged when near the UN's figure.
LOOSE_SOURCE = "loose count"
# How near the UN's figure a loose count must be to be judged: a third of it is a count misstated, further
# off it is more often a count of something else.
NEAR_SHARE = 0.3

# A place or a group the number belongs to: "in 50 countries", "a coalition of 40 states", "these 90 States".
_GROUP_BEFORE = re.compile(
    r"\b(?:in|across|from|throughout|among|amongst|between|of|these|those|the|such|all)\s+"
    r"(?:" + alternation(QUALIFIERS) + r"\s+)?$",
    re.I,
)
_NOT_CONSENT = re.compile(
    r"\b(?:adopt\w*|vot(?:e|es|ed|ing)|conferences?|negotiat\w*|delegations?|attend\w*|sponsor\w*|co-sponsor\w*|"
    # (a part taken in a process or a meeting, not in the treaty: "164 States participate in the Convention")
    r"(?:participated|t(?:ook|aking)\s+part)\s+in\s+the\s+(?:[\w-]+\s+){0,3}?(?:process|negotiations?|conferences?|"
    r"meetings?|talks|sessions?))\b",
    re.I,
)
# "has now been adopted by more than 180 countries", "is adopted by 170 States", "180 countries have adopted
# it": adopted told in the present (perfect) is taken up by states, as joined is; "was adopted by 122
# countries in 2017" is the vote.
_ADOPTED_NOW = re.compile(
    r"(?:\b(?:(?:has|have)\s+(?:(?:now|already|so\s+far|since|not)\s+)?been|is)\s+(?:(?:now|already)\s+)?adopted\s+by\b"
    r"|\b(?:have|has)\s+(?:(?:now|already|so\s+far|since)\s+)?adopted\s+it\b)"
    r"(?![^.;]*\b(?:votes?|voting|general\s+assembly|conference|in\s+(?:19|20)\d\d)\b)",
    re.I,
)
_SIGNS = re.compile(r"\bsign\w*", re.I)
_JOINS = re.compile(r"\b(?:ratif\w*|part(?:y|ies)|members?|membership|join\w*|acce\w*|bound|binding)\b", re.I)


def loose_count(
    text: str, figure: int, number: tuple[int, int], sentence: tuple[int, int], read: Sequence[int]
) -> CountMatch | None:
    """The number at `number` (its value `figure`) read as a count of parties, or None when it is no count
    of states or one of the cases above. `sentence`: its sentence's span; `read`: where the numbers a frame
    read start."""
    start, end = number
    # the clause the number stands in: a semicolon ends one ("...; and WHEREAS, to date 161 countries ...")
    semi = text.find(";", end, sentence[1])
    sentence = (max(sentence[0], text.rfind(";", sentence[0], start) + 1), semi if semi >= 0 else sentence[1])
    states = STATES_AFTER.match(text, end)
    if states is None or any(sentence[0] <= r < sentence[1] for r in read) or deed_after(text, states.end()):
        return None  # (nor "106 countries have now abolished the death penalty": a deed other than joining)
    clause = text[sentence[0] : sentence[1]]
    if _NOT_CONSENT.search(_ADOPTED_NOW.sub(" taken up by", clause)) or (
        _SIGNS.search(clause) and not _JOINS.search(clause)
    ):
        return None
    before = text[max(sentence[0], start - 40) : start]
    if _GROUP_BEFORE.search(before):
        return None
    qual = QUAL_BEFORE.search(before)
    begin = qual.start() + (start - len(before)) if qual else start
    return CountMatch(
        figure=figure,
        measure=MEASURE_PARTIES,
        comparison=comparison_for(qual.group("qual") if qual else None),
        qualifier=qualifier_key(qual.group("qual")) if qual else None,
        noun=states.group(0).split()[-1].lower(),
        start=begin,
        end=states.end(),
        number_start=start,
        number_end=end,
        phrase=re.sub(r"\s+", " ", text[begin : states.end()].strip()),
        source=LOOSE_SOURCE,
    )


def loose_counts(
    text: str, unread: Sequence[tuple[int, int, int]], sentences: Spans, read: Sequence[int]
) -> list[CountMatch]:
    """The loose counts among the `unread` numbers: (figure, start, end) of each no frame understood."""
    out = []
    for figure, start, end in unread:
        found = loose_count(text, figure, (start, end), sentences.containing(start), read)
        if found is not None:
            out.append(found)
    return out


__all__ = ["LOOSE_SOURCE", "NEAR_SHARE", "loose_count", "loose_counts"]
