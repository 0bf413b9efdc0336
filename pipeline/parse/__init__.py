"""Pure parsers: a UNTC page's bytes -> TreatyStatus, HTML status page or MTDSG XML, told apart by content."""

from __future__ import annotations

from dataclasses import replace

from pipeline.parse.html import looks_like_html, parse_html
from pipeline.parse.model import ParseError, SourceRef, TreatyStatus
from pipeline.parse.reconcile import reconcile
from pipeline.parse.xml import looks_like_mtdsg_xml, parse_xml

# Bumped whenever a change to the parsers can change their output; stored with every snapshot.
PARSER_VERSION = "2"

__all__ = ["PARSER_VERSION", "ParseError", "SourceRef", "TreatyStatus", "parse_page"]


def parse_page(data: bytes, *, source: SourceRef | None = None) -> TreatyStatus:
    """Parse one saved or fetched page; raises ParseError for anything that is not a treaty status page."""
    page = source.location if source else "<page>"
    if not data or data.isspace():
        raise ParseError(f"{page}: empty page")
    if looks_like_mtdsg_xml(data):
        status = parse_xml(data, source=source)
    elif looks_like_html(data):
        status = parse_html(data, source=source)
    else:
        raise ParseError(f"{page}: neither an HTML status page nor an MTDSG XML document")
    return replace(status, reconciliation=reconcile(status))
