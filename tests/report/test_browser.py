"""The site in a real headless Chromium from file://: no console errors, rows, sorting, non-empty images."""

from __future__ import annotations

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
    assert page.locator("#treaties tbody tr").count() == 3
    before = _column(page, "treaties", 3)  # parties
    page.click("#treaties thead th:nth-child(4)")
    ascending = _column(page, "treaties", 3)
    assert ascending == sorted(before, key=int) and ascending != before
    page.click("#treaties thead th:nth-child(4)")
    assert _column(page, "treaties", 3) == sorted(before, key=int, reverse=True)
    page.fill("input[data-filter-table=treaties]", "arms trade")
    assert page.locator("#treaties tbody tr:not(.hidden)").count() == 1
    assert page.text_content("[data-count-for=treaties]") == "1 of 3 shown"
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
    assert page.locator("#map svg path.p").count() == sum(v[0] == "p" for v in drawn.values()) > 150
    assert page.locator("#map svg path.s").count() == sum(v[0] == "s" for v in drawn.values())
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


def test_screenshots(browser: Any, real_site: Path, tmp_path: Path) -> None:
    shots = save_screenshots(real_site, tmp_path, browser=browser)
    assert [p.name for p in shots] == ["index.png", "treaty.png", "country.png", "map.png"]
    for p in shots:
        assert p.stat().st_size > 10_000, p
    # The first screen, not the whole page (those were 10,000 to 31,000 pixels tall).
    for p in shots[:3]:
        assert _png_size(p) == (1400, 900), p
    width, height = _png_size(shots[3])
    assert 500 < width <= 1400 and 250 < height < 900


def test_index_filters_current_and_older_snapshots(browser: Any, tmp_path: Path) -> None:
    index = render_site(FakeStore(), tmp_path / "site")
    page, problems = _load(browser, index)
    assert page.locator("#treaties tbody tr").count() == 3
    page.check("input[data-group-filter=treaties][value=current]")
    assert page.locator("#treaties tbody tr:not(.hidden)").count() == 2
    assert page.text_content("[data-count-for=treaties]") == "2 of 3 shown"
    page.check("input[data-group-filter=treaties][value=older]")
    visible = page.locator("#treaties tbody tr:not(.hidden)")
    assert visible.count() == 1 and "V-2" in visible.text_content()
    page.fill("input[data-filter-table=treaties]", "testing")  # search and filter together: nothing
    assert page.locator("#treaties tbody tr:not(.hidden)").count() == 0
    page.check("input[data-group-filter=treaties][value='']")
    assert page.locator("#treaties tbody tr:not(.hidden)").count() == 1
    assert problems == []
    page.close()


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
