"""The one HTTP session to treaties.un.org: polite, bounded, retrying and conditional."""

from __future__ import annotations

import email.utils
import gzip
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import requests

from pipeline.config import HttpSettings, http_settings

_LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


class FetchError(Exception):
    """A URL could not be fetched into a complete, bounded body; the message says why, in one line."""

    def __init__(self, url: str, reason: str, *, status: int | None = None, attempts: int = 1) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.attempts = attempts


class _Retryable(Exception):
    def __init__(self, reason: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class Response:
    """A complete response: status 200 with its whole body, or 304 (unchanged, body None)."""

    url: str
    status: int
    body: bytes | None
    fetched_at: datetime
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class RateLimiter:
    """At most one request per `min_interval` seconds, whatever the number of threads or retries."""

    def __init__(
        self,
        min_interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_interval = max(0.0, min_interval)
        self._clock = clock
        self._sleep = sleep
        self._next = float("-inf")
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = self._clock()
            if now < self._next:
                self._sleep(self._next - now)
                now = self._next
            self._next = now + self.min_interval


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Retry-After as seconds to wait: either delta-seconds ("120") or an HTTP date (RFC 9110)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def is_loopback(url: str) -> bool:
    return (urlsplit(url).hostname or "") in _LOOPBACK_HOSTS


class HttpClient:
    """GET with timeout, rate limit, retries (backoff + jitter, Retry-After), size cap and validators.

    `sleep`, `clock` and `rng` are injectable so tests can count waits instead of waiting.
    """

    def __init__(
        self,
        settings: HttpSettings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: Callable[[], float] = random.random,
        trust_env: bool = True,
    ) -> None:
        self.settings = settings or http_settings()
        self._sleep = sleep
        self._rng = rng
        self.limiter = RateLimiter(self.settings.min_interval_s, clock=clock, sleep=sleep)
        self._session = requests.Session()
        self._session.headers["User-Agent"] = self.settings.user_agent
        # Only gzip is decoded here (by hand, after the Content-Length check on the wire bytes).
        self._session.headers["Accept-Encoding"] = "gzip"
        self._session.verify = self.settings.verify_tls
        # Proxy variables are for the outside world; a loopback mirror is reached directly.
        self._session.trust_env = trust_env
        self.requests_made = 0
        self.waits: list[float] = []  # every back-off/Retry-After sleep, for reporting and tests

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _backoff(self, attempt: int) -> float:
        s = self.settings
        return min(s.backoff_max_s, s.backoff_base_s * (2**attempt)) * (0.5 + self._rng() / 2)

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        retries: int | None = None,
    ) -> Response:
        """Fetch `url` completely, or raise FetchError after the configured (or given) number of retries."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempts = 1 + max(0, self.settings.max_retries if retries is None else retries)
        last: _Retryable | None = None
        for attempt in range(attempts):
            if attempt:
                assert last is not None
                delay = self._backoff(attempt - 1)
                if last.retry_after is not None:
                    if last.retry_after > self.settings.backoff_max_s:
                        raise FetchError(
                            url,
                            f"{last.reason}; server asked to wait {last.retry_after:.0f}s, "
                            f"more than the {self.settings.backoff_max_s:.0f}s we allow",
                            status=last.status,
                            attempts=attempt,
                        )
                    delay = last.retry_after
                self.waits.append(delay)
                self._sleep(delay)
            try:
                return self._get_once(url, headers, attempt + 1)
            except _Retryable as exc:
                last = exc
        assert last is not None
        raise FetchError(
            url, f"{last.reason} (gave up after {attempts} attempts)", status=last.status, attempts=attempts
        )

    def _get_once(self, url: str, headers: dict[str, str], attempt: int) -> Response:
        s = self.settings
        self.limiter.wait()
        self.requests_made += 1
        fetched_at = datetime.now(UTC)
        try:
            resp = self._session.get(
                url, headers=headers, timeout=s.timeout_s, stream=True, allow_redirects=True
            )
        except requests.Timeout as exc:
            raise _Retryable(f"timed out after {s.timeout_s:g}s") from exc
        except requests.ConnectionError as exc:
            raise _Retryable(f"connection failed ({_short(exc)})") from exc
        except requests.RequestException as exc:
            raise FetchError(url, f"request failed ({_short(exc)})", attempts=attempt) from exc
        with resp:
            status = resp.status_code
            if status == 429 or 500 <= status < 600:
                raise _Retryable(
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
            body = self._read_body(url, resp, attempt)
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

    def _read_body(self, url: str, resp: requests.Response, attempt: int) -> bytes:
        limit = self.settings.max_bytes
        declared = resp.headers.get("Content-Length")
        expected = int(declared) if declared and declared.strip().isdigit() else None
        if expected is not None and expected > limit:
            raise FetchError(
                url, f"response of {expected} bytes is over the {limit}-byte limit", attempts=attempt
            )
        chunks: list[bytes] = []
        size = 0
        try:
            # decode_content=False: keep the bytes as sent, so Content-Length can be checked.
            for chunk in resp.raw.stream(64 * 1024, decode_content=False):
                size += len(chunk)
                if size > limit:
                    raise FetchError(
                        url, f"response exceeds the {limit}-byte limit; aborted", attempts=attempt
                    )
                chunks.append(chunk)
        except FetchError:
            raise
        except Exception as exc:  # urllib3 ProtocolError/IncompleteRead, socket errors mid-body
            raise _Retryable(f"incomplete body after {size} bytes ({_short(exc)})") from exc
        body = b"".join(chunks)
        if expected is not None and len(body) != expected:
            raise _Retryable(f"incomplete body: {len(body)} of {expected} bytes")
        encoding = (resp.headers.get("Content-Encoding") or "identity").lower()
        if encoding == "gzip":
            try:
                body = gzip.decompress(body)
            except (OSError, EOFError) as exc:
                raise _Retryable(f"corrupt gzip body ({_short(exc)})") from exc
            if len(body) > limit:
                raise FetchError(
                    url, f"decompressed response exceeds the {limit}-byte limit", attempts=attempt
                )
        elif encoding not in ("identity", ""):
            raise FetchError(url, f"unsupported Content-Encoding {encoding!r}", attempts=attempt)
        return body


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] if text else type(exc).__name__
