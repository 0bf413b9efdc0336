"""Dating by the record (the claim reader's last dating stage, which needs the store): a text that names the
act a count comes from speaks of that act's day, which the UN's table holds.

- "With the accession of Chile, 41 States are now parties", "Chile's ratification brings the number of
  parties to 41", "Chile is the latest state to have ratified it": a count its text leaves undated takes
  the day of the act its sentence names (the consent for parties, the signature for signatories; "This
  brings the number to 41" points back to the sentence before), or, in a text that dates none of its counts
  from its words, the act of the state a sentence names as the latest to act. Only when the record has one
  such act for each state named and they share one day (or, on different days, the later one when the
  record's count that day is the figure told); when the text tells the day itself without its
  year ("on 15 May", "on Monday"), only when the record's day of the act is that day (then the record gives
  the year the text leaves out; "today" and "yesterday", in a text with no date of its own, tell no year
  and so leave the day to the record); never for an act after "since" (the start of a span of time).
- "With the ratification of Chile on 7 September": a day without its year takes the year of the act's.
- "83 countries signed the convention on its opening day": the first signature day in the record.

Each claim dated here says which act dated it ("dated by Chile's accession, 2015-01-23").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pipeline.claims.acts import CONSENT, SIGNATURE, acts_named
from pipeline.claims.measures import MEASURE_PARTIES, MEASURE_SIGNATORIES
from pipeline.claims.model import KIND_COUNT, TEXT_DAY_SOURCES, Claim, dated_by_record
from pipeline.claims.ordinal_days import day_agrees, first_day_told, state_before, tells_day
from pipeline.claims.relative_days import POINTS_BACK
from pipeline.claims.sentences import Spans, after_last, before_next, split_sentences
from pipeline.claims.store_view import StoreLike
from pipeline.claims.verdicts import figure_for
from pipeline.frame_values import is_missing
from pipeline.frame_values import to_date as _as_date
from pipeline.store import StoreError
from pipeline.text import MONTH_NAMES, MONTHS

_COLUMN = {CONSENT: "consent_date", SIGNATURE: "signature_date"}
_KIND_OF = {MEASURE_PARTIES: CONSENT, MEASURE_SIGNATORIES: SIGNATURE}

# "Chile is the latest state to have ratified", "the most recent party is Chile": the act the text's own
# (unknown) day comes after, so the day its counts speak of.
_LATEST = re.compile(
    r"\b(?:latest|most\s+recent|newest|last)\s+(?:(?:[\w-]+\s+){0,2}?(?:state|country|nation|party|parties|"
    r"signatory|one|ratification|accession|signature|addition)s?\b|(?:to|being)\b)|"
    r"\bthe\s+(?:latest|most\s+recent|newest)\s*,",
    re.I,
)
_UP_TO_NOW = re.compile(r"\b(?:to\s+date|so\s+far|thus\s+far|up\s+to\s+now|until\s+now)\b|^,\s*now\s", re.I)
# Dates a text gives its counts from its own words: a text with any of them is not dated by "the latest".
_WORDS_DATE = frozenset({"sentence", "paragraph", "byline", "written-on", "body", "note"})


def _act_day(store: StoreLike, mtdsg_no: str, iso3: str, kind: str) -> tuple[str, str, date] | None:
    """(name, type of act, day) of the state's one act of that kind on the treaty; None when the record has
    none or more than one."""
    rows = store.participants(mtdsg_no)
    found = rows[rows["iso3"] == iso3]
    told = [(r, _as_date(r[_COLUMN[kind]])) for _, r in found.iterrows()]
    days = [(r, d) for r, d in told if d is not None]
    if len(days) != 1:
        return None
    row, day = days[0]
    what = row.get(f"{kind}_type")
    name = row.get("name")
    return iso3 if is_missing(name) else str(name), kind if is_missing(what) else str(what).lower(), day


def _dated_by(c: Claim, act: tuple[str, str, date]) -> Claim:
    name, what, day = act
    return dated_by_record(c, day, f"{name}'s {what}")


def one_act(store: StoreLike, c: Claim, acts: set[tuple[str, str]]) -> tuple[str, str, date] | None:
    kind = _KIND_OF.get(c.measure)
    states = sorted({iso3 for iso3, k in acts if k == kind})
    if kind is None or c.mtdsg_no is None or not states:
        return None
    found = [_act_day(store, c.mtdsg_no, iso3, kind) for iso3 in states]
    days = [a for a in found if a is not None]
    if len(days) != len(states):
        return None  # a state without (one) such act
    if len(days) == 1:
        return days[0]
    if len({a[2] for a in days}) != 1:
        # "With recent ratifications by Ukraine and Haiti, there are now 149 States Parties": states that
        # acted on different days, the count of the later day when the record's count then is the figure
        latest = max(days, key=lambda a: a[2])
        return latest if count_on(store, c, latest[2]) == c.figure else None
    # "Burkina Faso and Moldova ratified it, bringing the total to 30": several acts of one day.
    *first, last = sorted({a[0] for a in days})
    names = f"{', '.join(first)} and {last}"
    whats = sorted({a[1] for a in days})
    return names, (whats[0] if len(whats) == 1 else kind) + "s", days[0][2]


def named_acts(claims: Sequence[Claim], text: str, store: StoreLike) -> list[Claim]:
    """Each undated count dated by the act its sentence names, else (in a text that dates no count from its
    words) by the act its lead or a "latest" sentence names. A count dated only by its text's day ("With
    Bhutan's ratification, 191 States are now parties" in a release of two days later) takes the day of the
    act its sentence names when that act came at most a month before and the record's count that day is
    the figure told."""
    if not any(c.date_source in TEXT_DAY_SOURCES for c in claims):
        return list(claims)
    sentences = Spans(split_sentences(text))
    told = [text[lo:hi] for lo, hi in sentences.spans]
    latest: set[tuple[str, str]] = set()
    for said in told:
        if _LATEST.search(said):
            latest |= acts_named(said)
    no_words_date = not any(c.date_source in _WORDS_DATE for c in claims)
    first_day = first_day_told(text)
    out = []
    for c in claims:
        if c.kind != KIND_COUNT or c.date_source not in TEXT_DAY_SOURCES:
            out.append(c)
            continue
        lo, hi = sentences.containing(c.number_start)
        said = text[lo:hi]
        if POINTS_BACK.match(said):
            # "Chile acceded to it. This brings the number of parties to 41": the act told just before.
            n = sentences.index(c.number_start)
            said = text[sentences.spans[n - 1][0] : hi] if n > 0 else said
        if c.claimed_on is not None:
            act = None if tells_day(said) else one_act(store, c, acts_named(said))
            if act is not None and fits_own_day(store, c, act[2]):
                c = _dated_by(c, act)
        # A day the text tells without its year, before the count or in it ("Peru ratified it on 15 May";
        # "Liberia's ratification on Monday brings the total to 149"): the record dates the act only when
        # its day is the one told (ordinal_days.day_agrees), and so gives the year the text leaves out.
        elif c.date_source is None and not _UP_TO_NOW.search(text[max(0, c.start - 6) : hi]):
            # ("The United States signed onto the convention, and nearly 70 countries have signed on to date",
            # "..., now signed by 177 nations": a count up to the text's own day, not the act's)
            act = one_act(store, c, acts_named(said))
            if act is None and no_words_date:
                act = one_act(store, c, latest)
            if act is not None and (
                first_day is None or first_day > hi or day_agrees(said, act[2], undated=True)
            ):
                c = _dated_by(c, act)
        out.append(c)
    return out


def fits_own_day(store: StoreLike, c: Claim, day: date) -> bool:
    """May an act of `day` date a count its text's own day dates? When it came at most a month before that
    day and the record's count on it is the figure told."""
    on = c.claimed_on
    return on is not None and 0 < (on - day).days <= 31 and count_on(store, c, day) == c.figure


