"""Content-addressed store of every response body, with an append-only manifest of fetches."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

# A temporary object file older than this was left by a killed run (a live write takes milliseconds).
STRAY_TMP_AGE_S = 10 * 60

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
    """The raw store is inconsistent (a missing object, a hash mismatch, a corrupt manifest line) or could
    not be read or written (`path` and `errno` say where and why); the message is one line."""

    def __init__(self, message: str, *, path: Path | None = None, errno: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.errno = errno


def _io_error(action: str, path: Path, exc: OSError) -> RawStoreError:
    reason = exc.strerror or str(exc) or type(exc).__name__
    return RawStoreError(f"cannot {action} {path}: {reason}", path=path, errno=exc.errno)


class VerifyReport(list[str]):
    """verify()'s findings, one line each (an empty report == []), sorted into kinds.

    missing: sha256s named by the manifest with no object; altered: object paths whose bytes do not
    hash to their name; stray: leftover temporary files and files that are not objects; removed: what
    verify(fix=True) deleted so that the next fetch stores it again; unreferenced: objects no manifest
    line names (kept: a run killed between storing and recording leaves these, they do no harm).
    """

    def __init__(self) -> None:
        super().__init__()
        self.missing: list[str] = []
        self.altered: list[Path] = []
        self.stray: list[Path] = []
        self.removed: list[Path] = []
        self.unreferenced: list[str] = []


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
    final_url: str | None = None  # the URL that answered, when a redirect led away from `url`

    @property
    def fetched_datetime(self) -> datetime:
        """The fetch time, timezone-aware (a time written without an offset is UTC, as we write them)."""
        when = datetime.fromisoformat(self.fetched_at)
        return when if when.tzinfo is not None else when.replace(tzinfo=UTC)

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

    def __init__(self, root: Path, *, clean: bool = True) -> None:
        self.root = Path(root)
        self.objects_dir = self.root / "objects"
        self.manifest_path = self.root / "manifest.jsonl"
        self._warned: set[int] = set()
        if clean:
            self.clean_tmp()

    def object_path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise RawStoreError(f"not a sha256 hex digest: {sha256!r}")
        return self.objects_dir / sha256[:2] / sha256

    def put(self, body: bytes) -> str:
        """Store `body` under its sha256 and return the digest.

        An existing object is re-hashed, not trusted: one whose bytes were altered is replaced by these
        (the same bytes arriving again repair it). Any OS error raises RawStoreError naming the path.
        """
        digest = sha256_hex(body)
        path = self.object_path(digest)
        if self._intact(path, digest):
            return digest
        tmp: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            with os.fdopen(fd, "wb") as f:
                f.write(body)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)  # a reader sees the whole object or none of it, never a half
            tmp = None
        except OSError as exc:
            raise _io_error("write raw object", path, exc) from exc
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
        return digest

    def _intact(self, path: Path, digest: str) -> bool:
        """Whether the object at `path` exists and hashes to `digest` (an unreadable one is not intact)."""
        try:
            with open(path, "rb") as f:
                actual = hashlib.file_digest(f, "sha256").hexdigest()
        except FileNotFoundError:
            return False
        except OSError as exc:
            log.warning("raw object %s cannot be read (%s); it will be written again", path, exc.strerror)
            return False
        if actual != digest:
            log.warning(
                "raw object %s was altered (its bytes hash to %s); it is being repaired", path, actual
            )
            return False
        return True

    def clean_tmp(self, *, older_than: float = STRAY_TMP_AGE_S) -> list[Path]:
        """Remove temporary object files left by killed runs (older than `older_than` seconds)."""
        removed: list[Path] = []
        if not self.objects_dir.is_dir():
            return removed
        cutoff = time.time() - older_than
        for p in self.objects_dir.glob("*/.tmp-*"):
            try:
                if p.stat().st_mtime <= cutoff:
                    p.unlink()
                    removed.append(p)
            except FileNotFoundError:
                continue
            except OSError as exc:
                log.warning("cannot remove stray temporary file %s: %s", p, exc.strerror)
        return removed

    def has(self, sha256: str) -> bool:
        return self.object_path(sha256).exists()

    def get(self, sha256: str) -> bytes:
        """The object's bytes, re-hashed: a missing object or a digest mismatch raises RawStoreError."""
        path = self.object_path(sha256)
        try:
            body = path.read_bytes()
        except FileNotFoundError:
            raise RawStoreError(f"raw object {sha256} is missing ({path})", path=path) from None
        except OSError as exc:
            raise _io_error("read raw object", path, exc) from exc
        actual = sha256_hex(body)
        if actual != sha256:
            raise RawStoreError(f"raw object {path} is corrupt: its content hashes to {actual}", path=path)
        return body

    def append(self, entry: ManifestEntry) -> None:
        """Append one line, fsynced: a killed run loses at most the line being written."""
        if entry.sha256 is not None and not self.has(entry.sha256):
            raise RawStoreError(f"manifest entry for {entry.url} names a missing object {entry.sha256}")
        line = entry.to_json() + "\n"
        try:
            self.root.mkdir(parents=True, exist_ok=True)
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
        except OSError as exc:
            raise _io_error("append to manifest", self.manifest_path, exc) from exc

    def entries(self) -> Iterator[ManifestEntry]:
        """Manifest lines in order. A line that cannot be read (a torn write, a line that is not an entry,
        a fetch time that is not an ISO time) is skipped with one warning and counted in `unreadable`:
        one bad line never stops every later refresh."""
        try:
            data = self.manifest_path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise _io_error("read manifest", self.manifest_path, exc) from exc
        lines = data.split(b"\n")
        for n, raw in enumerate(lines, start=1):
            text = raw.strip(b" \t\r\x00")
            if not text:
                if raw.strip():  # a run of NUL bytes: a write the file system lost in a crash
                    self._warn_torn(n, "NUL bytes")
                continue
            try:
                d = json.loads(text)
            except ValueError as exc:
                # A line cut by a kill (or zero-filled by a crash) is an object's prefix, ends anywhere
                # (even in "}"), and is followed by nothing or by a fresh line from a later append.
                self._warn_torn(n, str(exc))
                continue
            try:
                if not isinstance(d, dict) or "url" not in d or "fetched_at" not in d:
                    raise ValueError("not a manifest entry")
                entry = ManifestEntry.from_dict(d)
                entry.fetched_datetime  # noqa: B018 - an unreadable time is an unreadable line
            except (ValueError, TypeError) as exc:
                self._warn_torn(n, str(exc))
                continue
            yield entry

    @property
    def unreadable(self) -> int:
        """How many manifest lines were skipped as unreadable so far."""
        return len(self._warned)

    def _warn_torn(self, n: int, why: str) -> None:
        if n not in self._warned:
            self._warned.add(n)
            log.warning(
                "%s:%d: skipping a torn manifest line or an unreadable one (%s)", self.manifest_path, n, why
            )

    def last_ok(self, url: str) -> ManifestEntry | None:
        """The newest entry for `url` whose body was a treaty page now in the database, if its object is
        intact: validators for a missing or altered object would earn a 304 pointing at bytes we no
        longer have, so the URL is then asked for in full, and the answer repairs the object."""
        found = None
        for e in self.entries():
            if e.url == url and e.sha256 and e.outcome in OK_OUTCOMES:
                found = e
        if (
            found is not None
            and found.sha256
            and not self._intact(self.object_path(found.sha256), found.sha256)
        ):
            log.warning("raw object %s for %s is missing or altered; fetching it in full", found.sha256, url)
            return None
        return found

    def latest_ok_by_url(self) -> dict[str, ManifestEntry]:
        out: dict[str, ManifestEntry] = {}
        for e in self.entries():
            if e.sha256 and e.outcome in OK_OUTCOMES:
                out[e.url] = e
        return out

    def verify(self, fix: bool = False) -> VerifyReport:
        """Re-hash every object and every object the manifest names; report missing, altered and stray.

        With fix, altered objects and stray files are removed, so the next fetch stores them afresh (a
        missing or altered object also makes last_ok() give no validators, so that fetch is a full GET).
        Temporary files younger than STRAY_TMP_AGE_S may belong to a live run: reported, never removed.
        """
        report = VerifyReport()
        on_disk: dict[str, Path] = {}
        if self.objects_dir.is_dir():
            for p in sorted(self.objects_dir.rglob("*")):
                if p.is_dir():
                    continue
                if p.name.startswith(".tmp-"):
                    report.stray.append(p)
                    report.append(f"stray temporary file {p}")
                    continue
                name = p.name
                if p.parent.parent != self.objects_dir or not _is_digest(name) or p.parent.name != name[:2]:
                    report.stray.append(p)
                    report.append(f"stray file {p} (not a raw object)")
                    continue
                on_disk[name] = p
                if not self._intact(p, name):
                    report.altered.append(p)
                    report.append(f"raw object {p} is corrupt: its content does not hash to its name")
        referenced: set[str] = set()
        for e in self.entries():
            if e.sha256 and e.sha256 not in referenced:
                referenced.add(e.sha256)
                if not (isinstance(e.sha256, str) and _is_digest(e.sha256)):
                    # Listed with the rest, not a stop at the first one: the report says all that is wrong.
                    report.missing.append(str(e.sha256))
                    report.append(f"manifest names a malformed sha256 {str(e.sha256)[:80]!r} for {e.url}")
                    continue
                if e.sha256 not in on_disk:
                    report.missing.append(e.sha256)
                    report.append(
                        f"raw object {e.sha256} is missing ({self.object_path(e.sha256)}), named by {e.url}"
                    )
        report.unreferenced = sorted(set(on_disk) - referenced)
        if fix:
            cutoff = time.time() - STRAY_TMP_AGE_S
            for p in [*report.altered, *report.stray]:
                try:
                    if p.name.startswith(".tmp-") and p.stat().st_mtime > cutoff:
                        continue
                    p.unlink()
                except FileNotFoundError:
                    continue
                except OSError as exc:
                    raise _io_error("remove", p, exc) from exc
                report.removed.append(p)
        return report


def _is_digest(name: str) -> bool:
    return len(name) == 64 and all(c in "0123456789abcdef" for c in name)
