"""Pure parsers: a UNTC page's bytes -> TreatyStatus, HTML status page or MTDSG XML, told apart by content."""

from __future__ import annotations

from dataclasses import replace

from pipeline.parse.checks import check_plausible
from pipeline.parse.endnote_history import withdrawal_effects
from pipeline.parse.endnotes import WithdrawalEffect, read_withdrawal
from pipeline.parse.model import ParseError, SourceRef, TreatyStatus
from pipeline.parse.reconcile import reconcile

# Bumped whenever a change to the parsers can change their output; stored with every snapshot.
# 3: curated column vocabulary (action types, X-2-b's signature column), free-text totals, note tables.
# 4: the third grid, declarations made under a named article (dgDecUnderArticle, DeclarationsUnderArticle).
PARSER_VERSION = "4"

__all__ = [
    "PARSER_VERSION",
    "ParseError",
    "SourceRef",
    "TreatyStatus",
    "WithdrawalEffect",
    "check_plausible",
    "parse_page",
    "read_withdrawal",
    "withdrawal_effects",
]


def parse_page(data: bytes, *, source: SourceRef | None = None, charset: str | None = None) -> TreatyStatus:
    """Parse one saved or fetched page; raises ParseError for anything that is not a complete treaty status
    page. `charset` is the HTTP Content-Type header's, when known; otherwise the page's own declaration
    (<meta> charset, XML declaration) is honoured, and UTF-8 assumed for HTML without one."""
    # The parsers load lxml, which a command that only reads the store never needs.
    from pipeline.parse.html import looks_like_html, parse_html  # lazy: lxml only to parse
    from pipeline.parse.xml import looks_like_mtdsg_xml, parse_xml  # lazy: as above

    page = source.location if source else "<page>"
    if charset and "charset=" in charset.lower():
        # the whole Content-Type header value: "text/html; charset=windows-1252"
        charset = charset[charset.lower().index("charset=") + len("charset=") :].split(";")[0].strip()
    if not data or data.isspace():
        raise ParseError(f"{page}: empty page")
    if looks_like_mtdsg_xml(data):
        status = parse_xml(data, source=source, charset=charset)
    elif looks_like_html(data):
        status = parse_html(data, source=source, charset=charset)
    else:
        raise ParseError(f"{page}: neither an HTML status page nor an MTDSG XML document")
    return replace(status, reconciliation=reconcile(status))
