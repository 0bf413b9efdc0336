"""The per-request deadline: a timer that shuts a watched connection's socket when the time is up."""

# A socket timeout bounds each read, so a server sending a byte a second never trips it. A timer per
# request shuts the connection's socket down when the deadline passes, which ends a read blocked in any
# phase (headers or body) at once.

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import urllib3
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_current = threading.local()


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.fired = False
        self._end = time.monotonic() + seconds
        self._conn: Any = None
        self._timer: threading.Timer | None = None
        self._done = False
        self._lock = threading.Lock()

    def remaining(self) -> float:
        return self._end - time.monotonic()

    def __enter__(self) -> Deadline:
        _current.deadline = self
        self._arm(self.seconds)
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._done = True
            if self._timer is not None:
                self._timer.cancel()
        _current.deadline = None

    def attach(self, conn: Any) -> None:
        with self._lock:
            self._conn = conn

    def _arm(self, seconds: float) -> None:
        self._timer = threading.Timer(max(0.0, seconds), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            sock = getattr(self._conn, "sock", None)
            if sock is None:
                # Still connecting (bounded by the connect timeout): look again shortly.
                self._arm(0.05)
                return
        try:
            # socket.socket.shutdown, not SSLSocket's, which would also drop the TLS state under the reader.
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass


def _attach_to_deadline(conn: Any) -> None:
    deadline = getattr(_current, "deadline", None)
    if deadline is not None:
        deadline.attach(conn)


class _WatchedHTTPConnection(urllib3.connection.HTTPConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _attach_to_deadline(self)
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(urllib3.connection.HTTPSConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _attach_to_deadline(self)
        super().request(*args, **kwargs)


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


def watch_pools(manager: Any) -> None:
    """Make a urllib3 pool manager's new connections report themselves to the current request's deadline."""
    manager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}
