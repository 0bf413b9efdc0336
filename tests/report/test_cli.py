"""`treaties report`: writes the site from a database; user errors are one line, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def test_report_writes_the_site(real_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = runner.invoke(app, ["report", "--db", str(real_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"report: {out / 'index.html'}" in result.output
    again = runner.invoke(app, ["report", "--db", str(real_db), "--out", str(out)])
    assert again.exit_code == 0 and "written 0, unchanged " in again.output and "removed 0)" in again.output
    assert "178 parties and 122 signatories" in (out / "treaty" / "IV-11-c.html").read_text()
    assert (out / "matrix.xlsx").stat().st_size > 0


@pytest.mark.parametrize("make_db", [False, True])
def test_report_without_data_is_one_line(tmp_path: Path, make_db: bool) -> None:
    db = tmp_path / "empty.duckdb"
    if make_db:
        from pipeline.store import open_store

        with open_store(db):
            pass
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(tmp_path / "r")])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "r" / "index.html").exists()


def test_every_option_has_help() -> None:
    result = runner.invoke(app, ["report", "--help"])
    assert result.exit_code == 0
    for option in ("--out", "--db", "--screenshots"):
        assert option in result.output
