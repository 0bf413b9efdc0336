"""A raw-socket server on 127.0.0.1 that answers one request per connection as slowly as it likes.

Each mode trickles one part of the answer a byte (or a chunk) at a time: the status line and headers, or
the body with a Content-Length on a kept-alive connection, with `Connection: close` and no length, or
chunked. It records how long each connection lasted and who ended it, so a test can tell that the client
hung up, not the server. Every connection ends after `max_s` seconds whatever happens.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

MODES = ("keep-alive", "close", "chunked", "headers")


@dataclass
class Served:
    mode: str
    method: str
    sent: int = 0  # bytes of the answer sent
    hung_up: bool = False  # the client closed or shut the connection before the trickle ended
    done: threading.Event = field(default_factory=threading.Event)


@dataclass
class Slowpoke:
    port: int
    every: float
    max_s: float
    default: str = ""  # the mode of any other path (a treaty page's URL, a webhook's)
    served: list[Served] = field(default_factory=list)

    def url(self, mode: str) -> str:
        return f"http://127.0.0.1:{self.port}/{mode}"


def _read_request(conn: socket.socket) -> tuple[str, str]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return "", ""
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    method, path = lines[0].split(" ")[:2]
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        rest += chunk
    return method, path.strip("/")


def _serve(conn: socket.socket, box: Slowpoke) -> None:
    end = time.monotonic() + box.max_s
    with conn:
        method, mode = _read_request(conn)
        if mode not in MODES:
            mode = box.default or mode
        served = Served(mode, method)
        box.served.append(served)
        try:
            if mode == "headers":
                head, then = b"HTTP/1.1 200 OK\r\nX-Slow: ", b"x"
            elif mode == "keep-alive":
                head, then = b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n", b"<"
            elif mode == "close":
                head, then = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", b"<"
            elif mode == "chunked":
                head, then = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"1\r\n<\r\n"
            else:
                head, then = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", b""
            if mode == "headers":
                for byte in head:  # even the status line comes a byte at a time
                    conn.sendall(bytes([byte]))
                    served.sent += 1
                    time.sleep(box.every / 4)
            else:
                conn.sendall(head)
                served.sent += len(head)
            while then and time.monotonic() < end:
                conn.sendall(then)
                served.sent += len(then)
                time.sleep(box.every)
                if _closed_by_peer(conn):
                    served.hung_up = True
                    break
        except OSError:
            served.hung_up = True
        finally:
            served.done.set()


def _closed_by_peer(conn: socket.socket) -> bool:
    conn.setblocking(False)
    try:
        data = conn.recv(1, socket.MSG_PEEK)
        return data == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        conn.setblocking(True)


@contextmanager
def slowpoke(*, every: float = 0.1, max_s: float = 15.0, default: str = "") -> Iterator[Slowpoke]:
    """The server, listening on 127.0.0.1 only, for the duration of the block."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.05)
    box = Slowpoke(listener.getsockname()[1], every, max_s, default)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(max_s)
            threading.Thread(target=_serve, args=(conn, box), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield box
    finally:
        stop.set()
        thread.join(timeout=2)
        listener.close()
