"""Counts told with their noun, and often their verb, left out, read from a count told just before them
(the frames stage's last step, with pairs.py): a count's series each with its own time ("106 states were
parties by the end of 1997, 141 by the end of 2000"), and a bare figure with its own verb in the past
("82 states signed the Convention and 44 signed its Optional Protocol")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.claims.measures import MEASURE_PARTIES, MEASURE_SIGNATORIES
from pipeline.claims.model import KIND_COUNT, CountMatch
from pipeline.claims.numbers import DIGIT_NUMBER, WORD_NUMBER, is_year, parse_number
from pipeline.claims.sentences import Spans
from pipeline.text import MONTH_NAMES


def count_before(
    counts: list[CountMatch],
    at: int,
    *,
    reach: int | None = None,
    sentences: Spans | None = None,
    told_in: tuple[int, ...] = (),
) -> CountMatch | None:
    """The last of `counts` that ends before `at` (within `reach` characters of it, or starting in one of the
    sentences `told_in`), when that one is a count (not a threshold); else None."""
    before = [
        c
        for c in counts
        if c.number_end <= at
        and (reach is None or at - c.number_end < reach)
        and (sentences is None or sentences.index(c.number_start) in told_in)
    ]
    return before[-1] if before and before[-1].kind == KIND_COUNT else None


# "106 states were parties by the end of 1997, 141 by the end of 2000 and 175 by the end of 2005": the
# figures of a count's series, each told with its own time (as the count itself is).
_WHEN = (
    r"(?:by|in|at)\s+(?:the\s+(?:end|close|start|beginning)\s+of\s+)?"
    rf"(?:(?:{MONTH_NAMES})\.?\s+)?(?:19|20)\d\d\b"
)
_SERIES_NEXT = re.compile(
    rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})\s+(?={_WHEN})", re.I
)
_TOLD_WHEN = re.compile(r"[^,;]*?\b" + _WHEN, re.I)
_WHEN_RE = re.compile(_WHEN, re.I)


def _after_counts(counts: list[CountMatch], sentences: Spans, reach: int = 0) -> list[tuple[int, int]]:
    """Where to look for what follows a count: from each count's number to the end of its sentence (or of
    `reach` sentences after it), merged, in order (a text is not searched where no count is told)."""
    spans: list[tuple[int, int]] = []
    for c in sorted(counts, key=lambda c: c.number_end):
        i = sentences.index(c.number_start)
        if i < 0:
            continue
        end = sentences.spans[min(i + reach, len(sentences.spans) - 1)][1]
        if spans and c.number_end <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((c.number_end, end))
    return spans


def series(text: str, counts: list[CountMatch], sentences: Spans) -> list[CountMatch]:
    """The later figures of a count's series, each with its own time, of the count's measure."""
    out = []
    for m in (m for lo, hi in _after_counts(counts, sentences) for m in _SERIES_NEXT.finditer(text, lo, hi)):
        i = sentences.index(m.start("num"))
        first = count_before(counts, m.start(), sentences=sentences, told_in=(i,))
        figure = parse_number(m.group("num"))
        if first is None or is_year(figure, m.group("num")) or not _TOLD_WHEN.match(text, first.number_end):
            continue
        when = _WHEN_RE.match(text, m.end())
        end = when.end() if when else m.end("num")
        out.append(CountMatch.exact(text, figure, first.measure, (m.start("num"), end), m.span("num")))
    return out


# "82 states signed the Convention and 44 signed its Optional Protocol", "... on that day. Forty-four signed
# the Optional Protocol": a bare figure and its verb in the past, told of a treaty, after a count told in its
# sentence or the one before.
# ("... Forty-eight states signed it, and today 78 are parties": a bare figure of those who are parties)
# ("...; 44 signed the Optional Protocol on that day", "ten fewer than the 106 bound by amended Protocol II")
_PAST_BARE = re.compile(
    rf"(?:(?<=[.!?]\s)|\band\s+|,\s*(?:and\s+)?|;\s*|\bwhile\s+|\bwhereas\s+|\bthe\s+(?=\S+\s+bound\s+by))"
    rf"(?:(?:today|now|currently)\s+)?(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})\s+(?:(?P<verb>signed|ratified|"
    r"acceded\s+to|joined|bound\s+by)\s+(?=(?:its|the|this|it|amended)\b)|"
    r"(?:are|were)\s+(?:now\s+)?(?:states\s+)?part(?:y|ies)\b(?!\s+to\s+(?:the|this)\b))",
    re.I,
)


def past_bare(text: str, counts: list[CountMatch], sentences: Spans) -> list[CountMatch]:
    """The bare figures with their verb in the past after a count, of the measure their verb tells."""
    out = []
    for m in (m for lo, hi in _after_counts(counts, sentences, 1) for m in _PAST_BARE.finditer(text, lo, hi)):
        i = sentences.index(m.start("num"))
        opens = sentences.spans[i][0] == m.start("num") if i >= 0 else False
        before = count_before(
            counts, m.start("num"), sentences=sentences, told_in=(i - 1, i) if opens else (i,)
        )
        figure = parse_number(m.group("num"))
        if before is None or is_year(figure, m.group("num")) or figure < 2:
            continue
        measure = MEASURE_SIGNATORIES if (m.group("verb") or "").lower() == "signed" else MEASURE_PARTIES
        out.append(CountMatch.exact(text, figure, measure, (m.start("num"), m.end()), m.span("num")))
    return out


# "169 States are parties to the ICCPR and 165 to the ICESCR": a bare figure and "to" another treaty after a
# count of those party to one, its verb and noun left out.
_AND_TO = re.compile(
    rf"(?:,\s*(?:and\s+|while\s+)?|\s+(?:and|while)\s+)(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})\s+to\s+(?:the|its)\s+",
    re.I,
)
_PARTY_TO = re.compile(r"\b(?:part(?:y|ies)|signator(?:y|ies)|acceded)\s+to$", re.I)


def told_after(
    text: str, counts: list[CountMatch], sentences: Spans, pattern: re.Pattern[str]
) -> Iterator[tuple[re.Match[str], CountMatch, int]]:
    """(match, the count before it in its sentence, figure) for each bare figure `pattern` finds after a
    count, not a year."""
    for m in (m for lo, hi in _after_counts(counts, sentences) for m in pattern.finditer(text, lo, hi)):
        i = sentences.index(m.start("num"))
        before = count_before(counts, m.start("num"), sentences=sentences, told_in=(i,))
        figure = parse_number(m.group("num"))
        if before is not None and not is_year(figure, m.group("num")):
            yield m, before, figure


def and_to(text: str, counts: list[CountMatch], sentences: Spans) -> list[CountMatch]:
    """The bare figures "and 165 to the ICESCR" after a count told "party to" a treaty in its sentence."""
    return [
        CountMatch.exact(text, figure, before.measure, m.span("num"), m.span("num"))
        for m, before, figure in told_after(text, counts, sentences, _AND_TO)
        if _PARTY_TO.search(before.phrase)
    ]


# "Although 167 states have ratified the ICCPR, only 115 have accepted the right of individual petition under
# its First Optional Protocol": those that accepted what a protocol offers are its parties.
_ACCEPTED_UNDER = re.compile(
    rf"(?:,\s*(?:but\s+|yet\s+|while\s+)?|\s+(?:and|but|yet|while)\s+)(?:only\s+|just\s+)?"
    rf"(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})\s+(?:(?:states|countries)\s+)?(?:have|had|has)\s+(?:also\s+)?"
    r"accepted\s+[^.;:]{0,80}?(?=\bunder\s+(?:its|the)\s+(?:first\s+|1966\s+)?optional\s+protocol\b)",
    re.I,
)


def accepted_under(text: str, counts: list[CountMatch], sentences: Spans) -> list[CountMatch]:
    """The bare figures "only 115 have accepted ... under its First Optional Protocol" after a count of
    parties in their sentence: parties (of the protocol named after them)."""
    return [
        CountMatch.exact(text, figure, MEASURE_PARTIES, (m.start("num"), m.end()), m.span("num"))
        for m, before, figure in told_after(text, counts, sentences, _ACCEPTED_UNDER)
        if before.measure == MEASURE_PARTIES
    ]


# "The ICCPR has 173 States parties; the ICESCR, 171.": a treaty and a bare figure after a semicolon, the
# count's verb and noun left out.
_SEMICOLON_GAP = re.compile(
    rf";\s*(?:and\s+)?(?:the|its)\s+(?!(?:first|second|third|former|latter)\b)[^;.:()]{{2,120}}?,\s*(?:(?:only|just|some)\s+)?"
    rf"(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})(?=\s*(?:[.;]|$))",
    re.I,
)


def semicolon_gap(text: str, counts: list[CountMatch], sentences: Spans) -> list[CountMatch]:
    """The bare figures "; the ICESCR, 171." after a count in their sentence, of its measure."""
    return [
        CountMatch.exact(text, figure, before.measure, m.span("num"), m.span("num"))
        for m, before, figure in told_after(text, counts, sentences, _SEMICOLON_GAP)
    ]


# "the earlier ratification of the treaty by 50 states (now 51!)": today's figure of the count (or of the
# threshold) just told, in brackets after its number and noun.
_NOW_IN_BRACKETS = re.compile(
    rf"\b(?:{DIGIT_NUMBER}|{WORD_NUMBER})\s+(?P<noun>states|countries|nations|parties|ratifications|signatories|"
    r"signatures)\s*\(\s*(?:and\s+|but\s+)?(?P<now>now)\s+(?:(?:some|about|over|more\s+than)\s+)?"
    rf"(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})\s*!?\s*\)",
    re.I,
)


def now_in_brackets(text: str, counts: list[CountMatch]) -> list[CountMatch]:
    """The figures "(now 51)" right after a number and its noun: of the measure of the count told there, or
    of the noun's (a threshold's "50 states" are parties)."""
    low = text.lower()
    if "(now" not in low and "( now" not in low:
        return []
    out = []
    for m in _NOW_IN_BRACKETS.finditer(text):
        figure = parse_number(m.group("num"))
        if is_year(figure, m.group("num")):
            continue
        told = [c for c in counts if c.number_start < m.start("noun") <= c.end + 1]
        signed = m.group("noun").lower().startswith("signat")
        measure = told[-1].measure if told else MEASURE_SIGNATORIES if signed else MEASURE_PARTIES
        out.append(CountMatch.exact(text, figure, measure, (m.start("now"), m.end()), m.span("num")))
    return out


__all__ = [
    "accepted_under",
    "and_to",
    "count_before",
    "now_in_brackets",
    "past_bare",
    "semicolon_gap",
    "series",
    "told_after",
]
