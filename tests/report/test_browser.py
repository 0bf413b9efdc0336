"""The site in a real headless Chromium from file://: no console errors, rows, sorting, non-empty images."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.report import render_site
from pipeline.report.browser import CHROMIUM, block_network, open_browser, save_screenshots
from tests.report.conftest import FakeStore

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with open_browser() as b:
        yield b


def _load(browser: Any, path: Path) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    block_network(page)
    page.goto(path.resolve().as_uri(), wait_until="load")
    return page, problems


def _column(page: Any, table: str, index: int) -> list[str]:
    return page.eval_on_selector_all(
        f"#{table} tbody tr", f"rows => rows.map(r => r.cells[{index}].textContent.trim())"
    )


def _images_have_size(page: Any) -> None:
    sizes = page.eval_on_selector_all(
        "img", "imgs => imgs.map(i => [i.getAttribute('src'), i.complete, i.naturalWidth, i.naturalHeight])"
    )
    for src, complete, w, h in sizes:
        assert complete and w > 0 and h > 0, src


def test_index_page(browser: Any, real_site: Path) -> None:
    page, problems = _load(browser, real_site)
    assert page.locator("#treaties tbody tr").count() == 3  # all three refreshed in 2026: the latest
    assert page.locator("#older-treaties").count() == 0
    headers = page.eval_on_selector_all("#treaties thead th", "hs => hs.map(h => h.textContent.trim())")
    assert headers[:3] == ["Treaty", "Title", "Parties"] and "No." not in headers  # one treaty column
    before = _column(page, "treaties", 2)  # parties
    page.click("#treaties thead th:nth-child(3)")
    ascending = _column(page, "treaties", 2)
    assert ascending == sorted(before, key=int) and ascending != before
    page.click("#treaties thead th:nth-child(3)")
    assert _column(page, "treaties", 2) == sorted(before, key=int, reverse=True)
    page.fill("input[data-filter-table=treaties]", "arms trade")
    assert page.locator("#treaties tbody tr:not(.hidden)").count() == 1
    assert page.text_content("[data-count-for=treaties]") == "1 of 3 shown"
    assert problems == []
    page.close()


def test_index_opens_on_the_latest_snapshot(browser: Any, tmp_path: Path) -> None:
    """The first screen shows the treaties of the latest snapshot; older ones have their own section."""
    index = render_site(FakeStore(), tmp_path / "site")
    page, problems = _load(browser, index)
    latest = page.locator("#treaties tbody tr")
    assert latest.count() == 2 and 'href="treaty/V-2.html"' not in page.inner_html("#treaties")
    assert page.locator("#older-treaties tbody tr").count() == 1 and "V-2" in page.text_content(
        "#older-treaties"
    )
    first = latest.first.bounding_box()
    assert first is not None and first["y"] + first["height"] < 900  # on the first screen
    older = page.locator("h2#older").bounding_box()
    assert older is not None and older["y"] > first["y"]
    page.close()
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    block_network(phone)
    phone.goto(index.resolve().as_uri(), wait_until="load")
    row = phone.locator("#treaties tbody tr").first.bounding_box()
    assert row is not None and row["y"] < 844  # a phone too sees the latest treaties on its first screen
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1  # tables scroll inside the page; the page itself does not widen
    phone.close()
    assert problems == []


def test_countries_page_lists_and_searches_every_participant(browser: Any, real_site: Path) -> None:
    site = real_site.parent
    page, problems = _load(browser, site / "countries.html")
    pages = sorted(p.stem for p in (site / "country").glob("*.html"))
    rows = page.locator("#countries tbody tr")
    assert rows.count() == len(pages) > 150
    links = page.eval_on_selector_all("#countries tbody a", "as => as.map(a => a.getAttribute('href'))")
    assert sorted(h.removeprefix("country/").removesuffix(".html") for h in links) == pages
    page.fill("input[data-filter-table=countries]", "bahamas")
    assert page.locator("#countries tbody tr:not(.hidden)").count() == 1
    page.locator("#countries tbody tr:not(.hidden) a").click()
    assert page.url.endswith("/country/BHS.html")
    assert problems == []
    page.close()


@pytest.fixture(scope="module")
def feed_site(real_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real-pages site with its feeds and change events (as `treaties report` builds it)."""
    from pipeline.store import open_store
    from pipeline.store.events import treaty_events

    with open_store(real_db, read_only=True) as store:
        return render_site(
            store, tmp_path_factory.mktemp("feed-site"), events=lambda m: treaty_events(store, m)
        )


