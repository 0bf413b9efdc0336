"""Commands beyond ratification: who accepts which complaint procedure since when; who objected to whose
reservations; which reservations were withdrawn."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Annotated

import typer

from pipeline.cli.base import (
    DbOption,
    FormatOption,
    OutputFormat,
    app,
    fail,
    open_db,
    parse_day,
    print_rows,
    resolve_treaty,
    user_errors,
)
from pipeline.text import plural

_TREATY_HELP = "MTDSG number (IV-8) or short name (CEDAW, ...)."
_ANSWERS = (
    "yes: accepted; no: a party that has not accepted it; not party: not a party to the treaty (or the"
    " protocol); unknown: a declaration whose text is not on the page"
)


def _country(name: str) -> tuple[str, str]:
    from pipeline.normalise.countries import lookup_country  # lazy: the name tables only when asked

    with user_errors():
        match = lookup_country(name)
    return match.iso3, match.name


def _plural(n: int, one: str) -> str:
    return plural(n, one)


@app.command()
def procedures(
    participant: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME|CODE",
            help="A participant by any common name or ISO 3166 code; without it, how many accept each"
            " procedure.",
            show_default=False,
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
    through a declaration under an article or a complaints protocol, and since when. json, jsonl and csv
    give one record per participant and procedure, with the UN page (un_url) that records it."""
    from pipeline import catalog  # lazy: the name table only for the table format
    from pipeline.store.history import today_utc  # lazy: the store's modules
    from pipeline.store.procedures import NOT_PARTY, Acceptance, columns, core_treaties  # lazy: store

    on: date | None = parse_day(asof, "--asof") if asof else None
    code, name = _country(participant) if participant else (None, None)
    with open_db(db, read_only=True) as store:
        missing = [m for m in core_treaties() if m not in set(store.known_treaties())]
        rows = [r.to_dict() for r in store.acceptances(on=on, iso3=code)]
    if code is not None and all(r["accepted"] == NOT_PARTY for r in rows):
        fail(f"{name} ({code}) is a party to none of the core treaties in the database")
    if fmt is not OutputFormat.table:
        print_rows(rows, fmt, columns=columns(Acceptance))
        return
    when = f"as of {on}" if on else "on the latest snapshots"
    if on is not None and on > today_utc():
        print(f"note: {on} is after today: a projection from the latest snapshots, not a record")
    if missing:
        print(f"not in the database (nobody counted as a party): {', '.join(missing)}")
    for r in rows:
        r["treaty"] = catalog.short_name(r["core"]) or r["core"]
    if code is not None:
        print(f"{name} ({code}): complaint procedures {when}")
        print_rows(
            rows, fmt, columns=["treaty", "procedure", "accepted", "since", "basis"], priorities={"basis": 1}
        )
        print(_ANSWERS)
        return
    counts = Counter((r["core"], r["procedure"], r["accepted"]) for r in rows)
    seen = dict.fromkeys((r["treaty"], r["core"], r["procedure"]) for r in rows)
    print(f"complaint procedures of the core human-rights treaties {when}")
    summary = [
        {
            "treaty": treaty,
            "procedure": proc,
            "accepting": counts[(core, proc, "yes")],
            "parties not accepting": counts[(core, proc, "no")],
            "unknown": counts[(core, proc, "unknown")],
        }
        for treaty, core, proc in seen
    ]
    print_rows(summary, fmt, columns=list(summary[0]) if summary else ["treaty"])


@app.command("objections")
def objections_cmd(
    treaty: Annotated[str, typer.Argument(help=_TREATY_HELP)],
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
    them (one record per objecting participant, reserving participant and date; "?" where the objection
    names no participant the tool can read)."""
    from pipeline.store.procedures import Objection, columns  # lazy: the store's modules

    by_code = _country(by)[0] if by else None
    against_code = _country(against)[0] if against else None
    with open_db(db, read_only=True) as store:
        m = resolve_treaty(store, treaty)
        found = [o.to_dict() for o in store.objections(m, by=by_code, against=against_code)]
    if fmt is not OutputFormat.table:
        print_rows(found, fmt, columns=columns(Objection))
        return
    if not found:
        print(f"{m}: no objections" + (" matching" if by or against else ""))
        return
    states = len({o["objecting"] for o in found})
    print(f"{m}: {_plural(len(found), 'objection')} by {_plural(states, 'participant')}")
    print_rows(
        found,
        fmt,
        columns=["objecting", "objected_on", "reserving", "heading"],
        priorities={"heading": 1},
    )


@app.command("reservations")
def reservations_cmd(
    treaty: Annotated[str, typer.Argument(help=_TREATY_HELP)],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Reservations, declarations and objections withdrawn on a treaty (in whole or in part), dated by the
    notifications its latest end notes report, with the note's own sentence."""
    from pipeline.store.procedures import WithdrawnStatement, columns  # lazy: the store's modules

    with open_db(db, read_only=True) as store:
        m = resolve_treaty(store, treaty)
        withdrawn, unread = store.withdrawn_statements(m)
        found = [w.to_dict() for w in withdrawn]
    if fmt is not OutputFormat.table:
        print_rows(found, fmt, columns=columns(WithdrawnStatement))
        return
    print(f"{m}: {_plural(len(found), 'withdrawal')} of reservations, declarations or objections")
    for w in found:
        w["withdrew"] = w["what"] + (" (in part)" if w["partial"] else "")
    if found:
        print_rows(found, fmt, columns=["notified_on", "participant", "withdrew", "note"])
    if unread:
        print(
            f"{_plural(unread, 'more sentence')} of the end notes speak of a withdrawal this tool cannot date"
            " or attribute: read the treaty's end notes"
        )
