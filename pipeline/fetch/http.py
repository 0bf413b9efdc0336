"""The one HTTP session to treaties.un.org: polite, bounded, retrying and conditional."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter

from pipeline import __version__
from pipeline.config import MIN_INTERVAL_FLOOR_S, HttpSettings, http_settings
from pipeline.fetch.deadline import Deadline, watch_pools
from pipeline.fetch.inflate import Inflater, Overflow
from pipeline.fetch.ratelimit import GateError, HostGate, WaitTooLong, host_key
from pipeline.fetch.response import (
    CircuitOpen,
    FetchError,
    Redirect,
    Response,
    Retryable,
    describe_error,
    parse_retry_after,
    retryable_status,
)
from pipeline.mtdsg import is_loopback
from pipeline.text import plural

__all__ = [
    "CircuitOpen",
    "FetchError",
    "HttpClient",
    "Response",
    "host_key",
    "parse_retry_after",
    "post_bytes",
]

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


class _DeadlineAdapter(HTTPAdapter):
    """requests' adapter whose connections report themselves to the current request's deadline."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        watch_pools(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        fresh = proxy not in self.proxy_manager
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if fresh and not proxy.lower().startswith("socks"):  # SOCKS pools have their own classes
            watch_pools(manager)
        return manager


# --- the client ----------------------------------------------------------------------------------


