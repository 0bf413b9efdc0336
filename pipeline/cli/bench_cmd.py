"""`treaties bench`: speed, storage and memory figures on the saved pages, and the targets they miss."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline import config
from pipeline.cli.app import app, fail


@app.command()
def bench(
    pages: Annotated[
        Path | None,
        typer.Option(
            "--pages",
            help="Folder of saved UNTC pages (html-YYYY-MM-DD/ and xml-YYYY-MM-DD/); default UNTC_PAGES_DIR"
            " or ../shared/untc-pages.",
        ),
    ] = None,
    json_only: Annotated[
        bool,
        typer.Option("--json", help="Print only the JSON line of figures (no table, no progress)."),
    ] = False,
) -> None:
    """Measure parse speed (vs a typical BeautifulSoup scraper and vs the bare lxml tree), corpus import
    and re-import (store time over parse time), database growth per unchanged refresh, as-of/diff latency,
    peak memory, and a SYNTHETIC ten-year history of 560 treaties (database size, status/asof/diff/country/
    matrix/export latency, the report after one day's changes), all in a temporary folder; print a table,
    the targets missed and why, then one JSON line."""
    from pipeline.bench import JSON_KEYS, run_bench  # lazy: the benchmark code only for `bench`

    folder = pages or config.pages_dir()
    if not folder.is_dir():
        fail(f"no saved pages at {folder}: give --pages or set UNTC_PAGES_DIR")

    def progress(message: str) -> None:
        if not json_only:
            print(message, file=sys.stderr, flush=True)

    try:
        result = run_bench(folder, progress=progress)
    except (FileNotFoundError, RuntimeError) as exc:
        fail(str(exc))
    if not json_only:
        width = max(len(r.label) for r in result.rows)
        vwidth = max(len(r.value) for r in result.rows)
        print("measured in this run (parse times are CPU time, median of interleaved passes):")
        for r in result.rows:
            print(f"  {r.label:<{width}}  {r.value:>{vwidth}}  {r.note}")
        print("figures:")
        unmet = set(result.unmet())
        for key in JSON_KEYS:
            target = result.target(key)
            verdict = "" if not target else ("MISSED" if key in unmet else "met")
            print(
                f"  {key:<36} {result.figures[key]!s:>10}  {('target ' + target) if target else ''} {verdict}"
            )
        for key in result.unmet():
            print(
                f"target missed: {key} = {result.figures[key]} (target {result.target(key)}):"
                f" {result.reasons[key]}"
            )
    print(json.dumps(result.figures))
