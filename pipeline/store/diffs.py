"""The changes between two snapshots of a treaty: who joined, signed, withdrew or was renamed, dated."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

from pipeline.frame_values import to_date as as_date
from pipeline.parse.endnote_history import date_withdrawal
from pipeline.store.compare import compare_participants, role_withdrawn
from pipeline.store.known import known_events
from pipeline.store.model import Change, Diff, KnownEvent, StoreError
from pipeline.store.participation import ROLES, footnote_markers, quoted_clause
from pipeline.store.queries import ParticipantHistory, Queries, snapshot_counts
from pipeline.vocab import ChangeKind

__all__ = ["check_order", "diff", "diffs"]


def diff(
    q: Queries,
    mtdsg_no: str,
    from_date: date | None = None,
    to_date: date | None = None,
    *,
    events: tuple[KnownEvent, ...] | None = None,
) -> Diff:
    """What changed between two snapshots with participants (by default the two latest)."""
    return diffs(q, mtdsg_no, [(from_date, to_date)], events=events)[0]


def check_order(from_date: date | None, to_date: date | None) -> None:
    """A diff runs forwards: a start later than its end is refused with the swap that was meant."""
    if from_date is not None and to_date is not None and from_date > to_date:
        raise StoreError(
            f"--from {from_date.isoformat()} is later than --to {to_date.isoformat()}: a diff runs forwards"
            f" (did you mean --from {to_date.isoformat()} --to {from_date.isoformat()}?)"
        )


def diffs(
    q: Queries,
    mtdsg_no: str,
    pairs: Sequence[tuple[date | None, date | None]],
    *,
    events: tuple[KnownEvent, ...] | None = None,
) -> list[Diff]:
    """diff() for each (from_date, to_date) pair, reading the treaty's snapshots and row versions once
    (a report's change log compares every pair of consecutive snapshots). Withdrawals carry their
    effective date and the rule that dated it; a participation gone without notice that a cited known
    event explains is a withdrawal dated by that event."""
    for from_date, to_date in pairs:
        check_order(from_date, to_date)
    cited = known_events(mtdsg_no, events)
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
        changes: list[Change] = []
        from_day, to_day = from_snap["as_at"].date(), to_snap["as_at"].date()
        in_range = tuple(e for e in cited if from_day < e.effective <= to_day)
        if from_snap["snapshot_id"] != to_snap["snapshot_id"]:
            history = history or q.participant_history(mtdsg_no, snaps)
            to_rows = history.rows_at(int(to_snap["seq"]))
            changes = compare_participants(history.rows_at(int(from_snap["seq"])), to_rows, mtdsg_no=mtdsg_no)
            changes = _dated(changes, history, to_snap, to_rows, in_range)
        out.append(
            Diff(
                mtdsg_no,
                from_day,
                to_day,
                _counts(from_snap),
                _counts(to_snap),
                changes,
                int(from_snap["snapshot_id"]),
                int(to_snap["snapshot_id"]),
                None,
                known_events=in_range,
            )
        )
    return out


def _counts(snap: dict[str, Any]) -> dict[str, int | None]:
    counts = snapshot_counts(snap)
    if snap.get("has_signature_column") is False:
        counts["signatories"] = None  # no signature procedure: no count, not 0
    return counts


def _dated(
    changes: list[Change],
    history: ParticipantHistory,
    snap: dict[str, Any],
    rows: list[dict[str, Any]],
    cited: tuple[KnownEvent, ...],
) -> list[Change]:
    """Each withdrawal with its effective date and rule, read as asof reads it."""
    by_code = {str(r["iso3"]): r for r in rows}
    notes = history.notes_at(int(snap["seq"]))
    clause = quoted_clause(history, snap, by_code)
    first = {k: v.date() for k, v in history.first_seen_withdrawn().items()}
    events = {e.iso3: e for e in cited if e.ends}
    out = []
    for c in changes:
        if c.change == ChangeKind.REMOVED_WITHOUT_NOTICE and c.iso3 in events:
            e = events[c.iso3]
            c = dataclasses.replace(
                c, change=ChangeKind.WITHDREW, effective=e.effective, rule=f"known event: {e.source}"
            )
        elif c.change == ChangeKind.WITHDREW and c.iso3 in by_code:
            row = by_code[c.iso3]
            for role in ROLES:
                if not role_withdrawn(row, role):
                    continue
                found = date_withdrawal(
                    footnote_markers(row.get("footnotes")),
                    notes,
                    participant=str(row["name"]),
                    role=role,
                    after=as_date(row.get(f"{role}_date")),
                    clause=clause,
                )
                if found is not None:
                    c = dataclasses.replace(
                        c, effective=found.date, rule=f"{found.rule} (end note {found.note})"
                    )
                elif c.iso3 in first:
                    c = dataclasses.replace(c, effective=first[c.iso3], rule="snapshot (no end note date)")
                break
        out.append(c)
    return out


def _no_diff(q: Queries, mtdsg_no: str, listed: int, only: dict[str, Any] | None) -> Diff:
    n_all = len(q.all_snapshots(mtdsg_no))
    note = (
        f"{mtdsg_no}: fewer than two snapshots with a participants table in that range"
        f" ({listed} with participants, {n_all} in all); header-only pages cannot be compared"
    )
    counts: dict[str, int | None] = _counts(only) if only else {"parties": None, "signatories": None}
    day = only["as_at"].date() if only else None
    sid = int(only["snapshot_id"]) if only else None
    return Diff(mtdsg_no, day, day, counts, counts, [], sid, sid, note)
