"""Commands on complaint procedures and objections: who accepts which procedure since when; who objected
to whose reservations."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Annotated

import pandas as pd
import typer

from pipeline import catalog
from pipeline.cli.app import DbOption, FormatOption, OutputFormat, app, fail, open_db, parse_day, print_frame
from pipeline.cli.app import resolve_treaty as resolve_treaty_name
from pipeline.normalise.countries import lookup_country
from pipeline.runs.console import plural
from pipeline.store.procedures import (
    ACCEPTED,
    NOT_ACCEPTED,
    NOT_PARTY,
    UNREAD,
    acceptances,
    core_treaties,
    objections,
    withdrawn_statements,
)

_ANSWERS = (
    f"{ACCEPTED}: accepted; {NOT_ACCEPTED}: a party that has not accepted it; {NOT_PARTY}: not a party to the"
    f" treaty (or the protocol); {UNREAD}: a declaration whose text is not on the page"
)


def _country(name: str) -> tuple[str, str]:
    try:
        match = lookup_country(name)
    except LookupError as exc:
        fail(str(exc))
    return match.iso3, match.name


@app.command()
def procedures(
    participant: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME|CODE",
            help="A participant by any common name or ISO 3166 code; without it, how many accept each"
            " procedure.",
        ),
    ] = None,
    asof: Annotated[
        str | None,
        typer.Option(
            "--asof", metavar="DATE", help="The acceptance on this date (YYYY-MM-DD) instead of now."
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Who accepts each core human-rights treaty's complaint procedures (individual, inter-State, inquiry),
    through a declaration under an article or a complaints protocol, and since when. json, jsonl and csv give
    one record per participant and procedure, with the UN page (un_url) that records it."""
    on: date | None = parse_day(asof, "--asof") if asof else None
    code, name = _country(participant) if participant else (None, None)
    with open_db(db, read_only=True) as store:
        missing = [m for m in core_treaties() if m not in set(store.known_treaties())]
        rows = acceptances(store.con, on=on, iso3=code)
    if code is not None and all(r.accepted == NOT_PARTY for r in rows):
        fail(f"{name} ({code}) is a party to none of the core treaties in the database")
    when = f"as of {on}" if on else "on the latest snapshots"
    if fmt is not OutputFormat.table:
        print_frame(pd.DataFrame([r.to_dict() for r in rows]), fmt)
        return
    if missing:
        print(f"not in the database (counted as no party): {', '.join(missing)}")
    if code is not None:
        print(f"{name} ({code}): complaint procedures {when}")
        df = pd.DataFrame(
            [
                {
                    "treaty": catalog.short_name(r.core) or r.core,
                    "procedure": r.procedure,
                    "accepted": r.accepted,
                    "since": r.since,
                    "basis": r.basis,
                }
                for r in rows
            ]
        )
        print_frame(df, fmt, priorities={"basis": 1})
        print(_ANSWERS)
        return
    counts = Counter((r.core, r.procedure, r.accepted) for r in rows)
    seen = dict.fromkeys((r.core, r.procedure) for r in rows)
    print(f"complaint procedures of the core human-rights treaties {when}")
    df = pd.DataFrame(
        [
            {
                "treaty": catalog.short_name(core) or core,
                "procedure": proc,
                "accepting": counts[(core, proc, ACCEPTED)],
                "parties not accepting": counts[(core, proc, NOT_ACCEPTED)],
                "unknown": counts[(core, proc, UNREAD)],
            }
            for core, proc in seen
        ]
    )
    print_frame(df, fmt)


@app.command("objections")
def objections_cmd(
    treaty: Annotated[str, typer.Argument(help="MTDSG number (IV-8) or short name (CEDAW, ...).")],
    by: Annotated[
        str | None, typer.Option("--by", metavar="NAME|CODE", help="Only the objections of this participant.")
    ] = None,
    against: Annotated[
        str | None,
        typer.Option(
            "--against", metavar="NAME|CODE", help="Only the objections to this participant's reservations."
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Who objected to whose reservations or declarations on a treaty, and when, as the latest snapshot lists
    them (one row per objecting participant, reserving participant and date; "?" where the objection names
    no participant the tool can read)."""
    by_code = _country(by)[0] if by else None
    against_code = _country(against)[0] if against else None
    with open_db(db, read_only=True) as store:
        m = resolve_treaty_name(store, treaty)
        found = objections(store.con, m, by=by_code, against=against_code)
    if fmt is not OutputFormat.table:
        print_frame(pd.DataFrame([o.to_dict() for o in found]), fmt)
        return
    if not found:
        print(f"{m}: no objections" + (" matching" if by or against else ""))
        return
    states = len({o.objecting for o in found})
    print(f"{m}: {plural(len(found), 'objection')} by {plural(states, 'participant')}")
    df = pd.DataFrame(
        [
            {"objecting": o.objecting, "date": o.objected_on, "reserving": o.reserving, "heading": o.heading}
            for o in found
        ]
    )
    print_frame(df, fmt, priorities={"heading": 1})


@app.command("reservations")
def reservations_cmd(
    treaty: Annotated[str, typer.Argument(help="MTDSG number (IV-8) or short name (CEDAW, ...).")],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Reservations, declarations and objections withdrawn on a treaty (in whole or in part), dated by the
    notifications its latest end notes report, with the note's own sentence."""
    with open_db(db, read_only=True) as store:
        m = resolve_treaty_name(store, treaty)
        found, unread = withdrawn_statements(store.con, m)
    if fmt is not OutputFormat.table:
        print_frame(pd.DataFrame([w.to_dict() for w in found]), fmt)
        return
    print(f"{m}: {plural(len(found), 'withdrawal')} of reservations, declarations or objections")
    if found:
        df = pd.DataFrame(
            [
                {
                    "date": w.notified_on,
                    "participant": w.participant,
                    "withdrew": w.what + (" (in part)" if w.partial else ""),
                    "note": w.note,
                }
                for w in found
            ]
        )
        print_frame(df, fmt)
    if unread:
        print(
            f"{unread} more sentence{'s' if unread != 1 else ''} of the end notes speak of a withdrawal this"
            " tool cannot date or attribute: read the treaty's end notes"
        )
