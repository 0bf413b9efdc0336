"""When the next request to a host may go: the interval between requests and the server's Retry-After."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from filelock import FileLock
from filelock import Timeout as LockTimeout

STATE_FILE = "http-state.json"
LOCK_FILE = "http-state.lock"
_LOCK_TIMEOUT_S = 30.0  # the lock is held for a read and a write, never while sleeping
_DEFAULT_PORTS = {"http": 80, "https": 443}


def host_key(url: str) -> str:
    """host:port, the unit of the rate limit and the circuit breaker."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port or _DEFAULT_PORTS.get(parts.scheme, 0)
    except ValueError:
        port = 0
    return f"{host}:{port}"


class WaitTooLong(Exception):
    """The server asked (Retry-After) for a longer wait than we allow; nothing was reserved."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"{seconds:.0f}s")
        self.seconds = seconds


class GateError(Exception):
    """The shared rate-limit state could not be used (its lock or folder); the message says why."""


class HostGate:
    """Per host: at most one request per `min_interval` seconds, and none before the time the server asked.

    Each caller reserves the next free slot under a lock and then sleeps until it, outside the lock, so
    callers never spin. With `state_dir` the slots live in a JSON file under a file lock there, shared by
    every process using that folder (the raw store's), and times are wall-clock; without it they live in
    this object and `clock` (monotonic by default) is used.
    """

    def __init__(
        self,
        min_interval: float,
        *,
        state_dir: Path | None = None,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_interval = max(0.0, min_interval)
        self.state_dir = Path(state_dir) if state_dir is not None else None
        self._clock = clock or (time.time if state_dir is not None else time.monotonic)
        self._sleep = sleep
        self._mutex = threading.Lock()
        self._memory: dict[str, dict[str, float]] = {}
        self.stale: list[str] = []  # one line per stored wait dropped as stale, for the run to print
        self._file_lock = (
            FileLock(self.state_dir / LOCK_FILE, timeout=_LOCK_TIMEOUT_S) if self.state_dir else None
        )

    @property
    def state_path(self) -> Path | None:
        return self.state_dir / STATE_FILE if self.state_dir else None

    def wait(self, host: str, *, max_wait: float = float("inf")) -> float:
        """Reserve the next slot for `host` and sleep until it; returns the seconds slept.

        Raises WaitTooLong (reserving nothing) when the server's Retry-After is further away than max_wait.
        """
        with self._state() as state:
            now = self._clock()
            h = state.setdefault(host, {})
            not_before = h.get("not_before", float("-inf"))
            if not_before - now > max_wait and not self._consistent(h, now):
                # Longer than allowed, and not what a server asked of this clock: a clock set back since
                # (or moved ahead when it was stored), or a state file written elsewhere. Stale, not a
                # reason to stop for a day.
                self.stale.append(
                    f"{host}: a stored wait of {not_before - now:.0f}s is beyond the {max_wait:g}s allowed "
                    "(TREATIES_MAX_WAIT) and not what the server asked from now; treated as stale "
                    "(was the clock changed?)"
                )
                h.pop("not_before", None)
                h.pop("asked_at", None)
                not_before = float("-inf")
            if not_before - now > max_wait:
                raise WaitTooLong(not_before - now)
            nxt = h.get("next", float("-inf"))
            if nxt - now > 60 + 100 * self.min_interval:
                nxt = now  # a slot that far ahead is a clock set back, not a queue of waiting processes
            slot = max(now, nxt, not_before)
            h["next"] = slot + self.min_interval
        delay = slot - now
        if delay > 0:
            self._sleep(delay)
        return max(0.0, delay)

    def defer(self, host: str, seconds: float) -> None:
        """The server asked for no request to `host` for `seconds` (Retry-After), this one or later ones."""
        with self._state() as state:
            h = state.setdefault(host, {})
            now = self._clock()
            if now + max(0.0, seconds) > h.get("not_before", float("-inf")):
                h["not_before"] = now + max(0.0, seconds)
                h["asked_at"] = now  # when it was asked: a later clock that disagrees makes it stale

    @staticmethod
    def _consistent(h: dict[str, float], now: float) -> bool:
        """A stored wait a server asked for on this clock: asked in the past, ending no later than asked."""
        asked_at = h.get("asked_at")
        # What is left can then be no more than was asked; a clock set back makes it more.
        return asked_at is not None and asked_at <= now + 1

    def wait_left(self, host: str) -> float:
        """Seconds until the server lets us ask `host` again (0 if it asked for nothing)."""
        with self._state() as state:
            h = state.get(host, {})
            return max(0.0, h.get("not_before", float("-inf")) - self._clock())

    @contextmanager
    def _state(self) -> Iterator[dict[str, dict[str, float]]]:
        with self._mutex:
            if self._file_lock is None:
                yield self._memory
                return
            assert self.state_dir is not None and self.state_path is not None
            try:
                self.state_dir.mkdir(parents=True, exist_ok=True)
                with self._file_lock:
                    state = _read_state(self.state_path)
                    yield state
                    _write_state(self.state_path, state)
            except LockTimeout:
                raise GateError(
                    f"rate-limit lock {self.state_dir / LOCK_FILE} held by another process for more than "
                    f"{_LOCK_TIMEOUT_S:g}s"
                ) from None
            except OSError as exc:
                raise GateError(
                    f"rate-limit state in {self.state_dir}: {exc.strerror or exc} "
                    f"({getattr(exc, 'filename', None) or self.state_dir})"
                ) from exc


def _read_state(path: Path) -> dict[str, dict[str, float]]:
    # Written whole and replaced atomically, so a bad file is someone else's; starting afresh costs at
    # most one early request, which is better than refusing to run.
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    out: dict[str, dict[str, float]] = {}
    for host, h in data.items():
        if isinstance(h, dict):
            out[str(host)] = {k: float(v) for k, v in h.items() if isinstance(v, int | float)}
    return out


def _write_state(path: Path, state: dict[str, dict[str, float]]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    clean = {h: {k: v for k, v in d.items() if v != float("-inf")} for h, d in state.items()}
    tmp.write_text(json.dumps(clean, sort_keys=True))
    os.replace(tmp, path)
