"""End notes as history, beyond the row's own note: the treaty's denunciation clause the page quotes, an
effective date in a note the row does not link, and an earlier participation a note tells (pure, no I/O)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from pipeline.parse.endnotes import (
    DATE_PATTERN,
    DELAY_WORDS,
    RULE_NOTIFIED,
    WithdrawalEffect,
    add_delay,
    note_events,
    note_subject,
    parse_day,
    read_withdrawal,
    same_participant,
)
from pipeline.parse.model import ROLE_CONSENT, ROLE_PROVISIONAL, ROLE_SIGNATURE, TreatyStatus

# The treaty's own denunciation clause, where the page quotes it (IV-5: objections quote article 12(1),
# "the denunciation taking effect 'three months after the date of receipt of the notification by the
# Secretary-General'"). Only a quoted clause about denunciation itself counts, never a State's own delay.
_CLAUSE = re.compile(
    r"denunciation (?:shall take|taking|takes|will take|to take) effect,?\s*[\"'\u2018\u2019\u201c\u201d]"
    r"(?P<n>\d+|"
    + "|".join(DELAY_WORDS)
    + r") (?P<unit>day|month|year)s? after the date of (?:the )?receipt",
    re.I,
)


@dataclass(frozen=True)
class Clause:
    """A treaty's denunciation delay as the page quotes it."""

    n: int
    unit: str  # "day" | "month" | "year"
    quote: str


def denunciation_clause(texts: Iterable[str]) -> Clause | None:
    """The delay of the treaty's denunciation clause quoted anywhere in the page's texts (end notes,
    declarations, objections); None when no text quotes it, or when the quotes disagree."""
    found: set[tuple[int, str]] = set()
    quotes: dict[tuple[int, str], str] = {}
    for text in texts:
        for m in _CLAUSE.finditer(text or ""):
            n = m.group("n").lower()
            key = (int(n) if n.isdigit() else DELAY_WORDS[n], m.group("unit").lower())
            found.add(key)
            quotes.setdefault(key, m.group(0))
    if len(found) != 1:
        return None
    (key,) = found
    return Clause(key[0], key[1], quotes[key])


RULE_CLAUSE = "the treaty's clause quoted on the page"


def date_withdrawal(
    footnotes: Iterable[str],
    notes: Mapping[str, str],
    *,
    participant: str | None = None,
    role: str = ROLE_CONSENT,
    after: date | None = None,
    clause: Clause | None = None,
) -> WithdrawalEffect | None:
    """read_withdrawal, then two more sources in order: an effective date in a note the row does not link
    that names the participant (XIX-35: the Netherlands in note 1's table, its row linking note 3); and
    for a notification date alone, the delay of the treaty's denunciation clause the page quotes (IV-5
    Jamaica: notified 23 October 1997, effective three months after, 23 January 1998)."""
    linked = [str(m) for m in footnotes]
    found = read_withdrawal(linked, notes, participant=participant, role=role, after=after)
    if (found is None or found.rule == RULE_NOTIFIED) and participant is not None:
        others = [n for n in notes if n not in linked]
        other = read_withdrawal(
            others, notes, participant=participant, role=role, after=after, named_only=True
        )
        if other is not None and other.rule != RULE_NOTIFIED:
            found = dataclasses.replace(
                other, phrase=f"{other.phrase} (note {other.note}, not linked from the row)"
            )
    if (
        found is not None
        and found.rule == RULE_NOTIFIED
        and clause is not None
        and found.notified is not None
    ):
        day = add_delay(found.notified, clause.n, clause.unit)
        rule = f"{RULE_NOTIFIED}+{clause.n} {clause.unit}{'s' if clause.n != 1 else ''} ({RULE_CLAUSE})"
        found = WithdrawalEffect(day, rule, found.note, found.notified, f"{found.phrase}; {clause.quote}")
    return found


# "The Government of Guyana had initially acceded to the Optional Protocol on 10 May 1993": an earlier
# participation of the same State, ended by the denunciation the same note tells, before its re-accession.
_INITIAL = re.compile(
    r"(?:had )?initially (?:acceded|ratified|accepted|approved|succeeded)\b[^.;]*?\bon "
    rf"(?P<date>{DATE_PATTERN})"
)


def earlier_participation(
    footnotes: Iterable[str], notes: Mapping[str, str], *, participant: str, current: date
) -> tuple[date, date, str] | None:
    """(start, end, note) of a participation the row's end notes tell before the one the row dates
    (`current`): an initial accession or ratification, ended by a denunciation with an effective date
    after it. None when no note tells one."""
    for number in footnotes:
        text = notes.get(str(number)) or ""
        m = _INITIAL.search(text)
        if m is None:
            continue
        subject = note_subject(text[: m.end()])
        if subject is not None and not same_participant(subject, participant):
            continue
        start = parse_day(m.group("date"))
        if start is None or start >= current:
            continue
        ends = [
            e.effect
            for e in note_events(text[m.end() :])
            if e.effect is not None
            and e.effect > start
            and (e.who is None or same_participant(e.who, participant))
        ]
        if ends:
            return start, min(ends), str(number)
    return None


def withdrawal_effects(status: TreatyStatus) -> dict[tuple[int, str], WithdrawalEffect | None]:
    """For every bracketed action on a page, keyed by (row, role): when it ended, or None if no note says."""
    notes = {n.number: n.text for n in status.end_notes}
    clause = denunciation_clause([*notes.values(), *(d.text for d in status.declarations)])
    out: dict[tuple[int, str], WithdrawalEffect | None] = {}
    for p in status.participants:
        for role in (ROLE_SIGNATURE, ROLE_CONSENT, ROLE_PROVISIONAL):
            action = getattr(p, role)
            if action is not None and action.withdrawn:
                out[(p.row, role)] = date_withdrawal(
                    p.footnotes, notes, participant=p.name, role=role, after=action.date, clause=clause
                )
    return out
