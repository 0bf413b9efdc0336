"""Which date a claim speaks of (the claim reader's dating stage): the nearest status date in its sentence,
"on that day" and "at the date of entry into force" pointing back, "today" and "currently" for the text's
own date, an "as of" date carried over in its paragraph, a deposit day it follows from, and the days told
together with its figure ("on 7 and 8 October respectively, becoming the 22nd and 23rd").

The date expressions themselves, and which are events, come from pipeline/claims/dates.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.claims.model import TEXT_DAY_SOURCES, Claim
from pipeline.claims.sentences import Span, after_last, in_aside
from pipeline.claims.that_year import THAT_YEAR, that_year_day

if TYPE_CHECKING:  # dates.py re-exports this module's names
    from pipeline.claims.dates import DateMention

# Words that put a claim in the text's present, whatever date sits elsewhere in the sentence.
PRESENT = re.compile(r"\b(?:today|currently|at\s+present|presently|at\s+the\s+time\s+of\s+writing)\b", re.I)
# Weaker words for the present: they make a sentence without a date speak of the text's own date, but
# do not override a date in the sentence ("As of 2021 it has now been ratified by 177").
_PRESENT_WEAK = re.compile(r"\b(?:to\s+date|now|so\s+far|thus\s+far|as\s+yet)\b", re.I)

# A count told in the present ("have signed", "has been ratified by", "are parties")...
PRESENT_TENSE = re.compile(r"\b(?:have|has|are|is)\b", re.I)
# ... follows from the deposit told just before only when its sentence says so.
_CONSEQUENCE = re.compile(
    r"[\s\W]*(?:thus|hence|therefore|consequently|accordingly|so|as\s+a\s+result|with\s+(?:this|that|these|it|"
    r"which)|this|that|these|which)\b",
    re.I,
)
# Words that point back to the last day told: "on that day", "on the same date", "at that time", "by then",
# "That's the day when".
_THAT_DAY = re.compile(
    r"\b(?:(?:on|at|by)\s+)?(?:that|the\s+same)\s+(?:very\s+|first\s+|opening\s+|same\s+)?(?:day|date|time)\b|\bat\s+the\s+time\b(?!\s+of)|"
    r"\bthat(?:'s|’s|\s+is|\s+was)\s+the\s+(?:very\s+)?day\b|\bby\s+then\b|\bwhen\s+that\s+happened\b|"
    # "at that point 38 States had ratified it", "When it did so, 61 States had ratified it"
    r"\b(?:at|by)\s+(?:that|this)\s+(?:point|moment|stage|juncture)\b|\bwhen\s+(?:it|they)\s+did(?:\s+so)?\b",
    re.I,
)
# "At the date of entry into force, 87 states had ratified": the day of the entry into force told before.
_BY_THE_TIME = re.compile(r"\bby\s+the\s+time\b", re.I)
_AT_ENTRY_INTO_FORCE = re.compile(
    r"\b(?:at|on|upon|by)\s+(?:the\s+(?:date|day|time)\s+of\s+)?(?:its\s+|the\s+)?entry\s+into\s+force\b|"
    r"\b(?:when|by\s+the\s+time)\s+(?:it|the\s+[^.;,]{1,120}?)\s+(?:entered|came)\s+into\s+force\b|"
    # "entered into force on 29 April 1997, by which time 87 states had ratified it"
    r"\b(?:entered|came)\s+into\s+force\b[^.;!?]{0,60}?,?\s*(?:by|at)\s+which\s+(?:time|point|date)\b|"
    # "On 22 January 2021, the day the TPNW entered into force, 51 States were parties"
    r"\bthe\s+(?:day|date)\s+(?:on\s+which\s+|that\s+|when\s+)?(?:it|the\s+[^.;,]{1,120}?)\s+(?:entered|came)\s+"
    r"into\s+force\b",
    re.I,
)
# "On 22 January 2021 the treaty entered into force with 52 States Parties", "went into effect on 22 January
# 2021, signed by 86 countries", "entered into force being ratified by 37 of the 107 signatory States": the
# count of that day (and the whole that a share told with it is of).
_INTO_EFFECT = re.compile(r"\b(?:into\s+(?:legal\s+)?(?:force|effect)|took\s+effect)\b", re.I)
_TOLD_WITH = re.compile(
    r"(?:\bwith(?:\s+the\s+(?:backing|support)\s+of)?|(?:,\s*|\s(?=being|having))(?:having\s+been\s+|being\s+)?(?:signed|ratified)\s+by)\s+"
    r"(?:a\s+total\s+of\s+|some\s+|about\s+|over\s+|more\s+than\s+|only\s+)?"
    r"(?:[\w-]+\s+(?:out\s+)?of\s+(?:the\s+|its\s+)?)?$",
    re.I,
)
_DASH = re.compile("[—–]")  # the dashes that set an aside apart


def _entry_into_force_day(text: str, told: Sequence[DateMention]) -> DateMention | None:
    """The last of `told` that is the day a treaty entered into force ("entered into force on 29 April
    1997", "On 29 April 1997 the Convention entered into force")."""
    for d in reversed(told):
        clause = re.split(r"[.;!?]", text[max(0, d.start - 120) : d.start])[-1]
        after = re.split(r"[.;!?]", text[d.end : d.end + 80])[0]
        if d.event and (_INTO_EFFECT.search(clause) or _INTO_EFFECT.search(after)):
            return d
    return None


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_NUMBER_LIST = re.compile(
    r"\b\d{1,3}(?:st|nd|rd|th)?(?:(?:\s*,\s*|\s*,?\s+and\s+)\d{1,3}(?:st|nd|rd|th)?)+\b"
)


def _respectively(text: str, pos: int, near: Sequence[DateMention], lo: int, hi: int) -> DateMention | None:
    """ "deposited on 7 and 8 October respectively, becoming the 22nd and 23rd": the k-th of the figures
    told together takes the k-th of as many days told together."""
    if not _RESPECTIVELY.search(text, lo, hi):
        return None
    days = [d for d in near if d.precision == "day"]
    for m in _NUMBER_LIST.finditer(text, lo, hi):
        if any(d.start <= m.start() < d.end or m.start() <= d.start < m.end() for d in days):
            continue  # the days themselves ("7 and 8 October")
        starts = [m.start() + x.start() for x in re.finditer(r"\d+", m.group(0))]
        if pos in starts and len(starts) == len(days):
            return days[starts.index(pos)]
    return None


def _present_nearer(text: str, pos: int, pointer: re.Match[str], lo: int, hi: int) -> bool:
    """ "71 states signed it on that day, and today it has 166 signatures": each count takes the nearer of
    the pointer back and the present ("today", "currently") told in its sentence."""
    far = min(abs(pointer.start() - pos), abs(pointer.end() - pos))
    return any(min(abs(m.start() - pos), abs(m.end() - pos)) < far for m in PRESENT.finditer(text, lo, hi))


class DateIndex:
    """The text's dates with their starts, so the dates of a sentence or paragraph are found by bisection."""

    def __init__(self, dates: Sequence[DateMention]) -> None:
        self.dates = list(dates)
        self.starts = [d.start for d in self.dates]

    def within(self, lo: int, hi: int) -> list[DateMention]:
        return self.dates[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]


_ANOTHER_CLAUSE = re.compile(
    r"\band\s+(?:then\s+)?(?:became|becomes|become|was|is|made|makes|entered)\b", re.I
)
_RELATIVE = re.compile(
    # "..., after signing for it in 2017": a clause of its own act, as a relative clause is; "had 86
    # parties, and by 2010 the number had grown": a date that opens the next clause is that clause's
    r"(?<!\bof\s)\b(?:which|who|whose)\b|,\s*(?:after|before|having)\s+(?:first\s+)?\w+ing\b|"
    # ("..., becoming the 89th State party, almost sixteen years after it had signed the Protocol in 2003")
    r",\s*(?:(?:almost|nearly|some|about|more\s+than|over|just|only)\s+)?[\w-]+\s+"
    r"(?:years?|months?|weeks?|decades?)\s+(?:after|since|before)\b|"
    r",\s*(?:and|but|while|whereas)\s+(?:(?:by|in|on|at\s+the\s+end\s+of|as\s+of)\s+)?(?=[^,;.]{0,25}$)|"
    # ("it has 50 States parties, ..., and the Committee had, by the end of 2022, registered 300 cases")
    r",\s*(?:and|but|while|whereas)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:had|has|have|was|were|is|are)\s*,\s*"
    r"(?:(?:by|in|on|at\s+the\s+end\s+of|as\s+of)\s+)?(?=[^,;.]{0,25}$)",
    re.I,
)

# "The treaty was finalized in 1997 and has been signed by over 160 countries", "approved on April 2, 2013,
# and it already has over 100 signatories", "formed in 1991 to monitor the Convention, which has been ratified
# by 191 countries": a count in a clause of its own, joined after the dated one (or a relative clause after
# it) and told in the present, is not of that day (an "as of" date opening the sentence still dates it).
_JOINED = re.compile(r"\b(?:and|but|which)\b|,(?=\s*now\b)", re.I)  # (", now signed by 177 nations")
_PRESENT_VERB = re.compile(r"\b(?:has|have|is|are|already|since|now)\b", re.I)

# A sentence opened by a participle's phrase ("Signed by President Obama in 2009, the treaty has been
# ratified by 132"): the phrase's date is of what the participle tells, up to its comma.
_OPENING_PARTICIPLE = re.compile(
    r"\W*(?:signed|ratified|adopted|opened|negotiated|approved|drafted|concluded)\b[^,;]*$", re.I
)

_COMMA = re.compile(",")


def _own_present_clause(text: str, d: DateMention, pos: int, hi: int, lo: int = -1) -> bool:
    if d.anchored or d.end > pos:
        return False
    joins = list(_JOINED.finditer(text, d.end, pos))
    if not joins and lo >= 0 and _OPENING_PARTICIPLE.match(text, lo, d.start):
        joins = list(_COMMA.finditer(text, d.end, pos))
    if not joins:
        return False
    end = re.search(r"[.;,]", text[pos:hi])
    clause = text[joins[-1].end() : pos + end.start() if end else hi]
    return bool(_PRESENT_VERB.search(clause)) and not re.search(r"\b(?:had|was|were)\b", clause, re.I)


# A status date in brackets at a sentence's end: "(as at 1 January 2011).", "(status as of May 2020)"
_CLOSING_STATUS = re.compile(r"\((?:status\s+)?as\s+(?:at|of)\s[^();]{4,30}\)[\s.]*$", re.I)

_PERIOD_END = re.compile(r"\b(?:at\s+)?the\s+end\s+of\s+$", re.I)
# ("By the end of 2010, 97 countries had ratified it; ... Sixty-three States have also accepted its Protocol")
_OWN_PERIOD_END = re.compile(r"(?:by|at)\s+the\s+end\s+of\b", re.I)


def date_for(
    pos: int,
    dates: Sequence[DateMention] | DateIndex,
    sentence: Span,
    paragraph: Span,
    text: str = "",
) -> DateMention | None:
    """The date a claim at `pos` is made for (None: undated).

    The nearest non-event date in its sentence, unless "today" or "currently" is nearer; "on that day"
    with no date of its own: the last day told before it; failing that, the last non-event date earlier
    in its paragraph ("Figures are as of March 2020. ... has 196 parties").
    """
    index = dates if isinstance(dates, DateIndex) else DateIndex(dates)
    lo, hi = sentence
    if text:
        # "The Convention entered into force on September 3, 1981; and WHEREAS, to date 161 countries have
        # ratified it": the clause after a semicolon has a date of its own, or none
        lo = max(lo, text.rfind(";", lo, pos) + 1)
        # ... and so has the clause after one told after the count ("Some 170 States are party to it; the
        # Government's answer of 3 March remains ...")
        # (but not from a status date in brackets that closes the sentence: "Status: 21 States Parties; 87
        # Signatories (as at 1 January 2011)" dates both)
        if ";" in text[pos:hi] and not _CLOSING_STATUS.search(text, pos, hi):
            hi = text.find(";", pos, hi)
    # A date in a relative clause ("China, which announced its plans in September, becomes the 107th party")
    # or between dashes ("112 states—including South Sudan, in August 2023—are party") is not the count's.
    near = [
        d
        for d in index.within(lo, hi)
        if not d.event
        and not (d.start > pos and _RELATIVE.search(text, pos, d.start))
        and not in_aside(text, d.start, d.end, pos, lo)
        and (d.anchored or not (_DASH.search(text, pos, d.start) and _DASH.search(text, d.end, hi)))
        and not (text and _own_present_clause(text, d, pos, hi, lo))
    ]

    def distance(a: int, b: int) -> int:
        return min(abs(a - pos), abs(b - pos))

    paired = _respectively(text, pos, near, lo, hi) if text else None
    if paired is not None:
        return paired
    # "106 states were parties by the end of 1997, 141 by the end of 2000": a figure's time, right after it
    adjacent = [d for d in near if d.start > pos and re.fullmatch(r"[\w,]+\s+", text[pos : d.start])]
    if adjacent:
        return adjacent[0]
    if near:
        # Nearest by distance; on a tie the earlier one ("As of May 2016, 12 states ... in 2017").
        # A day told before the count in a clause of another verb ("deposited it on February 5, 2015 and
        # became the 158th State Party on March 7, 2015") dates that clause, when one after it is told.
        after = [d for d in near if d.start > pos]
        if after:
            near = [d for d in near if d.start > pos or not _ANOTHER_CLAUSE.search(text, d.end, pos)]
        best = min(near, key=lambda d: (distance(d.start, d.end), d.start > pos))
        # "As of June 2004, ... a total of 152 States currently parties" (or "... currently parties as of
        # June 2004"): "currently" told after the count (before its "as of") is the present of that date.
        until = (best.start if best.start > pos else hi) if best.anchored else pos
        present = [m for m in PRESENT.finditer(text, lo, hi) if not pos < m.start() < until]
        if any(distance(m.start(), m.end()) < distance(best.start, best.end) for m in present):
            return None
        return best
    if text and _TOLD_WITH.search(text, lo, pos):
        # Only an entry into force told before the count in its sentence, whose day is told there too.
        told = [d for d in index.within(lo, pos) if d.precision == "day" and d.event]
        day = _entry_into_force_day(text, told)
        if day is not None and not PRESENT_TENSE.search(text, day.end, pos):
            return replace(day, event=False)
    pointer = _AT_ENTRY_INTO_FORCE.search(text, lo, pos) if text else None
    if pointer and not (PRESENT.search(text, lo, hi) or _PRESENT_WEAK.search(text, lo, hi)):
        # The day told before, or in the pointer's own words ("by the time it entered into force on 1 August
        # 2010, 38 states had ratified it").
        told = [d for d in index.within(paragraph[0], pos) if d.precision == "day"]
        day = _entry_into_force_day(text, told)
        if day is not None:
            return day
    by_then = _BY_THE_TIME.search(text, lo, pos) if text else None
    told = index.within(by_then.end(), pos) if by_then else []
    if told and not (
        PRESENT_TENSE.search(text, told[-1].end, min(hi, pos + 40)) or PRESENT.search(text, lo, hi)
    ):
        # "by the time India and Pakistan conducted nuclear tests in May 1998, 149 countries had already
        # signed it": the count on the day of the event the clause tells.
        return replace(told[-1], event=False)
    that_year = THAT_YEAR.search(text, lo, hi) if text else None
    if that_year and not _present_nearer(text, pos, that_year, lo, hi):
        # "It opened for signature on 24 September 1996. Over 130 States signed it that year."
        in_that_year = that_year_day(text, that_year, index.within(paragraph[0], pos))
        if in_that_year is not None:
            return in_that_year
    that_day = _THAT_DAY.search(text, lo, hi) if text else None
    if that_day and not _present_nearer(text, pos, that_day, lo, hi):
        # "The treaty opened for signature on 10 March 2001. Forty states signed it on that day."
        told = [d for d in index.within(paragraph[0], hi) if d.precision == "day" and d.start < pos]
        if told:
            return told[-1]
        # "... hosted the Review Conference in June 2014. At that time, 161 states had joined": a month told
        # in the sentence before, its last day
        told = index.within(paragraph[0], lo)
        if told and told[-1].precision == "month" and text.count(".", told[-1].end, lo) <= 1:
            return replace(told[-1], event=False)
    if text and (PRESENT.search(text, lo, hi) or _PRESENT_WEAK.search(text, lo, hi)):
        # "Currently", "to date", "now" after an earlier dated sentence: the text's own date.
        return None
    earlier = [d for d in index.within(paragraph[0], lo) if not d.event]
    # "As of September 2023, 127 states ..., the most recent being Singapore on September 21, 2023. Four
    # states have signed": the status date ("as of") carries over, not a date told in passing.
    # (the end of a period carries to a count in the past, "At the end of 2010 it had 97 parties. It had 147
    # signatories", not to one in the present: "signed a law at the end of December 2021. The protocol has
    # 40 signatories" is of the text's day)
    told_now = bool(text) and PRESENT_TENSE.search(text, lo, hi) is not None
    anchored = [
        d
        for d in earlier
        if d.anchored
        and not (
            told_now
            and (_PERIOD_END.search(text, max(0, d.start - 20), d.start) or _OWN_PERIOD_END.match(d.text))
        )
    ]
    # Else a day told before ("deposited ... on 23 May 2006. Thus it has been ratified by twenty states"):
    # the count after a deposit is the count of that day. A year or a month told in passing ("The US
    # signed the treaty in 1996") dates that event, not a status told after it.
    days = [d for d in earlier if d.precision == "day"]
    if anchored:
        return anchored[-1]
    if days and text and PRESENT_TENSE.search(text, lo, hi) and not _CONSEQUENCE.match(text, lo, hi):
        # "Germany and Spain did so on 24 September. In total, 81 countries have signed it": a count told
        # in the present is of the text's own day; the day before dates it only when the sentence says it
        # follows from that day's deposit ("Thus it has been ratified by twenty states").
        return None
    return days[-1] if days else None


# "..., making it the 189th State Party", "..., bringing the number of parties to 30": the count that an act
# told before it in its sentence made.
_CONSEQUENCE_LEAD = re.compile(
    r",\s*(?:thus\s+|thereby\s+)?(?:making|bringing|raising|taking|becoming)\b[^.;!?,]{0,60}$", re.I
)


def consequence_day(text: str, pos: int, sentence: Span, dates: DateIndex) -> DateMention | None:
    """ "On 28 June 2013 the Convention entered into force for Somalia, making it the 189th State Party":
    a count that the act told before it made ("making it", "bringing the total to") is of that act's day,
    even when the act is an event (an entry into force for one state) that dates no other count."""
    return _day_before_lead(_CONSEQUENCE_LEAD, text, pos, sentence, dates, ("day",))


def _day_before_lead(
    lead: re.Pattern[str], text: str, pos: int, sentence: Span, dates: DateIndex, precisions: tuple[str, ...]
) -> DateMention | None:
    """The last day told in the sentence before `pos`, when `lead` ends right before the count."""
    if not lead.search(text, sentence[0], pos):
        return None
    days = [d for d in dates.within(sentence[0], pos) if d.precision in precisions]
    return days[-1] if days else None


# "It opened for signature on 30 March 2007, when there were 82 signatories", "opened for signature in
# February 2012, when 20 states signed it": the count of the day (or the month's last day) told.
_WHEN_LEAD = re.compile(
    r",\s*when\s+(?:(?:there\s+(?:were|was)|it\s+(?:had|was)|the\s+[\w\s]{1,40}?\s+had)\b[^.;!?]{0,40}|"
    r"(?:only\s+|just\s+|some\s+)?)$",
    re.I,
)


def when_day(text: str, pos: int, sentence: Span, dates: DateIndex) -> DateMention | None:
    """ "The Convention was opened for signature on 30 March 2007, when there were 82 signatories": a count
    told in a "when" clause after a day is of that day, even when the day is an event's."""
    return _day_before_lead(_WHEN_LEAD, text, pos, sentence, dates, ("day", "month"))


# "A further 11 states have signed but not ratified it", "Another 17 states...": a count added to the last
# one told, so of its date, even after a paragraph break (a footnote mark may open the line).
_FURTHER = re.compile(r"^\W*(?:\[\w+\]\s*)*(?:a\s+further|another|an\s+additional)\s+$", re.I)


def further_counts(claims: Sequence[Claim], text: str) -> list[Claim]:
    """Each count opened by "a further N" / "another N" with no date of its own takes the date of the count
    told just before it about the same treaty, when that one's date comes from the text's sentences."""
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        opener = text[after_last(text, "\n", c.number_start) : c.number_start]
        opener = re.split(r"(?<=[.!?])\s+", opener)[-1]
        if (
            prev is not None
            and c.date_source in TEXT_DAY_SOURCES
            and prev.date_source in ("sentence", "paragraph")
            and prev.mtdsg_no == c.mtdsg_no
            and _FURTHER.match(opener)
        ):
            c = replace(c, claimed_on=prev.claimed_on, date_text=prev.date_text, date_source="paragraph")
        out.append(c)
    return out


__all__ = [
    "PRESENT_TENSE",
    "DateIndex",
    "consequence_day",
    "when_day",
    "date_for",
    "further_counts",
]
