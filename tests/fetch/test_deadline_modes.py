"""One bound for every outbound request: the deadline cuts a trickling answer in each way it can trickle.

`TREATIES_DEADLINE` (deadline_s) bounds a page fetch and a webhook POST alike: keep-alive, `Connection:
close` (where http.client drops the connection's socket after the headers), chunked, and trickled status
line and headers. The server records that the client hung up long before its own trickle would end.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from pipeline.fetch.http import FetchError, HttpClient, post_bytes
from pipeline.fetch.response import retryable_status
from pipeline.fetch.webhook import deliver
from tests.fetch.conftest import TEST_SETTINGS
from tests.fetch.slowpoke import MODES, Slowpoke, slowpoke

DEADLINE_S = 1.0
TRICKLE_S = 15.0  # how long the server would go on; every test must end long before


@pytest.fixture
def server() -> Iterator[Slowpoke]:
    with slowpoke(every=0.1, max_s=TRICKLE_S) as s:
        yield s


def _hung_up(server: Slowpoke) -> bool:
    # The client's end of the connection was closed: the server notices at its next byte.
    assert server.served, "the request never reached the server"
    return all(s.done.wait(3) and s.hung_up for s in server.served)


@pytest.mark.parametrize("mode", MODES)
def test_a_fetch_ends_at_the_deadline_in_every_mode(server: Slowpoke, mode: str) -> None:
    settings = replace(TEST_SETTINGS, timeout_s=5.0, deadline_s=DEADLINE_S, max_retries=0)
    start = time.monotonic()
    with HttpClient(settings, trust_env=False) as client:
        with pytest.raises(FetchError, match=f"within the {DEADLINE_S:g}s deadline"):
            client.get(server.url(mode))
    took = time.monotonic() - start
    assert took < DEADLINE_S + 1.0, f"{mode}: {took:.1f}s"
    assert _hung_up(server)


@pytest.mark.parametrize("mode", ["headers"])
def test_a_webhook_whose_status_line_trickles_ends_at_the_deadline(server: Slowpoke, mode: str) -> None:
    start = time.monotonic()
    with pytest.raises(TimeoutError, match="deadline"):
        post_bytes(server.url(mode), b"{}", {}, DEADLINE_S)
    assert time.monotonic() - start < DEADLINE_S + 1.0
    assert _hung_up(server)


@pytest.mark.parametrize("mode", ["keep-alive", "close", "chunked"])
def test_a_webhook_reads_the_status_line_only_never_the_endless_body(server: Slowpoke, mode: str) -> None:
    start = time.monotonic()
    assert post_bytes(server.url(mode), b'{"a": 1}', {}, DEADLINE_S) == 200
    assert time.monotonic() - start < DEADLINE_S + 1.0
    assert _hung_up(server)
    assert server.served[0].method == "POST"


def test_a_trickling_receiver_costs_each_attempt_its_deadline_only(server: Slowpoke) -> None:
    start = time.monotonic()
    d = deliver(server.url("headers"), b"{}", post=post_bytes, attempts=2, backoff=0.01, timeout=DEADLINE_S)
    assert not d.ok and d.attempts == 2 and "deadline" in d.detail
    assert time.monotonic() - start < 2 * (DEADLINE_S + 1.0)
    assert len(server.served) == 2


def test_fetch_and_webhook_share_one_retry_rule() -> None:
    assert [s for s in range(100, 600) if retryable_status(s)] == [408, 425, 429, *range(500, 600)]
