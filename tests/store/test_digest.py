"""Reruns decided by digests: a fix to the name table (or the parse and normalise code) reaches the pages
already stored on the next import, without fetching anything, and only once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pipeline
from pipeline.store import open_store
from pipeline.store.pages import DIGESTED, inputs_digest
from tests.store.test_cli import page


def treaties(code_root: Path, *args: str | Path, env: dict[str, str]) -> str:
    """The console entry point run on the `pipeline` package found under code_root."""
    done = subprocess.run(
        [sys.executable, "-c", "from pipeline.cli import main; main()", *map(str, args)],
        env={**env, "PYTHONPATH": str(code_root)},
        cwd=code_root.parent,  # `python -c` puts the working folder first on sys.path: not the checkout
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_editing_the_name_table_rereads_the_stored_pages(tmp_path: Path) -> None:
    env = {**os.environ, "TREATIES_RAW_DIR": str(tmp_path / "raw")}
    pages, db = tmp_path / "pages", tmp_path / "t.duckdb"
    pages.mkdir()
    (pages / "old.html").write_bytes(page("15-01-2018 09:00:00 EST", fiji=False))
    (pages / "new.html").write_bytes(page("03-02-2026 10:16:18 EDT", fiji=True))
    ours = Path(pipeline.__file__).parent.parent
    assert "saved 2, unchanged 0, failed 0" in treaties(ours, "import", pages, "--db", db, env=env)

    # A copy of the code whose name table gives Fiji another (made-up) code.
    edited = tmp_path / "edited"
    shutil.copytree(ours / "pipeline", edited / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    names = edited / "pipeline" / "normalise" / "names.csv"
    text = names.read_text(encoding="utf-8")
    assert "\nFiji,FJI,true,state,Fiji,," in text
    names.write_text(text.replace("\nFiji,FJI,", "\nFiji,XFJ,"), encoding="utf-8")
    raw_before = sorted(p.name for p in (tmp_path / "raw").rglob("*") if p.is_file())

    out = treaties(edited, "import", pages, "--db", db, env=env)
    assert "failed 0" in out and "saved 2" in out  # both pages read again, in place
    with open_store(db, read_only=True) as store:
        codes = set(store.participants("IV-11-c")["iso3"])
        snaps = store.snapshots("IV-11-c")
    assert "XFJ" in codes and "FJI" not in codes
    assert len(snaps) == 2 and snaps["parser_version"].nunique() == 1
    assert sorted(p.name for p in (tmp_path / "raw").rglob("*") if p.is_file()) == raw_before

    # Under the new key the same bytes are known: not read a third time.
    assert "saved 0, unchanged 2, failed 0" in treaties(edited, "import", pages, "--db", db, env=env)


def test_the_digest_covers_code_and_tables(tmp_path: Path) -> None:
    root = tmp_path / "normalise"
    root.mkdir()
    (root / "names.csv").write_text("name,iso3\nFiji,FJI\n", encoding="utf-8")
    (root / "page.py").write_text("X = 1\n", encoding="utf-8")
    first = inputs_digest([root])
    (root / "names.csv").write_text("name,iso3\nFiji,XFJ\n", encoding="utf-8")
    second = inputs_digest([root])
    (root / "page.py").write_text("X = 2\n", encoding="utf-8")
    assert len({first, second, inputs_digest([root])}) == 3
    assert {p.name for p in DIGESTED} >= {"parse", "normalise"}
