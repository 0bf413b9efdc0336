"""The yardsticks the parser is measured against: a typical BeautifulSoup scraper and the bare lxml tree.

This module is the one place outside pipeline/parse that imports bs4 and lxml, because measuring the
project against those libraries used directly is its whole purpose; nothing else may call it.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from lxml import html as lxml_html

from pipeline.parse.html import tree_parser

# The participants table's id carries the ASP.NET prefix (…ContentPlaceHolderInnerPage_tblgrid).
_GRID_ID = re.compile(r"tblgrid$")


def parse_typical_scraper(html: bytes) -> list[list[str]]:
    """BASELINE, not the project's parser: what a typical scraper does with a UNTC status page.

    BeautifulSoup with Python's "html.parser" over the whole page, then find the participants table and
    take every row's cell texts. No legend, dates, footnotes or checks: the cheapest useful extraction.
    """
    soup = BeautifulSoup(html, "html.parser")
    table = soup.find("table", id=_GRID_ID)
    if table is None:
        return []
    return [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.find_all("tr")]


def build_tree_floor(html: bytes) -> int:
    """FLOOR, not a parser: build the lxml tree of the page and extract nothing (returns its child count).

    The whole page, its __VIEWSTATE included (cutting that out is the project's work, timed in its parse),
    read by the parser the project reads a UTF-8 page with (the saved pages are UTF-8): the same options
    (comments dropped, ids not collected, the charset given), so a parser option cannot count as extraction.
    """
    return len(lxml_html.document_fromstring(html, parser=tree_parser("utf-8")))
