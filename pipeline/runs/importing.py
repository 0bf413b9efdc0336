"""The one import path: every page, from a file or the network, goes through the raw store and its manifest,
then parse -> normalise -> store, as one snapshot (or an observation of an unchanged one)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Protocol

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
from pipeline.parse import PARSER_VERSION, parse_page
from pipeline.parse.model import ParseError, SourceRef, TreatyStatus
from pipeline.runs.results import FAILED, SAVED, UNCHANGED, RunReport, TreatyResult
from pipeline.store import ImportResult, StoreError
from pipeline.store.db import PageProvenance

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
    status = parse(data, source=SourceRef(location=location, sha256=sha, fetched_at=fetched))
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
        imported = import_page(store, f.body, location=f.url, captured_at=r.fetched_at, sha256=f.sha256)
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


class BatchStore(StatusStore, Protocol):
    """What a batch import needs of the store: many pages written in one transaction."""

    def import_pages(
        self, pages: list[tuple[NormalisedPage, PageProvenance]]
    ) -> list[ImportResult | Exception]: ...


# Pages parsed before their rows are written together: large enough that per-transaction costs vanish,
# small enough that a batch's tables stay a few MB.
BATCH_PAGES = 100


@dataclass
class _Pending:
    """One file on its way through a batch: read and hashed, then found already imported or parsed."""

    path: Path
    location: str
    body: bytes | None = None
    sha: str = ""
    imported: ImportResult | None = None
    page: NormalisedPage | None = None
    error: TreatyResult | None = None


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

    Pages are read, hashed and parsed a batch at a time, then the batch's new pages are written in one
    transaction (Store.import_pages; a failing batch is written again page by page, so one bad page fails
    alone). Pages that carry no status date (MTDSG XML) take `captured_at`. Re-reading the same file is
    logged once: the manifest records bodies, not how often we looked.
    """
    report = RunReport()
    seen = {(e.url, e.sha256) for e in raw.entries() if e.outcome == OUTCOME_IMPORTED}
    batch: list[_Pending] = []

    def flush() -> None:
        _import_batch(batch, store, raw, captured_at=captured_at, parse=parse)
        for item in batch:
            result = _finish(item, raw, seen)
            report.results.append(result)
            if on_result:
                on_result(result)
        batch.clear()

    for path in paths:
        batch.append(_Pending(path, str(path.resolve())))
        if len(batch) >= batch_pages:
            flush()
    flush()
    return report


def _failed(item: _Pending, exc: BaseException, prefix: str = "") -> TreatyResult:
    return TreatyResult(item.path.stem.removesuffix(".en"), FAILED, item.location, prefix + one_line(exc))


# Errors a user's file or the store can cause: reported per file, the import carries on.
_EXPECTED = (OSError, ParseError, RawStoreError, StoreError, RuntimeError, ValueError)


def _import_batch(
    batch: list[_Pending],
    store: BatchStore,
    raw: RawStore,
    *,
    captured_at: date | datetime | None,
    parse: Parse,
) -> None:
    """Read each file into the raw store (kept as evidence even if it fails), look its bytes up, parse the
    new ones, then write the new pages in one go."""
    for item in batch:
        try:
            item.body = item.path.read_bytes()
            item.sha = raw_sha = raw.put(item.body)
            item.imported = store.find_imported(
                raw_sha, captured_at=captured_at, parser_version=PARSER_VERSION
            )
            if item.imported is None:
                fetched = captured_at if isinstance(captured_at, datetime) else None
                status = parse(
                    item.body, source=SourceRef(location=item.location, sha256=raw_sha, fetched_at=fetched)
                )
                item.page = normalise_page(status)
        except _EXPECTED as exc:
            item.error = _failed(item, exc)
        except Exception as exc:  # noqa: BLE001 - one file's failure is reported, the import carries on
            item.error = _failed(item, exc, "store: ")
    todo = [item for item in batch if item.page is not None]
    if not todo:
        return
    pages = [(item.page, PageProvenance(item.location, item.sha, captured_at)) for item in todo if item.page]
    try:
        written = store.import_pages(pages)
    except Exception as exc:  # noqa: BLE001 - e.g. the database went away: every page of the batch failed
        written = [exc] * len(todo)
    for item, result in zip(todo, written, strict=True):
        if isinstance(result, Exception):
            prefix = "" if isinstance(result, _EXPECTED) else "store: "
            item.error = _failed(item, result, prefix)
        else:
            item.imported = result


def _finish(item: _Pending, raw: RawStore, seen: set[tuple[str, str]]) -> TreatyResult:
    """The file's result, after its body went into the raw store with a manifest line (once per body)."""
    if item.error is not None:
        return item.error
    try:
        assert item.body is not None and item.imported is not None
        sha = item.sha
        result = _result(item.imported, item.location, sha)
        url = item.path.resolve().as_uri()
        if (url, sha) not in seen:
            raw.append(
                ManifestEntry(
                    url=url,
                    fetched_at=datetime.now(UTC).isoformat(),
                    mtdsg_no=item.imported.mtdsg_no,
                    kind="xml" if item.path.suffix.lower() == ".xml" else "status_page",
                    sha256=sha,
                    size=len(item.body),
                    outcome=OUTCOME_IMPORTED,
                    snapshot_id=item.imported.snapshot_id,
                    source_path=item.location,
                )
            )
            seen.add((url, sha))
        return result
    except _EXPECTED as exc:
        return _failed(item, exc)