class HttpClient:
    """GET with timeouts and a deadline, a shared rate limit, retries (backoff + jitter, Retry-After),
    redirects followed by hand, a size cap on wire and inflated bytes, validators, and a per-host circuit
    breaker.

    `sleep`, `clock` and `rng` are injectable so tests can count waits instead of waiting; `state_dir`
    (default: settings.state_dir) is the folder whose rate-limit state is shared with other processes.
    """

    def __init__(
        self,
        settings: HttpSettings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] | None = None,
        rng: Callable[[], float] = random.random,
        trust_env: bool = True,
        state_dir: Path | None = None,
    ) -> None:
        self.settings = settings or http_settings()
        self._sleep = sleep
        self._rng = rng
        shared = state_dir if state_dir is not None else self.settings.state_dir
        self.gate = HostGate(self.settings.min_interval_s, state_dir=shared, clock=clock, sleep=sleep)
        self._session = requests.Session()
        adapter = _DeadlineAdapter(max_retries=0)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._session.headers["User-Agent"] = self.settings.user_agent
        # Only gzip is decoded here (by hand, in bounded steps, after the size check on the wire bytes).
        self._session.headers["Accept-Encoding"] = "gzip"
        self._session.verify = self.settings.verify_tls
        # Proxy variables are for the outside world; a loopback mirror is reached directly.
        self._session.trust_env = trust_env
        self.requests_made = 0
        self.waits: list[float] = []  # every back-off/Retry-After sleep, for reporting and tests
        self._failures: dict[str, int] = {}
        self._open: dict[str, tuple[str, str]] = {}  # host -> (why, message)

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _backoff(self, attempt: int) -> float:
        s = self.settings
        jitter: float = 0.5 + self._rng() / 2
        return float(min(s.backoff_max_s, s.backoff_base_s * (2**attempt)) * jitter)

    def circuit_open(self, url: str) -> str | None:
        """Why the breaker for `url`'s host is open, or None if requests may go."""
        found = self._open.get(host_key(url))
        return found[1] if found else None

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        retries: int | None = None,
    ) -> Response:
        """Fetch `url` completely, or raise FetchError after the configured (or given) number of retries.

        Raises CircuitOpen (a FetchError) when nothing more should be asked of the host: the caller should
        stop the run, not go on to the next URL.
        """
        host = host_key(url)
        self._admit(url)
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempts = 1 + max(0, self.settings.max_retries if retries is None else retries)
        last: Retryable | None = None
        for attempt in range(attempts):
            if attempt:
                assert last is not None
                delay = last.retry_after if last.retry_after is not None else self._backoff(attempt - 1)
                self.waits.append(delay)
                self._sleep(delay)
            try:
                response = self._follow(url, headers, attempt + 1)
            except Retryable as exc:
                last = exc
                self._count_failure(url, host, exc, attempt + 1)
                continue
            except CircuitOpen:
                raise
            except FetchError:
                self._failures[host] = 0  # the server answered; the answer was the problem
                raise
            self._failures[host] = 0
            return response
        assert last is not None
        if last.retry_after is not None:
            # Honoured beyond this URL: the next request to this host (from any process sharing the raw
            # store) waits until the time the server named.
            self._defer(url, host, last.retry_after)
        raise FetchError(
            url,
            f"{last.reason} (gave up after {plural(attempts, 'attempt')})",
            status=last.status,
            attempts=attempts,
        )

    def _admit(self, url: str) -> None:
        host = host_key(url)
        s = self.settings
        if s.min_interval_s < MIN_INTERVAL_FLOOR_S and not is_loopback(url):
            raise CircuitOpen(
                url,
                f"refusing to ask {urlsplit(url).hostname} more often than once every "
                f"{MIN_INTERVAL_FLOOR_S:g}s (min interval is {s.min_interval_s:g}s; only a loopback server "
                "may be asked faster)",
                host=host,
                why="min_interval",
            )
        found = self._open.get(host)
        if found is not None:
            raise CircuitOpen(url, found[1], host=host, why=found[0])

    def _defer(self, url: str, host: str, seconds: float) -> None:
        try:
            self.gate.defer(host, seconds)
        except GateError as exc:
            raise self._trip(url, host, "rate_limit_state", str(exc)) from None

    def _trip(self, url: str, host: str, why: str, message: str, **kw: Any) -> CircuitOpen:
        self._open[host] = (why, message)
        return CircuitOpen(url, message, host=host, why=why, **kw)

    def _count_failure(self, url: str, host: str, exc: Retryable, attempt: int) -> None:
        s = self.settings
        if exc.retry_after is not None and exc.retry_after > s.max_wait_s:
            self._defer(url, host, exc.retry_after)
            raise self._trip(
                url,
                host,
                "retry_after",
                f"{exc.reason}; server asked to wait {exc.retry_after:.0f}s, more than the "
                f"{s.max_wait_s:.0f}s we allow (TREATIES_MAX_WAIT); stopped asking {host}",
                status=exc.status,
                attempts=attempt,
                retry_after=exc.retry_after,
            )
        self._failures[host] = self._failures.get(host, 0) + 1
        if self._failures[host] >= s.max_failures:
            raise self._trip(
                url,
                host,
                "failures",
                f"{self._failures[host]} failed requests in a row to {host} (last: {exc.reason}); "
                "stopped asking it (TREATIES_MAX_FAILURES)",
                status=exc.status,
                attempts=attempt,
            )

    def _follow(self, url: str, headers: dict[str, str], attempt: int) -> Response:
        """One attempt: the request and any redirects, each hop through the rate limit."""
        s = self.settings
        current = url
        for hop in range(s.max_redirects + 1):
            result = self._exchange(url, current, headers, attempt)
            if isinstance(result, Response):
                return replace(result, url=url, final_url=current, redirects=hop)
            target = urljoin(current, result.location)
            if not self._may_follow(current, target):
                raise FetchError(
                    url,
                    f"HTTP {result.status} redirect from {current} to {target}, another host: not followed "
                    "(TREATIES_REDIRECT_HOSTS lists hosts a redirect may go to)",
                    status=result.status,
                    attempts=attempt,
                )
            self._admit(target)
            current = target
        raise FetchError(
            url, f"more than {s.max_redirects} redirects (last to {current})", status=302, attempts=attempt
        )

    def _may_follow(self, src: str, dst: str) -> bool:
        a, b = urlsplit(src), urlsplit(dst)
        if b.scheme not in ("http", "https") or not b.hostname:
            return False
        if b.hostname.lower() in self.settings.redirect_hosts:
            return True
        if (a.hostname or "").lower() != b.hostname.lower():
            return False
        if host_key(src) == host_key(dst):
            return True
        # http -> https on the same host (default ports): the site moving to TLS, not to someone else.
        return a.scheme == "http" and b.scheme == "https" and a.port is None and b.port is None

    def _wait_turn(self, url: str) -> None:
        host = host_key(url)
        try:
            self.gate.wait(host, max_wait=self.settings.max_wait_s)
        except WaitTooLong as exc:
            raise self._trip(
                url,
                host,
                "retry_after",
                f"{host} asked us to wait {exc.seconds:.0f}s more, longer than the "
                f"{self.settings.max_wait_s:.0f}s we allow (TREATIES_MAX_WAIT); stopped asking it",
                retry_after=exc.seconds,
            ) from None
        except GateError as exc:
            raise self._trip(url, host, "rate_limit_state", str(exc)) from None

    def _exchange(self, url: str, current: str, headers: dict[str, str], attempt: int) -> Response | Redirect:
        """One HTTP request to `current` (on behalf of `url`), bounded by the deadline."""
        s = self.settings
        self._wait_turn(current)
        self.requests_made += 1
        fetched_at = datetime.now(UTC)
        over = f"no complete answer within the {s.deadline_s:g}s deadline"
        with Deadline(s.deadline_s) as deadline:
            t = max(0.001, min(s.timeout_s, deadline.remaining()))
            try:
                resp = self._session.get(
                    current, headers=headers, timeout=(t, t), stream=True, allow_redirects=False
                )
            except requests.Timeout as exc:
                raise Retryable(over if deadline.fired else f"timed out after {s.timeout_s:g}s") from exc
            except requests.ConnectionError as exc:
                raise Retryable(
                    over if deadline.fired else f"connection failed ({describe_error(exc)})"
                ) from exc
            except requests.RequestException as exc:
                raise FetchError(url, f"request failed ({describe_error(exc)})", attempts=attempt) from exc
            with resp:
                if deadline.fired:  # headers cut short by the deadline may still parse: never trust them
                    raise Retryable(over)
                status = resp.status_code
                location = resp.headers.get("Location")
                if status in _REDIRECT_STATUSES and location:
                    return Redirect(status, location)
                if retryable_status(status):
                    raise Retryable(
                        f"HTTP {status}",
                        status=status,
                        retry_after=parse_retry_after(resp.headers.get("Retry-After")),
                    )
                if status == 304:
                    return Response(
                        url=url,
                        status=304,
                        body=None,
                        fetched_at=fetched_at,
                        etag=resp.headers.get("ETag"),
                        last_modified=resp.headers.get("Last-Modified"),
                        attempts=attempt,
                    )
                if status != 200:
                    raise FetchError(url, f"HTTP {status}", status=status, attempts=attempt)
                body = self._read_body(url, resp, attempt, deadline)
                if deadline.fired:  # a body cut by the deadline can look complete (no Content-Length)
                    raise Retryable(over)
        return Response(
            url=url,
            status=200,
            body=body,
            fetched_at=fetched_at,
            etag=resp.headers.get("ETag"),
            last_modified=resp.headers.get("Last-Modified"),
            content_type=resp.headers.get("Content-Type"),
            attempts=attempt,
        )

    def _read_body(self, url: str, resp: requests.Response, attempt: int, deadline: Deadline) -> bytes:
        limit = self.settings.max_bytes
        declared = resp.headers.get("Content-Length")
        expected = int(declared) if declared and declared.strip().isdigit() else None
        if expected is not None and expected > limit:
            raise FetchError(
                url, f"response of {expected} bytes is over the {limit}-byte limit", attempts=attempt
            )
        encoding = (resp.headers.get("Content-Encoding") or "identity").strip().lower()
        if encoding not in ("identity", "", "gzip", "x-gzip"):
            raise FetchError(url, f"unsupported Content-Encoding {encoding!r}", attempts=attempt)
        inflater = Inflater(limit) if encoding in ("gzip", "x-gzip") else None
        plain = bytearray()
        size = 0
        over = f"no complete answer within the {self.settings.deadline_s:g}s deadline"
        try:
            # decode_content=False: the bytes as sent, so Content-Length and the wire cap can be checked;
            # gzip is then inflated chunk by chunk, never more than the limit.
            for chunk in resp.raw.stream(_CHUNK, decode_content=False):
                size += len(chunk)
                if size > limit:
                    raise FetchError(
                        url, f"response exceeds the {limit}-byte limit; aborted", attempts=attempt
                    )
                if deadline.fired:
                    raise Retryable(f"{over} ({size} bytes received)")
                if inflater is not None:
                    inflater.feed(chunk)
                else:
                    plain += chunk
        except Overflow:
            raise FetchError(
                url,
                f"decompressed response exceeds the {limit}-byte limit (a gzip bomb?); aborted after "
                f"{size} bytes on the wire",
                attempts=attempt,
            ) from None
        except (FetchError, Retryable):
            raise
        except Exception as exc:  # urllib3 ProtocolError/IncompleteRead, socket errors mid-body
            if deadline.fired:
                raise Retryable(f"{over} ({size} bytes received)") from exc
            raise Retryable(f"incomplete body after {size} bytes ({describe_error(exc)})") from exc
        if expected is not None and size != expected:
            raise Retryable(f"incomplete body: {size} of {expected} bytes")
        if inflater is not None:
            return inflater.finish()
        return bytes(plain)


