"""The day an ordinal speaks of: "Chile became the 18th state to ratify it", "Peru will become the 40th
State Party", "Qatar was the 100th country to sign". Such a sentence names the state whose act made the
count N, so the claim is of the day of that act, which the record gives (its consent, or its signature for
"to sign"), not of the day the text was written. Only when the sentence gives no date of its own: "On 3 May
2001 Peru became the 40th State Party" keeps 3 May 2001; a day told without its year ("On 10 May, Colombia
became the 100th") only when the record's day of the act is that day (day_agrees).

A run of states and a run of ordinals pair in order ("Peru and Chile became the 17th and 18th"). A state
the record does not show (yet) acting on the treaty leaves the claim as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import partial

from pipeline.claims.dates import find_dates
from pipeline.claims.measures import MEASURE_PARTIES, MEASURE_SIGNATORIES
from pipeline.claims.model import KIND_COUNT, Claim, dated_by_record
from pipeline.claims.numbers import ORDINAL
from pipeline.claims.state_names import state_spans
from pipeline.claims.store_view import StoreLike
from pipeline.claims.told_act_days import act_day_told, dated_as_told
from pipeline.frame_values import is_missing
from pipeline.frame_values import to_date as _as_date
from pipeline.text import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS

_NO_YEAR = r"(?!,?\s+(?:19|20)\d\d)"

# The dates a claim may take here: none in its sentence (its text's date, a byline, a date earlier in its
# paragraph, or none at all): the act of the state its sentence names comes first (eval Conventions, date
# rule 2 before rules 3 and 4).
_REPLACEABLE = frozenset({None, "written-on", "byline", "paragraph"})
# "the 18th state to ratify", "the 17th and 18th states", "the tenth country", "the 40th State Party".
_ORDINAL_PHRASE = re.compile(
    rf"^(?P<as>as\s+)?(?:the\s+|its\s+|their\s+|[\w-]+['’]s\s+)?{ORDINAL}(?:\s*(?:,|and)\s*{ORDINAL})*\s",
    re.I,
)
_ORDINAL_ONE = re.compile(ORDINAL, re.I)
# The verb that makes the state named before it the Nth: "became", "becomes", "has become", "will
# become", "is", "was", "were" ("X and Y were the 29th and 30th"), "making it"/"becoming" after the state's
# own clause.
_BECOMES = re.compile(
    r"\b(?:became|becomes|become|becoming|is|was|are|were|as)\b(?:\s+(?:on\s+that\s+occasion|now|thus|thereby))?\s*$",
    re.I,
)
# A sentence that tells the act's day itself, even without a year or relative to the text ("today",
# "on 15 May", "on Monday"): the text dates the act, and the claim keeps the text's date (or none).
# (not the day of the saying: "Colombia has become the 144th ..., the organisation said on Thursday")
_SAID = r"(?<!said\s)(?<!announced\s)(?<!reported\s)(?<!stated\s)(?<!confirmed\s)"
_TOLD_DAY = re.compile(
    rf"{_SAID}\b(?P<rel>today|currently|at\s+present|yesterday)\b|{_SAID}\b(?:on|last|this)\s+(?P<wd>{WEEKDAY_NAMES})\b|"
    rf"\b(?P<m1>{MONTH_NAMES})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b{_NO_YEAR}|"
    rf"\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_NAMES})\b\.?{_NO_YEAR}",
    re.I,
)
# A year or a month told in the ordinal's own sentence ("In 1990, Ghana ratified the Convention, becoming the
# first country to do so"): the period of the act, whose day the record holds (eval Conventions, rule 2).
_PERIOD = re.compile(rf"(?:(?:in|by|during)\s+)?(?:(?:{MONTH_NAMES})\.?\s+)?(?:19|20)\d\d", re.I)
_SIGN = re.compile(r"\bto\s+sign\b|\bsignator", re.I)
# A clause whose subject points back at a state: "The sultanate is", "It became", "The country was".
_ANAPHOR = re.compile(
    r"\s*(?:(?:in|by)\s+(?:\w+\s+)?(?:19|20)\d\d,?\s+)?"  # ("In 2010 it ratified ...")
    r"(?:it|(?:the|this)\s+(?:country|state|nation|kingdom|sultanate|republic|emirate|island|government))\b",
    re.I,
)


# A dateline opening the sentence ("VIENNA, Jan 31 (Reuters) - "): the text's day, not the act's.
_DATELINE = re.compile(
    rf"^\W*(?-i:[A-Z])[\w .'’-]{{1,40}}?,?\s*\(?"
    rf"(?:(?:{MONTH_NAMES})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{MONTH_NAMES}))"
    r"[^-–—\n]{0,30}?\s[-–—]\s",
    re.I,
)


def tells_day(sentence: str) -> bool:
    """Whether a sentence tells an act's day itself, even without a year or relative to the text ("on 15
    May", "on Monday", "today"): then the text dates the act, not the record."""
    return bool(_TOLD_DAY.search(_DATELINE.sub("", sentence, count=1)))


