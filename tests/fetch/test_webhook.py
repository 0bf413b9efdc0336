"""Webhook delivery: retries on no answer and 5xx, gives up on 4xx, never raises; the default sender."""

from __future__ import annotations

import time

from pipeline.fetch.http import post_bytes
from pipeline.fetch.webhook import deliver, deliver_all
from tests.receiver import run_receiver


def test_retries_then_delivers_and_backs_off():
    answers = [OSError("connection refused"), 503, 200]
    waits: list[float] = []
    seen: list[tuple[str, bytes, dict[str, str], float]] = []

    def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
        seen.append((url, body, headers, timeout))
        a = answers.pop(0)
        if isinstance(a, Exception):
            raise a
        return a

    d = deliver(
        "http://127.0.0.1:1/x", b"{}", post=post, attempts=3, backoff=2.0, timeout=5, sleep=waits.append
    )
    assert d.ok and d.attempts == 3 and d.status == 200
    assert waits == [2.0, 4.0]
    assert seen[0][2]["Content-Type"].startswith("application/json") and seen[0][3] == 5


def test_gives_up_on_a_refusal_and_never_raises():
    d = deliver("http://x/", b"{}", post=lambda *a: 400, sleep=lambda s: None)
    assert not d.ok and d.attempts == 1 and "HTTP 400" in d.line()

    def boom(*a: object) -> int:
        raise RuntimeError("anything at all")

    d = deliver("http://x/", b"{}", post=boom, attempts=2, sleep=lambda s: None)
    assert not d.ok and d.attempts == 2 and "RuntimeError" in d.detail


def test_each_url_once():
    sent: list[str] = []
    done = deliver_all(["u1", "u2", "u1"], b"{}", post=lambda u, *a: sent.append(u) or 200)
    assert sent == ["u1", "u2"] and all(d.ok for d in done)


def test_default_sender_against_a_loopback_receiver():
    with run_receiver(statuses=[500]) as rec:
        d = deliver(rec.url, b'{"a": 1}', post=post_bytes, attempts=2, backoff=0.01)
        assert d.ok and d.attempts == 2 and d.status == 204
        assert [p.json() for p in rec.posts] == [{"a": 1}, {"a": 1}]
        assert rec.posts[0].headers["User-Agent"].startswith("treaties/")


def test_a_receiver_that_hangs_costs_the_timeout_only():
    with run_receiver(delay_s=1.0) as rec:
        t = time.monotonic()
        d = deliver(rec.url, b"{}", post=post_bytes, attempts=2, backoff=0.01, timeout=0.2)
        assert not d.ok and d.attempts == 2 and d.status is None
        assert time.monotonic() - t < 1.5
