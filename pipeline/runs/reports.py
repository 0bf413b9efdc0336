"""The report step of a run: the static site, and screenshots for readers without a browser."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from pipeline.errors import one_line
from pipeline.report import render_site
from pipeline.report.browser import BrowserUnavailable, save_screenshots
from pipeline.report.data import StoreLike
from pipeline.runs.console import say


def render_reports(store: StoreLike, out_dir: Path) -> Path:
    """Write the report site; returns its index.html."""
    return render_site(store, out_dir)


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
