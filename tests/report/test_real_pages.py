"""End to end on real saved pages: parser -> store -> report; the IV-11-c headline and the matrix agree."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

from pipeline.report import render_site
from tests.pagemaker import EMPTY, cell, status_page
from tests.report.conftest import REAL_HTML, REAL_XML
from tests.store_import import import_status

pytestmark = pytest.mark.corpus


def test_iv_11_c_headline(real_site: Path) -> None:
    html = (real_site.parent / "treaty" / "IV-11-c.html").read_text()
    assert "As at 3 February 2026, 178 parties and 122 signatories." in html
    # The source it comes from, a saved file by its name only (no path of the machine that built the
    # site), and the change since the 2018 XML snapshot.
    assert "this snapshot was read from <code>IV-11-c.html</code>" in html
    assert "html-2026-02-03/" not in html
    assert "since 15 January 2018" in html
    assert 'id="participants"' in html


def test_index_counts_match_the_store(real_db: Path, real_site: Path) -> None:
    from pipeline.store import open_store

    html = real_site.read_text()
    with open_store(real_db, read_only=True) as store:
        treaties = store.treaties()
    assert set(treaties["mtdsg_no"]) == set(REAL_XML) | set(REAL_HTML)
    rows = re.findall(r"<tr\b.*?</tr>", html.split("<tbody>")[1], re.S)
    assert len(rows) == len(treaties)
    for t in treaties.to_dict("records"):
        row = next(r for r in rows if f'href="treaty/{t["mtdsg_no"]}.html"' in r)
        nums = re.findall(r'<td class="num">(\d*)</td>', row)
        assert nums == [str(t["parties"]), str(t["signatories"])], t["mtdsg_no"]
    readme = (real_site.parent / "README.md").read_text()
    assert "| [OPSC](treaty/IV-11-c.html) (IV-11-c) |" in readme and "| 178 | 122 | 2026-02-03 |" in readme


def test_participant_table_has_one_row_per_participant(real_db: Path, real_site: Path) -> None:
    from pipeline.store import open_store

    with open_store(real_db, read_only=True) as store:
        expected = len(store.participants("IV-4"))
    html = (real_site.parent / "treaty" / "IV-4.html").read_text()
    body = html.split('id="participants"')[1].split("<tbody>")[1].split("</tbody>")[0]
    assert body.count("<tr>") == expected > 150


def test_matrix_csv_agrees_with_participants(real_db: Path, real_site: Path) -> None:
    """One row per participant, one column per treaty; each tested cell matches Store.participants."""
    from pipeline.store import open_store

    with (real_site.parent / "matrix.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    with open_store(real_db, read_only=True) as store:
        known = set(store.treaties()["mtdsg_no"])
        assert set(rows[0]) == {"iso3", "name"} | known
        everyone = set()
        checked = 0
        for m in sorted(known):
            parts = store.participants(m)
            everyone |= set(parts["iso3"])
            by_iso = {r["iso3"]: r for r in rows}
            for p in store.reader.participant_rows(m):  # plain values: None, not NaT, where missing
                got = by_iso[p["iso3"]][m]
                if p["withdrawn"]:
                    assert got == "withdrawn", (m, p["iso3"])
                elif p["consent_date"] is not None:
                    assert got == f"party {p['consent_date'].year}", (m, p["iso3"], got)
                elif p["signature_date"] is not None:
                    assert got == f"signed {p['signature_date'].year}", (m, p["iso3"], got)
                else:
                    assert got == "", (m, p["iso3"], got)
                checked += 1
    assert len(rows) == len({r["iso3"] for r in rows}) == len(everyone)
    assert checked > 500
    # Spot checks a reader can verify on treaties.un.org: France ratified the ICCPR in 1980.
    by_iso = {r["iso3"]: r for r in rows}
    assert by_iso["FRA"]["IV-4"] == "party 1980"
    assert by_iso["USA"]["IV-11-c"] == "party 2002"


def test_country_page_from_real_pages(real_site: Path) -> None:
    html = (real_site.parent / "country" / "FRA.html").read_text()
    body = html.split('id="country-treaties"')[1].split("<tbody>")[1].split("</tbody>")[0]
    assert body.count("<tr>") == len(set(REAL_XML) | set(REAL_HTML))
    assert "treaty/IV-11-c.html" in body


def test_markup_in_a_parsed_page_is_escaped(tmp_path: Path) -> None:
    """A hand-written UNTC page whose participant name, declaration and end note hold markup."""
    from pipeline.parse import parse_page
    from pipeline.store import open_store

    evil_name = "Ruritania &lt;script&gt;alert(1)&lt;/script&gt;"
    name_cell = (
        "<A href='#EndDec' class='noteIndex' onclick='return ShowDeclarationsNew(getInnerText(this),"
        f'"","_en","4","142");\'>{evil_name}</A><br>'
    )
    page = status_page(
        rows=[
            [name_cell, cell("1", "Apr", "2002"), cell("25", "Sep", "2003")],
            ["France<br>", cell("7", "Sep", "2000"), EMPTY],
        ],
        status="Signatories : 2. Parties : 1",
        declarations=[(evil_name, "Declaration: &lt;script&gt;alert(2)&lt;/script&gt; reserved.")],
        notes=[("1", "&lt;img src=x onerror=alert(3)&gt; a note.")],
    )
    status = parse_page(page)
    assert "<script>" in status.participants[0].name  # the parser gives the text, markup and all

    def resolver(name: str, where: str) -> tuple[str, bool]:
        return ("FRA", True) if name == "France" else ("RUR", True)

    with open_store(tmp_path / "t.duckdb", resolver=resolver) as store:
        import_status(store, status, source="hand-written", raw_sha256=hashlib.sha256(page).hexdigest())
        index = render_site(store, tmp_path / "site")
    html = (index.parent / "treaty" / "IV-99.html").read_text()
    assert "Ruritania &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt; reserved." in html
    for page_path in index.parent.rglob("*.html"):
        text = page_path.read_text()
        assert "<script>alert" not in text and "<img src=x" not in text, page_path


def test_no_page_of_the_site_names_a_path_of_the_machine_that_built_it(real_site: Path) -> None:
    """The saved pages were imported from a folder of this machine: no file of the site may show it."""
    from pipeline.config import pages_dir

    # Whatever form the import was given (relative or absolute), the folder's own names are in it.
    folder = f"{pages_dir().resolve().name}/html-2026-02-03"
    site = real_site.parent
    shown = [
        str(p.relative_to(site))
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".md", ".csv", ".atom", ".json") and folder in p.read_text()
    ]
    assert shown == []
