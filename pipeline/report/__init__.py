"""Reports: a static site (treaty and country pages, charts, a map), the country x treaty matrix, README."""

from __future__ import annotations

from pathlib import Path

from pipeline.report.data import SiteData, StoreLike, load_site_data
from pipeline.report.site import render_site_data

__all__ = ["render_site", "render_site_data", "load_site_data", "SiteData"]


def render_site(store: StoreLike, out_dir: Path) -> Path:
    """Write the whole report for every treaty in an open store into out_dir; returns index.html's path."""
    return render_site_data(load_site_data(store), Path(out_dir))
