"""The typer application and the helpers every command module shares (one-line errors, output formats)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

app = typer.Typer(
    name="treaties",
    help="Track who has signed and joined UN treaties, from the UN Treaty Collection (treaties.un.org).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Track who has signed and joined UN treaties, from the UN Treaty Collection (treaties.un.org)."""


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def fail(message: str, code: int = 1) -> NoReturn:
    """A user-caused error: one clear line on stderr, non-zero exit, no traceback."""
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(code)


# The --db option every command that reads or writes the database takes.
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="Database file (default: TREATIES_DB or data/treaties.duckdb).", show_default=False
    ),
]
