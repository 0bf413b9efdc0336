"""History: counts "as of" a date from the store's snapshots (the changes between two are store.diffs)."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime
from typing import Any

from pipeline.frame_values import to_date as as_date
from pipeline.parse.endnotes import (
    DATE_PATTERN,
    RULE_EFFECT,
    parse_day,
    read_withdrawal,
)
from pipeline.store.compare import compare_participants, is_on, role_withdrawn
from pipeline.store.known import known_events
from pipeline.store.model import AsOf, KnownEvent, Scheduled, StoreError, Uncertain
from pipeline.store.participation import (
    ROLES,
    footnote_markers,
    quoted_clause,
    role_on,
    rules_text,
    withdrawal_effect_date,
)
from pipeline.store.queries import ParticipantHistory, Queries
from pipeline.text import plural

__all__ = [
    "adoption_date",
    "asof",
    "compare_participants",
    "role_on",
    "scheduled_changes",
    "today_utc",
    "withdrawal_effect_date",
]


def today_utc() -> date:
    """Today's date where the store's dates live (status dates are UTC)."""
    return datetime.now(UTC).date()


def _by_code(history: ParticipantHistory, snap: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(r["iso3"]): r for r in history.rows_at(int(snap["seq"]))}


_CONCLUDED = re.compile(rf"({DATE_PATTERN})")


def adoption_date(conclusion: str | None) -> date | None:
    """The treaty's adoption (conclusion) date from the page's "New York, 25 May 2000"; None if absent."""
    found = _CONCLUDED.findall(conclusion or "")
    return parse_day(found[0]) if found else None


@dataclasses.dataclass
class _Reading:
    """One as-of reading before the cited events, ranges and caveats are applied."""

    snap: dict[str, Any]
    state: dict[tuple[str, str], bool]
    basis: str
    uncertain: list[Uncertain] = dataclasses.field(default_factory=list)
    scheduled: tuple[Scheduled, ...] = ()


def _declared_only(q: Queries, mtdsg_no: str, on: date, today: date) -> AsOf:
    """A treaty whose snapshots list no participants: the page's own declared totals, never zero."""
    snaps = [s for s in q.all_snapshots(mtdsg_no) if s["as_at"].date() <= on]
    if not snaps:
        adopted = _adopted(q, mtdsg_no)
        if adopted is not None and on < adopted:
            return _before_adoption(mtdsg_no, on, adopted, q.all_snapshots(mtdsg_no), today)
        raise StoreError(f"{mtdsg_no} has no snapshot on or before {on.isoformat()}")
    snap = snaps[-1]
    day = snap["as_at"].date().isoformat()
    basis = (
        f"participants not listed in this snapshot: the totals the page declared as at {day}"
        f" (no action dates to reconstruct {on.isoformat()} from)"
    )
    parties, signatories = snap["declared_parties"], snap["declared_signatories"]
    return AsOf(
        mtdsg_no,
        on,
        parties,
        signatories,
        basis,
        int(snap["snapshot_id"]),
        None,
        (),
        participants_listed=False,
        parties_range=None if parties is None else (parties, parties),
        signatories_range=None if signatories is None else (signatories, signatories),
        caveats=_future(on, today),
    )


def _adopted(q: Queries, mtdsg_no: str) -> date | None:
    try:
        return adoption_date(q.treaty(mtdsg_no).get("conclusion"))
    except StoreError:
        return None


def _before_adoption(
    mtdsg_no: str, on: date, adopted: date, snaps: list[dict[str, Any]], today: date
) -> AsOf:
    """Nobody can be party to or have signed a treaty not yet adopted: 0, and the answer says why."""
    listed = [s for s in snaps if s.get("participants_complete")]
    signs = not listed or any(s.get("has_signature_column") is not False for s in listed)
    caveat = (
        f"{on.isoformat()} is before the treaty's adoption on {adopted.isoformat()}: it did not exist yet"
    )
    return AsOf(
        mtdsg_no,
        on,
        0,
        0 if signs else None,
        caveat,
        int(snaps[0]["snapshot_id"]) if snaps else None,
        0 if signs else None,
        (),
        parties_range=(0, 0),
        signatories_range=(0, 0) if signs else None,
        caveats=(caveat, *_future(on, today)),
        has_signature_procedure=signs,
    )


def _future(on: date, today: date) -> tuple[str, ...]:
    if on <= today:
        return ()
    return (
        f"a projection: {on.isoformat()} is after today ({today.isoformat()}); later actions are unknown",
    )


