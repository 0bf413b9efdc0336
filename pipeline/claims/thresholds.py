"""Thresholds for the claim reader: "entered into force after 50 ratifications", "the 30th ratification"
(facts about the Nth consent), and the ordinals of a state's place among those who joined."""

from __future__ import annotations

import re

from pipeline.claims.clauses import STATES
from pipeline.claims.measures import MEASURE_PARTIES
from pipeline.claims.model import KIND_COUNT, KIND_THRESHOLD, REASON_THRESHOLD, CountMatch, Skipped
from pipeline.claims.numbers import NUM as _NUM
from pipeline.claims.numbers import ORD as _ORD
from pipeline.claims.numbers import QUAL as _QUAL
from pipeline.claims.numbers import comparison_for, ordinal_of, parse_number, parse_ordinal, qualifier_key

JOIN_NOUN = (
    r"(?:ratifications?|instruments?|accessions?|acceptances?|states?|countries|country|nations?|parties|"
    r"consents?|signatories|governments)"
)
# Those who join (not their instruments): "after 50 countries", a count that needs words of entry into force.
_WHO_JOIN = re.compile(r"(?:states?|countries|country|nations?|parties|governments)$", re.I)
# "after 15 member states", "a minimum of 50 UN member states": who they are, between number and noun.
_MEMBERS = r"(?:(?:UN|U\.N\.|United\s+Nations|member|sovereign)\s+)*"
# Words saying that a figure is what brought (or will bring) a treaty into force. The figure is then
# a fact about the Nth consent deposited, not a count on a date.
_THRESHOLDS = (
    # "after it had been ratified by 50 states", "with the ratification by 40 states"
    re.compile(
        r"\b(?:after|upon|following|once|when|with)\s+(?:(?:it|the|treaty|convention|protocol|had|has|have|"
        # ("will take effect 90 days after it has been signed by at least 50 countries": consents meant)
        r"been|was|were|is|being|having|its)\s+){0,4}(?:ratified|ratifications?|deposit\s+of|accessions?|signed)"
        # ("after the deposit of instruments of ratification by twenty Governments")
        r"(?:\s+(?:the\s+)?instruments?\s+of\s+(?:ratification|accession))?"
        r"\s+(?:by|of)\s+(?:the\s+|a\s+minimum\s+of\s+)?" + _QUAL + _NUM + r"\b(?!\s*(?:st|nd|rd|th)\b)",
        re.I,
    ),
    # "six months after 30 ratifications", "after 20 instruments of ratification"
    re.compile(
        r"\b(?P<lead>after|upon|following|once|before|until|with|when|as\s+soon\s+as)\s+(?:(?:reaching|receiving|obtaining)\s+)?"
        r"(?:the\s+)?" + _QUAL + _NUM + rf"\s+{_MEMBERS}(?:ratifying\s+)?(?P<noun>{JOIN_NOUN})\b",
        re.I,
    ),
    # "Forty ratifications are required", "20 states are needed"
    re.compile(
        _QUAL
        + _NUM
        + rf"\s+(?:\w+\s+)?{JOIN_NOUN}(?:\s+(?:or|and)\s+{JOIN_NOUN})?"
        # ("the twenty instruments of ratification required by its article IX")
        + r"(?:\s+of\s+(?:ratification|accession)(?:\s+or\s+accession)?)?"
        + r"\s+(?:(?:are|is|were|was|will\s+be)\s+)?"
        # (not a duty: "the 103 States Parties required to submit an annual report")
        r"(?:required|needed|necessary)\b(?!\s+to\s+(?!(?:enter|bring|trigger|reach|ratify|sign|join|accede)\b))",
        re.I,
    ),
    # "reached the required 50 states parties", "requires ratification by at least 20 countries",
    # "requires the endorsements of 10 States", "the threshold of 20 ratifying States"
    # ("which needed only ten ratifications", "set the bar at fifty ratifications")
    re.compile(
        r"\b(?:required|requires|require|requiring|needs|needed|need|needing|threshold\s+of|minimum\s+of|"
        r"(?:bar|threshold)\s+at)\s+"
        r"(?:(?:the|an?|ratification|ratifications|endorsements?|consent|instruments?|deposit|by|of|"
        r"approval|acceptance|only|just)\s+){0,3}"
        + _QUAL
        + _NUM
        + rf"\s+{_MEMBERS}(?:ratifying\s+)?(?:{JOIN_NOUN}|states?[\s-]+parties)\b",
        re.I,
    ),
    # "needs to be ratified by 20 countries to enter into force", "must be ratified by 40 states": a
    # condition of entry into force (the sentence must say so) on a number of consents, whatever they are
    re.compile(
        r"\b(?:must|needs?\s+to|has\s+to|have\s+to|is\s+to|requires?\s+to|(?:is|are)\s+required\s+to)\s+be\s+"
        r"(?:ratified|acceded\s+to)\s+"
        r"by\s+(?:at\s+least\s+)?" + _QUAL + _NUM + r"\s+(?:countries|states|nations|parties)\b"
        r"(?!\s+(?:listed|named|mentioned|in\s+annex))",
        re.I,
    ),
    # "50 states need to ratify it for it to become international law", "40 states must ratify it before
    # it can enter into force": what entry into force needs (the sentence must say so)
    re.compile(
        _QUAL + _NUM + r"\s+" + STATES + r"\s+(?:need\s+to|must|have\s+to)\b[^.;:\d]{0,120}?\bratify\b"
        r"[^.;:\d]{0,20}?\b(?:for|before|to)\b[^.;:\d]{0,30}?\b(?:enter|come|become|take)\b",
        re.I,
    ),
    # "ratified by 50 states, triggering its entry into force": the count that brought it into force
    re.compile(
        _QUAL + _NUM + rf"\s+{_MEMBERS}(?:{JOIN_NOUN})\b[^.;:]{{0,40}}?,?\s+(?:thereby\s+|thus\s+)?"
        r"(?:triggering|which\s+triggered|that\s+triggered|and\s+triggered)\s+(?:(?:its|the)\s+)?"
        r"(?:[\w’']+\s+){0,2}?entry\s+into\s+force",
        re.I,
    ),
    # "the 30th ratification", "the fiftieth instrument"
    re.compile(
        # (a headline drops the article: "Convention Receives 100th Ratification")
        r"(?:\b(?:the|its)\s+|^[ \t]*|\b(?:receives?|received|reaches|reached|gets|got|hits|marks|welcomes|"
        r"welcomed|records|recorded|achieves|achieved|obtains|obtained|hails|hailed|celebrates|celebrated|"
        r"applauds|applauded|lauds|lauded|salutes|saluted|announces|announced)\s+)"
        r"(?:(?:decisive|final|required|necessary|crucial|key|last)\s+)?(?:"
        + _ORD
        + rf")\s+{_MEMBERS}(?:high\s+contracting\s+)?(?:{JOIN_NOUN}|instrument\s+of\s+ratification)\b",
        re.I | re.M,
    ),
    # "the 10 first States to ratify it, that will allow its entry into force": the first N who bring it in
    re.compile(
        r"\bthe\s+(?=first\s|\S+\s+first\s)(?:first\s+)?"
        + _NUM
        + r"\s+(?:first\s+)?(?:states|countries|nations)\b(?=[^.;:]{0,80}?"
        r"\b(?:(?:that|which|who)\s+)?(?:will|would|shall|can)\s+(?:allow|trigger|bring|enable|permit)\s+(?:about\s+)?"
        r"(?:its|the)\s+(?:[\w’']+\s+){0,2}?entry\s+into\s+force)",
        re.I,
    ),
    # "brought the number of ratifications to the required ten", "meeting the 50-state minimum": the number
    # the treaty asks for, named so (not "the necessary 10 days", "the necessary two thirds majority")
    re.compile(
        r"\bthe\s+(?:required|requisite|necessary|needed|minimum)\s+(?:minimum\s+(?:of\s+)?)?"
        + _NUM
        + r"(?![\w-])(?!\s+(?:days?|weeks?|months?|years?|per|%|votes?|members?|experts?|thirds?|"
        r"quarters?)\b)",
        re.I,
    ),
    re.compile(
        r"\b" + _NUM + r"-(?:state|country|nation|ratification)\s+(?:minimum|threshold|requirement)\b", re.I
    ),
    # "to collect the 20 ratifications it needed", "the 35 ratifications that the Covenant required": the
    # number its entry into force asked for, told in a clause after it
    re.compile(
        r"\bthe\s+" + _QUAL + _NUM + rf"\s+(?:ratifying\s+)?{JOIN_NOUN}\s+(?:(?:that|which)\s+)?"
        r"(?:it|they|(?:the|this)\s+(?:treaty|convention|protocol|covenant|instrument|text))\s+"
        r"(?:had\s+|has\s+|would\s+|still\s+)?(?:needed|required|needs|requires|need|require)\b",
        re.I,
    ),
)
_DID = re.compile(r"\s+(?:deposited|ratified|signed|acceded|joined)\b", re.I)
_DECISIVE = re.compile(r"\b(?:decisive|final|required|necessary|crucial|key|last)\b", re.I)
_MORE = re.compile(r"\s+(?:more|further|additional|other)\b|\s+(?:[\w-]+\s+)?vot(?:ed|ing)\b", re.I)
_MISSING_BEFORE = re.compile(r"\b(?:only|another|just)\s+$|(?:\bnot|n['’]t)\s+yet\b[^.;]{0,60}$", re.I)
_ORDINAL = 7  # "the 30th ratification"
_OTHER_RULE = re.compile(r"\b(?:shall|will|would)\b", re.I)
_MUST_BE = 4  # the "must be ratified by N states" pattern, which needs words of entry into force too
# "..., Iraq being the twentieth.", "Chile was the 20th.": the Nth of those the clause says joined, a
# fact about the order of deposits (the ordinal stands alone, after a verb of joining in its clause).
_BEING_NTH = re.compile(
    r"\b(?:being|was|as|is|became|becoming)\s+the\s+(?:" + _ORD + r")(?=\s*(?:[.,;:)]|$))", re.I
)
# "It will enter into force on 3 August 2024, making Côte d'Ivoire the 91st State party": the entry into
# force told is one state's, whose place in the order the ordinal gives (a count, not a threshold); so is
# "After the TPNW took effect, Cuba ratified the CTBT, making it the 168th ratifying state".
MAKING_ONE = re.compile(
    r"\b(?:making|makes|made)\s+(?:(?-i:[A-Z])[^,;.]{1,40}?|it|the\s+country)\s+the\s+$", re.I
)
JOINING = re.compile(r"\b(?:ratif|acced|accession|join|adhere|consent)\w*", re.I)
# Words of entry into force, which a threshold told as "after/when/with ... ratified by N" needs near it.
_ENTRY_WORDS = re.compile(
    r"\b(?:force|effect(?:ive)?|operation(?:al)?|binding|(?:international|statutory)\s+law|bec[oa]mes?\s+law)\b",
    re.I,
)
# "On 3 May 2008, thirty days after the twentieth instrument of ratification was deposited", "three months
# after the tenth ratification": a span of time after the Nth consent is a treaty's formula of entry into
# force, told without its words (an answer to "When did it take effect?").
SPAN_AFTER = re.compile(
    r"\b(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(?:days?|weeks?|months?)\s+(?:after|following)\s+"
    r"(?:the\s+(?:date\s+of\s+(?:the\s+)?)?)?(?:deposit\s+of\s+(?:the\s+)?)?$",
    re.I,
)
# Entry into force for one state ("entered into force for Somalia", "for the country", "for it"): the day
# the treaty binds a newcomer, not the treaty's own entry into force, so no threshold.
_FOR_ONE = re.compile(
    r"\binto\s+(?:force|effect)\s+for\s+(?:it|them|(?:the|this|that)\s+(?:country|state|nation)|"
    r"(?-i:(?:the\s+)?[A-Z][\w'’-]+))\b",
    re.I,
)


