"""The one import path: every page, from a file or the network, goes through the raw store and its manifest,
then parse -> normalise -> store, as one snapshot (or an observation of an unchanged one)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
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
from pipeline.parse import check_plausible, parse_page
from pipeline.parse.model import ParseError, SourceRef, TreatyStatus
from pipeline.runs.results import FAILED, SAVED, UNCHANGED, RunReport, TreatyResult
from pipeline.store import ImportResult, StoreError
from pipeline.store.dates import check_capture_date
from pipeline.store.db import PageProvenance
from pipeline.store.pages import import_key

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
        parser_version: str | None = None,
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

    Re-importing a corpus costs a hash and a look-up per page, not a parse. The look-up's key includes the
    digest of the parse and normalise code and tables (store.pages.import_key): after a fix there, every
    stored page is read again and its snapshot rewritten in place.
    """
    sha = sha256 or hashlib.sha256(data).hexdigest()
    key = import_key()
    known = store.find_imported(sha, captured_at=captured_at, parser_version=key)
    if known is not None:
        return known
    fetched = captured_at if isinstance(captured_at, datetime) else None
    page = _checked_page(
        data,
        location=location,
        sha=sha,
        fetched_at=fetched,
        fetch_time=fetched,
        parse=parse,
        charset=charset,
        captured_at=captured_at,
    )
    return store.import_page(
        page, source=location, raw_sha256=sha, captured_at=captured_at, parser_version=key
    )


def _checked_page(
    data: bytes,
    *,
    location: str,
    sha: str,
    fetched_at: datetime | None,
    fetch_time: datetime | None,
    parse: Parse,
    normalise: Callable[[TreatyStatus], NormalisedPage] = normalise_page,
    charset: str | None = None,
    captured_at: date | datetime | None = None,
) -> NormalisedPage:
    """parse -> plausibility -> normalise, for one page's bytes. A page that cannot be what it claims (dated
    after `fetch_time` or now, a number that is no treaty's) never becomes a snapshot: it would stay
    "latest" and hide every real refresh after it."""
    source = SourceRef(location=location, sha256=sha, fetched_at=fetched_at)
    status = parse(data, source=source, charset=charset) if charset else parse(data, source=source)
    check_plausible(status, fetched_at=fetch_time, now=datetime.now(UTC))
    check_capture_date(status, captured_at)
    return normalise(status)


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


class BatchStore(StatusStore, Protocol):
    """What a batch import needs of the store: many pages written in one transaction."""

    def find_imported_many(
        self, pages: list[tuple[str, date | datetime | None]], *, parser_version: str | None = None
    ) -> list[ImportResult | None]: ...

    def import_pages(
        self, pages: list[tuple[NormalisedPage, PageProvenance]]
    ) -> list[ImportResult | Exception]: ...


# Pages parsed before their rows are written together: large enough that per-transaction costs vanish,
# small enough that a batch's tables stay a few MB.
BATCH_PAGES = 100


@dataclass(frozen=True)
class PageBytes:
    """A page's bytes to import, where they came from and (for pages without a status date) when."""

    data: bytes
    location: str
    sha256: str
    captured_at: date | datetime | None = None


def import_batch(
    store: BatchStore,
    pages: list[PageBytes],
    *,
    parse: Parse = parse_page,
    normalise: Callable[[TreatyStatus], NormalisedPage] = normalise_page,
) -> list[ImportResult | Exception]:
    """import_page for many pages: look each page's bytes up, parse and normalise the new ones, then write
    them all in one transaction (Store.import_pages; a failing batch is written again page by page, so one
    bad page fails alone). Each page's result in order, or the error it raised."""
    out: list[ImportResult | Exception | None] = []
    todo: list[tuple[NormalisedPage, PageProvenance]] = []
    key = import_key()
    try:
        found = store.find_imported_many([(p.sha256, p.captured_at) for p in pages], parser_version=key)
    except Exception as exc:  # noqa: BLE001 - e.g. the database went away: every page failed
        return [exc] * len(pages)
    for p, known in zip(pages, found, strict=True):
        try:
            if known is not None:
                out.append(known)
                continue
            fetched = p.captured_at if isinstance(p.captured_at, datetime) else None
            # A file's capture date applies to pages without a status date; it is no fetch time.
            page = _checked_page(
                p.data,
                location=p.location,
                sha=p.sha256,
                fetched_at=fetched,
                fetch_time=None,
                parse=parse,
                normalise=normalise,
                captured_at=p.captured_at,
            )
            todo.append((page, PageProvenance(p.location, p.sha256, p.captured_at, key)))
            out.append(None)
        except Exception as exc:  # noqa: BLE001 - one page's failure is its result; the batch carries on
            out.append(exc)
    if todo:
        try:
            written = iter(store.import_pages(todo))
        except Exception as exc:  # noqa: BLE001 - e.g. the database went away: every new page failed
            written = iter([exc] * len(todo))
    return [r if r is not None else next(written) for r in out]