def asof(
    q: Queries,
    mtdsg_no: str,
    on: date,
    *,
    today: date | None = None,
    events: tuple[KnownEvent, ...] | None = None,
    read: tuple[list[dict[str, Any]], ParticipantHistory] | None = None,
) -> AsOf:
    """Parties and signatories on a date, from all the evidence.

    Between two snapshots: start from the latest snapshot on or before the date (a true picture on its
    day) and apply the actions dated after it up to the date as the next snapshot records them. A
    participation that disappears between the two without brackets or end note stays counted as it
    stood, and is listed as uncertain (the range gives the count without it). Before the first
    snapshot: the action dates of the first, and the deposits the second dates before the first that the
    first did not list yet (one rule from the first day). After the last: the last, with the changes its
    end notes schedule for later dates applied. Then the cited known events of the treaty
    (known_events.csv, or `events`) are applied and named. `today`: for telling a projection. `read`: the
    treaty's snapshots with participants and their history, when the caller has read them already.
    """
    today = today or today_utc()
    cited = known_events(mtdsg_no, events)
    snaps = read[0] if read is not None else q.all_snapshots(mtdsg_no, listed_only=True)
    if not snaps:
        return _declared_only(q, mtdsg_no, on, today)
    earlier = [s for s in snaps if s["as_at"].date() <= on]
    later = [s for s in snaps if s["as_at"].date() > on]
    # The treaty's row versions once: the one or two snapshots compared are read from them in memory.
    history = read[1] if read is not None else q.participant_history(mtdsg_no, snaps)
    first_withdrawn = {k: v.date() for k, v in history.first_seen_withdrawn().items()}
    if not earlier:
        reading = _asof_before_first(history, on, later, first_withdrawn)
        if not any(reading.state.values()):
            # Nobody counted yet: say so if the treaty did not exist (read only then: a query per call).
            adopted = _adopted(q, mtdsg_no)
            if adopted is not None and on < adopted:
                return _before_adoption(mtdsg_no, on, adopted, snaps, today)
    else:
        base = earlier[-1]
        base_rows = _by_code(history, base)
        # The earlier snapshot as it counted on its day: a dated, unbracketed entry is in force.
        state = {(iso3, role): is_on(r, role) for iso3, r in base_rows.items() for role in ROLES}
        if not later:
            reading = _asof_after_last(history, mtdsg_no, on, base, base_rows, state)
        else:
            reading = _asof_between(history, on, base, base_rows, state, later[0], first_withdrawn)
    return _answer(mtdsg_no, on, reading, cited, today)


def _asof_before_first(
    history: ParticipantHistory,
    on: date,
    later: list[dict[str, Any]],
    first_withdrawn: dict[str, date],
) -> _Reading:
    """A date before the first snapshot: that snapshot's action dates up to the date, and the deposits the
    next snapshot dates on or before the date that the first did not list yet (recorded late), as the
    between-snapshots rule counts them: an answer never jumps without an action."""
    how: dict[str, int] = {}
    snap = later[0]
    rows = _by_code(history, snap)
    notes = history.notes_at(int(snap["seq"]))
    clause = quoted_clause(history, snap, rows)
    on_roles = {
        (iso3, role): role_on(r, role, on, notes, first_withdrawn, how, clause)
        for iso3, r in rows.items()
        for role in ROLES
    }
    late = 0
    if len(later) > 1:
        nxt = later[1]
        next_notes = history.notes_at(int(nxt["seq"]))
        next_rows = _by_code(history, nxt)
        next_clause = quoted_clause(history, nxt, next_rows)
        for iso3, n in next_rows.items():
            b = rows.get(iso3)
            for role in ROLES:
                d = as_date(n.get(f"{role}_date"))
                unlisted = b is None or as_date(b.get(f"{role}_date")) is None
                if d is not None and d <= on and unlisted and not on_roles.get((iso3, role), False):
                    if role_on(n, role, on, next_notes, first_withdrawn, how, next_clause):
                        on_roles[(iso3, role)] = True
                        late += 1
    day = snap["as_at"].date().isoformat()
    basis = (
        f"action dates in the snapshot as at {day} (the earliest; none is older than"
        f" {on.isoformat()}): consents and signatures dated on or before {on.isoformat()}"
    ) + rules_text(how)
    if late:
        basis += (
            f"; {late} deposit(s) dated on or before {on.isoformat()} that this snapshot did not list yet"
            f" are counted from their date on the page as at {later[1]['as_at'].date().isoformat()}"
        )
    return _Reading(snap, on_roles, basis)


