"""A refresh killed with SIGKILL at chosen and random points, and readers and writers side by side.

The child is a real `treaties refresh` in its own process (tests/runs/kill_child.py, which can hold the
run at a named point so that the kill lands exactly there), against a loopback mirror of saved pages.
After each kill the database, the raw store and its manifest must be consistent, and running the same
refresh again must end where a clean run ends.
"""

from __future__ import annotations

import io
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from pipeline.fetch.http import HttpClient
from pipeline.fetch.mirror import MirrorServer, run_mirror
from pipeline.fetch.rawstore import OK_OUTCOMES, STRAY_TMP_AGE_S, RawStore
from pipeline.runs.refresh import DEFAULT_REFRESH_MAX_AGE, run_refresh
from pipeline.store import StoreError, StoreLocked, open_store
from tests.fetch.conftest import TEST_SETTINGS

CHILD = Path(__file__).with_name("kill_child.py")
TREATIES = ("IV-11-c", "IV-11-d", "IV-12", "IV-13", "XXVI-3")
MIN_INTERVAL = 0.05
# Generous bounds, never assertions about speed: a loaded machine only makes the tests slower.
HOLD_TIMEOUT_S = 60.0
RUN_TIMEOUT_S = 60.0
# The seeded random kills: after the k-th status page is served, wait a random fraction of a second.
RANDOM_KILLS = 2
SEED = 16

SNAPSHOT_COLUMNS = [
    "as_at",
    "source",
    "source_kind",
    "raw_sha256",
    "parser_version",
    "declared_signatories",
    "counted_signatories",
    "declared_parties",
    "counted_parties",
    "participants_complete",
    "reconciliation",
    "content_hash",
]


@dataclass(frozen=True)
class Place:
    """One run's own database, raw store and reports folder."""

    root: Path

    @property
    def db(self) -> Path:
        return self.root / "t.duckdb"

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "TREATIES_DB": str(self.db),
            "TREATIES_BUSY_WAIT": "3",  # a reader of a busy database waits this long, then one line
            "TREATIES_RAW_DIR": str(self.raw),
            "TREATIES_REPORTS_DIR": str(self.reports),
        }


def place(root: Path) -> Place:
    root.mkdir(parents=True, exist_ok=True)
    return Place(root)


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory, html_dir: Path) -> Iterator[MirrorServer]:
    site = tmp_path_factory.mktemp("site")
    for t in TREATIES:
        (site / f"{t}.html").symlink_to(html_dir / f"{t}.html")  # links, never copies
    with run_mirror(site) as server:
        yield server


def refresh_in_process(p: Place, base_url: str) -> None:
    """The refresh a user runs again after a kill (default --max-age: what was stored is not fetched)."""
    out = io.StringIO()
    report = run_refresh(
        list(TREATIES),
        base_url=base_url,
        max_age=DEFAULT_REFRESH_MAX_AGE,
        out=out,
        client=HttpClient(replace(TEST_SETTINGS, min_interval_s=MIN_INTERVAL), trust_env=False),
        raw=RawStore(p.raw),
        db=p.db,
        reports_dir=p.reports,
    )
    assert report.ok, out.getvalue()


def state(db: Path) -> dict[str, object]:
    """What a run leaves in the database, without ids and import times: snapshots and participants."""
    with open_store(db, read_only=True) as store:
        found: dict[str, object] = {"counts": store.table_counts()}
        for t in TREATIES:
            snaps = store.snapshots(t)
            found[t] = (
                snaps[SNAPSHOT_COLUMNS].astype(str).sort_values("as_at").to_csv(index=False),
                store.participants(t).to_csv(index=False),
            )
        found["treaties"] = store.treaties()["mtdsg_no"].tolist()
    return found


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory, mirror: MirrorServer) -> tuple[Place, dict[str, object]]:
    p = place(tmp_path_factory.mktemp("clean"))
    refresh_in_process(p, mirror.base_url)
    return p, state(p.db)


