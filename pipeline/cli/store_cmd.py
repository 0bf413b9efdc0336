"""Commands on the database: import saved pages; status, asof, diff, country, snapshots; export; undo."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pipeline import config
from pipeline.cli.base import (
    DbOption,
    FormatOption,
    OutputFormat,
    app,
    fail,
    open_db,
    parse_day,
    print_csv,
    print_json,
    print_jsonl,
    print_rows,
    resolve_treaty,
    user_errors,
)
from pipeline.text import plural
from pipeline.vocab import ChangeKind, Status

if TYPE_CHECKING:
    from pipeline.normalise.countries import CountryMatch

_TREATY_HELP = "MTDSG number (IV-11-c) or short name (OPSC, CRC, ...)."
_STATUS_WORDS = (
    f"{Status.PARTY}: ratified, acceded, succeeded, accepted or approved; {Status.SIGNATORY}: signed, not"
    f" (yet) a party; {Status.WITHDRAWN}: denounced or withdrew; {Status.NO_ACTION}: not listed on the"
    f" treaty's page; {Status.UNKNOWN}: the snapshot does not list participants"
)


def match_words(match: CountryMatch) -> str:
    """How a query found its participant, in words: ", from the common name 'UK'", or nothing."""
    from pipeline.normalise.countries import MatchKind  # lazy: the name tables only for `country`

    how = {
        MatchKind.FORMER_NAME: "an earlier or other UN spelling",
        MatchKind.ALIAS: "the common name",
        MatchKind.ALPHA3: "the ISO code",
        MatchKind.ALPHA2: "the ISO code",
    }.get(match.matched_by)
    return f", from {how} {match.matched!r}" if how else ""


def _cut(text: str | None, limit: int = 120) -> str | None:
    """A long declaration shortened for the table on a screen (the machine formats keep it whole)."""
    return text if text is None or len(text) <= limit else text[: limit - 1] + "\u2026"


def _document(obj: dict[str, Any], fmt: OutputFormat) -> None:
    """One answer (not a list): json pretty, jsonl one line, csv one row (lists as JSON text)."""
    if fmt is OutputFormat.json:
        print_json(obj)
    elif fmt is OutputFormat.jsonl:
        print_jsonl([obj])
    else:
        print_csv([obj], list(obj))


def _cited(row: dict[str, Any], mtdsg_no: str) -> dict[str, Any]:
    """A row's `source` as an output may show it (a file by its name only), and `source_mirror_of` set to
    the UN page when the bytes were read from a loopback mirror of it."""
    from pipeline.store.rows import mirror_of, public_source  # lazy: the store's modules load with it

    out = dict(row)
    out["source"] = public_source(row.get("source"))
    out["source_mirror_of"] = mirror_of(mtdsg_no, row.get("source"))
    return out


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
    from pipeline.fetch.rawstore import RawStore  # lazy: the import stages only for `import`
    from pipeline.runs.console import progress_reporter  # lazy: as above
    from pipeline.runs.importing import import_files  # lazy: as above
    from pipeline.sources import iter_page_files  # lazy: as above

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
    """A treaty's latest counts with their status date and source, and its participants table (json: one
    document with the participants in it; jsonl and csv: one record per participant)."""
    from pipeline.store.rows import PARTICIPANT_COLUMNS  # lazy: the store's modules load with it

    with open_db(db, read_only=True) as store:
        m = resolve_treaty(store, treaty)
        info = _cited(store.treaty(m), m)
        latest = store.latest(m, info["as_at"].date())
    parts, store_scheduled = latest.participants, latest.scheduled
    info["signed_not_party"] = latest.counts.signed_not_party
    info["scheduled"] = [s.to_dict() for s in store_scheduled]
    if fmt is OutputFormat.json:
        print_json({**info, "participants": parts})
        return
    if fmt in (OutputFormat.jsonl, OutputFormat.csv):
        cited = [{**p, "mtdsg_no": m, "un_url": info["un_url"]} for p in parts]
        print_rows(cited, fmt, columns=[*PARTICIPANT_COLUMNS, "mtdsg_no", "un_url"])
        return
    name = f" ({info['short_name']})" if info["short_name"] else ""
    print(f"{m}{name}: {info['title']}")
    from pipeline.cli.tables import format_value  # lazy: rich only for the table format

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
    cite, source = info["un_url"], info["source"]
    if info["source_mirror_of"]:
        read = f" (read from {source}, a mirror of it)"
    else:
        read = f" (read from {source})" if source and source != cite else ""
    print(f"source: {cite}{read}")
    for line in dict.fromkeys(f"pending: {p.text()} (end note {p.note})" for p in store_scheduled):
        print(line)
    if parts:
        cols = ["iso3", "name", "signature_date", "consent_date", "consent_type", "withdrawn", "footnotes"]
        print_rows(
            parts,
            fmt,
            columns=PARTICIPANT_COLUMNS,
            shown=cols,
            priorities={"footnotes": 1, "withdrawn": 2, "consent_type": 3},
        )


@app.command()
def asof(
    treaty: Annotated[str, typer.Argument(help=_TREATY_HELP)],
    on: Annotated[str, typer.Argument(metavar="DATE", help="The date (YYYY-MM-DD) to count parties on.")],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Parties, signatories and signed-not-party of a treaty on a date, from all the snapshots, with the
    rule used and any participation that vanished without notice (uncertain). One record in every format
    (csv: `uncertain` as JSON text)."""
    day = parse_day(on, "DATE")
    with open_db(db, read_only=True) as store:
        m = resolve_treaty(store, treaty)
        with user_errors():
            result = store.asof(m, day)
    if fmt is not OutputFormat.table:
        _document(result.to_dict(), fmt)
        return
    sig = f"{result.range_text('signatories')} signatories" if result.has_signature_procedure else ""
    if result.participants_listed:
        sig += f" ({result.signed_not_party} signed but not party)" if sig else "no signature procedure"
        print(f"{m} on {day}: {result.range_text()} parties, {sig}")
    else:
        print(f"{m} on {day}: {result.parties} parties, {result.signatories} signatories (declared)")
    print(f"basis: {result.basis}")
    for line in result.caveats:
        print(f"note: {line}")
    for u in result.uncertain:
        print(f"uncertain: {u.name} ({u.iso3}) {u.role}, gone between {u.between[0]} and {u.between[1]}")


