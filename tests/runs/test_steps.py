"""Runs that hold the database only while they write: readers beside `watch`, and a second database fed
from the raw store without a request (issue 24, point 2)."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.http import HttpClient
from pipeline.fetch.mirror import MirrorServer
from pipeline.fetch.rawstore import RawStore
from pipeline.runs.refresh import run_refresh
from pipeline.store import open_store
from tests.fetch.conftest import TEST_SETTINGS

REPO = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "from pipeline.cli import main; main()"]


def _refresh_into(world: Path, mirror: MirrorServer, db: Path) -> tuple[list[str], int]:
    out = io.StringIO()
    with HttpClient(TEST_SETTINGS, trust_env=False) as client:
        report = run_refresh(
            ["IV-11-c"],
            base_url=mirror.base_url,
            out=out,
            client=client,
            raw=RawStore(world / "raw"),
            db=db,
            write_site=False,
            probe=False,
        )
        return [r.outcome for r in report.results], client.requests_made


def test_a_refresh_into_a_database_that_lacks_a_page_imports_it_from_the_raw_store(
    world: Path, mirror: MirrorServer
) -> None:
    assert _refresh_into(world, mirror, world / "a.duckdb") == (["saved"], 1)
    # Fetched minutes ago (within --max-age), but b.duckdb has never seen it: imported, not skipped.
    assert _refresh_into(world, mirror, world / "b.duckdb") == (["saved"], 0)
    with open_store(world / "b.duckdb", read_only=True) as st:
        assert "IV-11-c" in st.known_treaties()
    # And a database that holds it skips it, as before.
    assert _refresh_into(world, mirror, world / "b.duckdb") == (["skipped"], 0)


def test_status_succeeds_while_watch_every_1s_runs_beside_it(world: Path, mirror: MirrorServer) -> None:
    env = {
        **os.environ,
        "TREATIES_DB": str(world / "t.duckdb"),
        "TREATIES_RAW_DIR": str(world / "raw"),
        "TREATIES_REPORTS_DIR": str(world / "reports"),
        "TREATIES_BUSY_WAIT": "5",
    }
    watch = subprocess.Popen(
        [
            *CLI,
            "watch",
            "IV-11-c",
            "--every",
            "1s",
            "--max-age",
            "0",
            "--base-url",
            mirror.base_url,
            "--cycles",
            "100",
        ],
        env=env,
        cwd=world,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        end = time.monotonic() + 60  # a bound for a very busy machine; this takes seconds here
        runs = 0
        manifest = world / "raw" / "manifest.jsonl"

        def fetches() -> int:  # one manifest line per page fetched: one per cycle here (--max-age 0)
            return len(manifest.read_text().splitlines()) if manifest.is_file() else 0

        # Read at least three times, and on until a third cycle has fetched (so two have finished): a
        # status answers in a fraction of a second, faster than a cycle.
        while (runs < 3 or fetches() < 3) and time.monotonic() < end and watch.poll() is None:
            done = subprocess.run(
                [*CLI, "status", "IV-11-c"], env=env, cwd=world, capture_output=True, text=True, timeout=30
            )
            assert done.returncode == 0, done.stderr
            assert "IV-11-c" in done.stdout
            runs += 1
        assert watch.poll() is None, "watch stopped early"
        assert runs >= 3 and fetches() >= 3
    finally:
        watch.send_signal(signal.SIGTERM)
        try:
            out, _ = watch.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            watch.kill()
            out, _ = watch.communicate()
    assert out.count(" done: ") >= 2, out
    assert " skipped: " not in out and " failed: " not in out, out  # no cycle locked out by a reader
    assert "(0 failed or skipped)" in out, out


READER = """
import sys, time
from pathlib import Path
from pipeline.store import open_store
with open_store(Path(sys.argv[1]), read_only=True):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_step_waits_for_a_reader_that_keeps_the_database_past_the_busy_wait(
    world: Path, mirror: MirrorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A reader (a `report` building the site) opens the database while the refresh fetches, and keeps it
    # five busy waits long: the refresh's next step waits its turn; the treaty is not failed for it.
    monkeypatch.setenv("TREATIES_BUSY_WAIT", "0.2")
    db = world / "t.duckdb"
    readers: list[subprocess.Popen[str]] = []
    original = Fetcher.fetch

    def fetch_then_a_reader_arrives(self: Fetcher, *a: Any, **k: Any) -> Any:
        got = original(self, *a, **k)
        proc = subprocess.Popen(
            [sys.executable, "-c", READER, str(db), "1.0"], stdout=subprocess.PIPE, text=True, cwd=REPO
        )
        readers.append(proc)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        return got

    monkeypatch.setattr(Fetcher, "fetch", fetch_then_a_reader_arrives)
    try:
        assert _refresh_into(world, mirror, db) == (["saved"], 1)
    finally:
        for proc in readers:
            proc.wait(timeout=30)
    assert len(readers) == 1 and readers[0].returncode == 0
