"""Reports: a static site (treaty and country pages, charts, a map), the country x treaty matrix, README."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.report.data import SiteData, StoreLike, TreatyData, load_treaty, site_inputs
from pipeline.report.feeds import feed_files
from pipeline.report.output import Progress, ReportWriteError, SiteSize, SiteWriter, site_size
from pipeline.report.site import render_pages
from pipeline.report.summary import TreatySummary
from pipeline.store.events import Event, newest_first

__all__ = [
    "render_site",
    "build_site",
    "current_site",
    "SiteBuild",
    "SiteData",
    "ReportWriteError",
    "SiteSize",
    "site_size",
    "Progress",
]


@dataclass(frozen=True)
class SiteBuild:
    """What one build did: index.html's path and the files written, kept as they were, and removed."""

    index: Path
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def build_site(
    store: StoreLike,
    out_dir: Path,
    *,
    progress: Progress | None = None,
    events: Callable[[str], Sequence[Event]] | None = None,
) -> SiteBuild:
    """Write the report for every treaty in an open store into out_dir, incrementally.

    When the store's treaty rows and the report's code are those of the last build into out_dir (its
    manifest says so) and the files are all there, nothing is read beyond Store.treaties() and no file is
    touched; otherwise every page is rendered and only those whose bytes changed are written, and pages
    no longer produced are removed. `progress(done, total, label)` is called per treaty read and per
    file written or checked. `events` gives a treaty's change events (Store events.treaty_events), called
    only for treaties whose pages are rendered again (the others' are kept in the manifest); the Atom
    feeds are made of them. Without it the site has no feeds.
    """
    writer = SiteWriter(Path(out_dir), progress)
    treaties = store.treaties()
    inputs = site_inputs(treaties, feeds=events is not None)
    if not writer.up_to_date(inputs):
        read = 0

        def load(info: dict[str, Any]) -> TreatyData:
            nonlocal read
            read += 1
            td = load_treaty(store, info)
            if progress is not None:
                progress(read, len(treaties), f"read {info['mtdsg_no']}")
            return td

        summaries = render_pages(treaties, load, writer, events=events, procedures=store.acceptances())
        if events is not None:
            _write_feeds(summaries, writer, newest_first(e for s in summaries for e in s.events), treaties)
        writer.finish(inputs)
    return SiteBuild(
        index=writer.out_dir / "index.html",
        written=tuple(writer.written),
        unchanged=len(writer.files) - len(writer.written),
        removed=tuple(writer.removed),
    )


def current_site(store: StoreLike, out_dir: Path, *, feeds: bool) -> SiteBuild | None:
    """The site in out_dir if it is up to date with the store (build_site would render nothing), else
    None; nothing is written. Lets a caller skip preparing a build that has nothing to do."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        return None
    writer = SiteWriter(out_dir)
    if not writer.up_to_date(site_inputs(store.treaties(), feeds=feeds)):
        return None
    return SiteBuild(index=out_dir / "index.html", written=(), unchanged=len(writer.files), removed=())


def _write_feeds(
    summaries: list[TreatySummary], writer: SiteWriter, events: Sequence[Event], treaties: pd.DataFrame
) -> None:
    titles = {str(m): str(t or "") for m, t in zip(treaties["mtdsg_no"], treaties["title"], strict=True)}
    latest = max((t for t in treaties["as_at"] if t is not None), default=None)
    # Every country page links its feed: each participant of the site gets one, even with no event yet.
    codes = sorted({r.iso3 for s in summaries for r in s.rows if r.iso3})
    files = feed_files(events, titles=titles, countries=codes, now=latest)
    for rel, atom in files:
        writer.write(rel, atom)


def render_site(
    store: StoreLike,
    out_dir: Path,
    *,
    progress: Progress | None = None,
    events: Callable[[str], Sequence[Event]] | None = None,
) -> Path:
    """build_site, returning the path of index.html."""
    return build_site(store, out_dir, progress=progress, events=events).index
