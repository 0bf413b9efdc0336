"""Command-line interface: reads options and calls the stages, nothing more (one module per stage)."""

from __future__ import annotations

# Each command module registers its commands on `app` when imported.
from pipeline.cli import (  # noqa: F401
    bench_cmd,
    claims_cmd,
    fetch_cmd,
    names_cmd,
    parse_cmd,
    procedures_cmd,
    report_cmd,
    store_cmd,
    watch_cmd,
)
from pipeline.cli.app import app


def main() -> None:
    app()
