"""The site in a real headless Chromium from file://: no console errors, rows, sorting, non-empty images."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.report.browser import CHROMIUM, block_network, open_browser, save_screenshots

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
    assert page.locator("img.chart").count() == 2
    names = _column(page, "participants", 0)
    page.click("#participants thead th:nth-child(4)")  # consent date
    consent = page.eval_on_selector_all(
        "#participants tbody tr", "rows => rows.map(r => r.cells[3].getAttribute('data-sort'))"
    )
    dated = [d for d in consent if d]
    assert dated == sorted(dated) and _column(page, "participants", 0) != names
    assert consent[len(dated) :] == [""] * (len(consent) - len(dated))  # no date sorts last
    # Footnotes open on demand.
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


def test_screenshots(browser: Any, real_site: Path, tmp_path: Path) -> None:
    shots = save_screenshots(real_site, tmp_path, browser=browser)
    assert [p.name for p in shots] == ["index.png", "treaty.png", "country.png"]
    for p in shots:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 10_000
