"""Change events: who joined, signed, withdrew or was renamed, from consecutive snapshots of the store."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import pandas as pd

from pipeline import mtdsg
from pipeline.frame_values import is_missing, to_date
from pipeline.store.compare import compare_participants
from pipeline.store.known import known_events
from pipeline.store.model import Change, KnownEvent
from pipeline.store.participation import withdrawal_effect_date
from pipeline.store.queries import ParticipantHistory, Queries, records
from pipeline.vocab import EventKind

# What a reader is told about: the vocabulary's event kinds (pipeline.vocab.EventKind), as plain strings
# under this module's names. Corrections of a date and footnote renumbering are not news: the UN
# renumbers its footnotes whenever one is added above, and a corrected date is not an action.
JOINED = EventKind.JOINED.value
SIGNED = EventKind.SIGNED.value
WITHDREW = EventKind.WITHDREW.value  # the page brackets the action (denounced), the end note tells the story
REMOVED_WITHOUT_NOTICE = EventKind.REMOVED_WITHOUT_NOTICE.value  # gone from the next snapshot, nothing said
RENAMED = EventKind.RENAMED.value
DECLARATIONS_CHANGED = EventKind.DECLARATIONS_CHANGED.value
COMPETENCE_RECOGNISED = EventKind.COMPETENCE_RECOGNISED.value  # a declaration opening a complaint procedure
COMPETENCE_WITHDRAWN = EventKind.COMPETENCE_WITHDRAWN.value
FIRST_SNAPSHOT = EventKind.FIRST_SNAPSHOT.value  # the baseline of a treaty: tracking started, not a change
EVENT_KINDS = tuple(k.value for k in EventKind)
PARTICIPANT_KINDS = tuple(k for k in EVENT_KINDS if k != FIRST_SNAPSHOT)

# The columns of the events table (export, webhook, feeds): the one list.
EVENT_COLUMNS = [
    "event_id",
    "mtdsg_no",
    "iso3",
    "name",
    "kind",
    "action_date",
    "first_seen",
    "snapshot_id",
    "previous_snapshot_id",
    "before",
    "after",
    "source_url",
]

# uuid5 namespace of event ids: an event keeps its id across rebuilds of the database from the same pages.
_EVENT_NS = uuid.UUID("5b0d7c1e-3f2a-5d7e-9a51-0c1f2e3d4b5a")


@dataclass(frozen=True)
class Event:
    """One change to one participation (or the first snapshot of a treaty), citable and dated."""

    mtdsg_no: str
    iso3: str | None
    name: str
    kind: str  # one of EVENT_KINDS
    action_date: date | None  # the action's own date (signature, consent, withdrawal effect), if known
    first_seen: datetime  # the status date of the snapshot that first showed it
    snapshot_id: int
    previous_snapshot_id: int | None
    source_url: str  # the UN page to cite
    before: str | None = None
    after: str | None = None

    @property
    def event_id(self) -> str:
        """Stable across rebuilds: treaty, participant, kind, action date and the status time first shown."""
        day = self.action_date.isoformat() if self.action_date else ""
        key = f"{self.mtdsg_no}|{self.iso3 or ''}|{self.kind}|{day}|{self.first_seen.isoformat()}"
        return str(uuid.uuid5(_EVENT_NS, key))

    def headline(self) -> str:
        """One line for a feed title or a log: "Fiji joined IV-11-c (ratification, 2023-05-08)"."""
        if self.kind == FIRST_SNAPSHOT:
            return f"{self.mtdsg_no}: tracking started ({self.after})"
        what = {
            JOINED: "joined",
            SIGNED: "signed",
            WITHDREW: "withdrew from",
            REMOVED_WITHOUT_NOTICE: "was removed without notice from",
            RENAMED: "renamed on",
            DECLARATIONS_CHANGED: "changed its declarations on",
            COMPETENCE_RECOGNISED: "accepted a complaint procedure of",
            COMPETENCE_WITHDRAWN: "no longer accepts a complaint procedure of",
        }[self.kind]
        text = f"{self.name} {what} {self.mtdsg_no}"
        if self.kind in (COMPETENCE_RECOGNISED, COMPETENCE_WITHDRAWN):
            text += f": {self.after or self.before}"
        if self.kind == RENAMED:
            text = f"{self.before} is now {self.name} on {self.mtdsg_no}"
        if self.action_date is not None:
            text += f" ({self.action_date.isoformat()})"
        return text

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values, in EVENT_COLUMNS order."""
        return {
            "event_id": self.event_id,
            "mtdsg_no": self.mtdsg_no,
            "iso3": self.iso3,
            "name": self.name,
            "kind": self.kind,
            "action_date": self.action_date.isoformat() if self.action_date else None,
            "first_seen": self.first_seen.isoformat(),
            "snapshot_id": self.snapshot_id,
            "previous_snapshot_id": self.previous_snapshot_id,
            "before": self.before,
            "after": self.after,
            "source_url": self.source_url,
        }


