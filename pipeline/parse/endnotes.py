"""When a withdrawal, denunciation or revocation took effect, read from a page's end notes (pure, no I/O).

The participants table only brackets a withdrawn date, `[26 Feb 1999 ]`; the story is in an end note, told
in one of the phrasings below (every one found in the 437 saved pages, each with a test). The effective date
is read when the note states it ("effect"); failing that, derived from a delay the note itself states
("notified+N months": "the denunciation will take effect sixty days after the date of receipt"); failing
that, only the notification date is known ("notified", a lower bound of the effect).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from pipeline.parse.model import ROLE_CONSENT, ROLE_PROVISIONAL, ROLE_SIGNATURE
from pipeline.text import MONTHS

RULE_EFFECT = "effect"
RULE_NOTIFIED = "notified"

_MONTH_NAMES = MONTHS  # looked up by a date's first three letters, lower case
# "27 December 2025", "3 Dec 1992", "7 Sept 2012", "14 July 2000" (notes and note tables mix them).
DATE_PATTERN = r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}"
_DATE_RE = re.compile(rf"({DATE_PATTERN})")
_WHO = r"(?P<who>[A-Z][\w'’.()-]*(?:\s+(?:of|and|the|[A-Z][\w'’.()-]*))*?)"

# Phrasings that state the effective date, most specific first: (name, pattern with a `date` group).
EFFECT_PHRASINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        # XXVI-5, XXVI-6: "The withdrawal took effect for Estonia on 27 December 2025"
        ("took effect for <State> on", rf"took effect for {_WHO} on (?P<date>{DATE_PATTERN})"),
        # XXVI-5 (Poland): "The withdrawal will take effect for Poland on 20 February 2026"
        (
            "will take effect for <State> on",
            rf"(?:will|shall) take effect for {_WHO} on (?P<date>{DATE_PATTERN})",
        ),
        # "The action will become effective for Australia on 31 July 2007"
        ("become effective for <State> on", rf"become effective for {_WHO} on (?P<date>{DATE_PATTERN})"),
        # XVI-2: "will take effect one year after the date of receipt ..., that is to say, on 24 December
        # 1982"; "... i.e., on 16 January 1993"
        (
            "take effect <delay>, that is to say, on",
            rf"take effect [^.;]{{0,120}}?(?:that is to say|i\.\s?e\.),? on (?P<date>{DATE_PATTERN})",
        ),
        # IV-5, XIX-30-a, XI-A-6: "with effect from 26 August 1998"; XIX-37: "with effect from on 1 October
        # 1994" (sic)
        ("with effect from", rf"with effect (?:from|as of|on)(?: on)? (?P<date>{DATE_PATTERN})"),
        # V-3, VI-11, VIII-1, X-9, VI-18: "the denunciation took effect on 2 April 1966"
        ("took effect on", rf"took effect on (?P<date>{DATE_PATTERN})"),
        # XII-6: "the denunciation will take effect on 22 December 2009"; XIV-7: "which shall take effect on"
        ("will take effect on", rf"(?:will|shall) take effect on (?P<date>{DATE_PATTERN})"),
        # VI-14: "the denunciation to take effect on 1 January 1969"; X-8: "was to take effect on"
        ("to take effect on", rf"to take effect on (?P<date>{DATE_PATTERN})"),
        # XIX-46: "the withdrawal of Canada form the Agreement effective on 14 April 2013"
        ("effective on", rf"effective (?:on|from|as of) (?P<date>{DATE_PATTERN})"),
        # "The withdrawal became effective on ..." (and note-table headers "Effective date:")
        ("became effective on", rf"became effective on (?P<date>{DATE_PATTERN})"),
        # XIV-7: "decided to withdraw from the Statutes, the date of effect being 14 May 2002"
        ("the date of effect being", rf"date of effect being (?P<date>{DATE_PATTERN})"),
    )
)

# A delay stated in the note: "will take effect sixty days after the date of receipt of the said
# notification" (X-14), "twelve months from the date on which the notification ... is received" (XII-1).
DELAY_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirty": 30, "sixty": 60, "ninety": 90,
}  # fmt: skip
_DELAY = re.compile(
    r"take effect,? \"?(?P<n>\d+|"
    + "|".join(DELAY_WORDS)
    + r") (?P<unit>day|month|year)s? (?:after|from) the date",
    re.I,
)

# A sentence about leaving the treaty (not about withdrawing a reservation, declaration or objection).
_WITHDRAWAL = re.compile(
    r"denounc|denunciation|withdr\w* from\b|notifications? of withdrawal|withdrawal of (?:the )?(?-i:[A-Z])"
    r"|(?:the|its|this|that) withdrawal (?:took|takes|will|shall|became|becomes|was|is)\b"
    r"|revo\w* (?:of )?(?:its|the) (?:instrument of )?"
    r"(?:ratification|accession|acceptance|approval|signature)"
    r"|withdr\w* (?:of )?(?:its|the) (?:signature|instrument of)"
    r"|(?:does|did) not intend to become a party",
    re.I,
)
# ... and which role it ends: a withdrawn signature or a revoked consent; otherwise the whole participation.
_SIGNATURE_ONLY = re.compile(
    r"withdr\w* (?:of )?(?:its|the) signature|signature (?:was|is|has been) withdrawn"
    r"|revo\w* (?:of )?(?:its|the) signature|(?:does|did) not intend to become a party",
    re.I,
)
_CONSENT_ONLY = re.compile(
    r"revo\w* (?:of )?(?:its|the) (?:instrument of )?(?:ratification|accession|acceptance|approval)"
    r"|withdr\w* (?:of )?(?:its|the) instrument of (?:ratification|accession|acceptance|approval)",
    re.I,
)
# A withdrawal itself withdrawn or suspended (XIV-7 Brazil, X-8 Trinidad and Tobago): it never took effect.
_CANCEL = re.compile(
    r"withdraw (?:its|the) notification of withdrawal|suspend (?:the|its) withdrawal"
    r"|(?:withdraw|rescind)\w* (?:its|the) (?:notification of )?denunciation",
    re.I,
)
# The notification date: "On 27 June 2025, ...", "... was received on 16 August 1967", "received by the
# Secretary-General on 2 April 1965" (not "Act of 3 July 1985", nor "C.N.360.2025 of 3 July 2025").
_NOTIFIED = re.compile(rf"\b[Oo]n (?P<date>{DATE_PATTERN})")
_GOVERNMENT = re.compile(
    r"Government of (?:the )?(?P<who>[A-Z][\w'’.()-]*(?:\s+(?:of|and|the|[A-Z][\w'’.()-]*))*)"
)
_SENTENCE = re.compile(r"(?<=[.;:])\s+(?=[A-Z(\[])")
# A note table flattened into the text: "Participant: Date of notification: Date of effect:
# [Depositary Notification:] Canada 3 Dec 1992 31 Dec 1993 C.N.411.1992.TREATIES-4 United States ..."
_TABLE_HEAD = re.compile(r"(?:Participants?|States?|Governments?)\s*:\s+((?:[A-Z][\w ]{0,40}?\s*:\s*)+)")
_TABLE_ROW = re.compile(
    rf"\s*(?P<name>[A-Z][^\d:]*?)\s+(?P<d1>{DATE_PATTERN})(?:\s+(?P<d2>{DATE_PATTERN}))?(?:\s+C\.\s?N\.\s?\S+)?"
)
_STOP = frozenset({"of", "the", "and", "republic", "government", "federal", "plurinational", "state"})


@dataclass(frozen=True)
class WithdrawalEffect:
    """When a participation ended: `date` is the effective date, or the notification date when `rule` is
    "notified"; "notified+N months" (or days, years) when derived from a delay the note states."""

    date: dt.date
    rule: str
    note: str  # the end note's number
    notified: dt.date | None = None
    phrase: str = ""  # which phrasing was read, e.g. "took effect for <State> on"


@dataclass(frozen=True)
class _Event:
    who: str | None
    role: str  # ROLE_SIGNATURE, ROLE_CONSENT or "" (the whole participation)
    notified: date | None
    effect: date | None
    phrase: str
    delay: tuple[int, str] | None = None


def parse_day(text: str) -> date | None:
    """ "27 December 2025", "3 Dec 1992", "7 Sept 2012" -> date; None if not a date."""
    parts = text.replace(".", " ").split()
    if len(parts) != 3:
        return None
    month = _MONTH_NAMES.get(parts[1][:3].lower())
    if month is None:
        return None
    try:
        return date(int(parts[2]), month, int(parts[0]))
    except ValueError:
        return None


def add_delay(day: date, n: int, unit: str) -> date:
    if unit == "day":
        return day + timedelta(days=n)
    months = day.month - 1 + (n if unit == "month" else 12 * n)
    year, month = day.year + months // 12, months % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def _tokens(name: str) -> frozenset[str]:
    return frozenset(re.sub(r"[^\w'’ ]", " ", name.lower()).split()) - _STOP


def same_participant(a: str, b: str) -> bool:
    """ "Republic of Estonia" ~ "Estonia"; "United Kingdom" ~ "United Kingdom of Great Britain and
    Northern Ireland"; "Plurinational State of Bolivia" ~ "Bolivia (Plurinational State of)"."""
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def _table_events(text: str) -> tuple[list[_Event], str]:
    """Events from a flattened note table, and the text without it."""
    head = _TABLE_HEAD.search(text)
    if head is None or not _WITHDRAWAL.search(text[: head.start()]):
        return [], text
    labels = [label for label in (x.strip().lower() for x in head.group(1).split(":")) if label]
    dated = [lab for lab in labels if "depositary" not in lab]
    events = []
    pos = head.end()
    while (row := _TABLE_ROW.match(text, pos)) is not None:
        pos = row.end()
        days = [parse_day(d) for d in (row.group("d1"), row.group("d2")) if d]
        notified = effect = None
        for label, day in zip(dated, days, strict=False):
            if "effect" in label:
                effect = day
            elif "notification" in label:
                notified = day
        phrase = "note table: date of effect" if effect else "note table: date of notification"
        events.append(_Event(row.group("name").strip(), "", notified, effect, phrase))
    return events, text[: head.start()] + " " + text[pos:]


