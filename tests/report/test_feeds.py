"""Atom feeds of events, read back with a feed parser: order, links to the UN page, renames once, links."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from pipeline.mtdsg import status_page_url
from pipeline.report.feeds import feed_links, write_feeds
from pipeline.store.events import Event

feedparser = pytest.importorskip(
    "feedparser", reason="feedparser is a dev dependency (pip install -e '.[dev]')"
)

T2018, T2026 = datetime(2018, 1, 15), datetime(2026, 2, 3, 10, 16, 18)


def ev(m: str, iso3: str | None, name: str, kind: str, day: date | None, seen: datetime, **kw) -> Event:
    return Event(m, iso3, name, kind, day, seen, 2, 1, status_page_url(m), kw.get("before"), kw.get("after"))


EVENTS = [
    ev("IV-11-c", None, "OPSC", "first_snapshot", None, T2018, after="174 parties"),
    ev("IV-11-c", "FJI", "Fiji", "joined", date(2021, 3, 9), T2026, after="ratification 2021-03-09"),
    ev("IV-11-c", "SGP", "Singapore", "signed", date(2025, 11, 25), T2026),
    ev("IV-11-c", "BHS", "Bahamas (The)", "renamed", None, T2026, before="Bahamas", after="Bahamas (The)"),
    ev("XXVI-3", "BHS", "Bahamas (The)", "renamed", None, T2026, before="Bahamas", after="Bahamas (The)"),
    ev("XXVI-9", "BHS", "Bahamas (The)", "signed", date(2023, 9, 19), T2026),
]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write_feeds(
        EVENTS, tmp_path, titles={"IV-11-c": "Optional Protocol", "XXVI-3": "CTBT"}, countries=["ALB"]
    )
    return tmp_path


def test_treaty_feed_newest_first_citing_the_un_page(site: Path) -> None:
    feed = feedparser.parse((site / "feeds" / "treaty" / "IV-11-c.atom").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    titles = [e.title for e in feed.entries]
    # 2026 news by action date, newest first; the 2018 baseline last.
    assert titles[0].startswith("Singapore signed IV-11-c (2025-11-25)")
    assert titles[1].startswith("Fiji joined IV-11-c (2021-03-09)")
    assert "tracking started" in titles[-1]
    fiji = feed.entries[1]
    assert fiji.link == status_page_url("IV-11-c")
    assert fiji.published.startswith("2026-02-03T10:16:18")
    assert "First seen in the UN's status as at 2026-02-03" in fiji.summary
    assert fiji.tags[0].term == "joined"
    assert {lk.rel for lk in feed.feed.links} == {"self", "alternate"}


def test_country_feed_lists_a_renaming_once(site: Path) -> None:
    feed = feedparser.parse((site / "feeds" / "country" / "BHS.atom").read_bytes())
    assert not feed.bozo
    renames = [e for e in feed.entries if e.tags[0].term == "renamed"]
    assert len(renames) == 1 and "IV-11-c, XXVI-3" in renames[0].summary
    assert renames[0].title == "Bahamas is now Bahamas (The) (on 2 treaties)"
    assert len(feed.entries) == 2
    # The treaty feeds keep their own rename; the all-treaties feed has it once too.
    assert (
        sum(e.tags[0].term == "renamed" for e in feedparser.parse(str(site / "feeds" / "all.atom")).entries)
        == 1
    )
    assert len(feedparser.parse(str(site / "feeds" / "treaty" / "XXVI-3.atom")).entries) == 1


def test_every_country_given_gets_a_feed(site: Path) -> None:
    feed = feedparser.parse((site / "feeds" / "country" / "ALB.atom").read_bytes())
    assert not feed.bozo and feed.entries == [] and "ALB" in feed.feed.title


def test_feed_links_tags() -> None:
    tags = str(feed_links("../", mtdsg_no="IV-11-c"))
    assert 'rel="alternate" type="application/atom+xml" href="../feeds/all.atom"' in tags
    assert 'href="../feeds/treaty/IV-11-c.atom"' in tags
    assert 'href="../feeds/country/BHS.atom"' in str(feed_links("../", iso3="BHS"))
