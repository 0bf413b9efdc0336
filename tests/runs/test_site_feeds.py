"""The site a refresh writes carries the feeds, linked from its pages; a failed render keeps the last site."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.fetch.mirror import MirrorServer
from pipeline.runs import reports as run_reports
from tests.runs.conftest import refresh

feedparser = pytest.importorskip(
    "feedparser", reason="feedparser is a dev dependency (pip install -e '.[dev]')"
)


def test_refreshed_site_has_feeds_of_iv_11_c(world: Path, mirror: MirrorServer) -> None:
    site = world / "reports"
    report, _ = refresh(world, mirror, [], write_site=True, reports_dir=site)
    assert report.ok
    feed = feedparser.parse((site / "feeds" / "treaty" / "IV-11-c.atom").read_bytes())
    assert not feed.bozo
    got = {(e.tags[0].term, e.title) for e in feed.entries}
    for title in [
        "Fiji joined IV-11-c (2021-03-09)",
        "Marshall Islands joined IV-11-c (2019-01-29)",
        "Solomon Islands joined IV-11-c (2022-05-05)",
        "South Sudan joined IV-11-c (2018-09-27)",
    ]:
        assert ("joined", title) in got
    assert ("signed", "Singapore signed IV-11-c (2025-11-25)") in got
    for e in feed.entries:
        assert e.link.startswith("https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-11-c")
    bahamas = feedparser.parse((site / "feeds" / "country" / "BHS.atom").read_bytes())
    assert [e.title for e in bahamas.entries] == ["Bahamas is now Bahamas (The) on IV-11-c"]
    for page in [site / "index.html", site / "treaty" / "IV-11-c.html", site / "country" / "BHS.html"]:
        html = page.read_text()
        assert 'type="application/atom+xml"' in html.split("</head>")[0], page
    assert 'href="../feeds/country/BHS.atom"' in (site / "country" / "BHS.html").read_text()


def test_a_failed_render_leaves_the_last_good_site(
    world: Path, mirror: MirrorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = world / "reports"
    refresh(world, mirror, [], write_site=True, reports_dir=site)
    before = (site / "index.html").read_bytes()

    def broken(store: object, out_dir: Path, **_: object) -> Path:
        (out_dir / "index.html").write_text("half")
        (out_dir / "new-page.html").write_text("half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(run_reports, "build_site", broken)
    # The store is unchanged: say the site is not current, so that the (broken) build runs.
    monkeypatch.setattr(run_reports, "current_site", lambda *a, **k: None)
    with pytest.raises(RuntimeError, match="disk full"):
        refresh(world, mirror, [], write_site=True, reports_dir=site)
    assert (site / "index.html").read_bytes() == before and not (site / "new-page.html").exists()
    assert [p.name for p in world.iterdir() if "staging" in p.name] == []


def test_a_second_report_over_an_unchanged_store_touches_no_file(world: Path, mirror: MirrorServer) -> None:
    site = world / "reports"
    refresh(world, mirror, [], write_site=True, reports_dir=site)
    stamps = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()}
    assert any("feeds" in str(p) for p in stamps)
    refresh(world, mirror, [], write_site=True, reports_dir=site)
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()} == stamps


def test_an_unchanged_store_gets_no_staging_copy_of_the_site(
    world: Path, mirror: MirrorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing to render: the site is neither copied nor compared (at scale that is ~60 MB a run)."""
    site = world / "reports"
    refresh(world, mirror, [], write_site=True, reports_dir=site)

    def no_stage(out_dir: Path) -> None:
        raise AssertionError("an up-to-date site was staged")

    monkeypatch.setattr(run_reports, "staged_site", no_stage)
    refresh(world, mirror, [], write_site=True, reports_dir=site)
    assert (site / "feeds" / "all.atom").exists()
