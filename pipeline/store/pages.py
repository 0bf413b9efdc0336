"""Saving pages into the store: the page writer (import, the look-up of earlier imports, drop a snapshot)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa

import pipeline.normalise
import pipeline.parse
from pipeline import frame_values, vocab
from pipeline.normalise.page import NormalisedPage
from pipeline.parse import PARSER_VERSION
from pipeline.store.hygiene import drop_snapshot
from pipeline.store.model import ImportResult, PageProvenance, StoreError
from pipeline.store.writer import PageWrite, registered, status_time, to_naive, write_page, write_pages

# What a stored page was made of besides its bytes: the code that parses and normalises it, and the tables
# it reads (parse/columns.csv, normalise/names.csv...). Their digest is part of the import key, so a fix to
# any of them makes the next import or refresh read the stored pages again (nothing is fetched again).
DIGESTED: tuple[Path, ...] = (
    Path(pipeline.parse.__file__).parent,
    Path(pipeline.normalise.__file__).parent,
    Path(vocab.__file__),
    Path(frame_values.__file__),
)


def inputs_digest(paths: Iterable[Path]) -> str:
    """sha256 of every .py and .csv file under these paths (names and bytes, in a stable order)."""
    h = hashlib.sha256()
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*"))
        for f in files:
            if f.suffix in (".py", ".csv") and "__pycache__" not in f.parts:
                h.update(f"{f.relative_to(root.parent).as_posix()}\0".encode())
                h.update(f.read_bytes())
    return h.hexdigest()


@cache
def import_key() -> str:
    """The key an import is recorded under beside the page's sha256: the parser's version and the digest
    of DIGESTED (the hand-bumped version alone was forgotten when a table changed)."""
    return f"{PARSER_VERSION}+{inputs_digest(DIGESTED)[:16]}"


class PageWriter:
    """Writes normalised pages to an open database, each page (or batch) in one transaction."""

    def __init__(self, con: duckdb.DuckDBPyConnection, *, read_only: bool) -> None:
        self.con = con
        self.read_only = read_only

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("the database is open read-only")

    def _write(self, page: NormalisedPage, p: PageProvenance, now: datetime) -> PageWrite:
        return PageWrite(
            page=page,
            as_at=status_time(page, p.captured_at),
            source=p.source,
            raw_sha256=p.raw_sha256,
            parser_version=p.parser_version or import_key(),
            imported_at=now,
        )

    def import_page(self, page: NormalisedPage, provenance: PageProvenance) -> ImportResult:
        """Save one normalised page as a snapshot (or an observation of an unchanged one)."""
        self._writable()
        return write_page(self.con, self._write(page, provenance, datetime.now()))

    def import_pages(
        self, pages: list[tuple[NormalisedPage, PageProvenance]]
    ) -> list[ImportResult | Exception]:
        """Save many normalised pages in one transaction (one page per transaction if the batch fails): each
        page's result in order, or the error that page raised; a failed page leaves nothing written."""
        self._writable()
        now = datetime.now()
        writes: list[PageWrite] = []
        out: list[ImportResult | Exception | None] = []
        for page, p in pages:
            try:
                writes.append(self._write(page, p, now))
                out.append(None)
            except StoreError as exc:
                out.append(exc)
        written = iter(write_pages(self.con, writes))
        return [r if r is not None else next(written) for r in out]

    def find_imported(
        self,
        raw_sha256: str,
        *,
        captured_at: date | datetime | None = None,
        parser_version: str | None = None,
    ) -> ImportResult | None:
        """The earlier import of these very bytes, if this parser version already read them: then the page
        need not be parsed again. An HTML page's bytes fix its status date; a page without one (MTDSG XML)
        counts as the same import only with the same capture date."""
        return self.find_imported_many([(raw_sha256, captured_at)], parser_version=parser_version)[0]

    def find_imported_many(
        self, pages: list[tuple[str, date | datetime | None]], *, parser_version: str | None = None
    ) -> list[ImportResult | None]:
        """find_imported for many (raw sha256, capture date) pairs in one query, in their order."""
        if not pages:
            return []
        keys = pa.table(
            {
                "i": pa.array(range(len(pages)), pa.int64()),
                "sha": pa.array([sha for sha, _t in pages], pa.string()),
                "t": pa.array(
                    [to_naive(t) if t is not None else None for _s, t in pages], pa.timestamp("us")
                ),
            }
        )
        with registered(self.con, "wanted", keys):
            rows = self.con.execute(
                """SELECT i, arg_min(mtdsg_no, pri), arg_min(snapshot_id, pri), arg_min(as_at, pri),
                          arg_min(ds, pri), arg_min(dp, pri) FROM (
                     SELECT w.i, 0 AS pri, s.mtdsg_no, s.snapshot_id, s.as_at,
                            s.declared_signatories AS ds, s.declared_parties AS dp
                     FROM wanted w JOIN snapshots s ON s.raw_sha256 = w.sha
                     WHERE s.parser_version = $pv AND (s.source_kind = 'html' OR s.as_at = w.t)
                     UNION ALL
                     SELECT w.i, 1, s.mtdsg_no, o.snapshot_id, o.last_seen,
                            s.declared_signatories, s.declared_parties
                     FROM wanted w JOIN observations o ON o.raw_sha256 = w.sha
                     JOIN snapshots s USING (snapshot_id)
                     WHERE s.parser_version = $pv AND (s.source_kind = 'html' OR o.last_seen = w.t))
                   GROUP BY i""",
                {"pv": parser_version or import_key()},
            ).fetchall()
        found: list[ImportResult | None] = [None] * len(pages)
        for i, m, snapshot_id, as_at, ds, dp in rows:
            found[i] = ImportResult(str(m), "unchanged", int(snapshot_id), as_at, ds, dp)
        return found

    def drop_snapshot(self, snapshot_id: int) -> str:
        """Remove one snapshot (a bad import) with its row versions; returns its treaty's number."""
        self._writable()
        return drop_snapshot(self.con, snapshot_id)
