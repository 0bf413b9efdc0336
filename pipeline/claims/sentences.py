"""The text's units for the claim reader: paragraphs, sentences, lines, and finding the one around a position.

Everything here is linear in the text: each cut looks at a bounded window around it, and a position is
found among the spans by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

Span = tuple[int, int]

# A word ending in a full stop that does not end a sentence ("e.g. The", "Art. 5", "Sept. 2019").
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|no|nos|art|arts|para|vol|mr|mrs|ms|dr|st|jan|feb|mar|apr|jun|jul|aug|sep|"
    r"sept|oct|nov|dec|u\.n|u\.s|cf|vs)\.)$",
    re.I,
)
# The longest abbreviation above is six characters with its dot: a window of twelve before a cut is enough.
_ABBREVIATION_WINDOW = 12
_LIST_NUMBER = re.compile(r"(?<!\d)\d{1,2}\.$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A sentence ends at . ! ? (and the citation marks glued to it: "states.[2] As of") before a capital
# or a digit.
_SENTENCE_END = re.compile(r"(?<=[.!?])(?:\[[^\]\n]{1,25}\])*[\"'”’)]*\s+(?=[\"'“(\[]?[A-Z0-9])")
# A line break ends a sentence when the next line opens with a capital, a digit or a bullet and the
# line before it is short or does not end in a word that runs on ("Signatories 108" / "Parties 112").
_LINE_END = re.compile(r"[ \t]*\n[ \t]*(?=[|*\-–•]|[A-Z0-9\[])")


def split_paragraphs(text: str) -> list[Span]:
    """(start, end) of each paragraph: blocks separated by a blank line."""
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _is_sentence_end(text: str, p_start: int, cut: int) -> bool:
    window = text[max(p_start, cut - _ABBREVIATION_WINDOW) : cut]
    if _ABBREVIATIONS.search(window):
        return False  # "e.g. The", "Art. 5"
    # A list number "1. Prohibition": one or two digits after a space, a full stop or the paragraph's start.
    m = _LIST_NUMBER.search(text, max(p_start, cut - 3), cut)
    if m is None:
        return True
    before = m.start() - 1
    return not (before < p_start or text[before].isspace() or text[before] == ".")


def split_sentences(text: str) -> list[Span]:
    """(start, end) of each sentence: paragraphs cut after . ! ? before a capital or digit, and at
    line breaks that start a new item (infobox rows, list items, headings)."""
    spans: list[Span] = []
    for p_start, p_end in split_paragraphs(text):
        cuts: list[Span] = []
        for m in _SENTENCE_END.finditer(text, p_start, p_end):
            if _is_sentence_end(text, p_start, m.start()):
                cuts.append((m.start(), m.end()))
        for m in _LINE_END.finditer(text, p_start, p_end):
            line = text[text.rfind("\n", p_start, m.start()) + 1 : m.start()].strip()
            if len(line) < 60 or not re.search(r"[A-Za-z,;]$", line):
                cuts.append((m.start(), m.end()))
        start = p_start
        for a, b in sorted(set(cuts)):
            if a < start:
                continue
            spans.append((start, a))
            start = b
        spans.append((start, p_end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


class Spans:
    """Sorted, non-overlapping spans, and the one holding a position found by bisection."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = list(spans)
        self._starts = [s for s, _ in self.spans]

    def containing(self, pos: int) -> Span:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self.spans[i][1]:
            return self.spans[i]
        return (pos, pos)

    def index(self, pos: int) -> int:
        """The number of the span holding `pos` (-1 when none does)."""
        i = bisect_right(self._starts, pos) - 1
        return i if i >= 0 and pos < self.spans[i][1] else -1


class Lines:
    """1-based line numbers of positions, by bisection over the line breaks."""

    def __init__(self, text: str) -> None:
        self._breaks = [m.start() for m in re.finditer("\n", text)]

    def line(self, pos: int) -> int:
        return bisect_right(self._breaks, pos - 1) + 1


__all__ = ["Lines", "Span", "Spans", "split_paragraphs", "split_sentences"]
