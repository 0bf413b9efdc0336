"""The one import path: every page, from a file or the network, goes through the raw store and its manifest,
then parse -> normalise -> store, as one snapshot (or an observation of an unchanged one)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

from pipeline.errors import one_line
from pipeline.fetch.fetcher import Fetched, Fetcher
from pipeline.fetch.rawstore import (
    OUTCOME_FAILED,
    OUTCOME_IMPORTED,
    OUTCOME_NOT_TREATY,
    ManifestEntry,
    RawStore,
    RawStoreError,
)
from pipeline.normalise.page import NormalisedPage, normalise_page
from pipeline.parse import PARSER_VERSION, check_plausible, parse_page
from pipeline.parse.model import ParseError, SourceRef, TreatyStatus
from pipeline.runs.results import FAILED, SAVED, UNCHANGED, RunReport, TreatyResult
from pipeline.store import ImportResult, StoreError

Parse = Callable[..., TreatyStatus]
Reporter = Callable[[TreatyResult], None]


class StatusStore(Protocol):
    """What an import needs of the store."""

    def find_imported(
        self,
        raw_sha256: str,
        *,
        captured_at: date | datetime | None = None,
        parser_version: str | None = None,
    ) -> ImportResult | None: ...

    def import_page(
        self,
        page: NormalisedPage,
        *,
        source: str,
        raw_sha256: str,
        captured_at: date | datetime | None = None,
    ) -> ImportResult: ...


def import_page(
    store: StatusStore,
    data: bytes,
    *,
    location: str,
    captured_at: date | datetime | None = None,
    sha256: str | None = None,
    parse: Parse = parse_page,
    charset: str | None = None,
) -> ImportResult:
    """Parse, normalise and store a page's bytes, unless this parser version already imported these bytes.

    Re-importing a corpus costs a hash and a look-up per page, not a parse (a parser fix bumps
    PARSER_VERSION, and then every raw page is read again).
    """
    sha = sha256 or hashlib.sha256(data).hexdigest()
    known = store.find_imported(sha, captured_at=captured_at, parser_version=PARSER_VERSION)
    if known is not None:
        return known
    fetched = captured_at if isinstance(captured_at, datetime) else None
    source = SourceRef(location=location, sha256=sha, fetched_at=fetched)
    status = parse(data, source=source, charset=charset) if charset else parse(data, source=source)
    # A page that cannot be what it claims (dated in the future, a number that is no treaty's) never
    # becomes a snapshot: it would stay "latest" and hide every real refresh after it.
    check_plausible(status, fetched_at=fetched, now=datetime.now(UTC))
    page = normalise_page(status)
    return store.import_page(page, source=location, raw_sha256=sha, captured_at=captured_at)


def _result(imported: ImportResult, url: str, sha: str, detail: str = "") -> TreatyResult:
    if imported.outcome not in (SAVED, UNCHANGED):
        raise RuntimeError(f"store returned an unexpected import outcome {imported.outcome!r}")
    return TreatyResult(
        imported.mtdsg_no,
        imported.outcome,
        url,
        detail,
        sha,
        imported.snapshot_id,
        imported.declared_signatories,
        imported.declared_parties,
    )


def import_fetched(f: Fetched, fetcher: Fetcher, store: StatusStore) -> TreatyResult:
    """Parse a fetched body and, only if it is the treaty's status page, store it as a snapshot."""
    r = f.response
    try:
        imported = import_page(
            store,
            f.body,
            location=f.url,
            captured_at=r.fetched_at,
            sha256=f.sha256,
            charset=r.content_type,  # the page's declared charset, from the Content-Type header
        )
    except ParseError as exc:
        # Kept in the raw store as evidence (the site answers 200 for unknown treaties), never a snapshot.
        fetcher.record(f, OUTCOME_NOT_TREATY, error=one_line(exc))
        return TreatyResult(f.mtdsg_no, FAILED, f.url, f"not a treaty status page: {one_line(exc)}", f.sha256)
    except Exception as exc:  # a store failure for one treaty is reported; the batch carries on
        fetcher.record(f, OUTCOME_FAILED, error=f"store: {one_line(exc)}")
        return TreatyResult(f.mtdsg_no, FAILED, f.url, f"store: {one_line(exc)}", f.sha256)
    if imported.mtdsg_no != f.mtdsg_no:
        msg = f"asked for {f.mtdsg_no}, the page is about {imported.mtdsg_no}"
        fetcher.record(f, OUTCOME_NOT_TREATY, error=msg)
        return TreatyResult(f.mtdsg_no, FAILED, f.url, msg, f.sha256)
    fetcher.record(f, imported.outcome, snapshot_id=imported.snapshot_id)
    return _result(imported, f.url, f.sha256, "not modified (304)" if r.not_modified else "")


def _printable(path: Path) -> str:
    """A path as text that can be stored and printed: a file name that is not UTF-8 keeps its bytes'
    places as U+FFFD instead of making the import fail."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def _printable_uri(path: Path) -> str:
    return "file://" + quote(os.fsencode(path.resolve()))


def import_files(
    paths: Iterable[Path],
    store: StatusStore,
    raw: RawStore,
    *,
    captured_at: date | datetime | None,
    on_result: Reporter | None = None,
    parse: Parse = parse_page,
) -> RunReport:
    """Import saved pages from disk: each body into the raw store with a manifest line, then the store.

    Pages that carry no status date (MTDSG XML) take `captured_at`. Re-reading the same file is logged
    once: the manifest records bodies, not how often we looked.
    """
    report = RunReport()
    seen = {(e.url, e.sha256) for e in raw.entries() if e.outcome == OUTCOME_IMPORTED}
    for path in paths:
        location = _printable(path.resolve())
        try:
            body = path.read_bytes()
            sha = raw.put(body)
            imported = import_page(
                store, body, location=location, captured_at=captured_at, sha256=sha, parse=parse
            )
            result = _result(imported, location, sha)
            if (_printable_uri(path), sha) not in seen:
                raw.append(
                    ManifestEntry(
                        url=_printable_uri(path),
                        fetched_at=datetime.now(UTC).isoformat(),
                        mtdsg_no=imported.mtdsg_no,
                        kind="xml" if path.suffix.lower() == ".xml" else "status_page",
                        sha256=sha,
                        size=len(body),
                        outcome=OUTCOME_IMPORTED,
                        snapshot_id=imported.snapshot_id,
                        source_path=location,
                    )
                )
        except (OSError, ParseError, RawStoreError, StoreError, RuntimeError, ValueError) as exc:
            result = TreatyResult(path.name, FAILED, location, one_line(exc))
        except Exception as exc:  # noqa: BLE001 - a store error on one file: reported, the import carries on
            result = TreatyResult(path.name, FAILED, location, f"store: {one_line(exc)}")
        report.results.append(result)
        if on_result:
            on_result(result)
    return report
