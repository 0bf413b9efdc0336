"""What people see: tables that fit an 80-column terminal and stay whole in pipes and files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.store.test_cli import page

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "old.html").write_bytes(page("15-01-2018 09:00:00 EST", fiji=False))
    (pages / "new.html").write_bytes(page("03-02-2026 10:16:18 EDT", fiji=True))
    path = tmp_path / "t.duckdb"
    assert runner.invoke(app, ["import", str(pages), "--db", str(path)]).exit_code == 0
    return path


def test_status_fits_80_columns_on_a_terminal_without_cutting_a_date(db: Path, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich draws for a terminal
    r = runner.invoke(app, ["status", "OPSC", "--db", str(db)])
    assert r.exit_code == 0, r.output
    table = ANSI.sub("", r.output).split("source:", 1)[1].splitlines()[1:]
    assert table and all(len(line) <= 80 for line in table), table
    for value in ("2008-02-05", "2015-09-28", "2000-09-06", "2021-03-09", "ALB", "BHS", "CHL", "FJI"):
        assert value in r.output
    assert "…" not in r.output


def test_country_piped_is_plain_and_whole(db: Path) -> None:
    r = runner.invoke(app, ["country", "Bahamas", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Bahamas (The) (BHS)")
    row = next(line for line in r.output.splitlines() if line.startswith("IV-11-c"))
    assert "party" in row and "2015-09-28" in row and "2026-02-03" in row and "T00:00" not in row
    assert "│" not in r.output and "…" not in r.output


def test_diff_to_a_file_keeps_every_value(db: Path) -> None:
    r = runner.invoke(app, ["diff", "IV-11-c", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "parties 2 -> 3" in r.output
    lines = r.output.splitlines()
    assert any(line.startswith("BHS") and "renamed" in line and "Bahamas (The)" in line for line in lines)
    assert any(line.startswith("FJI") and "joined" in line and "2021-03-09" in line for line in lines)


@pytest.mark.parametrize("name", ["United States", "UK", "Russia", "Cote d'Ivoire", "EU", "Vatican"])
def test_country_answers_the_names_people_type(db: Path, name: str) -> None:
    # These participants are in no treaty of this small database: the answer names them, in one line.
    r = runner.invoke(app, ["country", name, "--db", str(db)])
    assert r.exit_code == 1 and "takes part in no treaty" in r.stderr
    assert "no participant matches" not in r.stderr and "Traceback" not in r.output


def test_country_atlantis_suggests_in_one_line(db: Path) -> None:
    r = runner.invoke(app, ["country", "Atlantis", "--db", str(db)])
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert r.exit_code == 1 and len(lines) == 1 and "did you mean" in lines[0]
