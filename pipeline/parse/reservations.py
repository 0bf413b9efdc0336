"""Withdrawals of reservations, declarations, objections and competence recognitions, as the end notes tell
them: "On 15 December 2011, the Government of Ireland informed the Secretary-General that it had decided to
withdraw its reservation concerning article 19 ..."."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.parse.endnotes import DATE_PATTERN, parse_day
from pipeline.parse.model import EndNote

_DATE = DATE_PATTERN
# What was withdrawn, in the words the notes use.
WHAT = ("reservation", "declaration", "objection", "statement", "understanding")
_WITHDRAW = re.compile(r"\bwithdr(?:aw|ew|awal|awn|awing)\w*\b", re.I)
_WHAT = re.compile(r"\b(reservation|declaration|objection|statement|understanding)s?\b", re.I)
# "On 1 October 2009", "In a communication received on 17 June 1959", "by a notification received on 26
# April 1991", "On 15 March 1991, 19 January 1993 and 2 April 2007, respectively".
_WHEN = re.compile(
    rf"\b(?:[Oo]n|received (?:on|in)|dated|of)\s+(?P<dates>{_DATE}(?:\s*(?:,|and)\s*(?:{_DATE}))*)"
)
# "the Government of the Federal Republic of Germany notified"; "Denmark notified"; "the Government of
# Liechtenstein informed"; "the Government of Bahrain notified the Secretary-General of its withdrawal".
_WHO = re.compile(
    r"(?:the\s+)?(?:Government\s+of\s+(?:the\s+)?)?(?P<who>[A-Z][\w'’().-]*(?:\s+(?:of|and|the|[A-Z][\w'’().-]*))*?)"
    r"\s+(?:(?:has\s+)?notified|informed|communicated|withdrew|withdraws|had\s+decided|decided|gave\s+notice"
    r"|declared|effected)\b"
    # "the Secretary-General received a notification from the Government of Tunisia that it had decided",
    # "the Secretary-General was notified of the Government of Oman's decision to withdraw"
    r"|(?:from|of)\s+the\s+Government\s+of\s+(?:the\s+)?(?P<who2>[A-Z][\w'().-]*(?:\s+(?:of|and|the|[A-Z][\w'().-]*))*?)"
    r"(?:['’]s\b|\s+that\b|,|\s+a\s+notification\b)"
)
# Sentences that report a withdrawal's text or effect, not a withdrawal: "The portion of the reservation
# which has been withdrawn read as follows", "the reservation withdrawn read:".
_NOT_AN_EVENT = re.compile(
    r"\bwithdrawn\s+(?:\w+\s+){0,2}(?:read|reads)\b|\bwhich has been withdrawn\b"
    r"|\bnot constitute a withdrawal"
    r"|\bonly possible to\b|\bwithdrawn hereby\b|\bso withdrawn\b|\bnot yet withdrawn\b|\bto be withdrawn\b"
    r"|\bwithdrawn by the above\b|\bthat have been withdrawn\b",
    re.I,
)


@dataclass(frozen=True)
class Withdrawal:
    """One participant's withdrawal of (part of) a reservation, declaration, objection or other statement,
    dated by the notification an end note reports."""

    note: str  # the end note's number
    participant: (
        str  # as the note names it ("the Federal Republic of Germany" -> "Federal Republic of Germany")
    )
    notified_on: date
    what: str  # one of WHAT
    partial: bool
    sentence: str


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.;])\s+(?=[A-Z])", text)


def read_withdrawals(notes: tuple[EndNote, ...] | list[EndNote]) -> tuple[list[Withdrawal], list[str]]:
    """The withdrawals the end notes report, and the sentences that speak of one but could not be read as
    a dated withdrawal by a named participant (returned, never dropped: a caller counts or shows them)."""
    found: list[Withdrawal] = []
    unread: list[str] = []
    for note in notes:
        for sentence in _sentences(note.text):
            w = _WITHDRAW.search(sentence)
            what = (_WHAT.search(sentence, w.start()) or _WHAT.search(sentence)) if w else None
            if w is None or what is None or _NOT_AN_EVENT.search(sentence):
                continue
            when = _WHEN.search(sentence[: w.start()]) or _WHEN.search(sentence)
            who = _WHO.search(sentence)
            if when is None or who is None:
                unread.append(f"note {note.number}: {sentence[:200]}")
                continue
            partial = bool(re.search(r"\bpartial", sentence, re.I))
            name = who.group("who") or who.group("who2")
            for day_text in re.findall(_DATE, when.group("dates")):
                day = parse_day(day_text)
                if day is None:
                    continue
                found.append(Withdrawal(note.number, name, day, what.group(1).lower(), partial, sentence))
    return found, unread
