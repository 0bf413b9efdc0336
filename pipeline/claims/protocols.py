"""Protocol before parent in the treaty stage: the words around a treaty's name that make it the name of one
of its optional protocols ("the Optional Protocol to the Convention against Torture", "the CRPD's Optional
Protocol", "its Second Optional Protocol", "the Optional Protocol to the Convention" after a title)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from pipeline.claims.references import resolve_ref
from pipeline.claims.topics import protocol_by_topic
from pipeline.text import UNIT_ORDINALS, parse_ordinal

if TYPE_CHECKING:  # treaties.py calls this module from its index
    from pipeline.claims.treaties import TitleIndex, TreatyMention

_PROTOCOL_KINDS = ("optional protocol", "protocol")
# The words that make the treaty named next the parent of the protocol meant.
_NTH = r"first|second|third|fourth|1st|2nd|3rd|4th"
# How the UN's titles write a rank: "Second Optional Protocol to ..." (the first has none).
_RANK_WORDS = {n: w for w, n in UNIT_ORDINALS.items()}
_RANK_BEFORE = re.compile(rf"\b(?P<nth>{_NTH})\s+$", re.I)
# What a protocol is called for by what it does: "the complaints protocol", "the CRPD protocol", "its
# prevention protocol" (the parent's one optional protocol; a parent of several needs a rank).
_DOES = r"(?:(?:individual\s+)?complaints?|communications?|petitions?|prevention|inspections?)"
_PROTOCOL_TO = re.compile(
    # (its short name glossed in brackets: "the Optional Protocol (OP) to the CRPD")
    rf"(?:\b(?P<nth>{_NTH})\s+)?(?P<op>optional\s+protocol|(?:{_DOES}\s+)?protocol|OP)(?:\s*\((?-i:[A-Z][\w-]{{1,8}})\))?"
    r"\s+(?:to|of)\s+(?:the\s+)?"
    r"(?:united\s+nations\s+|un\s+|u\.n\.\s+)?$",
    re.I,
)
# "the Convention on the Rights of Persons with Disabilities' Optional Protocol", "the ICCPR's Second
# Optional Protocol": the words after a treaty's name.
_PROTOCOL_AFTER = re.compile(
    rf"(?:['’]s?)?\s+(?:(?P<nth>{_NTH})\s+)?(?:optional\s+|{_DOES}\s+)?protocol\b(?!\s+(?:to|on|of|for)\b)",
    re.I,
)
# "the Optional Protocol to the Convention": a generic reference inside a protocol's name.
# "its Second Optional Protocol", "the First Optional Protocol": the parent's protocol of that rank.
_PROTOCOL_TO_REF = re.compile(
    rf"\b(?:the|its|this)\s+(?P<op>(?:(?P<nth>{_NTH})\s+)?optional\s+protocol)(?:\s+(?:to|of)\s+"
    r"(?:the|this|that)\s+(?P<kind>convention|covenant|treaty)\b)?"
    # (a rank tells which, whatever subject follows: "its third Optional Protocol on communications")
    r"(?!['’])(?(nth)|(?!\s+(?:on|for|of|against|relating|concerning|to|and)\b))",
    re.I,
)


# "Amended Protocol II of the CCW", "Protocol V on Explosive Remnants of War to the Convention on Certain
# Conventional Weapons", "the CCW's Protocol IV": a protocol the parent's title numbers in Roman figures.
_ROMAN = (
    r"(?P<am>amended\s+)?protocol\s+(?P<roman>[IVX]{1,4})\b"
    r"(?P<as>,?\s+as\s+amended\b(?:\s+on\s+\d{1,2}\s+\w+\s+\d{4})?)?"
)
_ROMAN_TO = re.compile(
    _ROMAN + r"(?:\s+on\s+[\w\s,-]{1,60}?)?,?\s+(?:to|of|annexed\s+to)\s+(?:the\s+)?$", re.I
)
_ROMAN_AFTER = re.compile(r"['’]s?\s+" + _ROMAN, re.I)


def numbered_protocol(index: TitleIndex, parent: str, roman: str, amended: bool) -> str | None:
    """The protocol of `parent` whose UN title numbers it "(Protocol <roman>" (as amended, or not), or None:
    "Protocol II" alone is the Convention's own original protocol, not its amended one."""
    titles = {t.mtdsg_no: t.title for t in index.treaties}
    if parent not in titles:
        return None
    # the parent's title without its closing bracket ("(with Protocols I, II and III)"), inside each of its
    # protocols' titles ("Protocol on Explosive Remnants of War to the Convention on ...")
    core = _folded(re.sub(r"\s*\([^()]*\)\s*$", "", titles[parent]))
    found = []
    for no, raw in titles.items():
        title = _folded(raw)
        if no == parent or core not in title:
            continue
        m = re.search(rf"\bprotocol {roman.lower()}\b(?P<as> as amended)?", title)
        if m and bool(m.group("as")) == amended:
            found.append(no)
    return found[0] if len(found) == 1 else None


