"""One participation on a date: whether a consent or signature was in force, and when a withdrawal took
effect, read from the end notes as as-of and diff both read them."""

from __future__ import annotations

from datetime import date
from typing import Any

from pipeline.frame_values import to_date as as_date
from pipeline.parse.endnote_history import (
    RULE_CLAUSE,
    Clause,
    date_withdrawal,
    denunciation_clause,
    earlier_participation,
)
from pipeline.store.compare import role_withdrawn
from pipeline.store.queries import ParticipantHistory
from pipeline.text import plural

__all__ = ["ROLES", "footnote_markers", "quoted_clause", "role_on", "rules_text", "withdrawal_effect_date"]

ROLES = ("consent", "signature")


def footnote_markers(footnotes: Any) -> list[str]:
    if isinstance(footnotes, str) or footnotes is None:
        return [m.strip() for m in str(footnotes or "").split(",") if m.strip()]
    return [str(m).strip() for m in footnotes if str(m).strip()]


def withdrawal_effect_date(
    footnotes: Any,
    notes: dict[str, str],
    after: date | None,
    *,
    participant: str | None = None,
    role: str = "consent",
    clause: Clause | None = None,
) -> tuple[date, str] | None:
    """When a bracketed participation ended, read from the participant's end notes.

    Delegates to pipeline.parse.endnotes.read_withdrawal, which reads every phrasing of the saved pages:
    ("effect") the latest effective date not before `after`, also one derived from a delay the note states
    ("notified+N months", reported here as "effect"); else ("notified") the latest notification date, a
    lower bound of the effect. `footnotes` is the stored "1, 4" string (or a sequence of markers). Give
    `participant` (the row's name) and `role` where known: without a name, a note telling several states'
    withdrawals (a note table, X-9, XIX-21) cannot be read for one of them.
    """
    found = date_withdrawal(
        footnote_markers(footnotes), notes, participant=participant, role=role, after=after, clause=clause
    )
    if found is None:
        return None
    if RULE_CLAUSE in found.rule:
        return found.date, "clause"
    return found.date, ("notified" if found.rule == "notified" else "effect")


def role_on(
    row: dict[str, Any],
    role: str,
    on: date,
    notes: dict[str, str],
    first_seen_withdrawn: dict[str, date],
    how: dict[str, int],
    clause: Clause | None = None,
) -> bool:
    """Whether a participant's consent (or signature) as one snapshot records it was in force on `on`.

    A bracketed (withdrawn) action counts until its withdrawal took effect: the effective date in the
    participant's end note when one can be read (rule "effect", or the rule the end-note reader names),
    otherwise until the first snapshot that shows it bracketed (rule "snapshot"). `how` counts the rules.
    """
    d = as_date(row.get(f"{role}_date"))
    if d is None:
        return False
    if d > on:
        # A participation the end note tells before the one the row dates (IV-5: Guyana's initial
        # accession of 1993, denounced with effect from 5 April 1999, re-acceded on 5 January 1999).
        earlier = (
            earlier_participation(
                footnote_markers(row.get("footnotes")), notes, participant=str(row.get("name")), current=d
            )
            if role == "consent" and row.get("footnotes")
            else None
        )
        if earlier is not None and earlier[0] <= on < earlier[1]:
            how["earlier"] = how.get("earlier", 0) + 1
            return True
        return False
    if not role_withdrawn(row, role):
        return True
    found = withdrawal_effect_date(
        row.get("footnotes"), notes, d, participant=str(row.get("name")), role=role, clause=clause
    )
    if found is not None:
        how[found[1]] = how.get(found[1], 0) + 1
        return found[0] > on
    how["snapshot"] = how.get("snapshot", 0) + 1
    seen = first_seen_withdrawn.get(str(row.get("iso3")))
    return seen is not None and seen > on


_RULE_WORDS = {
    "effect": "the effective date in their end note",
    "notified": "the notified date of the denunciation (no effective date given)",
    "snapshot": "the first snapshot that shows them bracketed (no end note date)",
    "clause": "the notified date plus the delay of the treaty's denunciation clause quoted on the page",
}


def rules_text(how: dict[str, int]) -> str:
    parts = [
        f"{_RULE_WORDS.get(rule, rule)} ({n})" for rule, n in sorted(how.items()) if n and rule != "earlier"
    ]
    text = "; withdrawals end on " + ", ".join(parts) if parts else ""
    if how.get("earlier"):
        text += (
            f"; {plural(how['earlier'], 'earlier participation')} told in end notes (an initial accession or"
            " ratification, denounced before the one the row dates) are counted"
        )
    return text


def quoted_clause(
    history: ParticipantHistory, snap: dict[str, Any], rows: dict[str, dict[str, Any]]
) -> Clause | None:
    """The treaty's denunciation clause, where the snapshot's notes or declarations quote it."""
    texts = [*history.notes_at(int(snap["seq"])).values()]
    texts += [str(r["declarations"]) for r in rows.values() if r.get("declarations")]
    return denunciation_clause(texts)
