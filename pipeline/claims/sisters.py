"""Sister treaties' bare counts for the claim reader (the frames stage's told-together step, pairs.py): a
protocol's or a sister treaty's count told after its parent's with its noun (and often its verb) left out,
"The CRPD has been ratified by 193 states and its Optional Protocol by 108", "The CRC has 196 parties. Its
Optional Protocol on child soldiers has 173. CEDAW has 189."; the measure is the count's before it."""

from __future__ import annotations

import re
from bisect import bisect_left

from pipeline.claims.gapped import count_before
from pipeline.claims.model import CountMatch
from pipeline.claims.numbers import DIGIT_NUMBER, WORD_NUMBER, is_year, parse_number
from pipeline.claims.sentences import Spans
from pipeline.text import MONTH_NAMES

# "The CRPD has been ratified by 193 states and its Optional Protocol by 108", "... has 172 parties, while
# its Optional Protocol has 29", "the ICCPR counted 87 contracting states and the ICESCR 92": a protocol's
# (or a sister treaty's) count told in the clause after its parent's, its noun left out (the measure is
# the count's before it).
_PROTOCOL_TOO = re.compile(
    # ("..., fewer than the Mine Ban Treaty's 164": a comparison's other side)
    # (a sentence of its own only in the count's paragraph)
    r"(?:[,;]\s*(?:and\s+|while\s+|whereas\s+|but\s+|(?:fewer|more|less)\s+than\s+)?|"
    r"\s+(?:and|while|whereas|but|than)\s+|(?P<opens>(?<=[.!?])(?![ \t]*\n[ \t]*\n)\s+))"
    r"(?P<ref>(?:(?:its|the|their)\s+(?:[\w-]+\s+){0,2}?(?:protocol|covenant|convention|amendment|treaty)\b|"
    r"(?:the\s+)?(?-i:[A-Z][A-Z-]{2,}\b))(?:['’]s\s+|[^,;.:()\d]{0,80}?(?:,\s*(?:has\s+)?|\s+(?:has|had|have|counted|counts|"
    # ("its cousin, the Convention on Cluster Munitions, has 110", "... has attracted 110")
    r"now\s+has|now\s+counts|by|has\s+(?:attracted|drawn|gained|won|secured|garnered))\s+)|"
    # "and its Optional Protocol, which opened ... in 2013, just 22": a relative clause told aside (or its
    # subject: "Its third Optional Protocol, on a communications procedure, has 17")
    # (or told by what it is: "The OPCAT, its optional protocol, has 94")
    r"[^,;.:()\d]{0,80}?,\s*(?:(?:which|that|its|their)\s+|(?:on|for|concerning|establishing|adopted)\b)[^;.:()]{1,100}?,\s*"
    r"(?:(?:now\s+)?(?:has|had|have|counts|counted|by)\s+)?|"
    # "the Convention on the Elimination of All Forms of Discrimination against Women 189", "... on Economic,
    # Social and Cultural Rights 165": its whole title (commas and all), ending in a capitalised word
    r"(?:[^;.:()\d]{0,100}?\b(?-i:[A-Z])[\w’'-]*)?(?:\s+|(?P<bracket>\s*\()(?=\s*\d{1,3}\s*\)))))"
    # (the verb left out too, right after the name: "... had 177 States Parties, while its Optional Protocol
    # 94", "the ICCPR counted 87 contracting states and the ICESCR 92")
    r"(?:only\s+|just\s+)?"
    rf"(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})(?![\w%-])(?:\s+(?:states|countries|nations|governments)\b)?"
    # what may follow the figure (bare, or "by 76 States"): the clause's end or a word that is no noun of its
    # own ("29 articles")
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:and|or|while|whereas|but|so\s+far|to\s+date|now|as\s+of|in|at|by|since)\b)",
    re.I,
)
# A number that a word before it makes a label: "... under the Convention's article 20."
# ("entered into force on September 3": a date's day)
_LABEL = re.compile(rf"\b(?:article|art\.|paragraph|para\.|annex|section|rule|{MONTH_NAMES})\.?\s*$", re.I)
# "The Convention was adopted by 107 States": a vote or a deed, no joining left out.
_NOT_JOINING = re.compile(
    r"\b(?:adopted|approved|negotiated|drafted|endorsed|supported|backed|voted|attended|co-?sponsored|opposed)\b",
    re.I,
)
# A word that may name the sister treaty (a protocol, a covenant, a convention or an acronym): a text
# without one has no such count.
_SISTER_WORD = re.compile(r"protocol|covenant|convention|amendment|\b(?-i:[A-Z]{3,})", re.I)


def protocol_too(text: str, counts: list[CountMatch], sentences: Spans) -> list[CountMatch]:
    """A protocol's bare count after its parent's count, in the same sentence or opening the next, with
    that count's measure."""
    if not _SISTER_WORD.search(text):
        return []
    out = []
    ends = sorted(c.number_end for c in counts)
    for m in _PROTOCOL_TOO.finditer(text):
        i = sentences.index(m.start("num"))
        # "The Convention has 175 parties. The Optional Protocol has 94.": its own sentence, after the count's
        told_in = (i - 1, i) if m.group("opens") is not None else (i,)
        # (no count ends before it in those sentences: no parent, found without scanning every count)
        k = bisect_left(ends, m.start() + 1)
        if k == 0 or (i >= 0 and ends[k - 1] < sentences.spans[max(0, told_in[0])][0]):
            continue
        parent = count_before(counts, m.start(), sentences=sentences, told_in=told_in)
        figure = parse_number(m.group("num"))
        if (
            parent is None
            or is_year(figure, m.group("num"))
            # ("the Mine Ban Treaty (164 States Parties) and the CCM (110)": brackets after brackets only)
            or (m.group("bracket") and not text[: parent.number_start].rstrip().endswith("("))
            or _LABEL.search(text, max(0, m.start("num") - 40), m.start("num"))
            or _NOT_JOINING.search(text, m.start("ref"), m.start("num"))
        ):
            continue
        span = (m.start("ref"), m.end())
        out.append(CountMatch.exact(text, figure, parent.measure, span, m.span("num")))
    return out


def sisters(text: str, counts: list[CountMatch], sentences: Spans) -> list[CountMatch]:
    """protocol_too, again after what it found ("The CRC has 196 parties. Its Optional Protocol ... has 173.
    CEDAW has 189."): a chain of sister treaties' bare counts, each after the one before (three at most)."""
    found: list[CountMatch] = []
    for _ in range(3):
        told = {c.number_start for c in (*counts, *found)}
        known = sorted((*counts, *found), key=lambda c: c.number_start)
        new = [c for c in protocol_too(text, known, sentences) if c.number_start not in told]
        if not new:
            break
        found += new
    return found


__all__ = ["protocol_too", "sisters"]