def protocol_first(index: TitleIndex, text: str, mention: TreatyMention) -> TreatyMention:
    """ "the Optional Protocol to the [United Nations] Convention against Torture", "the CRPD's Optional
    Protocol": the words before or after a treaty's name make it the name of its one optional protocol."""
    if mention.kind in _PROTOCOL_KINDS:
        # "the third Optional Protocol to the Convention on the Rights of the Child": the words the three
        # protocols' titles share, and the rank before them that tells which.
        rank = _RANK_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        parent = index.parent_of(mention.mtdsg_no)
        told = _by_topic(index, text, mention.end, parent, near=True) if parent and rank is None else None
        if told is not None and told != mention.mtdsg_no:
            # "the Optional Protocol to the Convention on the Rights of the Child on child soldiers": the
            # words the protocols' titles share, read as one of them, then the subject that tells which
            return replace(mention, mtdsg_no=told, kind=index.kind(told))
        protocol = index.protocol_of(parent, rank.group("nth")) if rank and parent else None
        if rank is None or protocol is None:
            return mention
        return replace(mention, mtdsg_no=protocol, start=rank.start(), text=text[rank.start() : mention.end])
    roman = _ROMAN_TO.search(text, max(0, mention.start - 120), mention.start)
    if roman is None:
        roman = _ROMAN_AFTER.match(text, mention.end)
    if roman is not None:
        amended = bool(roman.group("am") or roman.group("as"))
        protocol = numbered_protocol(index, mention.mtdsg_no, roman.group("roman"), amended)
        if protocol is not None:
            start, end = min(roman.start(), mention.start), max(roman.end(), mention.end)
            return replace(
                mention,
                mtdsg_no=protocol,
                start=start,
                end=end,
                text=text[start:end],
                kind=index.kind(protocol),
            )
    lead = _PROTOCOL_TO.search(text, max(0, mention.start - 60), mention.start)
    if lead is not None and (
        (protocol := index.protocol_of(mention.mtdsg_no, lead.group("nth") or ""))
        or (not lead.group("nth") and (protocol := _by_topic(index, text, mention.end, mention.mtdsg_no)))
    ):
        start = lead.start("nth") if lead.group("nth") else lead.start("op")
        said = text[start : mention.end]
        return replace(mention, mtdsg_no=protocol, start=start, text=said, kind=index.kind(protocol))
    after = _PROTOCOL_AFTER.match(text, mention.end)
    if after is not None and (protocol := index.protocol_of(mention.mtdsg_no, after.group("nth") or "")):
        said = text[mention.start : after.end()]
        return replace(mention, mtdsg_no=protocol, end=after.end(), text=said, kind=index.kind(protocol))
    on = _PROTOCOL_ON.match(text, mention.end)
    if on is not None and (protocol := _by_topic(index, text, on.end(), mention.mtdsg_no)):
        said = text[mention.start : on.end()]
        return replace(mention, mtdsg_no=protocol, end=on.end(), text=said, kind=index.kind(protocol))
    return mention


