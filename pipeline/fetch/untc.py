"""The default watchlist and chapter discovery from the drop-downs (URL shapes: pipeline.mtdsg)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pipeline.mtdsg import chapter_number
from pipeline.parse.model import ParseError
from pipeline.parse.navigation import Navigation, parse_navigation

# The core UN human-rights treaties and their optional protocols (OHCHR's list), the default of `refresh`.
DEFAULT_WATCHLIST: tuple[str, ...] = (
    "IV-2",  # CERD
    "IV-3",  # ICESCR
    "IV-3-a",  # ICESCR optional protocol
    "IV-4",  # ICCPR
    "IV-5",  # ICCPR first optional protocol
    "IV-12",  # ICCPR second optional protocol (death penalty)
    "IV-8",  # CEDAW
    "IV-8-b",  # CEDAW optional protocol
    "IV-9",  # CAT
    "IV-9-b",  # CAT optional protocol
    "IV-11",  # CRC
    "IV-11-b",  # CRC optional protocol, armed conflict
    "IV-11-c",  # CRC optional protocol, sale of children
    "IV-11-d",  # CRC optional protocol, communications procedure
    "IV-13",  # CMW
    "IV-15",  # CRPD
    "IV-15-a",  # CRPD optional protocol
    "IV-16",  # CED
)


def seed_candidates(chapter: str, known: Iterable[str] = ()) -> list[str]:
    """Treaties whose status page may show `chapter`'s drop-down: known ones first, then the usual first
    treaty ("IV-1"; chapter XI numbers its treaties in sub-chapters, so "XI-A-1")."""
    out: list[str] = []
    for t in [*known, f"{chapter}-1", f"{chapter}-A-1"]:
        if t not in out and t.split("-", 1)[0] == chapter:
            out.append(t)
    return out


class DiscoveryError(Exception):
    """No status page of a chapter could be found to read its treaties from."""


def discover_chapter(
    chapter: str, get_page: Callable[[str], bytes | None], *, known: Iterable[str] = ()
) -> tuple[Navigation, str]:
    """Read `chapter`'s treaty list from the first candidate status page that shows it.

    `get_page(mtdsg_no)` returns the page's bytes or None if it could not be fetched. Returns the
    navigation and the MTDSG number of the page it came from.
    """
    chapter = chapter.strip().upper()
    chapter_number(chapter)
    tried: list[str] = []
    for seed in seed_candidates(chapter, known):
        body = get_page(seed)
        if body is None:
            tried.append(f"{seed} (fetch failed)")
            continue
        try:
            nav = parse_navigation(body)
        except ParseError as exc:
            tried.append(f"{seed} ({exc})")
            continue
        # An unknown number comes back as HTTP 200 with some other page: trust only a drop-down that
        # shows the chapter asked for, with a treaty list.
        if nav.chapter != chapter or not nav.treaties:
            tried.append(f"{seed} (page shows chapter {nav.chapter or 'none'})")
            continue
        if nav.selected_treaty is not None and nav.selected_treaty != seed:
            tried.append(f"{seed} (page is about {nav.selected_treaty})")
            continue
        return nav, seed
    raise DiscoveryError(
        f"chapter {chapter}: no status page showed its treaty list; tried {'; '.join(tried)}"
    )