def tells_entry(clause: str) -> bool:
    """Words of the treaty's entry into force in a clause (not its entry into force for one state, nor
    withdrawals taking effect: "the withdrawals took effect, six months after the three governments ...")."""
    return bool(_ENTRY_WORDS.search(_FOR_ONE.sub(" ", clause))) and not _WITHDRAWALS.search(clause)


_WITHDRAWALS = re.compile(r"\b(?:withdr[ae]w\w*|denunciations?|denounced)\b", re.I)


def exact(
    figure: int,
    measure: str,
    span: tuple[int, int],
    number: tuple[int, int],
    phrase: str,
    *,
    noun: str | None = None,
    kind: str = KIND_COUNT,
    source: str = "prose",
) -> CountMatch:
    """A count stated exactly ("the 160th State", "Parties 112", "Condition: 20 ratifications"): no
    qualifier, the phrase with its runs of white space made one."""
    return CountMatch(
        figure=figure,
        measure=measure,
        comparison="=",
        qualifier=None,
        noun=noun,
        start=span[0],
        end=span[1],
        number_start=number[0],
        number_end=number[1],
        phrase=re.sub(r"\s+", " ", phrase),
        kind=kind,
        source=source,
    )


# A full stop (with the citation marks a copied page prints after it: "1993.[1] Pursuant") or a blank line.
_SENTENCE_END = r"[.!?](?:\[\w+\])*\s|\n[ \t]*\n"


