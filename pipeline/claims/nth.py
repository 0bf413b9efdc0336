"""Counts told by an ordinal, for the frame stage: "Angola today became the 160th State to ratify the
Convention", "the 150th State Party", "as the 192nd member", "150th Nation Ratifies Treaty": the Nth who did,
a count on the day the sentence tells (the checker makes it a threshold when that consent brought the treaty
into force; thresholds.py reads the ordinals whose sentence tells of the entry into force)."""

from __future__ import annotations

import re

from pipeline.claims.clauses import ADVERBS
from pipeline.claims.measures import MEASURE_PARTIES, MEASURE_SIGNATORIES, SIGN_WORD
from pipeline.claims.model import CountMatch
from pipeline.claims.noun_frames import done_before
from pipeline.claims.numbers import ORD as _ORD
from pipeline.claims.numbers import ORDINAL as _ANY_ORD
from pipeline.claims.numbers import WORD_NUMBER, ordinal_of, parse_number, parse_ordinal
from pipeline.claims.sentences import CLAUSE_MARK
from pipeline.claims.state_names import state_spans
from pipeline.claims.thresholds import JOINING, MAKING_ONE, SPAN_AFTER, clause_around, exact, tells_entry

# Told in passing between the ordinal's noun and its verb: "the fifth country – and first in Africa – to
# ratify", "the 50th state, and the first in Asia, to ratify", "the 100th state (Mauritania) to ratify".
_ASIDE = (
    r"(?:\s+[–—-]\s*[^–—.;:\n]{1,40}?\s*[–—-]\s+|\s*,\s*[^,.;:\n]{1,40}?,\s+|\s+\([^()\n]{1,40}\)\s+|\s+)"
)
# "the 160th State to ratify": a count on the day (nth_to_matches), unless its sentence tells of the entry
# into force (then the ordinal threshold pattern reads it).
# "the 46th state ratifying the Convention": the participle says the same.
_TO_JOIN = (
    # "the 100th country to have signed it": the perfect says the same
    r"(?:to\s+(?:have\s+)?(?P<verb>ratify|ratified|accede|acceded|join|joined|become\s+(?:a\s+)?party|"
    r"sign(?:ed)?\s+(?:up|on)\s+to|signed|sign|adhere|adhered|deposit|deposited)|"
    r"(?P<ing>ratifying|acceding|joining|signing|adhering|depositing))"
)
# "the 160th State to ratify", "the 150th State Party" (a State Party: a count of parties).
# "the convention's 190th state party": the treaty's own Nth.
# (A headline's ordinal without its article, "Paraguay becomes 30th nation to ratify", is the record's to
# read: loose_ordinals.py.)
_NTH_TO = re.compile(
    # ("among the first to ratify", "one of the first to": of a group, no count)
    r"\b(?<!among\s)(?<!of\s)(?:the|as|its|(?:convention|treaty|protocol|covenant|(?-i:[A-Z]{2,5}))['’]s)\s+(?:"
    + _ORD
    # "Iraq was the 20th to ratify": the noun left out
    # ("the 181st United Nations Member State to ratify")
    + r")\s+(?:(?:(?:high\s+contracting\s+|contracting\s+|(?:(?:UN|U\.N\.|United\s+Nations)\s+)?member\s+)?"
    r"(?:state|country|nation|party|government|entity)"
    + _ASIDE
    + r"|(?=to\s))"
    + _TO_JOIN
    + r"|(?:state|country|nation)\s+part(?:y|ies)|(?:ratifying|acceding)\s+(?:state|country|nation)"
    # "thus is the 126th High Contracting Party": the treaty's own word for a party
    r"|(?:high\s+)?contracting\s+party"
    # "the 158th member state of the Convention": a member of a treaty is a party to it
    r"|member\s+(?:state|country|nation)(?=\s+(?:of|to)\s+(?:the|this|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:convention|treaty|protocol|covenant)\b)"
    r"|(?:high\s+contracting\s+|contracting\s+)?(?P<noun>signatory|party(?=\s+to\s+(?:the\b|its\b|this\b|(?-i:[A-Z]))))"
    r"(?!\s+to\s+(?:ratify|sign|join|accede))"
    # ("Chile became a State Party, the 40th to do so": the act told before, the noun left out)
    r"|(?:(?:state|country|nation)\s+to\s+|to\s+(?=do\s+(?:so|this|likewise)\b))(?P<other>[a-z]+))\b",
    re.I,
)
_AND_RATIFY = re.compile(r"\s+and\s+(?:then\s+)?(?:ratify|ratified|accede|acceded)\b", re.I)
_LEAVING = re.compile(r"(?:withdraw|denounce|leave|quit|exit|renounce|abandon|pull|reject|suspend)\b", re.I)
# "Angola has joined the CWC as the 192nd member" (or "becoming its 192nd member"), "signed the agreement as
# 163rd country", "deposited its instrument, making it the 164th party": the Nth of those the clause says
# joined (or signed).
_NTH_AS = re.compile(
    r"\b(?:as|becoming|making\s+it(?=\s+the\s+\S+\s+party\b))\s+(?:the\s+|its\s+)?(?:"
    + _ORD
    + r")\s+(?P<noun>member(?:\s+states?)?|country|state|nation|signatory|party)\b"
    r"(?!\s+to\b)(?![\s-]+part(?:y|ies)\b)",  # ("becoming the 20th State Party to ...": _NTH_TO's)
    re.I,
)
# "Germany was due to sign shortly, making it the 63rd.", "Peru ratified on Monday, which makes it the 40th":
# the noun left out at the clause's end, the act told before it in the clause.
_MAKING_NTH = re.compile(
    r"\b(?:making\s+(?:it|them)|(?:it|which|this)\s+(?:makes|made))\s+the\s+(?:"
    + _ORD
    + r")(?=\s*(?:[.;!?]|,\s|$))",
    re.I | re.M,
)
# "Some 50 governments have signed it, the 50th being Ecuador": the Nth of the act the clause before tells,
# the state named after "being".
_NTH_BEING = re.compile(
    r",\s+(?P<head>the)\s+(?:" + _ORD + r")\s+(?:one\s+)?being\s+(?=(?:the\s+)?(?-i:[A-Z]))", re.I
)
_JOINING_OR_PARTY = re.compile(JOINING.pattern + r"|\bpart(?:y|ies)\b", re.I)