def first_day_told(text: str) -> int | None:
    """Where the first day the text tells (as tells_day reads one) ends: text[:hi] tells a day when this is
    at most hi, asked once for a text instead of once per count."""
    m = _TOLD_DAY.search(text)
    return m.end() if m else None


def states_in(clause: str) -> list[str]:
    """The codes of the states named in `clause`, in text order, without overlaps."""
    return [iso3 for _, _, iso3 in state_spans(clause)]


def act_day(store: StoreLike, mtdsg_no: str, iso3: str, column: str) -> date | None:
    rows = store.participants(mtdsg_no)
    found = rows[rows["iso3"] == iso3]
    if found.empty:
        return None
    return _as_date(found.iloc[0][column])


def act_note(store: StoreLike, mtdsg_no: str, iso3: str, column: str) -> str:
    """How the record names a state's act, for the reader to check: "South Sudan's accession" (its name and
    the type of its act in the UN's table; the code and "act" when the table has no more)."""
    rows = store.participants(mtdsg_no)
    found = rows[rows["iso3"] == iso3]
    if found.empty:
        return f"{iso3}'s act"
    row = found.iloc[0]
    what = row.get(column.replace("_date", "_type"))
    name = row.get("name")
    return f"{iso3 if is_missing(name) else name}'s {'act' if is_missing(what) else str(what).lower()}"


def ordinal_days(claims: Sequence[Claim], text: str, store: StoreLike) -> list[Claim]:
    """Each ordinal count whose sentence names the state that became the Nth, dated to that state's act; a
    count of "N other countries" leaves out the state told beside it."""
    out = []
    for c in claims:
        out.append(_dated(c, text, store) or other_than(c, text) or c)
    return out


def start_of_sentence(c: Claim, text: str) -> int:
    """Where the claim's sentence starts in `text` (-1 when its words are not found as they stand): the last
    place its opening words stand that can hold the claim's number (the sentence may open with it)."""
    head = (c.sentence or "")[:40]
    return text.rfind(head, 0, c.number_start + len(head)) if head else -1


_OTHER_NOUN = re.compile(
    r"\s+other\s+(?:(?:signing|signatory|ratifying|acceding|member)\s+)?(?:countries|states|nations|governments)\b|\s+others\b",
    re.I,
)


# "Like the 102 other countries ...", "Along with 102 other nations ...": the sentence opens with them
_LIKE_THE = re.compile(r"\s*(?:like|along\s+with|together\s+with|as\s+with|as\s+do)\s+(?:the\s+)?", re.I)
# A list of names right before the number: "The United Kingdom, Germany, China and [179 other countries]".
_LISTED = re.compile(
    r"(?:[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,3},\s+)+[^,]+?,?\s+and\s+(?:some\s+)?$"
)
# "joined the other nine State Parties": "other" before the number
_OTHER_BEFORE = re.compile(r"\bthe\s+other\s+$", re.I)


