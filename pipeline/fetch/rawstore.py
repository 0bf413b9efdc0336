"""Content-addressed store of every response body, with an append-only manifest of fetches."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path

# Manifest outcomes. Only OK_OUTCOMES mean "this body was a treaty page and is in the database";
# they alone give validators for conditional requests and make a later run skip the URL.
OUTCOME_SAVED = "saved"
OUTCOME_UNCHANGED = "unchanged"
OUTCOME_NOT_TREATY = "not_treaty"  # HTTP 200 but not a treaty page (the site's answer to unknown numbers)
OUTCOME_FAILED = "failed"  # fetched but could not be parsed or stored
OUTCOME_DISCOVERY = "discovery"  # fetched only to read the chapter/treaty drop-downs
OUTCOME_IMPORTED = "imported"  # a saved file read from disk (no HTTP), e.g. the 2018 MTDSG XML set
OK_OUTCOMES = frozenset({OUTCOME_SAVED, OUTCOME_UNCHANGED})


class RawStoreError(Exception):
    """The raw store is inconsistent: a missing object, a hash mismatch or a corrupt manifest line."""


@dataclass(frozen=True)
class ManifestEntry:
    """One fetch (or import) of one URL. sha256 is None when no complete body was obtained."""

    url: str
    fetched_at: str  # ISO 8601, UTC
    mtdsg_no: str | None = None
    kind: str = "status_page"  # "status_page" | "xml" | "discovery"
    status: int | None = None  # HTTP status of the final attempt (304 reuses the previous body's sha256)
    sha256: str | None = None
    size: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    outcome: str | None = None
    snapshot_id: int | str | None = None
    error: str | None = None
    source_path: str | None = None

    @property
    def fetched_datetime(self) -> datetime:
        return datetime.fromisoformat(self.fetched_at)

    def to_json(self) -> str:
        return json.dumps({k: v for k, v in asdict(self).items() if v is not None}, ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> ManifestEntry:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})  # type: ignore[arg-type]


def sha256_hex(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


class RawStore:
    """data/raw/objects/ab/<sha256> (immutable, atomic writes) + data/raw/manifest.jsonl (append-only)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.objects_dir = self.root / "objects"
        self.manifest_path = self.root / "manifest.jsonl"

    def object_path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise RawStoreError(f"not a sha256 hex digest: {sha256!r}")
        return self.objects_dir / sha256[:2] / sha256

    def put(self, body: bytes) -> str:
        """Store `body` under its sha256 (idempotent) and return the digest."""
        digest = sha256_hex(body)
        path = self.object_path(digest)
        if path.exists() and path.stat().st_size == len(body):
            return digest
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(body)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)  # a reader sees the whole object or none of it, never a half
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def has(self, sha256: str) -> bool:
        return self.object_path(sha256).exists()

    def get(self, sha256: str) -> bytes:
        """The object's bytes, re-hashed: a missing object or a digest mismatch raises RawStoreError."""
        path = self.object_path(sha256)
        try:
            body = path.read_bytes()
        except FileNotFoundError:
            raise RawStoreError(f"raw object {sha256} is missing ({path})") from None
        actual = sha256_hex(body)
        if actual != sha256:
            raise RawStoreError(f"raw object {path} is corrupt: its content hashes to {actual}")
        return body

    def append(self, entry: ManifestEntry) -> None:
        """Append one line, fsynced: a killed run loses at most the line being written."""
        if entry.sha256 is not None and not self.has(entry.sha256):
            raise RawStoreError(f"manifest entry for {entry.url} names a missing object {entry.sha256}")
        self.root.mkdir(parents=True, exist_ok=True)
        line = entry.to_json() + "\n"
        with open(self.manifest_path, "ab") as f:
            # A run killed mid-write can leave a torn last line: start on a fresh line after it.
            if f.tell() > 0:
                with open(self.manifest_path, "rb") as r:
                    r.seek(-1, os.SEEK_END)
                    if r.read(1) != b"\n":
                        line = "\n" + line
            f.write(line.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())

    def entries(self) -> Iterator[ManifestEntry]:
        """Manifest lines in order. A torn line (a killed write) is skipped; any other bad line raises."""
        if not self.manifest_path.exists():
            return
        lines = self.manifest_path.read_bytes().split(b"\n")
        for n, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                d = json.loads(raw)
                if not isinstance(d, dict) or "url" not in d or "fetched_at" not in d:
                    raise ValueError("not a manifest entry")
                yield ManifestEntry.from_dict(d)
            except (ValueError, TypeError) as exc:
                if _looks_torn(raw):
                    continue
                raise RawStoreError(f"{self.manifest_path}:{n}: corrupt manifest line ({exc})") from exc

    def last_ok(self, url: str) -> ManifestEntry | None:
        """The newest entry for `url` whose body was a treaty page now in the database."""
        found = None
        for e in self.entries():
            if e.url == url and e.sha256 and e.outcome in OK_OUTCOMES:
                found = e
        return found

    def latest_ok_by_url(self) -> dict[str, ManifestEntry]:
        out: dict[str, ManifestEntry] = {}
        for e in self.entries():
            if e.sha256 and e.outcome in OK_OUTCOMES:
                out[e.url] = e
        return out

    def verify(self) -> list[str]:
        """Every problem found: manifest lines naming missing or corrupt objects, stray temp files."""
        problems: list[str] = []
        seen: set[str] = set()
        for e in self.entries():
            if e.sha256 and e.sha256 not in seen:
                seen.add(e.sha256)
                try:
                    self.get(e.sha256)
                except RawStoreError as exc:
                    problems.append(str(exc))
        if self.objects_dir.exists():
            for p in self.objects_dir.rglob(".tmp-*"):
                problems.append(f"stray temporary file {p}")
        return problems


def _looks_torn(raw: bytes) -> bool:
    # A line cut by a kill is a JSON object prefix with no closing brace; a later append starts a new line.
    s = raw.strip()
    return s.startswith(b"{") and not s.endswith(b"}")
