"""`treaties export`: the store's tables as Parquet and CSV with a datapackage.json and a CHANGELOG.md, for
people who load data without our code."""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.runs.package import (
    CHANGELOG_FILE,
    PACKAGE_FILE,
    changelog_section,
    describe,
    prepare,
    previous_event_ids,
    updated_changelog,
    write_json,
)
from pipeline.spreadsheet import csv_safe
from pipeline.store import Store
from pipeline.store.events import all_events, events_frame, participation_history, snapshot_provenance
from pipeline.store.frames import plain_values
from pipeline.store.procedures import Acceptance
from pipeline.store.procedures import columns as procedure_columns
from pipeline.store.rows import public_source

CSV_DATETIME = "%Y-%m-%dT%H:%M:%S"


class ExportError(OSError):
    """A file could not be written; the message names the path and the reason in one line."""


def _write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, renamed into place: never a half-written file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)  # mkstemp makes it private; an export is for others to read
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _to_csv(df: pd.DataFrame, path: Path) -> None:
    csv_safe(df).to_csv(path, index=False, date_format=CSV_DATETIME)


def _write_text(text: str, path: Path) -> None:
    path.write_text(text, encoding="utf-8")


def _write_package(package: dict[str, Any], path: Path) -> None:
    write_json(path, package)


def _to_parquet(df: pd.DataFrame, path: Path) -> None:
    df.to_parquet(path, index=False)


def _public_sources(df: pd.DataFrame) -> pd.DataFrame:
    """A file a snapshot was read from, by its name only: no path of the machine that built the export."""
    df["source"] = [public_source(s) for s in df["source"]]
    return df


def export_tables(store: Store, out_dir: Path) -> list[Path]:
    """Parquet and CSV of the treaties, the latest status (treaty x participant), the full participation
    history (valid from / to), the snapshots with provenance, the change events and the country x treaty
    matrix, with the same columns in both formats; then datapackage.json describing them all and
    CHANGELOG.md, which gains a section with what changed since the previous export into out_dir.

    The package is written whole into a staging folder beside out_dir and swapped in at once, so a reader
    (or a SIGTERM) never meets a package with some files of one export and some of another. Other files
    in out_dir are carried over; a subfolder there is refused (ExportError), never deleted."""
    out_dir = Path(out_dir)
    _check_target(out_dir)
    previous = previous_event_ids(out_dir)
    events = all_events(store)
    frames: dict[str, pd.DataFrame] = {
        "treaties": _public_sources(plain_values(store.treaties())),
        "latest_status": plain_values(store.latest_status()),
        "history": participation_history(store),
        "snapshots": _public_sources(snapshot_provenance(store)),
        "events": events_frame(events),
        "matrix": plain_values(store.matrix()),
        "procedures": pd.DataFrame(
            [a.to_dict() for a in store.acceptances()], columns=procedure_columns(Acceptance)
        ),
    }
    stage = _staging(out_dir)
    try:
        written: list[Path] = []
        files: dict[str, list[Path]] = {}
        for stem, plain_df in frames.items():
            df = prepare(plain_df)
            for suffix in ("csv", "parquet"):
                path = stage / f"{stem}.{suffix}"
                _write_atomic(path, partial(_to_csv if suffix == "csv" else _to_parquet, df))
                written.append(path)
                files.setdefault(stem, []).append(path)
        log = stage / CHANGELOG_FILE
        old_log = out_dir / CHANGELOG_FILE
        section = changelog_section(events, previous, treaties=len(frames["treaties"]))
        old = old_log.read_text(encoding="utf-8") if old_log.is_file() else None
        if section is not None or old is None:
            _write_atomic(log, partial(_write_text, updated_changelog(old, section or "")))
        else:
            _write_atomic(log, partial(_write_text, old))
        written.append(log)
        package = describe(frames, files, stage)
        _write_atomic(stage / PACKAGE_FILE, partial(_write_package, package))
        written.append(stage / PACKAGE_FILE)
        _carry_over(out_dir, stage, {p.name for p in written})
        _swap_in(stage, out_dir)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return [out_dir / p.relative_to(stage) for p in written]


_STAGING = ".{name}.staging-{pid}-"


def _check_target(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(f"cannot export into {out_dir}: it is a file, not a folder")
    if out_dir.is_dir():
        folders = sorted(p.name for p in out_dir.iterdir() if p.is_dir() and not p.is_symlink())
        if folders:
            raise ExportError(
                f"cannot export into {out_dir}: it holds folders export did not write "
                f"({', '.join(folders[:3])}{', ...' if len(folders) > 3 else ''}); choose another folder"
            )


def _staging(out_dir: Path) -> Path:
    """A fresh staging folder beside out_dir (same filesystem, so the swap is a rename); staging folders
    of exports that were killed are removed first."""
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        for old in parent.glob(f".{out_dir.name}.staging-*"):
            pid = old.name.rsplit(".staging-", 1)[1].split("-")[0]
            if pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(old, ignore_errors=True)
        return Path(tempfile.mkdtemp(prefix=_STAGING.format(name=out_dir.name, pid=os.getpid()), dir=parent))
    except OSError as exc:
        raise ExportError(f"cannot write beside {out_dir}: {exc.strerror or exc}") from None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _carry_over(out_dir: Path, stage: Path, ours: set[str]) -> None:
    """Files in out_dir that export does not write (a .gitkeep, a note of the user's) go along."""
    if not out_dir.is_dir():
        return
    for p in out_dir.iterdir():
        if p.name not in ours and not p.name.startswith(f".{PACKAGE_FILE}.") and p.is_file():
            try:
                shutil.copy2(p, stage / p.name)
            except OSError as exc:
                raise ExportError(f"cannot carry {p} over: {exc.strerror or exc}") from None


def _swap_in(stage: Path, out_dir: Path) -> None:
    """Put the staged package where out_dir is: an atomic exchange where the system has one (Linux's
    renameat2), else two renames a moment apart; the previous package is then removed."""
    try:
        os.chmod(stage, 0o755)  # mkdtemp makes it private; an export is for others to read
        if not out_dir.exists():
            os.rename(stage, out_dir)
            return
        if _exchange(stage, out_dir):
            shutil.rmtree(stage, ignore_errors=True)  # the previous package, now at the staging name
            return
        aside = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
        os.rmdir(aside)
        os.rename(out_dir, aside)
        os.rename(stage, out_dir)
        shutil.rmtree(aside, ignore_errors=True)
    except OSError as exc:
        raise ExportError(f"cannot put the export in place at {out_dir}: {exc.strerror or exc}") from None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with renameat2(RENAME_EXCHANGE); False where that is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err))
