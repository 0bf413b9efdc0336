"""`treaties export`: the store's tables as Parquet and CSV with a datapackage.json and a CHANGELOG.md, for
people who load data without our code."""

from __future__ import annotations

import os
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


def export_tables(store: Store, out_dir: Path) -> list[Path]:
    """Parquet and CSV of the treaties, the latest status (treaty x participant), the full participation
    history (valid from / to), the snapshots with provenance, the change events and the country x treaty
    matrix, with the same columns in both formats; then datapackage.json describing them all and
    CHANGELOG.md, which gains a section with what changed since the previous export into out_dir."""
    previous = previous_event_ids(out_dir)
    events = all_events(store)
    frames: dict[str, pd.DataFrame] = {
        "treaties": store.treaties(),
        "latest_status": store.latest_status(),
        "history": participation_history(store),
        "snapshots": snapshot_provenance(store),
        "events": events_frame(events),
        "matrix": store.matrix(),
    }
    written: list[Path] = []
    files: dict[str, list[Path]] = {}
    for stem, plain_df in frames.items():
        df = prepare(plain_df)
        for suffix in ("csv", "parquet"):
            path = out_dir / f"{stem}.{suffix}"
            _write_atomic(path, partial(_to_csv if suffix == "csv" else _to_parquet, df))
            written.append(path)
            files.setdefault(stem, []).append(path)
    log = out_dir / CHANGELOG_FILE
    section = changelog_section(events, previous, treaties=len(frames["treaties"]))
    if section is not None or not log.is_file():
        old = log.read_text(encoding="utf-8") if log.is_file() else None
        text = updated_changelog(old, section or "")
        _write_atomic(log, partial(_write_text, text))
    written.append(log)
    # Last: a package that lists a file is never older than the file.
    package = describe(frames, files, out_dir)
    _write_atomic(out_dir / PACKAGE_FILE, partial(_write_package, package))
    written.append(out_dir / PACKAGE_FILE)
    return written
