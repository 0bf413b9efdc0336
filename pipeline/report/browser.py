"""Headless Debian Chromium driven by playwright, for screenshots of the report; never downloads a browser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
# Quiet, offline Chromium: no background traffic, no updates, no sync, nothing beyond file://.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT_DIR = "screenshots"


class BrowserUnavailable(RuntimeError):
    """No Chromium at /usr/bin/chromium, or playwright is not installed."""


@contextmanager
def open_browser(executable: Path = CHROMIUM) -> Iterator[Any]:
    """A playwright Browser on Debian's chromium package (apt-get install chromium)."""
    if not executable.exists():
        raise BrowserUnavailable(f"no Chromium at {executable}: install it with `apt-get install chromium`")
    try:
        from playwright.sync_api import sync_playwright  # lazy: playwright only when screenshots are taken
    except ImportError as exc:
        raise BrowserUnavailable("playwright is not installed (pip install -e '.[dev]')") from exc
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def block_network(page: Any) -> None:
    """Abort every request that is not file://, so a stray external reference fails loudly."""
    page.route(re.compile(r"^(?!file://).*"), lambda route: route.abort())


def pick_pages(index: Path, treaty: str | None = None, country: str | None = None) -> dict[str, Path]:
    """One page of each kind of a rendered site: the index, a treaty page (IV-11-c when present), a
    country page, the countries page, the recent changes and the matrix."""
    site = index.parent
    treaties = sorted((site / "treaty").glob("*.html"))
    countries = sorted((site / "country").glob("*.html"))
    chosen = {"index": index}
    want_t = site / "treaty" / f"{treaty or 'IV-11-c'}.html"
    if want_t.exists():
        chosen["treaty"] = want_t
    elif treaties:
        chosen["treaty"] = treaties[0]
    want_c = site / "country" / f"{country or 'FRA'}.html"
    if want_c.exists():
        chosen["country"] = want_c
    elif countries:
        chosen["country"] = countries[0]
    for name in ("countries", "changes", "matrix"):
        if (site / f"{name}.html").exists():
            chosen[name] = site / f"{name}.html"
    return chosen


SCREEN = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}


def save_screenshots(index: Path, out_dir: Path | None = None, *, browser: Any | None = None) -> list[Path]:
    """PNGs of the first screen of each kind of page (pick_pages) at 1400x900 and on a phone (390x844,
    NAME-phone.png), and one of the treaty page's map, for readers without a browser. Not full pages:
    those ran to 31,000 pixels.

    Uses `browser` when given (one playwright session per process), else opens Debian's Chromium.
    Raises ReportWriteError when a screenshot cannot be written.
    """
    if browser is None:
        with open_browser() as own:
            return save_screenshots(index, out_dir, browser=own)
    from pipeline.report.output import write_atomic  # lazy: as above

    out_dir = out_dir or index.parent / SCREENSHOT_DIR
    written: list[Path] = []
    map_shot: Path | None = None
    pages = pick_pages(index)
    for suffix, viewport in (("", SCREEN), ("-phone", PHONE)):
        page = browser.new_page(viewport=viewport)
        try:
            block_network(page)
            for label, path in pages.items():
                page.goto(path.resolve().as_uri(), wait_until="load")
                # Taken as bytes and written like every report file: atomically, a failure is one
                # ReportWriteError naming the path.
                target = out_dir / f"{label}{suffix}.png"
                write_atomic(target, page.screenshot(full_page=False))
                written.append(target)
                if label == "treaty" and not suffix and page.locator("#map svg").count():
                    map_shot = out_dir / "map.png"
                    write_atomic(map_shot, page.locator("#map").screenshot())
        finally:
            page.close()
    if map_shot is not None:
        written.append(map_shot)
    return written
