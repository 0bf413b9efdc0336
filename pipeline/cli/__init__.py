"""Command-line interface: reads options and calls the stages, nothing more (one module per stage)."""

from __future__ import annotations

from pipeline.cli import bench_cmd  # noqa: F401
from pipeline.cli import claims_cmd  # noqa: F401
from pipeline.cli import fetch_cmd  # noqa: F401
from pipeline.cli import names_cmd  # noqa: F401
from pipeline.cli import parse_cmd  # noqa: F401  (registers commands)
from pipeline.cli import report_cmd  # noqa: F401
from pipeline.cli import store_cmd  # noqa: F401
from pipeline.cli.app import app


def main() -> None:
    app()
