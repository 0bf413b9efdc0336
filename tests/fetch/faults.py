"""The loopback mirror with misbehaviour for the tests: errors, slow answers, resets and broken bodies.

The product's mirror (pipeline/fetch/mirror.py) serves saved pages as the site would; this subclass
answers otherwise for the requests a test asks it to (`mirror.inject(Fault(...))`).
"""

from __future__ import annotations

import email.utils
import socket
import struct
import time
from dataclasses import dataclass, field
from typing import Any

from pipeline.fetch.mirror import LoggedRequest, MirrorServer


@dataclass
class Fault:
    """One injected misbehaviour, applied to the next `times` requests whose path+query contains `match`.

    kind: "status" (send `status`, `headers`, `body`), "slow" (wait `delay` s, then serve normally),
    "reset" (drop the connection with a TCP RST), "truncate" (declare the full length, send half),
    "oversize" (send `size` bytes; with `declare_length` False, no Content-Length).
    """

    kind: str
    times: int = 1
    match: str = ""
    status: int = 500
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0
    size: int = 0
    declare_length: bool = True


class FaultyMirror(MirrorServer):
    """A MirrorServer that applies injected faults before serving a request as the site would."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.faults: list[Fault] = []
        super().__init__(*args, **kwargs)

    def inject(self, fault: Fault) -> Fault:
        with self.lock:
            self.faults.append(fault)
        return fault

    def take_fault(self, target: str) -> Fault | None:
        with self.lock:
            for f in self.faults:
                if f.times > 0 and f.match in target:
                    f.times -= 1
                    return f
        return None

    def misbehave(self, handler: Any, headers: dict[str, str], send_body: bool) -> bool:
        fault = self.take_fault(handler.path)
        if fault is None:
            return False
        if fault.kind == "slow":
            self.stopping.wait(fault.delay)
            return False  # then served normally
        if fault.kind == "reset":
            self.record(LoggedRequest(time.monotonic(), handler.path, headers, None))
            _reset(handler)
            return True
        if fault.kind == "status":
            self.record(LoggedRequest(time.monotonic(), handler.path, headers, fault.status))
            content = {"Content-Type": "text/html; charset=utf-8", **fault.headers}
            handler._send(fault.status, fault.body, content, send_body)
            return True
        try:
            file, _is_status = self.resolve(handler.path)
        except LookupError:
            return False
        if file is None:
            return False
        self.record(LoggedRequest(time.monotonic(), handler.path, headers, 200))
        if fault.kind == "truncate":
            body = file.read_bytes()
            ctype = "text/html; charset=utf-8" if file.suffix == ".html" else "text/xml"
            modified = email.utils.formatdate(int(file.stat().st_mtime), usegmt=True)
            validators = {"ETag": self.etag_of(body), "Last-Modified": modified}
            _send_truncated(handler, body, {"Content-Type": ctype, **validators})
        elif fault.kind == "oversize":
            _send_oversize(handler, fault)
        else:
            raise ValueError(f"unknown fault kind {fault.kind!r}")
        return True


def _reset(handler: Any) -> None:
    # SO_LINGER with a zero timeout makes close() send RST: the client sees "connection reset by peer".
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.close_connection = True
    handler.connection.close()


def _send_truncated(handler: Any, body: bytes, headers: dict[str, str]) -> None:
    handler.send_response(200)
    for k, v in headers.items():
        handler.send_header(k, v)
    handler.send_header("Content-Length", str(len(body)))
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.wfile.write(body[: len(body) // 2])
    handler.wfile.flush()
    handler.close_connection = True


def _send_oversize(handler: Any, fault: Fault) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    if fault.declare_length:
        handler.send_header("Content-Length", str(fault.size))
    handler.send_header("Connection", "close")
    handler.end_headers()
    chunk = b"<!-- padding -->" * 4096
    sent = 0
    try:
        while sent < fault.size:
            piece = chunk[: fault.size - sent]
            handler.wfile.write(piece)
            sent += len(piece)
    except OSError:
        pass  # the client gave up at its size limit, as it should
    handler.close_connection = True
