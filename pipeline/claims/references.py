"""Generic references in the claim reader ("the Protocol", "its Optional Protocol", "this Convention"), the
kind of treaty a title names, and the treaty a reference points back to.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.claims.names import is_outside

if TYPE_CHECKING:
    from pipeline.claims.treaties import TitleIndex, TreatyMention


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


# Words that head a treaty's title; a generic "the Convention" refers back to a treaty of that kind.
_KINDS = (
    "optional protocol",
    "protocol",
    "convention",
    "covenant",
    "agreement",
    "treaty",
    "statute",
    "amendment",
    "charter",
    "constitution",
    "accord",
)
# ("the 2002 Optional Protocol": its year between)
GENERIC_REF = re.compile(
    r"\b(?P<det>(?:the|this)\s+(?:convention|covenant|treaty)['’]s(?=\s+(?:optional\s+)?protocol)|"
    # "the 160 States that have ratified the parent treaty": the parent of the protocol told before
    r"(?:the|its)\s+parent|the|this|that|"
    # ("An Optional Protocol allowing complaints was adopted in 2008; it has 29 parties": the parent's)
    r"said|its|an(?=\s+optional\s+protocol))\s+(?:(?:19|20)\d\d\s+)?(?P<kind>optional\s+protocol|protocol|convention|"
    # ("52 States have ratified the instrument": the treaty told before, of whatever kind)
    r"covenant|agreement|instrument|"
    # "to" before the rest of a title ("the Optional Protocol to the Convention"), not before a number or a
    # day ("signed the Protocol on that day")
    r"treaty|statute|amendment|charter|accord)\b(?!\s+(?:to|on|for|of|against|relating|concerning)\b"
    r"(?!\s+\d|\s+(?:that|this|the\s+same)\s+(?:day|date|occasion)\b))",
    re.I,
)


# A list's label at a line's start ("Optional Protocol - ratifications ...... 92", "Protocol: 46"): the
# text's protocol (or convention), as "the Optional Protocol" would be (`det` is empty).
LABEL_REF = re.compile(
    r"^[ \t*•·-]*(?P<det>)(?P<kind>optional\s+protocol|protocol|convention|covenant)"
    r"(?=[ \t]*(?:[-–—:|(]|\.{3}))",
    re.I | re.M,
)

# "the Convention's Optional Protocol", "the CRPD's Protocol": in English the head of "A's B" is B.
_POSSESSED = re.compile(r"(?:'s|s')\s+(?P<kind>" + "|".join(k.replace(" ", r"\s+") for k in _KINDS) + r")\b")


@lru_cache(maxsize=4096)
def kind_of(title: str) -> str | None:
    """The kind of treaty a title or name says it is ("optional protocol", "convention"...), or None."""
    t = _fold(title.replace("\u2019", "'"))
    possessed = _POSSESSED.search(t)
    if possessed:
        return re.sub(r"\s+", " ", possessed.group("kind"))
    first = min(
        ((t.find(k), k) for k in _KINDS if re.search(rf"\b{k}\b", t)), default=None, key=lambda x: x[0]
    )
    if first is None:
        return None
    # "Optional Protocol to the Convention": the kind is what comes first.
    pos = re.search(rf"\b{first[1]}\b", t)
    if pos:
        for k in _KINDS:
            m = re.search(rf"\b{k}\b", t)
            if m and m.start() == pos.start():
                return k
    return first[1]


def kind_matches(ref: str, kind: str | None) -> bool:
    ref = ref.lower()
    if ref == "instrument":
        return True  # (any treaty is an instrument)
    if kind is None:
        return False
    if ref == "optional protocol":
        return kind == "optional protocol"
    if ref == "protocol":
        return kind in ("protocol", "optional protocol")
    return kind == ref


def find_generic_refs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of generic references such as "the Optional Protocol" or "this Convention"."""
    return [
        (m.start(), m.end(), re.sub(r"\s+", " ", m.group("kind").lower())) for m in GENERIC_REF.finditer(text)
    ]


# "The Protocol will come into force when the Convention does, and after 10 ratifications": a treaty told
# in a clause of time or condition is what the subject is measured against, not what the count is about.
_SUBORDINATE = re.compile(r"\b(?:when|whenever|once|while|until|unless|if|before|after|than)\s+$", re.I)


