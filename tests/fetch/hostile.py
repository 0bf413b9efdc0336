"""A hostile HTTP server on 127.0.0.1 for the client's tests: bombs, trickles, 429s, redirect loops.

Every behaviour is bounded: a trickle stops after `max_s` seconds or when the client hangs up, and the
server only ever listens on loopback.
"""

from __future__ import annotations

import gzip
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Behaviour = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Hit:
    path: str
    at: float  # time.monotonic() when the request line was read
    headers: dict[str, str]


@dataclass
class HostileServer:
    server: ThreadingHTTPServer
    routes: dict[str, Behaviour] = field(default_factory=dict)
    log: list[Hit] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path


@contextmanager
def hostile_server() -> Iterator[HostileServer]:
    """A server on 127.0.0.1 (any free port) answering each path with the behaviour set for it."""
    holder: dict[str, HostileServer] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            hs = holder["server"]
            hs.log.append(Hit(self.path, time.monotonic(), dict(self.headers.items())))
            behaviour = hs.routes.get(self.path) or hs.routes.get("*")  # "*": every other path
            if behaviour is None:
                send(self, 404, b"not here")
                return
            try:
                behaviour(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client hung up, as it should on a hostile answer

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client hanging up on a hostile answer is the expected end, not news

    httpd = Server(("127.0.0.1", 0), Handler)
    hs = HostileServer(httpd)
    holder["server"] = hs
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield hs
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def send(
    h: BaseHTTPRequestHandler, status: int, body: bytes = b"", headers: dict[str, str] | None = None
) -> None:
    h.send_response(status)
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def page(body: bytes, headers: dict[str, str] | None = None) -> Behaviour:
    return lambda h: send(h, 200, body, {"Content-Type": "text/html", **(headers or {})})


def status(code: int, headers: dict[str, str] | None = None) -> Behaviour:
    return lambda h: send(h, code, f"HTTP {code}".encode(), headers)


def redirect(location: str, code: int = 302) -> Behaviour:
    return lambda h: send(h, code, b"", {"Location": location})


def gzipped(body: bytes) -> Behaviour:
    data = gzip.compress(body)
    return lambda h: send(h, 200, data, {"Content-Encoding": "gzip", "Content-Type": "text/html"})


def gzip_bomb(mebibytes: int) -> tuple[Behaviour, int]:
    """Send a gzip bomb of `mebibytes` MiB of zeros; returns the behaviour and the bomb's size on the wire."""
    data = gzip_bomb_bytes(mebibytes)
    headers = {"Content-Encoding": "gzip", "Content-Type": "text/html"}
    return (lambda h: send(h, 200, data, headers)), len(data)


def gzip_bomb_bytes(mebibytes: int) -> bytes:
    """A valid gzip body of `mebibytes` MiB of zeros, about 1,000 times smaller.

    Each MiB is compressed after a full flush, so every block's bytes are the same and the body is
    built by repetition, not by compressing a gigabyte.
    """
    block = b"\0" * (1 << 20)
    z = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)  # raw deflate; the gzip framing is ours
    first = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
    again = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (mebibytes << 20) & 0xFFFFFFFF)
    return header + first + again * (mebibytes - 1) + z.flush() + trailer


def trickle(*, every: float = 0.2, max_s: float = 20.0, in_headers: bool = False) -> Behaviour:
    """One byte every `every` seconds, for at most `max_s` seconds, in the body or in the headers."""

    def run(h: BaseHTTPRequestHandler) -> None:
        end = time.monotonic() + max_s
        if in_headers:
            h.wfile.write(b"HTTP/1.1 200 OK\r\n")
            while time.monotonic() < end:
                h.wfile.write(b"X")  # one endless header line
                h.wfile.flush()
                time.sleep(every)
            return
        h.send_response(200)
        h.send_header("Content-Length", "1000000")
        h.end_headers()
        h.wfile.flush()
        while time.monotonic() < end:
            h.wfile.write(b"<")
            h.wfile.flush()
            time.sleep(every)

    return run
