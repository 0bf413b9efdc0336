"""The watch command: refresh, report, notify (and export) on a schedule, in the foreground."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline import config
from pipeline.cli.base import DbOption, SiteOutOption, app, fail, user_errors


@app.command()
def watch(
    treaties: Annotated[
        list[str] | None,
        typer.Argument(
            help="Treaties to watch: MTDSG numbers (IV-11-c) or short names (OPSC); default: the watchlist.",
            show_default=False,
        ),
    ] = None,
    every: Annotated[
        str,
        typer.Option(
            "--every",
            help="Time from the start of one cycle to the start of the next (e.g. 90s, 30m, 6h, 1d).",
        ),
    ] = "6h",
    watchlist: Annotated[
        Path | None,
        typer.Option(
            "--watchlist",
            help="File listing the treaties to watch (as for `treaties refresh --watchlist`).",
            show_default=False,
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="Site to fetch from (default: TREATIES_BASE_URL or https://treaties.un.org).",
            show_default=False,
        ),
    ] = None,
    notify: Annotated[
        list[str] | None,
        typer.Option(
            "--notify",
            metavar="URL",
            help="POST each cycle's new events as one JSON document to this URL (repeatable); a receiver "
            "that fails costs a line in the log, never the cycle.",
            show_default=False,
        ),
    ] = None,
    max_age: Annotated[
        str,
        typer.Option(
            "--max-age",
            help="Skip a treaty fetched within this time (0: ask the site for every page each cycle, "
            "conditionally, so an unchanged page costs a 304).",
        ),
    ] = "0",
    min_interval: Annotated[
        float | None,
        typer.Option(
            "--min-interval",
            help="Minimum seconds between two requests (default: TREATIES_MIN_INTERVAL or 1; at least 1 for "
            "any host but a loopback mirror).",
        ),
    ] = None,
    export: Annotated[
        Path | None,
        typer.Option(
            "--export",
            metavar="DIR",
            help="Also write the data package (as `treaties export --out DIR`) after each cycle.",
            show_default=False,
        ),
    ] = None,
    cycles: Annotated[
        int | None,
        typer.Option("--cycles", min=1, help="Stop after this many cycles (default: run until stopped)."),
    ] = None,
    db: DbOption = None,
    out: SiteOutOption = None,
) -> None:
    """Refresh the treaties, write the reports and feeds, notify, then sleep, again and again, until
    SIGTERM or Ctrl-C: the cycle under way is finished first (a second signal stops at once). One run at a
    time: a cycle that finds another run holding the database's lock skips its turn. A failed cycle keeps
    the last good site and data and the loop goes on."""
    from pipeline.catalog import lookup_number  # lazy: only this command loads it
    from pipeline.runs.inputs import load_watchlist, parse_duration  # lazy: only this command loads it
    from pipeline.runs.watch import run_watch  # lazy: only this command loads it

    try:
        period = parse_duration(every)
        age = parse_duration(max_age)
    except ValueError as exc:
        fail(f"--every/--max-age: {exc}")
    if period.total_seconds() <= 0:
        fail("--every: give a period longer than 0, e.g. 6h")
    if treaties:
        with user_errors():
            todo = list(dict.fromkeys(lookup_number(t) for t in treaties))
    else:
        try:
            todo = load_watchlist(watchlist)
        except ValueError as exc:
            fail(str(exc))
    with user_errors():
        base = (base_url or config.base_url()).rstrip("/")
        if min_interval is not None:
            config.check_min_interval(base, min_interval)
        urls = notify or config.notify_urls()
    done = run_watch(
        todo,
        every=period,
        base_url=base,
        notify=urls,
        max_age=age,
        min_interval=min_interval,
        export_dir=export,
        cycles=cycles,
        db=db or config.db_path(),
        reports_dir=out,
    )
    if done and not any(c.ok for c in done):
        raise typer.Exit(1)