def import_files(
    paths: Iterable[Path],
    store: BatchStore,
    raw: RawStore,
    *,
    captured_at: date | datetime | None,
    on_result: Reporter | None = None,
    parse: Parse = parse_page,
    batch_pages: int = BATCH_PAGES,
) -> RunReport:
    """Import saved pages from disk: each body into the raw store with a manifest line, then the store.

    Pages are read and parsed a batch at a time and the batch's new pages written in one transaction
    (import_batch). Pages that carry no status date (MTDSG XML) take `captured_at`. Re-reading the same
    file is logged once: the manifest records bodies, not how often we looked.
    """
    report = RunReport()
    seen = {(e.url, e.sha256) for e in raw.entries() if e.outcome == OUTCOME_IMPORTED}
    batch: list[Path] = []

    def flush() -> None:
        results: dict[Path, TreatyResult] = {}
        bodies: list[tuple[Path, PageBytes]] = []
        for path in batch:
            location = _printable(path.resolve())
            try:
                body = path.read_bytes()
                # Into the raw store first: kept as evidence even if the page then fails.
                bodies.append((path, PageBytes(body, location, raw.put(body), captured_at)))
            except (OSError, RawStoreError) as exc:
                results[path] = _failed(path, exc)
        imported = import_batch(store, [b for _p, b in bodies], parse=parse)
        for (path, page), got in zip(bodies, imported, strict=True):
            results[path] = _finish(path, page, got, raw, seen)
        for path in batch:
            report.results.append(results[path])
            if on_result:
                on_result(results[path])
        batch.clear()

    for path in paths:
        batch.append(path)
        if len(batch) >= batch_pages:
            flush()
    flush()
    return report


# Errors a user's file or the store can cause: reported per file as one line, the import carries on.
_EXPECTED = (OSError, ParseError, RawStoreError, StoreError, RuntimeError, ValueError)


def _failed(path: Path, exc: BaseException) -> TreatyResult:
    prefix = "" if isinstance(exc, _EXPECTED) else "store: "
    location = _printable(path.resolve())
    # The line already names the file: a parser's message that starts with its path need not repeat it.
    detail = one_line(exc).removeprefix(f"{location}: ")
    return TreatyResult(path.name, FAILED, location, prefix + detail)


def _finish(
    path: Path,
    page: PageBytes,
    got: ImportResult | Exception,
    raw: RawStore,
    seen: set[tuple[str, str | None]],
) -> TreatyResult:
    """The file's result, with a manifest line for its body (once per body and URL)."""
    if isinstance(got, Exception):
        return _failed(path, got)
    try:
        result = _result(got, page.location, page.sha256)
        url = _printable_uri(path)
        if (url, page.sha256) not in seen:
            raw.append(
                ManifestEntry(
                    url=url,
                    fetched_at=datetime.now(UTC).isoformat(),
                    mtdsg_no=got.mtdsg_no,
                    kind="xml" if path.suffix.lower() == ".xml" else "status_page",
                    sha256=page.sha256,
                    size=len(page.data),
                    outcome=OUTCOME_IMPORTED,
                    snapshot_id=got.snapshot_id,
                    source_path=page.location,
                )
            )
            seen.add((url, page.sha256))
        return result
    except _EXPECTED as exc:
        return _failed(path, exc)
