"""The store commands: import, status, asof, diff, country, export, and their one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.store.schema import migrate
from tests.pagemaker import EMPTY, cell, status_page
from tests.store.helpers import writer_holding

runner = CliRunner()


def page(at: str, *, fiji: bool) -> bytes:
    rows = [
        ["Albania", EMPTY, cell("5", "Feb", "2008", "a")],
        ["Bahamas (The)" if fiji else "Bahamas", EMPTY, cell("28", "Sep", "2015", "a")],
        ["Chile", cell("6", "Sep", "2000"), EMPTY],
    ]
    if fiji:
        rows.insert(3, ["Fiji", EMPTY, cell("9", "Mar", "2021")])
    n = 3 if fiji else 2
    return status_page(
        mtdsg_no="IV-11-c", rows=rows, status=f"Signatories :\n 1.    Parties :\n {n}", status_at=at
    )


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    old, new = tmp_path / "pages" / "old", tmp_path / "pages" / "new"
    old.mkdir(parents=True)
    new.mkdir(parents=True)
    (old / "IV-11-c.html").write_bytes(page("15-01-2018 09:00:00 EST", fiji=False))
    (new / "IV-11-c.html").write_bytes(page("03-02-2026 10:16:18 EDT", fiji=True))
    path = tmp_path / "t.duckdb"
    r = run("import", old, new, "--db", path)
    assert r.exit_code == 0, r.output
    assert "saved 2, unchanged 0, failed 0" in r.output
    return path


def error_line(result) -> str:
    assert result.exit_code != 0
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_import_again_is_unchanged(db, tmp_path):
    r = run("import", tmp_path / "pages", "--db", db)
    assert r.exit_code == 0 and "saved 0, unchanged 2, failed 0" in r.output


def test_import_reports_a_failed_page_and_carries_on(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-bad.html").write_bytes(b"<html><body>Not a treaty page</body></html>")
    (folder / "b-good.html").write_bytes(page("03-02-2026 10:16:18 EDT", fiji=True))
    r = run("import", folder, "--db", tmp_path / "x.duckdb")
    assert r.exit_code == 1
    assert "saved 1, unchanged 0, failed 1" in r.output
    assert r.stderr.count("a-bad.html") == 1 and "Traceback" not in r.output  # named once, not repeated


def test_import_xml_requires_captured(tmp_path):
    f = tmp_path / "IV-11-c.xml"
    f.write_bytes(b"<Document/>")
    assert "--captured" in error_line(run("import", f, "--db", tmp_path / "x.duckdb"))


def test_malformed_dates_are_one_line_errors(db, tmp_path):
    assert "not a date" in error_line(
        run("import", tmp_path / "pages", "--captured", "15/01/2018", "--db", db)
    )
    assert "not a date" in error_line(run("asof", "OPSC", "2020-13-01", "--db", db))
    assert "not a date" in error_line(run("diff", "OPSC", "--from", "yesterday", "--db", db))


def test_unknown_treaty_suggests_close_matches(db):
    line = error_line(run("status", "OPSX", "--db", db))
    assert "unknown treaty 'OPSX'" in line and "OPSC" in line
    assert "not in the database" in error_line(run("asof", "CRC", "2020-01-01", "--db", db))


def test_status_formats(db):
    data = json.loads(run("status", "opsc", "--format", "json", "--db", db).output)
    assert (data["mtdsg_no"], data["parties"], data["signatories"]) == ("IV-11-c", 3, 1)
    assert [p["iso3"] for p in data["participants"]] == ["ALB", "BHS", "CHL", "FJI"]
    csv = run("status", "IV-11-c", "--format", "csv", "--db", db).output.splitlines()
    assert csv[0].startswith("iso3,name,") and len(csv) == 5
    table = run("status", "IV-11-c", "--db", db).output
    assert "3 parties, 1 signatories" in table and "Bahamas" in table


def test_asof_json_shape(db):
    r = run("asof", "IV-11-c", "2020-01-01", "--format", "json", "--db", db)
    data = json.loads(r.output)
    assert list(data) == [
        "mtdsg_no", "un_url", "date", "parties", "signatories", "signed_not_party", "participants_listed",
        "basis", "snapshot_id", "uncertain", "parties_range", "signatories_range", "scheduled",
        "known_events", "caveats", "has_signature_procedure",
    ]  # fmt: skip
    assert (data["date"], data["parties"], data["signatories"]) == ("2020-01-01", 2, 1)
    assert "2026-02-03" in data["basis"]


def test_diff_json_and_table(db):
    data = json.loads(run("diff", "OPSC", "--format", "json", "--db", db).output)
    assert (data["from"], data["to"]) == ("2018-01-15", "2026-02-03")
    assert data["counts_before"] == {"parties": 2, "signatories": 1}
    assert {(c["iso3"], c["change"]) for c in data["changes"]} == {("BHS", "renamed"), ("FJI", "joined")}
    assert "Bahamas (The)" in run("diff", "OPSC", "--db", db).output
    csv = run("diff", "OPSC", "--format", "csv", "--db", db).output.splitlines()
    assert csv[0] == "iso3,name,change,before,after,effective,rule,mtdsg_no,from,to,un_url" and len(csv) == 3


def test_country_and_export(db, tmp_path):
    data = json.loads(run("country", "Bahamas (The)", "--format", "json", "--db", db).output)
    assert [(r["mtdsg_no"], r["iso3"], r["status"]) for r in data] == [("IV-11-c", "BHS", "party")]
    assert "no participant matches" in error_line(run("country", "Atlantis", "--db", db))
    r = run("export", "--out", tmp_path / "out", "--db", db)
    assert r.exit_code == 0
    tables = ("treaties", "latest_status", "history", "snapshots", "events", "matrix", "procedures")
    assert {p.name for p in (tmp_path / "out").iterdir()} == {
        f"{s}.{x}" for s in tables for x in ("parquet", "csv")
    } | {"datapackage.json", "CHANGELOG.md"}


def test_locked_database_is_a_one_line_error(db):
    with writer_holding(Path(db)):
        assert "in use by another process" in error_line(run("status", "OPSC", "--db", db))


def test_database_from_an_older_schema(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    migrate(con, target=1)
    con.close()
    assert "has schema version 1, this program needs" in error_line(run("status", "OPSC", "--db", path))
    f = tmp_path / "IV-11-c.html"
    f.write_bytes(page("03-02-2026 10:16:18 EDT", fiji=True))
    assert run("import", f, "--db", path).exit_code == 0  # opening for writing migrates it
    assert json.loads(run("asof", "OPSC", "2022-01-01", "-f", "json", "--db", path).output)["parties"] == 3


def test_missing_database_is_a_one_line_error(tmp_path):
    assert "no database" in error_line(run("status", "OPSC", "--db", tmp_path / "none.duckdb"))


def test_import_of_a_folder_without_pages_is_one_clear_line(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(app, ["import", str(tmp_path / "empty"), "--db", str(tmp_path / "t.duckdb")])
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == f"error: {tmp_path / 'empty'}: folder holds no pages (.html, .htm, .aspx or .xml)"
    )
