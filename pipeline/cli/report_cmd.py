"""The report command: render the static site, matrix and README.md from the database (and screenshots)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline import config
from pipeline.cli.base import DbOption, app, fail, open_db, user_errors


@app.command()
def report(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder to write the site into (default: TREATIES_REPORTS_DIR or reports/). Only files "
            "whose content changed are rewritten; pages of treaties no longer in the database are removed.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    screenshots: Annotated[
        bool,
        typer.Option(
            "--screenshots/--no-screenshots",
            help="Also save PNG screenshots (the first screen, at 1400x900 and on a 390x844 phone, of "
            "each kind of page, and a treaty's map) under OUT/screenshots (needs Debian's chromium at "
            "/usr/bin/chromium).",
        ),
    ] = False,
) -> None:
    """Write the report site (index.html, a page per treaty and per country, the country x treaty matrix
    as HTML/CSV/XLSX, README.md) from the database. Works from file:// with no network."""
    from pipeline.report import ReportWriteError, site_size  # lazy: only this command loads it
    from pipeline.report.browser import (
        BrowserUnavailable,
        save_screenshots,
    )  # lazy: only this command loads it
    from pipeline.runs.reports import build_reports  # lazy: only this command loads it

    out_dir = out or config.reports_dir()
    with open_db(db, read_only=True) as store, user_errors():
        if store.treaties().empty:
            fail(
                f"the database {store.path} holds no treaty yet: run `treaties import` or `treaties refresh`"
            )
        built = build_reports(store, out_dir)
    index = built.index
    size = site_size(index.parent)
    print(
        f"report: {index} ({size.files} files, {size.bytes / 1e6:.1f} MB; written {len(built.written)}, "
        f"unchanged {built.unchanged}, removed {len(built.removed)})"
    )
    if screenshots:
        try:
            shots = save_screenshots(index)
        except (BrowserUnavailable, ReportWriteError) as exc:
            fail(f"screenshots: {exc}")
        for shot in shots:
            print(f"screenshot: {shot}")
