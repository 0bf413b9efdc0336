"""History: counts "as of" a date and the changes between two snapshots, from the store's snapshots."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from pipeline.frame_values import to_date as as_date
from pipeline.parse.endnotes import read_withdrawal
from pipeline.store.compare import compare_participants, is_on, role_withdrawn
from pipeline.store.model import AsOf, Diff, StoreError, Uncertain
from pipeline.store.queries import ParticipantHistory, Queries, snapshot_counts

__all__ = ["asof", "compare_participants", "diff", "diffs", "role_on", "withdrawal_effect_date"]


def withdrawal_effect_date(
    footnotes: Any,
    notes: dict[str, str],
    after: date | None,
    *,
    participant: str | None = None,
    role: str = "consent",
) -> tuple[date, str] | None:
    """When a bracketed participation ended, read from the participant's end notes.

    Delegates to pipeline.parse.endnotes.read_withdrawal, which reads every phrasing of the saved pages:
    ("effect") the latest effective date not before `after`, also one derived from a delay the note states
    ("notified+N months", reported here as "effect"); else ("notified") the latest notification date, a
    lower bound of the effect. `footnotes` is the stored "1, 4" string (or a sequence of markers). Give
    `participant` (the row's name) and `role` where known: without a name, a note telling several states'
    withdrawals (a note table, X-9, XIX-21) cannot be read for one of them.
    """
    if isinstance(footnotes, str) or footnotes is None:
        markers = [m.strip() for m in str(footnotes or "").split(",") if m.strip()]
    else:
        markers = [str(m).strip() for m in footnotes if str(m).strip()]
    found = read_withdrawal(markers, notes, participant=participant, role=role, after=after)
    if found is None:
        return None
    return found.date, ("notified" if found.rule == "notified" else "effect")


def role_on(
    row: dict[str, Any],
    role: str,
    on: date,
    notes: dict[str, str],
    first_seen_withdrawn: dict[str, date],
    how: dict[str, int],
) -> bool:
    """Whether a participant's consent (or signature) as one snapshot records it was in force on `on`.

    A bracketed (withdrawn) action counts until its withdrawal took effect: the effective date in the
    participant's end note when one can be read (rule "effect", or the rule the end-note reader names),
    otherwise until the first snapshot that shows it bracketed (rule "snapshot"). `how` counts the rules.
    """
    d = as_date(row.get(f"{role}_date"))
    if d is None or d > on:
        return False
    if not role_withdrawn(row, role):
        return True
    found = withdrawal_effect_date(
        row.get("footnotes"), notes, d, participant=str(row.get("name")), role=role
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
}


def _rules_text(how: dict[str, int]) -> str:
    parts = [f"{_RULE_WORDS.get(rule, rule)} ({n})" for rule, n in sorted(how.items()) if n]
    return "; withdrawals end on " + ", ".join(parts) if parts else ""


def _by_code(history: ParticipantHistory, snap: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(r["iso3"]): r for r in history.rows_at(int(snap["seq"]))}


def _declared_only(q: Queries, mtdsg_no: str, on: date) -> AsOf:
    """A treaty whose snapshots list no participants: the page's own declared totals, never zero."""
    snaps = [s for s in q.all_snapshots(mtdsg_no) if s["as_at"].date() <= on]
    if not snaps:
        raise StoreError(f"{mtdsg_no} has no snapshot on or before {on.isoformat()}")
    snap = snaps[-1]
    day = snap["as_at"].date().isoformat()
    basis = (
        f"participants not listed in this snapshot: the totals the page declared as at {day}"
        f" (no action dates to reconstruct {on.isoformat()} from)"
    )
    return AsOf(
        mtdsg_no,
        on,
        snap["declared_parties"],
        snap["declared_signatories"],
        basis,
        int(snap["snapshot_id"]),
        None,
        (),
        participants_listed=False,
    )


def asof(q: Queries, mtdsg_no: str, on: date) -> AsOf:
    """Parties and signatories on a date, from all the evidence.

    Between two snapshots: start from the latest snapshot on or before the date (a true picture on its
    day) and apply the actions dated after it up to the date as the next snapshot records them. A
    participation that disappears between the two without brackets or end note stays counted as it
    stood, and is listed as uncertain. Before the first snapshot: the action dates of the first.
    After the last: the last, whose later changes are unknown.
    """
    snaps = q.all_snapshots(mtdsg_no, listed_only=True)
    if not snaps:
        return _declared_only(q, mtdsg_no, on)
    earlier = [s for s in snaps if s["as_at"].date() <= on]
    later = [s for s in snaps if s["as_at"].date() > on]
    # The treaty's row versions once: the one or two snapshots compared are read from them in memory.
    history = q.participant_history(mtdsg_no, snaps)
    first_withdrawn = {k: v.date() for k, v in history.first_seen_withdrawn().items()}
    if not earlier:
        return _asof_before_first(history, mtdsg_no, on, later[0], first_withdrawn)
    base = earlier[-1]
    base_rows = _by_code(history, base)
    base_day = base["as_at"].date()
    # The earlier snapshot as it counted on its day: a dated, unbracketed entry is in force.
    state = {
        (iso3, role): is_on(r, role) for iso3, r in base_rows.items() for role in ("consent", "signature")
    }
    if not later:
        basis = (
            f"the latest snapshot, as at {base_day.isoformat()}: changes after it are unknown to this store"
        )
        return _answer(mtdsg_no, on, base, base_rows, state, basis, ())
    return _asof_between(history, mtdsg_no, on, base, base_rows, state, later[0], first_withdrawn)


def _asof_before_first(
    history: ParticipantHistory,
    mtdsg_no: str,
    on: date,
    snap: dict[str, Any],
    first_withdrawn: dict[str, date],
) -> AsOf:
    """A date before the first snapshot: that snapshot's action dates up to the date."""
    how: dict[str, int] = {}
    rows = _by_code(history, snap)
    notes = history.notes_at(int(snap["seq"]))
    on_roles = {
        (iso3, role): role_on(r, role, on, notes, first_withdrawn, how)
        for iso3, r in rows.items()
        for role in ("consent", "signature")
    }
    day = snap["as_at"].date().isoformat()
    basis = (
        f"action dates in the snapshot as at {day} (the earliest; none is older than"
        f" {on.isoformat()}): consents and signatures dated on or before {on.isoformat()}"
    )
    return _answer(mtdsg_no, on, snap, rows, on_roles, basis + _rules_text(how), ())


def _asof_between(
    history: ParticipantHistory,
    mtdsg_no: str,
    on: date,
    base: dict[str, Any],
    base_rows: dict[str, dict[str, Any]],
    state: dict[tuple[str, str], bool],
    nxt: dict[str, Any],
    first_withdrawn: dict[str, date],
) -> AsOf:
    """A date between two snapshots: the earlier one's state with the actions dated up to the date, as
    the later one records them."""
    how: dict[str, int] = {}
    base_day = base["as_at"].date()
    next_rows = _by_code(history, nxt)
    next_notes = history.notes_at(int(nxt["seq"]))
    next_day = nxt["as_at"].date()
    uncertain: list[Uncertain] = []
    late = 0
    for iso3 in sorted(set(base_rows) | set(next_rows)):
        b, n = base_rows.get(iso3), next_rows.get(iso3)
        for role in ("consent", "signature"):
            was = state.get((iso3, role), False)
            if n is not None and as_date(n.get(f"{role}_date")) is not None:
                d = as_date(n.get(f"{role}_date"))
                # A deposit dated after the earlier page, or dated before it that the earlier page did not
                # list yet (the UN records some deposits late): the later page's date decides.
                unlisted = b is None or as_date(b.get(f"{role}_date")) is None
                if not was and d is not None and d <= on and (base_day < d or unlisted):
                    was = role_on(n, role, on, next_notes, first_withdrawn, how)
                    late += was and d <= base_day
                elif was and role_withdrawn(n, role):
                    was = role_on(n, role, on, next_notes, first_withdrawn, how)
            elif was and b is not None:
                # In force at the earlier snapshot and gone from the next with no bracket or end note.
                uncertain.append(Uncertain(iso3, str(b["name"]), role, (base_day, next_day)))
            state[(iso3, role)] = was
    rows = {**base_rows, **next_rows}
    basis = (
        f"the snapshot as at {base_day.isoformat()} (the latest on or before {on.isoformat()}), with the"
        f" actions dated up to {on.isoformat()} as the snapshot as at {next_day.isoformat()} records them"
    ) + _rules_text(how)
    if late:
        basis += (
            f"; {late} deposit(s) dated on or before {base_day.isoformat()} that the earlier page did not"
            " list yet are counted from their date on the later page"
        )
    if uncertain:
        basis += (
            f"; {len(uncertain)} participation(s) gone from the later page without brackets or end note"
            " are counted as they stood in the earlier one (uncertain)"
        )
    return _answer(mtdsg_no, on, base, rows, state, basis, tuple(uncertain))


def _answer(
    mtdsg_no: str,
    on: date,
    snap: dict[str, Any],
    rows: dict[str, dict[str, Any]],
    state: dict[tuple[str, str], bool],
    basis: str,
    uncertain: tuple[Uncertain, ...],
) -> AsOf:
    parties = sum(state.get((i, "consent"), False) for i in rows)
    signatories = sum(state.get((i, "signature"), False) for i in rows)
    signed_not_party = sum(
        state.get((i, "signature"), False) and not state.get((i, "consent"), False) for i in rows
    )
    return AsOf(
        mtdsg_no, on, parties, signatories, basis, int(snap["snapshot_id"]), signed_not_party, uncertain
    )


def diff(q: Queries, mtdsg_no: str, from_date: date | None = None, to_date: date | None = None) -> Diff:
    """What changed between two snapshots with participants (by default the two latest)."""
    return diffs(q, mtdsg_no, [(from_date, to_date)])[0]


def diffs(q: Queries, mtdsg_no: str, pairs: Sequence[tuple[date | None, date | None]]) -> list[Diff]:
    """diff() for each (from_date, to_date) pair, reading the treaty's snapshots and row versions once
    (a report's change log compares every pair of consecutive snapshots)."""
    snaps = q.all_snapshots(mtdsg_no, listed_only=True)
    history: ParticipantHistory | None = None

    def at(d: date) -> dict[str, Any] | None:
        # The snapshot in force on that date: the latest taken on or before it.
        on_or_before = [s for s in snaps if s["as_at"].date() <= d]
        return on_or_before[-1] if on_or_before else None

    out = []
    for from_date, to_date in pairs:
        to_snap = at(to_date) if to_date is not None else (snaps[-1] if snaps else None)
        if from_date is not None:
            from_snap = at(from_date) or (snaps[0] if snaps else None)
        else:
            earlier = [s for s in snaps if to_snap is not None and s["seq"] < to_snap["seq"]]
            from_snap = earlier[-1] if earlier else None
        if from_snap is None or to_snap is None:
            out.append(_no_diff(q, mtdsg_no, len(snaps), to_snap or from_snap))
            continue
        changes = []
        if from_snap["snapshot_id"] != to_snap["snapshot_id"]:
            history = history or q.participant_history(mtdsg_no, snaps)
            changes = compare_participants(
                history.rows_at(int(from_snap["seq"])), history.rows_at(int(to_snap["seq"]))
            )
        out.append(
            Diff(
                mtdsg_no,
                from_snap["as_at"].date(),
                to_snap["as_at"].date(),
                snapshot_counts(from_snap),
                snapshot_counts(to_snap),
                changes,
                int(from_snap["snapshot_id"]),
                int(to_snap["snapshot_id"]),
                None,
            )
        )
    return out


def _no_diff(q: Queries, mtdsg_no: str, listed: int, only: dict[str, Any] | None) -> Diff:
    n_all = len(q.all_snapshots(mtdsg_no))
    note = (
        f"{mtdsg_no}: fewer than two snapshots with a participants table in that range"
        f" ({listed} with participants, {n_all} in all); header-only pages cannot be compared"
    )
    counts: dict[str, int | None] = snapshot_counts(only) if only else {"parties": None, "signatories": None}
    day = only["as_at"].date() if only else None
    sid = int(only["snapshot_id"]) if only else None
    return Diff(mtdsg_no, day, day, counts, counts, [], sid, sid, note)
