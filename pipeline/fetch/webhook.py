"""Webhook delivery: POST one JSON document to each URL, with retries and a timeout, never raising."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from pipeline.fetch.response import retryable_status

# post(url, body, headers, timeout) -> HTTP status; raises OSError (or anything) when nothing came back.
PostFn = Callable[[str, bytes, dict[str, str], float], int]

DEFAULT_TIMEOUT_S = 10.0
DEFAULT_ATTEMPTS = 3
DEFAULT_BACKOFF_S = 2.0


@dataclass(frozen=True)
class Delivery:
    """How one webhook URL fared: delivered or not, after how many attempts, and the last answer."""

    url: str
    ok: bool
    attempts: int
    status: int | None
    detail: str

    def line(self) -> str:
        if self.ok:
            return f"notified  {shown_url(self.url)} (HTTP {self.status})"
        return f"notify failed {shown_url(self.url)} after {self.attempts} attempts: {self.detail}"


def shown_url(url: str) -> str:
    """A webhook URL as printed: a password in it (user:password@host) is never shown."""
    parts = urlsplit(url)
    if parts.password is None and parts.username is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}" if parts.password else f"{user}@{host}"))


def deliver(
    url: str,
    body: bytes,
    *,
    post: PostFn,
    headers: dict[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    attempts: int = DEFAULT_ATTEMPTS,
    backoff: float = DEFAULT_BACKOFF_S,
    sleep: Callable[[float], None] = time.sleep,
) -> Delivery:
    """POST body to url; retry on no answer, 5xx, 408, 425 and 429, waiting backoff, 2*backoff, ..."""
    hdrs = {"Content-Type": "application/json; charset=utf-8", **(headers or {})}
    status: int | None = None
    detail = ""
    for n in range(1, max(1, attempts) + 1):
        try:
            status = int(post(url, body, hdrs, timeout))
        except Exception as exc:  # noqa: BLE001 - a webhook must never fail the run that sends it
            status, detail = None, f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        else:
            if 200 <= status < 300:
                return Delivery(url, True, n, status, "")
            detail = f"HTTP {status}"
            if not retryable_status(status):
                return Delivery(url, False, n, status, detail)
        if n < attempts:
            sleep(backoff * 2 ** (n - 1))
    return Delivery(url, False, max(1, attempts), status, detail)


def deliver_all(urls: Iterable[str], body: bytes, *, post: PostFn, **kw: object) -> list[Delivery]:
    """deliver() to each URL in turn (a URL given twice is sent to once)."""
    seen: list[str] = []
    for u in urls:
        if u not in seen:
            seen.append(u)
    return [deliver(u, body, post=post, **kw) for u in seen]  # type: ignore[arg-type]
