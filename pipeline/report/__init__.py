"""Reports: a static site (treaty and country pages, charts, a map), the country x treaty matrix, README."""

from __future__ import annotations

from pathlib import Path

from pipeline.report.data import SiteData, StoreLike, load_site_data, site_inputs
from pipeline.report.output import Progress, ReportWriteError, SiteSize, SiteWriter, site_size
from pipeline.report.site import render_pages, render_site_data

__all__ = [
    "render_site",
    "render_site_data",
    "load_site_data",
    "SiteData",
    "ReportWriteError",
    "SiteSize",
    "site_size",
    "Progress",
]


def render_site(store: StoreLike, out_dir: Path, *, progress: Progress | None = None) -> Path:
    """Write the report for every treaty in an open store into out_dir; returns index.html's path.

    Incremental: when the store's treaty rows and the report's code are those of the last build into
    out_dir (its manifest says so) and the files are all there, nothing is read beyond Store.treaties()
    and no file is touched; otherwise every page is rendered and only those whose bytes changed are
    written. `progress(done, total, label)` is called per treaty read and per file written or checked.
    """
    writer = SiteWriter(Path(out_dir), progress)
    treaties = store.treaties()
    inputs = site_inputs(treaties)
    if not writer.up_to_date(inputs):
        render_pages(load_site_data(store, progress, treaties), writer)
        writer.finish(inputs)
    return writer.out_dir / "index.html"