def _clause_before(text: str, m: re.Match[str]) -> str:
    """The words of the clause around `m` before it."""
    clause = clause_around(text, m.start(), m.end())
    return clause[: max(0, clause.find(m.group(0)))]


def _act_told(before: str, joining: re.Pattern[str]) -> str | None:
    """The measure of the act `before` tells, an ordinal with its noun left out being the Nth of it: parties
    for joining (`joining`), else signatories for signing, else None."""
    if joining.search(before):
        return MEASURE_PARTIES
    return MEASURE_SIGNATORIES if SIGN_WORD.search(before) else None


# A headline's "150th Nation Ratifies Treaty", "100th Country Signs Convention": the Nth who did, that day.
_NTH_HEADLINE = re.compile(
    r"^[ \t#*>-]*(?:the\s+)?(?:" + _ORD + r")\s+(?:state|country|nation)\s+"
    r"(?P<verb>ratifies|joins|accedes|signs)\b",
    re.I | re.M,
)

# "a 30th country had signed on to the convention", "the 100th state ratified it on Monday": the Nth who did,
# told as the subject ("signed on", "signed up" to a treaty is joining it).
_NTH_DID = re.compile(
    r"\b(?:the|a)\s+(?:"
    + _ORD
    + r")\s+(?:state|country|nation)\s+(?:has\s+|had\s+)?"
    + ADVERBS
    + r"(?P<verb>ratified|joined|acceded|signed\s+(?:on|up)|signed)\b",
    re.I,
)

# "Iraq's accession to the Convention, the twentieth, means ...", "Guatemala's instrument of ratification,
# deposited earlier this year, was the twentieth": the Nth of the act the state's possessive names.
_NTH_OF_ACT = re.compile(
    r"['’]s\s+(?:instrument\s+of\s+)?(?P<act>ratification|accession|signature|instrument)\b"
    r"(?:[^,;.]{1,160}?)?(?:,\s+the\s+|(?:,[^,;.]{1,80},)?\s+(?:was|is|became)\s+the\s+)(?:"
    + _ORD
    + r")(?=\s*[,.;]|\s+(?:and|to|of)\b)",
    re.I,
)
# "It is ratification number 171", "Vanuatu is State Party number 117 to the ATT": the Nth by its number.
_NUMBERED = re.compile(
    r"\b(?P<noun>ratification|accession|state\s+party|party|signatory|signature)\s+(?:number|no\.)\s*"
    r"(?P<num>\d{1,3})\b(?![.,]\d)",
    re.I,
)
# "Malawi and Macedonia became the 22nd and 23rd countries to ratify": two counts, one per ordinal.
_NTH_AND = re.compile(
    r"\b(?:the\s+)?(?P<a>"
    + _ANY_ORD
    + r")\s+and\s+(?P<b>"
    + _ANY_ORD
    + r")\s+(?:states|countries|nations)\s+(?:respectively\s+)?"
    r"to\s+(?P<verb>ratify|accede|join|sign|deposit|become\s+part(?:y|ies))\b",
    re.I,
)

