"""The per-request deadline: a timer that shuts a watched connection's socket when the time is up."""

# A socket timeout bounds each read, so a server sending a byte a second never trips it. A timer per
# request shuts the connection's socket down when the deadline passes, which ends a read blocked in any
# phase (headers or body) at once.
#
# The socket is remembered when the connection connects (or is reused), not looked up on the connection
# when the timer fires: after the headers of a `Connection: close` answer, http.client drops `conn.sock`
# while the response goes on reading from the same socket through its file object. Looking it up then
# found nothing, and the timer kept waiting for a connection that was long established.

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
        self._sock: socket.socket | None = None
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
        """The connection this request goes out on (its socket may not exist yet)."""
        with self._lock:
            self._conn = conn
            sock = getattr(conn, "sock", None)
            if sock is not None:
                self._sock = sock
        self._shut_if_fired()

    def attach_socket(self, sock: socket.socket | None) -> None:
        """The socket the connection just opened: the one to shut, whatever becomes of the connection."""
        if sock is None:
            return
        with self._lock:
            self._sock = sock
        self._shut_if_fired()

    def _shut_if_fired(self) -> None:
        # The timer may have fired while the socket was being opened: shut it now, not never.
        with self._lock:
            sock = self._sock if self.fired and not self._done else None
        if sock is not None:
            _shutdown(sock)

    def _arm(self, seconds: float) -> None:
        self._timer = threading.Timer(max(0.0, seconds), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            sock = self._sock or getattr(self._conn, "sock", None)
            if sock is None:
                # Still connecting (bounded by the connect timeout; attach_socket shuts the socket the
                # moment it exists): look again shortly all the same.
                self._arm(0.05)
                return
        _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    try:
        # socket.socket.shutdown, not SSLSocket's, which would also drop the TLS state under the reader.
        # On a socket already closed for good this raises (its descriptor is -1), never touching another.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except (OSError, TypeError):
        pass


def _attach_to_deadline(conn: Any) -> None:
    deadline = getattr(_current, "deadline", None)
    if deadline is not None:
        deadline.attach(conn)


def _socket_to_deadline(conn: Any) -> None:
    deadline = getattr(_current, "deadline", None)
    if deadline is not None:
        deadline.attach_socket(getattr(conn, "sock", None))


class _WatchedHTTPConnection(urllib3.connection.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _socket_to_deadline(self)

    def request(self, *args: Any, **kwargs: Any) -> None:
        _attach_to_deadline(self)
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(urllib3.connection.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _socket_to_deadline(self)

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
