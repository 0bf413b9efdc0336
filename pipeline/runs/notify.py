"""The notify step of a run: the events each webhook receiver is owed (the outbox), POSTed as JSON documents.

Events wait in the database's outbox until their receiver answers 2xx: a run killed before it notified,
or a receiver down for days, loses nothing; the next run sends what is owed, each event with its stable
id (a receiver drops an id it has seen), and the document's `Idempotency-Key` header names the batch.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TextIO

from pipeline import __version__, config
from pipeline.fetch.http import post_bytes
from pipeline.fetch.webhook import Delivery, PostFn, deliver, shown_url
from pipeline.runs.console import say
from pipeline.store import Store, outbox
from pipeline.store.events import Event

PAYLOAD_VERSION = 1
# Each URL: up to 3 attempts, each bounded by 10 s (or TREATIES_DEADLINE if shorter) from connect to status
# line, 2 s then 4 s apart, so a dead receiver costs a run at most 36 s; what it did not take waits in the
# outbox for the next run.
TIMEOUT_S = 10.0
ATTEMPTS = 3
BACKOFF_S = 2.0
BATCH = 500  # events per document: a receiver back after a long absence gets several, in order

_BATCH_NS = uuid.UUID("0f6c1d2e-8b7a-5e4f-9c3d-2a1b0c9d8e7f")

OpenStep = Callable[[], AbstractContextManager[Store]]


def payload(events: Sequence[Event], *, now: datetime | None = None) -> dict[str, Any]:
    """The document a receiver gets: who sent it and when, the treaties concerned, the events (newest
    first, each with its id and the UN page to cite)."""
    return {
        "type": "treaties.events",
        "version": PAYLOAD_VERSION,
        "generator": f"treaties/{__version__}",
        "sent_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "count": len(events),
        "treaties": sorted({e.mtdsg_no for e in events}),
        "events": [e.to_dict() for e in events],
    }


def idempotency_key(events: Sequence[Event]) -> str:
    """The batch's key: its one event's id, or a uuid5 of its sorted event ids (the same batch sent again
    carries the same key)."""
    ids = sorted(e.event_id for e in events)
    return ids[0] if len(ids) == 1 else str(uuid.uuid5(_BATCH_NS, "|".join(ids)))


@dataclass
class Notified:
    """What the notify step did: the events each receiver took now, and what each still waits for."""

    deliveries: list[Delivery] = field(default_factory=list)
    sent: list[Event] = field(default_factory=list)  # taken by at least one receiver in this run
    owed: list[Event] = field(default_factory=list)  # still waiting for at least one receiver
    waiting: dict[str, int] = field(default_factory=dict)  # receiver -> events still owed after this run

    @property
    def undelivered(self) -> int:
        return sum(self.waiting.values())


def webhook_timeout() -> float:
    """One attempt's bound: TIMEOUT_S, or TREATIES_DEADLINE when that is shorter (one bound for every
    outbound request)."""
    return min(TIMEOUT_S, config.http_settings().deadline_s)


def notify_outbox(
    receivers: Sequence[str],
    open_step: OpenStep,
    *,
    out: TextIO,
    post: PostFn | None = None,
    timeout: float | None = None,
    attempts: int | None = None,
    backoff: float | None = None,
) -> Notified:
    """Queue the events each receiver is owed, then POST them, marking each batch delivered only on a 2xx.
    The database is open only to read and to mark, never while waiting for a receiver. Never raises for
    a receiver that fails: that is a line in the output, and the events wait for the next run."""
    done = Notified()
    urls = list(dict.fromkeys(receivers))
    if not urls:
        return done
    with open_step() as st:
        outbox.queue(st, urls)
    for url in urls:
        with open_step() as st:
            owed = outbox.pending(st, url)
        if owed and any(p.attempts for p in owed):
            say(out, f"outbox: {len(owed)} events for {shown_url(url)}, {_earlier(owed)} from earlier runs")
        for start in range(0, len(owed), BATCH):
            events = [p.event for p in owed[start : start + BATCH]]
            body = json.dumps(payload(events), ensure_ascii=False).encode("utf-8")
            d = deliver(
                url,
                body,
                post=post or post_bytes,
                headers={"Idempotency-Key": idempotency_key(events)},
                timeout=webhook_timeout() if timeout is None else timeout,
                attempts=ATTEMPTS if attempts is None else attempts,
                backoff=BACKOFF_S if backoff is None else backoff,
            )
            done.deliveries.append(d)
            ids = [e.event_id for e in events]
            with open_step() as st:
                if d.ok:
                    outbox.mark_delivered(st, url, ids)
                else:
                    outbox.mark_failed(st, url, ids, d.detail)
            say(out, d.line())
            if not d.ok:
                done.owed.extend(p.event for p in owed[start:])  # the rest waits with this batch
                break
            done.sent.extend(events)
    with open_step() as st:
        done.waiting = outbox.undelivered(st, urls)
    for u, n in done.waiting.items():
        say(out, f"outbox: {n} events wait for {shown_url(u)} (sent again next run)")
    return done


def _earlier(owed: Sequence[outbox.Pending]) -> int:
    return sum(1 for p in owed if p.attempts)
