"""Commands of the store stage: import saved pages, then status, asof, diff, country and export queries."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from pipeline import config
from pipeline.cli.app import DbOption, OutputFormat, app, fail
from pipeline.sources import SourceError, iter_page_files

_FORMAT_HELP = "Output format: table (for people), json or csv."

FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help=_FORMAT_HELP)]


def _parse_day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        fail(f"{what}: {text!r} is not a date; use YYYY-MM-DD, e.g. 2018-01-15")


@contextmanager
def _store(db: Path | None, *, read_only: bool = False) -> Iterator[Any]:
    from pipeline.store import StoreError, open_store

    path = db or config.db_path()
    try:
        with open_store(path, read_only=read_only) as store:
            yield store
    except StoreError as exc:
        fail(str(exc))


def _treaty(store: Any, name: str) -> str:
    from pipeline.catalog import UnknownTreaty

    try:
        return store.resolve_treaty(name)
    except UnknownTreaty as exc:
        fail(str(exc))


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _print_json(obj: Any) -> None:
    print(json.dumps(_plain(obj), indent=2, ensure_ascii=False))


def _records(df: Any) -> list[dict[str, Any]]:
    return [_plain(r) for r in df.to_dict("records")]


def _print_csv(df: Any) -> None:
    buf = io.StringIO()
    df.to_csv(buf, index=False)
    sys.stdout.write(buf.getvalue())


def _print_table(df: Any, title: str | None = None, columns: list[str] | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    from pipeline.store.history import missing

    table = Table(title=title, show_lines=False)
    cols = columns or list(df.columns)
    for c in cols:
        table.add_column(str(c))
    for r in df[cols].to_dict("records"):
        table.add_row(*("" if missing(v) else str(_plain(v)) for v in r.values()))
    Console().print(table)


@app.command("import")
def import_pages(
    paths: Annotated[
        list[Path], typer.Argument(help="Saved pages or folders of them (HTML status pages or MTDSG XML).")
    ],
    captured: Annotated[
        str | None,
        typer.Option(
            "--captured",
            help="Capture date (YYYY-MM-DD) of pages that carry no status date: required for MTDSG XML.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Import saved pages as dated snapshots: one transaction per page; identical content is "unchanged".
    Every page's bytes are kept in the raw store with a manifest line, as a refresh keeps fetched pages."""
    from pipeline.fetch.rawstore import RawStore
    from pipeline.runs.console import progress_reporter
    from pipeline.runs.importing import import_files

    captured_day = _parse_day(captured, "--captured") if captured else None
    try:
        files = iter_page_files(paths)
    except SourceError as exc:
        fail(str(exc))
    if captured_day is None and any(f.suffix.lower() == ".xml" for f in files):
        fail("MTDSG XML files carry no status date: give their capture date with --captured YYYY-MM-DD")
    raw = RawStore(config.raw_dir())
    with _store(db) as store:
        with progress_reporter(len(files), "import", stream=sys.stdout) as on_result:
            report = import_files(files, store, raw, captured_at=captured_day, on_result=on_result)
    for r in report.failed:
        print(f"error: {r.url}: {r.detail}", file=sys.stderr)
    print(report.summary())
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def status(
    treaty: Annotated[str, typer.Argument(help="MTDSG number (IV-11-c) or short name (OPSC, CRC, ...).")],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Latest counts of a treaty with their status date, and its participants table."""
    with _store(db, read_only=True) as store:
        m = _treaty(store, treaty)
        info = next(r for r in store.treaties().to_dict("records") if r["mtdsg_no"] == m)
        parts = store.participants(m)
    if fmt is OutputFormat.json:
        _print_json({**info, "participants": _records(parts)})
    elif fmt is OutputFormat.csv:
        _print_csv(parts)
    else:
        name = f" ({info['short_name']})" if info["short_name"] else ""
        print(f"{m}{name}: {info['title']}")
        counts = f"{info['parties']} parties, {info['signatories']} signatories"
        page = f"page says {info['declared_parties']} / {info['declared_signatories']}"
        print(f"status as at {_plain(info['as_at'])}: {counts} ({page}; {info['reconciliation']})")
        cols = ["iso3", "name", "signature_date", "consent_date", "consent_type", "withdrawn", "footnotes"]
        _print_table(parts, columns=cols)


@app.command()
def asof(
    treaty: Annotated[str, typer.Argument(help="MTDSG number (IV-11-c) or short name (OPSC, CRC, ...).")],
    on: Annotated[str, typer.Argument(metavar="DATE", help="The date (YYYY-MM-DD) to count parties on.")],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Parties and signatories of a treaty on a date, reconstructed from action dates, with its basis."""
    from pipeline.store import StoreError

    day = _parse_day(on, "DATE")
    with _store(db, read_only=True) as store:
        m = _treaty(store, treaty)
        try:
            result = store.asof(m, day)
        except StoreError as exc:
            fail(str(exc))
    d = result.to_dict()
    out = {k: d[k] for k in ("mtdsg_no", "date", "parties", "signatories", "basis")}
    if fmt is OutputFormat.json:
        _print_json(out)
    elif fmt is OutputFormat.csv:
        import pandas as pd

        _print_csv(pd.DataFrame([out]))
    else:
        print(f"{m} on {day}: {result.parties} parties, {result.signatories} signatories")
        print(f"basis: {result.basis}")


@app.command()
def diff(
    treaty: Annotated[str, typer.Argument(help="MTDSG number (IV-11-c) or short name (OPSC, CRC, ...).")],
    from_: Annotated[
        str | None,
        typer.Option(
            "--from", help="Compare from the snapshot in force on this date (YYYY-MM-DD).", show_default=False
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to", help="Compare to the snapshot in force on this date (YYYY-MM-DD).", show_default=False
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """What changed between two snapshots (default: the two latest with a participants table)."""
    import pandas as pd

    from_day = _parse_day(from_, "--from") if from_ else None
    to_day = _parse_day(to, "--to") if to else None
    with _store(db, read_only=True) as store:
        m = _treaty(store, treaty)
        result = store.diff(m, from_day, to_day)
    d = result.to_dict()
    if fmt is OutputFormat.json:
        _print_json({k: d[k] for k in ("mtdsg_no", "from", "to", "counts_before", "counts_after", "changes")})
        return
    changes = pd.DataFrame(d["changes"], columns=["iso3", "name", "change", "before", "after"])
    if fmt is OutputFormat.csv:
        _print_csv(changes)
        return
    cb, ca = d["counts_before"], d["counts_after"]
    print(f"{m}: {d['from']} -> {d['to']}")
    print(
        f"parties {cb['parties']} -> {ca['parties']}, signatories {cb['signatories']} -> {ca['signatories']}"
    )
    if d["note"]:
        print(f"note: {d['note']}")
    if len(changes):
        _print_table(changes)
    else:
        print("no changes")


@app.command()
def country(
    participant: Annotated[
        str, typer.Argument(metavar="NAME|ISO3", help="A participant's name or ISO3 code.")
    ],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """One participant's status across every treaty in the database."""
    from pipeline.store import StoreError

    with _store(db, read_only=True) as store:
        try:
            df = store.country(participant)
        except StoreError as exc:
            fail(str(exc))
    if fmt is OutputFormat.json:
        _print_json(_records(df))
    elif fmt is OutputFormat.csv:
        _print_csv(df)
    else:
        cols = ["mtdsg_no", "short_name", "status", "signature_date", "consent_date", "consent_type", "as_at"]
        _print_table(df, title=f"{df['iso3'].iloc[0]}", columns=cols)


@app.command()
def export(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder for the Parquet and CSV files (default: data/processed).",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write Parquet and CSV of the latest status (treaty x participant) and the country x treaty matrix."""
    folder = out or config.processed_dir()
    from pipeline.runs.export import ExportError, export_tables

    with _store(db, read_only=True) as store:
        try:
            written = export_tables(store, folder)
        except ExportError as exc:
            fail(str(exc))
    for p in written:
        print(p)
