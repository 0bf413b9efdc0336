"""The text's units for the claim reader: paragraphs, sentences, lines, and finding the one around a position.

Everything here is linear in the text: each cut looks at a bounded window around it, and a position is
found among the spans by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from pipeline.claims.layout import LABEL_COLON
from pipeline.claims.numbers import QUALIFIERS

Span = tuple[int, int]

# A word ending in a full stop that does not end a sentence ("e.g. The", "Art. 5", "Sept. 2019").
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|no|nos|art|arts|para|vol|mr|mrs|ms|dr|st|jan|feb|mar|apr|jun|jul|aug|sep|"
    r"sept|oct|nov|dec|u\.n|u\.s|cf|vs)\.)$",
    re.I,
)
# A qualifier abbreviated with a full stop before a number ("c.", "ca.", "approx.": numbers.QUALIFIERS).
_ABOUT = re.compile(r"\b(?:" + "|".join(re.escape(q) for q in QUALIFIERS if q.endswith(".")) + r")$", re.I)
# The longest abbreviation above is six characters with its dot: a window of twelve before a cut is enough.
_ABBREVIATION_WINDOW = 12
_LIST_NUMBER = re.compile(r"(?<!\d)\d{1,2}\.$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A line of prose this long that ends a sentence ends its paragraph, blank line or not: a page copied with
# one line a paragraph. (A wrapped paragraph's line breaks were made spaces before: claims/layout.py.)
PROSE_LINE = 100
_PROSE_LINE_END = re.compile(r"(?<=[.!?])(?:\[[^\]\n]{1,25}\])*[\"'”’)]*[ \t]*\n")
# A sentence ends at . ! ? (and the citation marks glued to it: "states.[2] As of") before a capital
# or a digit.
# (a note's number glued to the stop ends the sentence too: "when 57 States signed it.23 It entered ...")
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?:\[[^\]\n]{1,25}\])*(?:(?<=[a-z][.!?])\d{1,3}(?=\s+[\"'“(\[]?[A-Z]))?"
    r"[\"'”’)]*\s+(?=[\"'“(\[]?[A-Z0-9])"
)
# A line break ends a sentence when the next line opens with a capital, a digit or a bullet and the
# line before it is short or does not end in a word that runs on ("Signatories 108" / "Parties 112").
_LINE_END = re.compile(r"[ \t]*\n[ \t]*(?=[|*\-–•]|[A-Z0-9\[])")
_LABEL_LINE = re.compile(LABEL_COLON)
# No sentence a person writes is longer than this (the evaluation set's longest is 1,316 characters): a
# longer run without a full stop (a list joined by semicolons, a page without punctuation) is cut into
# pieces of at most this many characters, at a semicolon, else a comma, else a space, so that what the
# stages do within a sentence stays bounded and the reader linear in the text.
LONGEST_SENTENCE = 2000


def split_paragraphs(text: str) -> list[Span]:
    """(start, end) of each paragraph: blocks separated by a blank line, and a long line of prose that ends a
    sentence at its line break (a page copied with one line a paragraph and no blank line between)."""
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[start : m.start()].strip():
            spans.extend(_prose_lines(text, start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.extend(_prose_lines(text, start, len(text)))
    return spans


def _prose_lines(text: str, start: int, end: int) -> list[Span]:
    """The block (start, end) cut after each line of at least PROSE_LINE characters that ends a sentence,
    and after a heading over such a line (a short line with no stop: "South Sudan becomes 195th State to
    ratify Convention on the Rights of the Child" over its story's first paragraph)."""
    cuts = [
        (m.start(), m.end())
        for m in _PROSE_LINE_END.finditer(text, start, end)
        if m.start() - max(text.rfind("\n", start, m.start()) + 1, start) >= PROSE_LINE
    ]
    # (from the start of the block's first line: a block may start after its first line's indent)
    for m in _HEADING_OVER_PROSE.finditer(text, text.rfind("\n", 0, start) + 1, end):
        cuts.append((m.end("heading"), m.end("heading") + 1))
    spans = []
    for a, b in sorted(cuts):
        if a > start and text[b:end].strip():
            spans.append((start, a))
            start = b
    spans.append((start, end))
    return spans


# A heading's line (under 160 characters, no stop, comma, colon or semicolon at its end) over a line of prose
# at least PROSE_LINE long that ends a sentence.
_HEADING_OVER_PROSE = re.compile(
    r"(?m)^(?P<heading>[ \t]*(?=[\w\"“‘'(])[^\n]{1,159}?[\w)\"”’'])[ \t]*\n"
    rf"(?=[^\n]{{{PROSE_LINE},}}[.!?][\"”’)]*[ \t]*(?:\n|$))"
)


def _is_sentence_end(text: str, p_start: int, cut: int) -> bool:
    if text.endswith("...", max(p_start, cut - 3), cut) and re.match(r"[.\s]*\d", text[cut : cut + 40]):
        return False  # dot leaders before a list's figure: "ICESCR ........ 160"
    window = text[max(p_start, cut - _ABBREVIATION_WINDOW) : cut]
    if _ABBREVIATIONS.search(window):
        return False  # "e.g. The", "Art. 5"
    if _ABOUT.search(window) and re.match(r"[ \t]*\d", text[cut : cut + 4]):
        return False  # "ratified by c. 110 countries", "ca. 110", "approx. 110"
    # A list number "1. Prohibition": one or two digits after a space, a full stop or the paragraph's start.
    m = _LIST_NUMBER.search(text, max(p_start, cut - 3), cut)
    if m is None:
        return True
    before = m.start() - 1
    if before >= p_start and text[before] in " \t":
        # "bringing the number to 43. The Treaty": a count ends its sentence after a word; a list's number
        # follows a line's start, a colon or a stop ("as follows: 1. Prohibition")
        word = text[p_start:before].rstrip(" \t")
        if word and (word[-1].isalnum() or word[-1] in ",)"):
            return True
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
            line = text[max(p_start, text.rfind("\n", p_start, m.start()) + 1) : m.start()].strip()
            # (a line that opens with a label and its colon is an item of its own: "Optional Protocol: 90";
            # so is one that opens with a bullet: "• 196 States parties ..." / "• The US signed in 1995")
            if (
                len(line) < 60
                or not re.search(r"[A-Za-z,;]$", line)
                or _LABEL_LINE.match(text, m.end())
                or text[m.end() : m.end() + 1] in ("•", "▪", "◦")
            ):
                cuts.append((m.start(), m.end()))
        start = p_start
        for a, b in sorted(set(cuts)):
            if a < start:
                continue
            spans.append((start, a))
            start = b
        spans.append((start, p_end))
    return [piece for s, e in spans if text[s:e].strip() for piece in _bounded(text, s, e)]


# A page's navigation before its heading: "Skip to main content", "Menu", "Home | News" (short, no figure).
_CHROME = re.compile(r"[^\w\d]*(?:[^\W\d]+[^\w\d]+){0,3}(?:[^\W\d]+)?[^\w\d]*")


def is_chrome(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a page's chrome (navigation, a byline, a photo credit): short, with no figure?"""
    return _CHROME.fullmatch(text, start, end) is not None or (
        _SITE_NOTICE.search(text, start, end) is not None and not re.search(r"\d", text[start:end])
    )


# A site's notice about itself: "We use cookies to improve your experience", "Subscribe to our newsletter".
_SITE_NOTICE = re.compile(
    r"\b(?:cookies|subscribe\s+(?:to\s+our|now|for\s+free)|newsletter|sign\s+in|log\s+in|javascript|"
    r"privacy\s+policy|terms\s+of\s+use)\b",
    re.I,
)


def first_sentence_end(text: str, spans: Sequence[Span]) -> int:
    """Where the text's heading or first sentence ends, past the navigation a copied page opens with."""
    return next((e for s, e in spans if not is_chrome(text, s, e)), spans[-1][1] if spans else 0)


def navigation_lines(text: str) -> int:
    """How many lines at the text's head are a page's navigation (blank, or short with no figure)."""
    lines = text.split("\n", 20)[:20]
    return next(
        (i for i, line in enumerate(lines) if line.strip() and not is_chrome(line, 0, len(line))), len(lines)
    )


def _bounded(text: str, start: int, end: int) -> list[Span]:
    """The sentence (start, end) as it is, or, when longer than LONGEST_SENTENCE, cut into pieces no
    longer: each at the last semicolon of its second half, else the last comma, else the last space."""
    pieces = []
    while end - start > LONGEST_SENTENCE:
        lo, hi = start + LONGEST_SENTENCE // 2, start + LONGEST_SENTENCE
        cut = next((i for i in (text.rfind(x, lo, hi) for x in ";, ") if i >= 0), hi - 1)
        pieces.append((start, cut + 1))
        start = cut + 1
    return [*pieces, (start, end)]


# A relative clause of a past act set off by commas, still open where a date stands: "China, which announced
# its plans in September, becomes the 107th party" (the date is the act's, not the count's after it; not "the
# report, which covers the period up to the end of last year, records that 182 States").
# "The CTBT, adopted by the UN General Assembly on September 10, 1996, was signed by 185": a participle's
# aside, its date the adoption's.
_ASIDE_OPEN = re.compile(
    r",\s*(?:(?:which|who)\b[^,;.]*?\b[a-z]+ed\b|(?:adopted|concluded|negotiated|drafted|approved|opened)\s+"
    r"(?:by|in|on|at|for)\b)[^,;.]*$",
    re.I,
)


# Where a clause of its own opens after a comma or a dash: ", which opened yesterday", "— which came into
# force in 2014", " - which".
CLAUSE_MARK = r"(?:,|\s*[–—]|\s+-(?=\s))\s*"

# An aside between dashes inside a clause, and the space after it: "have now – as of last week – ratified".
DASH_ASIDE = r"[–—]\s[^–—.\n]{1,40}\s[–—]\s+"


def in_aside(text: str, start: int, end: int, pos: int, lo: int = 0) -> bool:
    """Is [start, end) in an aside (a relative clause of a past act, a participle's) closed before `pos`?"""
    return end <= pos and bool(_ASIDE_OPEN.search(text, max(lo, start - 80), start)) and "," in text[end:pos]


def after_last(text: str, stops: str, pos: int) -> int:
    """Just after the last of the characters `stops` before `pos`: where its clause starts. Only the
    LONGEST_SENTENCE characters before `pos` are looked at (the start of that window when none is there), so
    that asking for every figure of a long text costs no more than the text."""
    lo = max(0, pos - LONGEST_SENTENCE)
    return max(lo, *(text.rfind(x, lo, pos) + 1 for x in stops))


def before_next(text: str, stops: str, pos: int) -> int:
    """The first of the characters `stops` at or after `pos`: where its clause ends. Only LONGEST_SENTENCE
    characters are looked at (the end of that window, or of the text, when none is there)."""
    hi = min(len(text), pos + LONGEST_SENTENCE)
    return min((i for i in (text.find(x, pos, hi) for x in stops) if i >= 0), default=hi)


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

    def before(self, pos: int, within: Span) -> Span | None:
        """The span just before the one holding `pos`, when it lies inside `within` (a sentence's
        paragraph); else None."""
        i = self.index(pos)
        if i < 1 or self.spans[i - 1][0] < within[0]:
            return None
        return self.spans[i - 1]


class Cover:
    """The positions inside any of some spans, which may overlap (dates and titles): found by bisection over
    their union."""

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[Span] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        self._spans = merged
        self._starts = [a for a, _ in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._spans[i][1]


class Lines:
    """1-based line numbers of positions, by bisection over the line breaks."""

    def __init__(self, text: str) -> None:
        self._breaks = [m.start() for m in re.finditer("\n", text)]

    def line(self, pos: int) -> int:
        return bisect_right(self._breaks, pos - 1) + 1


__all__ = [
    "LONGEST_SENTENCE",
    "Cover",
    "Lines",
    "Span",
    "DASH_ASIDE",
    "Spans",
    "after_last",
    "before_next",
    "in_aside",
    "split_paragraphs",
    "split_sentences",
]
