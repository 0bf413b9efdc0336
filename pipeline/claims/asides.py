"""Counts told aside, in brackets, for the frame stage (pipeline/claims/frames.py): the number of states a
clause speaks of without naming it in its words ("three quarters of UN Member States (146) had become
party to the Protocol"), and a tally of a treaty's consents given after its title ("the growing number of
ratifications of the Optional Protocol (83 as at 1 January 2018)").

Not read here: a bracket after a state's name ("Malta (21)", an order or a footnote), after a region
("Africa (17)", a part), or holding a share ("(85%)").
"""

from __future__ import annotations

import re

from pipeline.claims.clauses import ADVERBS, STATES
from pipeline.claims.measures import measure_for
from pipeline.claims.model import CountMatch

# "UN Member States (146) had become party", "countries (52) have ratified": the states, their number in
# brackets, then what they did.
_STATES_THEN_VERB = re.compile(
    r"\b"
    + STATES
    + r"\s*\(\s*(?P<num>\d{1,3})\s*\)\s+(?:have|has|had|are|were)\s+"
    + ADVERBS
    + r"(?P<verb>ratified|acceded|joined|signed|(?:become|been)\s+(?:a\s+)?(?:states?[\s-]*)?part(?:y|ies)|"
    r"(?<=are\s)part(?:y|ies)|(?<=were\s)part(?:y|ies))\b",
    re.I,
)
# "the number of ratifications of the Optional Protocol (83 as at 1 January 2018)": a tally's noun, the
# treaty it is of (no bracket in between), and the tally opening the bracket.
_TALLY_THEN_COUNT = re.compile(
    r"\b(?:number|tally|total|count)\s+of\s+(?P<noun>ratifications|accessions|states?[\s-]+parties|parties|"
    r"signatories|signatures)\s+(?:to|of)\s+[^()\n.;]{3,160}?\(\s*(?P<num>\d{1,3})\b(?!\s*%|\s*\))",
    re.I,
)


# Where a count told aside may be: the patterns above are tried only around a bracket that opens with a
# number (tried at every word, they cost prose 0.08 ms a kB; so, next to nothing).
_BRACKETED_NUMBER = re.compile(r"\(\s*(\d{1,3})\b")


def aside_matches(text: str) -> list[CountMatch]:
    """The counts told aside in brackets."""
    out = []
    numbers = {b.start(1): b.start() for b in _BRACKETED_NUMBER.finditer(text)}
    states = {
        m.start("num"): m
        for n, b in numbers.items()
        for m in _STATES_THEN_VERB.finditer(text, max(0, b - 60), b + 120)
        if m.start("num") == n
    }
    tallies = {
        m.start("num"): m
        for n, b in numbers.items()
        for m in _TALLY_THEN_COUNT.finditer(text, max(0, b - 240), b + 8)
        if m.start("num") == n
    }
    for m in states.values():
        verb = re.sub(r"\s+", " ", m.group("verb").lower())
        measure = measure_for("signed" if verb == "signed" else "parties", "")
        out.append(CountMatch.exact(text, int(m.group("num")), measure, (m.start(), m.end()), m.span("num")))
    for m in tallies.values():
        measure = measure_for(re.sub(r"\s+", " ", m.group("noun").lower()), "")
        out.append(
            CountMatch.exact(text, int(m.group("num")), measure, (m.start(), m.end("num")), m.span("num"))
        )
    return out


__all__ = ["aside_matches"]
