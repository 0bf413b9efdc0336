"""Parties counted as the subject of a deed other than joining, for the frame stage's not-a-count reasons
(pipeline/claims/not_counts.py): "45 States Parties to the Convention attended", "None of the 17 States
Parties that produced cluster munitions", "79 signatory countries ... are still practising torture" are
those who did something else, a subset; "All 116 States Parties met", "The Treaty's 116 States Parties met"
are every party, named by its number."""

from __future__ import annotations

import re

from pipeline.claims.model import CountMatch
from pipeline.claims.numbers import DIGIT_NUMBER, WORD_NUMBER

# A count narrowed by what its members did besides joining: "17 States Parties that produced munitions".
_WHO_DID_OTHER = re.compile(
    r"^\s+(?:that|which|who)\s+(?:have\s+|had\s+|has\s+)?(?:(?:also|once|previously|formerly|ever)\s+)?"
    r"(?!(?:signed|ratified|acceded|joined|adhered|consented|become|been|deposited|expressed)\b)\w+ed\b",
    re.I,
)
# The parties counted as the subject of something other than joining: "Representatives of 120 States
# Parties attended", "33 States Parties have made the declaration", "40 States Parties still hold stockpiles".
_OTHER_ACTION = re.compile(
    # (not past a paragraph's end: a headline without a full stop is not the subject of the next paragraph)
    r"^(?:(?!\b(?:and|but|which|that)\b|\n[ \t]*\n)[^.;:,]){0,100}?"
    r"\b(?:attended|participated|took\s+part|submitted|(?:have\s+|has\s+)?made|(?:still\s+)?hold|still\s+ha(?:ve|s)|"
    # ("75 States Parties had paid their assessed contributions in full")
    r"voted|reported|objected|destroyed|completed|used|produced|stockpiled|paid|contributed|cleared|enacted|designated|"
    r"(?:have\s+|has\s+|had\s+)?(?:sent|nominated|appointed|hosted)|(?<!all\s)(?<!the\s)(?<!its\s)declared\s+(?!that\b)|met|(?:will\s+)?meet|gathered|convened|"
    # "At least 20 States parties maintain reservations to article 16"
    r"(?:maintain(?:ed)?|entered|lodged|formulated|withdrawn)\s+(?:\w+\s+){0,2}?(?:reservations?|objections?)|"
    r"(?:have|has)\s+done\s+so\s+(?:subject\s+to|with)\s|(?:accepted|recogni[sz]ed)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:inquiry|competence|procedure|jurisdiction|declaration)|"
    r"(?:are|were|remain|remained)\s+(?:still\s+)?(?:affected|contaminated|overdue|late|in\s+(?:breach|violation)|"
    r"in\s+compliance)|remain\s+contaminated|with\s+(?:reports?|obligations?|deadlines?)\b|"
    r"(?:have|has|had)\s+\w+\s+(?:overdue|outstanding)|"
    # "140 States parties to the CRC have yet to accept the complaints procedure": not party to another
    r"(?:ha(?:ve|s)\s+(?:yet\s+to\s+|not\s+(?:yet\s+)?)|ha(?:ve|s)n['’]t\s+(?:yet\s+)?)(?:accept|ratif|join|sign|become))",
    re.I,
)
# "79 signatory countries to the convention are still practising torture": a deed of theirs, not joining
_STILL_DOING = re.compile(
    r"^(?:(?!\b(?:and|but|which|that|who)\b|\n[ \t]*\n)[^.;:,]){0,80}?\b(?:are|were)\s+still\s+"
    r"(?!(?:considering|weighing|examining|studying|discussing|debating|working)\b)\w+ing\b",
    re.I,
)
# "71 States Parties have designated a National Preventive Mechanism": the parties as the subject of a deed
# other than joining, right after them (not "186 state parties have adopted the Convention").
_DEED_AFTER = re.compile(
    r"\s+(?:to\s+the\s+[^.;:,—–]{0,60}?\s+)?(?:have|has|had)\s+(?:(?:now|so\s+far|already|also)\s+)?"
    r"(?!(?:signed|ratified|acceded|joined|adhered|consented|become|been|deposited|expressed|notified|"
    r"accepted|approved|agreed|committed|bound|done|adopted|embraced|endorsed|formally|officially)\b)\w+ed\b",
    re.I,
)
_JOINED_BY = re.compile(r"\b(?:ratified|acceded\s+to|joined)\s+by\b", re.I)
_WHOLE_BEFORE = re.compile(
    r"\b(?P<n>\d{2,3})\s+(?:(?:states?|countries|nations)(?:\s+parties)?|parties)\b|"
    r"\bparties\s*:\s*(?P<m>\d{2,3})\b",
    re.I,
)


