"""Writing the report site: only files whose bytes changed, atomically, with stale pages removed.

The rule: a file is rewritten only when the bytes just rendered differ from the bytes on disk. A
manifest (MANIFEST) in the output folder records the fingerprint of the build's inputs (the store's
treaty rows and the report's own code) and every file written; when the fingerprint is unchanged and
every listed file is still there at its recorded size, nothing is rendered and nothing is touched.
It also records "parts": per treaty, the fingerprint of that treaty's inputs, the files made from it
and a summary the site-wide pages reuse (country rows, matrix cells), so that a build after a few
treaties changed renders only those treaties' pages and reassembles the rest from the summaries.
Every failure to write is one ReportWriteError naming the path; a write goes to a temporary file in the
same folder that is renamed over the target, so a failed write leaves the old file or nothing.
The manifest is also the site's claim on its folder: a build deletes only files the last manifest lists,
and refuses to write into a folder that holds files but no manifest (someone else's folder).
"""

from __future__ import annotations

import base64
import errno
import hashlib
import json
import os
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MANIFEST = ".treaties-site.json"
MANIFEST_FORMAT = 2  # 2: "parts", the inputs and files of each treaty's pages and what other pages reuse
# A staging folder a build may make inside its own output folder (when the folder is a mount point, the
# only place on the same filesystem): never part of the site, never a reason to call the folder foreign.
INNER_STAGE_PREFIX = ".treaties-staging-"
# Files that keep an empty folder in version control or that a file browser drops: a folder holding only
# these is empty for the site (a fresh checkout's reports/ holds .gitkeep).
PLACEHOLDERS = frozenset({".gitkeep", ".keep", ".gitignore", ".DS_Store", "Thumbs.db"})

# progress(done, total, label): called once per file written or checked (and per treaty read).
Progress = Callable[[int, int, str], None]


class ReportWriteError(RuntimeError):
    """The report could not write (or remove) a file; the message names the path and the reason."""

    def __init__(self, path: Path, exc: BaseException, *, what: str = "file") -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            reason = "no space left on device"
        super().__init__(f"cannot write the report {what} {path}: {reason}")
        self.path = path


class ForeignFolder(ReportWriteError):
    """The output folder holds files but no site manifest: it was not made by `treaties report`."""

    def __init__(self, path: Path, entries: int) -> None:
        RuntimeError.__init__(
            self,
            f"the folder {path} is not empty ({entries} {'entry' if entries == 1 else 'entries'}) and "
            f"was not made by `treaties report` (no {MANIFEST}): give --out a new or empty folder",
        )
        self.path = path


