"""What a count is about: the whole membership, or a share, a group, a change or a name.

A frame can read "40 have signed" perfectly and still not hold a claim about the treaty: "Of the 44
Annex 2 States, 40 have signed" counts a group, "Since last year, four States have signed" a change,
"120 out of 193 countries" a share whose 193 is the denominator, "Annex 2 States" a name. These rules
set such figures aside with their reason (they are then listed as unread), or read the share's
numerator in place of its denominator. (not_counts.py says why a single figure is none: a subset, what
is still needed, a condition or a forecast.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.claims.count_days import BETWEEN_YEARS
from pipeline.claims.model import (
    KIND_COUNT,
    REASON_CHANGE,
    REASON_SUBSET,
    REASON_TOTAL,
    CountMatch,
    Skipped,
)
from pipeline.claims.numbers import (
    ANY_NUMBER,
    DIGIT_NUMBER,
    ORDINAL,
    WORD_NUMBER,
    parse_number,
)
from pipeline.claims.pairs import split_in_two
from pipeline.claims.sentences import Spans, after_last
from pipeline.text import MONTH_NAMES

# "Of the 44 Annex 2 States, ...": what follows in the sentence counts that group, unless the group is
# simply the world's states ("Of the 193 UN member states, 150 have ratified").
_OF_THE_GROUP = re.compile(
    r"\b(?:of|among)\s+(?:the|these|those)\s+(?P<n>" + DIGIT_NUMBER + "|" + WORD_NUMBER + r")\s*"
    # ("Of the 44, all but India ... have signed": the group told before, fewer than the world's states)
    r"(?P<group>(?<=\s)[^,.;:\n]{1,60}|(?=,\s*(?:all|only|just|but)\b)),",
    re.I,
)
_WHOLE_WORLD = re.compile(
    # ("Of the 184 signatory states of the CTBT, 168 have ratified it": the treaty's signatories)
    r"(?:UN\s+|U\.N\.\s+|United\s+Nations\s+)?(?:member\s+|signatory\s+|contracting\s+)?"
    r"(?:states|countries|nations|parties|signatories)\b|(?:UN\s+|U\.N\.\s+|United\s+Nations\s+)members\b",
    re.I,
)
# A group told by what its members did or have: "the 50 States that at one time produced mines", "the 87
# countries which have had stockpiles", "the 30 states with stockpiles".
_RELATIVE = re.compile(r"\b(?:that|which|who|whose|with|having)\b", re.I)


_TREATY_DEED = re.compile(
    r"\b(?:ratif|acced|accession|sign|join|part(?:y|ies)|succe(?:ed|ssion)|bound)", re.I
)
# "Forty of the Annex 2 States have signed", "two of the permanent members have ratified": a number of a
# named group (not of the world's states), told as the subject.
_N_OF_GROUP = re.compile(
    r"(?:" + DIGIT_NUMBER + "|" + WORD_NUMBER + r")\s+of\s+(?:the|its|these|those)\s+"
    r"(?P<group>(?![\d])(?:[\w-]+\s+){1,5}?(?:states|countries|nations|members|parties))\s+"
    r"(?:have|has|had|are|were)\b",
    re.I,
)
# "51 signatures and 37 ratifications out of the 53 countries on the continent": counts told as shares
# of a region's states count that region, not the treaty's whole membership.
_OUT_OF_REGION = re.compile(
    r"\b(?:out\s+of|of|among)\s+(?:the\s+|its\s+|their\s+)?(?:" + DIGIT_NUMBER + "|" + WORD_NUMBER + r")\s+"
    r"(?:[\w-]+\s+){0,3}?(?:states|countries|nations)\s+(?:on|in|of|from|across)\s+(?:the\s+)?"
    r"(?:continent|region|sub-?region|hemisphere|Africa|Europe|Asia|Oceania|(?:the\s+)?Americas|"
    r"Latin\s+America|Caribbean|Pacific|Middle\s+East)\b",
    re.I,
)
# A group named between the number and its noun: "12 EU states", "40 African countries".
_GROUP_AFTER = re.compile(
    r"^\s+(?:EU|E\.U\.|European(?:\s+Union)?|African|Asian|Arab|Latin\s+American|Caribbean|Pacific|Nordic|"
    r"NATO|OECD|OSCE|ASEAN|Commonwealth|OAS|G-?\d+|Annex\s*\d+|Annex\s+[IVX]+)\b",
    re.I,
)
# A group's own members, told by its name before the number: "the European Blind Union's 41 member countries",
# "NATO's 30 members", "Africa's 54 states" (not the treaty's own: "the Convention's 164 States Parties").
_GROUP_BEFORE = re.compile(
    r"\b(?:union|organi[sz]ation|community|council|group|association|league|alliance|federation|commonwealth|"
    r"continent|region|Africa|Europe|Asia|America|Caribbean|Pacific|NATO|EU|AU|ASEAN|SADC|ECOWAS|OAS|OSCE|OECD)"
    r"['’]s\s+$",
    re.I,
)
# Relative periods: the counts of the sentence are changes over the period, not totals.
_PERIOD = re.compile(
    r"\b(?:since\s+(?:last|the\s+last|the\s+previous)\s+(?:year|report|month|session|meeting|review)|"
    r"since\s+then|since\s+that\s+time|since\s+(?:the|its|our)\s+(?:campaign|initiative|appeal|launch)\b|"
    r"(?:this|last|the\s+past)\s+year|in\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|months?)|"
    r"during\s+the\s+(?:year|reporting\s+period)|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|months?))\b",
    re.I,
)
# "Four more states signed ..., bringing the total to 125": the "more" is the change, the total the claim.
MORE_AFTER = re.compile(r"^\s+(?:more|new|additional)\b", re.I)
RUNNING_TOTAL = re.compile(
    r"\b(?:bringing|brings|brought|raising|raises|taking|takes)\s+(?:up\s+)?"
    r"(?:the\s+(?:(?:current|overall|new|grand)\s+)?(?:total|number|tally|count)\b|"
    r"(?:it\s+|its\s+\w+\s+)?to\s+(?:a\s+total\s+of\s+)?(?:\d|[a-z]+[\s-]))",
    re.I,
)
# A count told as a total in a sentence of changes: "In the past year 5 states joined, bringing the
# total to 150"; "As of last year, 150 states had ratified" (a status date, not a period).
# "The scope was expanded in 2001, and since then only 35 countries have ratified the amendment": since
# the instrument began, every consent is counted, a total.
_ORIGIN = re.compile(
    r"\b(?:adopted|opened\s+for\s+signature|expanded|amended|created|established|concluded|"
    # "... opened in 1996. Since then, ...", "... entered into force in 2008.' Since then" (a quote closed)
    r"(?:entered|came)\s+into\s+(?:force|effect))\b[^.;]*(?:[.;][\"'’”]?\s*)?$",
    re.I,
)
# "Since it opened for signature on 3 June this year, 83 countries have signed": counted from the start.
_SINCE_ORIGIN = re.compile(
    r"\bsince\s+(?:it|its|the\s+[\w-]+(?:['’]s)?)\s+(?:was\s+)?(?:opened|opening|adopted|adoption|entered|entry|came)\b",
    re.I,
)
_TOTAL_WORDS = re.compile(r"\b(?:total|number|tally|count|bringing|now)\b", re.I)
# "Last year, 150 states had ratified it", "last year it reached 150 ratifications": a total told as of the
# period (past perfect, or a count reached), not what the period added.
_TOTAL_AT = re.compile(r"\bhad\s+(?:\w+\s+)?(?:ratified|signed|acceded|joined|become)\b", re.I)
_REACHED_BEFORE = re.compile(r"\b(?:reached|passed|topped|crossed|hit)\s+(?:the\s+)?(?:mark\s+of\s+)?$", re.I)
# "This year, a majority of the 125 nations that belong to the CCW said ...": the members, whatever the year.
_MEMBERS_NOW = re.compile(r"\b(?:that|which|who)\s+(?:belong\s+to|are\s+(?:part(?:y|ies)|members)\b)", re.I)
# "Over the past five years ... the OPSC is now in force in 169 countries": the count of today, a total.
_NOW_BEFORE = re.compile(r"\b(?:now|currently|today)\s+(?:\w+\s+){0,4}$", re.I)
_STARTING = re.compile(r"\bfrom\s+\S+$", re.I)  # a count's phrase ending "... increased from 150"
_SINCE = re.compile(r"\bsince\b", re.I)
# A day told with a starting figure: "from 3 at the end of 2000", "from 40 in 2010" (not "at entry into
# force", whose day the text does not tell: the start of a change).
_DATED_START = re.compile(
    r"\s+(?:(?:at|by)\s+the\s+(?:end|close|start|beginning)\s+of\s+(?:19|20)\d\d\b|in\s+(?:19|20)\d\d\b|"
    r"as\s+(?:of|at)\s+\w+)",
    re.I,
)
_STATUS_BEFORE_PERIOD = re.compile(r"\b(?:as\s+(?:of|at)|by|end\s+of)\s+$", re.I)
_MONTH_BEFORE_PERIOD = re.compile(rf"\b(?:{MONTH_NAMES})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+$", re.I)
_FROM_TO = re.compile(r"\b(?:rose|grew|increased|climbed|went|up)\s+from\s*$", re.I)


_ORDINAL_AT = re.compile(ORDINAL, re.I)


def set_aside(
    text: str, counts: Sequence[CountMatch], sentences: Spans, subsets: Sequence[Skipped] = ()
) -> tuple[list[CountMatch], list[Skipped]]:
    """The counts that speak of the whole membership, and the others with their reason: a group
    ("Of the 44 Annex 2 States, 40 have signed", "12 EU states have ratified" and the bare counts after
    it), a change over a period ("Since last year, four States have signed"), a "more" counted before a
    running total, a starting figure ("rose from 40 ... to 120"). `subsets`: numbers already set aside
    as a group ("Forty of the Annex 2 States have signed"), whose sentence's bare counts after them
    ("and 30 have ratified it") count the same group."""
    kept: list[CountMatch] = []
    skipped: list[Skipped] = []
    group_sentences: set[int] = set()
    for m in _OF_THE_GROUP.finditer(text):
        # "Annex 2 States", "African Union members"; opening the sentence, "States that at one time produced
        # mines" (but "States that have ratified the Covenant" are the treaty's own)
        group = m.group("group")
        if not group and parse_number(m.group("n")) >= 150:
            continue  # "Of the 193, all but 2 have ratified": the world's states
        clause = max(sentences.containing(m.start())[0], after_last(text, ":;", m.start()))  # where it opens
        told_by_deed = (
            _RELATIVE.search(group) is not None
            and _TREATY_DEED.search(group) is None
            and not text[clause : m.start()].strip(" \t\"'“(")
        )
        if not _WHOLE_WORLD.match(group.strip()) or told_by_deed:
            group_sentences.add(sentences.index(m.start()))
    regional: dict[int, int] = {}  # sentence -> where a share of a region's states is told
    for m in _OUT_OF_REGION.finditer(text):
        regional.setdefault(sentences.index(m.start()), m.start())
    periods: dict[int, list[int]] = {}
    subset_in: set[int] = set()
    group_at: dict[int, int] = {}  # sentence -> where a number set aside as a group was told
    for k in subsets:
        if k.reason == REASON_SUBSET:
            group_at.setdefault(sentences.index(k.number_start), k.number_start)
    for m in _N_OF_GROUP.finditer(text):
        if not _WHOLE_WORLD.fullmatch(m.group("group").strip()):
            group_at.setdefault(sentences.index(m.start()), m.start())
    counts = sorted(counts, key=lambda k: k.number_start)
    starts = [k.number_start for k in counts]
    for c in counts:
        i = sentences.index(c.number_start)
        s, e = sentences.spans[i] if i >= 0 else (c.number_start, c.number_end)
        if i not in periods:
            periods[i] = [
                p.start()
                for p in _PERIOD.finditer(text, s, e)
                if not _SINCE_ORIGIN.search(text, s, e)
                and not _STATUS_BEFORE_PERIOD.search(text[max(s, p.start() - 12) : p.start()])
                # "on 3 June this year": a day, not a period
                and not _MONTH_BEFORE_PERIOD.search(text[max(s, p.start() - 20) : p.start()])
                and not (
                    p.group(0).lower().startswith("since")
                    and _ORIGIN.search(text, max(0, p.start() - 150), p.start())
                )
            ]
        before = text[max(s, c.number_start - 40) : c.number_start]
        reason = None
        if c.kind != KIND_COUNT or c.source != "prose" or _ORDINAL_AT.match(text, c.number_start):
            reason = None  # an ordinal ("the 163rd country to accede") is never a change or a part
        elif _STARTING.search(c.phrase) and (
            _SINCE.search(text, s, c.start)
            or _DATED_START.match(text, c.number_end)
            or BETWEEN_YEARS.search(text, s, c.start)
        ):
            # "Since 1 May 2010, the number of parties rose from 150 to 155": 150 on that day; "has grown
            # from 3 at the end of 2000 to 170 today": 3 on the day told with it
            reason = None
        elif _GROUP_AFTER.match(text[c.number_end : c.number_end + 30]) or _GROUP_BEFORE.search(before):
            reason = REASON_SUBSET
            subset_in.add(i)
        elif i in regional and c.number_start < regional[i]:
            reason = (
                REASON_SUBSET  # "51 signatures and 37 ratifications out of the 53 countries on the continent"
            )
        elif (i in subset_in or group_at.get(i, c.number_start) < c.number_start) and c.noun is None:
            reason = REASON_SUBSET  # "12 EU states have ratified ..., and 9 have ratified its Protocol"
        elif i in group_sentences and c.start > s and _after_group(text, s, c.number_start):
            reason = REASON_SUBSET
        elif (
            _in_period(text, c, periods[i])
            and not _TOTAL_WORDS.search(c.phrase)
            and not _TOTAL_AT.search(c.phrase)
            and not _REACHED_BEFORE.search(before)
            and not _MEMBERS_NOW.search(c.phrase)
            and not _NOW_BEFORE.search(text, max(s, c.start - 40), c.start)
            and not RUNNING_TOTAL.search(text, s, c.start)
        ):
            reason = REASON_CHANGE
        elif c.noun is not None and RUNNING_TOTAL.search(text, c.end, e):
            # "Since April 2014, seven States have become parties ..., bringing the total to 20": the total
            # is the claim, the count before it what was added
            reason = REASON_CHANGE
        elif _in_a_period(text, c, s):
            reason = REASON_CHANGE
        elif _is_step(text, c, s, e):
            reason = REASON_CHANGE
        elif _FROM_TO.search(before):
            reason = REASON_CHANGE
        elif split_in_two(c, counts, starts, sentences.spans[i] if i >= 0 else (c.start, c.end)):
            reason = REASON_TOTAL
        if reason:
            skipped.append(Skipped(c.number_start, c.number_end, reason))
        else:
            kept.append(c)
    return kept, skipped


def _in_period(text: str, c: CountMatch, starts: list[int]) -> bool:
    """Does a period of the sentence speak of the count? Not when another number stands between them:
    "ratified by 130 states, 10 of them this year" (the 10 is the change, the 130 the total)."""
    return any(
        (p < c.number_start and not _NOW_BETWEEN.search(text, p, c.start) and ";" not in text[p : c.start])
        or (
            p > c.number_end
            and not (ANY_NUMBER.search(text, c.number_end, p) or _OWN_CLAUSE.search(text, c.number_end, p))
        )
        for p in starts
    )


# "Over the past five years, the OPSC is now in force in 169 countries, while the OPAC has been ratified
# by 159 states": a "now" after the period tells the totals of today for the rest of the sentence (as a
# semicolon closes the period's clause: "in response to the amendment last year ...; 192 countries have").
_NOW_BETWEEN = re.compile(r"\b(?:now|currently|today)\b", re.I)


# "..., and its Protocol V by 95, said the head of the delegation at the Meeting, which gathered this year
# representatives of 90 states": a period told in a clause of its own after the count is that clause's.
_OWN_CLAUSE = re.compile(r"\b(?:which|who|whose)\b|,\s*(?:said|says|according\s+to)\b", re.I)


_HAS_AUXILIARY = re.compile(r"\b(?:have|has|had|are|is|were|was|number|total|tally|bringing)\b", re.I)


def _is_step(text: str, c: CountMatch, s: int, e: int) -> bool:
    """ "Four more states signed ..., bringing the total to 125", "Five states signed ..., bringing the
    number of signatories to 70": the count told before a running total is the step, not a total."""
    total = RUNNING_TOTAL.search(text, c.number_end, e)
    if total is None:
        return False
    return bool(MORE_AFTER.match(text[c.number_end : c.number_end + 20])) or not _HAS_AUXILIARY.search(
        c.phrase
    )