_CHANGE_COLUMNS = ["iso3", "name", "change", "before", "after", "effective", "rule"]


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
    renumbering alone is not listed as a change in the table (json, jsonl and csv keep it). json: one
    document; jsonl and csv: one record per change."""
    from_day = parse_day(from_, "--from") if from_ else None
    to_day = parse_day(to, "--to") if to else None
    with open_db(db, read_only=True) as store:
        m = resolve_treaty(store, treaty)
        with user_errors():
            result = store.diff(m, from_day, to_day)
    d = result.to_dict()
    changes: list[dict[str, Any]] = d["changes"]
    if fmt is OutputFormat.json:
        print_json(d)
        return
    if fmt in (OutputFormat.jsonl, OutputFormat.csv):
        extra = {"mtdsg_no": m, "from": d["from"], "to": d["to"], "un_url": d["un_url"]}
        print_rows([{**c, **extra} for c in changes], fmt, columns=[*_CHANGE_COLUMNS, *extra])
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
    shown = [
        {**c, "change": ChangeKind(c["change"]).words, "before": _cut(c["before"]), "after": _cut(c["after"])}
        for c in changes
        if c["change"] != ChangeKind.FOOTNOTES_CHANGED
    ]
    # A withdrawal's effective date and its rule: columns only when some change has them.
    columns = [c for c in _CHANGE_COLUMNS if c not in ("effective", "rule") or any(r.get(c) for r in shown)]
    if shown:
        print_rows(shown, fmt, columns=columns, priorities={"before": 1, "after": 2})
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
        typer.Option(
            "--all",
            help="Also list the treaties with no action and those with status unknown (every format).",
        ),
    ] = False,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """One participant's status in every treaty in the database where it acted, in treaty-number order
    (--all: every treaty). One record per treaty in json, jsonl and csv."""
    from pipeline.normalise.countries import lookup_country  # lazy: the name tables only for `country`
    from pipeline.store.queries import COUNTRY_COLUMNS  # lazy: the store's modules load with it

    with user_errors():
        match = lookup_country(participant)
    with open_db(db, read_only=True) as store, user_errors():
        if match.iso3 not in store.participant_codes():
            fail(f"{match.name} ({match.iso3}) takes part in no treaty in the database")
        rows = store.reader.country_rows(match.iso3)
    acted = [r for r in rows if r["status"] not in (Status.NO_ACTION, Status.UNKNOWN)]
    shown = rows if all_treaties else acted
    if fmt is not OutputFormat.table:
        print_rows(shown, fmt, columns=COUNTRY_COLUMNS)
        return
    print(f"{match.name} ({match.iso3}){match_words(match)}")
    counts = {s: sum(1 for r in rows if r["status"] == s) for s in Status}
    print(
        f"party to {counts[Status.PARTY]}, signed only {counts[Status.SIGNATORY]}, withdrew from "
        f"{counts[Status.WITHDRAWN]}; no action in {counts[Status.NO_ACTION]}; status unknown for "
        f"{counts[Status.UNKNOWN]} (participants not listed); {plural(len(rows), 'treaty', 'treaties')} "
        "in the database"
    )
    cols = ["mtdsg_no", "short_name", "status", "signature_date", "consent_date", "consent_type", "as_at"]
    print_rows(
        shown,
        fmt,
        columns=COUNTRY_COLUMNS,
        shown=cols,
        priorities={"short_name": 1, "as_at": 2, "consent_type": 3},
    )
    print(f"status: {_STATUS_WORDS}")


@app.command()
def snapshots(
    treaty: Annotated[str, typer.Argument(help=_TREATY_HELP)],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Every snapshot of a treaty with its provenance (id, status date, source, the UN page it stands for,
    raw sha256, counts), so a bad one can be removed with drop-snapshot. A file is shown by its name."""
    from pipeline.store.queries import SNAPSHOT_COLUMNS  # lazy: the store's modules load with it

    with open_db(db, read_only=True) as store:
        m = resolve_treaty(store, treaty)
        rows = [_cited(r, m) for r in store.reader.snapshot_rows(m)]
    cols = ["snapshot_id", "as_at", "source_kind", "declared_parties", "counted_parties", "observations",
            "last_confirmed_at", "source", "raw_sha256"]  # fmt: skip
    print_rows(
        rows,
        fmt,
        columns=[*SNAPSHOT_COLUMNS, "source_mirror_of"],
        shown=cols,
        title=m,
        priorities={"raw_sha256": 1, "source": 2, "last_confirmed_at": 3},
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
    from pipeline.runs.export import ExportError, export_tables  # lazy: pandas and pyarrow only to export

    with open_db(db, read_only=True) as store:
        try:
            written = export_tables(store, out or config.processed_dir())
        except ExportError as exc:
            fail(str(exc))
    for p in written:
        print(p)