def start_child(p: Place, base_url: str, point: str = "none", nth: int = 0) -> subprocess.Popen[bytes]:
    hold = p.root / "hold"
    hold.mkdir(exist_ok=True)
    args = [*TREATIES, "--base-url", base_url, "--min-interval", str(MIN_INTERVAL), "--max-age", "0"]
    with open(p.root / "child.out", "wb") as out, open(p.root / "child.err", "wb") as err:
        return subprocess.Popen(
            [sys.executable, str(CHILD), str(hold), point, str(nth), "--", *args],
            cwd=p.root,
            env=p.env(),
            stdout=out,
            stderr=err,
        )


def child_output(p: Place) -> str:
    return "".join((p.root / n).read_text(errors="replace") for n in ("child.out", "child.err"))


def wait_held(p: Place, proc: subprocess.Popen[bytes]) -> str:
    """Wait until the child stops at its point; its label (what it was doing)."""
    held = p.root / "hold" / "held"
    deadline = time.monotonic() + HOLD_TIMEOUT_S
    while not held.exists():
        if proc.poll() is not None:
            pytest.fail(f"the child ended ({proc.returncode}) before its point:\n{child_output(p)}")
        if time.monotonic() > deadline:
            kill(proc)
            pytest.fail(f"the child did not reach its point in {HOLD_TIMEOUT_S:g}s:\n{child_output(p)}")
        time.sleep(0.01)
    return held.read_text().strip()


def kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def landed(p: Place) -> str:
    """Where a kill landed, from what it left (for the test's output)."""
    raw = RawStore(p.raw, clean=False)
    ok = sum(1 for e in raw.entries() if e.outcome in OK_OUTCOMES)
    objects = len(list(raw.objects_dir.glob("*/[0-9a-f]*"))) if raw.objects_dir.is_dir() else 0
    tmp = len(list(raw.objects_dir.glob("*/.tmp-*"))) if raw.objects_dir.is_dir() else 0
    staging = len(list(p.root.glob(".reports.staging-*")))
    site = len([f for f in p.reports.rglob("*") if f.is_file()]) if p.reports.is_dir() else 0
    return f"objects {objects}, tmp {tmp}, manifest ok lines {ok}, staging {staging}, site files {site}"


def check_consistent(p: Place) -> tuple[int, int]:
    """After a kill: the manifest reads (a torn last line is skipped), objects re-hash, every snapshot's
    raw_sha256 names an intact object, every OK manifest line names a committed snapshot.

    Returns the number of snapshots and of OK manifest lines."""
    raw = RawStore(p.raw, clean=False)
    found = raw.verify()
    assert not found.altered and not found.missing, list(found)
    assert all(s.name.startswith(".tmp-") for s in found.stray), list(found)
    entries = list(raw.entries())
    ok = [e for e in entries if e.outcome in OK_OUTCOMES]
    if not p.db.exists():
        assert not ok, "manifest lines name snapshots of a database that does not exist"
        return 0, 0
    ids: dict[int, str] = {}
    with open_store(p.db, read_only=True) as store:
        assert set(store.table_counts()) >= {"snapshots", "participations"}
        for t in TREATIES:
            snaps = store.snapshots(t)
            for sid, sha, listed in zip(
                snaps["snapshot_id"], snaps["raw_sha256"], snaps["participants_complete"], strict=True
            ):
                ids[int(sid)] = str(sha)
                assert raw.get(str(sha))  # re-hashed on reading: intact
                if listed:
                    assert len(store.participants(t, int(sid))) > 0
    for e in ok:
        assert e.snapshot_id is not None and int(e.snapshot_id) in ids, e
        assert ids[int(e.snapshot_id)] == e.sha256, e
    return len(ids), len(ok)


def site_files(reports: Path) -> dict[str, bytes]:
    return {f.relative_to(reports).as_posix(): f.read_bytes() for f in reports.rglob("*") if f.is_file()}


