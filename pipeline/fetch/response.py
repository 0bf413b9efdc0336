"""What one fetch gives back: a complete Response, or the FetchError (or CircuitOpen) that says why not."""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from datetime import UTC, datetime


class FetchError(Exception):
    """A URL could not be fetched into a complete, bounded body; the message says why, in one line."""

    def __init__(self, url: str, reason: str, *, status: int | None = None, attempts: int = 1) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.attempts = attempts


class CircuitOpen(FetchError):
    """Stop the run: nothing more will be sent to this host by this client; the message says why.

    `why` is "retry_after" (the server asked for a longer wait than max_wait_s), "failures" (max_failures
    failed requests in a row), "min_interval" (an interval under the floor for a host that is not
    loopback) or "rate_limit_state" (the shared rate-limit state could not be used).
    """

    def __init__(
        self,
        url: str,
        reason: str,
        *,
        host: str,
        why: str,
        status: int | None = None,
        attempts: int = 0,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(url, reason, status=status, attempts=attempts)
        self.host = host
        self.why = why
        self.retry_after = retry_after


class Retryable(Exception):
    """One attempt failed in a way worth another attempt (the client's own signal, not raised to callers)."""

    def __init__(self, reason: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


def retryable_status(status: int) -> bool:
    """The one retry rule for every outbound request (page fetches and webhooks): a server that is down,
    overloaded or asking us to slow down may answer later; one that refuses the request will not."""
    return status >= 500 or status in (408, 425, 429)


@dataclass(frozen=True)
class Redirect:
    status: int
    location: str


@dataclass(frozen=True)
class Response:
    """A complete response: status 200 with its whole body, or 304 (unchanged, body None).

    `url` is the URL asked; `final_url` the one that answered (they differ after redirects).
    """

    url: str
    status: int
    body: bytes | None
    fetched_at: datetime
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    attempts: int = 1
    final_url: str = ""
    redirects: int = 0

    def __post_init__(self) -> None:
        if not self.final_url:
            object.__setattr__(self, "final_url", self.url)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


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


def describe_error(exc: BaseException) -> str:
    """A connection error as a person reads it: the cause, not urllib3's nested reprs."""
    text = " ".join(str(exc).split())
    for needle, words in (
        ("NameResolutionError", "the host name could not be looked up"),
        ("Failed to resolve", "the host name could not be looked up"),
        ("Name or service not known", "the host name could not be looked up"),
        ("Connection refused", "connection refused"),
        ("Network is unreachable", "network unreachable"),
        ("timed out", "timed out"),
        ("Connection reset", "connection reset"),
        ("RemoteDisconnected", "the server closed the connection"),
        ("CERTIFICATE_VERIFY_FAILED", "the TLS certificate could not be verified"),
    ):
        if needle in text:
            return words
    return text[:200] if text else type(exc).__name__
