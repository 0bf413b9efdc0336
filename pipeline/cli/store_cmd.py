"""Commands on the database: import saved pages; status, asof, diff, country, snapshots; export; undo."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer

from pipeline import config
from pipeline.cli.app import (
    DbOption,
    FormatOption,
    OutputFormat,
    app,
    fail,
    open_db,
    parse_day,
    plain,
    print_frame,
    print_json,
    print_jsonl,
    records,
    resolve_treaty,
    user_errors,
)
from pipeline.cli.tables import format_value
from pipeline.fetch.rawstore import RawStore
from pipeline.mtdsg import citable_url
from pipeline.normalise.countries import lookup_country
from pipeline.report.words import change_word
from pipeline.runs.console import progress_reporter
from pipeline.runs.export import ExportError, export_tables
from pipeline.runs.importing import import_files
from pipeline.sources import iter_page_files
from pipeline.spreadsheet import csv_safe
from pipeline.store.model import NO_ACTION, PARTY, SIGNATORY, UNKNOWN, WITHDRAWN

_TREATY_HELP = "MTDSG number (IV-11-c) or short name (OPSC, CRC, ...)."
_STATUS_WORDS = (
    f"{PARTY}: ratified, acceded, succeeded, accepted or approved; {SIGNATORY}: signed, not (yet) a party;"
    f" {WITHDRAWN}: denounced or withdrew; {NO_ACTION}: not listed on the treaty's page;"
    f" {UNKNOWN}: the snapshot does not list participants"
)


def _document(obj: dict[str, Any], fmt: OutputFormat) -> None:
    """One answer (not a table): json pretty, jsonl on one line, csv one row."""
    if fmt is OutputFormat.json:
        print_json(obj)
    elif fmt is OutputFormat.jsonl:
        print_jsonl([obj])
    else:
        flat = {k: v for k, v in obj.items() if not isinstance(v, list | dict)}
        csv_safe(pd.DataFrame([plain(flat)])).to_csv(sys.stdout, index=False)


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
    """Import saved pages as dated snapshots, one transaction per page (identical content is "unchanged").
    Each page's bytes are kept in the raw store with a manifest line, as a refresh keeps fetched pages."""
    captured_day = parse_day(captured, "--captured") if captured else None
    if captured_day is not None and captured_day > (datetime.now(UTC) + timedelta(days=1)).date():
        fail(f"--captured {captured_day}: a capture date cannot be in the future")
    with user_errors():
        files = iter_page_files(paths)
    if captured_day is None and any(f.suffix.lower() == ".xml" for f in files):
        fail("MTDSG XML files carry no status date: give their capture date with --captured YYYY-MM-DD")
    with open_db(db) as store, user_errors():
        with progress_reporter(len(files), "import", stream=sys.stdout) as on_result:
            report = import_files(
                files, store, RawStore(config.raw_dir()), captured_at=captured_day, on_result=on_result
            )
    print(report.summary())
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def status(
    treaty: Annotated[str, typer.Argument(help=_TREATY_HELP)],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """A treaty's latest counts with their status date and source, and its participants table."""
    with open_db(db, read_only=True) as store:
        m = resolve_treaty(store, treaty)
        info = store.treaty(m)
        parts = store.participants(m)
        latest = store.asof(m, info["as_at"].date())
    info["signed_not_party"] = latest.signed_not_party
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        _document({**info, "participants": records(parts)}, fmt)
        return
    if fmt is OutputFormat.csv:
        print_frame(parts, fmt)
        return
    name = f" ({info['short_name']})" if info["short_name"] else ""
    print(f"{m}{name}: {info['title']}")
    as_at = format_value(info["as_at"])
    if info["participants_listed"]:
        counts = f"{info['parties']} parties, {info['signatories']} signatories"
        counts += f" ({info['signed_not_party']} signed but not party)"
        print(f"status as at {as_at}: {counts}")
        print(
            f"the page says {info['declared_parties']} parties, {info['declared_signatories']} signatories;"
            f" reconciles: {info['reconciles']} ({info['reconciliation']})"
        )
    else:
        print(
            f"status as at {as_at}: {info['declared_parties']} parties, {info['declared_signatories']}"
            " signatories, as the page declares them; participants not listed in this snapshot"
        )
    cite = citable_url(m, info["source"])
    read = f" (read from {info['source']})" if info["source"] and info["source"] != cite else ""
    print(f"source: {cite}{read}")
    if len(parts):
        cols = ["iso3", "name", "signature_date", "consent_date", "consent_type", "withdrawn", "footnotes"]
        print_frame(parts, fmt, columns=cols, priorities={"footnotes": 1, "withdrawn": 2, "consent_type": 3})


@app.command()
def asof(
    treaty: Annotated[str, typer.Argument(help=_TREATY_HELP)],
    on: Annotated[str, typer.Argument(metavar="DATE", help="The date (YYYY-MM-DD) to count parties on.")],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Parties, signatories and signed-not-party of a treaty on a date, from all the snapshots, with the
    rule used and any participation that vanished without notice (uncertain)."""
    day = parse_day(on, "DATE")
    with open_db(db, read_only=True) as store:
        m = resolve_treaty(store, treaty)
        with user_errors():
            result = store.asof(m, day)
    if fmt is not OutputFormat.table:
        _document(result.to_dict(), fmt)
        return
    if result.participants_listed:
        print(
            f"{m} on {day}: {result.parties} parties, {result.signatories} signatories"
            f" ({result.signed_not_party} signed but not party)"
        )
    else:
        print(f"{m} on {day}: {result.parties} parties, {result.signatories} signatories (declared)")
    print(f"basis: {result.basis}")
    for u in result.uncertain:
        print(f"uncertain: {u.name} ({u.iso3}) {u.role}, gone between {u.between[0]} and {u.between[1]}")


@app.command()
def diff(
    treaty: Annotated[str, typer.Argument(help=_TREATY_HELP)],
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
    """What changed between two snapshots (default: the two latest with a participants table). A footnote
    renumbering alone is not listed as a change in the table (json and csv keep it)."""
    from_day = parse_day(from_, "--from") if from_ else None
    to_day = parse_day(to, "--to") if to else None
    with open_db(db, read_only=True) as store:
        m = resolve_treaty(store, treaty)
        result = store.diff(m, from_day, to_day)
    d = result.to_dict()
    changes = pd.DataFrame(d["changes"], columns=["iso3", "name", "change", "before", "after"])
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        _document(d, fmt)
        return
    if fmt is OutputFormat.csv:
        print_frame(changes, fmt)
        return
    cb, ca = d["counts_before"], d["counts_after"]
    print(f"{m}: {d['from'] or '?'} -> {d['to'] or '?'}")
    if d["note"]:
        print(f"note: {d['note']}")
    if cb != ca or not d["note"]:
        print(
            f"parties {cb['parties']} -> {ca['parties']},"
            f" signatories {cb['signatories']} -> {ca['signatories']}"
        )
    shown = changes[changes["change"] != "footnotes_changed"].copy()
    shown["change"] = [change_word(c) for c in shown["change"]]
    if len(shown):
        print_frame(shown, fmt, priorities={"before": 1, "after": 2})
    elif not d["note"]:
        print("no changes")


@app.command()
def country(
    participant: Annotated[
        str,
        typer.Argument(
            metavar="NAME|CODE",
            help='A participant by any common name ("United States", "UK", "Cote d\'Ivoire", "EU"), former '
            "name or ISO 3166 code (alpha-2 or alpha-3).",
        ),
    ],
    all_treaties: Annotated[
        bool,
        typer.Option("--all", help="Also list the treaties with no action and those with status unknown."),
    ] = False,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """One participant's status in every treaty in the database, in treaty-number order."""
    with user_errors():
        match = lookup_country(participant)
    with open_db(db, read_only=True) as store, user_errors():
        if match.iso3 not in store.participant_codes():
            fail(f"{match.name} ({match.iso3}) takes part in no treaty in the database")
        df = store.country(match.iso3)
    if fmt is not OutputFormat.table:
        print_frame(df, fmt)
        return
    print(
        f"{match.name} ({match.iso3})"
        + (f", found by {match.matched_by}" if match.matched_by != "page name" else "")
    )
    counts = df["status"].value_counts()
    acted = df[~df["status"].isin([NO_ACTION, UNKNOWN])]
    summary = ", ".join(
        f"{counts.get(s, 0)} {w}"
        for s, w in ((PARTY, "party"), (SIGNATORY, "signatory only"), (WITHDRAWN, "withdrawn"))
    )
    print(
        f"{summary}; no action in {counts.get(NO_ACTION, 0)}; status unknown for {counts.get(UNKNOWN, 0)}"
        f" (participants not listed); {len(df)} treaties in the database"
    )
    shown = df if all_treaties else acted
    cols = ["mtdsg_no", "short_name", "status", "signature_date", "consent_date", "consent_type", "as_at"]
    print_frame(shown, fmt, columns=cols, priorities={"short_name": 1, "as_at": 2, "consent_type": 3})
    print(f"status: {_STATUS_WORDS}")


@app.command()
def snapshots(
    treaty: Annotated[str, typer.Argument(help=_TREATY_HELP)],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Every snapshot of a treaty with its provenance (id, status date, source, raw sha256, counts), so a
    bad one can be removed with drop-snapshot."""
    with open_db(db, read_only=True) as store:
        m = resolve_treaty(store, treaty)
        df = store.snapshots(m)
    cols = ["snapshot_id", "as_at", "source_kind", "declared_parties", "counted_parties", "observations",
            "last_confirmed_at", "source", "raw_sha256"]  # fmt: skip
    print_frame(
        df, fmt, columns=cols, title=m, priorities={"raw_sha256": 1, "source": 2, "last_confirmed_at": 3}
    )


@app.command("drop-snapshot")
def drop_snapshot(
    snapshot_id: Annotated[
        int, typer.Argument(metavar="ID", help="The snapshot's id (see `treaties snapshots`).")
    ],
    db: DbOption = None,
) -> None:
    """Remove one snapshot (a bad import) with its row versions; history is rebuilt from the others. The
    raw page stays in the raw store."""
    with open_db(db) as store, user_errors():
        m = store.drop_snapshot(snapshot_id)
    print(f"dropped snapshot {snapshot_id} of {m}")


@app.command()
def export(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder for the Parquet and CSV files (default: TREATIES_PROCESSED_DIR or data/processed).",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write Parquet and CSV of the treaties, the latest status (treaty x participant) and the country x
    treaty matrix (the same columns in both formats)."""
    with open_db(db, read_only=True) as store:
        try:
            written = export_tables(store, out or config.processed_dir())
        except ExportError as exc:
            fail(str(exc))
    for p in written:
        print(p)