def check_rerun(p: Place, base_url: str, clean: Place, clean_state: dict[str, object]) -> None:
    """Run the refresh again to the end: the database and the report site are a clean run's, and the raw
    store verifies clean once a killed run's temporary file is old enough to be someone's leftover."""
    refresh_in_process(p, base_url)
    assert state(p.db) == clean_state
    assert site_files(p.reports) == site_files(clean.reports)
    old = time.time() - STRAY_TMP_AGE_S - 1
    for tmp in (p.raw / "objects").glob("*/.tmp-*"):
        os.utime(tmp, (old, old))
    raw = RawStore(p.raw)  # removes temporary files older than STRAY_TMP_AGE_S on opening
    assert raw.verify() == []
    latest = raw.latest_ok_by_url()
    assert len(latest) == len(TREATIES)


# Points where a refresh is held and killed (its nth arrival there), spread over the run's stages, with
# what must be committed then: snapshots in the database and OK lines in the manifest.
HELD_KILLS = [
    ("raw-tmp", 2, 1, 1),  # the second page's object in its temporary file, not renamed into place
    ("in-transaction", 3, 2, 2),  # the third page's rows written, not committed
    ("after-commit", 2, 2, 1),  # the second page committed, its manifest line not written
    ("torn-manifest", 4, 4, 3),  # the fourth page committed, half its manifest line written
    ("report", 7, 5, 5),  # every page stored, the site staged, its seventh changed file being renamed in
]


@pytest.mark.parametrize(
    ("point", "nth", "snapshots", "ok_lines"), HELD_KILLS, ids=[f"{k[0]}-{k[1]}" for k in HELD_KILLS]
)
def test_kill_at_a_chosen_point_leaves_a_consistent_store_and_a_rerun_finishes_it(
    tmp_path: Path,
    mirror: MirrorServer,
    clean: tuple[Place, dict[str, object]],
    point: str,
    nth: int,
    snapshots: int,
    ok_lines: int,
) -> None:
    p = place(tmp_path / "run")
    proc = start_child(p, mirror.base_url, point, nth)
    label = wait_held(p, proc)
    kill(proc)
    assert proc.returncode == -signal.SIGKILL
    print(f"killed at {label}: {landed(p)}")
    assert check_consistent(p) == (snapshots, ok_lines)
    check_rerun(p, mirror.base_url, *clean)


def status_requests(mirror: MirrorServer) -> int:
    return sum(1 for e in list(mirror.log) if "ViewDetails" in e.path)


@pytest.mark.parametrize("draw", range(RANDOM_KILLS))
def test_kill_at_a_random_point_leaves_a_consistent_store_and_a_rerun_finishes_it(
    tmp_path: Path, mirror: MirrorServer, clean: tuple[Place, dict[str, object]], draw: int
) -> None:
    rng = random.Random(f"{SEED}-{draw}")
    after_pages = rng.randint(1, len(TREATIES))
    delay = rng.uniform(0.0, 0.3)
    p = place(tmp_path / "run")
    before = status_requests(mirror)
    proc = start_child(p, mirror.base_url)
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while status_requests(mirror) - before < after_pages and proc.poll() is None:
        assert time.monotonic() < deadline, child_output(p)
        time.sleep(0.005)
    time.sleep(delay)
    kill(proc)
    print(f"killed {delay:.2f}s after status page {after_pages} (exit {proc.returncode}): {landed(p)}")
    snapshots, ok_lines = check_consistent(p)
    assert ok_lines <= snapshots <= len(TREATIES)
    check_rerun(p, mirror.base_url, *clean)


def test_no_staging_copy_outlives_a_killed_report(tmp_path: Path, mirror: MirrorServer) -> None:
    p = place(tmp_path / "run")
    proc = start_child(p, mirror.base_url, "report", 1)
    wait_held(p, proc)
    kill(proc)
    assert list(p.root.glob(".reports.staging-*")), "the kill landed in the report, as meant"
    refresh_in_process(p, mirror.base_url)  # a run after the kill, which writes the report again
    assert (p.reports / "index.html").is_file()
    assert list(p.root.glob(".reports.staging-*")) == []


