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
    result = runner.invoke(app, ["parse", "--format", "jsonl", str(html_dir / "IV-11-c.html")])
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
    assert result.stdout.strip().splitlines()[-1] == "2 pages: reconcile yes 1, no 0, n/a 0; failed 1"


def test_missing_path_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.html")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.html'}: no such file or folder"


def test_free_text_totals_print_n_a_with_the_text_and_a_summary(xml_dir):
    result = runner.invoke(
        app, ["parse", str(xml_dir / "I-4.xml"), str(xml_dir / "IX-1-a.xml"), str(xml_dir / "VII-9.xml")]
    )
    assert result.exit_code == 0, result.output
    i4, ix1a, vii9, summary = result.stdout.strip().splitlines()
    assert "parties declared 66 counted 0" in i4 and "reconciles n/a (the page lists no participants" in i4
    assert "'States parties having accepted the jurisdiction of the Court: 66.'" in i4
    assert ix1a.endswith("reconciles n/a (no total declared; the status is given as text: 'Parties*')")
    assert "\treconciles no: parties: counted 54, declared 53" in vii9 and "(rows: Czech Republic" in vii9
    assert summary == "3 pages: reconcile yes 0, no 1, n/a 2; failed 0"


def test_json_mode_keeps_stdout_json_and_sums_up_on_stderr(html_dir):
    result = runner.invoke(app, ["parse", "--format", "jsonl", str(html_dir / "IV-5.html")])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["mtdsg_no"] for line in result.stdout.splitlines()] == ["IV-5"]
    assert result.stderr.strip() == "1 pages: reconcile yes 1, no 0, n/a 0; failed 0"
