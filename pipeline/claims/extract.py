"""Find treaty figures in free text: the count claimed, the date it is claimed for and the treaty it is about.

Pure: text in, claims out, no I/O. The treaties a text may name are passed in as `TreatyName`s.

Rules (documented here and in the README's "Claim checker" section, because a claim checker is only as
good as its reading rules; tests/claims/test_patterns.py has one test per rule):

* Counts. A claim is a number (digits, or words such as "one hundred and seventy-seven") in one of
  these shapes: "ratified by 177 countries", "177 states are party to", "177 countries have ratified",
  "112 states that have ratified it", "of which 166 have also ratified it", "One state (X) has signed
  but not ratified", "has 178 parties", "the number of parties stands at 178", "of which 106 are
  States Parties", "applies in 60 countries", infobox rows ("Parties 112"). "signed" alone means the
  UN's signatories; "signed but not (yet) ratified", "signatories without ratification" and the
  signatories in "N States Parties and M signatories" mean signatories that are not parties
  (`signed_not_party`); anything about ratifying, acceding, joining or being a party means parties. A
  sentence that counts ratifications and accessions apart gives each figure its mode. Regional
  subsets, what is still needed, conditions and "signed or acceded" totals are not claims.
* Thresholds. "entered into force after it had been ratified by 50 states", "the 30th ratification",
  "Forty ratifications are required", "Condition: 20 ratifications" are facts about the Nth deposit
  (kind "threshold"), never dated.
* Dates. A claim is dated by the nearest status date in its own sentence (unless "today" or
  "currently" is nearer); with none, "now", "to date", "so far" or "currently" in the sentence mean
  the text's own date; otherwise the last "as of" date (else the last date) earlier in its paragraph;
  a date in a later sentence never reaches back. Dates of events ("adopted on 25 May 2000", "On 20
  September 2017, the TPNW was opened for signature") never date a claim. Sentences end at . ! ? (and
  the citation marks glued to them) and at line breaks that start a new row or item. What stays
  undated takes the text's own date: `written_on`, else a byline or dateline. A day is that day, a
  month its last day and a year its last day ("in 2009" -> 2009-12-31). Infobox rows take only the
  text's own date.
* Treaty. A title is found by token overlap, not exact match: typos, capitals and glued words
  ("thesale") are tolerated, and the longest, best-fitting match wins where titles nest. The opening
  words of a long title count when no other title opens with them and they are written as a title
  ("the Convention against Torture"). Short names ("OPSC") and common names ("Ottawa Treaty", from
  names.csv) count as mentions too. A claim is linked, in order of preference, to: the override
  (--treaty); a treaty named right after the count ("71 signatories to the Optional Protocol"); a
  title or name in its own sentence before the number; the treaty a generic reference in its
  sentence, before or after the number ("the Optional Protocol", "the protocol", "its Optional
  Protocol", "the treaty"), points back to; a title later in its sentence; the treaty of the claim
  before it in the paragraph; the nearest mention before it; the first mention after it. A claim with
  none of these is left unlinked.
"""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from math import log

# What a claimed figure corresponds to on the UN's page.
MEASURE_PARTIES = "parties"
MEASURE_SIGNATORIES = "signatories"
MEASURE_SIGNED_NOT_PARTIES = "signed_not_party"
# Words for each measure in prose ("4 signatories not yet parties", not "4 signed_not_party").
MEASURE_WORDS = {
    MEASURE_PARTIES: "parties",
    MEASURE_SIGNATORIES: "signatories",
    MEASURE_SIGNED_NOT_PARTIES: "signatories not yet parties",
}
# What kind of fact a figure states: a count on a date, or the number of consents that brought a
# treaty into force ("entered into force after it had been ratified by 50 states": the 50th deposit).
KIND_COUNT = "count"
KIND_THRESHOLD = "threshold"
# A count of one way of joining: "66 states have ratified it, and another 4 have acceded".
MODE_RATIFICATION = "ratification"
MODE_ACCESSION = "accession"

# ---------------------------------------------------------------------------------------------------
# Numbers written as digits or words


_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000}
_NUMBER_WORDS = sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True)
_W = r"(?:" + "|".join(_NUMBER_WORDS) + r")\b"
_WORD_NUMBER = rf"\b{_W}(?:(?:\s+and\s+|\s+|-){_W})*"
_DIGIT_NUMBER = r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b"
_NUM = rf"(?P<num>{_DIGIT_NUMBER}|{_WORD_NUMBER})"


def parse_number(text: str) -> int:
    """177, "1,234", "nine", "seventy-seven", "one hundred and seventy-seven" -> int; ValueError otherwise."""
    t = text.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    words = [w for w in re.split(r"[\s-]+", t) if w and w != "and"]
    if not words:
        raise ValueError(f"not a number: {text!r}")
    total, current = 0, 0
    for w in words:
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            raise ValueError(f"not a number: {text!r}")
    return total + current


# ---------------------------------------------------------------------------------------------------
# Count statements

# Qualifiers change what a figure claims: "more than 170" is right for 178.
_QUALIFIERS = {
    "more than": ">",
    "over": ">",
    "just over": ">",
    "upwards of": ">",
    "at least": ">=",
    "fewer than": "<",
    "less than": "<",
    "under": "<",
    "just under": "<~",
    "nearly": "<~",
    "almost": "<~",
    "about": "~",
    "around": "~",
    "approximately": "~",
    "roughly": "~",
    "some": "~",
    "exactly": "=",
    "a total of": "=",
}
_QUAL = r"(?:(?P<qual>" + "|".join(sorted(map(re.escape, _QUALIFIERS), key=len, reverse=True)) + r")\s+)?"
# "another nine states", "a further 12 countries": the figure is still the number itself.
_EXTRA = r"(?:(?:another|a\s+further|an\s+additional|only|just|now|currently)\s+)?"
_ADJ = (
    r"(?:(?:UN|U\.N\.|United\s+Nations|other|more|additional|further|member|sovereign|independent|"
    r"contracting|signatory|european|african|asian|world)\s+)*"
)
_NOUN = (
    _ADJ + r"(?P<noun>countries|country|states|state|nations|nation|governments|government|parties|party|"
    r"signatories|signatory|participants|"
    r"jurisdictions|economies)(?:\s+(?:parties|party)\b)?"
)
# Tails that turn "have signed" into "have signed but not ratified" ("signed, but not yet ratified",
# "signed the treaty but not ratified it", "signatories without ratification"); "signed and ratified"
# is not one of them.
_NOT_RATIFIED = re.compile(
    r"^[\s,]*(?:\w+\s+){0,2}?(?:(?:but|and|yet)\s+(?:have\s+|has\s+|had\s+|are\s+|were\s+)?"
    r"(?:not\s+(?:yet\s+)?|yet\s+to\s+|never\s+|still\s+not\s+)|without\s+(?:any\s+)?|"
    r"(?:\(\s*)?not\s+(?:yet\s+)?|(?:have\s+|has\s+)?yet\s+to\s+)"
    r"(?:ratif|join|acced|become\s+part|been\s+part|consent)",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|yet\s+to|never|without)\b", re.I)

