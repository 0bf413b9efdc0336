"""Count frames told by the noun that counts, for the frame stage (pipeline/claims/frames.py): "N parties",
"the number of parties is N", "N are parties", "bringing to N the number of parties", "the Convention binds N
states", "in force for N states"."""

from __future__ import annotations

import re

from pipeline.claims.clauses import COUNT_NOUN as _COUNT_NOUN
from pipeline.claims.clauses import DONE_SO, STATES
from pipeline.claims.numbers import EXTRA as _EXTRA
from pipeline.claims.numbers import NUM as _NUM
from pipeline.claims.numbers import QUAL as _QUAL

# "..., of which 110 are states parties", "123 signatories, 110 of which are full members", "of which 110
# states are members": those of the count before who are parties (never "members of the EU").
ARE = re.compile(
    r"(?:\b(?:of\s+which|of\s+whom|of\s+these|of\s+them|the\s+remaining|while|and|another|a\s+further)\s+|"
    r"[;,]\s*(?=\S+\s+of\s+(?:which|whom)\b)|;\s*)"
    + _QUAL
    + _NUM
    + r"(?:\s+of\s+(?:which|whom)|\s+(?:states|countries|nations))?"
    r"\s+(?:are|were)\s+(?:(?:now|already|also|all)\s+)?"
    r"(?:full(?:y)?(?:[\s-]+fledged)?\s+)?"
    r"(?P<noun>states?[\s-]+parties|contracting\s+states|parties|signatories|members(?!\s+of\b))\b",
    re.I,
)

# A treaty's name before the noun it counts, as headlines write it: "Arms Trade Treaty parties".
_TREATY_BEFORE = (
    r"(?-i:[A-Z][\w'’-]*)(?:\s+(?:(?:of|on|the|against|for|and|to)\s+)*(?-i:[A-Z][\w'’-]*)){0,8}\s+"
)

BRINGING = re.compile(
    r"\b(?:bringing|brings|brought|taking|takes|took|raising|raises|raised)\s+(?:up\s+)?to\s+"
    + _QUAL
    + _NUM
    + r"\s+the\s+(?:total\s+)?number\s+of\s+"
    # ("brings to 62 the number of Arms Trade Treaty States Parties")
    + rf"(?:{_TREATY_BEFORE})?"
    r"(?P<noun>parties|states?[\s-]+parties|ratifications|signatories|signatures|accessions|"
    # "brings to 159 the number of States that have ratified or acceded to the Convention"
    r"(?:states|countries|nations)\s+(?:that|which|who)\s+have\s+(?:ratified|acceded|joined|signed)"
    r"(?:\s+or\s+(?:ratified|acceded|joined))?)\b",
    re.I,
)

# "the Convention binds 168 states": the treaty as subject.
# "the treaty, which unites over a hundred states"; "the Arms Trade Treaty, which now has 107 states": the
# treaty as subject (a treaty's word right before the verb, or "which now has").
BINDS = re.compile(
    r"\b(?P<verb>binds|unites|(?<=\bwhich\s)now\s+has|(?:(?<=treaty\s)|(?<=convention\s)|(?<=protocol\s)|"
    r"(?<=covenant\s))(?:now\s+)?has)\s+"
    + _QUAL
    + _NUM
    + r"\s+(?:member\s+)?"
    + STATES
    + r"\b(?!\s+(?:that|which|who)\s+(?:have\s+not|haven['’]t))(?![\s-]+part)",
    re.I,
)
# "The Arms Trade Treaty now has 62 members", "The Convention on Cluster Munitions boasts 90 members", "now
# has a membership of 90 states": a treaty's members are its parties (not a committee's).
_NO_BODY = (
    r"(?:(?!\b(?:sub)?committee|\bcouncil|\bboard|\bpanel|\bcourt|\bbody|\bsecretariat|\bwhich\b|\bthat\b)"
    r"[^.;!?\n])"
)
TREATY_MEMBERS = re.compile(
    # (from the sentence's start, no body named before: "the Subcommittee under the Protocol has 25 members";
    # nor between the treaty's word and the verb: "the Convention's Committee has 18 members")
    rf"(?:^|(?<=[.!?]\s)|(?<=\n)){_NO_BODY}*?\b(?:treaty|convention|protocol|covenant)\b{_NO_BODY}{{0,80}}?"
    # (or its relative clause: "The Mine Ban Treaty, which counts 164 members, meets this week")
    r"(?:\s*,\s*which)?\s+(?:now\s+|currently\s+)?(?P<verb>has|had|boasts|counts|numbers)\s+(?:now\s+)?"
    # (or "has a membership of 90 states")
    r"(?P<ms>a\s+membership\s+of\s+)?"
    + _QUAL
    + _NUM
    + r"\s+(?:(?:full\s+)?members|(?(ms)(?:states|countries|nations)|(?!)))\b",
    re.I,
)
# "The Convention was opened for signature by 187 nations": told so, those who signed it (not the opening's
# "open for signature by all States").
OPENED_BY = re.compile(
    r"\bopened\s+for\s+(?P<verb>signatures?)\s+by\s+" + _QUAL + _NUM + r"\s+(?:" + STATES + r"|nation)\b",
    re.I,
)
# "with over 80 countries' signatures": the signatures of so many states.
STATES_ACTS = re.compile(
    _QUAL + _NUM + r"\s+" + STATES + r"['’]\s*(?P<noun>signatures|ratifications)\b", re.I
)

