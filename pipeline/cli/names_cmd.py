"""`treaties names`: the participant strings of saved pages with their codes, or only the unmapped ones."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pipeline.cli.base import OutputFormat, app, fail, print_rows

if TYPE_CHECKING:
    from pipeline.normalise.codes import Code

# How many pages the table format names per string before "+N more" (json and csv list them all).
_PAGES_SHOWN = 3


@dataclass
class _Found:
    name: str
    code: Code | None
    pages: list[str] = field(default_factory=list)


def _page_id(path: Path) -> str:
    # The same treaty is saved as HTML and as XML in different folders: keep the folder to tell them apart.
    return f"{path.parent.name}/{path.name}"


def collect_names(files: list[Path]) -> tuple[dict[str, _Found], list[str]]:
    """Participant string -> its code (None if unmapped) and pages; plus one message per unparseable page."""
    from pipeline.normalise.codes import try_resolve  # lazy: only this command loads it
    from pipeline.parse import ParseError, parse_page  # lazy: only this command loads it
    from pipeline.sources import read_page  # lazy: only this command loads it

    found: dict[str, _Found] = {}
    errors: list[str] = []
    for path in files:
        data, source = read_page(path)
        try:
            status = parse_page(data, source=source)
        except ParseError as exc:
            errors.append(str(exc))
            continue
        for participant in status.participants:
            entry = found.get(participant.name)
            if entry is None:
                entry = found[participant.name] = _Found(participant.name, try_resolve(participant.name))
            page = _page_id(path)
            if not entry.pages or entry.pages[-1] != page:
                entry.pages.append(page)
    return found, errors


def _record(entry: _Found) -> dict[str, object]:
    code = entry.code
    return {
        "name": entry.name,
        "iso3": code.iso3 if code else None,
        "is_state": code.is_state if code else None,
        "canonical_name": code.canonical_name if code else None,
        "count": len(entry.pages),
        "pages": entry.pages,
    }


def _print_table(entries: list[_Found]) -> None:
    width = min(max(len(e.name) for e in entries), 48)  # a few organisation names are much longer
    for e in entries:
        code = e.code.iso3 if e.code else "-"
        shown = ", ".join(e.pages[:_PAGES_SHOWN])
        more = f", +{len(e.pages) - _PAGES_SHOWN} more" if len(e.pages) > _PAGES_SHOWN else ""
        print(f"{e.name:<{width}}  {code:<3}  {len(e.pages):>4}  {shown}{more}")


@app.command()
def names(
    paths: Annotated[
        list[Path], typer.Argument(help="Saved status pages (.html or MTDSG .xml) or folders of them.")
    ],
    unmapped: Annotated[
        bool,
        typer.Option(
            "--unmapped",
            help="Only the strings missing from pipeline/normalise/names.csv (prints nothing if all map).",
        ),
    ] = False,
    output: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="table (one line per string), json (one document), jsonl (one object per line) or csv.",
        ),
    ] = OutputFormat.table,
) -> None:
    """List every participant string in the pages with its code and the pages it appears on.

    Exit 1 if any string has no code (so the name table can be extended) or any page fails to parse.
    """
    from pipeline.sources import SourceError, iter_page_files  # lazy: only this command loads it

    try:
        files = iter_page_files(paths)
    except SourceError as exc:
        fail(str(exc))
    found, errors = collect_names(files)
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    entries = sorted(found.values(), key=lambda e: e.name.casefold())
    missing = [e for e in entries if e.code is None]
    shown = missing if unmapped else entries
    if output is not OutputFormat.table:
        # One document (an empty list when nothing is shown), or one record per line; the same everywhere.
        columns = ["name", "iso3", "is_state", "canonical_name", "count", "pages"]
        print_rows([_record(e) for e in shown], output, columns=columns)
    elif shown:
        _print_table(shown)
    if missing:
        print(
            f"{len(missing)} of {len(entries)} participant strings have no code: "
            "add them to pipeline/normalise/names.csv",
            file=sys.stderr,
        )
    if missing or errors:
        raise typer.Exit(1)
