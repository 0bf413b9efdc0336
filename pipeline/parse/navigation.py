"""Pure parser of a status page's chapter/treaty drop-downs: how the whole collection is discovered."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

from pipeline.parse.model import ParseError

# ASP.NET WebForms ids carry a master-page prefix that changed around 2019
# (ctl00_ContentPlaceHolder1_ -> ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_),
# so the selects are matched by id suffix, never by the whole id.
_CHAPTERS_SUFFIX = "drpChapters"
_TREATIES_SUFFIX = "drpSubChapters"

_CHAPTER_TEXT = re.compile(r"^CHAPTER\s+([IVXL]+)$")
# Option texts seen on real pages: "1.", "11.c.", "15.a." (the treaty's number within its chapter,
# dot-separated and dot-terminated). Chapters III and XI number some treaties in sub-chapters
# (MTDSG III-2-12a, XI-A-1), so letters and alphanumeric parts are accepted too; anything else
# (spaces, other punctuation) is not a shape we know and raises instead of being guessed at.
_TREATY_TEXT = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*\.?$")


@dataclass(frozen=True)
class Navigation:
    """What the two drop-downs of one status page say.

    chapters: every chapter as (option value, option text), e.g. ("4", "CHAPTER IV"); the site's
    option value is the chapter's arabic number, which is also the `chapter=` query parameter.
    chapter: the roman numeral of the selected chapter, e.g. "IV".
    treaties: the selected chapter's treaties as MTDSG numbers, in page order, e.g. "IV-11-c".
    selected_treaty: the MTDSG number of the page's own treaty, if one is selected.
    """

    chapters: tuple[tuple[str, str], ...]
    chapter: str | None
    treaties: tuple[str, ...]
    selected_treaty: str | None = None

    def chapter_numbers(self) -> dict[str, int]:
        """Roman numeral -> the site's chapter number, e.g. {"IV": 4}."""
        out: dict[str, int] = {}
        for value, text in self.chapters:
            m = _CHAPTER_TEXT.match(text)
            if m and value.isdigit():
                out[m.group(1)] = int(value)
        return out


def option_to_mtdsg(chapter: str, text: str) -> str:
    """An option text of drpSubChapters in `chapter` -> its MTDSG number ("11.c." in IV -> "IV-11-c")."""
    t = " ".join(text.split())
    if not _TREATY_TEXT.match(t):
        raise ParseError(f"navigation: treaty option {text!r} in chapter {chapter} has an unknown shape")
    return chapter + "-" + "-".join(t.rstrip(".").split("."))


def _find_select(doc: lxml_html.HtmlElement, suffix: str) -> lxml_html.HtmlElement | None:
    for el in doc.iter("select"):
        if (el.get("id") or "").endswith(suffix):
            return el
    return None


def _options(select: lxml_html.HtmlElement) -> list[tuple[str, str, bool]]:
    return [
        ((o.get("value") or "").strip(), " ".join(o.text_content().split()), o.get("selected") is not None)
        for o in select.iter("option")
    ]


def parse_navigation(html: bytes) -> Navigation:
    """Read drpChapters and drpSubChapters of a status page; ParseError if the page has no chapter list."""
    if not html or not html.strip():
        raise ParseError("navigation: empty page")
    try:
        doc = lxml_html.document_fromstring(html)
    except (ValueError, lxml_html.etree.ParserError) as exc:
        raise ParseError(f"navigation: not an HTML page ({exc})") from exc
    chapters_sel = _find_select(doc, _CHAPTERS_SUFFIX)
    if chapters_sel is None:
        raise ParseError("navigation: no drpChapters select (not a treaty status page)")
    chapters: list[tuple[str, str]] = []
    chapter: str | None = None
    for value, text, selected in _options(chapters_sel):
        m = _CHAPTER_TEXT.match(text)
        if not m:
            raise ParseError(f"navigation: chapter option {text!r} (value {value!r}) has an unknown shape")
        chapters.append((value, text))
        if selected:
            chapter = m.group(1)
    treaties: list[str] = []
    selected_treaty: str | None = None
    treaties_sel = _find_select(doc, _TREATIES_SUFFIX)
    if treaties_sel is not None and chapter is not None:
        for _value, text, selected in _options(treaties_sel):
            if not text:
                continue
            mtdsg = option_to_mtdsg(chapter, text)
            treaties.append(mtdsg)
            if selected:
                selected_treaty = mtdsg
    return Navigation(
        chapters=tuple(chapters),
        chapter=chapter,
        treaties=tuple(treaties),
        selected_treaty=selected_treaty,
    )
