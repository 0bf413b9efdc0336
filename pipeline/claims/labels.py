"""Counts a text tells as labels rather than in sentences, for the frame stage (pipeline/claims/frames.py):
a list's heading with its count in brackets ("Signed but not yet ratified (12): Fiji, Gambia, ...").

Not read here: a milestone named by its ordinal in a headline ("reaches 30th ratification milestone"); the
checker makes an ordinal a threshold when that consent brought the treaty into force, and the evaluation
set lists the same headline once as a count and once not at all."""

from __future__ import annotations

import re

from pipeline.claims.measures import MEASURE_SIGNED_NOT_PARTIES, measure_for
from pipeline.claims.model import CountMatch

# A list's heading at a line's start: a measure's words, its count in brackets, then a colon, the line's end
# or the first state named ("States Parties (110) Afghanistan, Albania, ...", "Ratified (176)").
_LIST_HEADING = re.compile(
    r"^[ \t*•·>-]*(?P<label>signed(?:\s+but|\s+and|,)?\s+not\s+(?:yet\s+)?ratified|signed\s+only|signatories|"
    r"signatures|states[\s-]+parties|parties|ratifications|ratified|acceded|accessions)"
    r"[ \t]*\([ \t]*(?P<num>\d{1,3})[ \t]*\)(?:[ \t]*:|[ \t]*$|(?=[ \t]+(?-i:[A-Z][a-z]+)\b(?!\s*\()))",
    re.I | re.M,
)


def label_matches(text: str) -> list[CountMatch]:
    """The counts told by list headings."""
    out = []
    for m in _LIST_HEADING.finditer(text):
        label = re.sub(r"\s+", " ", m.group("label").lower())
        # "Signed only (9):", "Signed but not ratified (12):": those that signed and are not parties.
        measure = MEASURE_SIGNED_NOT_PARTIES if label.startswith("signed") else measure_for(label, "")
        span = (m.start("label"), m.end())
        out.append(CountMatch.exact(text, int(m.group("num")), measure, span, m.span("num")))
    return out


__all__ = ["label_matches"]
