"""Ordinals the frames left unread: "Honduras becomes 50th nation to ratify", "has been ratified by a 50th
country -- Honduras", "Achieving the 100th ratification", "Malta became the 84th UN member state to sign".
Each is the Nth who did (a count of parties, or of signatories when the words around it sign), which only
the record can bear out: the checker reads one (record_reading.py) when the state its sentence names was
the Nth to act, or when the UN's count on the sentence's date is N, and lists it unread otherwise. An
ordinal that counts nothing a treaty is joined by ("the 72nd General Assembly", "its 20th anniversary") is
not taken: the noun after it must be one of states or of acts.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from pipeline.claims.measures import MEASURE_PARTIES, MEASURE_SIGNATORIES, SIGN_WORD
from pipeline.claims.numbers import ORD, ordinal_of
from pipeline.claims.sentences import Cover, Spans
from pipeline.claims.unread import TREATY_WORDS, treaty_word_before
from pipeline.text import MONTH_NAMES

# "50th nation", "84th UN member state", "10th signatory", "100th ratification", "40th instrument of
# ratification", "tenth State Party", "the 165th participant" (the UN's word for a party or signatory): the
# ordinal, up to two words, then a noun of states or of acts.
_LOOSE = re.compile(
    r"\b(?:"
    + ORD
    + r")(?:\s+out\s+of\s+(?:the\s+)?\d{1,3})?"  # "the 90th out of 193 UN Member States to accede"
    r"(?:\s+(?:UN|U\.N\.|member|signatory|contracting|high|sovereign|african|european|"
    r"asian|arab|latin|american|pacific|caribbean|eu|country|state|states|nation))?\s+"
    r"(?P<noun>states?|countr(?:y|ies)|nations?|members?|part(?:y|ies)|signator(?:y|ies)|ratifications?|"
    r"accessions?|instruments?|signatures?|adherents?|participants?)\b",
    re.I,
)
# "..., becoming the 35th to do so", "The U.S. became the 142nd.": the Nth who did what the sentence tells,
# with no noun after the ordinal. ("Germany was due to sign, making it the 63rd." is a frame of nth.py's
# when its clause names the state and the act.)
# ("Chad, which ratified in February, had been the 57th.": the one before, its place told as being)
_BARE = re.compile(
    r"\b(?:(?:making|makes|made|became|becomes|becoming|become|(?:had|has)\s+been|was)\s+(?:it\s+|them\s+)?|"
    # ("was the first country in Asia and the second in the world to ratify": a second place told beside)
    r"and\s+(?=the\s+\S+\s+(?:in\s+the\s+world|to\s+(?:sign|ratify|accede|join))\b))the\s+(?:"
    + ORD
    + r")(?=\s*(?:[.,;:)]|$)|\s+(?:to\s+do\s+so|to\s+(?:sign|ratify|accede|join)|in\s+the\s+world|on|in)\b)",
    re.I,
)
# "Guatemala supplied the twentieth in March 2003", "Colombia's ratification was its 100th", "the tenth came
# from Costa Rica", "the twentieth, by Guatemala, was deposited", "was the 186th deposited with the
# Secretary-General", "ranks 171st among the States Parties", "and the 88th to the latter": an ordinal whose
# noun is left out, the Nth act told of a state, whatever the verb. Only an ordinal in digits or from
# "tenth" up ("the second, aimed at abolishing the death penalty" is a protocol).
_BARE_NOUN = re.compile(
    r"\b(?:(?:the|its|their|our)\s+(?:decisive\s+|crucial\s+)?|(?:ranks?|ranked|ranking|becomes?|became|becoming)\s+)"
    r"(?:"
    + ORD
    + r")(?=\s*(?:[.,;:)!—–]|$)|\s+(?:to\s+be\s+(?:deposited|received|lodged)|in|on|for|received|deposited|"
    r"lodged|registered|when|among|came|was|with|from|after|by|to\s+(?:the\s+)?(?:latter|former|other))\b)",
    re.I,
)
_SIGNS = re.compile(r"^\W*(?:\S+\s+){0,4}?(?:to\s+sign\b|signing\b|signed\b)", re.I)
LOWEST, HIGHEST = 2, 250
# A pledge, a plan or a hope before the ordinal: what is to come, not a count.
_PLEDGE = re.compile(
    r"\b(?:pledged?|promised?|plans?|planned|intends?|hopes?|expects?|expected|aims?)\b", re.I
)


Found = tuple[int, str, int, int, int, int]


def loose_ordinals(text: str, sentences: Spans, taken: Collection[int]) -> list[Found]:
    """(figure, measure, start, end, number_start, number_end) of each ordinal of states or acts in a
    sentence about a treaty whose number no earlier stage took (`taken`: the starts of the numbers read or
    listed)."""
    out = []
    seen: set[int] = set()
    matches = [*_LOOSE.finditer(text), *_BARE.finditer(text), *_BARE_NOUN.finditer(text)]
    for m in sorted(matches, key=lambda m: m.start()):
        try:
            figure, group = ordinal_of(m)
        except ValueError:
            continue
        start, end = m.span(group)
        end += 2 if group == "num" else 0  # the whole token, "31st", not "31" (an annotation goes after it)
        if start in taken or start in seen or not LOWEST <= figure <= HIGHEST:
            continue
        if m.re is _BARE_NOUN and (
            (group == "word" and figure < 10)
            or _TIMES_AFTER.match(text, end)
            or (figure <= 31 and _DAY_BEFORE.search(text, max(0, m.start() - 12), m.start()))
        ):
            continue  # "the second, aimed at", "the 20th in a row", "deposited on the 14th."
        i = sentences.index(start)
        if i < 0:
            continue
        lo, hi = sentences.spans[i]
        told = TREATY_WORDS.search(text, lo, hi) or (
            m.re is _BARE_NOUN and treaty_word_before(text, sentences, i)
        )
        if not told or _PLEDGE.search(text, lo, start):
            continue  # no treaty word; "pledged that it will be acceding to become the 163rd state"
        seen.add(start)
        noun = (m.groupdict().get("noun") or "").lower()
        # the noun ("10th signatory"), the verb after ("84th state to sign"), or, with no noun, the verb of
        # its clause ("was due to sign shortly, making it the 63rd")
        signs = noun.startswith(("signator", "signature")) or bool(_SIGNS.match(text[m.end() : m.end() + 60]))
        if not noun and not signs:
            clause = text[max(lo, text.rfind(";", lo, start) + 1) : start]
            signs = bool(SIGN_WORD.search(clause)) and not re.search(
                r"\b(?:ratif|acce(?:de|ssion)|join)", clause, re.I
            )
        measure = MEASURE_SIGNATORIES if signs else MEASURE_PARTIES
        out.append((figure, measure, m.start(), m.end(), start, end))
    return out


# "deposited on the 14th", "by the 31st": a day of the month, before an ordinal with no noun.
_DAY_BEFORE = re.compile(r"\b(?:on|by|from|until|since|before|after)\s+$", re.I)
# "the 20th in a row", "the 14th in line": a rank in something other than the order of consents.
_TIMES_AFTER = re.compile(r"\s+(?:in\s+a\s+row|in\s+(?:the\s+)?(?:line|queue))\b", re.I)


# An ordinal that ranks or names something other than a state's act: "the 21st century", "its 10th
# anniversary", "the 5th session", "the second Optional Protocol", "the third largest".
_NOT_ACTS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:centur(?:y|ies)|anniversar(?:y|ies)|sessions?|meetings?|conferences?|assembl(?:y|ies)|"
    r"congress|editions?|times?|years?|days?|weeks?|months?|place|steps?|floor|articles?|paragraphs?|"
    r"amendments?|protocols?|optional|committees?|reports?|periodic|rounds?|reviews?|summits?|largest|"
    r"biggest|most|highest|lowest|annual|generation|phase|stage|term|cycle|birthday|grade|class|pillar|"
    r"chapter|part|item|preambular|operative|resolution|decade|millennium|world|half|left|right|reading|"
    r"questions?|councils?|parliaments?|commissions?|deputy|ministerial|united|national|legislature|"
    rf"person|u\.n\.\s+general|of\s+(?:the\s+)?(?:principal|core|main)|(?:of\s+)?(?:{MONTH_NAMES}))\b|-\w",
    re.I,
)
_FIRST_TO_ACT = re.compile(
    r"\s+(?:(?:state|country|nation|government)\s+)?to\s+(?:sign|ratify|accede|join|deposit|become)\b", re.I
)
_ANY_ORDINAL = re.compile(r"\b(?:" + ORD + r")", re.I)


def stray_ordinals(
    text: str, sentences: Spans, taken: Collection[int], covered: Sequence[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """(figure, start, end) of each other ordinal in a sentence about a treaty that no stage took or listed
    ("India was the 7th and the first prominent country to have ratified", "of the thirty-fifth in strument
    of ratification"): listed unread, so a reader sees every figure the checker could not read. Not one in a
    date or a title (`covered`), nor one that ranks something other than a state's act ("the 21st
    century", "its 10th anniversary", "the second Optional Protocol")."""
    out = []
    cover = Cover(covered)
    for m in _ANY_ORDINAL.finditer(text):
        try:
            figure, group = ordinal_of(m)
        except ValueError:
            continue
        start, end = m.start(), m.end()
        acts = _FIRST_TO_ACT.match(text, end) is not None
        if start in taken or m.start(group) in taken or not (1 if acts else LOWEST) <= figure <= HIGHEST:
            continue
        if group != "num" and figure < 10 and not acts:
            # "the second half", "a third of": a word below "tenth" is seldom a state's rank, unless an
            # act follows ("Argentina was the first to sign", "the third country to ratify")
            continue
        if start in cover or _NOT_ACTS_AFTER.match(text, end):
            continue
        i = sentences.index(start)
        if i < 0 or not TREATY_WORDS.search(text, *sentences.spans[i]):
            continue
        out.append((figure, m.start(group), end))
    return out


__all__ = ["loose_ordinals", "stray_ordinals"]
