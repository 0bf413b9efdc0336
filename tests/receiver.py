"""A webhook receiver on 127.0.0.1 for tests: records each POST, answers with the statuses it is given."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MAX_REQUESTS = 50  # a test that loops sends no more than this; the receiver answers 410 after it


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    url: str
    posts: list[Received] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)  # answered in turn; 204 once used up
    delay_s: float = 0.0  # wait this long before answering (to test timeouts)


@contextmanager
def run_receiver(*, statuses: list[int] | None = None, delay_s: float = 0.0) -> Iterator[Receiver]:
    rec = Receiver(url="", statuses=list(statuses or []), delay_s=delay_s)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(min(n, 10_000_000))
            with lock:
                rec.posts.append(Received(self.path, dict(self.headers.items()), body))
                count = len(rec.posts)
                code = rec.statuses.pop(0) if rec.statuses else 204
            if count > MAX_REQUESTS:
                code = 410
            if rec.delay_s:
                time.sleep(rec.delay_s)
            try:
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:
                pass  # the sender gave up waiting

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    rec.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield rec
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