# "Thailand and Gabon were the two first governments to ratify the Protocol": N who did, when the clause
# names the N states (a count of the day of the later act). ("the first two countries to ratify" is
# clauses.ONE_OF's, with or without the states named.)
_N_FIRST = re.compile(
    r"\bthe\s+(?P<n>" + WORD_NUMBER + r"|\d)\s+first\s+"
    r"(?:states|countries|nations|governments)\s+to\s+(?:have\s+)?(?P<verb>ratif|sign|join|accede)\w*",
    re.I,
)


def _n_first(text: str) -> list[CountMatch]:
    """Each "the two first states to ratify" whose clause names that many states."""
    out: list[CountMatch] = []
    for m in _N_FIRST.finditer(text):
        try:
            figure = parse_number(m.group("n"))
        except ValueError:
            continue
        named = {code for _, _, code in state_spans(clause_around(text, m.start(), m.end()))}
        if 2 <= figure <= 9 and len(named) == figure:
            measure = MEASURE_SIGNATORIES if m.group("verb").lower() == "sign" else MEASURE_PARTIES
            out.append(exact(figure, measure, m.span(), m.span("n"), m.group(0)))
    return out


# "Malaysia ranks 147th among States Parties", "takes the 74th place among the States Parties", "ranking 59th
# and 86th respectively among their States Parties", "placed the Emirates at number 84 among the countries
# that have ratified": a state's place among those who joined (or signed).
_NTH_RANK = re.compile(
    r"\b(?:rank(?:s|ed|ing)?|tak(?:es|ing)|took|occup(?:ies|ied|ying)|stands?|stood|"
    r"plac(?:es|ed|ing)\s+(?:it|them|(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}))\s+"
    r"(?:at\s+)?(?:the\s+)?(?:(?P<a>" + _ANY_ORD + r")|number\s+(?P<num>\d{1,3})\b)"
    r"(?:\s*(?:,|and)\s*(?:the\s+)?(?P<b>" + _ANY_ORD + r"))?(?:\s+place)?(?:\s+respectively)?\s+"
    r"(?:among|in\s+the\s+list\s+of|on\s+the\s+list\s+of)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?P<noun>(?:high\s+)?contracting\s+parties|states?[\s-]+parties|parties|signatories|countries|states|nations)\b"
    r"(?P<rel>\s+(?:that|which|who)\s+(?:have\s+|had\s+)?(?P<verb>ratified|joined|acceded|signed)\b)?",
    re.I,
)


def _ranks(text: str) -> list[CountMatch]:
    """Each place `_NTH_RANK` reads: parties, or signatories of "among the signatories", "among the
    countries that have signed"; "among the countries" with no act says of what, so none."""
    out: list[CountMatch] = []
    for m in _NTH_RANK.finditer(text):
        noun, verb = m.group("noun").lower(), (m.group("verb") or "").lower()
        if noun in ("countries", "states", "nations") and not verb:
            continue
        signs = noun == "signatories" or verb == "signed"
        measure = MEASURE_SIGNATORIES if signs else MEASURE_PARTIES
        for group in ("a", "num", "b"):
            if not m.group(group):
                continue
            figure = int(m.group(group)) if group == "num" else parse_ordinal(m.group(group))
            if figure >= 10:
                out.append(exact(figure, measure, m.span(), m.span(group), m.group(0)))
    return out


# "China has become the 107th country to join the treaty, which ... came into force in 2014", "Jamaica was
# the first country to ratify the Convention, and this week Jordan ... ratified it, providing enough parties
# for it to enter into force": an entry into force told in a clause of its own (a relative clause about the
# treaty, other states' acts) is not this consent's; "..., which means it will now come into force", "...,
# and six months later the treaty became binding" are.
_RELATIVE_AFTER = re.compile(CLAUSE_MARK + r"(?:which|that)\s+(?!means?\b|meant\b)|;", re.I)
_AND_AFTER = re.compile(r",\s*and\s+", re.I)


