"""The typer application and what every command shares: options, output formats, one-line errors."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import pandas as pd
import typer

from pipeline import __version__, config
from pipeline.catalog import UnknownTreaty
from pipeline.cli.tables import render_table
from pipeline.errors import one_line
from pipeline.fetch.rawstore import RawStoreError
from pipeline.mtdsg import InvalidTreatyNumber
from pipeline.normalise.countries import UnknownCountry
from pipeline.report.output import ReportWriteError
from pipeline.sources import SourceError
from pipeline.spreadsheet import csv_safe
from pipeline.store import Store, StoreError, open_store

app = typer.Typer(
    name="treaties",
    help="Track who has signed and joined UN treaties, from the UN Treaty Collection (treaties.un.org).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"max_content_width": 110},
)


def _version(value: bool) -> None:
    if value:
        print(f"treaties {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Track who has signed and joined UN treaties, from the UN Treaty Collection (treaties.un.org)."""


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def fail(message: str, code: int = 1) -> NoReturn:
    """A user-caused error: one clear line on stderr, non-zero exit, no traceback."""
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(code)


# What a user can cause and the stages report in one line: turned into `error: ...` and exit 1.
EXPECTED_ERRORS: tuple[type[BaseException], ...] = (
    StoreError,
    UnknownTreaty,
    UnknownCountry,
    InvalidTreatyNumber,
    SourceError,
    config.SettingsError,
    RawStoreError,
    ReportWriteError,
    OSError,
)


@contextmanager
def user_errors() -> Iterator[None]:
    """Every expected error of a command's body becomes one line and a non-zero exit."""
    try:
        yield
    except EXPECTED_ERRORS as exc:
        fail(one_line(exc))


# The options every command that needs them takes, with one meaning everywhere.
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="Database file (default: TREATIES_DB or data/treaties.duckdb).", show_default=False
    ),
]
SiteOutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="Folder for the report site (default: TREATIES_REPORTS_DIR or ./reports).",
        show_default=False,
    ),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="table (for people), json (one document), jsonl (one record per line) or csv.",
    ),
]


@contextmanager
def open_db(db: Path | None, *, read_only: bool = False) -> Iterator[Store]:
    """The database of --db (or the default), with its errors as one line."""
    with user_errors(), open_store(db or config.db_path(), read_only=read_only) as store:
        yield store


def parse_day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        fail(f"{what}: {text!r} is not a date; use YYYY-MM-DD, e.g. 2018-01-15")


def resolve_treaty(store: Store, name: str) -> str:
    with user_errors():
        return store.resolve_treaty(name)


# ---------------------------------------------------------------------------------------------- output


def plain(value: Any) -> Any:
    """JSON-ready values: ISO dates, plain numbers, lists and dicts of them."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [plain(r) for r in df.to_dict("records")]


def print_json(obj: Any) -> None:
    print(json.dumps(plain(obj), indent=2, ensure_ascii=False))


def print_jsonl(rows: Sequence[Mapping[str, Any]]) -> None:
    for r in rows:
        print(json.dumps(plain(r), ensure_ascii=False))


def print_csv(df: pd.DataFrame) -> None:
    buf = io.StringIO()
    csv_safe(df).to_csv(buf, index=False)
    sys.stdout.write(buf.getvalue())


def print_table(
    df: pd.DataFrame,
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    priorities: Mapping[str, int] | None = None,
) -> None:
    """A table that fits the terminal without cutting a value, or plain and whole when redirected."""
    render_table(df, columns=list(columns) if columns else None, title=title, priorities=priorities)


def print_frame(
    df: pd.DataFrame,
    fmt: OutputFormat,
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    priorities: Mapping[str, int] | None = None,
) -> None:
    """A frame in the asked format; json is one document (an array), jsonl one record per line."""
    if fmt is OutputFormat.json:
        print_json(records(df))
    elif fmt is OutputFormat.jsonl:
        print_jsonl(records(df))
    elif fmt is OutputFormat.csv:
        print_csv(df)
    else:
        print_table(df, columns=columns, title=title, priorities=priorities)
