"""Treaty linking in the claim reader: which treaty a count speaks of, from the titles, names and generic
references around it (pipeline/claims/treaties.py and references.py find them).

In order of preference: a treaty named right after the count ("71 signatories to the Optional Protocol");
a title or name in its own sentence before the number (not a treaty outside the UN's collection when a
generic reference follows it); the treaty a generic reference in its sentence points back to ("the
Optional Protocol", "its Optional Protocol", "the treaty"; not one in a clause of time told before the
count's clause: "when the Convention does, and after 10 ratifications"); a title later in its sentence,
when told before any reference there; the nearest mention before it; the first mention after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from pipeline.claims.model import WRITTEN_ON, Claim
from pipeline.claims.names import is_outside
from pipeline.claims.pairs import DIGITS_RUN as _RESPECTIVE_RUN
from pipeline.claims.protocols import GLOSS
from pipeline.claims.references import in_subordinate_clause, kind_matches, resolve_ref
from pipeline.claims.sentences import LONGEST_SENTENCE, Span, navigation_lines
from pipeline.claims.treaties import TitleIndex, TreatyMention

# How far back a generic reference looks for the treaty it points to ("the Protocol" -> the last
# protocol named): enough for any article, and it keeps the look-up bounded on a long text.
_LOOKBACK = 60

# What joins a count to the treaty named right after it: "126 signatories to the Convention",
# "177 ratifications to the CRPD", "92 ratifications to its Optional Protocol", "party to the protocol".
# "168 States had ratified or acceded to the Optional Protocol": the verb's other half first.
_RIGHT_AFTER = re.compile(
    r"^[ \t]*(?:(?:or|and)[ \t]+(?:acceded|ratified|joined|signed|adhered)[ \t]+)?"
    r"(?:(?:to|of|for|under|in|by|with)[ \t]+)?(?:(?:the|its)[ \t]+)?$",
    re.I,
)

Ref = tuple[int, int, str, str, str]  # start, end, kind, determiner, as said


class Mentions:
    """The text's treaty mentions and generic references, found around a position by bisection."""

    def __init__(self, mentions: Sequence[TreatyMention], refs: Sequence[Ref]) -> None:
        # A bracketed gloss inside a title (protocols.without_glosses) is never the treaty a count names;
        # a generic reference ("the Convention") may still point back to it.
        self.referable = list(mentions)
        self.referable_ends = [m.end for m in self.referable]
        self.mentions = [m for m in mentions if m.via != GLOSS]
        self.starts = [m.start for m in self.mentions]
        self.ends = [m.end for m in self.mentions]
        self.refs = list(refs)
        self.ref_starts = [r[0] for r in self.refs]
        self.in_brackets: list[bool] | None = None  # for each referable mention (links._antecedents)

    def starting(self, lo: int, hi: int) -> list[TreatyMention]:
        return self.mentions[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def ending_by(self, pos: int) -> list[TreatyMention]:
        """Mentions that end at or before `pos`, the last _LOOKBACK of them (mentions do not overlap)."""
        n = bisect_left(self.ends, pos + 1)
        return self.mentions[max(0, n - _LOOKBACK) : n]

    def refs_starting(self, lo: int, hi: int) -> list[Ref]:
        return self.refs[bisect_left(self.ref_starts, lo) : bisect_left(self.ref_starts, hi)]


def _respectively(
    pos: int, lo: int, hi: int, found: Mentions, text: str, index: TitleIndex
) -> tuple[str, str, str | None] | None:
    """The k-th of the figures told together with "respectively" counts the k-th of as many different
    treaties named (or referred to: "the Convention and its Optional Protocol") before them in the
    sentence, else after them ("ratified by 105 and 101 States respectively: the first, on ..."), else
    between ("196 and 189 have ratified the CRC and CEDAW respectively"): (mtdsg_no, as said, via)."""
    for m in _RESPECTIVE_RUN.finditer(text, lo, hi):
        starts = [m.start() + x.start() for x in re.finditer(r"\b(?!(?:19|20)\d\d\b)\d[\d,]*", m.group(0))]
        if pos not in starts:
            continue
        for a, b in ((lo, m.start()), (m.end(), hi), (starts[-1], m.end())):
            named = _named_in(a, b, found, text, index, len(starts))
            if len(named) == len(starts):
                return named[starts.index(pos)]
        return None
    return None


def _named_in(
    lo: int, hi: int, found: Mentions, text: str, index: TitleIndex, wanted: int
) -> list[tuple[str, str, str | None]]:
    """The different treaties named or referred to between lo and hi, in order; when more than `wanted`,
    without a parent named in its protocols' title ("the two Optional Protocols to the CRC, on X and on
    Y, ... by 173 and 178 States respectively")."""
    told: list[tuple[int, str, str, str | None]] = [
        (t.start, t.mtdsg_no, t.text, t.via) for t in found.starting(lo, hi)
    ]
    for r_start, _, kind, det, said in found.refs_starting(lo, hi):
        if any(t.start <= r_start < t.end for t in found.starting(lo, hi)):
            continue  # a reference inside a title
        resolved = resolve_ref(kind, det, _antecedents(found, r_start, text), index)
        if resolved:
            told.append((r_start, resolved, said, None))
    named: list[tuple[str, str, str | None]] = []
    for _, no, said, via in sorted(told, key=lambda x: x[0]):
        if all(no != n[0] for n in named):
            named.append((no, said, via))
    if len(named) > wanted:
        nos = {n[0] for n in named}
        named = [n for n in named if not any(index.parent_of(o) == n[0] for o in nos)]
    return named


def link(
    pos: int,
    sentence: Span,
    found: Mentions,
    index: TitleIndex,
    end: int,
    text: str,
    start: int | None = None,
) -> tuple[str | None, str | None, str, str | None]:
    """(mtdsg_no, how the text names it, link, via) for a claim whose number starts at `pos` (its phrase at
    `start`)."""
    lo, hi = sentence
    semi = text.rfind(";", lo, pos)
    if semi >= 0 and any(";" not in text[pos : m.start] for m in found.starting(pos, hi)):
        # "... adopted the ICCPR and the ICESCR in 1966; and\nWhereas, 167 countries have ratified ... the
        # ICCPR": a clause after a semicolon that names its own treaty is a sentence of its own
        lo = semi + 1
    paired = _respectively(pos, lo, hi, found, text, index)
    if paired is not None:
        return paired[0], paired[1], "named", paired[2]
    # A treaty named inside the count phrase, before the number, is the one it counts: "the total number
    # of countries ratifying the Optional Protocol to 10", "the number of signatories for the Protocol to 70".
    if start is not None and start < pos:
        inside = [m for m in found.starting(start, pos) if m.end <= pos]
        inside_refs = [r for r in found.refs_starting(start, pos) if r[1] <= pos]
        if inside and (not inside_refs or inside[-1].start > inside_refs[-1][0]):
            return inside[-1].mtdsg_no, inside[-1].text, "named", inside[-1].via
        if inside_refs:
            r_start, _, kind, det, said = inside_refs[-1]
            resolved = resolve_ref(kind, det, _antecedents(found, r_start, text), index)
            if resolved:
                return resolved, said, "reference", None
    # A treaty named right after the count phrase is the one it counts, whatever came before.
    after_named = [m for m in found.starting(end, hi) if _RIGHT_AFTER.match(text[end : m.start])]
    after_refs = [r for r in found.refs_starting(end, hi) if _RIGHT_AFTER.match(text[end : r[0]])]
    if after_named:
        m = after_named[0]
        return m.mtdsg_no, m.text, "named", m.via
    if after_refs:
        r_start, _, kind, det, said = after_refs[0]
        resolved = resolve_ref(kind, det, _antecedents(found, r_start, text), index) or _told_later(
            kind, found, r_start, index
        )
        if resolved:
            return resolved, said, "reference", None
    named = [m for m in found.starting(lo, pos) if m.end <= pos]
    if named and is_outside(named[-1].mtdsg_no) and found.refs_starting(named[-1].end, pos):
        named = []  # "the states under the NPT have signed the treaty, and 120 have ratified it"
    # "The CTBT complements the NPT, and has been ratified by 170 states": the outside treaty is an object.
    named = [m for m in named if _subject_or_inside(text, m)] or named
    if named and _ALONGSIDE.fullmatch(text, lo, named[0].start):
        # "Together with the ICCPR, adopted at the same time, the Covenant ... has been ratified by 169": the
        # subject is the reference after the aside, pointing back past it (the treaties before the sentence)
        for _r, _, kind, det, said in found.refs_starting(named[-1].end, pos):
            resolved = resolve_ref(kind, det, _antecedents(found, lo, text), index)
            if resolved and resolved not in {m.mtdsg_no for m in named}:
                return resolved, said, "reference", None
    # "The OPCAT, which complements the Convention against Torture, has 90 States Parties": a title inside
    # a relative clause told between commas is not the subject, when one is named before the clause.
    named = [m for m in named if m is named[0] or not _in_relative_clause(text, named[0].end, m.start, pos)]
    subject = (
        [r for r in found.refs_starting(lo, named[0].start) if r[2].endswith("protocol")] if named else []
    )
    if subject and _in_relative_clause(text, subject[0][1], named[0].start, pos):
        # "The Optional Protocol, adopted in 2002 to supplement the Convention against Torture, has been
        # ratified by 90 states": the subject is the protocol, its parent named in the clause about it.
        protocol = index.protocol_of(named[0].mtdsg_no)
        if protocol is not None:
            return protocol, subject[0][4], "reference", None
    if named:
        m = named[-1]
        # "The Convention entered into force in 1987; its Optional Protocol, which 90 states have ratified":
        # a protocol referred to after the last title, nearer the count, is the one counted.
        for r_start, r_end, kind, det, said in reversed(found.refs_starting(m.end, pos)):
            itself = kind in ("convention", "covenant") and _ITSELF.match(text, r_end) is not None
            if not (itself or _NEW_CLAUSE.search(text, m.end, r_start) or _SUBJECT_OF.match(text[r_end:pos])):
                continue  # "The Convention, unlike its Optional Protocol, has been ratified by 173": an aside
            if kind in ("protocol", "optional protocol") and det.lower() in ("its", "the", "this"):
                resolved = resolve_ref(kind, det, _antecedents(found, r_start, text), index)
                if resolved and resolved != m.mtdsg_no:
                    return resolved, said, "reference", None
            if itself and (resolved := index.parent_of(m.mtdsg_no)) and index.kind(resolved) == kind:
                return resolved, said, "reference", None  # "..., while the Convention itself counted 76"
        return m.mtdsg_no, m.text, "named", m.via
    # "As of 2021, the Optional Protocol has been ratified by 177" and "As of 2020, 176 states are party
    # to the protocol": a generic reference in the sentence, before the number or after it, points back
    # to the latest treaty of its kind named before it.
    # After the number, a title told before the reference is the nearer ("the twentieth state ... triggers
    # the entry into force of the Convention on X and its Protocol": the Convention).
    later = found.starting(pos, hi)
    first_later = later[0].start if later else hi
    before_refs = [r for r in found.refs_starting(lo, pos) if not in_subordinate_clause(text, lo, r[0], pos)]
    in_sentence = before_refs or found.refs_starting(pos, first_later)
    if in_sentence:
        r_start, _, kind, det, said = in_sentence[-1] if in_sentence[0][0] < pos else in_sentence[0]
        resolved = resolve_ref(kind, det, _antecedents(found, r_start, text), index) or _told_later(
            kind, found, r_start, index
        )
        if resolved:
            return resolved, said, "reference", None
    own = [r for r in found.refs_starting(lo, hi) if r[2] in ("convention", "covenant", "treaty")]
    if own and not named and (parent := _one_parent(found, text, index)):
        # "Convention (1980) | 125 | 50" over rows of its Protocols, the Convention never named: the one
        # parent of the protocols the text names
        return parent, own[0][4], "reference", None
    # "One hundred and ninety-six states are party to the CRC": named later in the same sentence; not when
    # the count's own object is "it" ("The CRC is widely ratified. 196 states have ratified it, more than
    # the Convention against Torture"): the treaty told before.
    # (nor when "It" opens the sentence: "It has since been ratified by 145 States, more than any other
    # treaty except the Convention on the Rights of the Child")
    if later and not _IT_AFTER.match(text, end) and not _IT_OPENS.fullmatch(text, lo, pos):
        return later[0].mtdsg_no, later[0].text, "named", later[0].via
    # Beyond its own sentence, a treaty outside the UN's collection speaks for a count only as the subject
    # of its sentence ("The NPT entered into force in 1970. It has 191 parties"), not named in passing
    # ("where the Treaty of Pelindaba went into effect last month. To date, 181 States have signed the pact").
    before = [m for m in found.ending_by(pos) if m.start >= lo or _subject_or_inside(text, m)]
    if before:
        return before[-1].mtdsg_no, before[-1].text, "before", before[-1].via
    after = [m for m in found.starting(pos, len(text) + 1) if _subject_or_inside(text, m)][:1]
    if after:
        return after[0].mtdsg_no, after[0].text, "after", after[0].via
    return None, None, "none", None


def _one_parent(found: Mentions, text: str, index: TitleIndex) -> str | None:
    """The one treaty whose protocols (or amendments) are all the treaties the text names, or None: by
    their titles, else by the UN's numbers ("XXVI-2-a" to "XXVI-2-d" are the family of "XXVI-2")."""
    named = {m.mtdsg_no for m in found.starting(0, len(text) + 1)}
    parents = {index.parent_of(no) or _numbered_head(no, index) for no in named}
    return parents.pop() if len(parents) == 1 and None not in parents else None


def _numbered_head(no: str, index: TitleIndex) -> str | None:
    head, _, letter = no.rpartition("-")
    return head if len(letter) == 1 and letter.isalpha() and index.kind(head) is not None else None


_IT_OPENS = re.compile(r"\W*it\s+(?:has|had|is|was|now)\b(?:(?!\s-\s)[^—–;:,(])*", re.I)
_IT_AFTER = re.compile(r"[ \t]*(?:it|them)\b", re.I)
# A sentence opening with a treaty told beside its subject: "Together with the ICCPR, ...", "Like the CRC,".
_ALONGSIDE = re.compile(
    r"\W*(?:together\s+with|along\s+with|alongside|like|unlike|as\s+with|in\s+addition\s+to)\s+(?:the\s+)?",
    re.I,
)
# Where a new clause starts, with a subject of its own: "...; its Optional Protocol", ", while the Protocol".
_NEW_CLAUSE = re.compile(r"[;:]|\b(?:while|whereas|but)\b|,\s*and\b", re.I)
# "151 countries had ratified the Convention ... and its Optional Protocol had 85 states parties", "... and
# its Optional Protocol 30 parties", "its Optional Protocol (17 parties)": the reference is the subject.
_SUBJECT_OF = re.compile(r"\s*\(\s*$|\s+(?:(?:now|ha[sd]|count(?:ed|s)|only|just|some|over)\s+)*$", re.I)
# "the Optional Protocol to the CRPD, while the Convention itself counted 76 parties", "supplements the
# Convention, to which 189 States are party": the protocol's parent, told after it and nearer the count.
_ITSELF = re.compile(
    r"\s*(?:itself\s+(?:now\s+)?(?:has|had|counts|counted|binds|bound|numbers|numbered)\b|,?\s*to\s+which\b)",
    re.I,
)
# ", which complements the Convention against Torture,": a relative clause between commas.
_RELATIVE_OPEN = re.compile(
    r",\s*(?:which|that|who|whose|adopted|signed|ratified|drafted|negotiated)\b[^,;:()]*$", re.I
)


def _antecedents(found: Mentions, pos: int, text: str) -> list[TreatyMention]:
    """What a generic reference at `pos` may point back to (the last _LOOKBACK mentions ending by it, the
    glosses among them), less the treaties named only in brackets ("an individual complaints mechanism
    (like that contained in the First Optional Protocol to the ICCPR)") when one was named outside them."""
    if found.in_brackets is None:  # once per text: each reference asks about the same mentions
        found.in_brackets = [_bracketed(text, m) for m in found.referable]
    n = bisect_left(found.referable_ends, pos + 1)
    lo = max(0, n - _LOOKBACK)
    earlier = found.referable[lo:n]
    outside = [m for m, bracketed in zip(earlier, found.in_brackets[lo:n], strict=True) if not bracketed]
    # ("The first major arms accord since the Comprehensive Test Ban Treaty of 1996, it will cover tanks":
    # a treaty named as the measure of another is never what "the treaty" points back to)
    kept = outside or earlier
    return [m for m in kept if not _compared(text, m)] if "since" in text else kept


def _compared(text: str, m: TreatyMention) -> bool:
    """Named after "the first major arms accord since the" (a plain look for "since" first: asked of every
    mention before every reference)."""
    return "since" in text[max(0, m.start - 12) : m.start] and bool(
        _SINCE_THE.search(text, max(0, m.start - 80), m.start)
    )


# "the first major arms accord since the", "the most important treaty since the": a treaty to compare with.
_SINCE_THE = re.compile(
    r"\b(?:first|biggest|largest|greatest|most\s+\w+|major)\b[^.;:]{0,50}\bsince\s+(?:the\s+)?$", re.I
)


def _bracketed(text: str, m: TreatyMention) -> bool:
    """Named inside an aside in brackets, after other words ("(like that of the First Optional Protocol)");
    not a name glossed in brackets ("the Optional Protocol on the sale of children (OPSC)")."""
    opened = text.rfind("(", max(0, m.start - 200), m.start)
    if opened < 0 or ")" in text[opened : m.start] or ")" not in text[m.end : m.end + 200]:
        return False
    return bool(re.search(r"\w", text[opened + 1 : m.start]))


def _told_later(kind: str, found: Mentions, pos: int, index: TitleIndex) -> str | None:
    """ "118 countries have signed the convention ... The Optional Protocol to the Convention on ...": a
    reference nothing before explains points to the first treaty of its kind named after it, or to the
    parent of a protocol named after it."""
    for m in found.starting(pos, pos + 5000):
        if kind_matches(kind, m.kind):
            return m.mtdsg_no
        parent = index.parent_of(m.mtdsg_no)
        if parent is not None and kind_matches(kind, index.kind(parent)):
            return parent
        # "the Optional Protocol had 33 Parties" above "(Convention on the Rights of Persons with
        # Disabilities and Optional Protocol thereto)": the protocol of the convention named after
        if kind.endswith("protocol") and (protocol := index.protocol_of(m.mtdsg_no)) is not None:
            return protocol
    return None


def _in_relative_clause(text: str, lo: int, start: int, pos: int) -> bool:
    """Is the mention at `start` inside a relative clause opened after `lo` and closed by a comma before
    `pos` (the count)?"""
    opened = _RELATIVE_OPEN.search(text[lo:start])
    return opened is not None and "," in text[start:pos]


# Where a subject stands: at the opening of a sentence or a clause ("By comparison, the NPT has", "and the
# NPT has"), not after a verb or a preposition ("complements the NPT", "where the Treaty of Pelindaba").
_SENTENCE_OPENS = re.compile(
    r"(?:^|[.!?;:]\s+|,\s*(?:(?:and|but|while|whereas)\s+)?|\b(?:and|but|while|whereas)\s+|\n)\s*(?:the\s+)?$",
    re.I,
)


def _subject_or_inside(text: str, m: TreatyMention) -> bool:
    """A UN treaty, or one outside the collection that opens its sentence or clause (its subject)."""
    return not is_outside(m.mtdsg_no) or bool(_SENTENCE_OPENS.search(text[max(0, m.start - 40) : m.start]))


# A headline is one of the text's first lines, with no full stop.
_HEAD_LINES = 4
_HEAD_END = (".", "!", "?", '"', "”", "’")


def _told_day(c: Claim) -> bool:
    """Dated by its own words or by the record (a day told in its sentence or paragraph, an act's day, "late
    yesterday" of the text's day), not by the text's day alone."""
    if c.date_source == "written-on":
        return c.claimed_on is not None and not (c.date_text or "").startswith(WRITTEN_ON)
    return c.date_source in ("sentence", "paragraph", "record")


def restated(claims: Sequence[Claim], text: str) -> list[Claim]:
    """ "Malawi and Macedonia become 22nd and 23rd countries to ratify" over "... deposited their instruments
    on 7 and 8 October respectively, becoming the 22nd and 23rd": a headline with no date of its own that
    restates a claim of the body (same figure, measure, mode, treaty; a headline may drop the body's
    qualifier: "67 countries sign" over "more than 67 countries signed") is dated as the body dates it. An
    infobox row ("Parties | 174") is no headline."""
    out = list(claims)
    # The first claim after this one with its figure, measure, mode, kind and treaty told with a day.
    later: dict[tuple[object, ...], Claim] = {}
    head = navigation_lines(text)  # (below a copied page's navigation lines)
    for i in range(len(out) - 1, -1, -1):
        c = out[i]
        same = (c.figure, c.measure, c.mode, c.kind, c.mtdsg_no)
        body = later.get(same)
        if _told_day(c):
            later[same] = c
        dated = c.date_source in ("sentence", "paragraph")
        if body is None or c.line > _HEAD_LINES + head or dated or c.source == "infobox":
            continue
        # A headline is short: a line that runs on longer than the longest sentence is none.
        line_end = text.find("\n", c.number_start, c.number_start + LONGEST_SENTENCE)
        end = len(text) if line_end < 0 and len(text) - c.number_start <= LONGEST_SENTENCE else line_end
        if end < 0 or text[c.number_start : end].rstrip().endswith(_HEAD_END):
            continue  # a line that ends a sentence is no headline
        out[i] = replace(c, claimed_on=body.claimed_on, date_text=body.date_text, date_source="body")
    return out


__all__ = ["Mentions", "Ref", "link", "restated"]
