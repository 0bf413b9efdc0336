"""Every command's machine formats mean one thing: json is one valid document on stdout, jsonl and csv
carry the same records one per line, CSV booleans are true/false, and options apply to every format."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from pipeline.cli import app
from tests.store.test_cli import page

runner = CliRunner()
UN = "https://treaties.un.org/"
_ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("formats") / "pages"
    folder.mkdir()
    (folder / "old.html").write_bytes(page("15-01-2018 09:00:00 EST", fiji=False))
    (folder / "new.html").write_bytes(page("03-02-2026 10:16:18 EDT", fiji=True))
    return folder


@pytest.fixture(scope="module")
def db(pages: Path) -> Path:
    path = pages.parent / "t.duckdb"
    assert runner.invoke(app, ["import", str(pages), "--db", str(path)]).exit_code == 0
    return path


# Each command that offers --format, with arguments that give it something to print.
def _args(pages: Path, db: Path) -> dict[str, list[str]]:
    return {
        "status": ["status", "OPSC", "--db", str(db)],
        "asof": ["asof", "OPSC", "2020-01-01", "--db", str(db)],
        "diff": ["diff", "OPSC", "--db", str(db)],
        "country": ["country", "Bahamas", "--all", "--db", str(db)],
        "snapshots": ["snapshots", "OPSC", "--db", str(db)],
        "names": ["names", str(pages)],
        "parse": ["parse", str(pages)],
    }


LEFT_TO_OTHERS = {
    "check-claims",  # the claim checker's formats are its own (text, json, markdown)
    # Complaint procedures, objections and withdrawn reservations need pages of the human-rights treaties:
    # their formats go through the same checks on the real pages in tests/store/test_procedures.py.
    "procedures",
    "objections",
    "reservations",
}


def _offered() -> dict[str, list[str]]:
    group = typer.main.get_command(app)
    out = {}
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for p in command.params:
            if "--format" in getattr(p, "opts", []):
                out[name] = [str(getattr(c, "value", c)) for c in p.type.choices]
    return out


def test_every_command_with_formats_is_exercised(pages: Path, db: Path) -> None:
    assert set(_offered()) - LEFT_TO_OTHERS == set(_args(pages, db))


def _run(args: list[str], fmt: str) -> str:
    r = runner.invoke(app, [*args, "--format", fmt])
    assert r.exit_code == 0, (args, fmt, r.output)
    return r.stdout


def test_every_format_parses_and_jsonl_and_csv_carry_the_same_records(pages: Path, db: Path) -> None:
    offered = _offered()
    for name, args in _args(pages, db).items():
        formats = offered[name]
        if "json" in formats:
            json.loads(_run(args, "json"))  # one valid document: nothing else on stdout
        jsonl = (
            [json.loads(line) for line in _run(args, "jsonl").splitlines()] if "jsonl" in formats else None
        )
        if "csv" in formats:
            rows = list(csv.DictReader(io.StringIO(_run(args, "csv"))))
            assert jsonl is not None and len(rows) == len(jsonl) > 0, name
            for row, record in zip(rows, jsonl, strict=True):
                assert list(row) == list(record), name
                for k, v in record.items():
                    if isinstance(v, bool):
                        assert row[k] == ("true" if v else "false"), (name, k)
                    elif v is None:
                        assert row[k] == "", (name, k)
                    elif isinstance(v, list | dict):
                        assert json.loads(row[k]) == v, (name, k)
                    elif isinstance(v, str) and _ISO_TIME.fullmatch(v):  # a time: csv puts a space for the T
                        assert datetime.fromisoformat(row[k]) == datetime.fromisoformat(v), (name, k)
                    else:
                        assert row[k] == str(v), (name, k)


def test_records_are_one_per_participant_change_treaty_and_page(pages: Path, db: Path) -> None:
    a = _args(pages, db)
    status = [json.loads(x) for x in _run(a["status"], "jsonl").splitlines()]
    assert {r["iso3"] for r in status} == {"ALB", "BHS", "CHL", "FJI"}
    assert all(r["un_url"].startswith(UN) and r["mtdsg_no"] == "IV-11-c" for r in status)
    changes = [json.loads(x) for x in _run(a["diff"], "jsonl").splitlines()]
    assert {(c["iso3"], c["change"]) for c in changes} == {("BHS", "renamed"), ("FJI", "joined")}
    assert len(_run(a["parse"], "jsonl").splitlines()) == 2


def test_un_url_everywhere_and_no_path_of_this_machine(pages: Path, db: Path) -> None:
    a = _args(pages, db)
    doc = json.loads(_run(a["status"], "json"))
    assert doc["un_url"].startswith(UN) and doc["source"] == "new.html"
    assert json.loads(_run(a["asof"], "json"))["un_url"].startswith(UN)
    assert json.loads(_run(a["diff"], "json"))["un_url"].startswith(UN)
    assert all(r["un_url"].startswith(UN) for r in json.loads(_run(a["country"], "json")))
    snaps = json.loads(_run(a["snapshots"], "json"))
    assert [s["source"] for s in snaps] == ["old.html", "new.html"]
    assert all(s["un_url"].startswith(UN) and s["source_mirror_of"] is None for s in snaps)
    for name in ("status", "asof", "diff", "country", "snapshots"):
        for fmt in ("table", "json", "jsonl", "csv"):
            assert str(pages) not in _run(a[name], fmt), (name, fmt)


def test_all_applies_to_every_format(db: Path) -> None:
    some = json.loads(_run(["country", "Bahamas", "--db", str(db)], "json"))
    every = json.loads(_run(["country", "Bahamas", "--all", "--db", str(db)], "json"))
    assert len(some) <= len(every)
    assert {r["status"] for r in some} <= {"party", "signatory", "withdrawn"}
    lines = _run(["country", "Bahamas", "--db", str(db)], "csv").splitlines()
    assert len(lines) == len(some) + 1


def test_the_export_names_no_path_of_this_machine(pages: Path, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    assert runner.invoke(app, ["export", "--out", str(out), "--db", str(db)]).exit_code == 0
    texts = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir() if p.suffix in (".csv", ".json")}
    assert "snapshots.csv" in texts and all(str(pages) not in t for t in texts.values())
    snaps = list(csv.DictReader(io.StringIO(texts["snapshots.csv"])))
    assert sorted(r["source"] for r in snaps) == ["new.html", "old.html"]
    assert {r["un_url"] for r in csv.DictReader(io.StringIO(texts["treaties.csv"]))} == {
        "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-11-c&chapter=4&clang=_en"
    }
