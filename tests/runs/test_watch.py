"""`treaties watch`: cycles against the mirror, a clean stop on SIGTERM, failed cycles that do not stop it."""

from __future__ import annotations

import faulthandler
import io
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from pipeline.config import SettingsError
from pipeline.fetch.mirror import MirrorServer
from pipeline.runs.lock import run_lock
from pipeline.runs.results import RunReport
from pipeline.runs.watch import backoff_period, run_watch, stop_on_signals
from pipeline.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def _lines(stream: io.TextIOBase, into: queue.Queue[str]) -> None:
    for line in stream:
        into.put(line)


def wait_for(lines: queue.Queue[str], text: str, seen: list[str], timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        if text in line:
            return
    raise AssertionError(f"{text!r} not seen in {timeout} s:\n{''.join(seen)}")


def test_watch_every_second_runs_two_cycles_and_stops_on_sigterm(world: Path, mirror: MirrorServer) -> None:
    env = {
        **os.environ,
        "TREATIES_DB": str(world / "t.duckdb"),
        "TREATIES_RAW_DIR": str(world / "raw"),
        "TREATIES_REPORTS_DIR": str(world / "reports"),
        "TREATIES_MIN_INTERVAL": "0",
        "NO_PROXY": "127.0.0.1",
    }
    cmd = [
        str(Path(sys.executable).parent / "treaties"),
        "watch",
        "IV-11-c",
        "--every",
        "1s",
        "--base-url",
        mirror.base_url,
    ]
    cmd += ["--export", str(world / "processed")]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(proc.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
        wait_for(lines, "watch: cycle 1 done: saved 1", seen)
        wait_for(lines, "watch: cycle 2 done: saved 0, unchanged 1", seen)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    time.sleep(0.2)
    while not lines.empty():
        seen.append(lines.get())
    out = "".join(seen)
    assert "SIGTERM received" in out and "watch: stopped after" in out
    assert "Traceback" not in out
    # Nothing half-written: the database opens with both snapshots, the site and package are whole, no
    # staging folder or temporary file is left, and the lock is free.
    with open_store(world / "t.duckdb", read_only=True) as store:
        assert len(store.snapshots("IV-11-c")) == 2
    assert (world / "reports" / "feeds" / "treaty" / "IV-11-c.atom").is_file()
    assert (world / "processed" / "datapackage.json").is_file()
    leftovers = [p for p in world.rglob("*") if ".staging-" in p.name or p.name.endswith(".tmp")]
    assert leftovers == []
    with run_lock(world / "t.duckdb"):
        pass


def test_a_failing_cycle_does_not_stop_the_loop(world: Path) -> None:
    calls: list[dict] = []

    def refresh(treaties: list[str], **kw: object):
        calls.append(kw)
        if len(calls) == 1:
            raise OSError("the site is down")
        return RunReport()

    out = io.StringIO()
    done = run_watch(
        ["IV-11-c"],
        every=timedelta(seconds=0.01),
        base_url="http://127.0.0.1:9",
        cycles=3,
        out=out,
        db=world / "t.duckdb",
        refresh=refresh,
    )
    assert [c.ok for c in done] == [False, True, True]
    assert "watch: cycle 1 failed: OSError: the site is down" in out.getvalue()
    assert "stopped after 3 cycles (1 failed or skipped)" in out.getvalue()


def test_a_stop_event_ends_the_sleep(world: Path) -> None:
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    t = time.monotonic()

    done = run_watch(
        ["IV-11-c"],
        every=timedelta(hours=6),
        base_url="http://127.0.0.1:9",
        stop=stop,
        out=io.StringIO(),
        db=world / "t.duckdb",
        refresh=lambda treaties, **kw: RunReport(),
    )
    assert len(done) == 1 and time.monotonic() - t < 5


def test_a_cycle_skips_its_turn_while_another_run_holds_the_lock(world: Path, mirror: MirrorServer) -> None:
    out = io.StringIO()
    with run_lock(world / "t.duckdb"):
        done = run_watch(
            ["IV-11-c"],
            every=timedelta(seconds=1),
            base_url=mirror.base_url,
            cycles=1,
            out=out,
            db=world / "t.duckdb",
        )
    assert not done[0].ok and "watch: cycle 1 skipped: another run holds" in out.getvalue()
    with open_store(world / "t.duckdb", read_only=True) as store:
        assert len(store.snapshots("IV-11-c")) == 1  # only the 2018 import: nothing was refreshed


def test_watch_backs_off_while_cycles_fail(world: Path) -> None:
    def refresh(treaties: list[str], **kw: object) -> RunReport:
        raise OSError("the site is down")

    out = io.StringIO()
    run_watch(
        ["IV-11-c"],
        every=timedelta(seconds=0.01),
        base_url="http://127.0.0.1:9",
        cycles=4,
        out=out,
        db=world / "t.duckdb",
        refresh=refresh,
    )
    assert out.getvalue().count("failed cycles in a row: backing off") >= 2
    assert backoff_period(timedelta(minutes=5), 0) == timedelta(minutes=5)
    assert backoff_period(timedelta(minutes=5), 3) == timedelta(minutes=40)
    assert backoff_period(timedelta(minutes=5), 30) == timedelta(hours=6)
    assert backoff_period(timedelta(days=1), 3) == timedelta(days=1)


def test_watch_refuses_a_webhook_that_is_not_http_before_its_first_cycle(world: Path) -> None:
    with pytest.raises(SettingsError, match="--notify"):
        run_watch(
            ["IV-11-c"],
            every=timedelta(seconds=1),
            base_url="http://127.0.0.1:9",
            notify=["file:///etc/passwd"],
            cycles=1,
            out=io.StringIO(),
            db=world / "t.duckdb",
        )


def test_a_stop_signal_whose_message_cannot_be_written_still_stops() -> None:
    """A signal that lands while the loop writes to the same buffered stream makes the handler's own write
    fail ("reentrant call"): the stop must be set all the same, and the message written later."""

    class Busy(io.StringIO):
        busy = False

        def write(self, s: str) -> int:
            if self.busy:
                raise RuntimeError("reentrant call inside <_io.BufferedWriter name='<stdout>'>")
            return super().write(s)

    stop, out = threading.Event(), Busy()
    with stop_on_signals(stop, out) as signals:
        out.busy = True
        signal.raise_signal(signal.SIGTERM)
        out.busy = False
        assert signals.stop_asked(stop)
    assert stop.is_set()
    assert signals.unsaid == ["watch: SIGTERM received, stopping after this cycle"]
    assert "SIGTERM" not in out.getvalue()


def test_a_stop_signal_landing_while_the_loop_holds_the_events_lock_does_not_deadlock() -> None:
    """The wait between cycles (`Event.wait`) holds the Event's lock for a moment; a handler that set the
    Event itself would wait for that lock forever (the likeliest cause of a CI run in which the watch test
    waited 60 s for its stop). The handler takes no lock: the stop is noted, and the Event set after."""
    stop, out = threading.Event(), io.StringIO()
    faulthandler.dump_traceback_later(30, exit=True)  # a deadlock fails the run instead of hanging it
    try:
        with stop_on_signals(stop, out) as signals:
            with stop._cond:  # as inside stop.wait(): the Event's own (non-reentrant) lock is held
                signal.raise_signal(signal.SIGTERM)
            assert signals.asked == [signal.SIGTERM]
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert stop.is_set()
    assert "SIGTERM received" in out.getvalue()
