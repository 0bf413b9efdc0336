"""`treaties watch`: refresh, report, notify (and export), sleep, again, until a signal says stop."""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from pipeline import config
from pipeline.errors import one_line
from pipeline.runs.console import say
from pipeline.runs.export import export_tables
from pipeline.runs.lock import RunLocked, run_lock
from pipeline.runs.refresh import events_line, run_refresh
from pipeline.runs.results import RunReport
from pipeline.store import open_store
from pipeline.text import duration_words, plural

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


@dataclass(frozen=True)
class Cycle:
    """One turn of the loop: its number, when it started, what the refresh found, or why it failed."""

    number: int
    started: datetime
    report: RunReport | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.report is not None and self.report.ok


@dataclass
class Signals:
    """What the stop signals asked while the loop ran: the signals received (the handler only appends to a
    list: it takes no lock) and the messages the handler could not write."""

    asked: list[int] = field(default_factory=list)
    unsaid: list[str] = field(default_factory=list)

    def stop_asked(self, stop: threading.Event) -> bool:
        return bool(self.asked) or stop.is_set()


@contextmanager
def stop_on_signals(stop: threading.Event, out: TextIO) -> Iterator[Signals]:
    """The first SIGTERM / SIGINT / SIGHUP asks the loop to stop after the cycle under way (each page is
    stored in one transaction and the site is moved into place whole, so a cycle is never left half
    done); a second one stops at once. Outside the main thread signals cannot be caught: nothing is set.

    The handler takes no lock: it notes the signal (`Signals.asked`), which the loop reads, and `stop` is
    set when the block ends. Setting the Event from the handler could deadlock: a signal that lands while
    the main thread holds the Event's own lock (inside `stop.wait`) would wait for that lock forever. Nor
    may the handler's write reach the cycle under way: a signal that lands while the loop itself writes to
    the same stream makes it fail ("reentrant call" on a buffered stdout); such a message is kept
    (`Signals.unsaid`) for the loop to write once the cycle is done."""
    signals = Signals()
    if threading.current_thread() is not threading.main_thread():
        yield signals
        return

    def handle(signum: int, frame: FrameType | None) -> None:
        if signals.asked:
            raise KeyboardInterrupt
        signals.asked.append(signum)
        message = f"watch: {signal.Signals(signum).name} received, stopping after this cycle"
        try:
            say(out, message)
        except (RuntimeError, OSError, ValueError):
            signals.unsaid.append(message)

    previous = {s: signal.signal(s, handle) for s in STOP_SIGNALS}
    try:
        yield signals
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
        if signals.asked:
            stop.set()


# How often the wait between cycles looks whether a signal asked the loop to stop.
_POLL_SECONDS = 0.2


def run_cycle(
    number: int,
    treaties: Sequence[str],
    *,
    refresh: Callable[..., RunReport],
    export_dir: Path | None,
    db: Path,
    out: TextIO,
    **options: Any,
) -> Cycle:
    """One refresh (with its reports and notifications) and, if asked, an export; never raises for what a
    run can meet (a site down, the lock held, a full disk): the loop goes on and says why."""
    started = datetime.now(UTC)
    say(out, f"watch: cycle {number} started {started.isoformat(timespec='seconds')}")
    try:
        report = refresh(list(treaties), db=db, out=out, **options)
        if export_dir is not None:
            with run_lock(db), open_store(db, read_only=True) as store:
                export_tables(store, export_dir)
            say(out, f"export: {export_dir}")
    except RunLocked as exc:
        say(out, f"watch: cycle {number} skipped: {exc}")
        return Cycle(number, started, None, str(exc))
    except Exception as exc:  # noqa: BLE001 - an unattended loop outlives one bad cycle; it says why
        say(out, f"watch: cycle {number} failed: {type(exc).__name__}: {one_line(exc)}")
        return Cycle(number, started, None, one_line(exc))
    say(out, f"watch: cycle {number} done: {report.summary()}; {events_line(report.events)}")
    return Cycle(number, started, report)


MAX_BACKOFF = timedelta(hours=6)


def backoff_period(every: timedelta, failing: int) -> timedelta:
    """The time from one cycle's start to the next: `every`, doubled for each failed cycle in a row (a
    site that is down is not asked every few seconds), up to MAX_BACKOFF (or `every`, if longer)."""
    if failing <= 0:
        return every
    factor: int = 2 ** min(failing, 16)
    return min(every * factor, max(every, MAX_BACKOFF))


def run_watch(
    treaties: Sequence[str],
    *,
    every: timedelta,
    base_url: str,
    notify: Sequence[str] = (),
    max_age: timedelta | None = None,
    min_interval: float | None = None,
    export_dir: Path | None = None,
    cycles: int | None = None,
    stop: threading.Event | None = None,
    out: TextIO | None = None,
    db: Path | None = None,
    reports_dir: Path | None = None,
    refresh: Callable[..., RunReport] = run_refresh,
) -> list[Cycle]:
    """Refresh every `every` (measured from the start of one cycle to the start of the next) until a stop
    signal, or `cycles` cycles. `max_age` None asks the site for every page each time (conditionally: an
    unchanged page costs a 304)."""
    out = out or sys.stdout
    config.check_webhook_urls(list(notify))  # before the first cycle, not as every cycle's failure
    stop = stop or threading.Event()
    db = db or config.db_path()
    done: list[Cycle] = []
    failing = 0
    count = plural(len(treaties), "treaty", "treaties")
    say(
        out,
        f"watch: {count} every {duration_words(every.total_seconds())}, from {base_url};"
        " stop with Ctrl-C or SIGTERM",
    )
    with stop_on_signals(stop, out) as signals:
        while not signals.stop_asked(stop):
            cycle = run_cycle(
                len(done) + 1,
                treaties,
                refresh=refresh,
                export_dir=export_dir,
                db=db,
                out=out,
                base_url=base_url,
                max_age=max_age,
                min_interval=min_interval,
                notify=notify,
                reports_dir=reports_dir,
            )
            done.append(cycle)
            if cycles is not None and len(done) >= cycles:
                break
            failing = 0 if cycle.ok else failing + 1
            period = backoff_period(every, failing)
            left = period.total_seconds() - (datetime.now(UTC) - cycle.started).total_seconds()
            if left > 0:
                why = f" ({failing} failed cycles in a row: backing off)" if period > every else ""
                say(out, f"watch: next cycle in {duration_words(left)}{why}")
                until = time.monotonic() + left
                while not signals.stop_asked(stop) and (rest := until - time.monotonic()) > 0:
                    stop.wait(min(rest, _POLL_SECONDS))
        for message in signals.unsaid:
            say(out, message)
    failed = sum(not c.ok for c in done)
    say(out, f"watch: stopped after {len(done)} cycles ({failed} failed or skipped)")
    return done