def _own_clause(text: str, start: int, end: int) -> str:
    """The clause around [start, end), cut where a clause of its own begins after it, and where one ends
    before it: "The CRC entered into force in 1990, and Ghana was the first country to ratify it" (the
    ordinal's clause is the one whose subject is the state named after ", and")."""
    clause = clause_around(text, start, end)
    at = clause.find(text[start:end])
    if at < 0:
        return clause
    tail = at + (end - start)
    cuts = [m.start() for m in _RELATIVE_AFTER.finditer(clause, tail)]
    cuts += [m.start() for m in _AND_AFTER.finditer(clause, tail) if state_spans(clause[m.end() :])]
    leads = [
        m.end()
        for m in _AND_AFTER.finditer(clause, 0, at)
        if (subject := _SUBJECT.match(clause, m.end())) and state_spans(subject.group(0))
    ]
    return clause[max(leads, default=0) : min(cuts) if cuts else len(clause)]


# A state as the subject of the clause after ", and": "..., and Ghana was the first", "..., and the
# Republic of Korea became the 50th".
_SUBJECT = re.compile(
    r"(?:the\s+)?(?-i:[A-Z])[\w'’.-]*(?:\s+(?:(?-i:[A-Z])[\w'’.-]*|of|and|the)){0,5}?\s+"
    r"(?:was|became|is|becomes|has\s+become)\s+the\b"
)


# "the 172nd State party to the ICCPR and the 169th to the ICESCR" (", the 155th to the CAT"): a later
# ordinal, its noun left out, of another treaty named just after it.
_NTH_GAPPED = re.compile(
    r"[^.;:!?\n]{0,100}?(?:\band\s+|,\s*(?:and\s+)?)"
    r"(?P<who>(?:the\s+)?(?-i:[A-Z])[\w'’ -]{1,40}?\s+)?(?P<p>(?:the\s+)?(?P<o>"
    + _ANY_ORD
    + r"))(?:\s+(?:to|of)\s+(?:the\s+)?(?=[A-Z])|(?=\s*[,.;]))"
)


def _gapped(text: str, m: re.Match[str], measure: str) -> list[CountMatch]:
    """The later ordinals of "the Nth State party to X and the Mth to Y" (", the Lth to Z, ..."), read as
    the first."""
    out: list[CountMatch] = []
    at = m.end()
    while (
        len(out) < 6 and (g := _NTH_GAPPED.match(text, at)) is not None and parse_ordinal(g.group("o")) >= 10
    ):
        who = g.group("who")
        # "Sri Lanka became the 163rd State Party and the State of Palestine the 164th": another state, the
        # next place; without a state of its own, a place of another treaty named after it
        if (who and not state_spans(who)) or (
            not who and not re.match(r"\s+(?:to|of)\b", text[g.end("o") :])
        ):
            break
        out.append(exact(parse_ordinal(g.group("o")), measure, g.span("p"), g.span("o"), g.group("p")))
        at = g.end("o")
    return out


# "after (when, once) the 20th country ratified it": the Nth consent told as the event of another
_EVENT_LEAD = re.compile(r"\b(?:after|when|once|upon|following|as\s+soon\s+as)\s+$", re.I)