# ("the procedure applies to 115 states", "is law in just 58 countries")
IN_FORCE = re.compile(
    r"\b(?:applies|apply|is\s+in\s+(?:force|vigou?r|effect)|in\s+force|is\s+binding|binding|applicable|is\s+(?:now\s+)?law|"
    r"(?:has\s+)?entered\s+into\s+force)\b[^.;!?\n]{0,30}?\s+"
    r"(?:in|for|on|(?<=applies\s)to|(?<=apply\s)to)\s+(?:the\s+)?(?:(?:just|only)\s+)?"
    + _QUAL
    + _NUM
    + r"\s+(?P<noun>countries|states|nations|parties|states?[\s-]+parties)\b",
    re.I,
)

HAS = re.compile(
    _EXTRA + _QUAL + _NUM + r"[ \t]+(?:(?:more|other|additional|further|new|full)[ \t]+)?"
    # ("185 CRPD States Parties", "the 193 CWC States Parties": the treaty's acronym before its parties)
    r"(?:(?!(?:AU|ECOWAS|SADC|CARICOM|GCC|UN|US|UK)\b)(?-i:[A-Z][A-Z0-9]{1,7})[ \t]+(?=states?[ \t-]+part))?"
    # ("164 stateparties": the space lost in a copy; "54 states' parties": a possessive's mark)
    r"(?:(?:states?['’]?|high[ \t]+contracting|contracting|country)[ \t-]+|states?(?=parties))?"
    r"(?P<noun>parties|party|signatories|signatory|ratifications|signatures|accessions|ratifiers|adherents|"
    # ("and 1 ratification": the singular after one)
    r"(?:(?<=\b1\s)|(?<=\bone\s))(?:ratification|signature|accession)|"
    # "the 139 ratifying nations", "the 57 signatory states": the states named by what they did
    r"(?:ratifying|signatory)\s+(?:states|countries|nations|governments)|"
    r"contracting\s+(?:states|parties)|instruments\s+of\s+(?:ratification|accession))\b",
    re.I,
)

# "the number of States parties is 120", "the list of States Parties now stands at 90"; "Number of Arms Trade
# Treaty parties rises to 45" (a treaty's name before the noun, as headlines write it).
NUMBER_OF = re.compile(
    r"\b(?:number|total|tally|count|list)\s+of\s+(?:the\s+)?(?:(?:states|signed|full)\s+|"
    + _TREATY_BEFORE
    + r")?"
    + _COUNT_NOUN
    + r"\b(?:\s+[\w,]+){0,20}?\s+(?:is|was|"
    r"stands\s+at|stood\s+at|reached|reaches|hits|rose\s+to|rises\s+to|grew\s+to|grows\s+to|increased\s+to|"
    r"increases\s+to|climbed\s+to|climbs\s+to|has\s+reached|became|amounts\s+to|amounted\s+to|totals|totall?ed|"
    r"has\s+become|had\s+become|"
    r"had\s+reached|to|at)\s+" + _EXTRA + _QUAL + _NUM + r"\b",
    re.I,
)

