"""`treaties check-claims`: find treaty figures in a text and say which are stale, with today's figure."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer

from pipeline.cli.base import DbOption, app, fail
from pipeline.config import db_path


class ClaimsFormat(StrEnum):
    table = "table"  # the report for people: claims with their verdicts, then the figures not checked
    json = "json"
    markdown = "markdown"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


@app.command("check-claims")
def check_claims(
    file: Annotated[
        Path | None,
        typer.Argument(help="Text file to check (plain text or Markdown, UTF-8); - reads standard input."),
    ] = None,
    treaty: Annotated[
        str | None,
        typer.Option(
            "--treaty",
            help="Treaty every claim is about (MTDSG number like IV-11-c, or a short name like OPSC); "
            "overrides the treaty found in the text.",
        ),
    ] = None,
    written_on: Annotated[
        str | None,
        typer.Option(
            "--written-on",
            help="The date the text was written (YYYY-MM-DD): claims the text leaves undated are checked "
            "as of this date. Without it, a byline or dateline in the text is used when there is one.",
        ),
    ] = None,
    fmt: Annotated[
        ClaimsFormat,
        typer.Option("--format", "-f", help="Report format: table (for people), json or markdown."),
    ] = ClaimsFormat.table,
    annotate: Annotated[
        Path | None,
        typer.Option(
            "--annotate",
            help="Also write a Markdown copy of the text with each claim marked and a footnote giving the "
            "current figure, its date and the source (never over the input file).",
        ),
    ] = None,
    eval_dir: Annotated[
        Path | None,
        typer.Option(
            "--eval",
            help="Instead of a file, run the evaluation set in this folder (texts/ and expected.csv), or "
            "each half of it (dev/ and test/, e.g. tests/claims/eval), and print per half and per kind "
            "of source: claims right, found, verdicts right among those reported, spurious and unread "
            "figures, then every miss.",
        ),
    ] = None,
    every_name: Annotated[
        bool,
        typer.Option(
            "--all",
            help="In the table report, list everyone who joined or signed since a claim's date (by default "
            "the first 10 and a count; json and markdown list them all).",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Find treaty figures in a text ("ratified by 177 countries as of September 2021") and check them:
    the UN figure on the claimed date, today's figure and who joined or signed since."""
    from pipeline.catalog import UnknownTreaty  # lazy: only this command loads it
    from pipeline.claims.check import CachedStore, check_reading, read_claims  # lazy: only this command
    from pipeline.claims.eval_report import render_all  # lazy: only this command
    from pipeline.claims.evaluate import EvalSetError, evaluate_all  # lazy: only this command
    from pipeline.claims.render import (
        render_annotated,
        render_json,
        render_markdown,
        render_text,
        wrap_report,
    )  # lazy: only this command loads it
    from pipeline.store import StoreError, StoreLocked, open_store  # lazy: only this command loads it

    if (file is None) == (eval_dir is None):
        fail("give a text FILE to check, or --eval DIR (not both)")
    day = None
    if written_on is not None:
        try:
            day = date.fromisoformat(written_on)
        except ValueError:
            fail(f"--written-on {written_on!r} is not a date (YYYY-MM-DD)")
        from pipeline.store.dates import check_not_future  # lazy: only this command loads it

        try:
            check_not_future(day, "--written-on")
        except StoreError as e:
            fail(str(e))
    text = ""
    name = "stdin"
    if file is not None and str(file) == "-":
        raw = sys.stdin.buffer.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            fail(f"standard input is not UTF-8 text ({e.reason} at byte {e.start})")
    elif file is not None:
        name = file.name
        if not file.is_file():
            fail(f"no such file: {file}")
        if annotate is not None and _same_file(file, annotate):
            fail(f"--annotate {annotate} is the input file: choose another path for the annotated copy")
        try:
            text = file.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as e:
            fail(f"{file} is not UTF-8 text ({e.reason} at byte {e.start})")
    path = db or db_path()
    if not path.is_file():
        fail(f"no database at {path}: import some treaty pages first (treaties import / treaties demo)")
    try:
        if eval_dir is not None:
            with open_store(path, read_only=True) as store:
                typer.echo(render_all(evaluate_all(eval_dir, store)), nl=False)
            return
        assert file is not None
        # The store is held only to read the treaties' names, then to check the claims found: never
        # while the text is read (a long text must not keep other commands from the database).
        with open_store(path, read_only=True) as store:
            names = CachedStore(store)
            names.title_index()
        reading = read_claims(text, names, treaty=treaty, written_on=day)
        with open_store(path, read_only=True) as store:
            report = check_reading(
                reading, CachedStore(store, names), name=name, written_on=day, original=text
            )
    except EvalSetError as e:
        fail(str(e))
    except UnknownTreaty as e:
        fail(str(e))
    except StoreLocked as e:
        fail(str(e))
    except StoreError as e:
        fail(f"cannot read {path}: {e}")
    render: dict[ClaimsFormat, Callable[[Any], str]] = {
        ClaimsFormat.table: partial(render_text, every_name=every_name),
        ClaimsFormat.json: render_json,
        ClaimsFormat.markdown: render_markdown,
    }
    out = render[fmt](report)
    from pipeline.cli.tables import surely_redirected  # lazy: as above

    if fmt == ClaimsFormat.table and not surely_redirected(sys.stdout):
        # At a terminal the report folds to its width; piped or redirected, one line per field (for grep).
        out = wrap_report(out, shutil.get_terminal_size().columns)
    typer.echo(out, nl=False)
    if annotate is not None and (report.checks or report.unread):
        # A temporary file beside OUT, then a rename: a full disk never leaves a partial OUT.
        tmp = annotate.with_name(f".{annotate.name}.tmp")
        try:
            tmp.write_text(render_annotated(text, report), encoding="utf-8")
            os.replace(tmp, annotate)
        except OSError as e:
            tmp.unlink(missing_ok=True)
            fail(f"cannot write {annotate}: {e.strerror}")
    elif annotate is not None:
        typer.echo(f"no claims, so no annotated copy written to {annotate}", err=True)
