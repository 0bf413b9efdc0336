"""Why a figure a frame read is not a count of the treaty's whole membership, from the words around it: a
subset ("including 42 States Parties in Europe"), what is still needed ("two other ratifications are
required"), a condition ("until it is ratified by 44 specific nations"), a forecast or a goal ("is expected
to be signed by 70 countries", "a goal of 135 States Parties"), a change ("an additional 117 States").
Pure: the frame stage (pipeline/claims/frames.py) calls it on each count it read.
"""

from __future__ import annotations

import re

from pipeline.claims.clauses import ADVERBS, STATES
from pipeline.claims.deeds import did_other
from pipeline.claims.measures import MEASURE_SIGNATORIES, MEASURE_SIGNED_NOT_PARTIES
from pipeline.claims.model import (
    KIND_COUNT,
    KIND_THRESHOLD,
    REASON_CHANGE,
    REASON_CONDITION,
    REASON_NOT_UNDERSTOOD,
    REASON_RETRACTED,
    REASON_SEVERAL,
    REASON_SUBSET,
    REASON_THRESHOLD,
    REASON_TOTAL,
    CountMatch,
)
from pipeline.claims.numbers import DIGIT_NUMBER, ORDINAL, WORD_NUMBER
from pipeline.claims.scope import MORE_AFTER

# Numbers that count people, votes or shares, not states: "signed by 2 million people", "by 80 per cent",
# "by nearly 60% of UN members", "by 3/5 of", "by 1 in 2 countries".
NOT_STATES_AFTER = re.compile(
    r"^\s*(?:%|/\d{1,2}\s+of\b|in\s+(?:[2-9]|10|two|three|four|five|six|ten)\s+(?:countries|states|nations|UN)\b|"
    r"(?:million|billion|thousand|people|persons|individuals|citizens|votes|per\s*cent|percent|pc|"
    r"NGOs|organi[sz]ations|civil\s+society|signatures\s+of\s+(?:people|citizens))\b)",
    re.I,
)

