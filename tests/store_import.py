"""Saving a parsed page in one call, for tests: normalise it, then Store.import_page (what runs.importing
does in two steps, with the raw store around it)."""

from __future__ import annotations

from datetime import date, datetime

from pipeline.normalise.page import normalise_page
from pipeline.parse.model import TreatyStatus
from pipeline.store import ImportResult, Store


def import_status(
    store: Store,
    status: TreatyStatus,
    *,
    source: str,
    raw_sha256: str,
    captured_at: date | datetime | None = None,
    parser_version: str | None = None,
) -> ImportResult:
    """Normalise a parsed page with the store's code resolver and save it."""
    return store.import_page(
        normalise_page(status, store.resolver),
        source=source,
        raw_sha256=raw_sha256,
        captured_at=captured_at,
        parser_version=parser_version,
    )