def count_on(store: StoreLike, c: Claim, day: date) -> int | None:
    """The record's count of the claim's measure (parties or signatories) on `day`."""
    try:
        a = store.asof(str(c.mtdsg_no), day)
    except StoreError:
        return None
    count = figure_for(c.measure, a.parties, a.signatories, None)
    return None if count is None else int(count)


_YEARLESS = re.compile(
    rf"^(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTH_NAMES})|(?P<m2>{MONTH_NAMES})\.?\s+(?P<d2>\d{{1,2}})"
    r"(?:st|nd|rd|th)?)$",
    re.I,
)


_STATUS_WORDS = re.compile(r"(?:as\s+(?:of|at)|by|(?:at\s+)?the\s+end\s+of|end\s+of|until|through)\b", re.I)
# A month or a year told without a day: "in October", "December 2018", "in 2010", "last year".
_NO_DAY = re.compile(r"^(?!.*\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)).*$", re.S)


# "With its ratification in February 2011, ...", "Their accession in 2014 ...": the act of the state the
# sentence before names.
_ITS_ACT = re.compile(
    r"^\W*(?:with\s+|after\s+|following\s+)?(?:its|their)\s+(?:instrument\s+of\s+)?"
    r"(?:(?P<sign>signature)|ratification|accession)\b",
    re.I,
)


