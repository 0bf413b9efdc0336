"""Discovering the collection's treaties over HTTP: the chapters' drop-downs; whether the site answers."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline import mtdsg
from pipeline.fetch import untc
from pipeline.fetch.fetcher import Fetched, Fetcher
from pipeline.fetch.http import FetchError
from pipeline.fetch.rawstore import OUTCOME_DISCOVERY, RawStoreError


class SiteUnreachable(Exception):
    """The site did not answer at all (DNS, connection refused, timeout): nothing can be refreshed."""


def check_reachable(fetcher: Fetcher) -> None:
    """One request, no retries, to the site's root: any HTTP answer counts as reachable."""
    try:
        fetcher.client.get(fetcher.base_url + "/", retries=0)
    except FetchError as exc:
        if exc.status is None:
            raise SiteUnreachable(f"cannot reach {fetcher.base_url} ({exc.reason})") from exc


def discover(
    chapters: Iterable[str] | None, fetcher: Fetcher, *, problems: list[str] | None = None
) -> tuple[list[str], dict[str, Fetched]]:
    """MTDSG numbers of the given chapters (None: every chapter the site lists), in site order.

    Returns the treaties and the status pages fetched on the way (so a crawl need not fetch them twice).
    Chapters that cannot be discovered are added to `problems`.
    """
    pages: dict[str, Fetched] = {}
    known_by_chapter: dict[str, list[str]] = {}
    for t in [
        *untc.DEFAULT_WATCHLIST,
        *(e.mtdsg_no for e in fetcher.raw.latest_ok_by_url().values() if e.mtdsg_no),
    ]:
        known_by_chapter.setdefault(t.split("-", 1)[0], []).append(t)

    probed: list[bool] = []

    def get_page(seed: str) -> bytes | None:
        url = mtdsg.status_page_url(seed, fetcher.base_url)
        try:
            f = fetcher.fetch(url, seed, "status_page")
        except (FetchError, RawStoreError) as exc:
            fetcher.record_failure(url, seed, "discovery", exc)
            if isinstance(exc, FetchError) and exc.status is None and not probed:
                # No HTTP answer at all: ask the site once whether it is there before trying every seed
                # of every chapter with retries (raises SiteUnreachable if it is not).
                probed.append(True)
                check_reachable(fetcher)
            return None
        pages[seed] = f
        return f.body

    wanted = [mtdsg.chapter_of(c + "-1") for c in chapters] if chapters is not None else None
    todo = list(wanted) if wanted is not None else list(mtdsg.CHAPTERS)
    treaties: list[str] = []
    done: set[str] = set()
    while todo:
        chapter = todo.pop(0)
        if chapter in done:
            continue
        done.add(chapter)
        try:
            nav, _seed = untc.discover_chapter(chapter, get_page, known=known_by_chapter.get(chapter, ()))
        except untc.DiscoveryError as exc:
            if problems is not None:
                problems.append(str(exc))
            continue
        treaties.extend(t for t in nav.treaties if t not in treaties)
        if wanted is None:
            # The site's own chapter list is the authority for --all; an unknown chapter fails loudly.
            listed = [text.split()[-1] for _v, text in nav.chapters]
            for c in listed:
                mtdsg.chapter_number(c)
            todo = [c for c in listed if c not in done]
            wanted = listed
    return treaties, pages


def record_unused(pages: dict[str, Fetched], fetcher: Fetcher) -> None:
    """Manifest lines for discovery pages that no refresh went on to import."""
    for f in pages.values():
        fetcher.record(f, OUTCOME_DISCOVERY)