# Not counts of the whole: regional subsets ("including 42 States Parties in Europe"), what is still needed,
# conditions ("until it is ratified by 44 specific nations") and forecasts ("is expected to be signed by 70").
_SUBSET_BEFORE = re.compile(
    r"\b(?:including|among\s+them|among\s+which|of\s+which\s+(?:only\s+)?in)\s+(?:the\s+)?$|"
    # "It was attended by 92 High Contracting Parties": those present
    r"\b(?:attended\s+by|(?:with\s+)?the\s+participation\s+of)\s+(?:representatives\s+of\s+)?(?:the\s+)?$|"
    # "gathered 1000 delegates from 52 States parties", "1,000 organisations from 60 countries joined ICBL"
    r"\b(?:gathered|brought\s+together|welcomed|hosted|attended\s+by)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:delegates|delegations|representatives|participants)\s+(?:from|of)\s+(?:the\s+)?(?:[^.;:()]{0,60},\s+)?$|"
    r"\b(?:organi[sz]ations|NGOs|groups|campaigners|activists)\s+(?:from|in)\s+(?:over\s+|more\s+than\s+|some\s+)?$|"
    # "4,000 inspections in 86 States Parties": where something was done
    r"\b(?:inspections|visits|missions|operations|programmes|programs|projects|offices|cases|incidents)\s+"
    r"(?:[\w-]+\s+){0,2}?in\s+(?:over\s+|more\s+than\s+|some\s+)?$",
    re.I,
)
# "Another 17 states deposited their instruments at a ceremony": the day's step, told in the simple past
# ("and another 4 have acceded", beside a count of ratifications, is one of two ways of joining).
# A count under a modal or a condition: "would be binding on 60 states", "If 60 countries ratify it", "once 40
# states ratify". "When 94 states signed it" (a count at an event) and "Peru will become the 41st" are not.
# (lower case: "May 2016" is a month)
# ("The hon. Member will know that 173 States are now party": what someone will know is so already)
_MODAL_BEFORE = re.compile(
    # ("will thus become the 194th nation to ratify", "will be the 187th country": which consent it is; not
    # "may be the 194th")
    r"\b(?:(?:would|could|might|should|may)\s+(?!become\b)|will\s+(?!(?:thus\s+|then\s+|now\s+|soon\s+)?(?:become|be\s+the)\b))"
    r"(?!(?:(?:well|surely|already|also)\s+)?(?:know|recall|remember|be\s+aware|note|see|agree|understand|"
    r"appreciate|acknowledge|find|be\s+pleased\s+to\s+(?:know|hear|learn))\s+that\b)(?:[\w-]+\s+){0,4}$"
)
_IF_BEFORE = re.compile(r"\b(?:if|unless|once|until|after|before)\s+(?:only\s+|just\s+)?$", re.I)
# "rising to 14 once 41 States have become parties": a condition in the perfect too
_ONCE_BEFORE = re.compile(r"\b(?:once|unless|until)\s+(?:only\s+|just\s+)?$", re.I)
_HAVE_DONE = re.compile(
    r"\s+(?:other\s+)?"
    + STATES
    + r"\s+(?:(?:that|which|who)\s+(?:have|has)\s+"
    + ADVERBS
    + r"(?:ratified|signed|acceded|joined)\b"
    # ("will join more than 114 other countries in committing themselves to ...": the others did already)
    + r"|in\s+(?:ratifying|signing|acceding|joining|committing|pledging)\b)",
    re.I,
)
_PERFECT = re.compile(r"\b(?:have|has|had|having|are|is|were|was)\b", re.I)
_HOPED_BEFORE = re.compile(  # and a goal: "to reach an ambitious goal of 135 State Parties"
    r"\b(?:will|would|could|might|should|may)\s+(?:soon\s+)?be\s+(?:up\s+to\s+|at\s+)?$|"
    r"\b(?:goal|target|aim|objective)\s+of\s+(?:at\s+least\s+)?$|"
    # ("Our goal: 100 ratifications by 2025"; "urge your government to become the 100th state to ratify")
    r"\b(?:goal|target|aim|objective|ambition)\s*:\s*(?:at\s+least\s+)?$|"
    r"\b(?:urge|urging|urges|call\s+(?:up)?on|calling\s+(?:up)?on|encourage|ask|help)\s+[^.;:!?]{1,60}?\bto\s+"
    r"(?:become|be)\s+(?:the\s+)?$|"
    # "Our goal is 100 ratifications by 2030"
    r"\b(?:goal|target|aim|objective|ambition)\s+(?:is|was|remains)\s+(?:to\s+reach\s+)?(?:at\s+least\s+)?$|"
    # "Our campaign aims to bring that number to 100 ratifications by 2030", "We hope to reach 100"
    r"\b(?:aims?|aiming|hopes?|hoping|seeks?|seeking|wants?|plans?|planning|intends?|strives?|working|"
    r"push(?:es|ing)?|goal\s+is)\s+to\s+(?:\w+\s+){0,5}$|"
    # "the protocol needs 7 more ratifications to reach 100 States parties"
    r"\b(?:needs?|needed|requires?|required)\s+(?:[\w-]+\s+){0,4}?to\s+(?:reach|hit|get\s+to)\s+$",
    re.I,
)
_ANOTHER_BEFORE = re.compile(r"\banother\s+$", re.I)
# "117 other nations have now signed", said beside one that did so too: the whole less the subject.
_OTHER_AFTER = re.compile(r"^\s+other\s+(?:\w+\s+)?(?:countries|states|nations|governments)\b", re.I)
# "151 other nations have now signed", "Eight other States are signatories": all but those told beside them.
_OTHERS_DID = re.compile(
    r"\s+other\s+(?:countries|states|nations|governments)\s*(?:[,.;]|$|"
    # ("Along with the 102 other countries worldwide that have ratified the ICCPR, Chile will report")
    r"(?:(?:worldwide|around\s+the\s+world|globally)\s+)?(?:(?:that|which|who)\s+)?(?:have|has|had|are|were)\s+"
    + ADVERBS
    + r"(?:signed|ratified|acceded|joined|members|part(?:y|ies)|signator(?:y|ies))\b|"
    # ("Nigeria and 59 other countries signed the treaty on Monday", "... sign UN arms treaty")
    r"(?:signed|ratified|acceded\s+to|joined|sign|ratify|join)\s+(?:the|a|an|its|this|UN|U\.N\.)\b)",
    re.I,
)
_REGIONS = (
    r"Europe|Africa|Asia|Oceania|the\s+Americas|Latin\s+America|the\s+Caribbean|the\s+Pacific|"
    r"the\s+Middle\s+East|the\s+Arab\s+(?:world|region)|the\s+(?:European\s+Union|EU)|the\s+region|"
    r"Western\s+Europe|Eastern\s+Europe|Central\s+Asia|South\s+America|North\s+America"
)
_REGION_AFTER = re.compile(r"^(?:\s+\w+){0,3}?\s+(?:in|from|of)\s+(?:" + _REGIONS + r")\b", re.I)
# The whole of a share, whose region is its part's: "Eight of the 31 ratifying states are from the region".
_WHOLE_OF_SHARE = re.compile(
    rf"(?:{DIGIT_NUMBER}|{WORD_NUMBER})\s+(?:out\s+)?of\s+(?:the\s+|its\s+|(?:the\s+)?[\w-]+['’]s\s+)?$", re.I
)
# A sentence that opens with its region: "In West Africa, the protocol has been ratified by seven countries".
_REGION_LEAD = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:In|Across|Within)\s+(?:(?:West|East|North|South|Southern|Central|Western|Eastern|"
    r"Northern|Sub-Saharan|sub-Saharan)\s+)?(?:" + _REGIONS + r")\s*,[^.!?\n]*$"
)
# An ordinal ranked within a region later in its clause: "the 27th country to become a party in Europe".
_REGION_LATER = re.compile(
    r"(?:(?!\s(?:and|worldwide|globally)\b|\n[ \t]*\n)[^.;:,!?]){0,100}?(?:[ \t]+|[ \t]*\n[ \t]*)in\s+(?:"
    + _REGIONS
    + r")\b",
    re.I,
)
_ORDINAL_PHRASE = re.compile(r"^(?:the\s+)?" + ORDINAL, re.I)
# Parties counted as the object of what someone did to them: "has helped 30 States Parties".
_OBJECT_OF = re.compile(
    r"\b(?:(?:helped|assisted|supported|urged|urges|called\s+on|calls\s+on|encouraged|invited|visited|reviewed|"
    r"across|trained|funded)\s+(?:the\s+)?|"
    # "registered 2,646 communications concerning 92 States parties" (not "petitions concerning the 116 States
    # parties to the First Optional Protocol": all of them)
    r"(?:concerning|regarding)\s+)$",
    re.I,
)
# ... unless the group is told by its act on the treaty: "urged the 13 signatory States that have yet to
# ratify the CTBT", "called on the 40 States that have not signed it" (a count of those, as without "urged").
_TOLD_BY_ITS_ACT = re.compile(
    r"[\w\s-]{0,30}?,?\s+(?:that|which|who)\s+(?:ha(?:ve|s|d)n['’]t\s+(?:yet\s+)?|(?:have|has|had)\s+(?:(?:yet\s+to|not(?:\s+yet)?|still\s+not)\s+)?)"
    r"(?:signed|ratified|joined|acceded|sign|ratify|join|accede)\b",
    re.I,
)
_STILL_NEEDED = re.compile(
    r"^[\w\s-]{0,40}?\b(?:(?:are|is|were|was)\s+(?:still\s+)?(?:required|needed|necessary|missing)"
    # "The 188 States Parties are required to take the steps": a duty, not what is missing
    r"(?!\s+to\s+(?!(?:bring|enter|reach|trigger|achieve|make|allow|put)\b))|"
    r"" + STATES + r"\s+(?:required|needed)\s+to\s+(?:ratify|sign|join|accede)|"
    r"(?:more|other|further|additional)\s+\w+\s+(?:are|is)\s+(?:required|needed)|"
    # "still some 110 ratifications short of universality": what is missing
    r"(?:short|shy)\s+of)\b",
    re.I,
)
# "representatives from 138 cities", "(96 residents of Banyule out of 100 signatories)": no states counted.
_NOT_STATES = re.compile(  # (nor reservations: "a total of 88 substantive reservations")
    r"\s+(?:[\w-]+\s+)?(?:cities|towns|municipalities|mayors|residents|citizens|people|reservations|objections)\b",
    re.I,
)
_PEOPLE_OUT_OF = re.compile(r"\b(?:residents|citizens|people|voters)\b[^.;()]{0,40}\bout\s+of\s+$", re.I)
# "it still needs ratification by eight countries": a threshold's frame told of what is missing.
_STILL_BEFORE = re.compile(r"\bstill\s+$", re.I)
# "bringing the number of ratifications still required to 19": what is missing, told as a number of.
_STILL_NEEDED_BEFORE = re.compile(
    r"\bnumber\s+of\s+\w+(?:\s+\w+)?\s+(?:still\s+)?(?:required|needed|necessary|missing|outstanding|to\s+go)\b",
    re.I,
)
# "needs 3 more ratifications", "is two ratifications short of", "awaits 5 further ratifications".
_NEEDS_BEFORE = re.compile(
    r"\b(?:needs?|requires?|required|lacks?|lacking|awaits?|awaiting|short\s+of|away\s+from)\s+"
    r"(?:only\s+|just\s+|another\s+|a\s+further\s+)?$",
    re.I,
)
# A number told as added to an earlier count: "two more countries", "an additional 117 States", "117
# additional States" (but "another 4 have acceded" beside a count of ratifications is one of two ways).
_PARTIES_BEFORE = re.compile(r"\b(?:ratified|ratifications|parties)\b", re.I)
_ADDED_BEFORE = re.compile(r"\ban\s+additional\s+$", re.I)
_MORE_AFTER_NUMBER = re.compile(r"^\s+(?:more|further|additional|other)\b", re.I)
_CONDITIONAL_BEFORE = re.compile(
    r"\b(?:until|unless|must|needs?\s+to|need\s+to|has\s+to(?!\s+date)|have\s+to(?!\s+date)|will|would|should|can|cannot|"
    r"could|may|might|if|(?:expected|likely|set|due|scheduled|slated|projected|planned|hoped|poised)\s+to)"
    r"\s+(?:\w+\s+){0,2}(?:be\s+)?$",
    re.I,
)


# "gained five additional signatures and 13 ratifications": the word of addition is shared by the list.
_ADDED_LIST_BEFORE = re.compile(r"\b(?:additional|more|new|further)\s+[\w-]+\s+and\s+$", re.I)
# "84 nations have signed a letter calling for ...", "a letter co-signed by 22 States": no treaty signed.
_PAPERS = r"(?:letter|statement|petition|appeal|communiqu[eé]|pledge|call)\b"
_SIGNED_OTHER = re.compile(r"\s+(?:a|an|the|this|their)\s+(?:joint\s+|open\s+|common\s+)?" + _PAPERS, re.I)
_PAPER_SIGNED_BY = re.compile(r"\b" + _PAPERS + r"\s+(?:was\s+)?(?:co-?)?signed\s+by\s+(?:\w+\s+)?$", re.I)
# "all 15 countries have ratified the nine core treaties", "fewer than 50 ... have ratified them": the
# states that joined several treaties (each of them), no count of one.
_SEVERAL_AFTER = re.compile(
    r"\s+(?:them\b(?!\s+(?:all|both)\b)|(?:all\s+|each\s+of\s+)?(?:the|these|those|both|all|its|their)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:treaties|conventions|covenants|protocols|instruments)\b)",
    re.I,
)
# "..., as States Parties or Signatories": those who did one or the other, two measures together.
_BOTH_MEASURES_AFTER = re.compile(
    r"[^.;\n]{0,60}?,?\s*(?:either\s+)?as\s+(?:states?[\s-]+)?(?:parties|signatories)\s+or\s+(?:as\s+)?"
    r"(?:states?[\s-]+)?(?:parties|signatories)\b|"
    # "has 196 member states — 185 that have signed the treaty and 170 that have ratified it": split after a
    # dash or colon into those who signed and those who joined
    r"\s+(?:[\w-]+\s+){0,2}?[—–:-]\s*\d{1,3}\s+(?:that|which|who)\s+have\s+(?:signed|ratified)\b"
    r"[^.;\n]{0,80}?\band\s+\d{1,3}\s+(?:that|which|who)\s+have\s+(?:signed|ratified)\b",
    re.I,
)


# "100 signatures, including 23 ratifications": of everyone who signed, those who also joined (a count
# of parties, not a group of the signatories).
# "117 countries have signed the convention to date, including 92 States Parties": the same.
_SIGNED_INCLUDING = re.compile(
    r"\b(?:signatures|signatories|signed\b[^.;]{0,60}?)\s*,?\s*including\s+$", re.I
)

# "An earlier version of this article said that 150 states had ratified": what a correction takes back.
_RETRACTED = re.compile(
    r"(?:^|[.!?:]\s+)(?:correction\b[^.\n]{0,40}?[:.-]\s*)?an?\s+(?:earlier|previous)\s+version\b[^.\n]{0,60}?"
    r"\b(?:said|stated|reported|gave|wrongly|incorrectly|misstated)\b[^.\n]*$",
    re.I,
)


# "Cluster bombs have been banned by over 100 countries": a weapon banned by treaty, told by the states bound
# by its ban (not "Corporal punishment has been banned by 60 countries": a law of each, no treaty's count).
_WEAPON_BANNED = re.compile(
    r"\b(?:bombs?|munitions|(?:land)?mines|weapons|arms)\s+(?:(?:have|has|had|are|is|were|was)\s+)?"
    r"(?:(?:now|already|so\s+far|been)\s+)*$",
    re.I,
)


def why_not_a_count(text: str, m: CountMatch) -> str | None:
    """Why a figure that looks like a count is not one (a subset, what is needed, a condition), or None."""
    if m.phrase.lower().startswith("banned") and not _WEAPON_BANNED.search(
        text, max(0, m.start - 60), m.start
    ):
        return REASON_NOT_UNDERSTOOD
    if _RETRACTED.search(text, max(0, m.number_start - 200), m.number_start):
        return REASON_RETRACTED
    if (
        m.figure > 250
        or _NOT_STATES.match(text, m.number_end)
        or _PEOPLE_OUT_OF.search(text, max(0, m.number_start - 80), m.number_start)
    ):
        return REASON_NOT_UNDERSTOOD  # no states counted (nor so many: there are not 250 states)
    if m.kind == KIND_THRESHOLD and _STILL_BEFORE.search(text, max(0, m.start - 20), m.start):
        return REASON_THRESHOLD  # "it still needs ratification by eight countries": what is missing
    before = text[max(0, m.number_start - 60) : m.number_start]
    before_q = before[: len(before) - len(m.qualifier or "")] if m.qualifier else before
    after = text[m.number_end : m.number_end + 80]
    if _SUBSET_BEFORE.search(before_q.rstrip() + " ") and not (
        _SIGNED_INCLUDING.search(text, max(0, m.number_start - 120), m.number_start)
        and m.measure != MEASURE_SIGNATORIES
    ):
        return REASON_SUBSET
    if (_REGION_AFTER.match(text[m.number_end : m.end + 40]) or _REGION_AFTER.match(after)) and not (
        m.noun is not None and _WHOLE_OF_SHARE.search(before_q)
    ):
        return REASON_SUBSET
    if _REGION_LEAD.search(text, max(0, m.number_start - 300), m.number_start):
        return REASON_SUBSET  # "In West Africa, the protocol has only been ratified by seven countries"
    if _ORDINAL_PHRASE.match(m.phrase) and _REGION_LATER.match(text, m.number_end, m.number_end + 120):
        return REASON_SUBSET  # "the 27th country to become a State party to the instrument in Europe"
    if did_other(text, m, before_q):
        return REASON_SUBSET  # "45 States Parties to the Convention attended": those who did something else
    if m.kind == KIND_COUNT and _OBJECT_OF.search(before_q) and not _TOLD_BY_ITS_ACT.match(text, m.end):
        return REASON_SUBSET  # "the Convention has helped 30 States Parties complete clearance"
    if m.kind == KIND_COUNT and _NEEDS_BEFORE.search(before_q) and _MORE_AFTER_NUMBER.match(after):
        return REASON_THRESHOLD  # "needs 3 more ratifications to enter into force": what is missing
    if m.kind == KIND_COUNT and re.search(r"\bnext\s+$", before_q):
        return REASON_THRESHOLD  # "the next 19 ratifications could be reached by the end of the year"
    if m.kind == KIND_COUNT and (
        _HOPED_BEFORE.search(before_q)
        or (
            (
                _MODAL_BEFORE.search(text, max(0, m.number_start - 50), m.number_start)
                # ("it will be the first country to ratify": a hope, not yet an act the record dates)
                or (m.figure < 2 and re.search(r"\b(?:will|would)\s+be\s+the\s+$", before_q))
            )
            # "will then join the other 33 countries that have ratified": the others are there already
            and not _HAVE_DONE.match(text, m.number_end)
        )
    ):
        return (
            REASON_CONDITION  # "he hoped that they would be up to 90 States parties", "would join 40 other"
        )
    if (
        m.kind == KIND_COUNT
        and _IF_BEFORE.search(text, max(0, m.start - 30), m.start)
        and (not _PERFECT.search(m.phrase) or _ONCE_BEFORE.search(text, max(0, m.start - 30), m.start))
    ):
        return REASON_CONDITION  # "If 60 countries ratify it", "After 3 states signed it, the meeting closed"
    if (
        m.kind == KIND_COUNT
        and _ANOTHER_BEFORE.search(before_q)
        and not _PERFECT.search(m.phrase)
        # ("ratified by 43 states and signed by another 50": beside the parties, those who signed only)
        and not (m.phrase.lower().startswith("signed by") and _PARTIES_BEFORE.search(before))
    ):
        return REASON_CHANGE
    if m.kind == KIND_COUNT and _ADDED_LIST_BEFORE.search(before_q):
        return REASON_CHANGE  # "has gained five additional signatures and 13 ratifications": both added
    if m.phrase.lower().endswith(("signed", "sign")) and _SIGNED_OTHER.match(text, m.end):
        return REASON_NOT_UNDERSTOOD  # those who signed a letter, no treaty
    if _PAPER_SIGNED_BY.search(text, max(0, m.number_start - 50), m.number_start):
        return REASON_SUBSET  # "a letter co-signed by 22 States (parties)": some, who did something else
    if m.kind == KIND_COUNT and _SEVERAL_AFTER.match(text, m.end):
        return REASON_SEVERAL
    if _BOTH_MEASURES_AFTER.match(text, m.end):
        return REASON_TOTAL  # "111 states have joined the Convention, as States Parties or Signatories"
    if (
        m.kind == KIND_COUNT
        and _OTHER_AFTER.match(after)
        and not re.search(r"\bjoin\w*\s+(?:the\s+)?(?:more\s+than\s+|over\s+)?$", before)
        and not _OTHERS_DID.match(text, m.number_end)
    ):
        return REASON_SUBSET
    if (
        m.kind == KIND_COUNT
        and m.measure != MEASURE_SIGNED_NOT_PARTIES  # "An additional 31 states have signed but not ratified"
        and not (m.measure == MEASURE_SIGNATORIES and _PARTIES_BEFORE.search(before))  # "..., signed by an
        # additional 20": beside the parties, those who signed only
        and (_ADDED_BEFORE.search(before_q) or MORE_AFTER.match(after))
    ):
        return REASON_CHANGE  # "ten more states have ratified since", "an additional 117 States had become"
    if m.kind == KIND_COUNT and (_STILL_NEEDED.match(after) or _STILL_NEEDED_BEFORE.search(m.phrase)):
        return REASON_THRESHOLD  # "Two other ratifications are required": what is missing, not what is there
    if m.kind == KIND_COUNT and m.phrase.lower().startswith(("ratified by", "signed by", "joined by")):
        lead = text[max(0, m.start - 40) : m.start]
        if _CONDITIONAL_BEFORE.search(lead):
            return REASON_CONDITION  # "cannot enter into force until it is ratified by 44 specific nations"
    return None


__all__ = ["NOT_STATES_AFTER", "why_not_a_count"]
