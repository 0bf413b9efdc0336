"""A figure dated by its note: "The Convention now has 100 States Parties,[12] ..." over "[12] Status as of 1
September 2016; see ...", "... just 47 States parties,(3)" over "(3) Figure at the time of writing (June
2015).", "... accepted by 118 states;*" over "* ... all ratification figures are as of that date (May
2017)". A count the words leave dated by the text's own day (or not at all) takes the date its note tells
as the figures' date: an "as of" date, or a date in a note that says it dates figures ("status", "at the time
of writing", "last accessed", "completed")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.claims.dates import find_dates
from pipeline.claims.model import KIND_COUNT, TEXT_DAY_SOURCES, Claim

# The note's mark right after the count's words: "[12]", "(3)", "³", "*".
_MARK = re.compile(
    r"[,;.:]?[ \t]*(?:\[(?P<b>\d{1,3})\]|\((?P<p>\d{1,2})\)|(?P<s>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)|(?P<a>\*{1,3})(?!\*))"
)
# Or at the end of the count's sentence: "... the Convention on Cluster Munitions.[12]", "... Munitions.12"
# (a copied page's note number glued to the full stop).
_SENTENCE_END = re.compile(r"[^\n.!?]{0,200}?[.!?](?=\[\d|\d{1,2}\s)")
_GLUED = re.compile(r"(?P<g>\d{1,2})(?=\s)")
# A note that dates figures by a date that is not told as "as of".
_DATES_FIGURES = re.compile(
    r"\b(?:status|time\s+of\s+writing|(?:last\s+)?(?:accessed|visited|viewed)|consulted|retrieved|completed|figures?|"
    r"as\s+of|as\s+at)\b",
    re.I,
)


def _note_line(text: str, mark: re.Match[str], after: int) -> str | None:
    """The line after `after` that opens with the same mark, or None."""
    if mark.groupdict().get("g"):
        opens = rf"{mark['g']}\.?(?=\s)"
    elif mark["b"]:
        opens = rf"\[{mark['b']}\]|{mark['b']}\.(?=\s)"
    elif mark["p"]:
        opens = rf"\(?{mark['p']}\)|{mark['p']}\.(?=\s)"
    elif mark["s"]:
        opens = re.escape(mark["s"])
    else:
        opens = re.escape(mark["a"]) + r"(?!\*)"
    m = re.compile(rf"^[ \t]*(?:{opens})[ \t]*(?P<note>[^\n]+)", re.M).search(text, after)
    return m["note"] if m else None


def note_dates(claims: Sequence[Claim], text: str) -> list[Claim]:
    """Each count the words leave dated by the text's own day, dated by the note its mark points to."""
    out = []
    for c in claims:
        mark = _MARK.match(text, c.end) or _MARK.match(text, c.number_end)
        end = _SENTENCE_END.match(text, c.end)
        if mark is None and end is not None:
            mark = _MARK.match(text, end.end()) or _GLUED.match(text, end.end())
        note = (
            _note_line(text, mark, c.end)
            if mark and c.kind == KIND_COUNT and c.date_source in TEXT_DAY_SOURCES
            else None
        )
        told = find_dates(note) if note else []
        dated = [d for d in told if d.anchored and not d.event] or (
            [d for d in told if not d.event] if note and _DATES_FIGURES.search(note) else []
        )
        if dated:
            c = replace(c, claimed_on=dated[-1].on, date_text=dated[-1].text, date_source="note")
        out.append(c)
    return out


__all__ = ["note_dates"]