# "During 2010, 12 states ratified the Convention", "In the first year, 12 states signed it": a simple past
# within a span of time counts what happened in it, not the total ("By 2010, 12 states had ratified" and
# "As of 2010" are totals). "In 2008, 94 states signed it" is left a total: at an opening, it is one.
_SPAN_BEFORE = re.compile(
    r"\b(?:(?:during|throughout|over)\s+(?:the\s+(?:year\s+)?)?(?:19|20)\d\d|"
    r"(?:in|during|over|within)\s+the\s+(?:first|following|next|previous|past|last)\s+(?:\w+\s+)?"
    r"(?:year|years|months?|weeks?))\b",
    re.I,
)
_SIMPLE_PAST = re.compile(r"\b(?:ratified|signed|acceded|joined)\b", re.I)


def _in_a_period(text: str, c: CountMatch, s: int) -> bool:
    if (
        _HAS_AUXILIARY.search(c.phrase)
        or not _SIMPLE_PAST.search(c.phrase)
        or c.phrase.lower().startswith(("ratified by", "signed by", "joined by", "acceded to by"))
    ):
        return False
    return bool(_SPAN_BEFORE.search(text, s, c.start))


def _after_group(text: str, s: int, pos: int) -> bool:
    return any(m.end() <= pos for m in _OF_THE_GROUP.finditer(text, s, pos))


__all__ = ["MORE_AFTER", "RUNNING_TOTAL", "set_aside"]