@dataclasses.dataclass(frozen=True)
class Latest:
    """What `treaties status` shows of a treaty besides its row: the latest participants table, the counts
    on a day (its latest status date) and the withdrawals its end notes schedule for later."""

    participants: list[dict[str, Any]]
    counts: AsOf
    scheduled: tuple[Scheduled, ...]


def latest(q: Queries, mtdsg_no: str, on: date, *, today: date | None = None) -> Latest:
    """participant_rows(), asof(on) and scheduled_changes() from one read of the treaty's history (each
    alone reads it again: a query answered at the prompt reads it once)."""
    snaps = q.all_snapshots(mtdsg_no, listed_only=True)
    if not snaps:
        return Latest([], asof(q, mtdsg_no, on, today=today), ())
    history = q.participant_history(mtdsg_no, snaps)
    last = snaps[-1]
    return Latest(
        history.rows_at(int(last["seq"])),
        asof(q, mtdsg_no, on, today=today, read=(snaps, history)),
        _scheduled_in(history, mtdsg_no, last, _by_code(history, last)),
    )


def scheduled_changes(q: Queries, mtdsg_no: str) -> tuple[Scheduled, ...]:
    """Changes the latest snapshot's end notes announce for after its status date (pending withdrawals)."""
    snaps = q.all_snapshots(mtdsg_no, listed_only=True)
    if not snaps:
        return ()
    history = q.participant_history(mtdsg_no, snaps)
    return _scheduled_in(history, mtdsg_no, snaps[-1], _by_code(history, snaps[-1]))


def _scheduled_in(
    history: ParticipantHistory, mtdsg_no: str, snap: dict[str, Any], rows: dict[str, dict[str, Any]]
) -> tuple[Scheduled, ...]:
    """An unbracketed participation whose end note gives an effective date of leaving after the snapshot
    ("The withdrawal will take effect for Poland on 20 February 2026")."""
    day = snap["as_at"].date()
    notes = history.notes_at(int(snap["seq"]))
    out = []
    for iso3, r in rows.items():
        for role in ROLES:
            if not is_on(r, role) or not r.get("footnotes"):
                continue
            found = read_withdrawal(
                footnote_markers(r.get("footnotes")), notes, participant=str(r["name"]), role=role, after=day
            )
            if found is None or found.date <= day:
                continue
            if found.rule == RULE_EFFECT or found.rule.startswith("notified+"):
                out.append(
                    Scheduled(mtdsg_no, iso3, str(r["name"]), role, "withdrawal", found.date, day, found.note)
                )
    return tuple(sorted(out, key=lambda s: (s.effective, s.name)))


def _asof_after_last(
    history: ParticipantHistory,
    mtdsg_no: str,
    on: date,
    base: dict[str, Any],
    base_rows: dict[str, dict[str, Any]],
    state: dict[tuple[str, str], bool],
) -> _Reading:
    """A date after the latest snapshot: that snapshot, with the changes its end notes schedule."""
    base_day = base["as_at"].date()
    pending = _scheduled_in(history, mtdsg_no, base, base_rows)
    applied = tuple(s for s in pending if s.effective <= on)
    for s in applied:
        state[(s.iso3, s.role)] = False
    if not pending:
        basis = (
            f"the latest snapshot, as at {base_day.isoformat()}: changes after it are unknown to this store"
        )
        return _Reading(base, state, basis)
    basis = f"projected from the snapshot as at {base_day.isoformat()}"
    if applied:
        texts = dict.fromkeys(f"{s.text()} (end note {s.note})" for s in applied)
        basis += "; scheduled: " + ", ".join(texts) + ", applied"
    rest = dict.fromkeys(s.text() for s in pending if s.effective > on)
    if rest:
        basis += "; scheduled after this date: " + ", ".join(rest)
    basis += "; other changes after the snapshot are unknown to this store"
    return _Reading(base, state, basis, scheduled=pending)


