"""`export` is atomic: staged beside the target and swapped in, so SIGTERM mid-export leaves the previous
package whole, and the next export clears the killed one's staging folder."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.fetch.rawstore import RawStore
from pipeline.runs.export import ExportError, export_tables
from pipeline.runs.importing import import_files
from pipeline.store import open_store
from tests.fetch.conftest import hand_page

CHILD = Path(__file__).with_name("export_child.py")
REPO = Path(__file__).resolve().parents[2]


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _store(tmp_path: Path, treaties: list[str]) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir(exist_ok=True)
    for t in treaties:
        (pages / f"{t}.html").write_bytes(hand_page(t))
    db = tmp_path / "t.duckdb"
    with open_store(db) as store:
        assert import_files(sorted(pages.iterdir()), store, RawStore(tmp_path / "raw"), captured_at=None).ok
    return db


def test_sigterm_during_export_leaves_the_previous_package_whole(tmp_path: Path) -> None:
    db = _store(tmp_path, ["IV-91"])
    out = tmp_path / "package"
    out.mkdir()
    (out / ".gitkeep").write_text("")
    with open_store(db, read_only=True) as store:
        export_tables(store, out)
    before = _digests(out)
    assert "treaties.csv" in before and ".gitkeep" in before

    _store(tmp_path, ["IV-91", "IV-92"])  # the next export would differ in every table
    hold = tmp_path / "held"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, str(CHILD), str(db), str(out), str(hold), "3"], env=env)
    try:
        end = time.monotonic() + 30
        while not hold.exists():
            assert child.poll() is None and time.monotonic() < end, "the export never reached its hold point"
            time.sleep(0.05)
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGTERM
    assert _digests(out) == before  # not one file of the killed export
    assert list(tmp_path.glob(".package.staging-*"))  # its staging folder was left by the kill

    with open_store(db, read_only=True) as store:
        written = export_tables(store, out)
    after = _digests(out)
    assert set(after) == set(before) and after["treaties.csv"] != before["treaties.csv"]
    assert all(p.parent == out for p in written)
    assert list(tmp_path.glob(".package.*")) == []  # the killed staging folder is gone too


def test_a_folder_with_subfolders_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = _store(tmp_path, ["IV-91"])
    out = tmp_path / "mine"
    (out / "photos").mkdir(parents=True)
    (out / "notes.txt").write_text("keep me")
    with open_store(db, read_only=True) as store:
        with pytest.raises(ExportError, match="holds folders export did not write"):
            export_tables(store, out)
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "photos"]