def clause_around(text: str, start: int, end: int) -> str:
    """The text of the sentence around [start, end) (cut at . ! ? followed by a space, and at a blank line:
    a heading above is not part of the sentence)."""
    lo = max((m.end() for m in re.finditer(_SENTENCE_END, text[max(0, start - 300) : start])), default=0)
    lo += max(0, start - 300)
    hi = re.search(r"[.!?](?:\[\w+\])*(?:\s|$)|\n[ \t]*\n", text[end : end + 300])
    return text[lo : end + (hi.start() if hi else 300)]


def threshold_matches(text: str) -> tuple[list[CountMatch], list[Skipped]]:
    """Thresholds, and the numbers of rules tied to the Nth consent that are not entry into force."""
    out = []
    rules: list[Skipped] = []
    for i, pattern in enumerate(_THRESHOLDS):
        for m in pattern.finditer(text):
            if (
                i == 1
                and m.group("lead").lower() == "with"
                and (
                    _WHO_JOIN.search(m.group("noun"))
                    or m.group("qual")
                    or m.group("noun").lower() == "signatories"
                )
            ):
                continue  # "in force ..., with a total of 110 States Parties": a count (not "With 50
                # ratifications, it entered into force")
            needs_entry = i in (0, _MUST_BE) or (
                i == 1 and (_WHO_JOIN.search(m.group("noun")) or m.group("lead").lower() == "with")
            )
            g = m.groupdict()
            n_group = "word" if g.get("word") else "num"
            n_start, n_end = m.span(n_group)
            if i == _ORDINAL and MAKING_ONE.search(text, max(0, n_start - 80), n_start):
                continue  # "..., making Côte d'Ivoire the 91st State party": a count (nth_to_matches)
            if i == _ORDINAL and _WHO_JOIN.search(m.group(0)):
                # "the 20th country to ratify ..., triggering its entry into force" is a threshold; "the
                # 11th country to deposit" and "the 100th country to sign" are counts (nth_to_matches).
                needs_entry = True
                if re.match(r"\s+to\s+sign\b", text[m.end() :]):
                    continue
            if (
                needs_entry
                and not tells_entry(clause_around(text, m.start(), m.end()))
                # ("30 days after the 20th nation ratified it": a span after the Nth consent tells it)
                and not (i == _ORDINAL and SPAN_AFTER.search(text, max(0, m.start() - 80), m.start()))
            ):
                continue  # "after three countries signed": an event, unless it tells of entry into force
            if _MORE.match(text, m.end("num") if m.groupdict().get("num") else m.end()):
                continue  # "after being ratified by two more countries" (a change), "after 122 voted"
            if i == 1 and m.group("lead").lower() == "when" and _DID.match(text, m.end()):
                continue  # "the threshold was crossed on 25 September, when eight States deposited": a step
            if (
                i in (1, _ORDINAL)
                and _OTHER_RULE.search(clause := clause_around(text, m.start(), m.end()))
                and not tells_entry(clause)
            ):
                # "after the 50th ratification ..., the number of members of the SPT shall increase": a
                # rule of the treaty tied to its Nth consent, about something other than entry into force.
                rules.append(Skipped(n_start, n_end, REASON_THRESHOLD))
                continue  # "when it was ratified by 100 states": a count at an event, not a threshold
            if n_group == "word":
                figure = parse_ordinal(g["word"])
                if figure < 10:
                    continue  # "the first state to ratify": an event, not the threshold of entry into force
            else:
                try:
                    figure = parse_number(g["num"])
                except ValueError:
                    continue
            if 1900 <= figure <= 2100 or (i == 1 and figure < 3):
                continue  # a year; "when one country ratified it" (an event)
            if re.search(r"\b(?:more|other|further|additional|remaining)\b", m.group(0), re.I) or (
                _MISSING_BEFORE.search(text[max(0, m.start() - 80) : m.start()])
            ):
                continue  # "only three more ratifications are needed", "not yet in force, as 8 must": missing
            qual = g.get("qual")
            qual_key = qualifier_key(qual)
            kind = KIND_THRESHOLD
            if (
                i == _ORDINAL
                and not _DECISIVE.search(m.group(0))
                and not tells_entry(clause_around(text, m.start(), m.end()))
                and not SPAN_AFTER.search(text, max(0, m.start() - 80), m.start())
            ):
                # "The 150th ratification is evidence of ...": the Nth consent, a count on the day told; the
                # checker reads it as a threshold when the Nth consent brought the treaty into force.
                kind = KIND_COUNT
            out.append(
                CountMatch(
                    figure=figure,
                    measure=MEASURE_PARTIES,
                    comparison=comparison_for(qual),
                    qualifier=qual_key,
                    noun=None,
                    start=m.start(),
                    end=m.end(),
                    number_start=n_start,
                    number_end=n_end,
                    phrase=re.sub(r"\s+", " ", m.group(0).strip()),
                    kind=kind,
                )
            )
    return out + _being_nth(text), rules


_NTH_BEFORE = re.compile(r"(?:" + _ORD + r")\s+(?:states?[\s-]+part(?:y|ies)|country|state|nation)\b", re.I)


def _being_nth(text: str) -> list[CountMatch]:
    out = []
    for m in _BEING_NTH.finditer(text):
        clause = clause_around(text, m.start(), m.end())
        before = text[max(0, m.start() - 250) : m.start()]
        if not JOINING.search(clause) and not (JOINING.search(before) and _NTH_BEFORE.search(before)):
            # "Austria was the fifteenth": of what, the sentence does not say (unless the one before does:
            # "..., days after Sri Lanka became the 163rd State Party. Palestine is the 164th.")
            continue
        figure, group = ordinal_of(m)
        if figure < 10:
            continue  # "the first": an event, as with thresholds
        out.append(
            exact(figure, MEASURE_PARTIES, (m.start(), m.end()), m.span(group), m.group(0), kind=KIND_COUNT)
        )
    return out