_PASSIVE = re.compile(
    r"\b(?P<verb>ratified\s+or\s+acceded\s+to|ratified\s+and\s+acceded\s+to|ratified/acceded\s+to|"
    r"signed\s+and\s+ratified|signed\s+but\s+not\s+(?:yet\s+)?ratified|ratified|acceded\s+to|"
    r"adhered\s+to|joined|signed)\s+by\s+" + _EXTRA + _QUAL + _NUM + rf"(?:[ \t]+{_NOUN})?\b",
    re.I,
)
# Between the participants and the verb: "(the Marshall Islands)", ", including the United States,",
# "that", "which".
_ASIDE = r"(?:\s*\([^()\n]{1,60}\))?(?:\s*,\s*(?:including|such\s+as|notably|among\s+them)\b[^,.;\n]{1,80},)?"
_ADVERBS = r"(?:(?:now|so\s+far|already|also|all|since|formally|currently|thus\s+far|to\s+date|each)\s+)*"
_VERB = (
    r"(?P<verb>signed\s+or\s+(?:acceded|ratified)|signed\s+and\s+ratified|ratified|acceded|joined|signed|"
    r"expressed\s+(?:their\s+|its\s+)?consent\s+to\s+be\s+bound|become\s+part(?:y|ies)|"
    r"been\s+part(?:y|ies)|part(?:y|ies)\s+to|(?:(?<=\bare\s)|(?<=\bis\s)|(?<=\bwere\s)|(?<=\bwas\s))part(?:y|ies)|consented|passed\s+ratifications|deposited\s+(?:their\s+|its\s+)?"
    r"instruments?\s+of\s+ratification)\b"
)
_ACTIVE = re.compile(
    _EXTRA
    + _QUAL
    + _NUM
    + rf"[ \t]+{_NOUN}{_ASIDE}\s+(?:(?:that|which|who)\s+)?(?:(?:have|has|had|are|were|is|was)\s+)?"
    + _ADVERBS
    + _VERB,
    re.I,
)
# No noun, the participants being clear from what came before: "of which 166 have also ratified it",
# "and 54 have ratified it", "Out of 195 States, 183 have so far signed".
_BARE = re.compile(
    r"(?:\b(?:and|of\s+which|of\s+whom|of\s+these|of\s+them|while|whereas|but|another|a\s+further|with)"
    r"\s+|[,;:]\s*)" + _QUAL + _NUM + r"\s+(?:(?:have|has|had)\s+)" + _ADVERBS + _VERB,
    re.I,
)
_ARE = re.compile(
    r"\b(?:of\s+which|of\s+whom|of\s+these|of\s+them|the\s+remaining|while|and|another|a\s+further)\s+"
    + _QUAL
    + _NUM
    + r"\s+(?:are|were)\s+(?:(?:now|already|also|all)\s+)?"
    r"(?P<noun>states\s+parties|contracting\s+states|parties|signatories)\b",
    re.I,
)
_BRINGING = re.compile(
    r"\bbringing\s+(?:up\s+)?to\s+" + _QUAL + _NUM + r"\s+the\s+(?:total\s+)?number\s+of\s+"
    r"(?P<noun>parties|states\s+parties|ratifications|signatories|signatures|accessions)\b",
    re.I,
)
_IN_FORCE = re.compile(
    r"\b(?:applies|apply|is\s+in\s+force|in\s+force|is\s+binding|binding|applicable)\b[^.;!?\n]{0,30}?\s+"
    r"(?:in|for|on)\s+" + _QUAL + _NUM + r"\s+(?P<noun>countries|states|nations|parties|states\s+parties)\b",
    re.I,
)
_HAS = re.compile(
    _EXTRA
    + _QUAL
    + _NUM
    + r"[ \t]+(?:(?:more|other|additional|further|new)[ \t]+)?(?:(?:states?|contracting)\s+)?"
    r"(?P<noun>parties|party|signatories|ratifications|signatures|accessions|contracting\s+(?:states|parties))\b",
    re.I,
)
_NUMBER_OF = re.compile(
    r"\bnumber\s+of\s+(?:states\s+)?(?P<noun>parties|signatories|ratifications|signatures|"
    r"contracting\s+states)\b(?:\s+[\w,]+){0,5}?\s+(?:is|was|stands\s+at|stood\s+at|reached|rose\s+to|"
    r"grew\s+to|increased\s+to|has\s+reached|had\s+reached|to|at)\s+" + _EXTRA + _QUAL + _NUM + r"\b",
    re.I,
)


def _measure_for(verb_or_noun: str, tail: str) -> str:
    v = verb_or_noun.lower()
    if "but not" in v:
        return MEASURE_SIGNED_NOT_PARTIES
    if v.startswith("sign") and "ratif" not in v:
        return MEASURE_SIGNED_NOT_PARTIES if _NOT_RATIFIED.match(tail) else MEASURE_SIGNATORIES
    return MEASURE_PARTIES


@dataclass(frozen=True)
class CountMatch:
    """One count statement: the figure, what it counts and where it sits in the text."""

    figure: int
    measure: str
    comparison: (
        str  # "=", ">", ">=", "<", "<~" (close below), "~" (from "more than", "at least", "nearly"...)
    )
    qualifier: str | None
    noun: str | None  # the text's own word for the participants: "countries", "states", "parties"...
    start: int
    end: int
    number_start: int
    number_end: int
    phrase: str
    kind: str = KIND_COUNT  # KIND_COUNT or KIND_THRESHOLD
    mode: str | None = None  # MODE_RATIFICATION / MODE_ACCESSION for counts of one way of joining
    source: str = "prose"  # "prose" or "infobox" (a "Parties 112" line)


# Ordinals of the thresholds treaties set ("the 30th ratification", "the fiftieth instrument").
_ORDINAL_WORDS = {
    "tenth": 10,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "sixty-fifth": 65,
}
_ORD = r"(?P<num>\d{1,3})(?:st|nd|rd|th)|(?P<word>" + "|".join(_ORDINAL_WORDS) + r")"
_JOIN_NOUN = r"(?:ratifications?|instruments?|accessions?|states?|countries|parties|consents?|signatories)"
# Words saying that a figure is what brought (or will bring) a treaty into force. The figure is then
# a fact about the Nth consent deposited, not a count on a date.
_THRESHOLDS = (
    # "after it had been ratified by 50 states", "with the ratification by 40 states"
    re.compile(
        r"\b(?:after|upon|following|once|when|with)\s+(?:(?:it|the|treaty|convention|protocol|had|has|have|"
        r"been|was|were|is|being|having|its)\s+){0,4}(?:ratified|ratifications?|deposit\s+of|accessions?)"
        r"\s+(?:by|of)\s+(?:the\s+)?" + _QUAL + _NUM + r"\b(?!\s*(?:st|nd|rd|th)\b)",
        re.I,
    ),
    # "six months after 30 ratifications", "after 20 instruments of ratification"
    re.compile(
        r"\b(?:after|upon|following|once)\s+(?:the\s+)?"
        + _QUAL
        + _NUM
        + rf"\s+(?:ratifying\s+)?{_JOIN_NOUN}\b",
        re.I,
    ),
    # "Forty ratifications are required", "20 states are needed"
    re.compile(
        _QUAL + _NUM + rf"\s+(?:\w+\s+)?{_JOIN_NOUN}\s+(?:(?:are|is|were|was|will\s+be)\s+)?"
        r"(?:required|needed|necessary)\b",
        re.I,
    ),
    # "reached the required 50 states parties", "requires ratification by at least 20 countries",
    # "requires the endorsements of 10 States", "the threshold of 20 ratifying States"
    re.compile(
        r"\b(?:required|requires|require|requiring|needs|needed|need|threshold\s+of|minimum\s+of)\s+"
        r"(?:(?:the|an?|ratification|ratifications|endorsements?|consent|instruments?|deposit|by|of|"
        r"approval)\s+){0,3}" + _QUAL + _NUM + rf"\s+(?:ratifying\s+)?(?:{_JOIN_NOUN}|states\s+parties)\b",
        re.I,
    ),
    # "the 30th ratification", "the fiftieth instrument"
    re.compile(r"\bthe\s+(?:" + _ORD + rf")\s+(?:{_JOIN_NOUN}|instrument\s+of\s+ratification)\b", re.I),
)
# Infobox and list lines as encyclopedias print them: "Signatories133", "Parties | 112 |",
# "Parties 164 (Complete List)[1]", "Condition: entry into force after 30 ratifications".
_INFOBOX = re.compile(
    r"^[ \t|*-]*(?P<label>signatories|parties|states\s+parties|ratifications|ratifiers)"
    r"[ \t]*\|?[ \t]*:?[ \t]*"
    r"(?P<num>\d{1,3})\b(?![ \t]*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
    re.I | re.M,
)
_CONDITION = re.compile(r"^[ \t|*-]*condition(?:s)?(?:[ \t]*[|:])?[ \t]*(?P<rest>.*)$", re.I | re.M)
_CONDITION_NUMBER = re.compile(
    r"\b(?P<num>\d{1,3})\b(?!\s*(?:days?|months?|years?|weeks?)\b)"
    r"(?P<noun>\s+(?:ratifying\s+)?" + _JOIN_NOUN + r")?",
    re.I,
)
# Figures that are not counts of the whole: regional subsets ("including 42 States Parties in
# Europe"), what is still needed ("Two other ratifications are required"), conditions ("cannot enter
# into force until it is ratified by 44 specific nations").
_SUBSET_BEFORE = re.compile(
    r"\b(?:including|among\s+them|among\s+which|of\s+which\s+(?:only\s+)?in)\s+$", re.I
)
_REGIONS = (
    r"Europe|Africa|Asia|Oceania|the\s+Americas|Latin\s+America|the\s+Caribbean|the\s+Pacific|"
    r"the\s+Middle\s+East|the\s+Arab\s+(?:world|region)|the\s+(?:European\s+Union|EU)|the\s+region|"
    r"Western\s+Europe|Eastern\s+Europe|Central\s+Asia|South\s+America|North\s+America"
)
_REGION_AFTER = re.compile(r"^(?:\s+\w+){0,3}?\s+(?:in|from|of)\s+(?:" + _REGIONS + r")\b", re.I)
_STILL_NEEDED = re.compile(
    r"^[\w\s-]{0,40}?\b(?:(?:are|is|were|was)\s+(?:still\s+)?(?:required|needed|necessary|missing)|"
    r"(?:more|other|further|additional)\s+\w+\s+(?:are|is)\s+(?:required|needed))\b",
    re.I,
)
_CONDITIONAL_BEFORE = re.compile(
    r"\b(?:until|unless|must|needs?\s+to|need\s+to|has\s+to|have\s+to|will|would|should|can|cannot|"
    r"could|may|might|if)\s+(?:\w+\s+){0,2}(?:be\s+)?$",
    re.I,
)
_MORE_BEFORE = re.compile(r"\b(?:only|just|another|a\s+further)?\s*$", re.I)