def post_bytes(url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
    """POST `body` to a webhook and return the HTTP status; raises when no status line came back in time.

    `timeout` bounds the whole exchange (connect, send, status line and headers, however slowly they
    trickle): the socket is shut when it passes. Only the status line and headers are read, never the
    body, so an endless answer costs nothing. No redirects (a webhook that moved should be reconfigured,
    not followed with the payload) and no proxy variables for loopback receivers, as the site client does.
    """
    hdrs = {"User-Agent": f"treaties/{__version__} (webhook)", **headers}
    with requests.Session() as s:
        adapter = _DeadlineAdapter(max_retries=0)
        s.mount("http://", adapter)
        s.mount("https://", adapter)
        s.trust_env = not is_loopback(url)
        with Deadline(timeout) as deadline:
            try:
                r = s.post(
                    url,
                    data=body,
                    headers=hdrs,
                    timeout=(timeout, timeout),
                    allow_redirects=False,
                    stream=True,  # the body is never read
                )
            except requests.RequestException:
                if deadline.fired:
                    raise TimeoutError(f"no answer within the {timeout:g}s deadline") from None
                raise
            status = int(r.status_code)
            r.close()
            if deadline.fired:  # a status line cut short by the deadline is not an answer
                raise TimeoutError(f"no answer within the {timeout:g}s deadline")
            return status
