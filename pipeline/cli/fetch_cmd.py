"""Commands that fetch: refresh, crawl, mirror, demo, and verify-raw for the raw store they fill."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer

from pipeline import config, mtdsg
from pipeline.cli.base import DbOption, SiteOutOption, app, fail, user_errors
from pipeline.text import plural

_BASE_HELP = (
    "Site to fetch from (default: TREATIES_BASE_URL or https://treaties.un.org), e.g. a `treaties mirror`."
)
_INTERVAL_HELP = (
    "Minimum seconds between two requests (default: TREATIES_MIN_INTERVAL or 1; at least 1 for any host "
    "but a loopback mirror)."
)
_OFFLINE_HINT = "`make demo` runs the same job against a local mirror of the saved pages"


def _duration(text: str) -> timedelta:
    from pipeline.runs.inputs import parse_duration  # lazy: only this command loads it

    try:
        return parse_duration(text)
    except ValueError as exc:
        fail(f"--max-age: {exc}")


def _base(base_url: str | None, min_interval: float | None) -> str:
    from pipeline.runs.console import contact_notice  # lazy: only the commands that fetch load it

    with user_errors():
        base = (base_url or config.base_url()).rstrip("/")
        if min_interval is not None:
            config.check_min_interval(base, min_interval)
        settings = config.http_settings()  # every setting checked before anything is opened
        if min_interval is None:  # TREATIES_MIN_INTERVAL for this host: refused here, by its name
            config.check_min_interval(base, settings.min_interval_s, name="TREATIES_MIN_INTERVAL")
        if notice := contact_notice(base):
            print(notice, file=sys.stderr)
    return base


@app.command()
def refresh(
    treaties: Annotated[
        list[str] | None,
        typer.Argument(
            help="Treaties to refresh: MTDSG numbers (IV-11-c) or short names (OPSC, CRC). "
            "Default: the watchlist.",
            show_default=False,
        ),
    ] = None,
    watchlist: Annotated[
        Path | None,
        typer.Option(
            "--watchlist",
            help="File listing the treaties to refresh: plain text, one treaty per line, an MTDSG number "
            "or a name (IV-11-c, OPSC, Ottawa Treaty; # comments), "
            'or a .toml file with treaties = ["IV-11-c", ...]. Default: watchlist.txt in the working '
            "folder if it exists, else the core UN human-rights treaties and their optional protocols.",
        ),
    ] = None,
    base_url: Annotated[str | None, typer.Option("--base-url", help=_BASE_HELP)] = None,
    max_age: Annotated[
        str,
        typer.Option(
            "--max-age",
            help="Skip a treaty whose page was fetched and stored within this time (e.g. 0, 30m, 6h, 2d): a "
            "refresh that was interrupted and is run again fetches nothing twice. 0 asks the site for every "
            "page (conditionally: an unchanged page costs a 304).",
        ),
    ] = "6h",
    min_interval: Annotated[float | None, typer.Option("--min-interval", help=_INTERVAL_HELP)] = None,
    reports: Annotated[
        bool, typer.Option("--reports/--no-reports", help="Write the report site after the refresh.")
    ] = True,
    db: DbOption = None,
    out: SiteOutOption = None,
    notify: Annotated[
        list[str] | None,
        typer.Option(
            "--notify",
            metavar="URL",
            help="POST the refresh's new events as one JSON document to this URL (repeatable; default: "
            "TREATIES_NOTIFY). Retried, with a timeout; a receiver that fails is a line in the output "
            "and never fails the refresh.",
            show_default=False,
        ),
    ] = None,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code",
            help="Exit 3 when the refresh found changes (new events) and 0 when it found none, as "
            "`git diff --exit-code` does; a failed treaty still exits 1.",
        ),
    ] = False,
) -> None:
    """Fetch, parse and store the current status of the given treaties (or the watchlist), then write the
    reports; print saved / unchanged / failed; exit non-zero if any treaty failed."""
    from pipeline.catalog import lookup_number  # lazy: only this command loads it
    from pipeline.fetch.discovery import SiteUnreachable  # lazy: only this command loads it
    from pipeline.fetch.http import CircuitOpen  # lazy: only this command loads it
    from pipeline.runs.inputs import load_watchlist  # lazy: only this command loads it
    from pipeline.runs.refresh import exit_status, run_refresh  # lazy: only this command loads it

    base = _base(base_url, min_interval)
    with user_errors():
        todo = list(dict.fromkeys(lookup_number(t) for t in treaties)) if treaties else None
    if todo is None:
        try:
            todo = load_watchlist(watchlist)
        except ValueError as exc:
            fail(str(exc))
    with user_errors():
        try:
            report = run_refresh(
                todo,
                base_url=base,
                max_age=_duration(max_age),
                min_interval=min_interval,
                write_site=reports,
                db=db,
                reports_dir=out,
                notify=notify or config.notify_urls(),
            )
        except SiteUnreachable as exc:
            fail(f"{exc}; nothing was refreshed. {_OFFLINE_HINT}.")
        except CircuitOpen as exc:
            fail(f"stopped: {exc}")
    status = exit_status(report, exit_code=exit_code)
    if status:
        raise typer.Exit(status)


@app.command()
def crawl(
    chapter: Annotated[
        list[str] | None,
        typer.Option(
            "--chapter", help="Chapter to crawl as a roman numeral, e.g. IV (repeatable).", show_default=False
        ),
    ] = None,
    all_chapters: Annotated[
        bool, typer.Option("--all", help="Crawl every chapter the site lists (about 560 treaties).")
    ] = False,
    list_only: Annotated[
        bool,
        typer.Option("--list", help="Only print the discovered MTDSG numbers, one per line; store nothing."),
    ] = False,
    max_age: Annotated[
        str,
        typer.Option(
            "--max-age",
            help="Skip treaties fetched and stored within this time (e.g. 0, 12h, 7d): a rerun resumes.",
        ),
    ] = "1d",
    base_url: Annotated[str | None, typer.Option("--base-url", help=_BASE_HELP)] = None,
    min_interval: Annotated[float | None, typer.Option("--min-interval", help=_INTERVAL_HELP)] = None,
    db: DbOption = None,
) -> None:
    """Discover a chapter's treaties (or the whole collection's) from the status pages' drop-downs, then
    fetch, parse and store each one."""
    from pipeline.fetch.discovery import SiteUnreachable  # lazy: only this command loads it
    from pipeline.fetch.http import CircuitOpen  # lazy: only this command loads it
    from pipeline.runs.refresh import run_crawl  # lazy: only this command loads it

    if bool(chapter) == all_chapters:
        fail("give --chapter ROMAN (repeatable) or --all")
    chapters: list[str] | None = None
    if chapter:
        chapters = []
        for c in chapter:
            try:
                mtdsg.chapter_number(c)
            except ValueError as exc:
                fail(str(exc))
            chapters.append(c.strip().upper())
    base = _base(base_url, min_interval)
    with user_errors():
        try:
            treaties, report = run_crawl(
                chapters,
                base_url=base,
                list_only=list_only,
                max_age=_duration(max_age),
                min_interval=min_interval,
                db=db,
            )
        except SiteUnreachable as exc:
            fail(f"{exc}; nothing was crawled. {_OFFLINE_HINT}.")
        except CircuitOpen as exc:
            fail(f"stopped: {exc}")
    if list_only:
        for t in treaties:
            print(t)
        for p in report.problems:
            print(f"error: {p}", file=sys.stderr)
    if not report.ok or not treaties:
        raise typer.Exit(1)


@app.command()
def mirror(
    directory: Annotated[
        Path,
        typer.Argument(help="Folder of saved <MTDSG>.html status pages and <MTDSG>.xml files (recursive)."),
    ],
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port on 127.0.0.1 (0: any free port).")
    ] = 8765,
) -> None:
    """Serve saved pages on 127.0.0.1 under the site's URL shapes, so refresh and crawl run against them
    with --base-url. Unknown treaties get HTTP 200 and a non-treaty page, as on the real site."""
    from pipeline.fetch.mirror import MirrorServer, index_pages  # lazy: only this command loads it

    if not directory.is_dir():
        fail(f"{directory} is not a folder")
    html, xml = index_pages(directory)
    if not html and not xml:
        fail(f"no .html or .xml pages in {directory}")
    try:
        server = MirrorServer(directory, port)
    except OSError as exc:
        fail(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}")
    print(f"serving {len(html)} status pages and {len(xml)} XML files at {server.base_url} (Ctrl-C to stop)")
    print(f"try: treaties crawl --chapter IV --list --base-url {server.base_url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@app.command()
def demo(
    pages: Annotated[
        Path,
        typer.Option(
            "--pages",
            help="Folder of saved UNTC pages: xml-2018-01-15/ and html-2026-02-03/ (../shared/untc-pages).",
        ),
    ],
    db: DbOption = None,
    out: SiteOutOption = None,
) -> None:
    """Import the 2018 MTDSG XML as the snapshot of 2018-01-15, refresh the watchlist through a loopback
    mirror of the 2026 status pages, write the reports and print the headline counts (about a minute;
    the site and screenshots take about 30 MB)."""
    from pipeline.runs.demo import run_demo  # lazy: only this command loads it

    if not pages.is_dir():
        fail(f"{pages} is not a folder (set PAGES=... or UNTC_PAGES_DIR)")
    with user_errors():
        try:
            imported, refreshed = run_demo(pages, db=db, reports_dir=out)
        except FileNotFoundError as exc:
            fail(str(exc))
    if not (imported.ok and refreshed.ok):
        raise typer.Exit(1)


@app.command("verify-raw")
def verify_raw(
    fix: Annotated[
        bool,
        typer.Option(
            "--fix", help="Remove altered and stray objects, so the next refresh fetches them again."
        ),
    ] = False,
) -> None:
    """Re-hash every object of the raw store (TREATIES_RAW_DIR or ./data/raw) against its name and the
    manifest; list what is missing, altered or stray; exit 1 if anything is wrong."""
    from pipeline.fetch.rawstore import RawStore  # lazy: only this command loads it

    with user_errors():
        report = RawStore(config.raw_dir()).verify(fix=fix)
    for problem in report:
        print(problem)
    print(f"raw store {config.raw_dir()}: {'ok' if not report else plural(len(report), 'problem')}")
    if report and not fix:
        raise typer.Exit(1)