def _is_number(text: str) -> bool:
    try:
        parse_number(text)
    except ValueError:
        return False
    return True


# Words of entry into force, which a threshold told as "after/when/with ... ratified by N" needs near it.
_ENTRY = re.compile(r"\b(?:force|effect|effective|operational|binding)\b", re.I)


def _clause_around(text: str, start: int, end: int) -> str:
    """The text of the sentence around [start, end) (cut at . ! ? followed by a space)."""
    lo = max((m.end() for m in re.finditer(r"[.!?]\s", text[max(0, start - 300) : start])), default=0)
    lo += max(0, start - 300)
    hi = re.search(r"[.!?](?:\s|$)", text[end : end + 300])
    return text[lo : end + (hi.start() if hi else 300)]


def _threshold_matches(text: str) -> list[CountMatch]:
    out = []
    for i, pattern in enumerate(_THRESHOLDS):
        for m in pattern.finditer(text):
            if i == 0 and not _ENTRY.search(_clause_around(text, m.start(), m.end())):
                continue  # "when it was ratified by 100 states": a count at an event, not a threshold
            g = m.groupdict()
            if g.get("word"):
                figure, n_start, n_end = _ORDINAL_WORDS[g["word"].lower()], m.start("word"), m.end("word")
            else:
                try:
                    figure = parse_number(g["num"])
                except ValueError:
                    continue
                n_start, n_end = m.start("num"), m.end("num")
            if 1900 <= figure <= 2100:
                continue
            if re.search(r"\b(?:more|other|further|additional|remaining)\b", m.group(0), re.I) or re.search(
                r"\b(?:only|another|just)\s+$", text[max(0, m.start() - 12) : m.start()], re.I
            ):
                continue  # "only three more ratifications are needed": what is missing
            qual = g.get("qual")
            qual_key = re.sub(r"\s+", " ", qual.lower()) if qual else None
            out.append(
                CountMatch(
                    figure=figure,
                    measure=MEASURE_PARTIES,
                    comparison=_QUALIFIERS[qual_key] if qual_key else "=",
                    qualifier=qual_key,
                    noun=None,
                    start=m.start(),
                    end=m.end(),
                    number_start=n_start,
                    number_end=n_end,
                    phrase=re.sub(r"\s+", " ", m.group(0).strip()),
                    kind=KIND_THRESHOLD,
                )
            )
    return out


def _infobox_matches(text: str) -> list[CountMatch]:
    out = []
    for m in _INFOBOX.finditer(text):
        label = re.sub(r"\s+", " ", m.group("label").lower())
        measure = MEASURE_SIGNATORIES if label.startswith("sign") else MEASURE_PARTIES
        out.append(
            CountMatch(
                figure=int(m.group("num")),
                measure=measure,
                comparison="=",
                qualifier=None,
                noun=label,
                start=m.start("label"),
                end=m.end("num"),
                number_start=m.start("num"),
                number_end=m.end("num"),
                phrase=re.sub(r"\s+", " ", text[m.start("label") : m.end("num")]),
                source="infobox",
            )
        )
    for m in _CONDITION.finditer(text):
        rest, base = m.group("rest"), m.start("rest")
        if not re.search(r"ratif|accession|instrument|consent|states|parties", rest, re.I):
            continue  # "Conditions in 30 prisons": not a treaty's condition of entry into force
        numbers = [n for n in _CONDITION_NUMBER.finditer(rest) if not re.match(r"\d+\]", rest[n.start() :])]
        # "Ratifications by 40 states", "6 months after 30 ratifications[2]": the count of consents,
        # not the delay, nor a citation mark.
        numbers = [n for n in numbers if rest[max(0, n.start() - 1) : n.start()] != "["]
        article = re.compile(r"\b(?:article|art\.?|paragraph)\s*$", re.I)
        numbers = [n for n in numbers if not article.search(rest[: n.start()])]
        if not numbers:
            continue
        n = next((x for x in numbers if x.group("noun")), numbers[-1])
        out.append(
            CountMatch(
                figure=int(n.group("num")),
                measure=MEASURE_PARTIES,
                comparison="=",
                qualifier=None,
                noun=None,
                start=m.start(),
                end=m.end(),
                number_start=base + n.start("num"),
                number_end=base + n.end("num"),
                phrase=re.sub(r"\s+", " ", m.group(0).strip(" \t|")),
                kind=KIND_THRESHOLD,
                source="infobox",
            )
        )
    return out


def _skip(text: str, m: CountMatch) -> bool:
    """Figures that look like counts and are not: regional subsets, what is still needed, conditions."""
    before = text[max(0, m.number_start - 60) : m.number_start]
    before_q = before[: len(before) - len(m.qualifier or "")] if m.qualifier else before
    after = text[m.number_end : m.number_end + 80]
    if _SUBSET_BEFORE.search(before_q.rstrip() + " "):
        return True
    if _REGION_AFTER.match(text[m.number_end : m.end + 40]) or _REGION_AFTER.match(after):
        return True
    if m.kind == KIND_COUNT and _STILL_NEEDED.match(after):
        return True  # "Two other ratifications are required": what is missing, not what is there
    if m.kind == KIND_COUNT and m.phrase.lower().startswith(("ratified by", "signed by", "joined by")):
        lead = text[max(0, m.start - 40) : m.start]
        if _CONDITIONAL_BEFORE.search(lead):
            return True  # "cannot enter into force until it is ratified by 44 specific nations"
    return False


