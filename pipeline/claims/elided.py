"""Counts whose verb is left out or told in other words, as speech and plain writing tell them: "We still
have not ratified it. Meanwhile, around eighty-three countries have." (the verb of the sentence before),
"... only where the state has accepted the First Optional Protocol. That's about a hundred and seventeen
states." (the count of those who did what the sentence before tells), "a hundred and sixty-seven countries
are on board" (joined: parties).
"""

from __future__ import annotations

import re

from pipeline.claims.clauses import STATES
from pipeline.claims.measures import measure_for
from pipeline.claims.model import CountMatch
from pipeline.claims.noun_frames import done_before
from pipeline.claims.numbers import NUM, QUAL, parse_number, qualified

# "around eighty-three countries have.", "Sixty states have, including ...": the auxiliary ends the clause.
_AUX_ENDS = r"(?:have|has|had)(?:\s+(?:too|as\s+well|already))?"
_HAVE = re.compile(
    r"(?<![\w,.-])"
    + QUAL
    + NUM
    + r"\s+"
    + STATES
    + r"\s+"
    + _AUX_ENDS
    + r"(?=\s*(?:[.!;]|,\s*(?:including|among\s+them|too)\b|\s[—–]))",
    re.I,
)
# "That's about a hundred and seventeen states.": those who did what was told just before.
_THATS = re.compile(
    r"\b(?:that['’]s|that\s+is|that\s+makes|which\s+makes)\s+" + QUAL + NUM + r"\s+" + STATES + r"\b"
    r"(?!\s+(?:that|which|who|have|has|had|are|were|in|of|from|with)\b)",
    re.I,
)
# "167 countries are on board", "Today 110 states are on board": joined.
_ON_BOARD = re.compile(
    r"(?<![\w,.-])" + QUAL + NUM + r"\s+" + STATES + r"\s+(?:are|were)\s+(?:now\s+|already\s+)?on\s+board\b",
    re.I,
)
# "51 ratify the UN Treaty on the Prohibition of Nuclear Weapons, but not Australia": a headline opening with
# its count, its noun left out, its verb in the headline's present.
_HEADLINE = re.compile(
    r"^[ \t]*"
    + QUAL
    + NUM
    + r"\s+(?P<act>ratify|sign|join|accede\s+to)\s+(?=(?:the|UN|U\.N\.)\s+(?-i:[A-Z]))",
    re.I | re.M,
)

_GATED = (
    (_HEADLINE, re.compile(r"^[ \t]*(?:[\w-]+\s+){1,4}(?:ratify|sign|join|accede)\s", re.I | re.M)),
    (_HAVE, re.compile(r"\b" + _AUX_ENDS + r"\s*(?:[.!;,]|\s[—–])", re.I)),
    (_THATS, re.compile(r"\b(?:that['’]s|that\s+is|that\s+makes|which\s+makes)\s", re.I)),
    (_ON_BOARD, re.compile(r"\bon\s+board\b", re.I)),
)
_WHOLE_OF = re.compile(r"\b(?:of|among)\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w-]+['’]s?\s+)?$", re.I)


def _count(text: str, m: re.Match[str], measure: str) -> CountMatch | None:
    try:
        figure = parse_number(m.group("num"))
    except ValueError:
        return None
    told = CountMatch.exact(text, figure, measure, m.span(), m.span("num"), phrase_from=m.start("num"))
    return qualified(told, m.group("qual"))


def elided_matches(text: str) -> list[CountMatch]:
    """The counts told with their verb left out ("N countries have.", "That's N states") of the measure the
    act told just before gives (none told: no count), those "on board", and a headline's "N ratify the"."""
    out = []
    for pattern, word in _GATED:
        if word.search(text) is None:
            continue  # (each pattern tries a number at every word: only where its words are told)
        for m in pattern.finditer(text):
            if _WHOLE_OF.search(text, max(0, m.start() - 40), m.start("num")):
                continue  # "17 of the continent's 54 states are now on board": the group's whole
            act = m.group("act") if pattern is _HEADLINE else "joined" if pattern is _ON_BOARD else None
            act = act or done_before(text, m.start())
            if act and (c := _count(text, m, measure_for(act, ""))) is not None:
                out.append(c)
    return out


__all__ = ["elided_matches"]
