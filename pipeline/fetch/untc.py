"""The UN Treaty Collection's URL shapes and MTDSG numbering, and chapter discovery from the drop-downs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from urllib.parse import quote, urlencode

from pipeline.config import DEFAULT_BASE_URL
from pipeline.fetch.http import is_loopback
from pipeline.parse.model import ParseError
from pipeline.parse.navigation import Navigation, parse_navigation

# The MTDSG ("Multilateral Treaties Deposited with the Secretary-General") has 29 chapters, I to XXIX.
CHAPTERS: tuple[str, ...] = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX",
)  # fmt: skip

# IV-11-c, XXVI-2-a, and the sub-chapter numbering of chapters III and XI: III-2-12a, XI-A-1.
_MTDSG = re.compile(r"^(?P<chapter>[IVX]+)-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$")

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


def normalise_mtdsg(text: str) -> str:
    """Validate an MTDSG number as typed by a user ("iv-11-c" -> "IV-11-c"); ValueError if malformed."""
    t = text.strip()
    head, _, rest = t.partition("-")
    candidate = head.upper() + ("-" + rest if rest else "")
    m = _MTDSG.match(candidate)
    if not m or m.group("chapter") not in CHAPTERS:
        raise ValueError(f"{text!r} is not an MTDSG treaty number (like IV-11-c)")
    return candidate


def chapter_of(mtdsg_no: str) -> str:
    """The roman chapter of an MTDSG number: "IV-11-c" -> "IV"."""
    return normalise_mtdsg(mtdsg_no).split("-", 1)[0]


def chapter_number(chapter: str) -> int:
    """Roman chapter -> the site's chapter number (the `chapter=` query parameter): "IV" -> 4."""
    try:
        return CHAPTERS.index(chapter.strip().upper()) + 1
    except ValueError:
        raise ValueError(f"{chapter!r} is not a chapter of the collection (I to XXIX)") from None


def status_page_url(mtdsg_no: str, base_url: str) -> str:
    """The HTML status page, in the query order the site itself uses in its form action."""
    n = normalise_mtdsg(mtdsg_no)
    query = urlencode(
        {"src": "TREATY", "mtdsg_no": n, "chapter": chapter_number(chapter_of(n)), "clang": "_en"}
    )
    return f"{base_url.rstrip('/')}/Pages/ViewDetails.aspx?{query}"


def citable_url(mtdsg_no: str, source: str | None) -> str:
    """The UN page a reader can open and cite: the snapshot's own URL when it came from a real site, else
    the canonical treaties.un.org status page (a saved file or a loopback mirror is not citable)."""
    if source and source.startswith(("http://", "https://")) and not is_loopback(source):
        return source
    return status_page_url(mtdsg_no, DEFAULT_BASE_URL)


def xml_url(mtdsg_no: str, base_url: str) -> str:
    """The "VIEW XML" document. The site files chapters I-XI in Volume I and XII-XXIX in Volume II
    (confirmed by real links for IV, VI, XI, XXI, XXVI, XXVII; inferred for the rest)."""
    n = normalise_mtdsg(mtdsg_no)
    chapter = chapter_of(n)
    volume = "I" if chapter_number(chapter) <= 11 else "II"
    path = f"doc/Publication/MTDSG/Volume {volume}/Chapter {chapter}/{n}.en.xml"
    return f"{base_url.rstrip('/')}/{quote(path)}"


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
