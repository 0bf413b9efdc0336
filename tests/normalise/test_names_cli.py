"""`treaties names`: lists strings with codes, --unmapped lists only the missing ones, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from tests.pagemaker import EMPTY, cell, status_page

runner = CliRunner()


def _write(folder: Path, mtdsg_no: str, names: list[str]) -> Path:
    rows = [[f"{n}<br>", EMPTY, cell("5", "Feb", "2008", "a")] for n in names]
    page = status_page(mtdsg_no=mtdsg_no, rows=rows, status=f"Parties : {len(names)}")
    path = folder / f"{mtdsg_no}.html"
    path.write_bytes(page)
    return path


def test_lists_every_string_with_code_and_pages(tmp_path: Path) -> None:
    _write(tmp_path, "IV-98", ["Niger", "Nigeria", "Swaziland"])
    _write(tmp_path, "IV-99", ["Eswatini", "Niger"])
    result = runner.invoke(app, ["names", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = {r["name"]: r for r in map(json.loads, result.stdout.splitlines())}
    document = runner.invoke(app, ["names", str(tmp_path), "--format", "json"])
    assert [r["name"] for r in json.loads(document.stdout)] == sorted(records, key=str.casefold)
    assert set(records) == {"Eswatini", "Niger", "Nigeria", "Swaziland"}
    assert records["Niger"]["iso3"] == "NER" and records["Niger"]["count"] == 2
    assert records["Nigeria"]["iso3"] == "NGA"
    assert records["Swaziland"]["iso3"] == records["Eswatini"]["iso3"] == "SWZ"
    assert records["Swaziland"]["canonical_name"] == "Eswatini"
    assert records["Swaziland"]["pages"] == [f"{tmp_path.name}/IV-98.html"]


def test_unmapped_prints_nothing_and_exits_0_when_all_map(tmp_path: Path) -> None:
    page = _write(tmp_path, "IV-98", ["Holy See", "State of Palestine", "Côte d’Ivoire"])
    result = runner.invoke(app, ["names", str(page), "--unmapped"])
    assert result.exit_code == 0
    assert result.stdout == ""


def test_unmapped_lists_missing_strings_and_exits_1(tmp_path: Path) -> None:
    _write(tmp_path, "IV-98", ["Niger", "Ruritania", "Freedonia"])
    result = runner.invoke(app, ["names", str(tmp_path), "--unmapped"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["Freedonia", "Ruritania"]
    assert "2 of 3 participant strings have no code" in result.stderr


def test_table_and_csv_formats(tmp_path: Path) -> None:
    _write(tmp_path, "IV-98", ["Dominica", "Dominican Republic"])
    table = runner.invoke(app, ["names", str(tmp_path)])
    assert table.exit_code == 0
    assert [line.split()[-3] for line in table.stdout.splitlines()] == ["DMA", "DOM"]
    as_csv = runner.invoke(app, ["names", str(tmp_path), "--format", "csv"])
    assert as_csv.stdout.splitlines()[0] == "name,iso3,is_state,canonical_name,count,pages"
    assert as_csv.stdout.splitlines()[2].startswith("Dominican Republic,DOM,true,Dominican Republic,1,")


def test_missing_path_is_a_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["names", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1


def test_unparseable_page_fails(tmp_path: Path) -> None:
    _write(tmp_path, "IV-98", ["Niger"])
    (tmp_path / "junk.html").write_text("<html><body>Not a treaty</body></html>")
    result = runner.invoke(app, ["names", str(tmp_path)])
    assert result.exit_code == 1
    assert "Niger" in result.stdout and "error:" in result.stderr