def event_from_dict(d: dict[str, Any]) -> Event:
    """The Event of Event.to_dict() (a report keeps a treaty's events between builds that way)."""
    return Event(
        mtdsg_no=str(d["mtdsg_no"]),
        iso3=d["iso3"],
        name=str(d["name"]),
        kind=str(d["kind"]),
        action_date=date.fromisoformat(d["action_date"]) if d["action_date"] else None,
        first_seen=datetime.fromisoformat(d["first_seen"]),
        snapshot_id=int(d["snapshot_id"]),
        previous_snapshot_id=None if d["previous_snapshot_id"] is None else int(d["previous_snapshot_id"]),
        source_url=str(d["source_url"]),
        before=d["before"],
        after=d["after"],
    )


def event_kind(change: Change) -> str | None:
    """The event a Change is, or None when it is no news (a correction, footnotes renumbered).

    compare_participants calls a participation that vanished from the page "withdrew"; the UN withdraws
    by bracketing the date, so only a bracketed action is a withdrawal and a vanished row was removed
    without notice (the newer vocabulary names this kind itself).
    """
    if change.change == WITHDREW:
        return WITHDREW if change.after and "(withdrawn)" in change.after else REMOVED_WITHOUT_NOTICE
    if change.change in PARTICIPANT_KINDS:
        return change.change
    return None


