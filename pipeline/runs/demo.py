"""The demo run: the 2018 XML as the snapshot of 2018-01-15, a refresh through a loopback mirror of the
2026 status pages, the reports, and the headline counts."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from pipeline import config, mtdsg
from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.mirror import run_mirror
from pipeline.fetch.rawstore import RawStore
from pipeline.runs.console import progress_reporter, say
from pipeline.runs.importing import import_files
from pipeline.runs.inputs import load_watchlist
from pipeline.runs.refresh import make_client, refresh
from pipeline.runs.reports import write_reports
from pipeline.runs.results import FAILED, RunReport
from pipeline.store import open_store

DEMO_XML_CAPTURED_AT = datetime(2018, 1, 15, tzinfo=UTC)
DEMO_XML_FOLDER = "xml-2018-01-15"
DEMO_HTML_FOLDER = "html-2026-02-03"


def demo_xml_files(pages: Path) -> list[Path]:
    return sorted((pages / DEMO_XML_FOLDER).glob("*.xml"))


def summarise_pairs(before: RunReport, after: RunReport) -> list[str]:
    """Headline lines: declared parties in the earlier import vs the refresh, treaty by treaty."""
    old = {r.mtdsg_no: r for r in before.results if r.outcome != FAILED}
    lines = []
    for r in after.results:
        o = old.get(r.mtdsg_no)
        if r.outcome == FAILED or o is None or r.declared_parties is None:
            continue
        delta = (r.declared_parties or 0) - (o.declared_parties or 0)
        line = f"  {r.mtdsg_no:<8} parties {o.declared_parties} -> {r.declared_parties} ({delta:+d})"
        if r.declared_signatories is not None or o.declared_signatories is not None:
            line += f", signatories {o.declared_signatories} -> {r.declared_signatories}"
        lines.append(line)
    return lines


def run_demo(
    pages: Path,
    *,
    out: TextIO | None = None,
    min_interval: float = 0.05,
    watchlist: list[str] | None = None,
    db: Path | None = None,
    reports_dir: Path | None = None,
) -> tuple[RunReport, RunReport]:
    """`treaties demo`. The mirror is ours, so it is polled faster than the site."""
    out = out or sys.stdout
    xml_files = demo_xml_files(pages)
    html_dir = pages / DEMO_HTML_FOLDER
    # The saved pages are not part of this repository (see the README's quick start): say what is needed.
    needs = f"the demo reads the saved UNTC pages ({DEMO_XML_FOLDER}/ and {DEMO_HTML_FOLDER}/) from --pages"
    if not xml_files:
        raise FileNotFoundError(f"no MTDSG XML files in {pages / DEMO_XML_FOLDER}: {needs}")
    if not html_dir.is_dir():
        raise FileNotFoundError(f"no folder {html_dir}: {needs}")
    raw = RawStore(config.raw_dir())
    db = db or config.db_path()
    reports_dir = reports_dir or config.reports_dir()
    with open_store(db) as store:
        say(out, f"1/3 importing {len(xml_files)} MTDSG XML files as the snapshot of 2018-01-15")
        with progress_reporter(len(xml_files), "import", stream=out, failures_only=True) as on_result:
            imported = import_files(
                xml_files, store, raw, captured_at=DEMO_XML_CAPTURED_AT, on_result=on_result
            )
        say(out, f"    {imported.summary()}")
        with run_mirror(html_dir) as mirror:
            base = mirror.base_url
            watchlist = watchlist or load_watchlist()
            # The mirror also holds the arms-control pages (chapter XXVI): refresh them too, after the
            # watchlist, so the demo's reports cover every saved 2026 page.
            watchlist = watchlist + sorted(
                {p.stem for p in html_dir.glob("*.html")} - set(watchlist), key=mtdsg.sort_key
            )
            say(out, f"2/3 refreshing {len(watchlist)} treaties from the mirror at {base}")
            # max_age None: always ask the mirror (conditionally: a rerun gets 304s and reports "unchanged").
            with make_client(base, min_interval=min_interval) as http:
                fetcher = Fetcher(http, raw, base)
                with progress_reporter(len(watchlist), "refresh", stream=out) as on_result:
                    refreshed = refresh(watchlist, fetcher, store, max_age=None, on_result=on_result)
            http_requests = len(mirror.log)
        say(out, f"    {refreshed.summary()} ({http_requests} HTTP requests on 127.0.0.1)")
        say(out, "3/3 reports")
        write_reports(store, reports_dir, out, screenshots=True)
    lines = summarise_pairs(imported, refreshed)
    if lines:
        say(out, "declared counts, 2018 -> 2026:")
        for line in lines:
            say(out, line)
    say(out, f"database: {db}   raw store: {config.raw_dir()}")
    say(out, f"reports: {reports_dir / 'index.html'}")
    return imported, refreshed
