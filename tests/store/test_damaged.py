"""Damaged or foreign input gets one line and loses nothing: a SQLite file as the database, a file name
that is not UTF-8, a page dated in the future, a capture date in the future."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.fetch.rawstore import RawStore
from pipeline.runs.importing import import_files
from pipeline.store import StoreError, open_store
from tests.pagemaker import EMPTY, cell, status_page

runner = CliRunner()


def _page(at: str = "03-02-2026 10:16:18 EDT") -> bytes:
    rows = [["Albania", EMPTY, cell("5", "Feb", "2008", "a")]]
    return status_page(
        mtdsg_no="IV-11-c", rows=rows, status="Signatories :\n 0.    Parties :\n 1", status_at=at
    )


def _one_error_line(result) -> str:
    assert result.exit_code != 0
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_a_sqlite_file_is_refused_without_touching_the_network(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE t (x)")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="cannot open the database"):
        with open_store(path, read_only=True):
            pass
    line = _one_error_line(runner.invoke(app, ["status", "OPSC", "--db", str(path)]))
    assert str(path) in line
    assert path.read_bytes() == before


def test_a_file_name_that_is_not_utf8_still_imports(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    name = os.fsdecode(b"IV-11-c-\xe9.html")  # latin-1 "é": not UTF-8
    (folder / name).write_bytes(_page())
    raw = RawStore(tmp_path / "raw")
    with open_store(tmp_path / "t.duckdb") as store:
        report = import_files([folder / name], store, raw, captured_at=None)
        assert report.ok, report.results
        source = store.snapshots("IV-11-c").iloc[0]["source"]
    assert source.endswith("IV-11-c-\ufffd.html")
    assert raw.verify() == []


def test_a_page_dated_in_the_future_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.html", tmp_path / "bad.html"
    good.write_bytes(_page())
    bad.write_bytes(_page("03-02-2099 10:16:18 EDT"))
    db = tmp_path / "t.duckdb"
    assert runner.invoke(app, ["import", str(good), "--db", str(db)]).exit_code == 0
    r = runner.invoke(app, ["import", str(bad), "--db", str(db)])
    assert r.exit_code == 1 and "in the future" in r.stderr
    with open_store(db, read_only=True) as store:
        assert [d.year for d in store.snapshots("IV-11-c")["as_at"]] == [2026]


def test_a_capture_date_in_the_future_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "IV-11-c.html"
    page.write_bytes(_page())
    line = _one_error_line(
        runner.invoke(
            app, ["import", str(page), "--captured", "2030-01-01", "--db", str(tmp_path / "t.duckdb")]
        )
    )
    assert "cannot be in the future" in line
    assert not (tmp_path / "t.duckdb").exists()