def note_events(text: str) -> list[_Event]:
    """Every withdrawal told in one note, in order, with its subject, role, notification and effect."""
    events, rest = _table_events(text)
    open_event: _Event | None = None
    for sentence in _SENTENCE.split(rest):
        if _CANCEL.search(sentence):
            who = note_subject(sentence)
            events = [
                e
                for e in events
                if who is not None and e.who is not None and not same_participant(e.who, who)
            ]
            open_event = None
            continue
        effect, phrase, taken = None, "", []
        for name, pattern in EFFECT_PHRASINGS:
            m = pattern.search(sentence)
            if m:
                effect, phrase = parse_day(m.group("date")), name
                taken.append(m.span())
                who_in_phrase = m.groupdict().get("who")
                break
        else:
            who_in_phrase = None
        delay_m = _DELAY.search(sentence)
        delay = None
        if delay_m:
            n = delay_m.group("n").lower()
            delay = (int(n) if n.isdigit() else DELAY_WORDS[n], delay_m.group("unit").lower())
        is_withdrawal = bool(_WITHDRAWAL.search(sentence))
        notified = None
        if is_withdrawal:
            for m in _NOTIFIED.finditer(sentence):
                if not any(a <= m.start() < b for a, b in taken):
                    notified = parse_day(m.group("date"))
                    break
        if is_withdrawal and notified is not None:
            role = _role(sentence)
            open_event = _Event(
                who_in_phrase or note_subject(sentence), role, notified, effect, phrase, delay
            )
            events.append(open_event)
        elif effect is not None and (is_withdrawal or open_event is not None):
            # "The withdrawal took effect for Estonia on ..." after the sentence telling the notification.
            if open_event is not None and open_event.effect is None:
                who = who_in_phrase or open_event.who
                events[-1] = open_event = _Event(who, open_event.role, open_event.notified, effect, phrase)
            elif is_withdrawal:
                open_event = _Event(
                    who_in_phrase or note_subject(sentence), _role(sentence), None, effect, phrase
                )
                events.append(open_event)
        elif delay is not None and open_event is not None and open_event.effect is None:
            events[-1] = open_event = _Event(
                open_event.who, open_event.role, open_event.notified, None, open_event.phrase, delay
            )
    return events


