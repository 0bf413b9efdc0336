"""One run at a time: a lock file beside the database, so a cron job and a watch loop never overlap."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from pipeline.store import StoreError


class RunLocked(StoreError):
    """Another refresh or watch cycle holds the lock of this database."""


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


@contextmanager
def run_lock(db: Path, *, wait: float = 0) -> Iterator[Path]:
    """Hold the database's run lock (waiting up to `wait` seconds), or raise RunLocked in one line."""
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path), timeout=wait)
    try:
        lock.acquire()
    except Timeout:
        raise RunLocked(f"another run holds {path}; this one did nothing (it runs again next time)") from None
    try:
        yield path
    finally:
        lock.release()
