"""`treaties bench`: speed, storage and memory figures on the saved pages, and the targets they miss."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Annotated

import typer

from pipeline import config
from pipeline.cli.base import app, fail

# The benchmark is not part of the installed package: it lives in benchmarks/ of a checkout, beside
# pipeline/ (an editable install, as `make venv` makes), and is imported from there when asked for.
CHECKOUT = Path(__file__).resolve().parents[2]


def load_benchmarks(checkout: Path | None = None) -> ModuleType:
    """The checkout's `benchmarks` package; a one-line error when this is not run from a checkout."""
    checkout = checkout or CHECKOUT
    if not (checkout / "benchmarks" / "run.py").is_file():
        fail(
            f"the benchmark runs from a checkout of the treaties repository (no benchmarks/ in {checkout}):"
            " run `make bench` there"
        )
    if str(checkout) not in sys.path:
        sys.path.insert(0, str(checkout))
    return importlib.import_module("benchmarks")


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
    folder = pages or config.pages_dir()
    if not folder.is_dir():
        fail(f"no saved pages at {folder}: give --pages or set UNTC_PAGES_DIR")
    bench_code = load_benchmarks()
    json_keys = bench_code.JSON_KEYS

    def progress(message: str) -> None:
        if not json_only:
            print(message, file=sys.stderr, flush=True)

    try:
        result = bench_code.run_bench(folder, progress=progress)
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
        for key in json_keys:
            target = result.target(key)
            verdict = "" if not target else ("MISSED" if key in unmet else "met")
            value = result.figures[key]
            shown = "skipped" if value is None else str(value)
            print(f"  {key:<36} {shown:>10}  {('target ' + target) if target else ''} {verdict}")
        for key in result.unmet():
            print(
                f"target missed: {key} = {result.figures[key]} (target {result.target(key)}):"
                f" {result.reasons[key]}"
            )
    print(json.dumps(result.figures))