def _asof_between(
    history: ParticipantHistory,
    on: date,
    base: dict[str, Any],
    base_rows: dict[str, dict[str, Any]],
    state: dict[tuple[str, str], bool],
    nxt: dict[str, Any],
    first_withdrawn: dict[str, date],
) -> _Reading:
    """A date between two snapshots: the earlier one's state with the actions dated up to the date, as
    the later one records them."""
    how: dict[str, int] = {}
    base_day = base["as_at"].date()
    next_rows = _by_code(history, nxt)
    next_notes = history.notes_at(int(nxt["seq"]))
    next_clause = quoted_clause(history, nxt, next_rows)
    next_day = nxt["as_at"].date()
    uncertain: list[Uncertain] = []
    late = 0
    for iso3 in sorted(set(base_rows) | set(next_rows)):
        b, n = base_rows.get(iso3), next_rows.get(iso3)
        for role in ROLES:
            was = state.get((iso3, role), False)
            if n is not None and as_date(n.get(f"{role}_date")) is not None:
                d = as_date(n.get(f"{role}_date"))
                # A deposit dated after the earlier page, or dated before it that the earlier page did not
                # list yet (the UN records some deposits late): the later page's date decides.
                unlisted = b is None or as_date(b.get(f"{role}_date")) is None
                if not was and d is not None and d <= on and (base_day < d or unlisted):
                    was = role_on(n, role, on, next_notes, first_withdrawn, how, next_clause)
                    late += was and d <= base_day
                elif was and role_withdrawn(n, role):
                    was = role_on(n, role, on, next_notes, first_withdrawn, how, next_clause)
            elif was and b is not None:
                # In force at the earlier snapshot and gone from the next with no bracket or end note.
                uncertain.append(Uncertain(iso3, str(b["name"]), role, (base_day, next_day)))
            state[(iso3, role)] = was
    basis = (
        f"the snapshot as at {base_day.isoformat()} (the latest on or before {on.isoformat()}), with the"
        f" actions dated up to {on.isoformat()} as the snapshot as at {next_day.isoformat()} records them"
    ) + rules_text(how)
    if late:
        basis += (
            f"; {late} deposit(s) dated on or before {base_day.isoformat()} that the earlier page did not"
            " list yet are counted from their date on the later page"
        )
    return _Reading(base, state, basis, uncertain)


def _apply_known(on: date, reading: _Reading, cited: tuple[KnownEvent, ...]) -> tuple[KnownEvent, ...]:
    """Apply the cited events to the reading's state; return those that decided something on `on`."""
    used = []
    for e in cited:
        key = (e.iso3, e.role)
        if e.ends and on >= e.effective:
            reading.state[key] = False
        elif e.ends and e.action_date is not None and e.action_date <= on:
            reading.state[key] = (
                True  # in force from its date until the event, which the pages no longer show
            )
        elif not e.ends and on >= e.effective:
            reading.state[key] = True
        else:
            continue
        used.append(e)
    explained = {(e.iso3, e.role) for e in cited}
    reading.uncertain = [u for u in reading.uncertain if (u.iso3, u.role) not in explained]
    return tuple(used)


def _answer(mtdsg_no: str, on: date, reading: _Reading, cited: tuple[KnownEvent, ...], today: date) -> AsOf:
    used = _apply_known(on, reading, cited)
    state, snap = reading.state, reading.snap
    basis = reading.basis
    if used:
        basis += "; known events applied: " + ", ".join(
            f"{e.name}'s {e.action} effective {e.effective.isoformat()} ({e.source})" for e in used
        )
    if reading.uncertain:
        basis += (
            f"; {plural(len(reading.uncertain), 'participation')} gone from the later page without brackets"
            " or end note are counted as they stood in the earlier one (uncertain)"
        )
    on_codes = {k for k, v in state.items() if v}
    parties = sum(role == "consent" for _, role in on_codes)
    signatories = sum(role == "signature" for _, role in on_codes)
    signed_not_party = sum(
        role == "signature" and (iso3, "consent") not in on_codes for iso3, role in on_codes
    )
    doubt = {r: sum(u.role == r and state.get((u.iso3, r), False) for u in reading.uncertain) for r in ROLES}
    # A page with no signature column: the treaty has no signature procedure, so no signatory count.
    signs = snap.get("has_signature_column") is not False
    caveats = _future(on, today)
    return AsOf(
        mtdsg_no,
        on,
        parties,
        signatories if signs else None,
        basis,
        int(snap["snapshot_id"]),
        signed_not_party if signs else None,
        tuple(reading.uncertain),
        parties_range=(parties - doubt["consent"], parties),
        signatories_range=(signatories - doubt["signature"], signatories) if signs else None,
        scheduled=reading.scheduled,
        known_events=used,
        caveats=caveats,
        has_signature_procedure=signs,
    )