# ---------------------------------------------------------------------- readers and writers side by side


def one_line_in_use(exc: StoreError, pid: int) -> None:
    text = str(exc)
    assert "\n" not in text
    assert "is in use by another process" in text
    assert f"(process {pid})" in text


def test_readers_and_a_second_writer_get_one_line_while_a_refresh_writes(
    tmp_path: Path, mirror: MirrorServer, clean: tuple[Place, dict[str, object]]
) -> None:
    p = place(tmp_path / "run")
    # Held inside a page's transaction: the one time a refresh has the database open (it opens it per
    # step), so readers wait TREATIES_BUSY_WAIT and then get one line.
    proc = start_child(p, mirror.base_url, "in-transaction", 2)
    try:
        wait_held(p, proc)  # the child has the database open for writing, mid-run
        # A reader and a second writer in this process: StoreLocked, one line naming the process.
        for read_only in (True, False):
            with pytest.raises(StoreLocked) as caught:
                with open_store(p.db, read_only=read_only):
                    pass
            one_line_in_use(caught.value, proc.pid)
        # The same through the CLI, side by side: a query, an import (a second writer), a second refresh.
        treaties_cli = [sys.executable, "-c", "from pipeline.cli import main; main()"]
        page = mirror.html["IV-11-c"]
        calls = [
            (["status", "IV-11-c", "--db", str(p.db)], "is in use by another process"),
            (["import", str(page), "--db", str(p.db)], "is in use by another process"),
            (["refresh", "IV-11-c", "--base-url", mirror.base_url, "--db", str(p.db)], "another run holds"),
        ]
        others = [
            (
                subprocess.Popen(
                    [*treaties_cli, *argv],
                    env=p.env(),
                    cwd=p.root,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                ),
                expected,
            )
            for argv, expected in calls
        ]
        for other, expected in others:
            stdout, stderr = other.communicate(timeout=RUN_TIMEOUT_S)
            assert other.returncode == 1, (other.args, stdout, stderr)
            assert stderr.startswith("error: ") and stderr.count("\n") == 1, stderr
            assert expected in stderr, stderr
            assert "Traceback" not in stdout + stderr
        # Let the writer carry on; read in a loop meanwhile. The refresh opens the database per step, so
        # reads mostly get in between its pages (each page is one transaction: a read sees it whole or not
        # at all); the read after the writer is done sees the whole run.
        (p.root / "hold" / "go").touch()
        attempts = locked = during = 0
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while True:
            running = proc.poll() is None
            attempts += 1
            try:
                got = state(p.db)
            except StoreLocked as exc:
                one_line_in_use(exc, proc.pid)
                locked += 1
            else:
                if running:
                    during += 1
                else:
                    assert got == clean[1], "the read after the run is not the finished run's"
                    break
            assert time.monotonic() < deadline, child_output(p)
            time.sleep(0.05)
    finally:
        kill(proc)
    print(f"reads while the refresh ran: {attempts}, locked out: {locked}, got in: {during}")
    assert proc.returncode == 0, child_output(p)
    assert attempts > locked  # the last read, once the writer was done, saw the whole run


def test_a_refresh_started_while_a_reader_holds_the_database_fails_in_one_line(
    tmp_path: Path, mirror: MirrorServer, clean: tuple[Place, dict[str, object]]
) -> None:
    p = place(tmp_path / "run")
    refresh_in_process(p, mirror.base_url)
    with open_store(p.db, read_only=True):
        proc = start_child(p, mirror.base_url)
        try:
            proc.wait(timeout=RUN_TIMEOUT_S)
        finally:
            kill(proc)
    err = (p.root / "child.err").read_text()
    assert proc.returncode == 1, child_output(p)
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert f"is in use by another process (process {os.getpid()})" in err
    assert state(p.db) == clean[1]  # nothing changed, and it still opens
