"""Atom feeds of change events (all treaties, one per treaty, one per country), and the links to them."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from feedgen.feed import FeedGenerator
from markupsafe import Markup

from pipeline import mtdsg
from pipeline.parse.zone import un_time
from pipeline.store.events import FIRST_SNAPSHOT, RENAMED, Event, newest_first

FEEDS_DIR = "feeds"
ALL_FEED = f"{FEEDS_DIR}/all.atom"
ATOM_TYPE = "application/atom+xml"
_GENERATOR = "treaties"
_AUTHOR = {"name": "treaties, from the UN Treaty Collection (treaties.un.org)"}


def treaty_feed_path(mtdsg_no: str) -> str:
    """The feed of one treaty, relative to the site's root."""
    return f"{FEEDS_DIR}/treaty/{mtdsg_no}.atom"


def country_feed_path(iso3: str) -> str:
    """The feed of one participant (by its code, as its page is named), relative to the site's root."""
    return f"{FEEDS_DIR}/country/{iso3}.atom"


def _utc(value: datetime) -> datetime:
    # The store keeps the page's own "STATUS AS AT" time without its zone, which is the UN's (New York:
    # EDT or EST); a feed needs the real offset, not +00:00.
    return un_time(value)


def _merge_renames(events: list[Event]) -> list[tuple[Event, list[str]]]:
    """Each event with the treaties it stands for: a participant renamed is one piece of news however
    many treaties show the new name, so its renames become one entry (the first seen, in treaty order)."""
    renames: dict[tuple[str | None, str | None, str | None], list[Event]] = {}
    for e in events:
        if e.kind == RENAMED:
            renames.setdefault((e.iso3, e.before, e.after), []).append(e)
    out: list[tuple[Event, list[str]]] = []
    for e in events:
        if e.kind != RENAMED:
            out.append((e, [e.mtdsg_no]))
            continue
        group = renames[(e.iso3, e.before, e.after)]
        first = min(group, key=lambda g: (g.first_seen, mtdsg.sort_key(g.mtdsg_no)))
        if e is first:
            out.append((e, mtdsg.sorted_numbers([g.mtdsg_no for g in group])))
    return out


def _entry_id(e: Event, treaties: list[str]) -> str:
    if e.kind == RENAMED and len(treaties) > 1:
        key = f"renamed|{e.iso3}|{e.before}|{e.after}|{e.first_seen.date().isoformat()}"
        return f"urn:uuid:{uuid.uuid5(uuid.UUID(e.event_id), key)}"
    return f"urn:uuid:{e.event_id}"


def _entry_title(e: Event, treaties: list[str]) -> str:
    if e.kind == RENAMED and len(treaties) > 1:
        return f"{e.before} is now {e.name} (on {len(treaties)} treaties)"
    return e.headline()


def _entry_text(e: Event, title: str, treaties: list[str]) -> str:
    what = {FIRST_SNAPSHOT: "First snapshot of this treaty in treaties (a baseline, not a change)"}
    lines = [what.get(e.kind, _entry_title(e, treaties)) + "."]
    if len(treaties) > 1:
        lines.append(f"Treaties: {', '.join(treaties)}.")
    else:
        lines.append(f"Treaty: {e.mtdsg_no}{f' ({title})' if title else ''}.")
    if e.action_date is not None:
        lines.append(f"Date of the action: {e.action_date.isoformat()}.")
    if e.before or e.after:
        lines.append(f"Before: {e.before or '-'}. After: {e.after or '-'}.")
    lines.append(
        f"First seen in the UN's status as at {e.first_seen.date().isoformat()} (snapshot {e.snapshot_id})."
    )
    lines.append(f"Source: {e.source_url}")
    return "\n".join(lines)


def build_feed(
    events: Iterable[Event],
    *,
    feed_id: str,
    title: str,
    subtitle: str,
    self_href: str,
    page_href: str | None,
    titles: Mapping[str, str] | None = None,
    merge_renames: bool = False,
    now: datetime | None = None,
) -> FeedGenerator:
    """One Atom feed, entries newest first, each linking to the UN page it cites (with `merge_renames`,
    one entry for a participant's renaming across treaties)."""
    ordered = newest_first(events)
    items = _merge_renames(ordered) if merge_renames else [(e, [e.mtdsg_no]) for e in ordered]
    fg = FeedGenerator()
    fg.id(feed_id)
    fg.title(title)
    fg.subtitle(subtitle)
    fg.author(_AUTHOR)
    fg.generator(_GENERATOR)
    fg.language("en")
    fg.link(href=self_href, rel="self", type=ATOM_TYPE)
    if page_href:
        fg.link(href=page_href, rel="alternate", type="text/html")
    fg.updated(_utc(ordered[0].first_seen) if ordered else _utc(now or datetime.now(UTC)))
    for e, treaties in items:
        entry = fg.add_entry(order="append")
        entry.id(_entry_id(e, treaties))
        entry.title(_entry_title(e, treaties))
        entry.link(href=e.source_url, rel="alternate", type="text/html")
        entry.published(_utc(e.first_seen))
        entry.updated(_utc(e.first_seen))
        entry.category(term=e.kind)
        entry.summary(_entry_text(e, (titles or {}).get(e.mtdsg_no, ""), treaties))
    return fg