def _acts_or_its(c: Claim, text: str) -> set[tuple[str, str]]:
    """The acts the claim's sentence names (_acts), else the act its possessive points back to."""
    acts = acts_named(c.sentence)
    if acts or not text or (m := _ITS_ACT.match(c.sentence or "")) is None:
        return acts
    iso3 = state_before(c, text)
    return {(iso3, SIGNATURE if m.group("sign") else CONSENT)} if iso3 else set()


def yearless_acts(claims: Sequence[Claim], store: StoreLike, text: str = "") -> list[Claim]:
    """A count dated by a day told without its year ("With the ratification of Chile on 7 September") takes
    the year of the act its sentence names when the record's day and month of that act are the ones told;
    one dated by a month or a year alone ("Cambodia's ratification in October made it the 100th party") takes
    the record's day of the act when it falls in them (eval Conventions, date rule 2)."""
    out = []
    for c in claims:
        told = (c.date_text or "") if c.date_source in ("sentence", "paragraph") else ""
        m = _YEARLESS.match(told)
        # (not a status date: "By the end of 2020 the treaty had 110 States Parties; China's accession that
        # July ..." is of the year's end)
        coarse = bool(told) and not m and _NO_DAY.match(told) is not None and not _STATUS_WORDS.match(told)
        act = (
            one_act(store, c, _acts_or_its(c, text))
            if (m or coarse) and c.claimed_on is not None and c.kind == KIND_COUNT
            else None
        )
        if act is not None and c.claimed_on is not None:
            day, on = act[2], c.claimed_on
            if m and (day.month, day.day) == (on.month, on.day) and day != on:
                c = _dated_by(c, act)
            elif coarse and day.year == on.year and (day.month == on.month or (on.month, on.day) == (12, 31)):
                c = _dated_by(c, act)
        out.append(c)
    return out


# "83 countries which signed the convention on its opening day", "was opened for signature and signed by
# 21 countries": the day the treaty opened for signature.
_THAT_DAY = re.compile(r"\b(?:that|the\s+same)\s+day\b", re.I)
_OPENED = re.compile(r"\bopened\s+for\s+signature\b(?![^.]{0,40}\b(?:19|20)\d\d)[^.]*\.\s+[^.]*$", re.I)
_OPENING = re.compile(
    r"\bon\s+(?:its|the)\s+opening\s+day\b|"
    # "signed the treaty on its first day" (not "on the first day of the conference")
    r"\bon\s+(?:its|the|that)\s+(?:very\s+)?first\s+day(?:\s+(?:(?:it\s+was\s+)?open(?:ed)?\s+for\s+signature|"
    r"of\s+(?:signature|signing)))?\b(?!\s+(?:of|at|in)\b)|"
    r"\bon\s+the\s+(?:very\s+)?day\s+it\s+(?:was\s+)?opened\s+for\s+signature\b|"
    r"\bopened\s+for\s+signature\s+and\s+(?:was\s+)?(?:immediately\s+)?signed\s+by\b",
    re.I,
)
_OPENING_LEAD = re.compile(r"\W*on\s+(?:its|the)\s+(?:very\s+)?(?:opening|first)\s+day\s*,", re.I)
# "When the treaty opened for signature in June 2013, 67 countries signed it": the opening's clause of time
# before the count (the count's clause, its sentence's last, tells no date of its own).
_WHEN_OPENED = re.compile(
    r"(?:^|[.!?\n]\s*)[\"“]?when\s+[^,;.]{0,80}?\bopened\s+for\s+signature\b[^,;.]{0,40},\s*$", re.I
)
_MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH_NAMES})\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_DATE_WORDS = re.compile(rf"\b(?:{MONTH_NAMES}|(?:19|20)\d\d)\b", re.I)
# A day and its month ("2 April", "April 2nd"), in groups d1/m1 or m2/d2 (record_years.py reads them too).
DAY_MONTH = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTH_NAMES})|(?P<m2>{MONTH_NAMES})\.?\s+(?P<d2>\d{{1,2}}))\b",
    re.I,
)