def _by_mode(text: str, counts: list[CountMatch]) -> list[CountMatch]:
    """ "70 parties: 66 states have ratified it, and another 4 have acceded": counts of one way of
    joining when a sentence counts ratifications and accessions apart."""
    out = list(counts)
    for s, e in split_sentences(text):
        inside = [i for i, c in enumerate(out) if s <= c.number_start < e and c.kind == KIND_COUNT]
        verbs = {i: out[i].phrase.lower() for i in inside if out[i].measure == MEASURE_PARTIES}
        acc = [i for i, v in verbs.items() if re.search(r"\bacce(?:ded|ssions?)\b", v) and "ratif" not in v]
        rat = [i for i, v in verbs.items() if re.search(r"\bratif", v) and not re.search(r"\bacce", v)]
        if acc and rat:
            for i in acc:
                out[i] = replace(out[i], mode=MODE_ACCESSION)
            for i in rat:
                out[i] = replace(out[i], mode=MODE_RATIFICATION)
    return out


def _signatories_after_parties(text: str, counts: list[CountMatch]) -> list[CountMatch]:
    """ "173 States Parties and 7 signatories", as treaty monitors write: the signatories are those
    that signed and are not (yet) parties. "46 signatories and 29 parties" keeps its total."""
    out = list(counts)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.measure != MEASURE_PARTIES or b.measure != MEASURE_SIGNATORIES or a.kind != KIND_COUNT:
            continue
        between = text[a.end : b.number_start]
        joined = r"\s*,?\s*(?:and|plus|with)\s+(?:a\s+further\s+|another\s+|an\s+additional\s+)?"
        if re.fullmatch(joined, between, re.I):
            out[i] = replace(b, measure=MEASURE_SIGNED_NOT_PARTIES)
    return out


def find_counts(text: str) -> list[CountMatch]:
    """Every count statement in the text, in order; one per number (the first pattern that fits wins)."""
    found: dict[int, CountMatch] = {}
    for c in [*_infobox_matches(text), *_threshold_matches(text)]:
        found.setdefault(c.number_start, c)
    for pattern in (_PASSIVE, _ACTIVE, _BARE, _ARE, _BRINGING, _IN_FORCE, _NUMBER_OF, _HAS):
        for m in pattern.finditer(text):
            num_start = m.start("num")
            if num_start in found:
                continue
            try:
                figure = parse_number(m.group("num"))
            except ValueError:
                continue
            groups = m.groupdict()
            tail = text[m.end() : m.end() + 80]
            if pattern in (_NUMBER_OF, _HAS, _ARE, _BRINGING, _IN_FORCE):
                noun_word = groups["noun"].lower()
                measure = MEASURE_SIGNATORIES if noun_word.startswith("sign") else MEASURE_PARTIES
                if measure == MEASURE_SIGNATORIES and _NOT_RATIFIED.match(tail):
                    measure = MEASURE_SIGNED_NOT_PARTIES
            else:
                verb = re.sub(r"\s+", " ", groups["verb"])
                if pattern is _ACTIVE and _NEGATED.search(text[m.start("noun") : m.start("verb")]):
                    continue  # "177 states have not ratified" is not a count of parties
                if re.match(r"signed\s+or\b", verb, re.I):
                    continue  # "120 countries have signed or acceded": signatories and parties together
                auxiliary = re.search(r"\b(?:have|has|had|are|is|were|was)\b", m.group(0), re.I)
                if pattern is _ACTIVE and figure == 1 and not auxiliary:
                    continue  # "when one country ratified it": an event of the day, not a count
                measure = _measure_for(verb, tail)
            if pattern is _HAS and groups["noun"].lower().startswith("part"):
                # "the two parties agreed", "between two parties": the parties to a dispute, not a count.
                if figure < 3 and re.search(
                    r"\b(?:the|between|both|of)\s+$", text[max(0, m.start() - 12) : m.start()], re.I
                ):
                    continue
            if 1900 <= figure <= 2100 and m.group("num").isdigit():
                continue  # a year ("in 2009 states..."), not a count
            qual = groups.get("qual")
            qual_key = re.sub(r"\s+", " ", qual.lower()) if qual else None
            noun = groups.get("noun")
            start = num_start if pattern in (_BARE, _ARE, _IN_FORCE) else m.start()
            if pattern in (_BARE, _ARE, _IN_FORCE) and qual:
                start = m.start("qual")
            found[num_start] = CountMatch(
                figure=figure,
                measure=measure,
                comparison=_QUALIFIERS[qual_key] if qual_key else "=",
                qualifier=qual_key,
                noun=re.sub(r"\s+", " ", noun.lower()) if noun else None,
                start=start,
                end=m.end(),
                number_start=num_start,
                number_end=m.end("num"),
                phrase=re.sub(r"\s+", " ", text[start : m.end()].strip()),
            )
    counts = [found[k] for k in sorted(found) if not _skip(text, found[k])]
    return _signatories_after_parties(text, _by_mode(text, counts))


# ---------------------------------------------------------------------------------------------------
# Sentences and paragraphs

