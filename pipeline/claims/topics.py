"""The treaty a text is about by its subject, for counts no title or name links: "Only 129 of the 189
member states are party to the Convention" in a text about torture, whose title was cut from the page. A
text's subject is its treaty when the words of exactly one treaty's subject (topics.csv: "torture",
"cluster munitions", "rights of the child") appear in it; a text with the words of two has none, unless
they are a treaty's and its protocols' ("children's rights", "child soldiers": the treaty's). Only a
count whose sentence speaks of a convention, treaty, covenant or its parties is linked so, and the report
says how ("the treaty whose subject the text names: torture").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Protocol

from pipeline.claims.model import Claim
from pipeline.claims.references import find_generic_refs
from pipeline.mtdsg import normalise as normalise_mtdsg_no

TOPICS_CSV = Path(__file__).with_name("topics.csv")
# A sentence that speaks of a treaty without naming it: "the Convention", "the treaty", "States parties".
# (or of its acts: "It came into force in May 2008 after 20 countries ratified it")
_TREATY_TALK = re.compile(
    r"\b(?:convention|treaty|covenant|pact|accord|ban(?:s|ned)?|part(?:y|ies)|ratif\w*|signator(?:y|ies)|acce(?:ded|ssions?))\b",
    re.I,
)
# "the Optional Protocol": a protocol of the subject's treaty, which the subject alone does not tell.
_PROTOCOL = re.compile(r"\bprotocol\b", re.I)


class TopicTableError(ValueError):
    """A bad row in topics.csv (no phrase, a malformed number, a phrase given to two treaties)."""


@cache
def _topics(path: Path = TOPICS_CSV) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every phrase of topics.csv (longest first), and each folded phrase's MTDSG number."""
    owner: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), 2):
            phrase, no = (row.get("phrase") or "").strip(), (row.get("mtdsg_no") or "").strip()
            if not phrase or normalise_mtdsg_no(no) != no or owner.get(_fold(phrase), no) != no:
                raise TopicTableError(f"{path.name} line {n}: bad row {row!r}")
            owner[_fold(phrase)] = no
    words = [r"[\s-]+".join(re.escape(w) for w in p.split()) for p in sorted(owner, key=len, reverse=True)]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(words)})(?![\w-])", re.I), owner


def _fold(phrase: str) -> str:
    return " ".join(re.split(r"[\s-]+", phrase.strip().casefold()))


def protocol_by_topic(
    text: str, start: int, end: int, parent: str, index: _Protocols, *, at_start: bool = False
) -> str | None:
    """The one protocol of `parent` whose subject's words text[start:end] names ("the Optional Protocol to
    the CRC on child soldiers": the words after the parent's name; `at_start`: words that open the span),
    else None."""
    pattern, owner = _topics()
    told = [pattern.match(text, start, end)] if at_start else pattern.finditer(text, start, end)
    found = {owner[_fold(m.group(0))] for m in told if m is not None}
    ours = [no for no in found if no != parent and index.parent_of(no) == parent]
    return ours[0] if len(ours) == 1 else None


def text_subject(text: str, index: _Protocols | None = None) -> tuple[str, str] | None:
    """(MTDSG number, the subject's words as the text has them) when the text names the subject of
    exactly one treaty, or of a treaty and its protocols (the treaty's, by `index.parent_of`), else None."""
    pattern, owner = _topics()
    found: dict[str, str] = {}
    for m in pattern.finditer(text):
        found.setdefault(owner[_fold(m.group(0))], m.group(0))
    if len(found) > 1:
        # a treaty's subject and its protocols' ("children's rights" and "child soldiers"): the treaty's
        parents = {(index.parent_of(no) if index else None) or no for no in found}
        parent = next(iter(parents))
        return (parent, found[parent]) if len(parents) == 1 and parent in found else None
    return next(iter(found.items())) if found else None


class _Protocols(Protocol):
    def protocol_of(self, mtdsg_no: str) -> str | None: ...  # treaties.TitleIndex

    def parent_of(self, mtdsg_no: str) -> str | None: ...


def subject_link(
    text: str,
    sentence: tuple[int, int],
    pos: int,
    subject: tuple[str, str] | None,
    index: _Protocols,
) -> tuple[str, str] | None:
    """The treaty a count at `pos` speaks of by the text's subject, if any: the subject's treaty when its
    sentence speaks of a treaty and not of a protocol ("129 of the 189 member states are party to the
    Convention" in a text about torture); in a sentence that also speaks of a protocol, the treaty the
    generic reference the count speaks of (_counted_ref) calls "the Convention" or "the Optional
    Protocol", the latter when the subject's treaty has one optional protocol ("The number of
    States parties to the Convention stood at 177 ...; the Optional Protocol counted 95" in a report of the
    Committee on the Rights of Persons with Disabilities)."""
    if subject is None:
        return None
    said = text[sentence[0] : sentence[1]]
    if links_by_subject(said):
        return subject
    ref = _counted_ref(said, pos - sentence[0]) if _PROTOCOL.search(said) else None
    if ref is None:
        return None
    if ref[2].endswith("protocol"):
        if index.parent_of(subject[0]) is not None:
            return subject  # a subject that is a protocol's own ("child soldiers"): "the Optional Protocol"
        protocol = index.protocol_of(subject[0])
        return None if protocol is None else (protocol, subject[1])
    return subject if ref[2] in ("convention", "covenant", "treaty") else None


def _counted_ref(said: str, at: int) -> tuple[int, int, str] | None:
    """The generic reference ("the Convention", "the Optional Protocol") a count at `at` in the sentence
    `said` speaks of: in its clause, the one after the number ("and 94 States had accepted the Optional
    Protocol"), else the one before it ("the Optional Protocol counted 95"); else the nearest before the
    clause; else the first after the number."""
    refs = find_generic_refs(said)
    lo = max(said.rfind(mark, 0, at) for mark in ",;:") + 1
    ends = [i for i in (said.find(mark, at) for mark in ",;") if i >= 0]
    hi = min(ends) if ends else len(said)
    in_clause_after = [r for r in refs if at <= r[0] < hi]
    before = [r for r in refs if r[1] <= at]
    in_clause_before = [r for r in before if r[0] >= lo]
    later = [r for r in refs if r[0] >= at]
    for found in (in_clause_after[:1], in_clause_before[-1:], before[-1:], later[:1]):
        if found:
            return found[0]
    return None


def links_by_subject(sentence: str) -> bool:
    """May a count in this sentence be linked to the text's subject? When it speaks of a treaty or its
    parties, and not of a protocol."""
    return bool(_TREATY_TALK.search(sentence)) and not _PROTOCOL.search(sentence)


def banned_by_topic(claims: Sequence[Claim], index: _Protocols | None = None) -> list[Claim]:
    """ "Cluster bombs have been banned by over 100 countries" in a text that names other treaties: the
    ban of the weapon its sentence names (text_subject over the sentence), not the treaty named nearest."""
    out = []
    for c in claims:
        own = None
        if c.phrase.lower().startswith("banned") and c.link in ("before", "after", "previous"):
            own = text_subject(c.sentence, index)
        if own is not None and own[0] != c.mtdsg_no:
            c = replace(c, mtdsg_no=own[0], treaty_text=own[1], link="subject", treaty_via=None)
        out.append(c)
    return out


__all__ = [
    "TOPICS_CSV",
    "TopicTableError",
    "banned_by_topic",
    "links_by_subject",
    "protocol_by_topic",
    "subject_link",
    "text_subject",
]
