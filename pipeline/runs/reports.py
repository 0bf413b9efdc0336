"""The report step of a run: the static site with its feeds, and screenshots for readers without a browser."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from pipeline.errors import one_line
from pipeline.report import render_site
from pipeline.report.browser import BrowserUnavailable, save_screenshots
from pipeline.report.data import StoreLike
from pipeline.report.feeds import link_feeds_in_pages, write_feeds
from pipeline.runs.console import say
from pipeline.store.events import all_events


@contextmanager
def staged_dir(out_dir: Path) -> Iterator[Path]:
    """A fresh folder beside out_dir to write into; its files replace out_dir's, each by a rename, only
    when the block ends without an error. A failed render leaves the last good site as it was."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
    try:
        yield tmp
        for folder, _, files in os.walk(tmp):
            dest = out_dir / Path(folder).relative_to(tmp)
            dest.mkdir(parents=True, exist_ok=True)
            for name in files:
                os.replace(Path(folder) / name, dest / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_site_feeds(store: Any, out_dir: Path) -> list[Path]:
    """The Atom feeds (feeds/all.atom, one per treaty, one per participant) from the store's events, and
    their <link rel="alternate"> in the pages that do not carry them yet."""
    treaties = store.treaties()
    titles = {str(m): str(t or "") for m, t in zip(treaties["mtdsg_no"], treaties["title"], strict=True)}
    codes = sorted(store.participant_codes())
    written = write_feeds(all_events(store), out_dir, titles=titles, countries=codes)
    link_feeds_in_pages(out_dir, treaties=list(titles), countries=codes)
    return written


def render_reports(store: StoreLike, out_dir: Path) -> Path:
    """Write the report site and its feeds; returns its index.html."""
    with staged_dir(out_dir) as tmp:
        render_site(store, tmp)
        write_site_feeds(store, tmp)
    return out_dir / "index.html"


def write_reports(store: StoreLike, out_dir: Path, out: TextIO, *, screenshots: bool = False) -> Path:
    where = render_reports(store, out_dir)
    say(out, f"reports: {where}")
    if screenshots:
        # Needs Debian's chromium, and is skipped (saying so) without it.
        try:
            shots = save_screenshots(where)
        except BrowserUnavailable as exc:
            say(out, f"screenshots: skipped ({exc})")
        except Exception as exc:  # noqa: BLE001 - pictures are a convenience: say why, keep the reports
            say(out, f"screenshots: failed ({type(exc).__name__}: {one_line(exc)})")
        else:
            say(out, f"screenshots: {', '.join(str(p) for p in shots)}")
    return where