_ABBREVIATIONS = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|no|nos|art|arts|para|vol|mr|mrs|ms|dr|st|jan|feb|mar|apr|jun|jul|aug|sep|"
    r"sept|oct|nov|dec|u\.n|u\.s|cf|vs)\.)$",
    re.I,
)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks separated by a blank line."""
    spans, start = [], 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


# A sentence ends at . ! ? (and the citation marks glued to it: "states.[2] As of") before a capital
# or a digit.
_SENTENCE_END = re.compile(r"(?<=[.!?])(?:\[[^\]\n]{1,25}\])*[\"'”’)]*\s+(?=[\"'“(\[]?[A-Z0-9])")
# A line break ends a sentence when the next line opens with a capital, a digit or a bullet and the
# line before it is short or does not end in a word that runs on ("Signatories 108" / "Parties 112").
_LINE_END = re.compile(r"[ \t]*\n[ \t]*(?=[|*\-–•]|[A-Z0-9\[])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: paragraphs cut after . ! ? before a capital or digit, and at
    line breaks that start a new item (infobox rows, list items, headings)."""
    spans = []
    for p_start, p_end in split_paragraphs(text):
        cuts: list[tuple[int, int]] = []
        for m in _SENTENCE_END.finditer(text, p_start, p_end):
            head = text[p_start : m.start()]
            last = head[head.rfind(".", 0, len(head) - 1) + 1 :] if "." in head[:-1] else head
            if _ABBREVIATIONS.search(head) or re.search(r"(?:^|\s)\d{1,2}\.$", last):
                continue  # "e.g. The", list numbers "1. Prohibition"
            cuts.append((m.start(), m.end()))
        for m in _LINE_END.finditer(text, p_start, p_end):
            line = text[text.rfind("\n", p_start, m.start()) + 1 : m.start()]
            if len(line.strip()) < 60 or not re.search(r"[A-Za-z,;]$", line.strip()):
                cuts.append((m.start(), m.end()))
        start = p_start
        for a, b in sorted(set(cuts)):
            if a < start:
                continue
            spans.append((start, a))
            start = b
        spans.append((start, p_end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _containing(spans: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return (pos, pos)


# ---------------------------------------------------------------------------------------------------
# Dates

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("day", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I)),
    ("day", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I)),
    ("month", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.I)),
    # A bare year dates a claim only behind a preposition: "in 2009", "as of 2021", "by the end of 2020".
    (
        "year",
        re.compile(
            r"\b(?:in|as\s+of|as\s+at|as\s+on|at|by|since|until|till|through|during|end\s+of|"
            r"cut-?off|cutoff)\s+(?:the\s+(?:end|close)\s+of\s+)?" + _YEAR + r"\b",
            re.I,
        ),
    ),
)
# A date right after these words is a status date ("as of September 2021"), never an event date.
_ANCHOR_BEFORE = re.compile(
    r"(?:as\s+(?:of|at|on)|knowledge\s+cut-?off(?:\s+date)?(?:\s+(?:in|of|on))?|cut-?off\s+(?:in|of)|"
    r"by(?:\s+the\s+end\s+of)?|at\s+the\s+end\s+of|end\s+of|currently|today|until|through)\s*$",
    re.I,
)
# Dates of events in a treaty's life, which are not the date a count is claimed for.
_EVENT_BEFORE = re.compile(
    r"\b(?:adopted|(?:enter(?:s|ed|ing)?|came|come|comes|coming|went|go|goes)\s+into\s+(?:legal\s+)?force|"
    r"entry\s+into\s+force|in\s+force\s+since|effective|"
    r"opened\s+for\s+signature|concluded|done\s+at|signed\s+(?:at|on|in)|was\s+signed|were\s+signed|"
    r"established|founded|created|drafted|negotiated|born|enacted|approved\s+by\s+the\s+general\s+assembly)"
    r"(?:\b(?:(?!\bas\s+of\b)[^.;!?])*)?$",  # infobox labels run into the date: "Effective1 March 1999"
    re.I,
)
# "On 20 September 2017, the TPNW was opened for signature": the event comes after the date.
_EVENT_AFTER = re.compile(
    r"^[^.;!?\d]{0,60}?\b(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:opened\s+for\s+signature|adopted|"
    r"(?:enter(?:s|ed)?|came|come|comes|went)\s+into\s+(?:legal\s+)?(?:force|effect)|took\s+effect|"
    r"was\s+signed|concluded|established|founded|drafted|negotiated)\b",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression and the day it stands for (a month or a year stands for its last day)."""

    on: date
    precision: str  # "day", "month" or "year"
    text: str
    start: int
    end: int
    anchored: bool  # behind "as of", "by", "knowledge cutoff in"...: a status date
    event: bool  # behind "adopted", "entered into force"...: not a status date


def _last_day(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in the text, in order, without overlaps (the most precise one wins)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for precision, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            g = m.groupdict()
            try:
                if g.get("y"):
                    on = date(int(g["y"]), int(g["m"]), int(g["d"]))
                elif precision == "day":
                    on = date(int(g["year"]), _MONTHS[g["month"].lower()], int(g["day"]))
                elif precision == "month":
                    if g["month"].lower() == "may" and not g["month"][0].isupper():
                        continue  # "may 2016" in running text is more likely the verb
                    on = _last_day(int(g["year"]), _MONTHS[g["month"].lower()])
                else:
                    on = date(int(g["year"]), 12, 31)
            except ValueError:
                continue
            start = m.start("year") if precision == "year" else m.start()
            if precision == "year":
                # The preposition belongs to the context, the date expression is the year itself.
                start = m.start()
            if any(s < m.end() and start < e for s, e in taken):
                continue
            # The whole clause before the date (the event pattern stops at . ; ! ?), not a fixed few words.
            before = text[max(0, start - 300) : start]
            # "as of 2021": the preposition is inside the match for bare years; look at the match itself.
            lead = before + (text[start : m.start("year")] if precision == "year" else "")
            anchored = bool(_ANCHOR_BEFORE.search(lead))
            event = not anchored and bool(
                _EVENT_BEFORE.search(before.split("\n")[-1])
                or _EVENT_AFTER.match(text[m.end() : m.end() + 120])
            )
            found.append(
                DateMention(
                    on=on,
                    precision=precision,
                    text=re.sub(r"\s+", " ", text[start : m.end()]),
                    start=start,
                    end=m.end(),
                    anchored=anchored,
                    event=event,
                )
            )
            taken.append((start, m.end()))
    return sorted(found, key=lambda d: d.start)


# Words that put a claim in the text's present, whatever date sits elsewhere in the sentence.
_PRESENT = re.compile(r"\b(?:today|currently|at\s+present|presently|at\s+the\s+time\s+of\s+writing)\b", re.I)
# Weaker words for the present: they make a sentence without a date speak of the text's own date, but
# do not override a date in the sentence ("As of 2021 it has now been ratified by 177").
_PRESENT_WEAK = re.compile(r"\b(?:to\s+date|now|so\s+far|thus\s+far|as\s+yet)\b", re.I)


def date_for(
    pos: int,
    dates: Sequence[DateMention],
    sentence: tuple[int, int],
    paragraph: tuple[int, int],
    text: str = "",
) -> DateMention | None:
    """The date a claim at `pos` is made for (None: undated).

    The nearest non-event date in its sentence, unless "today" or "currently" is nearer; failing that,
    the last non-event date earlier in its paragraph ("Figures are as of March 2020. ... has 196 parties").
    """
    lo, hi = sentence
    near = [d for d in dates if lo <= d.start < hi and not d.event]

    def distance(a: int, b: int) -> int:
        return min(abs(a - pos), abs(b - pos))

    if near:
        # Nearest by distance; on a tie the earlier one ("As of May 2016, 12 states ... in 2017").
        best = min(near, key=lambda d: (distance(d.start, d.end), d.start > pos))
        present = [m for m in _PRESENT.finditer(text, lo, hi)]
        if any(distance(m.start(), m.end()) < distance(best.start, best.end) for m in present):
            return None
        return best
    if text and (_PRESENT.search(text, lo, hi) or _PRESENT_WEAK.search(text, lo, hi)):
        # "Currently", "to date", "now" after an earlier dated sentence: the text's own date.
        return None
    earlier = [d for d in dates if paragraph[0] <= d.start < lo and not d.event]
    # "As of September 2023, 127 states ..., the most recent being Singapore on September 21, 2023. Four
    # states have signed": the status date ("as of") carries over, not a date told in passing.
    anchored = [d for d in earlier if d.anchored]
    return anchored[-1] if anchored else (earlier[-1] if earlier else None)


# The text's own date, as bylines and datelines print it: a line that is only a date ("Mar 22, 2018",
# "Monday 30 November 2009", "Posted on 5 March 2004"), a paragraph opening "22 March 2018 -" or
# "[3 December 2007] -", or "(Last updated September 2019)".
_WEEKDAY = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun),?\s+)?"
)
_BYLINE_LEAD = r"(?:(?:posted|published|updated|last\s+updated|dated?)(?:\s+on)?:?\s+)?"


def find_byline(text: str) -> DateMention | None:
    """The date the text gives itself (byline, dateline, "last updated"), or None."""
    dates = [d for d in find_dates(text) if d.precision in ("day", "month")]
    head_end = len(text[:600])
    for d in dates:
        line_start = text.rfind("\n", 0, d.start) + 1
        line_end = text.find("\n", d.end)
        line_end = len(text) if line_end < 0 else line_end
        lead, rest = text[line_start : d.start], text[d.end : line_end]
        alone = re.fullmatch(r"[\s\[(]*" + _BYLINE_LEAD + _WEEKDAY, lead, re.I) and re.fullmatch(
            r"[\s\])]*", rest
        )
        dateline = re.fullmatch(r"[\s\[(]*(?:[A-Z][A-Za-z .]{1,30},\s*)?", lead) and re.match(
            r"[\])]?\s*[-–—]\s+\S", rest
        )
        updated = re.fullmatch(r"[\s(]*(?:last\s+)?updated:?\s+(?:on\s+)?", lead, re.I) and re.fullmatch(
            r"[\s).]*", rest
        )
        if d.precision == "day" and d.start < head_end and (alone or dateline):
            return d
        if updated:
            return d
    return None


# ---------------------------------------------------------------------------------------------------
# Treaties named in the text

_STOPWORDS = frozenset(
    "the of on to and in for a an by at with its their or concerning relating against between from as "
    "into is are be which that this".split()
)
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
_GENERIC_REF = re.compile(
    r"\b(?P<det>the|this|that|said|its)\s+(?P<kind>optional\s+protocol|protocol|convention|covenant|agreement|"
    r"treaty|statute|amendment|charter|accord)\b(?!\s+(?:to|on|for|of|against|relating|concerning)\b)",
    re.I,
)


@dataclass(frozen=True)
class TreatyName:
    """A treaty a text may name: its MTDSG number, the UN's title and its short names (aliases)."""

    mtdsg_no: str
    title: str
    aliases: tuple[str, ...] = ()
    common_names: tuple[str, ...] = ()  # names people use ("Ottawa Treaty"), from pipeline/claims/names.csv


@dataclass(frozen=True)
class TreatyMention:
    """Where the text names a treaty, and how well the words fit its title (1.0 for a short name)."""

    mtdsg_no: str
    start: int
    end: int
    text: str
    score: float
    kind: str | None  # "optional protocol", "convention"... the kind of treaty the title names
    via: str = "title"  # how it was recognised: "title", "short name" or "common name"


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def _tokens(s: str) -> list[tuple[str, int, int]]:
    """(word, start, end) in the folded text; positions index the original string (ascii-folding keeps
    one character per character for Latin text, which is all a treaty title needs)."""
    folded = "".join((_fold(c) or " ")[:1] for c in s)
    return [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[a-z0-9]+", folded)]


def _kind_of(title: str) -> str | None:
    t = _fold(title)
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


def _kind_matches(ref: str, kind: str | None) -> bool:
    if kind is None:
        return False
    ref = ref.lower()
    if ref == "optional protocol":
        return kind == "optional protocol"
    if ref == "protocol":
        return kind in ("protocol", "optional protocol")
    return kind == ref


class TitleIndex:
    """Token-overlap matching of free text against treaty titles and short names."""

    def __init__(self, treaties: Iterable[TreatyName]):
        self.treaties = list(treaties)
        self._titles: list[tuple[TreatyName, list[str]]] = []
        df: dict[str, int] = {}
        for t in self.treaties:
            words = [w for w, _, _ in _tokens(t.title)]
            self._titles.append((t, words))
            for w in set(words):
                df[w] = df.get(w, 0) + 1
        n = max(len(self.treaties), 1)
        # Rare words ("prostitution") say more about which treaty is meant than common ones ("convention").
        self._weight = {w: log(1 + n / c) for w, c in df.items() if w not in _STOPWORDS}
        self._unknown_weight = log(1 + n)
        self.vocabulary = set(df) | _STOPWORDS
        self._kinds = {t.mtdsg_no: _kind_of(t.title) for t in self.treaties}
        self._totals = [sum(self.weight(x) for x in words) for _, words in self._titles]
        # How many titles open with each word sequence, to accept an unambiguous opening as a mention.
        self._prefixes: dict[tuple[str, ...], int] = {}
        for _, words in self._titles:
            for n in range(1, len(words) + 1):
                key = tuple(words[:n])
                self._prefixes[key] = self._prefixes.get(key, 0) + 1
        self._by_word: dict[str, set[int]] = {}
        for i, (_, words) in enumerate(self._titles):
            for w in words:
                if w in self._weight:
                    self._by_word.setdefault(w, set()).add(i)

    def kind(self, mtdsg_no: str) -> str | None:
        return self._kinds.get(mtdsg_no)

    def protocol_of(self, mtdsg_no: str) -> str | None:
        """The one optional protocol whose title is "Optional Protocol to the <this treaty's title>"."""
        title = next((t.title for t in self.treaties if t.mtdsg_no == mtdsg_no), None)
        if not title:
            return None
        head = "optional protocol to the " + _fold(title).strip()
        found = [t.mtdsg_no for t in self.treaties if _fold(t.title).strip().startswith(head)]
        return found[0] if len(found) == 1 else None

    def weight(self, word: str) -> float:
        if word in _STOPWORDS:
            return 0.0
        return self._weight.get(word, self._unknown_weight)

    def _split_glued(self, tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """ "thesale" -> "the", "sale": copy-paste often drops the space between two title words."""
        out = []
        for w, s, e in tokens:
            if w not in self.vocabulary and len(w) >= 5 and not w.isdigit():
                for i in range(2, len(w) - 1):
                    a, b = w[:i], w[i:]
                    if (
                        a in self.vocabulary
                        and b in self.vocabulary
                        and (a in self._weight or b in self._weight)
                    ):
                        out += [(a, s, s + i), (b, s + i, e)]
                        break
                else:
                    out.append((w, s, e))
            else:
                out.append((w, s, e))
        return out

    def _match(self, title: list[str], window: list[str]) -> tuple[float, float, int, int, set[str]]:
        """In-order best alignment of title words in window words (weighted LCS).

        Returns (matched weight, precision, first, last): precision is the matched share of the window's
        weight between the first and last matched words, so a title spread thin over a sentence scores low.
        """
        n, m = len(title), len(window)
        # dp[i][j]: best weight aligning title[:i] with window[:j]
        dp = [[0.0] * (m + 1) for _ in range(n + 1)]
        for i in range(1, n + 1):
            ti = title[i - 1]
            wi = self.weight(ti) or 0.05  # stopwords help alignment a little, never dominate
            row, prev = dp[i], dp[i - 1]
            for j in range(1, m + 1):
                best = row[j - 1] if row[j - 1] > prev[j] else prev[j]
                if window[j - 1] == ti and prev[j - 1] + wi > best:
                    best = prev[j - 1] + wi
                row[j] = best
        # Trace back the matched window positions.
        i, j, hits = n, m, []
        while i > 0 and j > 0:
            if (
                title[i - 1] == window[j - 1]
                and abs(dp[i][j] - (dp[i - 1][j - 1] + (self.weight(title[i - 1]) or 0.05))) < 1e-9
            ):
                hits.append(j - 1)
                i, j = i - 1, j - 1
            elif dp[i - 1][j] >= dp[i][j - 1]:
                i -= 1
            else:
                j -= 1
        if not hits:
            return 0.0, 0.0, -1, -1, set()
        first, last = min(hits), max(hits)
        matched = sum(self.weight(window[k]) for k in hits)
        span = sum(self.weight(window[k]) for k in range(first, last + 1))
        return matched, (matched / span if span else 0.0), first, last, {window[k] for k in hits}

    def _span(
        self, tokens: list[tuple[str, int, int]], k: int, first: int, last: int, s_start: int, text: str
    ) -> tuple[int, int, str]:
        a = s_start + tokens[k + first][1]
        b = s_start + tokens[k + last][2]
        return a, b, text[a:b]

    def _full_match(
        self,
        idx: int,
        window: list[str],
        tokens: list[tuple[str, int, int]],
        k: int,
        s_start: int,
        text: str,
        threshold: float,
    ) -> tuple[float, float, TreatyMention] | None:
        """The title, more or less whole, from window[0]: weighted in-order overlap with F1 >= threshold."""
        treaty, title = self._titles[idx]
        total = self._totals[idx]
        # Cheap bound first: even a perfect alignment cannot reach the threshold.
        if not total or sum(self.weight(x) for x in set(title) & set(window)) < 0.5 * total:
            return None
        matched, precision, first, last, hit_words = self._match(title, window)
        if first != 0:
            return None  # a mention starts where the title's first matched word is
        kind = self.kind(treaty.mtdsg_no)
        if kind and not set(kind.split()) <= hit_words:
            return None  # "United Nations" alone does not name the Charter of the United Nations
        recall = matched / total
        if recall + precision == 0:
            return None
        f1 = 2 * recall * precision / (recall + precision)
        distinct = len({window[x] for x in range(first, last + 1) if self.weight(window[x]) > 0})
        if f1 < threshold or distinct < 2:
            return None
        a, b, said = self._span(tokens, k, first, last, s_start, text)
        return matched * f1, f1, TreatyMention(treaty.mtdsg_no, a, b, said, round(f1, 3), kind)

    def _prefix_match(
        self, idx: int, window: list[str], tokens: list[tuple[str, int, int]], k: int, s_start: int, text: str
    ) -> tuple[float, float, TreatyMention] | None:
        """The opening words of a long title that no other title opens with: "the Convention against
        Torture" for the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment..."""
        treaty, title = self._titles[idx]
        n = 0
        while n < min(len(title), len(window)) and title[n] == window[n]:
            n += 1
        while n and title[n - 1] in _STOPWORDS:
            n -= 1  # "Convention against Torture and": the "and" starts words the text did not write
        if n >= len(title) or n < 2:
            return None
        prefix = tuple(title[:n])
        kind = self.kind(treaty.mtdsg_no)
        weighted = [x for x in prefix if self.weight(x) > 0]
        if len(weighted) < 2 or (kind and not set(kind.split()) <= set(prefix)):
            return None
        if self._prefixes.get(prefix, 0) != 1:
            return None  # "Convention on the Rights of": the Child or Persons with Disabilities?
        matched = sum(self.weight(x) for x in prefix)
        a, b, said = self._span(tokens, k, 0, n - 1, s_start, text)
        # Only the opening words of a title as a title is written: in one run, in capitals ("the
        # Convention against Torture"), not "the protocol, bringing the number" (Protocol Bringing under
        # International Control Drugs...).
        if re.search(r"[,.;:()]", said) or any(
            w[:1].islower() for w in re.findall(r"[^\W\d_]+", said) if _fold(w) not in _STOPWORDS
        ):
            return None
        score = round(matched / self._totals[idx], 3)
        return matched * 0.5, score, TreatyMention(treaty.mtdsg_no, a, b, said, score, kind)

    def find_mentions(self, text: str, *, threshold: float = 0.7) -> list[TreatyMention]:
        """Titles and short names named in the text, in order, without overlaps."""
        candidates: list[tuple[float, float, TreatyMention]] = []
        for t in self.treaties:
            names = [(a, "short name") for a in t.aliases] + [(a, "common name") for a in t.common_names]
            for alias, via in names:
                if not alias:
                    continue
                # Acronyms are matched as written ("CAT" is not "cat"); longer names case-insensitively.
                flags = 0 if alias.isupper() and len(alias) <= 8 else re.I
                for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text, flags):
                    mention = TreatyMention(
                        t.mtdsg_no, m.start(), m.end(), m.group(0), 1.0, self.kind(t.mtdsg_no), via
                    )
                    candidates.append((1e6 + len(alias), 1.0, mention))
        for s_start, s_end in split_sentences(text):
            tokens = self._split_glued(_tokens(text[s_start:s_end]))
            words = [w for w, _, _ in tokens]
            for k, w in enumerate(words):
                if w not in self._by_word:
                    continue
                for idx in self._by_word[w]:
                    treaty, title = self._titles[idx]
                    # A title written out takes about as many words as it has: a longer window lets the
                    # alignment run on to the same words later in the sentence ("... Migrant Workers and
                    # Members of Their Families is a treaty governing the protection of migrant workers").
                    window = words[k : k + len(title) + 12]
                    found = self._full_match(idx, window, tokens, k, s_start, text, threshold)
                    if found is None:
                        found = self._prefix_match(idx, window, tokens, k, s_start, text)
                    if found is not None:
                        candidates.append(found)
        # Longest, best-fitting first; a nested match (the Convention inside its Protocol's title) loses.
        # A common name inside a longer title ("Convention on the Rights of the Child" inside its
        # Optional Protocol's title) loses to the title: the longer span wins, then the better fit.
        candidates.sort(key=lambda c: (c[2].end - c[2].start, c[0], c[1], -c[2].start), reverse=True)
        accepted: list[TreatyMention] = []
        for _, _, mention in candidates:
            if any(mention.start < a.end and a.start < mention.end for a in accepted):
                continue
            accepted.append(mention)
        return sorted(accepted, key=lambda x: x.start)

    def match_title(self, name: str, *, threshold: float = 0.6) -> str | None:
        """The MTDSG number whose title (or short name) best fits `name`, or None."""
        found = self.find_mentions(name, threshold=threshold)
        if not found:
            return None
        return max(found, key=lambda x: (x.end - x.start, x.score)).mtdsg_no


def find_generic_refs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of generic references such as "the Optional Protocol" or "this Convention"."""
    return [
        (m.start(), m.end(), re.sub(r"\s+", " ", m.group("kind").lower()))
        for m in _GENERIC_REF.finditer(text)
    ]


# ---------------------------------------------------------------------------------------------------
# Claims


@dataclass(frozen=True)
class Claim:
    """One figure the text claims: what it counts, for which date and which treaty."""

    figure: int
    measure: str  # MEASURE_PARTIES, MEASURE_SIGNATORIES or MEASURE_SIGNED_NOT_PARTIES
    comparison: str  # "=", ">", ">=", "<", "~"
    qualifier: str | None
    noun: str | None  # the text's word: "countries", "states", "parties"...
    phrase: str
    start: int
    end: int
    number_start: int
    number_end: int
    sentence: str
    claimed_on: date | None
    date_text: str | None
    mtdsg_no: str | None
    treaty_text: str | None  # how the text names the treaty ("the Optional Protocol", "OPSC")
    link: str  # how the treaty was found: override | named | reference | before | after | none
    line: int = 1  # 1-based line of the number in the text
    kind: str = KIND_COUNT  # KIND_COUNT, or KIND_THRESHOLD for "entered into force after N ratifications"
    mode: str | None = None  # MODE_RATIFICATION / MODE_ACCESSION: a count of one way of joining
    source: str = "prose"  # "prose", or "infobox" for a "Parties 112" line
    date_source: str | None = None  # sentence | paragraph | byline | written-on | None (undated)
    treaty_via: str | None = None  # title | short name | common name (how the named treaty was recognised)
    event_on: date | None = None  # for a threshold: the date of the event its sentence tells, if any


# What joins a count to the treaty named right after it: "126 signatories to the Convention",
# "177 ratifications to the CRPD", "92 ratifications to its Optional Protocol", "party to the protocol".
_RIGHT_AFTER = re.compile(r"^[ \t]*(?:(?:to|of|for|under|in|by|with)[ \t]+)?(?:the[ \t]+)?$", re.I)


def _link(
    pos: int,
    sentence: tuple[int, int],
    mentions: Sequence[TreatyMention],
    refs: Sequence[tuple[int, int, str, str, str]],
    index: TitleIndex | None,
    end: int | None = None,
    text: str = "",
) -> tuple[str | None, str | None, str, str | None]:
    """(mtdsg_no, how the text names it, link, via) for a claim at `pos`."""
    lo, hi = sentence
    if end is not None and text:
        # A treaty named right after the count phrase is the one it counts, whatever came before.
        after_named = [m for m in mentions if end <= m.start < hi and _RIGHT_AFTER.match(text[end : m.start])]
        after_refs = [r for r in refs if end <= r[0] < hi and _RIGHT_AFTER.match(text[end : r[0]])]
        if after_named:
            m = after_named[0]
            return m.mtdsg_no, m.text, "named", m.via
        if after_refs and index is not None:
            r_start, _, kind, det, said = after_refs[0]
            resolved = _resolve_ref(kind, det, [m for m in mentions if m.end <= r_start], index)
            if resolved:
                return resolved, said, "reference", None
    named = [m for m in mentions if lo <= m.start and m.end <= pos]
    if named:
        m = named[-1]
        return m.mtdsg_no, m.text, "named", m.via
    # "As of 2021, the Optional Protocol has been ratified by 177" and "As of 2020, 176 states are party
    # to the protocol": a generic reference in the sentence, before the number or after it, points back
    # to the latest treaty of its kind named before it.
    in_sentence = [r for r in refs if lo <= r[0] < pos] or [r for r in refs if pos <= r[0] < hi]
    if in_sentence and index is not None:
        r_start, _, kind, det, said = in_sentence[-1] if in_sentence[0][0] < pos else in_sentence[0]
        earlier = [m for m in mentions if m.end <= r_start]
        resolved = _resolve_ref(kind, det, earlier, index)
        if resolved:
            return resolved, said, "reference", None
    # "One hundred and ninety-six states are party to the CRC": named later in the same sentence.
    later = [m for m in mentions if pos <= m.start < hi]
    if later:
        return later[0].mtdsg_no, later[0].text, "named", later[0].via
    before = [m for m in mentions if m.end <= pos]
    if before:
        return before[-1].mtdsg_no, before[-1].text, "before", before[-1].via
    after = [m for m in mentions if m.start >= pos]
    if after:
        return after[0].mtdsg_no, after[0].text, "after", after[0].via
    return None, None, "none", None


def _resolve_ref(kind: str, det: str, earlier: Sequence[TreatyMention], index: TitleIndex) -> str | None:
    """The treaty "the Protocol", "its Optional Protocol", "the treaty" refers to, given earlier mentions."""
    if not earlier:
        return None
    same = [m for m in earlier if _kind_matches(kind, m.kind)]
    if kind in ("optional protocol", "protocol"):
        # "the Convention ... and its Optional Protocol": the protocol to the treaty just named.
        last = earlier[-1]
        if det.lower() == "its" or not same:
            protocol = index.protocol_of(last.mtdsg_no)
            if protocol:
                return protocol
    if same:
        return same[-1].mtdsg_no
    if kind in ("treaty", "agreement", "accord"):
        return earlier[-1].mtdsg_no  # "the treaty" is any treaty: the Ottawa Convention too
    return None


# The tool's own annotations (render_annotated): never read back as claims.
_ANNOTATION = re.compile(r"\[\^claim-\d+\](?::[^\n]*)?")


def strip_annotations(text: str) -> str:
    """The text without check-claims footnote marks and footnotes (blanked, so positions stay)."""
    return _ANNOTATION.sub(lambda m: " " * len(m.group(0)), text)


def _event_on(sentence: tuple[int, int], dates: Sequence[DateMention]) -> date | None:
    inside = [d for d in dates if sentence[0] <= d.start < sentence[1] and d.precision == "day"]
    events = [d for d in inside if d.event] or inside
    return events[-1].on if events else None


def extract_claims(
    text: str,
    treaties: Iterable[TreatyName] | TitleIndex = (),
    *,
    treaty: str | None = None,
    written_on: date | None = None,
) -> list[Claim]:
    """Every count claim in `text`, dated and linked to a treaty (or `treaty` if given).

    An undated claim takes the text's own date: `written_on` if given, else a byline or dateline.
    """
    text = strip_annotations(text)
    index = treaties if isinstance(treaties, TitleIndex) else TitleIndex(treaties)
    counts = find_counts(text)
    if not counts:
        return []
    dates = find_dates(text)
    byline = find_byline(text)
    sentences = split_sentences(text)
    paragraphs = split_paragraphs(text)
    mentions = [] if treaty else index.find_mentions(text)
    refs = [
        (m.start(), m.end(), re.sub(r"\s+", " ", m.group("kind").lower()), m.group("det"), m.group(0))
        for m in _GENERIC_REF.finditer(text)
    ]
    usable = [d for d in dates if byline is None or d.start != byline.start]
    claims: list[Claim] = []
    for c in counts:
        claimed_on: date | None
        date_text: str | None
        date_source: str | None
        sentence = _containing(sentences, c.number_start)
        paragraph = _containing(paragraphs, c.number_start)
        # An infobox row ("Parties 112") is dated by the text's own date, never by a row above it.
        own_date = c.kind == KIND_THRESHOLD or c.source == "infobox"
        d = None if own_date else date_for(c.number_start, usable, sentence, paragraph, text)
        if d is not None:
            claimed_on, date_text = d.on, d.text
            date_source = "sentence" if sentence[0] <= d.start < sentence[1] else "paragraph"
        elif c.kind == KIND_THRESHOLD:
            claimed_on = date_text = date_source = None
        elif written_on is not None:
            claimed_on, date_source = written_on, "written-on"
            date_text = f"written on {written_on.isoformat()}"
        elif byline is not None:
            claimed_on, date_text, date_source = byline.on, byline.text, "byline"
        else:
            claimed_on = date_text = date_source = None
        mtdsg_no: str | None
        if treaty:
            mtdsg_no, treaty_text, link, via = treaty, None, "override", None
        else:
            found = _link(c.number_start, sentence, mentions, refs, index, c.end, text)
            mtdsg_no, treaty_text, link, via = found
            prev = claims[-1] if claims else None
            if (
                link == "before"
                and prev is not None
                and prev.mtdsg_no is not None
                and paragraph[0] <= prev.number_start
                and not any(prev.number_start < m.start < c.number_start for m in mentions)
            ):
                # "173 states are party to the protocol. A further 7 states have signed but not ratified
                # it.": "it" is what the claim before spoke of, not the last title named before both.
                mtdsg_no, treaty_text, via = prev.mtdsg_no, prev.treaty_text, prev.treaty_via
                link = "previous"
        ref_text = next(
            (said for s, _, _, _, said in reversed(refs) if sentence[0] <= s < c.number_start),
            None,
        )
        claims.append(
            Claim(
                figure=c.figure,
                measure=c.measure,
                comparison=c.comparison,
                qualifier=c.qualifier,
                noun=c.noun,
                phrase=c.phrase,
                start=c.start,
                end=c.end,
                number_start=c.number_start,
                number_end=c.number_end,
                sentence=re.sub(r"\s+", " ", text[sentence[0] : sentence[1]].strip()),
                claimed_on=claimed_on,
                date_text=date_text,
                mtdsg_no=mtdsg_no,
                treaty_text=treaty_text if treaty_text is not None else ref_text,
                link=link,
                line=text.count("\n", 0, c.number_start) + 1,
                kind=c.kind,
                mode=c.mode,
                source=c.source,
                date_source=date_source,
                treaty_via=via,
                event_on=_event_on(sentence, dates) if c.kind == KIND_THRESHOLD else None,
            )
        )
    return claims


__all__ = [
    "KIND_COUNT",
    "KIND_THRESHOLD",
    "MEASURE_PARTIES",
    "MEASURE_SIGNATORIES",
    "MEASURE_SIGNED_NOT_PARTIES",
    "MEASURE_WORDS",
    "MODE_ACCESSION",
    "MODE_RATIFICATION",
    "Claim",
    "CountMatch",
    "DateMention",
    "TitleIndex",
    "TreatyMention",
    "TreatyName",
    "date_for",
    "extract_claims",
    "find_byline",
    "find_counts",
    "find_dates",
    "find_generic_refs",
    "parse_number",
    "split_paragraphs",
    "split_sentences",
    "strip_annotations",
]
