"""Output that cannot carry control: a page's controls and bidi overrides never reach the site, the feeds,
the terminal or a CSV cell; formulas in the UN's text are neutralised in every CSV; oversize fields fail."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

from pipeline.fetch.rawstore import RawStore
from pipeline.parse import parse_page
from pipeline.parse.clean import MAX_LINE, clean_text
from pipeline.parse.model import ParseError, SourceRef
from pipeline.runs.export import export_tables
from pipeline.runs.importing import import_files
from pipeline.runs.reports import write_reports
from pipeline.spreadsheet import FORMULA_START, csv_safe, csv_safe_cell
from pipeline.store import open_store
from tests.pagemaker import cell, status_page

ESC_TITLE = '=HYPERLINK("http://127.0.0.1/x")\x1b[31m Convention\x07 on \u202eTesting\u009b'
# What no output file or terminal line may hold: C0 (but TAB, LF, CR), DEL, C1, bidi overrides/isolates.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CLI = [sys.executable, "-c", "from pipeline.cli import main; main()"]


def hostile_page(title: str = ESC_TITLE) -> bytes:
    page = status_page(
        mtdsg_no="IV-91",
        title=title,
        rows=[["Alb\x1bania\u202e", cell("1", "Jan", "2000"), cell("2", "Feb", "2001")]],
        status="Signatories :\n 1.    Parties :\n 1",
        notes=[("1", "note\x1b[0m one\u2066")],
    )
    return page.replace(b"New York", b"@SUM(1+1) New York")


def test_text_is_cleaned_at_parse_time() -> None:
    s = parse_page(hostile_page(), source=SourceRef("hostile.html"))
    assert s.title == '=HYPERLINK("http://127.0.0.1/x")[31m Convention on Testing'
    assert [p.name for p in s.participants] == ["Albania"]  # cleaned, then it resolves
    assert s.end_notes[0].text == "note[0m one"
    assert clean_text("a\tb\r\nc\u200fd") == "a\tb\nc\u200fd"  # lines and bidi marks are data
    assert clean_text("a\tb\nc", one_line=True) == "a b c"


def test_a_title_over_a_few_kilobytes_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match=f"title is {MAX_LINE + 1} characters long"):
        parse_page(hostile_page("T" * (MAX_LINE + 1)), source=SourceRef("big.html"))


@pytest.mark.parametrize(
    ("cell_text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+A1", "'+A1"),
        ("-A1", "'-A1"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-5", "-5"),
        ("+3.25", "+3.25"),
        ("-1e3", "-1e3"),
        ("Geneva", "Geneva"),
    ],
)
def test_the_owasp_rule_with_real_numbers_excepted(cell_text: str, safe: str) -> None:
    assert csv_safe_cell(cell_text) == safe


def test_csv_safe_keeps_numbers_and_categories() -> None:
    df = pd.DataFrame({"n": [-1, 2], "t": ["=x", None], "c": pd.Categorical(["@a", "b"])})
    out = csv_safe(df)
    assert out["n"].tolist() == [-1, 2] and out["t"].tolist()[0] == "'=x" and pd.isna(out["t"][1])
    assert out["c"].tolist() == ["'@a", "b"]


@pytest.fixture
def hostile_store(tmp_path: Path) -> Path:
    page = tmp_path / "pages" / "IV-91.html"
    page.parent.mkdir()
    page.write_bytes(hostile_page())
    db = tmp_path / "t.duckdb"
    with open_store(db) as store:
        assert import_files([page], store, RawStore(tmp_path / "raw"), captured_at=None).ok
    return db


def _cells(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as f:
        return [c for row in csv.reader(f) for c in row]


def test_site_feeds_export_and_terminal_carry_no_control_and_no_formula(
    hostile_store: Path, tmp_path: Path
) -> None:
    site, package = tmp_path / "site", tmp_path / "package"
    with open_store(hostile_store, read_only=True) as store:
        write_reports(store, site, io.StringIO())
        export_tables(store, package)
    files = [
        p
        for p in [*site.rglob("*"), *package.rglob("*")]
        if p.is_file() and p.suffix not in (".parquet", ".xlsx")
    ]
    assert any(p.suffix == ".atom" for p in files) and any(p.suffix == ".csv" for p in files)
    for p in files:
        text = p.read_bytes().decode("utf-8", "replace")
        assert not FORBIDDEN.search(text), p
        if p.suffix == ".atom":
            etree.fromstring(p.read_bytes())  # every feed is well-formed XML
    csvs = [p for p in files if p.suffix == ".csv"]
    cells = [c for p in csvs for c in _cells(p)]
    assert any(c.startswith("'=HYPERLINK") for c in cells) and any(c.startswith("'@SUM") for c in cells)
    for c in cells:
        assert not c.startswith(FORMULA_START) or re.fullmatch(r"[+-]?[\d.]+(e[+-]?\d+)?", c), c

    env = {**os.environ, "TREATIES_DB": str(hostile_store)}
    for argv, shown in (
        (["status", "IV-91"], "Convention on Testing"),
        (["status", "IV-91", "--format", "csv"], "Albania"),
        (["diff", "IV-91"], "IV-91"),
    ):
        done = subprocess.run([*CLI, *argv], env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert shown in done.stdout
        assert not FORBIDDEN.search(done.stdout + done.stderr)