# "the CRC's optional protocol on child soldiers": a protocol of the treaty named before, told by its subject.
_PROTOCOL_ON = re.compile(r"['’]s?\s+(?:optional\s+)?protocol(?=\s+(?:on|concerning|regarding)\b)", re.I)


_SUBJECT_LEAD = re.compile(r"\s*(?:(?:on|the|concerning|regarding)\s+)*", re.I)


def _by_topic(index: TitleIndex, text: str, pos: int, parent: str, near: bool = False) -> str | None:
    """The protocol of `parent` whose subject the words after `pos` name, up to the clause's end ("the
    Optional Protocol to the CRC on child soldiers"; `near`: the words right after it), else None."""
    if near:  # the subject's words right after, past "on" or "the": "... of the Child on child soldiers"
        skip = _SUBJECT_LEAD.match(text, pos)
        pos = skip.end() if skip else pos
        return protocol_by_topic(text, pos, pos + 60, parent, index, at_start=True)
    stop = re.search(r"[.;:!?()]|\n", text[pos : pos + 120])
    return protocol_by_topic(text, pos, pos + (stop.start() if stop else 120), parent, index)


def nth_protocol(titles: dict[str, str], mtdsg_no: str, ordinal: str = "") -> str | None:
    """The optional protocol of `mtdsg_no` (its folded title in `titles`) of that rank ("" or "first" for the
    first): the one titled "[Second ]Optional Protocol to the <title>", else, where the UN's titles give no
    rank ("the third Optional Protocol to the Convention on the Rights of the Child"), the Nth of its
    optional protocols in the order of their numbers. None when none, or several and no rank is given."""
    if mtdsg_no not in titles:
        return None
    rank = parse_ordinal(ordinal) if ordinal else 1
    base = "optional protocol to the " + titles[mtdsg_no]
    named = [
        m for m, t in titles.items() if t.startswith(("" if rank == 1 else _RANK_WORDS[rank] + " ") + base)
    ]
    if len(named) == 1:
        return named[0]
    plain = sorted(m for m, t in titles.items() if t.startswith(base))
    return plain[rank - 1] if ordinal and len(plain) >= rank else None


def protocols_first(index: TitleIndex, text: str, mentions: list[TreatyMention]) -> list[TreatyMention]:
    """protocol_first for each mention, in text order; a mention the protocol's name now covers ("Second
    Optional Protocol" in "the ICCPR's Second Optional Protocol") is left out."""
    named = sorted((protocol_first(index, text, m) for m in mentions), key=lambda x: (x.start, -x.end))
    out: list[TreatyMention] = []
    for m in named:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def protocols_of_references(index: TitleIndex, text: str, found: list[TreatyMention]) -> list[TreatyMention]:
    """ "The Optional Protocol to the Convention has been signed by 64 countries": the one optional
    protocol of the treaty "the Convention" points back to (the last one of its kind named before); "its
    First Optional Protocol": the protocol of that rank of the last treaty named before."""
    out = list(found)
    for m in _PROTOCOL_TO_REF.finditer(text):
        if any(x.start < m.end() and m.start("op") < x.end for x in found):
            continue
        earlier = [x for x in found if x.end <= m.start()]
        if m.group("kind"):
            parent = resolve_ref(m.group("kind").lower(), "the", earlier, index)
        elif m.group("nth"):
            parents = [x for x in earlier if x.kind not in _PROTOCOL_KINDS]
            parent = parents[-1].mtdsg_no if parents else None
        else:
            continue  # "the Optional Protocol" alone: a generic reference (references.py)
        protocol = index.protocol_of(parent, m.group("nth") or "") if parent else None
        if protocol:  # a mention of the protocol, told as the words say it
            said, kind = text[m.start("op") : m.end()], index.kind(protocol)
            out.append(replace(earlier[-1], mtdsg_no=protocol, start=m.start("op"), end=m.end(), text=said))
            out[-1] = replace(out[-1], score=1.0, kind=kind, via="title")
    return sorted(out, key=lambda x: x.start)