def deed_after(text: str, end: int) -> bool:
    """Do the words after a count ending at `end` tell a deed other than joining ("106 countries have now
    abolished the death penalty")?"""
    return _DEED_AFTER.match(text, end, end + 120) is not None


# A count told by a relative clause of joining, whose own verb comes after the treaty: "50 countries that
# have ratified the Convention have made reservations".
_WHO_JOINED = re.compile(
    r"\b(?:that|which|who)\s+(?:have|has|had)\s+(?:\w+\s+)?(?:ratified|acceded|joined)$", re.I
)


def _part_that_did(text: str, m: CountMatch) -> bool:
    """ "OPCAT has 90 States Parties. 71 States Parties have designated a mechanism": a deed other than
    joining, told of fewer parties than a count told just before (all 164 parties that "have destroyed their
    stockpiles" are still the whole)."""
    if not _DEED_AFTER.match(text, m.end, m.end + 120):
        return False
    told = _WHOLE_BEFORE.finditer(text, max(0, m.number_start - 600), m.number_start)
    return any(int(w.group("n") or w.group("m")) > m.figure for w in told)


# "64 out of the 147 States Parties have not accepted the competence": the share's whole is every party.
_WHOLE_OF_SHARE_BEFORE = re.compile(
    r"\b(?:" + DIGIT_NUMBER + "|" + WORD_NUMBER + r"|most|many|some|none|each)\s+"
    r"(?:out\s+)?of\s+(?:the|all(?:\s+the)?)\s+$",
    re.I,
)
# "All 116 States Parties met", "The Treaty's 116 States Parties met", "its 164 States Parties", "the Treaty,
# whose 110 States Parties meet each August": every party,
# named by its number, whatever they did together.
_EVERY_PARTY_BEFORE = re.compile(
    r"(?:\b(?:all(?:\s+the)?|its|their|whose)|^\s*the|[.!?]\s+the|(?:treaty|convention|protocol|covenant|"
    # (or a name's possessive mark alone after its s: "the Convention on Cluster Munitions' 90 Parties")
    r"(?-i:[A-Z]{2,5}))['’]s|\b(?-i:[A-Z])[a-z]+s['’])\s+$",
    re.I,
)


def did_other(text: str, m: CountMatch, before: str) -> bool:
    """Is the count `m` (the words `before` its number told) of those who did something other than join:
    a relative clause of another deed, a deed told after parties (unless every party is named by its
    number), or a deed still under way?"""
    if _WHO_DID_OTHER.match(text[m.end : m.end + 60]) and m.noun and not _JOINED_BY.search(m.phrase):
        # "None of the 17 States Parties that produced cluster munitions" (not "ratified by 193 nations who
        # have used it": the joining tells the whole, the clause describes them)
        return True
    if (
        re.search(r"(?:part(?:y|ies)|contracting\s+states)(?:\s+to)?$", m.phrase, re.I)
        and (_OTHER_ACTION.match(text[m.end : m.end + 120]) or _part_that_did(text, m))
        and not _WHOLE_OF_SHARE_BEFORE.search(before)
        and not _EVERY_PARTY_BEFORE.search(before)
    ):
        return True  # "45 States Parties to the Convention attended"
    if (
        _WHO_JOINED.search(m.phrase)
        and _OTHER_ACTION.match(text[m.end : m.end + 160])
        and not _EVERY_PARTY_BEFORE.search(before)
        # (the whole of a share stays a count: "Some of the 150 countries that have ratified it made ...")
        and not _WHOLE_OF_SHARE_BEFORE.search(before)
    ):
        return True  # "Over fifty countries that have ratified it have done so subject to reservations"
    return bool(
        re.search(r"(?:part(?:y|ies)|signator(?:y|ies))$", m.phrase, re.I)
        and _STILL_DOING.match(text[m.end : m.end + 160])
    )  # "79 signatory countries ... are still practising torture"


__all__ = ["deed_after", "did_other"]