def check_site_folder(out_dir: Path) -> None:
    """Refuse an --out that is not a folder, or a non-empty folder with no site manifest (one line each).

    A missing folder is fine (it will be made); so is an empty one, or one a previous build made.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ReportWriteError(
            out_dir, NotADirectoryError(errno.ENOTDIR, "it is a file, not a folder"), what="folder"
        )
    if not out_dir.is_dir() or (out_dir / MANIFEST).is_file():
        return
    try:
        entries = [
            p
            for p in out_dir.iterdir()
            if not p.name.startswith(INNER_STAGE_PREFIX) and p.name not in PLACEHOLDERS
        ]
    except OSError as exc:
        raise ReportWriteError(out_dir, exc, what="folder") from None
    if entries:
        raise ForeignFolder(out_dir, len(entries))


@dataclass(frozen=True)
class SiteSize:
    """The size of a report folder: total bytes and number of files (for the bench)."""

    bytes: int
    files: int


def site_size(out_dir: Path) -> SiteSize:
    """Total bytes and file count of everything under out_dir (the manifest included)."""
    total = count = 0
    for p in Path(out_dir).rglob("*"):
        if p.is_file():
            total += p.stat().st_size
            count += 1
    return SiteSize(total, count)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path through a temporary file and a rename; ReportWriteError on any failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportWriteError(path.parent, exc) from None
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise ReportWriteError(path, exc) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _same_on_disk(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _encode_parts(parts: dict[str, dict[str, Any]]) -> str:
    # The parts hold HTML and names for every participant of every treaty (~12 MB of JSON for the demo,
    # ~19 MB for the whole collection), most of it repeated markup: kept deflated, as base64 text. That
    # is a tenth of the size, and a name like "<script>" from a page never appears raw in the folder.
    raw = json.dumps({name: parts[name] for name in sorted(parts)}, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(zlib.compress(raw, 1)).decode("ascii")


def _decode_parts(value: Any) -> dict[str, dict[str, Any]]:
    """The parts of a manifest, or none if they cannot be read (an older or damaged manifest)."""
    try:
        parts = json.loads(zlib.decompress(base64.b64decode(str(value), validate=True)))
    except (ValueError, zlib.error):
        return {}
    return parts if isinstance(parts, dict) else {}


def _inside(rel: str) -> bool:
    parts = Path(rel).parts
    return bool(parts) and not Path(rel).is_absolute() and ".." not in parts


class SiteWriter:
    """Writes a site's files into one folder, touching only those whose bytes changed."""

    def __init__(self, out_dir: Path, progress: Progress | None = None) -> None:
        self.out_dir = Path(out_dir)
        self.progress = progress
        check_site_folder(self.out_dir)
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReportWriteError(self.out_dir, exc, what="folder") from None
        self.old = self._read_manifest()
        self.files: dict[str, dict[str, Any]] = {}
        self._old_parts: dict[str, dict[str, Any]] | None = None
        self.parts: dict[str, dict[str, Any]] = {}
        self.written: list[str] = []
        self.removed: list[str] = []
        self.total = 0
        self.done = 0
        self._manifest_dropped = False

    @property
    def manifest_path(self) -> Path:
        return self.out_dir / MANIFEST

    def _read_manifest(self) -> dict[str, Any]:
        try:
            data = json.loads((self.out_dir / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
            return {}
        return data

    def _tick(self, label: str) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, max(self.total, self.done), label)

    def up_to_date(self, inputs: str) -> bool:
        """True when the last build had these inputs and all its files are still there, unchanged in size.

        Then the site is kept as it is: each file is reported to `progress` as checked, none is touched.
        """
        files = self.old.get("files")
        if self.old.get("inputs") != inputs or not isinstance(files, dict) or not files:
            return False
        for rel, meta in files.items():
            try:
                if (self.out_dir / rel).stat().st_size != meta.get("size"):
                    return False
            except OSError:
                return False
        self.total = len(files)
        for rel in files:
            self.files[rel] = files[rel]
            self._tick(rel)
        return True

    @property
    def old_parts(self) -> dict[str, dict[str, Any]]:
        """The parts the last build recorded (decoded on first use: an up-to-date site never needs them)."""
        if self._old_parts is None:
            self._old_parts = _decode_parts(self.old.get("parts"))
        return self._old_parts

    def reuse_part(self, name: str, inputs: str) -> Any:
        """A part (the files of one treaty) built by the last build from the same inputs: its files are
        kept as they are (each reported to `progress` as checked) and its recorded data is returned.
        None when the inputs differ or a file is missing or not the size recorded: render it again."""
        part = self.old_parts.get(name)
        old_files = self.old.get("files")
        if not isinstance(part, dict) or part.get("inputs") != inputs or not isinstance(old_files, dict):
            return None
        rels = part.get("files")
        if not isinstance(rels, list):
            return None
        for rel in rels:
            meta = old_files.get(rel)
            try:
                if not isinstance(meta, dict) or (self.out_dir / rel).stat().st_size != meta.get("size"):
                    return None
            except OSError:
                return None
        for rel in rels:
            self.files[rel] = old_files[rel]
            self._tick(rel)
        self.parts[name] = part
        return part.get("data")

    def old_part_data(self, name: str, inputs: str) -> Any:
        """The data the last build recorded for a part made from the same inputs (None otherwise); its
        files are not kept: the caller writes them."""
        part = self.old_parts.get(name)
        if isinstance(part, dict) and part.get("inputs") == inputs:
            return part.get("data")
        return None

    def record_part(self, name: str, inputs: str, files: list[str], data: Any) -> None:
        """Record what a part was built from, the files it wrote and the data later builds may reuse."""
        self.parts[name] = {"inputs": inputs, "files": files, "data": data}

    def _drop_manifest(self) -> None:
        # Before the first change, so that a build that fails half-way is never taken for up to date: the
        # manifest loses its inputs (and parts) but keeps its files, so the folder stays the site's and
        # the next build still knows which files it may remove.
        if self._manifest_dropped:
            return
        self._manifest_dropped = True
        files = self.old.get("files") if isinstance(self.old.get("files"), dict) else {}
        pending = {"format": MANIFEST_FORMAT, "inputs": None, "files": files, "parts": ""}
        text = json.dumps(pending, indent=1, sort_keys=True) + "\n"
        try:
            write_atomic(self.manifest_path, text.encode("utf-8"))
        except ReportWriteError:
            # No room even for that (a full disk): the old manifest stays, keeping the folder the site's.
            # The page write that follows fails the same way and says why, so no file has changed.
            pass

    def write(self, rel: str, data: bytes) -> bool:
        """Write out_dir/rel unless it already holds exactly these bytes; True when written."""
        path = self.out_dir / rel
        changed = not _same_on_disk(path, data)
        if changed:
            self._drop_manifest()
            write_atomic(path, data)
            self.written.append(rel)
        self.files[rel] = {"sha256": _sha256(data), "size": len(data)}
        self._tick(rel)
        return changed

    def write_text(self, rel: str, text: str) -> bool:
        return self.write(rel, text.encode("utf-8"))

    def _stale(self) -> list[str]:
        # Only files the last manifest lists (a file the site never wrote is someone's, whatever folder it
        # is in), and only paths inside the folder: a manifest edited by hand must not delete elsewhere.
        return sorted(
            rel for rel in self.old.get("files", {}) or {} if rel not in self.files and _inside(rel)
        )

    def finish(self, inputs: str) -> None:
        """Remove stale files and record the manifest (rewritten only when it changed)."""
        for rel in self._stale():
            path = self.out_dir / rel
            if not path.exists():
                continue
            self._drop_manifest()
            try:
                path.unlink()
            except OSError as exc:
                raise ReportWriteError(path, exc) from None
            self.removed.append(rel)
        manifest = {
            "format": MANIFEST_FORMAT,
            "inputs": inputs,
            "files": {rel: self.files[rel] for rel in sorted(self.files)},
            "parts": _encode_parts(self.parts),
        }
        data = (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode("utf-8")
        if not _same_on_disk(self.manifest_path, data):
            write_atomic(self.manifest_path, data)