_STOP = frozenset({"the", "and", "for", "with", "from", "into", "which", "their", "other", "such", "that"})


def siblings_by_subject(index: TitleIndex, text: str, found: list[TreatyMention]) -> list[TreatyMention]:
    """ "An international treaty to combat the sale of children ... the Optional Protocol to the Convention
    on the Rights of the Child": a title cut short where several protocols' titles share it is the one
    whose own words (those after the shared part: "sale", "prostitution", "pornography") the text names
    most, when one does; else it stays the title index's best fit."""
    cut = [m for m in found if m.via == "title" and m.score < 1.0 and m.kind in _PROTOCOL_KINDS]
    if not cut:
        return found
    titles = _word_titles(index)
    words_in_text = set(re.findall(r"[a-z]+", text.lower()))
    out = []
    for m in found:
        said = _folded(m.text)
        sharing = [no for no, t in titles.items() if t.startswith(said + " ")] if m in cut else []
        if len(sharing) > 1 and m.mtdsg_no in sharing:
            told = {
                no: len(
                    {w for w in titles[no][len(said) :].split() if len(w) > 3 and w not in _STOP}
                    & words_in_text
                )
                for no in sharing
            }
            best = max(told.values())
            if best >= 2 and list(told.values()).count(best) == 1:
                m = replace(m, mtdsg_no=max(told, key=lambda no: told[no]))
        out.append(m)
    return out


def protocol_mentions(index: TitleIndex, text: str, found: list[TreatyMention]) -> list[TreatyMention]:
    """The mentions with the protocols references name (protocols_of_references) and titles cut short
    told apart by their subject (siblings_by_subject)."""
    return siblings_by_subject(index, text, protocols_of_references(index, text, found))


# "the Optional Protocol to the Convention on ... against Women (CEDAW)": a name in brackets right after a
# title glosses the words just before it (the parent's title inside the protocol's).
GLOSS = "gloss"
_OPEN_GLOSS = re.compile(r"\s*[(\[]\s*$")
_CLOSE_GLOSS = re.compile(r"\s*[)\]]")


def without_glosses(index: TitleIndex, text: str, mentions: list[TreatyMention]) -> list[TreatyMention]:
    """Mark (via GLOSS) a short name in brackets right after a title that contains that name's treaty's
    title: it abbreviates the parent's words inside the protocol's title; the linker does not take it for
    the treaty a count names, a later "the Convention" still points back to it."""
    titles = _word_titles(index)
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[TreatyMention] = []
    for m in ordered:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.via != "title"
            and m.mtdsg_no != prev.mtdsg_no
            and _OPEN_GLOSS.fullmatch(text, prev.end, m.start)
            and _CLOSE_GLOSS.match(text, m.end)
            and titles.get(m.mtdsg_no)
            and titles[m.mtdsg_no] in titles.get(prev.mtdsg_no, "")
        ):
            m = replace(m, via=GLOSS)  # still what "the Convention" points back to
        out.append(m)
    return out


# Each title index's titles as their words, made once per index (a text's mentions ask for them each time).
_WORD_TITLES: WeakKeyDictionary[TitleIndex, dict[str, str]] = WeakKeyDictionary()


def _word_titles(index: TitleIndex) -> dict[str, str]:
    """Each treaty's title as its words (lower case, single spaces), by MTDSG number."""
    titles = _WORD_TITLES.get(index)
    if titles is None:
        titles = _WORD_TITLES[index] = {t.mtdsg_no: _folded(t.title) for t in index.treaties}
    return titles


def _folded(title: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", title.lower()))
