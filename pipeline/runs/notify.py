"""The notify step of a run: the run's new events as one JSON document, POSTed to each webhook URL."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TextIO

from pipeline import __version__
from pipeline.fetch.http import post_bytes
from pipeline.fetch.webhook import Delivery, PostFn, deliver_all
from pipeline.runs.console import say
from pipeline.store.events import Event

PAYLOAD_VERSION = 1
# Each URL: up to 3 attempts, 10 s each, 2 s then 4 s apart, so a dead receiver costs a refresh at most
# 36 s. Events are not queued for a later run: a receiver that stays down misses them (the feeds keep them).
TIMEOUT_S = 10.0
ATTEMPTS = 3
BACKOFF_S = 2.0


def payload(events: Sequence[Event], *, now: datetime | None = None) -> dict[str, Any]:
    """The document a receiver gets: who sent it and when, the treaties concerned, the events (newest
    first, each with the UN page to cite)."""
    return {
        "type": "treaties.events",
        "version": PAYLOAD_VERSION,
        "generator": f"treaties/{__version__}",
        "sent_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "count": len(events),
        "treaties": sorted({e.mtdsg_no for e in events}),
        "events": [e.to_dict() for e in events],
    }


def notify(
    urls: Sequence[str],
    events: Sequence[Event],
    *,
    out: TextIO,
    post: PostFn | None = None,
    timeout: float | None = None,
    attempts: int | None = None,
    backoff: float | None = None,
) -> list[Delivery]:
    """POST the events to every URL (nothing is sent when there is no event); prints one line per URL.
    Never raises: a receiver that is down costs a line in the log, not the refresh."""
    if not urls or not events:
        return []
    body = json.dumps(payload(events), ensure_ascii=False).encode("utf-8")
    done = deliver_all(
        urls,
        body,
        post=post or post_bytes,
        timeout=TIMEOUT_S if timeout is None else timeout,
        attempts=ATTEMPTS if attempts is None else attempts,
        backoff=BACKOFF_S if backoff is None else backoff,
    )
    for d in done:
        say(out, d.line())
    return done
