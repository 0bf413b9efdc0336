"""Import one page's bytes: skip bytes this parser version already imported, else parse and store them."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pipeline.parse import PARSER_VERSION, parse_page
from pipeline.parse.model import SourceRef, TreatyStatus


def import_page(
    store: Any,
    data: bytes,
    *,
    location: str,
    captured_at: date | datetime | None = None,
    sha256: str | None = None,
    parse: Callable[..., TreatyStatus] = parse_page,
) -> Any:
    """Returns the store's ImportResult. Re-importing a corpus costs a hash and a look-up per page, not a
    parse (a parser fix bumps PARSER_VERSION, and then every raw page is read again)."""
    sha = sha256 or hashlib.sha256(data).hexdigest()
    known = store.find_imported(sha, captured_at=captured_at, parser_version=PARSER_VERSION)
    if known is not None:
        return known
    fetched = captured_at if isinstance(captured_at, datetime) else None
    status = parse(data, source=SourceRef(location=location, sha256=sha, fetched_at=fetched))
    return store.import_status(status, source=location, raw_sha256=sha, captured_at=captured_at)
