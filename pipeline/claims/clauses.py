"""Count frames told with the words around the number, for the frame stage (pipeline/claims/frames.py): a
verb told before ("have done so", "that number has grown to 27"), who is left out ("join 186 other
nations"), who has not ratified ("16 of the signatories have not ratified", "despite signing it"), a
headline's "Ratification ... Reaches 150 Countries", a running total ("for a total of 130"), a number
in apposition ("the highest number of states parties, 191,"), the starting figure after a "since", and a
bare count that shares a threshold's condition."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from pipeline.claims.numbers import EXTRA as _EXTRA
from pipeline.claims.numbers import NUM as _NUM
from pipeline.claims.numbers import QUAL as _QUAL

# "So far nine states have done so, and today that number has grown to 27": the number told before, now
# grown; it counts what the verb told before it counts (read_counts looks the verb up, as for "done so").
# ("a figure that has since risen to 100", "by 2010 the number had grown to 115": of the verb or noun before)
THAT_NUMBER = re.compile(
    r"\b(?:(?:that|this|the)\s+(?:number|figure|total|tally|count)|an?\s+(?:number|figure|total|tally)\s+(?:that|which))"
    r"\s+(?:has\s+|had\s+)?(?:(?:now|since|already|so\s+far)\s+)?"
    # ("Today the figure is 193", "the count stands at 164", "has fallen to 15")
    r"(?P<verb>(?:grown|risen|rose|grew|increased|climbed|fallen|fell|dropped|gone\s+up|gone\s+down|doubled|"
    r"tripled|trebled)\s+to|"
    r"reached|passed|crossed|topped|(?:stands|stood)\s+at|is|was)\s+(?:now\s+)?"  # ("that number is now 110")
    + _QUAL
    + _NUM
    + r"\b(?!\s*(?:per\s*cent|percent|%))",
    re.I,
)

# The adverbs that may stand between an auxiliary and its participle without changing what is counted:
# "have so far ratified", "had already signed", "have now formally joined".
ADVERB_WORDS = (
    r"now|so\s+far|thus\s+far|to\s+date|already|also|since|formally|officially|fully|currently|just|finally|"
    r"recently|reportedly|all|each|actually|eventually|ultimately|effectively|subsequently|later|then|together|initially|originally"
)
ADVERBS = rf"(?:(?:{ADVERB_WORDS})\s+)*"
# "All but one UN member state have ratified", "all but 16 of the 193": what follows counts those left out.
ALL_BUT = re.compile(r"\ball\s+(?:but|except|save)\s+$", re.I)
# Where and when, between a participle and its agent: "signed in Oslo in December 2008 by 94 countries",
# "ratified on 3 May 2010 by 40 States", "signed that December by 122": a place, a month, a year, a pointer.
ADJUNCTS = (
    r"(?:(?:(?:in|at|on)\s+(?:\d{1,2}\s+)?(?:(?-i:[A-Z])[\w-]*|\d{4})(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?(?:\s+\d{4})?|"
    r"(?:that|the\s+same)\s+(?:day|month|year|(?-i:[A-Z])[a-z]{2,8})),?\s+){0,3}(?:\([^()]{1,40}\)\s+)?"
)
# The states a count counts, by the nouns texts use: "countries", "States", "UN member states" (and typos).
STATES = (
    r"(?:(?:UN\s+|U\.N\.\s+|United\s+Nations\s+)?member\s+)?"
    r"(?:countries|contries|states|sates|nations|governments)"
)

# "Ruritania's ratification ... has brought the tally to 100": a running total of what was told before
# it (read_counts looks the word up, as for "done so").
BROUGHT_TO = re.compile(
    # (a headline drops the article: "Two more countries join the treaty, bringing total to 45")
    r"\b(?P<verb>brought|brings|bringing|took|takes|taking|raised|raises|raising)\s+(?:(?:the|its|their)\s+)?"
    # "the Convention's membership to 150", "membership of the ATT to 62", "the ATT's parties to 62": its noun
    r"(?:tally|total|count|(?:total\s+)?number(?:\s+of\s+"
    + STATES
    + r")?|(?:[\w-]+\s+){0,6}?[\w-]+['’]s\s+(?:membership|(?:states?\s+)?parties|signatories|ratifications)|"
    r"membership(?:\s+of\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+[\w'’-]+){0,9}?)?)"
    r"\s+to\s+" + _QUAL + _NUM + r"\b(?!\s*(?:per|%))(?!\s+(?:million|people|persons))",
    re.I,
)

# "the 10th anniversary of the signing of the treaty by 122 nations", "adherence to the Convention by 162
# States": the act, told as a noun.
SIGNING_BY = re.compile(
    r"\b(?P<verb>signing|signature|adherence)\s+(?:of|to)\s+(?:the|a|this|its)\s+(?:[\w-]+\s+){0,6}?by\s+"
    + _QUAL
    + _NUM
    + r"\s+(?:countries|states|nations|governments)\b",
    re.I,
)

# "181 States worldwide have signed": where the counted are, when it is everywhere.
WHERE = (
    r"(?:\s+(?:world-?wide|globally|in\s+total|altogether|in\s+all|(?:around|across|in)\s+the\s+world|"
    r"(?:around|across)\s+the\s+globe|of\s+the\s+(?:world|globe)|"  # ("193 States of the world are parties")
    r"of\s+the\s+(?:United\s+Nations|UN|U\.N\.)))?"
    # "167 States so far have signed": when, told before the auxiliary.
    r"(?:\s+(?:so\s+far|thus\s+far|to\s+date|already|now|currently))?"
)

# What "have done so", "that number" and "brought the tally to" point back to.
DONE_SO = re.compile(
    r"\b(?P<verb>signed|ratified|acceded|joined|accepted|deposited|sign|ratify|accede|join|ratification|accession|"
    r"signature|bec[oa]me\s+(?:an?\s+)?(?:states?[\s-]+)?part(?:y|ies)|(?:notified|expressed)\s+(?:its|their)\s+consent)\b",
    re.I,
)
# "111 have accepted the Committee's competence ... by becoming parties to the Optional Protocol": a
# count of those who joined the treaty the "by" clause names (the means of accepting).
ACCEPTED_BY_JOINING = re.compile(
    r"(?<![\w,.-])" + _QUAL + _NUM + r"\s+(?:" + STATES + r"\s+)?"
    r"(?:have|has|had)\s+(?:\w+\s+)?(?:accepted|recogni[sz]ed)\b[^.;]{0,120}?\bby\s+"
    r"(?P<verb>becoming\s+(?:states?\s+)?part(?:y|ies)|(?:ratifying|acceding)(?:\s+or\s+(?:ratifying|acceding))?|"
    r"joining)\b",
    re.I,
)

# "16 of the signatories have not ratified": of everyone who signed, those not yet parties.
SIGNATORIES_NOT = re.compile(
    _QUAL + _NUM + r"\s+of\s+(?:the|its|these|those)\s+(?P<noun>signatories|signatory\s+states)\s+"
    r"(?:(?:that|which|who)\s+)?(?:ha(?:ve|s)\s+(?:not|yet\s+to|still\s+not)|ha(?:ve|s)n['’]t)\s+(?:yet\s+)?"
    r"(?P<verb>ratified|ratify)\b",
    re.I,
)

# "the United States should at last join 186 other nations": those already parties, the subject not one
# ("Ghana joins 91 others in ratifying the treaty").
JOIN_OTHERS = re.compile(
    r"\b(?P<verb>join|joins|joined|joining)\s+(?:the\s+)?" + _QUAL + _NUM + r"\s+(?:other\s+"
    r"(?:(?:ratifying|acceding|member)\s+)?(?:countries|states|nations|members|(?:states?\s+)?parties)\b"
    r"(?!\s+(?:in|by)\s+signing)|others(?=\s+in\s+(?:ratifying|acceding|joining|becoming)\b))",
    re.I,
)
# "joining the 141 other signing nations", "US joins 90 other Arms Trade Treaty signatories": those who had
# signed, the subject not one.
JOIN_OTHER_SIGNERS = re.compile(
    r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?"
    + _QUAL
    + _NUM
    + r"\s+other\s+(?:(?-i:[A-Z])[\w-]*\s+){0,6}?"
    + rf"(?P<verb>signing(?=\s+{STATES})|signatory(?=\s+{STATES})|signatories)(?:\s+{STATES})?\b",
    re.I,
)

# "It currently has signatures from 92 different states", "has the ratification of 150 countries": the acts,
# counted by who made them.
ACTS_FROM = re.compile(
    r"\b(?:has|had|have|with|received|receives|gathered|collected|won|garnered|garners|attracted|obtained)\s+(?:the\s+)?(?P<noun>signatures?|ratifications?|adhesion|accessions?)\s+"
    r"(?:from|of)\s+" + _QUAL + _NUM + r"\s+(?:different\s+|other\s+|separate\s+)?" + STATES + r"\b",
    re.I,
)
# "signed by 185 countries, with 168 of those countries also ratifying it": of those counted before, the
# ones who did more ("with only seven of these states, Argentina, ... and Spain, having thus far ratified").
WITH_OF_THOSE = re.compile(
    r"\bwith\s+(?:only\s+|just\s+)?" + _QUAL + _NUM + r"\s+of\s+(?:those|them|these)(?:\s+" + STATES + r")?"
    r"(?:\s*,\s*[^.;:()]{1,200}?,?)?\s+(?:(?:also|now|already|so\s+far|thus\s+far)\s+)*"
    r"(?P<verb>ratifying|having\s+(?:(?:so|thus)\s+far\s+)?ratified|acceding|having\s+acceded|joining)\b",
    re.I,
)

# "The ten are among the 160 that are already party to the Covenant": the whole they are counted among.
# "were among the eighty countries to sign onto the Convention", "among the only 30 nations worldwide that
# have ratified it": the same, told with an infinitive, "only", or where the countries are.
AMONG_THE = re.compile(
    r"\bamong\s+the\s+(?:(?:only|just)\s+)?"
    + _QUAL
    + _NUM
    + r"\s+(?:"
    + STATES
    + r"\s+(?:(?:worldwide|globally|in\s+the\s+world|so\s+far)\s+)?)?"
    r"(?:(?:that|which|who)\s+(?:are|were|have|had)\s+" + ADVERBS + r"|to\s+)"
    r"(?P<verb>part(?:y|ies)\s+to|ratified|signed|acceded|joined|become\s+part(?:y|ies)|sign|ratify|"
    r"accede\s+to|join)\b",
    re.I,
)
# "120 States have committed to its goals, 106 as States Parties and 14 as signatories": each count told with
# the standing it counts.
AS_STANDING = re.compile(
    r"(?:(?<=,)|(?<=\band))\s*"
    + _QUAL
    + _NUM
    + r"\s+as\s+(?P<noun>(?:states?[\s-]+)?parties|signatories|signatory\s+states)\b",
    re.I,
)

# "the nine nations which have not yet ratified the treaty despite signing it": signed, not parties.
NOT_DESPITE = re.compile(
    _QUAL + _NUM + r"\s+" + STATES + r"\b[^.;:\d]{0,30}?\s+(?:that|which|who)\s+"
    r"(?:(?:have\s+not|haven['’]t)\s+(?:yet\s+)?ratified|are\s+yet\s+to\s+ratify|have\s+yet\s+to\s+ratify)\b[^.;:\d]{0,90}?"
    r"\b(?:despite|after|though|although)\s+(?:having\s+)?(?P<verb>signing|signed)\b",
    re.I,
)

# "Ratification of the Convention Reaches 150 Countries": a headline's count of those who did.
# "Ratifications of the Arms Trade Treaty climb to 45" (a headline: the states left out at its end).
# "Ratifications of the CTBT stood at 178 on 1 January 2024": the day or time told after it.
REACHES = re.compile(
    # ("Arms Trade Treaty ratifications reach 116": the treaty named before the noun)
    r"\b(?P<noun>ratifications?|signatures?|accessions?)\s+(?:(?:of|to)\b[^.;:\n]{0,120}?\s+)?"
    r"(?:reach|reaches|reached|hits|hit|pass|passes|passed|tops?|topped|(?:stands?|stood)\s+at|(?:climbs?|climbed|rises|rose|grows|"
    r"grew|jumps?|jumped|increases|increased)\s+to)\s+"
    + _QUAL
    + _NUM
    + r"(?:\s+"
    + STATES
    + r"\b|(?=[ \t]*(?:$|[.;,!?)]|(?:on|in|by|as\s+(?:of|at))\s))(?![.,]\d))",
    re.M | re.I,
)

# "10 new ratifications this year, for a total of 130": the running total of what the noun counts.
FOR_TOTAL = re.compile(
    r"(?<![\w-])(?P<noun>ratifications|signatures|accessions|states?[\s-]+parties|parties|signatories)\b[^.;:]{0,60}?,?"
    r"\s+(?:for|making|making\s+it|to)\s+a\s+(?:current\s+|new\s+|grand\s+)?total\s+of\s+"
    + _NUM
    + r"\b(?!\s*(?:per|%))"
    r"(?![^.;:,]{0,40}\b(?:not|non)\b)",  # "non-signatories, making a total of 35 UN states not party"
    re.I,
)
# "Several more nations have ratified the TPNW, for a current total of 66": the total those who did make.
FOR_TOTAL_DONE = re.compile(
    r"\b(?P<verb>ratified|signed|acceded\s+to|joined)\b[^.;:]{0,60}?,?"
    r"\s+(?:for|making|bringing\s+it\s+to)\s+a\s+(?:current\s+|new\s+|grand\s+)?total\s+of\s+"
    + _NUM
    + r"\b(?!\s*(?:per|%))",
    re.I,
)

COUNT_NOUN = (
    r"(?P<noun>states?[\s-]+parties|(?:ratifying|signatory)\s+(?:states|countries|nations)|parties|signatories|"
    r"ratifications|signatures|accessions|contracting\s+states|instruments\s+of\s+(?:ratification|accession))"
)
# "the highest number of states parties, 191, making it ...": the number in apposition.
NUMBER_APPOSED = re.compile(r"\bnumber\s+of\s+" + COUNT_NOUN + r",\s+" + _NUM + r"\b(?=\s*[,;.)]|\s*$)", re.I)
# "the number of parties (126) subscribing to it", "the highest number of signatures ever recorded in one
# day for a U.N. convention (82)": the number in brackets after the phrase it counts.
NUMBER_BRACKETED = re.compile(
    # (a full stop inside the words only before a small letter: "for a U.N. convention (82)")
    r"\bnumber\s+of\s+" + COUNT_NOUN + r"\b(?:[^().;:\n]|\.(?=\w|\s+[a-z])){0,80}?\(\s*" + _NUM + r"\s*\)",
    re.I,
)
# "Since the last meeting on 1 May 2010, the number of parties has increased from 150 to 155": the
# starting figure is the count on the day "since" names (set_aside keeps it only after a "since").
FROM_SINCE = re.compile(
    r"\b(?:number|total|tally)\s+of\s+(?:the\s+)?(?:states\s+)?"
    + COUNT_NOUN
    + r"\b(?:\s+[\w,]+){0,16}?\s+(?:has\s+|had\s+)?"
    r"(?:rose|risen|grew|grown|increased|climbed|gone\s+up|went\s+up)\s+from\s+"
    + _NUM
    # (the day of the starting figure told with it: "from 3 at the end of 2000 to 170 today")
    + r"(?=(?:\s+(?:(?:at|by)\s+the\s+end\s+of|in|at)\s+[\w ]{2,30}?)?\s+to\b)",
    re.I,
)
_NOW = re.compile(r"\b(?:only|just|currently|now|so\s+far|already|to\s+date|thus\s+far)\b", re.I)


def after_threshold(text: str, threshold_ends: Sequence[int], pos: int, end: int) -> bool:
    """ "in force one month after 20 countries have ratified the treaty and ten have ratified the
    protocol": a bare count joined by "and" to a threshold in the same clause shares its condition.
    `threshold_ends` are where the thresholds read so far end, sorted."""
    if not re.match(r"and\s", text[pos : pos + 4], re.I) or _NOW.search(text, pos, end):
        return False  # "until 20 have ratified it and only six have currently ratified it": a count now
    near = threshold_ends[bisect_left(threshold_ends, pos - 120) : bisect_right(threshold_ends, pos)]
    return any(not re.search(r"[.;:!?]", text[e:pos]) for e in near)


# "brings the total number of countries having ratified the CTBT to 149", "the number of States bound by
# (or party to) it": the counted told by what they did. "has inched closer to 150" is a goal, not the total.
NUMBER_WHO = re.compile(
    r"\b(?:number|total|tally)\s+of\s+" + STATES + r"\s+(?:that\s+have\s+|which\s+have\s+|having\s+|"
    r"that\s+had\s+|(?:that|which)\s+are\s+(?:now\s+)?)?(?P<verb>ratified|signed|acceded\s+to|acceded|joined|"
    r"ratifying|signing|acceding\s+to|joining|bound\s+by|party\s+to|parties\s+to)\b(?:\s+[\w,()-]+){0,12}?"
    r"(?<!\bcloser)(?<!\bclose)(?<!\bnearer)\s+(?:is\s+|was\s+|now\s+)?(?:to|at|reached|stands\s+at|stood\s+at|is|was)\s+"
    + _EXTRA
    + _QUAL
    + _NUM
    + r"\b(?!\s*(?:per|%))",
    re.I,
)
# "the number of signatory States 60": the verb left out (or its value on the next line, never a numbered
# list's first item: "number of States parties:" / "1. ...").
_NL = r"[ \t]*:?(?:[ \t]+|(?P<nl>[ \t]*\n\s*))"
NUMBER_OF_BARE = re.compile(
    rf"\bnumber\s+of\s+{COUNT_NOUN}{_NL}{_QUAL}{_NUM}\b(?!\s*(?:per|%))(?(nl)(?![.)][ \t]))", re.I
)
# "the tally had climbed to 45 states": a running total of parties.
TALLY = re.compile(
    r"\b(?:tally|total|count)\b[^.;!?\n]{0,60}?\b(?:climbed|rose|grew|increased|reached|stands|stood|is|was)\s+"
    r"(?:to\s+|at\s+)?" + _QUAL + _NUM + r"\s+(?P<noun>states|countries|nations|parties|ratifications)\b",
    re.I,
)
# "Five more states ratify the treaty, total now 45", "... signed it; the tally hits 70": a running total of
# what the clause before tells (a headline's total, at the clause's end).
TOTAL_NOW = re.compile(
    r"\b(?:tally|total|count)\s+(?:now\s+)?(?P<verb>hits|hit|reaches|reached|tops|topped|(?:climbs|rises)\s+to|"
    r"stands\s+at|is|now)\s+(?:now\s+)?" + _QUAL + _NUM + r"(?=[ \t]*(?:$|[.;,!?)]))(?![.,]\d)",
    re.M | re.I,
)
# "becoming one of only 4 countries to have done so", "the first 22 nations to ratify the Convention": the
# count of those who did what the sentence tells.
ONE_OF = re.compile(
    r"\b(?:(?:one|the\s+(?:latest|last|newest|most\s+recent))\s+of\s+(?:only\s+|just\s+)?(?:the\s+)?|the\s+first\s+)"
    + _QUAL
    + _NUM
    + r"\s+"
    + STATES
    + r"\s+"
    + r"(?:to\s+(?:have\s+)?|(?:that|which|who)\s+(?:have\s+|had\s+|are\s+|were\s+)?)"
    + ADVERBS
    + r"(?P<verb>signed|ratified|acceded|joined|done\s+so|do\s+so|sign|ratify|accede|join|"
    r"(?:(?<=are\s)|(?<=were\s))(?:now\s+)?(?:a\s+)?(?:states?\s+)?part(?:y|ies)(?=\s+to\b))\b",
    re.I,
)


# A figure and what it counts, as a fact sheet lists them: "• 187 - The number of countries that have
# ratified the treaty", "193: the number of states that have joined".
STAT_LINE = re.compile(
    r"(?:^|\n)[ \t•*·-]*"
    + _QUAL
    + _NUM
    + r"[ \t]*[-–—:][ \t]*(?:the\s+)?(?:number|total)\s+of\s+"
    + STATES
    # ("187 - The number of countries, out of 194 countries, that have ratified")
    + r"(?:,\s+(?:out\s+)?of\s+[^,\n]{1,30},)?\s+"
    r"(?:that|which|who)\s+(?:have\s+|had\s+)?"
    + ADVERBS
    + r"(?P<verb>ratified|signed|acceded\s+to|joined)\b",
    re.I,
)


# "The OPCW has 193 Member States": the members of the organisation the Chemical Weapons Convention set up
# are its parties (the only treaty body whose membership is a treaty's).
OPCW_MEMBERS = re.compile(
    r"\b(?:OPCW|Organi[sz]ation\s+for\s+the\s+Prohibition\s+of\s+Chemical\s+Weapons)(?:['’]s|,\s*which)?\s+"
    r"(?:\([A-Z]+\)\s+)?(?:now\s+|currently\s+|today\s+)?(?:has|had|counts|comprises|numbers|includes)\s+"
    + _QUAL
    + _NUM
    + r"\s+(?P<noun>member\s+states|members|states?[\s-]+parties|member\s+countries)\b",
    re.I,
)


# "Membership of the Convention has reached 180 States", "its membership stands at 164 States Parties": a
# treaty's membership is its parties.
MEMBERSHIP = re.compile(
    # a treaty's own membership ("its membership", "the Convention's membership", "membership of the
    # Convention"), not the EU's nor a committee's
    # ("the Convention on Cluster Munitions' membership": a name's possessive mark alone after its s)
    r"(?:(?:['’]s|(?<=s)['’]|\bits|\btheir)\s+|\b(?=membership\s+of\s+(?:the|this)\s+(?![^.;:!?\n]{0,40}?\b(?:committee|"
    r"council|commission|board|panel|court|union|organi[sz]ation|group|club|alliance)\b)))(?P<noun>membership)\b"
    r"[^.;:!?\n]{0,80}?\b(?:has\s+|had\s+)?(?:now\s+)?(?:reached|reaches|"
    r"stands\s+at|stood\s+at|(?:rose|rises|risen|grew|grows|grown|climbed|increased|jumped)\s+to|totals|"
    r"totalled|totaled)\s+(?:now\s+)?" + _QUAL + _NUM + r"\b(?!\s*(?:per|%|million|people))"
    r"(?=\s*(?:states|countries|nations|parties|states?[\s-]+parties|members)?\b)",
    re.I,
)
# "Parties to the CRC now number 150", "signatories to the treaty total 133", "ratifications have almost
# doubled from 4 to 7": the noun as subject, the count its predicate (after a change, where it ended).
NOUN_NUMBER = re.compile(
    r"\b(?P<noun>states?[\s-]+parties|parties|signatories|ratifications|signatures|accessions)\b"
    r"(?:\s+(?:to|of)\s+[^.;:!?\n\d]{1,80}?)?\s+(?:now\s+|currently\s+|today\s+|still\s+)?"
    r"(?:number|numbered|total|totalled|totaled|(?:ha(?:ve|d)\s+)?(?:almost\s+|nearly\s+|more\s+than\s+)?"
    r"(?:doubled|tripled|r[io]sen|rose|grown|grew|increased|climbed|jumped)\s+from\s+\d{1,3}\s+to)"
    r"\s+" + _QUAL + _NUM + r"\b(?!\s*(?:per|%))",
    re.I,
)

# "The Convention's States Parties, 173 in all, meet every two years": the number of the noun, in apposition
# (the treaty's own: "Delegations of States Parties, 45 in all, attended" counts those who came).
IN_ALL = re.compile(
    r"(?:['’]s|\bits|\btheir)\s+(?P<noun>states?[\s-]+parties|parties|signatories|ratifications|signatures)\s*,\s*"
    + _QUAL
    + _NUM
    + r"\s+(?:in\s+all|in\s+total|altogether|all\s+told)\b",
    re.I,
)

# The words each pattern above that is rare in prose needs, searched for first: the pattern tries a number
# at every word, the word costs a tenth of that (frames.read_counts skips a pattern whose word is missing).
NEEDS = {
    MEMBERSHIP: re.compile(r"membership", re.I),
    NOUN_NUMBER: re.compile(r"number|total|from\s+\d", re.I),
    IN_ALL: re.compile(r"\bin\s+(?:all|total)\b|altogether|all\s+told", re.I),
}

__all__ = [
    "ALL_BUT",
    "SIGNING_BY",
    "IN_ALL",
    "NEEDS",
    "MEMBERSHIP",
    "NOUN_NUMBER",
    "NUMBER_OF_BARE",
    "NUMBER_WHO",
    "ONE_OF",
    "TALLY",
    "TOTAL_NOW",
    "ACCEPTED_BY_JOINING",
    "BROUGHT_TO",
    "COUNT_NOUN",
    "DONE_SO",
    "FROM_SINCE",
    "NUMBER_APPOSED",
    "FOR_TOTAL",
    "JOIN_OTHERS",
    "NOT_DESPITE",
    "REACHES",
    "SIGNATORIES_NOT",
    "THAT_NUMBER",
    "ADJUNCTS",
    "WHERE",
    "after_threshold",
]