def _rows(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {str(r["iso3"]): r for r in rows}


def _action_date(kind: str, row: dict[str, Any] | None, notes: dict[str, str] | None) -> date | None:
    if row is None:
        return None
    if kind == JOINED:
        return to_date(row.get("consent_date"))
    if kind == SIGNED:
        return to_date(row.get("signature_date"))
    if kind == WITHDREW and notes is not None:
        # The bracketed date is the original action; the withdrawal's own date is in the end note.
        after = to_date(row.get("consent_date")) or to_date(row.get("signature_date"))
        found = withdrawal_effect_date(row.get("footnotes"), notes, after)
        return found[0] if found else None
    return None


def _snapshot_events(
    mtdsg_no: str,
    before_snap: dict[str, Any],
    after_snap: dict[str, Any],
    read: dict[int, list[dict[str, Any]]],
    history: ParticipantHistory,
) -> list[Event]:
    def participants(snap: dict[str, Any]) -> list[dict[str, Any]]:
        # A snapshot between two others is compared twice: read it once, from the treaty's history.
        sid = int(snap["snapshot_id"])
        if sid not in read:
            read.clear()
            read[sid] = history.rows_at(int(snap["seq"]))
        return read[sid]

    before = participants(before_snap)
    after = participants(after_snap)
    changes = compare_participants(before, after, mtdsg_no=mtdsg_no)
    old_rows, new_rows = _rows(before), _rows(after)
    notes: dict[str, str] | None = None
    out: list[Event] = []
    merged: dict[tuple[str, str], int] = {}
    cited = _cited_between(mtdsg_no, before_snap, after_snap)
    for c in changes:
        kind = event_kind(c)
        if kind is None:
            continue
        if kind == REMOVED_WITHOUT_NOTICE and c.iso3 in cited:
            # Gone from the page without notice, but a cited known event tells when and why.
            known = cited[str(c.iso3)]
            out.append(
                Event(
                    mtdsg_no=mtdsg_no,
                    iso3=c.iso3,
                    name=c.name,
                    kind=WITHDREW,
                    action_date=known.effective,
                    first_seen=after_snap["as_at"],
                    snapshot_id=int(after_snap["snapshot_id"]),
                    previous_snapshot_id=int(before_snap["snapshot_id"]),
                    source_url=known.source,
                    before=c.before,
                    after=f"{known.action}, effective {known.effective.isoformat()} (known event)",
                )
            )
            continue
        if kind == WITHDREW and notes is None:
            notes = history.notes_at(int(after_snap["seq"]))
        key = str(c.iso3)
        if (key, kind) in merged:
            # Both a signature and a ratification bracketed, or both gone: one act, one event.
            i = merged[(key, kind)]
            e = out[i]
            out[i] = replace(e, before=_join(e.before, c.before), after=_join(e.after, c.after))
            continue
        merged[(key, kind)] = len(out)
        out.append(
            Event(
                mtdsg_no=mtdsg_no,
                iso3=c.iso3,
                name=c.name,
                kind=kind,
                action_date=c.effective
                if kind in (COMPETENCE_RECOGNISED, COMPETENCE_WITHDRAWN)
                else _action_date(kind, new_rows.get(key) or old_rows.get(key), notes),
                first_seen=after_snap["as_at"],
                snapshot_id=int(after_snap["snapshot_id"]),
                previous_snapshot_id=int(before_snap["snapshot_id"]),
                source_url=mtdsg.citable_url(mtdsg_no, after_snap.get("source")),
                before=c.before,
                after=c.after,
            )
        )
    return out


def _cited_between(
    mtdsg_no: str, before_snap: dict[str, Any], after_snap: dict[str, Any]
) -> dict[str, KnownEvent]:
    """The cited known events that end a participation between two snapshots, by participant."""
    lo, hi = before_snap["as_at"].date(), after_snap["as_at"].date()
    return {e.iso3: e for e in known_events(mtdsg_no) if e.ends and lo < e.effective <= hi}


def _join(a: str | None, b: str | None) -> str | None:
    return "; ".join(t for t in (a, b) if t) or None


def _baseline(mtdsg_no: str, snap: dict[str, Any]) -> Event:
    def n(key: str) -> int | None:
        v = snap.get(key)
        return None if v is None or is_missing(v) else int(v)

    parties = n("counted_parties") if n("counted_parties") is not None else n("declared_parties")
    signatories = (
        n("counted_signatories") if n("counted_signatories") is not None else n("declared_signatories")
    )
    return Event(
        mtdsg_no=mtdsg_no,
        iso3=None,
        name=str(snap.get("title") or mtdsg_no),
        kind=FIRST_SNAPSHOT,
        action_date=None,
        first_seen=snap["as_at"],
        snapshot_id=int(snap["snapshot_id"]),
        previous_snapshot_id=None,
        source_url=mtdsg.citable_url(mtdsg_no, snap.get("source")),
        before=None,
        after=f"{parties} parties, {signatories} signatories as at {snap['as_at'].date().isoformat()}",
    )


def _listed_snapshots(q: Queries) -> dict[str, list[dict[str, Any]]]:
    """Every treaty's snapshots with participants, in status-date order, in one query."""
    out: dict[str, list[dict[str, Any]]] = {}
    for snap in records(
        q.con.execute("SELECT * FROM snapshots WHERE participants_complete ORDER BY mtdsg_no, seq")
    ):
        out.setdefault(str(snap["mtdsg_no"]), []).append(snap)
    return out


def treaty_events(
    q: Queries,
    mtdsg_no: str,
    *,
    snapshot_ids: Iterable[int] | None = None,
    baseline: bool = True,
    snapshots: list[dict[str, Any]] | None = None,
) -> list[Event]:
    """The events of one treaty, oldest first, from each pair of consecutive snapshots with participants.

    The first such snapshot is the baseline (one FIRST_SNAPSHOT event, unless `baseline` is False), not
    news about every participant on it. `snapshot_ids` keeps only the events first shown by those snapshots
    (a refresh's new snapshots) and reads only the pairs that end in them.
    """
    snaps = snapshots if snapshots is not None else q.all_snapshots(mtdsg_no, listed_only=True)
    wanted = None if snapshot_ids is None else {int(s) for s in snapshot_ids}
    out: list[Event] = []
    read: dict[int, list[dict[str, Any]]] = {}
    history: ParticipantHistory | None = None
    for i, snap in enumerate(snaps):
        if wanted is not None and int(snap["snapshot_id"]) not in wanted:
            continue
        if i == 0:
            if baseline:
                out.append(_baseline(mtdsg_no, snap))
            continue
        history = history or q.participant_history(mtdsg_no, snaps)
        out.extend(_snapshot_events(mtdsg_no, snaps[i - 1], snap, read, history))
    return out


def all_events(q: Queries, treaties: Iterable[str] | None = None, *, baseline: bool = True) -> list[Event]:
    """Every event of every treaty (or of the given ones), newest first."""
    listed = _listed_snapshots(q)
    numbers = list(treaties) if treaties is not None else mtdsg.sorted_numbers(list(listed))
    events = [e for m in numbers for e in treaty_events(q, m, baseline=baseline, snapshots=listed.get(m, []))]
    return newest_first(events)


def newest_first(events: Iterable[Event]) -> list[Event]:
    """By the day first seen (newest first), then action date (newest first), treaty order, name."""
    ordered = sorted(events, key=lambda e: (mtdsg.sort_key(e.mtdsg_no), e.name.casefold()))
    ordered.sort(key=lambda e: e.action_date or date.min, reverse=True)
    ordered.sort(key=lambda e: e.first_seen, reverse=True)
    return ordered


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """The events as a frame with EVENT_COLUMNS (plain values: date, datetime, int, str, None)."""
    rows = []
    for e in events:
        d = e.to_dict()
        d["action_date"] = e.action_date
        d["first_seen"] = e.first_seen
        rows.append(d)
    return pd.DataFrame(rows, columns=EVENT_COLUMNS, dtype=object)


# ---------------------------------------------------------------------- history tables for the export
# (Reads of the row-version tables; they belong with Queries, which another change is reshaping.)


def participation_history(q: Queries) -> pd.DataFrame:
    """Every version of every participation: valid from one snapshot's status date to the next one's that
    no longer shows it (valid_to_* empty: still current)."""
    df = q.con.execute(
        """SELECT v.mtdsg_no, v.iso3, v.name, v.is_state,
                  v.signature_date, v.signature_type, v.signature_withdrawn,
                  v.consent_date, v.consent_type, v.consent_withdrawn,
                  v.provisional_date, v.provisional_type, v.provisional_withdrawn,
                  v.other_actions, v.withdrawn, v.footnotes, v.has_declarations,
                  v.valid_from AS valid_from_snapshot_id, f.as_at AS valid_from,
                  v.valid_to AS valid_to_snapshot_id, t.as_at AS valid_to
           FROM participations v JOIN snapshots f ON f.snapshot_id = v.valid_from
           LEFT JOIN snapshots t ON t.snapshot_id = v.valid_to
           ORDER BY v.mtdsg_no, v.iso3, f.seq"""
    ).df()
    return _plain(df)


def snapshot_provenance(q: Queries) -> pd.DataFrame:
    """Every snapshot with its provenance: where it was read, the raw page's hash, the parser, the totals."""
    df = q.con.execute(
        """SELECT s.snapshot_id, s.mtdsg_no, s.as_at, s.source, s.source_kind, s.raw_sha256,
                  s.parser_version, s.imported_at, s.declared_signatories, s.declared_parties,
                  s.counted_signatories, s.counted_parties, s.participants_complete
           FROM snapshots s ORDER BY s.mtdsg_no, s.seq"""
    ).df()
    df.insert(
        5, "citable_url", [mtdsg.citable_url(m, s) for m, s in zip(df["mtdsg_no"], df["source"], strict=True)]
    )
    return _plain(df)


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    out = df.astype(object).where(df.notna(), None)
    for c in out.columns:
        if c.endswith("_date"):
            out[c] = [to_date(v) for v in out[c]]
        elif c in ("as_at", "imported_at", "valid_from", "valid_to"):
            values = [None if is_missing(v) else pd.Timestamp(v).to_pydatetime() for v in out[c]]
            out[c] = pd.Series(values, index=out.index, dtype=object)
    return out
