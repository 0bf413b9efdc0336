"""The report command: render the static site, matrix and README.md from the database (and screenshots)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from pipeline import config
from pipeline.cli.app import DbOption, app, fail


@contextmanager
def _progress_bar() -> Iterator[Callable[[int, int, str], None] | None]:
    """A rich progress bar on a terminal (nothing when output is piped or captured)."""
    if not sys.stdout.isatty():
        yield None
        return
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
    ) as bar:
        task = bar.add_task("report", total=None)

        def show(done: int, total: int, label: str) -> None:
            phase = "reading" if label.startswith("read ") else "writing"
            bar.update(task, completed=done, total=total, description=f"{phase} {escape(label)}")

        yield show


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
            help="Also save PNG screenshots (the first 1400x900 screen of the index, a treaty page and a "
            "country page, and a treaty's map) under <out>/screenshots (needs Debian's chromium at "
            "/usr/bin/chromium).",
        ),
    ] = False,
) -> None:
    """Write the report site (index.html, a page per treaty and per country, the country x treaty matrix
    as HTML/CSV/XLSX, README.md) from the database. Works from file:// with no network."""
    from pipeline.report import ReportWriteError, build_site, site_size
    from pipeline.store import StoreError, open_store

    out_dir = out or config.reports_dir()
    path = db or config.db_path()
    try:
        with open_store(path, read_only=True) as store:
            if store.treaties().empty:
                fail(f"the database {path} holds no treaty yet: run `treaties import` or `treaties refresh`")
            with _progress_bar() as progress:
                built = build_site(store, out_dir, progress=progress)
    except (StoreError, ReportWriteError) as exc:
        fail(str(exc))
    index = built.index
    size = site_size(index.parent)
    print(
        f"report: {index} ({size.files} files, {size.bytes / 1e6:.1f} MB; written {len(built.written)}, "
        f"unchanged {built.unchanged}, removed {len(built.removed)})"
    )
    if screenshots:
        from pipeline.report.browser import BrowserUnavailable, save_screenshots

        try:
            shots = save_screenshots(index)
        except BrowserUnavailable as exc:
            fail(f"screenshots: {exc}")
        except ReportWriteError as exc:
            fail(f"screenshots: {exc}")
        for shot in shots:
            print(f"screenshot: {shot}")