def test_recent_changes_page(browser: Any, feed_site: Path) -> None:
    site = feed_site.parent
    page, problems = _load(browser, site / "changes.html")
    rows = page.locator("#changes tbody tr")
    # Every change of the real pages' snapshots is a row (renames, joins, signatures...; no longer the
    # declarations that differ only in their rendering between the 2018 XML and the 2026 HTML).
    assert rows.count() >= 10
    seen = _column(page, "changes", 0)
    assert seen == sorted(seen, reverse=True)  # newest first
    page.select_option("select[data-attr=treaty]", "IV-11-c")
    shown = page.eval_on_selector_all(
        "#changes tbody tr:not(.hidden)", "rs => rs.map(r => r.getAttribute('data-treaty'))"
    )
    assert shown and set(shown) == {"IV-11-c"}
    country = page.eval_on_selector("#changes tbody tr:not(.hidden)", "r => r.getAttribute('data-country')")
    page.select_option("select[data-attr=country]", country)
    both = page.eval_on_selector_all(
        "#changes tbody tr:not(.hidden)", "rs => rs.map(r => [r.dataset.treaty, r.dataset.country])"
    )
    assert both and all(t == "IV-11-c" and c == country for t, c in both)
    page.select_option("select[data-attr=treaty]", "")
    assert page.locator("#changes tbody tr:not(.hidden)").count() >= len(both)
    assert problems == []
    page.close()
    # Linked from every page of the site.
    for path in [
        site / "index.html",
        site / "matrix.html",
        site / "countries.html",
        site / "treaty" / "IV-4.html",
    ]:
        assert 'href="changes.html"' in path.read_text() or 'href="../changes.html"' in path.read_text(), path


def test_matrix_keeps_the_participant_column_in_view(browser: Any, real_site: Path) -> None:
    page, problems = _load(browser, real_site.parent / "matrix.html")
    headers = page.eval_on_selector_all("#matrix thead th", "hs => hs.map(h => h.textContent.trim())")
    assert any(h.startswith("OPSC") for h in headers) and any(h.startswith("ICCPR") for h in headers)
    page.set_viewport_size({"width": 390, "height": 844})
    cell = page.locator("#matrix tbody tr").first.locator("td").first
    before = cell.bounding_box()
    page.eval_on_selector(".scroll", "s => { s.scrollLeft = 600; }")
    after = cell.bounding_box()
    assert before is not None and after is not None and abs(after["x"] - before["x"]) < 1
    third = page.locator("#matrix tbody tr").first.locator("td").nth(2).bounding_box()
    assert third is not None  # the treaty cells did move under it
    assert problems == []
    page.close()


def test_map_draws_every_participant(browser: Any, real_site: Path) -> None:
    page, problems = _load(browser, real_site.parent / "treaty" / "IV-11-c.html")
    data = page.eval_on_selector("#map .worldmap", "b => JSON.parse(b.getAttribute('data-map'))")
    drawn = page.eval_on_selector_all(
        "#map svg [data-code]", "es => es.map(e => [e.getAttribute('data-code'), e.getAttribute('class')])"
    )
    coloured: dict[str, set[str]] = {}
    for code, cls in drawn:
        coloured.setdefault(code, set()).update(cls.split())
    for code, (status, _name) in data.items():
        assert status in coloured.get(code, set()), code
    # Small states the outlines lack are dots: the Bahamas and Qatar are parties to the OPSC.
    for code in ("bs", "qa"):
        assert data[code][0] == "p"
        assert page.locator(f"#map svg circle.dot.p[data-code={code}]").count() == 1
    assert page.text_content("#map figcaption").count("Not on the map") <= 1
    assert problems == []
    page.close()


