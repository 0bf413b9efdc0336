"""`treaties parse`: summary lines, --json objects, one-line errors and exit codes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pipeline.cli import app
from tests.pagemaker import EMPTY, cell, status_page

runner = CliRunner()


def test_summary_line_per_page(html_dir):
    result = runner.invoke(app, ["parse", str(html_dir / "IV-11-c.html"), str(html_dir / "IV-5.html")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("IV-11-c\t2026-02-03T10:16:18-04:00")
    assert "parties declared 178 counted 178" in lines[0] and lines[0].endswith("\treconciles yes")
    assert lines[2] == "2 pages: reconcile yes 2, no 0, n/a 0; failed 0"


def test_json_fields(html_dir):
    result = runner.invoke(app, ["parse", "--json", str(html_dir / "IV-11-c.html")])
    assert result.exit_code == 0, result.output
    (obj,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert obj["mtdsg_no"] == "IV-11-c" and obj["source_kind"] == "html"
    assert obj["status_as_at"].startswith("2026-02-03T10:16:18")
    assert obj["declared"] == {"signatories": 122, "parties": 178}
    assert obj["counted"] == {"signatories": 122, "parties": 178}
    assert obj["reconciliation"] == []
    belgium = next(p for p in obj["participants"] if p["name"] == "Belgium")
    assert belgium["footnotes"] == ["1"] and belgium["has_declarations"] is True
    assert belgium["signature"]["date"] == "2000-09-06" and belgium["consent"]["type"] == "ratification"
    assert belgium["withdrawn"] is False
    assert belgium["iso3"] == "BEL" and belgium["is_state"] is True


def test_folder_with_a_bad_page_exits_1_with_one_line_per_failure(tmp_path):
    (tmp_path / "good.html").write_bytes(
        status_page(rows=[["Albania<br>", EMPTY, cell("5", "Feb", "2008", "a")]], status="Parties : 1")
    )
    (tmp_path / "bad.html").write_bytes(b"<html><body>No treaty here</body></html>")
    result = runner.invoke(app, ["parse", str(tmp_path)])
    assert result.exit_code == 1
    assert "IV-99" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line]
    assert len(errors) == 1 and "bad.html: not a treaty status page" in errors[0]


def test_missing_path_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.html")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.html'}: no such file or folder"