def feed_files(
    events: Iterable[Event],
    *,
    titles: Mapping[str, str] | None = None,
    countries: Iterable[str] = (),
    site_url: str | None = None,
    now: datetime | None = None,
) -> list[tuple[str, bytes]]:
    """The feeds as (path in the site, Atom bytes): feeds/all.atom, feeds/treaty/<MTDSG>.atom and
    feeds/country/<ISO3>.atom. The bytes depend only on the events, so an unchanged store gives
    unchanged feeds (an empty feed is dated by `now`, which callers take from the store).

    `titles` maps treaty numbers to titles (each gets a feed); `countries` are participant codes that get
    a feed even with no event yet, so that every country page's feed link leads somewhere; `site_url`
    (where the site is published) makes the feeds' own links absolute, as Atom readers prefer; without it
    they are relative to each feed.
    """
    events = list(events)
    titles = titles or {}
    base = site_url.rstrip("/") + "/" if site_url else None

    def href(path: str, depth: int) -> str:
        return base + path if base else "../" * depth + path

    treaties = sorted({e.mtdsg_no for e in events} | set(titles))
    countries = sorted({e.iso3 for e in events if e.iso3} | set(countries))
    by_country: dict[str, list[Event]] = {}
    for e in events:
        if e.iso3:
            by_country.setdefault(e.iso3, []).append(e)
    by_treaty: dict[str, list[Event]] = {}
    for e in events:
        by_treaty.setdefault(e.mtdsg_no, []).append(e)
    feeds = [(ALL_FEED, _all_feed(events, titles, now, href))]
    feeds += [
        (treaty_feed_path(m), _treaty_feed(m, by_treaty.get(m, []), titles, now, href)) for m in treaties
    ]
    feeds += [
        (country_feed_path(iso3), _country_feed(iso3, by_country.get(iso3, []), titles, now, href))
        for iso3 in countries
    ]
    return [(rel, fg.atom_str(pretty=True)) for rel, fg in feeds]


# href(path in the site, depth of the feed's folder): the link a feed gives to a page or to itself.
_Href = Callable[[str, int], str]


def _all_feed(
    events: list[Event], titles: Mapping[str, str], now: datetime | None, href: _Href
) -> FeedGenerator:
    return build_feed(
        events,
        feed_id="urn:treaties:feed:all",
        title="UN treaties: who joined, signed, withdrew",
        subtitle="Changes to the status of every tracked treaty, from the UN Treaty Collection.",
        self_href=href(ALL_FEED, 1),
        page_href=href("index.html", 1),
        titles=titles,
        now=now,
        merge_renames=True,
    )


def _treaty_feed(
    m: str, events: list[Event], titles: Mapping[str, str], now: datetime | None, href: _Href
) -> FeedGenerator:
    name = titles.get(m, "")
    return build_feed(
        events,
        feed_id=f"urn:treaties:feed:treaty:{m}",
        title=f"{m}: who joined, signed, withdrew",
        subtitle=name or f"Changes to the status of {m}.",
        self_href=href(treaty_feed_path(m), 2),
        page_href=href(f"treaty/{m}.html", 2),
        titles=titles,
        now=now,
    )


def _country_feed(
    iso3: str, mine: list[Event], titles: Mapping[str, str], now: datetime | None, href: _Href
) -> FeedGenerator:
    name = newest_first(mine)[0].name if mine else iso3
    return build_feed(
        mine,
        feed_id=f"urn:treaties:feed:country:{iso3}",
        title=f"{name} ({iso3}): treaty actions",
        subtitle=f"What {name} joined, signed or withdrew from, among the tracked UN treaties.",
        self_href=href(country_feed_path(iso3), 2),
        page_href=href(f"country/{iso3}.html", 2),
        titles=titles,
        now=now,
        merge_renames=True,
    )


def write_feeds(
    events: Iterable[Event],
    out_dir: Path,
    *,
    titles: Mapping[str, str] | None = None,
    countries: Iterable[str] = (),
    site_url: str | None = None,
    now: datetime | None = None,
) -> list[Path]:
    """feed_files, written under out_dir (the site writes them through its own incremental writer)."""
    written = []
    for rel, data in feed_files(events, titles=titles, countries=countries, site_url=site_url, now=now):
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


def feed_links(root: str, *, mtdsg_no: str | None = None, iso3: str | None = None) -> Markup:
    """The <link rel="alternate"> tags for a page's <head>: the all-treaties feed, and the treaty's or the
    country's own feed. `root` is the page's way back to the site's root ("" or "../"), as the templates
    pass it."""
    links = [(f"{root}{ALL_FEED}", "UN treaties: all changes (Atom)")]
    if mtdsg_no:
        links.append((f"{root}{treaty_feed_path(mtdsg_no)}", f"{mtdsg_no}: changes (Atom)"))
    if iso3:
        links.append((f"{root}{country_feed_path(iso3)}", f"{iso3}: treaty actions (Atom)"))
    return Markup("\n").join(
        Markup('<link rel="alternate" type="{}" href="{}" title="{}">').format(ATOM_TYPE, h, t)
        for h, t in links
    )


__all__ = [
    "ALL_FEED",
    "build_feed",
    "country_feed_path",
    "feed_links",
    "treaty_feed_path",
    "write_feeds",
]