def other_than(c: Claim, text: str) -> Claim | None:
    """ "The United States signed it today. 151 other nations have now signed": the count leaves out the
    one state its sentence names before it, else the one the sentence before names (`left_out`; the checker
    takes it off the UN's figures where the record shows it acted)."""
    other = _OTHER_NOUN.match(text, c.number_end) or _OTHER_BEFORE.search(
        text, max(0, c.number_start - 12), c.number_start
    )
    if c.left_out is not None or c.kind != KIND_COUNT or not other:
        return None
    start = start_of_sentence(c, text)
    start = start if start >= 0 else max(0, c.number_start - 200)
    states = list(dict.fromkeys(states_in(text[start : c.number_start])))
    listed = _LISTED.search(text, start, c.number_start)
    if (
        len(states) > 1
        and listed
        and len(named := states_in(listed.group(0))) == len(listed.group(0).split(","))
    ):
        # "The United Kingdom, Germany, China and 179 other countries have ratified": all those named
        return replace(c, left_out=", ".join(dict.fromkeys(named)))
    if not states and _LIKE_THE.fullmatch(text, start, c.number_start):
        # "Like the 102 other countries that have ratified it, Chile must report": the subject after them
        end = start + len(c.sentence or "")
        states = list(dict.fromkeys(states_in(text[text.find(",", c.number_end, end) + 1 or end : end])))
    if not states:
        before = re.split(r"(?<=[.!?])\s+", text[max(0, start - 300) : start].strip())[-1]
        states = list(dict.fromkeys(states_in(before)))
    return replace(c, left_out=states[0]) if len(states) == 1 else None


# "Peru joins 29 other countries in ratifying it": the 29 that had joined before Peru did.
_JOINS_OTHERS = re.compile(r"\b(?:joins|joined|joining|has\s+joined|will\s+join)\s+(?:the\s+)?$", re.I)
_OTHERS = re.compile(r"\s+other\b", re.I)


def _others_before(c: Claim, text: str, store: StoreLike) -> Claim | None:
    """ "Peru joins 29 other countries": the count of the others on the day of Peru's consent (or
    signature, for "in signing"), which leaves Peru out (`left_out`)."""
    lead = text[max(0, c.number_start - 80) : c.number_start]
    no = c.mtdsg_no
    if not _JOINS_OTHERS.search(lead) or not _OTHERS.match(text, c.number_end) or no is None:
        return None
    # (the full stops of "U.N." end no clause: "Indonesia ratifies U.N. nuclear ban, joining 72 other states")
    states = states_in(re.split(r"(?<!\b[A-Z])[.;:!?]", lead)[-1])
    if not states:
        return None
    signing = c.measure == MEASURE_SIGNATORIES and bool(
        re.match(r"[^.;]{0,40}\bin\s+signing\b", text[c.end :])
        or re.match(r"\s+other\s+(?:signing|signatory)\b", text[c.number_end :], re.I)
    )
    if c.measure != MEASURE_PARTIES and not signing:
        return None
    column = "signature_date" if signing else "consent_date"
    day = act_day(store, no, states[-1], column)
    if day is None or _day_told_before(c, text, states[-1]):
        return None
    return dated_by_record(replace(c, left_out=states[-1]), day, act_note(store, no, states[-1], column))


def _day_told_before(c: Claim, text: str, iso3: str) -> bool:
    """ "Australia has today ratified the Convention. Australia joins 29 other countries": the sentence
    before tells the state's act with its day ("today"), which the text's date gives (eval date rule 2)."""
    start = start_of_sentence(c, text)
    if start <= 0:
        return False
    before = _sentence_before(text, start)
    return bool(_TOLD_DAY.search(before)) and iso3 in states_in(before)


def _sentence_before(text: str, start: int) -> str:
    """The sentence that ends before `start` (within 400 characters)."""
    return re.split(r"(?<=[.!?])\s+", text[max(0, start - 400) : start].strip())[-1]


