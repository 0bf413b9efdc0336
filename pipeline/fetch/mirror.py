"""A loopback mirror of treaties.un.org: saved pages under the site's URL shapes (the tests add faults)."""

from __future__ import annotations

import email.utils
import hashlib
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

LOOPBACK = "127.0.0.1"

_XML_PATH = re.compile(r"^/doc/Publication/MTDSG/Volume (I|II)/Chapter ([IVX]+)/(?P<mtdsg>[^/]+)\.en\.xml$")

# What the real site sends for a ViewDetails URL whose treaty does not exist: HTTP 200 and a page
# without the status block, the participants table or the drop-downs. Detection must not rely on status.
NOT_A_TREATY_PAGE = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>United Nations Treaty Collection</title></head>
<body><div id="ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_divMain">
<p>The requested treaty could not be found. Please select a chapter.</p>
</div></body></html>
"""


@dataclass(frozen=True)
class LoggedRequest:
    at: float  # time.monotonic() on arrival
    path: str
    headers: dict[str, str]
    answered: int | None  # the status sent, None for a reset


def index_pages(root: Path) -> tuple[dict[str, Path], dict[str, Path]]:
    """<MTDSG>.html and <MTDSG>.xml / <MTDSG>.en.xml files under `root` (recursively) by MTDSG number."""
    html: dict[str, Path] = {}
    xml: dict[str, Path] = {}
    for p in sorted(root.rglob("*")):
        if not p.is_file():
            continue
        name = p.name
        if name.endswith(".html"):
            html.setdefault(name[: -len(".html")], p)
        elif name.endswith(".en.xml"):
            xml.setdefault(name[: -len(".en.xml")], p)
        elif name.endswith(".xml"):
            xml.setdefault(name[: -len(".xml")], p)
    return html, xml


class MirrorServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, root: Path, port: int = 0) -> None:
        self.root = Path(root)
        self.html, self.xml = index_pages(self.root)
        self.log: list[LoggedRequest] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        super().__init__((LOOPBACK, port), _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that timed out or gave up mid-body is expected here, not worth a traceback

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.server_address[1]}"

    def misbehave(self, handler: _Handler, headers: dict[str, str], send_body: bool) -> bool:
        """A chance to answer a request otherwise than the site would (True: answered). The mirror never
        does; the tests' faulty mirror (tests/fetch/faults.py) sends errors, resets and broken bodies."""
        return False

    def record(self, entry: LoggedRequest) -> None:
        with self.lock:
            self.log.append(entry)

    @staticmethod
    def etag_of(body: bytes) -> str:
        # From the bytes served, so a page edited on disk gets a new validator at once.
        return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'

    def resolve(self, target: str) -> tuple[Path | None, bool]:
        """(file, is_status_request) for a request target; (None, True) is the site's non-treaty page."""
        parts = urlsplit(target)
        path = unquote(parts.path)
        if path.lower() == "/pages/viewdetails.aspx":
            q = {k.lower(): v[0] for k, v in parse_qs(parts.query).items()}
            mtdsg = q.get("mtdsg_no", "")
            if q.get("src", "").upper() == "TREATY" and mtdsg in self.html:
                return self.html[mtdsg], True
            return None, True
        m = _XML_PATH.match(path)
        if m and m.group("mtdsg") in self.xml:
            return self.xml[m.group("mtdsg")], False
        raise LookupError(path)


class _Handler(BaseHTTPRequestHandler):
    server: MirrorServer
    protocol_version = "HTTP/1.1"
    server_version = "treaties-mirror"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # the server keeps its own structured log; stderr stays quiet

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass  # the connection was reset on purpose or by the client

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def _serve(self, *, send_body: bool) -> None:
        srv = self.server
        headers = {k: v for k, v in self.headers.items()}
        if srv.misbehave(self, headers, send_body):
            return
        try:
            file, _is_status = srv.resolve(self.path)
        except LookupError:
            srv.record(LoggedRequest(time.monotonic(), self.path, headers, 404))
            self._send(404, b"Not found\n", {"Content-Type": "text/plain"}, send_body)
            return
        if file is None:
            srv.record(LoggedRequest(time.monotonic(), self.path, headers, 200))
            self._send(200, NOT_A_TREATY_PAGE, {"Content-Type": "text/html; charset=utf-8"}, send_body)
            return
        body = file.read_bytes()
        ctype = "text/html; charset=utf-8" if file.suffix == ".html" else "text/xml"
        etag = srv.etag_of(body)
        mtime = int(file.stat().st_mtime)
        validators = {"ETag": etag, "Last-Modified": email.utils.formatdate(mtime, usegmt=True)}
        if _not_modified(headers, etag, mtime):
            srv.record(LoggedRequest(time.monotonic(), self.path, headers, 304))
            self._send(304, b"", validators, False)
            return
        srv.record(LoggedRequest(time.monotonic(), self.path, headers, 200))
        self._send(200, body, {"Content-Type": ctype, **validators}, send_body)

    def _send(self, status: int, body: bytes, headers: dict[str, str], send_body: bool) -> None:
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body and status != 304:
            self.wfile.write(body)


def _not_modified(headers: dict[str, str], etag: str, mtime: int) -> bool:
    lower = {k.lower(): v for k, v in headers.items()}
    inm = lower.get("if-none-match")
    if inm is not None:
        return etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
    ims = lower.get("if-modified-since")
    if ims:
        try:
            since = email.utils.parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError):
            return False
        return mtime <= since
    return False


@contextmanager
def run_mirror(
    root: Path, port: int = 0, *, server_class: type[MirrorServer] = MirrorServer
) -> Iterator[MirrorServer]:
    """Serve `root` on 127.0.0.1 in a thread; yields the server (`.base_url`, `.log`)."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"mirror: {root} is not a folder")
    server = server_class(root, port)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="treaties-mirror", daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
