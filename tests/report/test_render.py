"""The rendered site from hand-made frames: pages, headline, escaping, matrix files, README, no network."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl

from pipeline.report import render_site
from pipeline.report.site import change_summary, headline
from tests.report.conftest import EVIL_DECLARATION, EVIL_NAME, EVIL_NOTE, FakeStore


def _rows(html: str, table_id: str) -> list[str]:
    body = re.search(rf'<table id="{table_id}".*?<tbody>(.*?)</tbody>', html, re.S)
    assert body, f"no table {table_id}"
    return re.findall(r"<tr\b.*?</tr>", body.group(1), re.S)


def test_site_files(fake_site: Path) -> None:
    site = fake_site.parent
    for rel in [
        "index.html",
        "matrix.html",
        "matrix.csv",
        "matrix.xlsx",
        "README.md",
        "static/site.css",
        "static/site.js",
        "static/world.js",
        "treaty/IV-99.html",
        "treaty/IV-99-timeline.svg",
        "treaty/V-2.html",
        "treaty/IV-2.html",
        "country/FRA.html",
        "country/RUR.html",
    ]:
        assert (site / rel).stat().st_size > 0, rel


def test_index_lists_every_treaty_in_un_order(fake_site: Path) -> None:
    html = fake_site.read_text()
    rows = _rows(html, "treaties") + _rows(html, "older-treaties")
    assert len(rows) == 3
    # IV-2 before IV-99: the UN's numeric order, not string order; V-2, last seen in 2018, in its own table.
    assert "treaty/IV-2.html" in rows[0] and "treaty/IV-99.html" in rows[1] and "treaty/V-2.html" in rows[2]
    assert "+1 party, +1 signatory since 15 January 2018" in rows[1]
    assert "first snapshot" in rows[0]
    assert "Latest snapshot: status as at 3 February 2026" in html
    assert "15 January 2018" in rows[2]  # the older table says each row's date


def test_treaty_page_headline_source_and_tables(fake_site: Path) -> None:
    html = (fake_site.parent / "treaty" / "IV-99.html").read_text()
    assert "As at 3 February 2026, 2 parties and 2 signatories." in html
    assert 'href="https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&amp;mtdsg_no=IV-99"' in html
    assert len(_rows(html, "participants")) == 4
    assert 'class="worldmap"' in html and 'src="IV-99-timeline.svg"' in html
    assert '<script src="../static/world.js">' in html  # the outlines, once for the whole site
    # Footnotes on demand, with the end note's text.
    assert "<details>" in html and "For the Kingdom of France." in html
    assert "15 January 2018 to 3 February 2026" in html  # the changes between snapshots


def test_treaty_without_signature_column_has_no_signatories_in_headline(fake_site: Path) -> None:
    html = (fake_site.parent / "treaty" / "IV-2.html").read_text()
    assert "As at 3 February 2026, 1 party." in html
    assert "signator" not in re.search(r'id="headline">(.*?)<', html).group(1)


def test_markup_from_pages_is_escaped_everywhere(fake_site: Path) -> None:
    site = fake_site.parent
    pages = [
        site / "index.html",
        site / "matrix.html",
        site / "treaty" / "IV-99.html",
        site / "treaty" / "IV-2.html",
        site / "country" / "RUR.html",
        site / "country" / "FRA.html",
        site / "treaty" / "V-2.html",
    ]
    for page in pages:
        html = page.read_text()
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html, page
        assert "<i>Two</i>" not in html and "<b>bold</b>" not in html, page
    treaty = (site / "treaty" / "IV-99.html").read_text()
    assert "Ruritania &lt;script&gt;alert(&#34;name&#34;)&lt;/script&gt;" in treaty
    assert "&lt;script&gt;alert(&#34;declaration&#34;)&lt;/script&gt; &lt;img src=x" in treaty
    assert "&lt;b&gt;bold&lt;/b&gt; note &amp; more" in treaty
    assert "Convention &lt;i&gt;Two&lt;/i&gt;" in (site / "index.html").read_text()
    # The map's data (a participant's name is its tooltip) sits in an attribute, escaped.
    data_map = re.search(r"data-map='([^']*)'", treaty).group(1)
    assert "<" not in data_map and '"fr": ["p", "France"]' in data_map
    assert EVIL_DECLARATION and EVIL_NOTE and EVIL_NAME  # the fixtures really carry markup


def test_no_text_output_carries_markup_raw(fake_site: Path) -> None:
    """A planted <script> in a title or a name never comes out raw: HTML, SVG, JS and README.md alike.
    (matrix.csv/.xlsx are data, read as plain text by design, and hold the name as it is.)"""
    site = fake_site.parent
    checked = 0
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".svg", ".js", ".md", ".json"):
            text = path.read_text()
            assert "<script>alert" not in text and "<i>Two</i>" not in text, path
            checked += 1
    assert checked > 10
    readme = (site / "README.md").read_text()
    assert "&lt;script&gt;alert" in readme


def test_only_our_own_scripts_run(fake_site: Path) -> None:
    """No inline script: site.js on every page, and world.js (the map's outlines) on treaty pages."""
    site = fake_site.parent
    for page in site.rglob("*.html"):
        html = page.read_text()
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert scripts and all(re.fullmatch(r'<script src="(\.\./)?static/\w+\.js">', t) for t in scripts), (
            page
        )
        assert "static/site.js" in scripts[-1], page


def test_nothing_loads_from_the_network(fake_site: Path) -> None:
    """No CDN: every src/href of a page and every reference in an SVG is local (the source link aside)."""
    site = fake_site.parent
    for page in site.rglob("*.html"):
        html = page.read_text()
        for attr, url in re.findall(r'\b(src|href)="([^"]*)"', html):
            if url.startswith(("http://", "https://", "//")):
                assert attr == "href" and url.startswith("https://treaties.un.org/"), (page, url)
        assert "@import" not in html
    for svg in site.rglob("*.svg"):
        text = svg.read_text()
        assert not re.search(r'(?:href|src)="(?:https?:)?//', text), svg
        assert "cdn" not in text.lower() and "<script" not in text, svg
    css = (site / "static" / "site.css").read_text()
    assert "url(" not in css and "@import" not in css


def test_matrix_csv_and_xlsx_shape(fake_site: Path) -> None:
    site = fake_site.parent
    with (site / "matrix.csv").open(newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["iso3", "name", "IV-2", "IV-99", "V-2"]  # treaties in UN order
    assert len(rows) == 1 + 4
    by_iso = {r[0]: r for r in rows[1:]}
    # V-2's snapshot lists nobody: "unknown", never the blank of "no action".
    assert by_iso["FRA"][2:] == ["party 1990", "party 2003", "unknown"]
    assert by_iso["FJI"][2:] == ["", "signed 2005", "unknown"]
    ws = openpyxl.load_workbook(site / "matrix.xlsx").active
    values = [[c if c is not None else "" for c in r] for r in ws.iter_rows(values_only=True)]
    assert values == rows
    assert len(_rows((site / "matrix.html").read_text(), "matrix")) == 4


def test_readme_headline_table(fake_site: Path) -> None:
    md = (fake_site.parent / "README.md").read_text()
    lines = [line for line in md.splitlines() if line.startswith("| [")]
    assert len(lines) == 3
    assert lines[1].startswith(
        "| [TEST](treaty/IV-99.html) (IV-99) | Convention on Testing | 2 | 2 | 2026-02-03 |"
    )
    assert "| [IV-2](treaty/IV-2.html) | Convention &lt;i&gt;Two&lt;/i&gt; | 1 |  |" in lines[0]
    # Declared totals of a treaty whose participants are not listed, and n/a, never "yes".
    assert "| [V-2](treaty/V-2.html) |" in lines[2] and "| 146 | 19 | 2018-01-15 |" in lines[2]
    assert "| n/a: header-only page" in lines[2]


def test_country_page_lists_every_treaty(fake_site: Path) -> None:
    html = (fake_site.parent / "country" / "FJI.html").read_text()
    rows = _rows(html, "country-treaties")
    assert len(rows) == 1 and "signatory" in rows[0] and "treaty/IV-99.html" in rows[0]
    # The treaties it has not acted on are listed apart, so every tracked treaty appears once.
    no_action = html.split('id="no-action"')[1].split("</details>")[0]
    assert "No action on 1 tracked treaty" in no_action and "treaty/IV-2.html" in no_action
    assert "Party to 0, signed but not a party to 1 of the 2 tracked treaties whose participants" in html
    # The treaty that lists nobody is counted apart, never as "no action".
    assert "Status unknown for 1 treaty" in html and "treaty/V-2.html" not in no_action
    assert "treaty/V-2.html" in html.split('id="unknown"')[1]


def test_rerender_is_byte_identical(tmp_path: Path) -> None:
    a = render_site(FakeStore(), tmp_path / "a").parent
    b = render_site(FakeStore(), tmp_path / "b").parent
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())  # the XLSX too
    assert files
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_headline_and_change_wording() -> None:
    info = {
        "as_at": "2026-02-03T10:16:18",
        "parties": 1,
        "signatories": 1,
        "has_signature_column": True,
        "participants_complete": True,
    }
    assert headline(info) == "As at 3 February 2026, 1 party and 1 signatory"
    info.update(previous_as_at="2018-01-15", previous_parties=3, previous_signatories=1)
    assert change_summary(info) == "-2 parties since 15 January 2018"
    info.update(previous_parties=1)
    assert change_summary(info) == "no change since 15 January 2018"


def test_a_snapshot_without_participants_is_compared_by_its_totals_only() -> None:
    """Not "3 February 2026 to 3 February 2026, 0 changes" (the store's answer for one listed snapshot)."""
    from datetime import date, datetime

    import pandas as pd

    from pipeline.report.data import _change_sets

    class NoDiff:
        def diffs(self, mtdsg_no: str, pairs: list) -> list:
            assert not pairs, "a header-only snapshot is not diffed"
            return []

    snaps = pd.DataFrame(
        [
            {"as_at": datetime(2018, 1, 15), "counted_parties": None, "declared_parties": 169,
             "counted_signatories": None, "declared_signatories": 74, "participants_complete": False},
            {"as_at": datetime(2026, 2, 3), "counted_parties": 175, "declared_parties": 175,
             "counted_signatories": 74, "declared_signatories": 74, "participants_complete": True},
        ]
    )  # fmt: skip
    [cs] = _change_sets(NoDiff(), "IV-4", snaps, [(date(2018, 1, 15), date(2026, 2, 3))])
    assert (cs.from_, cs.to, cs.unlisted) == (date(2018, 1, 15), date(2026, 2, 3), date(2018, 1, 15))
    assert cs.counts_before == {"parties": 169, "signatories": 74} and cs.changes == ()
    assert cs.counts_after == {"parties": 175, "signatories": 74}