def pointed_back(c: Claim, text: str, sentence_start: int) -> list[str]:
    """ "Oman has joined the treaty. The sultanate is the 162nd country to join": a sentence whose subject
    points back at a state ("It", "The sultanate", "The country") and names none is of the one state the
    sentence before names (none when that names several)."""
    if sentence_start <= 0 or not _ANAPHOR.match(c.sentence or ""):
        return []
    before = _sentence_before(text, sentence_start)
    states = list(dict.fromkeys(states_in(before)))
    return states if len(states) == 1 else []


def state_before(c: Claim, text: str) -> str | None:
    """The one state the sentence before the claim's names ("Ghana's record ... is strong. With its
    ratification in February 2011, the Protocol reached 101 States parties"), or None."""
    start = start_of_sentence(c, text)
    states = list(dict.fromkeys(states_in(_sentence_before(text, start)))) if start > 0 else []
    return states[0] if len(states) == 1 else None


def _dated(c: Claim, text: str, store: StoreLike) -> Claim | None:
    period = c.date_source == "sentence" and _PERIOD.fullmatch((c.date_text or "").strip()) is not None
    if c.kind != KIND_COUNT or c.mtdsg_no is None or (c.date_source not in _REPLACEABLE and not period):
        return None
    told = bool(_TOLD_DAY.search(c.sentence or ""))
    # The days with their year the sentence tells, when the count took none of them ("A statement on Sunday
    # said the instrument was deposited on 28.02.2023 and that Nigeria is now the 111th State Party"): the
    # state's act is dated by the record when the record's day is one of them.
    days_told = {d.on for d in find_dates(c.sentence or "") if d.precision == "day"} if told else set()
    other_day = bool(days_told) and c.claimed_on not in days_told
    others = None if told else _others_before(c, text, store)
    if others is not None:
        return others
    head = text[c.start : c.start + 120]
    run = _ORDINAL_PHRASE.match(head)
    if not run or not (c.start <= c.number_start < c.start + run.end()):
        return None
    ordinals = [m.start() + c.start for m in _ORDINAL_ONE.finditer(head, 0, run.end())]
    sentence_start = start_of_sentence(c, text)
    # "welcome Sri Lanka as 163rd State Party": the phrase's own "as" is the verb that makes the state the Nth
    end = c.start + (run.end("as") - run.start("as") if run.group("as") else 0)
    clause = text[max(0, sentence_start) : end] if sentence_start >= 0 else text[max(0, c.start - 200) : end]
    clause = re.split(r"[;:]|,\s+(?:while|but|and)\b", clause)[-1]
    if _BECOMES.search(clause):
        # ("China joined the treaty on Monday. It became the 107th State Party": the state told before, in a
        # text with no date of its own)
        # (or by a year its act was in: "It ratified the CRPD in 2010, becoming the 91st State party")
        states = states_in(clause) or (
            pointed_back(c, text, sentence_start) if c.claimed_on is None or period else []
        )
    elif len(ordinals) == 1 and (c.claimed_on is None or not told or other_day):
        # An ordinal whose sentence names one state ("accession to the OPCAT by the Philippines, the 63rd
        # state party"; "New Zealand ..., the 14th country to ratify it") tells that state's act, whose day
        # the record holds (eval conventions, date rule 2), unless a text with a date tells the day itself.
        states = list(dict.fromkeys(states_in(c.sentence or ""))) or pointed_back(c, text, sentence_start)
        if len(states) != 1:
            return None
    else:
        return None
    if not states:
        return None
    if len(ordinals) > 1:
        if len(states) != len(ordinals) or c.number_start not in ordinals:
            return None
        iso3 = states[ordinals.index(c.number_start)]
    else:
        iso3 = states[-1]
    # ("50 governments have signed it, the 50th being Ecuador": the signing told before, nth.py's reading)
    being = re.match(r"the\s+\S+\s+being\b", c.phrase, re.I) is not None
    signing = c.measure == MEASURE_SIGNATORIES and (being or bool(_SIGN.search(text, c.start, c.end + 40)))
    if c.measure != MEASURE_PARTIES and not signing:
        return None
    measure = c.measure
    nth = partial(_was_nth, store, c, iso3)
    if signing and nth("consent_date") and not nth("signature_date"):
        # "Palestine became the 193rd state to sign", "the 29th and 30th countries to sign": the state's
        # signature was not the Nth, its consent was; the everyday "sign" for joining.
        measure, signing = MEASURE_PARTIES, False
    column = "signature_date" if signing else "consent_date"
    day = act_day(store, c.mtdsg_no, iso3, column)
    if day is None or (
        told and day not in days_told and not day_agrees(c.sentence or "", day, undated=c.claimed_on is None)
    ):
        return None
    if other_day and c.claimed_on is not None and day not in days_told:
        return None
    if period and day.year not in {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", c.sentence or "")}:
        # "In 1990, Ghana ratified it, becoming the first": only an act within a year told ("signed in 1997
        # and ratified in 2001, becoming the 144th state party": the ratification's)
        return None
    said = None if told else act_day_told(text, iso3, day, signature=signing, own=c.sentence or "")
    if said is not None:  # "On 14 October 2013 joined Syria the Convention. Syria is 190th country to join"
        return replace(dated_as_told(c, said), measure=measure)
    return dated_by_record(replace(c, measure=measure), day, act_note(store, c.mtdsg_no, iso3, column))


def _was_nth(store: StoreLike, c: Claim, iso3: str, column: str) -> bool:
    """Did the state's act (its signature or consent, `column`) make the count the claim's N: fewer than N
    acts before its day, N or more by the end of it?"""
    day = act_day(store, str(c.mtdsg_no), iso3, column)
    if day is None:
        return False
    days = store.participants(str(c.mtdsg_no))[column].dropna().dt.date
    return int((days < day).sum()) < c.figure <= int((days <= day).sum())


def day_agrees(sentence: str, day: date, *, undated: bool = False) -> bool:
    """Does every day the sentence tells without its year ("On 10 May", "on Wednesday") fall on `day`, the
    record's day of the act it names? Then the record gives the year the text leaves out. "Today",
    "yesterday" and "currently" the record cannot check: in a text with a date of its own they are of that
    date (no agreement), in a text without one (`undated`) they tell no year, which the record's act gives
    ("Colombia became the 144th country to ratify yesterday")."""
    told = list(_TOLD_DAY.finditer(sentence))
    # "today welcomed Sri Lanka becoming the 163rd State Party after depositing ... on the 13th December":
    # a day told of the act is the act's; "today" is of the sentence's other verb.
    of_act = any(m.group("m1") or m.group("m2") for m in told)
    for m in told:
        if m.group("rel"):
            if undated or of_act:
                continue
            return False
        if m.group("wd"):
            if not undated and WEEKDAYS.index(m.group("wd").lower()) != day.weekday():
                return False
            continue
        month = MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
        said = (month, int(m.group("d1") or m.group("d2")))
        if undated:
            # No year told: the record's day of the act stands for it (date rule 2), when the day told is
            # within a month of it (a ceremony, a report, a day's slip); further off, it is another act.
            if not _within_a_month(said, day):
                return False
        elif said != (day.month, day.day):
            return False
    return bool(told)


def _within_a_month(said: tuple[int, int], day: date) -> bool:
    """Is (month, day) within 31 days of `day`, in the year before, of, or after it?"""
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            other = date(year, *said)
        except ValueError:
            continue
        if abs((other - day).days) <= 31:
            return True
    return False


__all__ = [
    "act_note",
    "first_day_told",
    "ordinal_days",
    "pointed_back",
    "start_of_sentence",
    "states_in",
    "tells_day",
    "act_day",
]
