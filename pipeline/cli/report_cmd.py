"""The report command: render the static site, matrix and README.md from the database (and screenshots)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline import config
from pipeline.cli.app import DbOption, app, fail


@app.command()
def report(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder to write the site into (default: TREATIES_REPORTS_DIR or reports/).",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    screenshots: Annotated[
        bool,
        typer.Option(
            "--screenshots/--no-screenshots",
            help="Also save PNG screenshots of the index, a treaty page and a country page under "
            "<out>/screenshots (needs Debian's chromium at /usr/bin/chromium).",
        ),
    ] = False,
) -> None:
    """Write the report site (index.html, a page per treaty and per country, the country x treaty matrix
    as HTML/CSV/XLSX, README.md) from the database. Works from file:// with no network."""
    from pipeline.report import render_site
    from pipeline.store import StoreError, open_store

    out_dir = out or config.reports_dir()
    path = db or config.db_path()
    try:
        with open_store(path, read_only=True) as store:
            if store.treaties().empty:
                fail(f"the database {path} holds no treaty yet: run `treaties import` or `treaties refresh`")
            index = render_site(store, out_dir)
    except StoreError as exc:
        fail(str(exc))
    print(f"report: {index}")
    if screenshots:
        from pipeline.report.browser import BrowserUnavailable, save_screenshots

        try:
            shots = save_screenshots(index)
        except BrowserUnavailable as exc:
            fail(f"screenshots: {exc}")
        for shot in shots:
            print(f"screenshot: {shot}")