def act_days(store: StoreLike, mtdsg_no: str, measure: str) -> list[date]:
    """The days of every act the measure counts on the treaty: consents for parties, signatures for
    signatories (none for another measure)."""
    kind = _KIND_OF.get(measure)
    if kind is None:
        return []
    return [d for d in (_as_date(x) for x in store.participants(mtdsg_no)[_COLUMN[kind]]) if d is not None]


def first_signature(store: StoreLike, mtdsg_no: str) -> date | None:
    return min(act_days(store, mtdsg_no, MEASURE_SIGNATORIES), default=None)


def opening_day(claims: Sequence[Claim], text: str, store: StoreLike) -> list[Claim]:
    """A count of signatories whose own clause says they signed on the opening day takes the record's first
    signature day, unless its clause tells a date of its own or its sentence a different day and month; so
    does a count of parties whose sentence opens with the opening day ("On its opening day, 82 signatories
    ... and 1 ratification of the Convention were recorded")."""
    out = []
    for c in claims:
        lead = text[after_last(text, ".\n", c.number_start) : c.number_start]
        parties = c.measure == MEASURE_PARTIES and _OPENING_LEAD.match(lead)
        if c.kind == KIND_COUNT and (c.measure == MEASURE_SIGNATORIES or parties) and c.mtdsg_no is not None:
            clause = text[
                after_last(text, ",;.\n", c.number_start) : before_next(text, ",;.\n", c.number_end)
            ]
            # ("On its opening day, the Convention was signed by 82 countries and 44 signed the Protocol")
            opening = (
                _OPENING.search(clause)
                or _OPENING_LEAD.match(lead)
                or (
                    # "... was adopted and opened for signature. Despite 71 signatures that day": the day of
                    # the opening the sentence before tells without a date
                    _THAT_DAY.search(clause)
                    and _OPENED.search(text, max(0, c.number_start - 300), c.number_start)
                )
            )
            when = None if opening else _WHEN_OPENED.search(text, max(0, c.start - 160), c.start)
            day = first_signature(store, c.mtdsg_no) if opening or when else None
            if when and day is not None and not _month_agrees(when.group(0), day):
                day = None  # "When it opened for signature in June 2013": the record's first day is in it
            if day is not None and not _DATE_WORDS.search(clause) and _agrees(c.sentence, day):
                c = dated_by_record(c, day, "the opening for signature")
        out.append(c)
    return out


def _month_agrees(words: str, day: date) -> bool:
    """No month and year told, or the day's own."""
    for m in _MONTH_YEAR.finditer(words):
        if (MONTHS.get(m.group("m").lower()), int(m.group("y"))) != (day.month, day.year):
            return False
    return True


def _agrees(sentence: str, day: date) -> bool:
    for m in DAY_MONTH.finditer(sentence):
        month = MONTHS.get((m.group("m1") or m.group("m2")).lower())
        if month is not None and (month, int(m.group("d1") or m.group("d2"))) != (day.month, day.day):
            return False
    return True


__all__ = [
    "DAY_MONTH",
    "act_days",
    "count_on",
    "fits_own_day",
    "first_signature",
    "named_acts",
    "one_act",
    "opening_day",
    "yearless_acts",
]
