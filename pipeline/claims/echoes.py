"""A figure told again at once, for emphasis: the claim before it, told a second time.

Speech, interviews and quotes repeat a count: "As of this morning it's a hundred and ten States Parties.
A hundred and ten.", "only twenty-two states have accepted it. Twenty-two!", "Fifty-one states - fifty-one!
- have ratified it". The repeated number names no treaty and no verb; it is the same claim (the evaluation
set's conventions give each occurrence its own row), dated and linked as the one it repeats.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.claims.model import Claim, Unread
from pipeline.claims.numbers import DIGIT_NUMBER, WORD_NUMBER, parse_number
from pipeline.claims.sentences import Lines, Spans

_NUMBER = rf"(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})"
# The noun a repeated count may keep ("Forty-seven ratifications."), and how it ends: the sentence's end, a
# dash, or a list of who is counted ("Eighty-three, including the United Kingdom, ...").
_NOUN = (
    r"(?:\s+(?:states?[\s-]+parties|states|countries|nations|governments|ratifications|parties|signatories))?"
)
_ENDS = r"\s*(?:[.!?…]|[—–]|,\s*(?:including|among\s+them|among\s+which)\b)"
# At a sentence's start, after an opening quote or dash.
_ECHO_OPENS = re.compile(r"[\s\"'“‘(—–-]*" + _NUMBER + _NOUN + _ENDS, re.I)
# Between dashes right after the count's noun: "Fifty-one states — fifty-one! — have ratified it".
_ECHO_ASIDE = re.compile(
    r"(?:\s+[\w-]+){0,2}(?:\s*[—–]|\s+-)\s*" + _NUMBER + r"\s*[!.]?\s*(?:[—–]|-\s)", re.I
)

# Told first bare, closing the sentence before the count: "We're at forty-seven. Forty-seven ratifications."
_ECHO_CLOSES = re.compile(
    r"(?:^|(?<=\s))(?:(?:at|is|it's|it’s|that's|that’s|was|now|reached|hit)\s+)" + _NUMBER + r"\s*[.!?…]\s*$",
    re.I,
)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# A numbered paragraph or item at a line's start ("2. The Committee held ..."): no echo.
_ITEM = re.compile(r"[ \t]*\d+[.)]")


def _echo_before(text: str, claim: Claim, sentences: Spans) -> re.Match[str] | None:
    """The number `claim` repeats, told bare at the end of the sentence before the one it opens."""
    i = sentences.index(claim.number_start)
    if i < 1 or text[sentences.spans[i][0] : claim.start].strip(" \t\"'“‘—–-"):
        return None
    start, end = sentences.spans[i - 1]
    if _PARAGRAPH_BREAK.search(text, end, sentences.spans[i][0]):
        return None  # a paragraph apart
    return _ECHO_CLOSES.search(text, max(start, end - 80), end)


def _echo_at(text: str, claim: Claim, sentences: Spans) -> re.Match[str] | None:
    """The number repeating `claim` in the sentence right after its own, or in a dash aside after it."""
    aside = _ECHO_ASIDE.match(text, claim.number_end)
    if aside is not None:
        return aside
    i = sentences.index(claim.number_start)
    if i < 0 or i + 1 >= len(sentences.spans):
        return None
    lo = sentences.spans[i][1]
    start, end = sentences.spans[i + 1]
    if _PARAGRAPH_BREAK.search(text, lo, start):
        return None  # a paragraph apart
    return _ECHO_OPENS.match(text, start, end)


def echoes(
    text: str, claims: Sequence[Claim], unread: Sequence[Unread], sentences: Spans, lines: Lines
) -> tuple[list[Claim], list[Unread]]:
    """The claims with each repeated at once told again as a claim of its own, and the unread figures less
    those repeats."""
    out = list(claims)
    taken = {c.number_start for c in out}
    i = 0
    while i < len(out):
        c = out[i]
        i += 1
        m = _echo_at(text, c, sentences)
        if m is None or m.start("num") in taken:
            m = _echo_before(text, c, sentences)
        if m is None or m.start("num") in taken or c.figure < 2:
            continue
        try:
            figure = parse_number(m.group("num"))
        except ValueError:
            continue
        a, b = m.start("num"), m.end("num")
        if figure != c.figure or _ITEM.match(text, text.rfind("\n", 0, a) + 1):
            continue
        sentence = sentences.containing(a)
        echo = replace(
            c,
            phrase=text[a:b],
            start=a,
            end=b,
            number_start=a,
            number_end=b,
            line=lines.line(a),
            link="previous",  # (told: "the treaty of the claim before it")
            sentence=re.sub(r"\s+", " ", text[sentence[0] : sentence[1]].strip()) or c.sentence,
        )
        taken.add(a)
        j = i - 1 if a < c.number_start else i
        while a > c.number_start and j < len(out) and out[j].number_start < a:
            j += 1
        out.insert(j, echo)  # (in the text's order; an echo may be echoed in turn: "Eight. Eight.")
        i += j < i
    return out, [u for u in unread if u.start not in taken]


__all__ = ["echoes"]
