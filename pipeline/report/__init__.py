"""Reports: a static site (treaty and country pages, charts, a map), the country x treaty matrix, README."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.report.data import SiteData, StoreLike, load_site_data, site_inputs
from pipeline.report.output import Progress, ReportWriteError, SiteSize, SiteWriter, site_size
from pipeline.report.site import render_pages, render_site_data

__all__ = [
    "render_site",
    "build_site",
    "SiteBuild",
    "render_site_data",
    "load_site_data",
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


def build_site(store: StoreLike, out_dir: Path, *, progress: Progress | None = None) -> SiteBuild:
    """Write the report for every treaty in an open store into out_dir, incrementally.

    When the store's treaty rows and the report's code are those of the last build into out_dir (its
    manifest says so) and the files are all there, nothing is read beyond Store.treaties() and no file is
    touched; otherwise every page is rendered and only those whose bytes changed are written, and pages
    no longer produced are removed. `progress(done, total, label)` is called per treaty read and per
    file written or checked.
    """
    writer = SiteWriter(Path(out_dir), progress)
    treaties = store.treaties()
    inputs = site_inputs(treaties)
    if not writer.up_to_date(inputs):
        render_pages(load_site_data(store, progress, treaties), writer)
        writer.finish(inputs)
    return SiteBuild(
        index=writer.out_dir / "index.html",
        written=tuple(writer.written),
        unchanged=len(writer.files) - len(writer.written),
        removed=tuple(writer.removed),
    )


def render_site(store: StoreLike, out_dir: Path, *, progress: Progress | None = None) -> Path:
    """build_site, returning the path of index.html."""
    return build_site(store, out_dir, progress=progress).index
