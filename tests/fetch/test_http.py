"""The HTTP client against a real server on 127.0.0.1 with injected faults; waits are counted, not slept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from pipeline.fetch.http import FetchError, parse_retry_after
from pipeline.fetch.mirror import MirrorServer
from pipeline.fetch.ratelimit import HostGate
from pipeline.mtdsg import status_page_url
from tests.fetch.conftest import Clients, hand_page
from tests.fetch.faults import Fault


def url(mirror: MirrorServer, t: str = "IV-91") -> str:
    return status_page_url(t, mirror.base_url)


def test_complete_body_and_polite_headers(mirror: MirrorServer, clients: Clients) -> None:
    with clients.make() as c:
        r = c.get(url(mirror))
    assert r.status == 200 and r.body == hand_page("IV-91")
    assert r.etag and r.last_modified
    (req,) = mirror.log
    assert req.headers["User-Agent"] == "treaties-test/0 (+https://example.invalid/contact)"
    assert clients.waits == []


def test_conditional_requests_give_304(mirror: MirrorServer, clients: Clients) -> None:
    with clients.make() as c:
        first = c.get(url(mirror))
        by_etag = c.get(url(mirror), etag=first.etag)
        by_date = c.get(url(mirror), last_modified=first.last_modified)
        stale = c.get(url(mirror), etag='"something-else"')
    assert (by_etag.status, by_etag.body) == (304, None)
    assert by_date.status == 304
    assert stale.status == 200
    assert mirror.log[1].headers["If-None-Match"] == first.etag


def test_500_then_success_is_retried_with_backoff(mirror: MirrorServer, clients: Clients) -> None:
    mirror.inject(Fault("status", status=500, times=1))
    with clients.make() as c:
        r = c.get(url(mirror))
    assert r.status == 200 and r.attempts == 2
    assert [q.answered for q in mirror.log] == [500, 200]
    assert clients.waits == [pytest.approx(0.75)]  # base 1 s, jitter fixed at the middle of [0.5, 1]


def test_backoff_grows_exponentially_until_giving_up(mirror: MirrorServer, clients: Clients) -> None:
    mirror.inject(Fault("status", status=503, times=10))
    with clients.make(max_retries=3) as c, pytest.raises(FetchError, match="HTTP 503.*4 attempts") as err:
        c.get(url(mirror))
    assert err.value.status == 503
    assert len(mirror.log) == 4
    assert clients.waits == [pytest.approx(0.75), pytest.approx(1.5), pytest.approx(3.0)]


def test_429_waits_as_long_as_retry_after_says(mirror: MirrorServer, clients: Clients) -> None:
    mirror.inject(Fault("status", status=429, headers={"Retry-After": "7"}, times=1))
    with clients.make() as c:
        r = c.get(url(mirror))
    assert r.status == 200
    assert clients.waits == [7.0]
    assert [q.answered for q in mirror.log] == [429, 200]


def test_retry_after_beyond_the_cap_gives_up_without_waiting(mirror: MirrorServer, clients: Clients) -> None:
    mirror.inject(Fault("status", status=429, headers={"Retry-After": "3600"}, times=1))
    with clients.make() as c, pytest.raises(FetchError, match="wait 3600s"):
        c.get(url(mirror))
    assert clients.waits == [] and len(mirror.log) == 1


def test_retry_after_http_date() -> None:
    now = datetime(2026, 2, 3, 12, 0, tzinfo=UTC)
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now=now) == 30.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=30), usegmt=True), now=now) == 0.0
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_timeout_is_retried_then_reported(mirror: MirrorServer, clients: Clients) -> None:
    mirror.inject(Fault("slow", delay=2.0, times=10))
    with clients.make(timeout_s=0.2, max_retries=1) as c, pytest.raises(FetchError, match="timed out"):
        c.get(url(mirror))
    assert len(mirror.log) == 0 or all(q.answered == 200 for q in mirror.log)  # logged only once answered
    assert len(clients.waits) == 1


def test_slow_once_then_fine(mirror: MirrorServer, clients: Clients) -> None:
    mirror.inject(Fault("slow", delay=2.0, times=1))
    with clients.make(timeout_s=0.2, max_retries=1) as c:
        assert c.get(url(mirror)).body == hand_page("IV-91")


def test_connection_reset(mirror: MirrorServer, clients: Clients) -> None:
    mirror.inject(Fault("reset", times=10))
    with clients.make(max_retries=1) as c, pytest.raises(FetchError, match="connection failed") as err:
        c.get(url(mirror))
    assert err.value.attempts == 2 and [q.answered for q in mirror.log] == [None, None]


def test_truncated_body_is_an_error_never_a_short_page(mirror: MirrorServer, clients: Clients) -> None:
    mirror.inject(Fault("truncate", times=10))
    with clients.make(max_retries=1) as c, pytest.raises(FetchError, match="incomplete"):
        c.get(url(mirror))
    assert len(mirror.log) == 2


def test_truncated_once_then_complete(mirror: MirrorServer, clients: Clients) -> None:
    mirror.inject(Fault("truncate", times=1))
    with clients.make() as c:
        assert c.get(url(mirror)).body == hand_page("IV-91")


@pytest.mark.parametrize("declare_length", [True, False])
def test_oversize_body_is_aborted_and_not_retried(
    mirror: MirrorServer, clients: Clients, declare_length: bool
) -> None:
    mirror.inject(Fault("oversize", size=300_000, declare_length=declare_length, times=10))
    with clients.make(max_bytes=100_000) as c, pytest.raises(FetchError, match="100000-byte limit"):
        c.get(url(mirror))
    assert len(mirror.log) == 1 and clients.waits == []


def test_404_is_not_retried(mirror: MirrorServer, clients: Clients) -> None:
    with clients.make() as c, pytest.raises(FetchError, match="HTTP 404") as err:
        c.get(mirror.base_url + "/no/such/path")
    assert err.value.status == 404 and len(mirror.log) == 1


def test_rate_limit_holds_at_the_server(mirror: MirrorServer, clients: Clients) -> None:
    interval = 0.05
    # Real sleeping here (the limit is what is tested), kept short: 8 requests at 20 per second.
    from pipeline.config import HttpSettings
    from pipeline.fetch.http import HttpClient

    with HttpClient(HttpSettings(min_interval_s=interval, max_retries=0), trust_env=False) as c:
        for _ in range(8):
            c.get(url(mirror))
    times = [q.at for q in mirror.log]
    assert len(times) == 8
    # Eight requests span at least seven intervals at the server. (Single gaps are not compared: on a busy
    # machine the server may read one request late and the next on time, which says nothing of the client.)
    assert times[-1] - times[0] >= 7 * interval * 0.9, times
    # Requests per second at the server never exceed 1/interval.
    assert max(sum(1 for t in times if s <= t < s + 1.0) for s in times) <= 1 / interval


def test_rate_gate_with_a_fake_clock() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    gate = HostGate(1.0, clock=lambda: now[0], sleep=sleep)
    gate.wait("a:80")
    gate.wait("a:80")
    gate.wait("b:80")  # another host has its own slots
    now[0] += 0.25
    gate.wait("a:80")
    now[0] += 5
    gate.wait("a:80")
    assert slept == [1.0, pytest.approx(0.75)]
    gate.defer("a:80", 30)  # Retry-After: 30, carried to the next request
    gate.wait("a:80")
    assert slept[-1] == 30.0
