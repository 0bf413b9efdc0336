"""`treaties parse`: read saved pages and print what the parser makes of them; nothing is stored."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pipeline.cli.base import OutputFormat, app, fail, print_csv
from pipeline.mtdsg import citable_url

if TYPE_CHECKING:
    from pipeline.parse import TreatyStatus


def _code_fields() -> Callable[[str, str], dict[str, Any]] | None:
    """iso3 / is_state for each participant, from the normaliser (None where a name is not in its table)."""
    try:
        from pipeline.normalise.codes import UnknownParticipant, resolve  # lazy: for --codes
    except ImportError:  # the normaliser is optional for a bare parse
        return None

    def code_of(name: str, page: str) -> dict[str, Any]:
        try:
            code = resolve(name, page=page)
        except UnknownParticipant:
            return {"iso3": None, "is_state": None}
        return {"iso3": code.iso3, "is_state": code.is_state}

    return code_of


@app.command()
def parse(
    paths: Annotated[
        list[Path], typer.Argument(help="Saved status pages (.html or MTDSG .xml) or folders of them.")
    ],
    fmt: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="table: a summary line per page; json: one document listing every page; jsonl: one JSON "
            "object per page and line; csv: the same records, one row per page (lists as JSON text).",
        ),
    ] = OutputFormat.table,
) -> None:
    """Parse saved UNTC pages and check their counts against the page's own totals (nothing is stored).

    The summary line per page: MTDSG number, status date, declared vs counted signatories and parties, and
    whether they reconcile: "yes", "no" with the reason for each difference (naming the rows or column
    responsible), or "n/a" with why nothing could be compared (no participants listed, no total declared,
    or a total given only as text). A last line sums up: pages, yes / no / n/a, failures (on stderr with
    json, jsonl and csv). Exit 1 if any page failed to parse.
    """
    from pipeline.parse import ParseError, parse_page  # lazy: only this command loads it
    from pipeline.parse.export import status_to_dict  # lazy: only this command loads it
    from pipeline.parse.reconcile import (
        RECONCILES_NA,
        RECONCILES_NO,
        RECONCILES_YES,
        status_reconciles,
    )  # lazy: only this command loads it
    from pipeline.sources import SourceError, iter_page_files, read_page  # lazy: only this command loads it

    as_json = fmt is not OutputFormat.table  # json, jsonl and csv: the same records, one per page
    try:
        files = iter_page_files(paths)
    except SourceError as exc:
        fail(str(exc))
    code_of = _code_fields() if as_json else None
    documents: list[dict[str, Any]] = []
    failed = 0
    verdicts = {RECONCILES_YES: 0, RECONCILES_NO: 0, RECONCILES_NA: 0}
    for path in files:
        data, source = read_page(path)
        try:
            status = parse_page(data, source=source)
        except ParseError as exc:
            failed += 1
            print(f"error: {exc}", file=sys.stderr)
            continue
        verdict = status_reconciles(status)
        verdicts[verdict] += 1
        if as_json:
            fields = (lambda name, _p=str(path): code_of(name, _p)) if code_of else None
            doc = status_to_dict(status, code_of=fields)
            doc["un_url"] = citable_url(status.mtdsg_no, None)
            if fmt is OutputFormat.jsonl:
                print(json.dumps(doc, ensure_ascii=False))
            else:
                documents.append(doc)
        else:
            when = status.status_as_at.isoformat() if status.status_as_at else "no status date"
            sig = _pair(status.declared_signatories, status.counted_signatories)
            par = _pair(status.declared_parties, status.counted_parties)
            print(f"{status.mtdsg_no}\t{when}\tsignatories {sig}\tparties {par}\t{_verdict(status, verdict)}")
    summary = (
        f"{len(files)} pages: reconcile yes {verdicts[RECONCILES_YES]}, no {verdicts[RECONCILES_NO]},"
        f" n/a {verdicts[RECONCILES_NA]}; failed {failed}"
    )
    if fmt is OutputFormat.json:
        print(json.dumps(documents, ensure_ascii=False, indent=2))
    elif fmt is OutputFormat.csv:
        print_csv(documents, list(documents[0]) if documents else ["mtdsg_no"])
    print(summary, file=sys.stderr if as_json else sys.stdout)
    if failed:
        raise typer.Exit(1)


def _verdict(status: TreatyStatus, verdict: str) -> str:
    from pipeline.parse.reconcile import RECONCILES_NO, RECONCILES_YES  # lazy: only this command loads it

    if verdict == RECONCILES_YES:
        return "reconciles yes"
    if verdict == RECONCILES_NO:
        return "reconciles no: " + "; ".join(status.reconciliation)
    if not status.participants:
        why = "the page lists no participants"
    elif status.declared_signatories is None and status.declared_parties is None:
        why = "no total declared"
    else:
        why = "nothing to compare"
    if status.declared_text and status.declared_parties is None and status.declared_signatories is None:
        why += f"; the status is given as text: {status.declared_text!r}"
    elif status.declared_text:
        why += f"; the total is read from the text {status.declared_text!r}"
    return f"reconciles n/a ({why})"


def _pair(declared: int | None, counted: int) -> str:
    return f"declared {'-' if declared is None else declared} counted {counted}"