def test_treaty_page(browser: Any, real_site: Path) -> None:
    page, problems = _load(browser, real_site.parent / "treaty" / "IV-11-c.html")
    assert page.text_content("#headline") == "As at 3 February 2026, 178 parties and 122 signatories."
    rows = page.locator("#participants tbody tr").count()
    assert rows >= 178 + 8  # every party and signatory has a row
    _images_have_size(page)
    assert page.locator("img.chart").count() == 1  # the timeline; the map is drawn in the page
    # The map: every country of the shared outline (static/world.js), coloured by the page's own data.
    assert page.locator("#map svg path").count() > 150
    drawn = page.eval_on_selector("#map .worldmap", "b => JSON.parse(b.getAttribute('data-map'))")
    codes = "es => [...new Set(es.map(e => e.getAttribute('data-code')))].length"
    assert page.eval_on_selector_all("#map svg .p", codes) == sum(v[0] == "p" for v in drawn.values()) > 150
    assert page.eval_on_selector_all("#map svg .s", codes) == sum(v[0] == "s" for v in drawn.values())
    legend = page.text_content("#map figcaption")
    assert "party (178)" in legend and "signed, not a party (8)" in legend
    box = page.locator("#map svg").bounding_box()
    assert box and box["width"] > 500 and box["height"] > 250
    names = _column(page, "participants", 0)
    page.click("#participants thead th:nth-child(4)")  # consent date
    consent = _column(page, "participants", 3)  # ISO dates as plain text
    dated = [d for d in consent if d]
    assert dated == sorted(dated) and _column(page, "participants", 0) != names
    assert consent[len(dated) :] == [""] * (len(consent) - len(dated))  # no date sorts last
    # Footnote marks link to the end notes; declarations open on demand.
    note = page.locator("#participants a[href^='#note-']").first
    assert page.locator(note.get_attribute("href")).count() == 1
    details = page.locator("#participants details").first
    assert not details.evaluate("d => d.open")
    details.locator("summary").click()
    assert details.evaluate("d => d.open")
    assert problems == []
    page.close()


def test_country_page(browser: Any, real_site: Path) -> None:
    page, problems = _load(browser, real_site.parent / "country" / "FRA.html")
    assert page.locator("#country-treaties tbody tr").count() == 3
    before = _column(page, "country-treaties", 0)
    page.click("#country-treaties thead th:nth-child(1)")
    after = _column(page, "country-treaties", 0)
    assert sorted(before, key=str.casefold) == after
    page.click("#country-treaties thead th:nth-child(1)")
    assert _column(page, "country-treaties", 0) == after[::-1]
    assert problems == []
    page.close()


def test_matrix_page(browser: Any, real_site: Path) -> None:
    page, problems = _load(browser, real_site.parent / "matrix.html")
    csv_rows = (real_site.parent / "matrix.csv").read_text().strip().count("\n")
    assert page.locator("#matrix tbody tr").count() == csv_rows
    assert problems == []
    page.close()


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_screenshots(browser: Any, feed_site: Path, tmp_path: Path) -> None:
    shots = save_screenshots(feed_site, tmp_path, browser=browser)
    kinds = ["index", "treaty", "country", "countries", "changes", "matrix"]
    assert [p.name for p in shots] == [f"{k}.png" for k in kinds] + [f"{k}-phone.png" for k in kinds] + [
        "map.png"
    ]
    for p in shots:
        assert p.stat().st_size > 10_000, p
    # The first screen, not the whole page (those were 10,000 to 31,000 pixels tall), on a desktop and a phone.
    for p in shots[:6]:
        assert _png_size(p) == (1400, 900), p
    for p in shots[6:12]:
        assert _png_size(p) == (390, 844), p
    width, height = _png_size(shots[-1])
    assert 500 < width <= 1400 and 250 < height < 900
    keep = os.environ.get("TREATIES_KEEP_SCREENSHOTS")  # to look at them: a folder to copy them into
    if keep:
        for p in shots:
            shutil.copy(p, Path(keep) / p.name)


def test_unlisted_treaty_page_has_no_empty_map(browser: Any, tmp_path: Path) -> None:
    index = render_site(FakeStore(), tmp_path / "site")
    page, problems = _load(browser, index.parent / "treaty" / "V-2.html")
    assert page.locator("#map").count() == 0 and page.locator("#participants").count() == 0
    assert "participants not listed in this snapshot" in page.text_content("#no-participants").lower()
    assert "146 parties and 19 signatories" in page.text_content("#headline")
    # A planted script in the title shows as text and never runs.
    assert '<script>alert("title")</script>' in page.text_content("h1")
    assert problems == []
    page.close()


def test_screenshot_write_error_names_the_path(browser: Any, real_site: Path, tmp_path: Path) -> None:
    from pipeline.report import ReportWriteError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReportWriteError) as err:
        save_screenshots(real_site, blocker / "shots", browser=browser)
    assert str(blocker / "shots") in str(err.value)
