"""The UN's treaty numbers (MTDSG): validation, chapters, the one natural sort key, URL shapes, citable URL.

The bottom of the layout: every stage that names a treaty uses this module and it imports nothing of ours.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import quote, urlencode, urlsplit

DEFAULT_BASE_URL = "https://treaties.un.org"

# The MTDSG ("Multilateral Treaties Deposited with the Secretary-General") has 29 chapters, I to XXIX.
CHAPTERS: tuple[str, ...] = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX",
)  # fmt: skip

# IV-11-c, XXVI-2-a, and the sub-chapter numbering of chapters III and XI: III-2-12a, XI-A-1, XI-B-16.
# At most four parts after the chapter, each a short run of letters and digits: nothing that could be a
# path ("../x") or a query ever passes.
_SHAPE = re.compile(r"^(?P<chapter>[IVX]{1,6})((?:-[0-9A-Za-z]{1,6}){1,4})$")
_LOOSE_SEPARATORS = re.compile(r"[\s.\-]+")
_PART = re.compile(r"^(\d*)([A-Za-z]*)$")
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class InvalidTreatyNumber(ValueError):
    """Text that is not an MTDSG treaty number; the message quotes it and shows the expected shape."""

    def __init__(self, text: str) -> None:
        super().__init__(f"{text!r} is not an MTDSG treaty number (like IV-11-c or XI-B-16)")
        self.text = text


def _canonical_parts(chapter: str, parts: list[str]) -> str:
    # The UN writes a letter sub-chapter in capitals (XI-A-1) and a letter after a number in lower
    # case (IV-11-c, III-2-12a).
    out = [chapter.upper()]
    for i, part in enumerate(parts):
        out.append(part.upper() if i == 0 and part.isalpha() else part.lower())
    return "-".join(out)


def validate(text: str) -> str:
    """A treaty number as the UN writes it, or InvalidTreatyNumber. Strict: for numbers read from pages."""
    m = _SHAPE.match(text)
    if not m or m.group("chapter") not in CHAPTERS:
        raise InvalidTreatyNumber(text)
    parts = m.group(2).lstrip("-").split("-")
    if _canonical_parts(m.group("chapter"), parts) != text:
        raise InvalidTreatyNumber(text)
    return text


def normalise(text: str) -> str | None:
    """A number as a user types it ("iv 11 c", "IV.11.C", "xi-b-16") -> "IV-11-c"; None if not one."""
    tokens = [t for t in _LOOSE_SEPARATORS.split(text.strip()) if t]
    if len(tokens) < 2:
        return None
    candidate = _canonical_parts(tokens[0], tokens[1:])
    try:
        return validate(candidate)
    except InvalidTreatyNumber:
        return None


def parse_user_number(text: str) -> str:
    """Like `normalise`, raising InvalidTreatyNumber instead of returning None."""
    n = normalise(text)
    if n is None:
        raise InvalidTreatyNumber(text)
    return n


def chapter_of(mtdsg_no: str) -> str:
    """The roman chapter of an MTDSG number: "IV-11-c" -> "IV"."""
    return validate(mtdsg_no).split("-", 1)[0]


def chapter_number(chapter: str) -> int:
    """Roman chapter -> the site's chapter number (the `chapter=` query parameter): "IV" -> 4."""
    try:
        return CHAPTERS.index(chapter.strip().upper()) + 1
    except ValueError:
        raise ValueError(f"{chapter!r} is not a chapter of the collection (I to XXIX)") from None


def sort_key(mtdsg_no: str) -> tuple[tuple[int, int, str], ...]:
    """The one natural order of treaty numbers: IV-2 < IV-11 < IV-11-a < IV-12; XI-A-5 < XI-B-1 < XI-B-16;
    III-2-12 < III-2-12a < III-2-13. Text that is not a treaty number sorts last, by itself."""
    head, _, rest = mtdsg_no.partition("-")
    if head not in CHAPTERS:
        return ((len(CHAPTERS) + 1, 0, mtdsg_no),)
    key: list[tuple[int, int, str]] = [(CHAPTERS.index(head), 0, "")]
    for part in rest.split("-") if rest else []:
        m = _PART.match(part)
        if m is None:
            key.append((2, 0, part))
        elif m.group(1):
            key.append((0, int(m.group(1)), m.group(2).lower()))
        else:
            key.append((1, 0, m.group(2).lower()))
    return tuple(key)


def sort_text(mtdsg_no: str) -> str:
    """sort_key as text that sorts the same as a string with its digit runs read as numbers (a web
    page's data-sort value): "03-000011-100000c" for IV-11-c. Never a number itself, so a table sorting
    numbers first does not read it as one."""
    (chapter, _, text), *parts = sort_key(mtdsg_no)
    return "-".join([f"{chapter:02d}{text}", *(f"{kind}{number:05d}{t}" for kind, number, t in parts)])


def sorted_numbers(numbers: list[str] | set[str] | tuple[str, ...]) -> list[str]:
    return sorted(numbers, key=sort_key)


def status_page_url(mtdsg_no: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """The HTML status page, in the query order the site itself uses in its form action."""
    n = validate(mtdsg_no)
    query = urlencode(
        {"src": "TREATY", "mtdsg_no": n, "chapter": chapter_number(chapter_of(n)), "clang": "_en"}
    )
    return f"{base_url.rstrip('/')}/Pages/ViewDetails.aspx?{query}"


def xml_url(mtdsg_no: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """The "VIEW XML" document. The site files chapters I-XI in Volume I and XII-XXIX in Volume II
    (confirmed by real links for IV, VI, XI, XXI, XXVI, XXVII; inferred for the rest)."""
    n = validate(mtdsg_no)
    chapter = chapter_of(n)
    volume = "I" if chapter_number(chapter) <= 11 else "II"
    path = f"doc/Publication/MTDSG/Volume {volume}/Chapter {chapter}/{n}.en.xml"
    return f"{base_url.rstrip('/')}/{quote(path)}"


def is_loopback(url: str) -> bool:
    """True for a URL on this machine (localhost, 127.0.0.0/8, ::1; no name is looked up): a mirror, never
    a citable source, and the only kind of host that may be asked without the politeness floor."""
    host = (urlsplit(url).hostname or "").lower()
    if host in _LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def citable_url(mtdsg_no: str, source: str | None) -> str:
    """The UN page a reader can open and cite: the snapshot's own URL when it came from a real site, else
    the canonical treaties.un.org status page (a saved file or a loopback mirror is not citable)."""
    if source and source.startswith(("http://", "https://")) and not is_loopback(source):
        return source
    return status_page_url(mtdsg_no, DEFAULT_BASE_URL)
