"""The events outbox: which change events each webhook receiver still has to get, kept in the database.

A receiver is registered (with the newest snapshot id of that moment) the first time a run is given it;
from then on every snapshot stored after that point owes it that snapshot's events. The snapshot and its
debt are committed together by construction: events are a pure function of the stored snapshots (their
ids are stable), so a snapshot on disk is an event owed, whatever happens to the process after its commit.
`queue` turns the owed snapshots into outbox rows (one per receiver and event) in one transaction;
`mark_delivered` is called only on a 2xx, so an event stays pending until its receiver has taken it.

A receiver is kept under a digest of its URL, never the URL: a webhook URL often carries a secret (a
token in its query, a password), and a database is copied, exported and shared more than a config.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from pipeline.store.events import Event, event_from_dict, newest_first, treaty_events
from pipeline.store.queries import Queries


def receiver_key(url: str) -> str:
    """How the outbox names a receiver: a digest of its URL."""
    return "sha256:" + hashlib.sha256(url.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Pending:
    """One event owed to one receiver, with how often it was tried and why it failed last."""

    receiver: str
    event: Event
    attempts: int
    last_error: str | None


def register(q: Queries, receivers: list[str], *, now: datetime | None = None) -> list[str]:
    """Start owing events to receivers not seen before (from the snapshots stored after this point);
    returns the ones registered now."""
    known = {r for (r,) in q.con.execute("SELECT receiver FROM outbox_receivers").fetchall()}
    fresh = [u for u in dict.fromkeys(receivers) if receiver_key(u) not in known]
    if not fresh:
        return []
    newest = int(q.con.execute("SELECT coalesce(max(snapshot_id), 0) FROM snapshots").fetchall()[0][0])
    q.con.executemany(
        "INSERT INTO outbox_receivers VALUES (?, ?, ?)",
        [[receiver_key(u), newest, now or datetime.now()] for u in fresh],
    )
    return fresh


def queue(q: Queries, receivers: list[str], *, now: datetime | None = None) -> int:
    """Write the events of every snapshot each receiver is owed and has not had queued yet (one
    transaction); returns the number of outbox rows added."""
    if not receivers:
        return 0
    now = now or datetime.now()
    rows = q.con.execute(
        """SELECT r.receiver, s.snapshot_id, s.mtdsg_no
           FROM outbox_receivers r JOIN snapshots s ON s.snapshot_id > r.since_snapshot_id
           WHERE r.receiver IN (SELECT unnest($receivers))
             AND NOT EXISTS (SELECT 1 FROM outbox_snapshots o
                             WHERE o.receiver = r.receiver AND o.snapshot_id = s.snapshot_id)
           ORDER BY s.snapshot_id""",
        {"receivers": [receiver_key(u) for u in receivers]},
    ).fetchall()
    if not rows:
        return 0
    by_treaty: dict[str, set[int]] = {}
    for _r, sid, m in rows:
        by_treaty.setdefault(str(m), set()).add(int(sid))
    events: dict[int, list[Event]] = {}
    for m, ids in by_treaty.items():
        for e in treaty_events(q, m, snapshot_ids=sorted(ids)):
            events.setdefault(e.snapshot_id, []).append(e)
    added = 0
    q.con.execute("BEGIN TRANSACTION")
    try:
        for receiver, sid, _m in rows:
            for e in events.get(int(sid), []):
                q.con.execute(
                    """INSERT INTO outbox SELECT $r, $id, $sid, $m, $doc, $now, 0, NULL, NULL
                       WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE receiver = $r AND event_id = $id)""",
                    {
                        "r": receiver,
                        "id": e.event_id,
                        "sid": int(sid),
                        "m": e.mtdsg_no,
                        "doc": json.dumps(e.to_dict(), ensure_ascii=False),
                        "now": now,
                    },
                )
                added += 1
            q.con.execute("INSERT INTO outbox_snapshots VALUES (?, ?)", [receiver, int(sid)])
        q.con.execute("COMMIT")
    except Exception:
        q.con.execute("ROLLBACK")
        raise
    return added


def pending(q: Queries, receiver: str) -> list[Pending]:
    """The events the receiver at this URL has not taken yet, newest first."""
    rows = q.con.execute(
        """SELECT event, attempts, last_error FROM outbox
           WHERE receiver = ? AND delivered_at IS NULL""",
        [receiver_key(receiver)],
    ).fetchall()
    found = {(e := event_from_dict(json.loads(doc))).event_id: (e, int(n), err) for doc, n, err in rows}
    order = newest_first(e for e, _n, _err in found.values())
    return [Pending(receiver, e, found[e.event_id][1], found[e.event_id][2]) for e in order]


def mark_delivered(q: Queries, receiver: str, event_ids: list[str], *, now: datetime | None = None) -> None:
    """Only after a 2xx from `receiver`: these events are its no more."""
    if event_ids:
        q.con.execute(
            """UPDATE outbox SET delivered_at = $now, attempts = attempts + 1, last_error = NULL
               WHERE receiver = $r AND event_id IN (SELECT unnest($ids))""",
            {"now": now or datetime.now(), "r": receiver_key(receiver), "ids": event_ids},
        )


def mark_failed(q: Queries, receiver: str, event_ids: list[str], error: str) -> None:
    """A delivery that got no 2xx: the events stay pending, one attempt more, with the reason."""
    if event_ids:
        q.con.execute(
            """UPDATE outbox SET attempts = attempts + 1, last_error = $err
               WHERE receiver = $r AND event_id IN (SELECT unnest($ids))""",
            {"err": error[:500], "r": receiver_key(receiver), "ids": event_ids},
        )


def undelivered(q: Queries, receivers: list[str]) -> dict[str, int]:
    """For each of these receiver URLs that still has events to get, how many."""
    rows = q.con.execute(
        "SELECT receiver, count(*) FROM outbox WHERE delivered_at IS NULL GROUP BY receiver"
    ).fetchall()
    left = {str(r): int(n) for r, n in rows}
    return {u: left[receiver_key(u)] for u in dict.fromkeys(receivers) if left.get(receiver_key(u))}
