"""The typer application and what every command shares: options, output formats, one-line errors."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from pipeline import __version__, config
from pipeline.cli.help import TreatiesGroup
from pipeline.errors import one_line
from pipeline.spreadsheet import csv_safe_cell

if TYPE_CHECKING:
    from pipeline.store import Store

app = typer.Typer(
    name="treaties",
    help="Track who has signed and joined UN treaties, from the UN Treaty Collection (treaties.un.org).",
    cls=TreatiesGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: no box drawing, in a terminal or piped
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


# What a user can cause and the stages report in one line: turned into `error: ...` and exit 1. Named by
# module and class, and looked up only among the modules loaded: an error of a stage the command never
# imported cannot have been raised, so no stage is imported just to name its error (start-up time).
EXPECTED_ERRORS: tuple[tuple[str, str], ...] = (
    ("pipeline.store.model", "StoreError"),
    ("pipeline.catalog", "UnknownTreaty"),
    ("pipeline.normalise.countries", "UnknownCountry"),
    ("pipeline.mtdsg", "InvalidTreatyNumber"),
    ("pipeline.sources", "SourceError"),
    ("pipeline.config", "SettingsError"),
    ("pipeline.fetch.rawstore", "RawStoreError"),
    ("pipeline.report.output", "ReportWriteError"),
    ("builtins", "OSError"),
)


def expected_errors() -> tuple[type[BaseException], ...]:
    """The classes of EXPECTED_ERRORS whose modules are loaded."""
    found = []
    for module, name in EXPECTED_ERRORS:
        loaded = sys.modules.get(module)
        if loaded is not None:
            found.append(getattr(loaded, name))
    return tuple(found)


@contextmanager
def user_errors() -> Iterator[None]:
    """Every expected error of a command's body becomes one line and a non-zero exit."""
    try:
        yield
    except Exception as exc:
        if isinstance(exc, expected_errors()):
            fail(one_line(exc))
        raise


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
    from pipeline.store.db import open_store  # lazy: duckdb only for the commands that open the store

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
# One meaning of each format for every command: json is one document on stdout; jsonl and csv carry the
# same records, one per line (participant, change, page...); nothing is cut; CSV booleans are true/false.

Rows = Sequence[Mapping[str, Any]]


def plain(value: Any) -> Any:
    """JSON-ready values: ISO dates, plain numbers, lists and dicts of them."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def csv_cell(value: Any) -> str:
    """One CSV cell: empty for missing, true/false, dates as ISO (a time after a space), lists and dicts as
    compact JSON, everything else as its text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, list | tuple | Mapping):
        return json.dumps(plain(value), ensure_ascii=False, separators=(",", ":"))
    # Text a spreadsheet would run as a formula gets a leading apostrophe (pipeline.spreadsheet).
    return str(csv_safe_cell(value) if isinstance(value, str) else value)


def print_json(obj: Any) -> None:
    print(json.dumps(plain(obj), indent=2, ensure_ascii=False))


def print_jsonl(rows: Rows) -> None:
    for r in rows:
        print(json.dumps(plain(r), ensure_ascii=False))


def print_csv(rows: Rows, columns: Sequence[str]) -> None:
    """A header of `columns` and one line per row (the header alone when there are no rows)."""
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(columns)
    for r in rows:
        out.writerow([csv_cell(r.get(c)) for c in columns])


def print_table(
    rows: Rows,
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    priorities: Mapping[str, int] | None = None,
) -> None:
    """A table that fits the terminal without cutting a value, or plain and whole when redirected."""
    from pipeline.cli.tables import render_table  # lazy: rich only for the table format

    render_table(rows, columns=list(columns) if columns else None, title=title, priorities=priorities)


def print_rows(
    rows: Rows,
    fmt: OutputFormat,
    *,
    columns: Sequence[str],
    shown: Sequence[str] | None = None,
    title: str | None = None,
    priorities: Mapping[str, int] | None = None,
) -> None:
    """Records in the asked format: `columns` are every record's fields (json, jsonl, csv), `shown` the
    ones a table shows (default: all)."""
    if fmt is OutputFormat.json:
        print_json([{c: r.get(c) for c in columns} for r in rows])
    elif fmt is OutputFormat.jsonl:
        print_jsonl([{c: r.get(c) for c in columns} for r in rows])
    elif fmt is OutputFormat.csv:
        print_csv(rows, columns)
    else:
        print_table(rows, columns=shown or columns, title=title, priorities=priorities)