@functools.lru_cache(maxsize=4096)
def _events_of(text: str) -> tuple[_Event, ...]:
    """note_events, read once per note text (as-of reads the same notes on every date it is asked)."""
    return tuple(note_events(text))


def _role(sentence: str) -> str:
    if _SIGNATURE_ONLY.search(sentence):
        return ROLE_SIGNATURE
    if _CONSENT_ONLY.search(sentence):
        return ROLE_CONSENT
    return ""


def note_subject(sentence: str) -> str | None:
    m = _GOVERNMENT.search(sentence)
    if m is None:
        return None
    return re.sub(r"(?:\s+(?:of|and|the))+$", "", m.group("who"))


def read_withdrawal(
    footnotes: Iterable[str],
    notes: Mapping[str, str],
    *,
    participant: str | None = None,
    role: str = ROLE_CONSENT,
    after: date | None = None,
    named_only: bool = False,
) -> WithdrawalEffect | None:
    """When the bracketed `role` action (dated `after`) of `participant` ended, from its end notes.

    The latest effective date not before `after` ("effect"); else a notification date plus the delay the
    note states ("notified+N months"); else the latest notification date ("notified"); else None. Without a
    participant name, statements about a named other participant cannot be told apart and note tables of
    several rows are skipped.
    """
    found: list[tuple[int, date, WithdrawalEffect]] = []  # (rank, date, effect): 2 effect, 1 derived, 0
    for number in footnotes:
        text = notes.get(number)
        if not text:
            continue
        events = _events_of(text)
        table_rows = sum(e.phrase.startswith("note table") for e in events)
        for e in events:
            if e.role and e.role != role and not (role == ROLE_PROVISIONAL and e.role == ROLE_CONSENT):
                continue
            if participant is not None and e.who is not None and not same_participant(e.who, participant):
                continue
            if named_only and e.who is None:
                continue  # a note the row does not link counts only where it names the participant
            if participant is None and e.phrase.startswith("note table") and table_rows > 1:
                continue
            if e.effect is not None and (after is None or e.effect >= after):
                found.append(
                    (2, e.effect, WithdrawalEffect(e.effect, RULE_EFFECT, number, e.notified, e.phrase))
                )
            elif e.notified is not None and (after is None or e.notified >= after):
                if e.delay is not None:
                    n, unit = e.delay
                    day = add_delay(e.notified, n, unit)
                    rule = f"{RULE_NOTIFIED}+{n} {unit}{'s' if n != 1 else ''}"
                    found.append(
                        (1, day, WithdrawalEffect(day, rule, number, e.notified, "take effect <delay>"))
                    )
                else:
                    phrase = e.phrase or "notification only"
                    found.append(
                        (
                            0,
                            e.notified,
                            WithdrawalEffect(e.notified, RULE_NOTIFIED, number, e.notified, phrase),
                        )
                    )
    if not found:
        return None
    return max(found, key=lambda f: (f[0], f[1]))[2]
