"""`treaties export`: the store's tables as Parquet and CSV, for people who load data without our code."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pandas as pd

from pipeline.store import Store


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
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _to_csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False)


def _to_parquet(df: pd.DataFrame, path: Path) -> None:
    df.to_parquet(path, index=False)


def export_tables(store: Store, out_dir: Path) -> list[Path]:
    """Parquet and CSV of the treaties, the latest status (treaty x participant) and the country x treaty
    matrix, with the same columns in both formats."""
    written = []
    frames: dict[str, pd.DataFrame] = {
        "treaties": store.treaties(),
        "latest_status": store.latest_status(),
        "matrix": store.matrix(),
    }
    for stem, df in frames.items():
        csv_path, parquet_path = out_dir / f"{stem}.csv", out_dir / f"{stem}.parquet"
        _write_atomic(parquet_path, partial(_to_parquet, df))
        _write_atomic(csv_path, partial(_to_csv, df))
        written += [parquet_path, csv_path]
    return written