def in_subordinate_clause(text: str, lo: int, ref_start: int, pos: int) -> bool:
    """Is the reference at `ref_start` the subject of a clause of time or condition ("when the Convention
    does,") that ends before the number at `pos`, with another treaty word before it in the sentence
    starting at `lo`? ("while the Convention has 196 parties": the count is in the clause, and about it.)"""
    return (
        bool(_SUBORDINATE.search(text, lo, ref_start))
        and bool(GENERIC_REF.search(text, lo, ref_start))
        and bool(re.search(r"[,;:–—]", text[ref_start:pos]))
    )


# A protocol named by its subject, its parent left out ("protocol on the sale of children"; protocol_names).
_BY_SUBJECT = re.compile(r"(?:optional\s+)?protocol\s+on\b", re.I)


def _kind_said(m: TreatyMention) -> str | None:
    """The kind of treaty a mention calls it: a common name says its own ("the Mine Ban Treaty" is a
    treaty to the reader, whatever the UN's title: "the Convention" does not point back to it)."""
    if m.via == "common name":
        return kind_of(m.text) or m.kind
    return m.kind


def _latest(
    kind: str, earlier: Sequence[TreatyMention]
) -> tuple[TreatyMention | None, TreatyMention | None, TreatyMention | None]:
    """The last mention of a treaty in the UN's collection, the last of those the reference's kind fits, and
    the last of those named by its title, not by its subject: looked for from the end, as far as needed."""
    last = same = None
    for m in reversed(earlier):
        if is_outside(m.mtdsg_no):
            continue
        if last is None:
            last = m
        if kind_matches(kind, _kind_said(m)):
            if same is None:
                same = m
            if not _BY_SUBJECT.match(m.text):
                return last, same, m
    return last, same, None


def resolve_ref(kind: str, det: str, earlier: Sequence[TreatyMention], index: TitleIndex) -> str | None:
    """The treaty "the Protocol", "its Optional Protocol", "the treaty" refers to, given earlier mentions.
    A treaty outside the UN's collection ("the five nuclear-weapon States under the NPT signed the
    treaty") is named in passing in a text about a UN treaty: a generic reference never points to it."""
    last, same, titled = _latest(kind, earlier)
    if last is None:
        return None
    if det.lower().endswith("parent"):
        return next((p for m in reversed(earlier) if (p := index.parent_of(m.mtdsg_no))), None)
    if kind in ("optional protocol", "protocol"):
        # "the Convention ... and its Optional Protocol": the protocol to the treaty just named.
        # "the Convention's Optional Protocol" says "its" with the parent's kind named.
        if det.lower() == "its" or det.endswith(("'s", "’s")) or same is None:
            protocol = index.protocol_of(last.mtdsg_no)
            if protocol:
                return protocol
    if same is not None and kind in ("optional protocol", "protocol") and _BY_SUBJECT.match(same.text):
        # "... the Optional Protocol on the involvement of children in armed conflict, and its companion
        # protocol on the sale of children. ... 109 governments have signed the protocol": a protocol named
        # in passing by its subject; "the protocol" is the one named by its title before it, if any.
        if titled is not None:
            return titled.mtdsg_no
    if same is not None:
        return same.mtdsg_no
    parent = index.parent_of(last.mtdsg_no)
    if parent and index.kind(parent) == kind:
        return parent  # "the Optional Protocol ..., while 180 have ratified the Convention itself"
    if kind == "amendment":
        # "The Convention's scope was expanded in 2001 ... ratified that amendment": the one amendment
        # to the treaty just named.
        return index.amendment_of(last.mtdsg_no)
    if kind in ("treaty", "agreement", "accord"):
        return last.mtdsg_no  # "the treaty" is any treaty: the Ottawa Convention too
    return None


def described_after_a_name(
    mentions: Sequence[TreatyMention], sentences: Sequence[tuple[int, int]]
) -> list[TreatyMention]:
    """The mentions without the descriptions told after a treaty's name in their sentence: in "The CTBT aims
    to establish a ban on all types of nuclear explosive tests", the words after "ban on" describe the CTBT
    (and their first words alone would make another treaty's name)."""
    starts = [lo for lo, _ in sentences]
    out = []
    for m in mentions:
        if m.via == "description":
            i = bisect_right(starts, m.start) - 1
            lo = starts[i] if i >= 0 else 0
            if any(o.via != "description" and lo <= o.start < m.start for o in mentions):
                continue
        out.append(m)
    return out


__all__ = [
    "described_after_a_name",
    "GENERIC_REF",
    "find_generic_refs",
    "in_subordinate_clause",
    "kind_matches",
    "kind_of",
    "resolve_ref",
]