# "binding on ratifying states, whose number has reached 178": the number of what the noun counts, told in
# a relative clause after it.
WHOSE_NUMBER = re.compile(
    r"\b"
    + _COUNT_NOUN
    + r",?\s+whose\s+(?:number|total|tally)\s+(?:now\s+|currently\s+)?(?:is|stands\s+at|totals|"
    r"(?:has\s+)?(?:reached|(?:risen|rose|grown|grew|climbed|increased)\s+to))\s+(?:now\s+)?"
    + _EXTRA
    + _QUAL
    + _NUM
    + r"\b",
    re.I,
)

# "the 188-nation Chemical Weapons Convention", "a 116-member treaty", "the 50-signatory pact": the count as
# a compound before the treaty's noun (not "the 193-nation UN General Assembly": no treaty's noun follows).
NATION_TREATY = re.compile(
    r"\b(?:the|a|an|its)\s+"
    + _NUM
    + r"-(?P<noun>nation|member|country|state|signatory)\s+(?:(?-i:[A-Z])[\w'’.-]*\s+){0,5}?"
    r"(?:treaty|convention|pact|accord|covenant|protocol)\b",
    re.I,
)

# "It has been ratified 116 times": a count of the acts, told as how often.
TIMES = re.compile(
    r"\b(?:been|was|were)\s+(?:now\s+|already\s+)?(?P<verb>ratified|signed|acceded\s+to)\s+"
    + _QUAL
    + _NUM
    + r"\s+times\b",
    re.I,
)

# "This brings the number of signatories to 91 and states parties to 68": the second running total.
AND_TO = re.compile(
    r"\bnumber\s+of\s+[^.;]{0,60}?\bto\s+\d{1,3}\s+and\s+(?:the\s+(?:number\s+of\s+)?)?"
    + _COUNT_NOUN
    + r"\s+to\s+"
    + _QUAL
    + _NUM
    + r"\b",
    re.I,
)

# The word a rare pattern above needs, looked for first (frames.read_counts skips the pattern without it).
NEEDS = {STATES_ACTS: re.compile(r"['’]\s*(?:signatures|ratifications)", re.I)}


# A count's noun told before ("had 86 parties, and by 2010 the number had grown to 115").
_COUNTED = re.compile(r"\b(?P<verb>parties|signatories|signatures|ratifications)\b", re.I)


def done_before(text: str, start: int, latest: bool = False) -> str:
    """The act (else the count's noun) the 200 characters before `start` tell last; "" when none. With
    `latest`, whichever is told last ("opened for signature ... 87 states were parties to it. Today the
    figure is 193": the figure is of the parties)."""
    lo = max(0, start - 200)
    acts, nouns = [*DONE_SO.finditer(text, lo, start)], [*_COUNTED.finditer(text, lo, start)]
    told = sorted(acts + nouns, key=lambda m: m.start()) if latest else acts or nouns
    return re.sub(r"\s+", " ", told[-1].group("verb")) if told else ""


def points_back(verb: str) -> bool:
    """Does the verb tell no act of its own, but the one told before ("have done so", "followed suit", "have
    joined in", "have followed", "have taken that step", "have made the same commitment")?"""
    ends = ("so", "this", "likewise", "same", "suit", "joined in", "followed", "step", "commitment")
    return verb.lower().endswith(ends)


__all__ = [
    "done_before",
    "points_back",
    "NEEDS",
    "STATES_ACTS",
    "AND_TO",
    "ARE",
    "BRINGING",
    "BINDS",
    "OPENED_BY",
    "TREATY_MEMBERS",
    "IN_FORCE",
    "HAS",
    "NUMBER_OF",
    "WHOSE_NUMBER",
    "TIMES",
    "NATION_TREATY",
]