def nth_to_matches(text: str) -> list[CountMatch]:
    """ "Angola today became the 160th State to ratify the Convention": 160 parties (or signatories) on
    the day the sentence tells."""
    out = []
    for m in _NTH_HEADLINE.finditer(text):
        figure, group = ordinal_of(m)
        if figure >= 10:
            measure = MEASURE_SIGNATORIES if m.group("verb").lower() == "signs" else MEASURE_PARTIES
            out.append(exact(figure, measure, m.span(), m.span(group), m.group(0).strip(" \t#*>-")))
    for m in _NTH_TO.finditer(text):
        try:
            figure, group = ordinal_of(m)
        except ValueError:
            continue
        # ("the first entity to sign and ratify": a party's place)
        and_ratify = _AND_RATIFY.match(text, m.end()) is not None
        signing = (m.group("verb") or m.group("ing") or m.group("noun") or "").lower().startswith("sign")
        signing = signing and not and_ratify
        if figure < 10 and (signing or not state_spans(clause_around(text, m.start(), m.end()))):
            # "the first state to ratify" of no state named: an event of the day, as with thresholds; "the
            # first to sign": the record cannot order one day's signatures ("the first entity to sign and
            # ratify" is a party's place, as "the first to ratify")
            continue
        # "It is the twentieth state to do so": the act told before
        done = done_before(text, m.start()) if (m.group("other") or "").lower() == "do" else ""
        if m.group("other") and not done and not JOINING.search(clause_around(text, m.start(), m.end())):
            continue  # "the 161st State to ban mines after depositing its ratification": of those who joined
        if _LEAVING.match(m.group("other") or ""):
            continue  # "becomes the sixth state to withdraw from a treaty": of those who left, no count of it
        signs = (m.group("verb") or m.group("ing") or done).lower() in ("sign", "signed", "signing")
        signs = signs and not and_ratify
        if (
            not signs
            and tells_entry(_own_clause(text, m.start(), m.end()))
            and not MAKING_ONE.search(text, max(0, m.start(group) - 80), m.start(group))
        ):
            continue  # "following ratification by the 20th state party, it came into force": a threshold
        signs = signs or (m.group("noun") or "").lower() == "signatory"
        measure = MEASURE_SIGNATORIES if signs else MEASURE_PARTIES
        out.append(exact(figure, measure, (m.start(), m.end()), m.span(group), m.group(0)))
        out += _gapped(text, m, measure)
    for m in _NTH_AS.finditer(text):
        clause = clause_around(text, m.start(), m.end())
        joined = JOINING.search(clause) or m.group("noun").lower().startswith(("member", "party"))
        if not joined and not re.search(r"\bsign", clause, re.I):
            continue  # "as the 20th country": of what, the clause does not say
        figure, group = ordinal_of(m)
        if figure >= 10:
            measure = (
                MEASURE_PARTIES if joined and m.group("noun").lower() != "signatory" else MEASURE_SIGNATORIES
            )
            out.append(exact(figure, measure, (m.start(), m.end()), m.span(group), m.group(0)))
    for m in _MAKING_NTH.finditer(text):
        try:
            figure, group = ordinal_of(m)
        except ValueError:
            continue
        before = _clause_before(text, m)
        if figure >= 10 and (told := _act_told(before, JOINING)) and state_spans(before):
            out.append(exact(figure, told, (m.start(), m.end()), m.span(group), m.group(0)))
    for m in _NTH_BEING.finditer(text):
        figure, group = ordinal_of(m)
        # ("Some 86 states are now party to the protocol, the 86th being Thailand")
        told = _act_told(_clause_before(text, m), _JOINING_OR_PARTY)
        if figure >= 10 and told and state_spans(text[m.end() : m.end() + 60]):
            out.append(exact(figure, told, (m.start("head"), m.end()), m.span(group), m.group(0)[1:].strip()))
    for m in _NTH_DID.finditer(text):
        try:
            figure, group = ordinal_of(m)
        except ValueError:
            continue
        if SPAN_AFTER.search(text, max(0, m.start() - 80), m.start()) or (
            _EVENT_LEAD.search(text, max(0, m.start() - 20), m.start())
            and tells_entry(clause_around(text, m.start(), m.end()))
        ):
            # "30 days after the 20th nation ratified it", "It entered into force in 1981, after the twentieth
            # country had ratified it": the threshold (thresholds.py)
            continue
        if figure >= 10:
            measure = MEASURE_SIGNATORIES if m.group("verb").lower() == "signed" else MEASURE_PARTIES
            out.append(exact(figure, measure, (m.start(), m.end()), m.span(group), m.group(0)))
    for m in _NTH_OF_ACT.finditer(text):
        figure, group = ordinal_of(m)
        if figure >= 10:
            signs = m.group("act").lower() == "signature"
            measure = MEASURE_SIGNATORIES if signs else MEASURE_PARTIES
            out.append(
                exact(figure, measure, (m.start("act"), m.end()), m.span(group), m.group(0)[2:].strip())
            )
    for m in _NUMBERED.finditer(text):
        if (figure := int(m.group("num"))) >= 10:
            signs = m.group("noun").lower().startswith("signat")
            measure = MEASURE_SIGNATORIES if signs else MEASURE_PARTIES
            out.append(exact(figure, measure, m.span(), m.span("num"), m.group(0)))
    out += _ranks(text) + _n_first(text)
    for m in _NTH_AND.finditer(text):
        # (the checker makes one a threshold when that consent brought the treaty into force)
        signs = m.group("verb").lower() == "sign"
        measure = MEASURE_SIGNATORIES if signs else MEASURE_PARTIES
        for g in ("a", "b"):
            figure = parse_ordinal(m.group(g))
            if figure >= 10:
                out.append(exact(figure, measure, (m.start(), m.end()), m.span(g), m.group(0)))
    return out


__all__ = ["nth_to_matches"]
