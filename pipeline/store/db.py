"""The open store: the reads of Queries plus writing pages; open_store() opens, creates and migrates it."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from pipeline import config
from pipeline.normalise.countries import UnknownCountry, lookup_country
from pipeline.normalise.page import CodeResolver, NormalisedPage, normalise_page
from pipeline.parse import PARSER_VERSION
from pipeline.parse.model import TreatyStatus
from pipeline.store import history
from pipeline.store.hygiene import drop_snapshot
from pipeline.store.model import AsOf, Diff, ImportResult, StoreError, StoreLocked
from pipeline.store.queries import Queries
from pipeline.store.schema import SCHEMA_VERSION, current_version, migrate
from pipeline.store.writer import PageWrite, registered, status_time, to_naive, write_page, write_pages

# 16 KiB blocks for new files (DuckDB's default is 256 KiB): the file grows a block at a time and an
# unchanged refresh writes a few hundred bytes, so small blocks keep history at the cost of changes.
BLOCK_SIZE = 16 * 1024


@dataclass(frozen=True)
class PageProvenance:
    """Where a page to import came from (the keyword arguments of Store.import_page)."""

    source: str
    raw_sha256: str
    captured_at: date | datetime | None = None
    parser_version: str | None = None


class Store(Queries):
    """An open treaty database. Use open_store() rather than building one directly."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        path: Path,
        *,
        read_only: bool,
        resolver: CodeResolver | None = None,
    ) -> None:
        super().__init__(con, path)
        self.read_only = read_only
        self._resolver = resolver

    # ------------------------------------------------------------------ writing

    def import_page(
        self,
        page: NormalisedPage,
        *,
        source: str,
        raw_sha256: str,
        captured_at: date | datetime | None = None,
        parser_version: str | None = None,
    ) -> ImportResult:
        """Save one normalised page as a snapshot (or an observation of an unchanged one)."""
        if self.read_only:
            raise StoreError("the database is open read-only")
        write = PageWrite(
            page=page,
            as_at=status_time(page, captured_at),
            source=source,
            raw_sha256=raw_sha256,
            parser_version=parser_version or str(PARSER_VERSION),
            imported_at=datetime.now(),
        )
        return write_page(self.con, write)

    def import_pages(
        self, pages: list[tuple[NormalisedPage, PageProvenance]]
    ) -> list[ImportResult | Exception]:
        """Save many normalised pages in one transaction (one page per transaction if the batch fails): each
        page's result in order, or the error that page raised; a failed page leaves nothing written."""
        if self.read_only:
            raise StoreError("the database is open read-only")
        now = datetime.now()
        writes: list[PageWrite] = []
        out: list[ImportResult | Exception | None] = []
        for page, p in pages:
            try:
                writes.append(
                    PageWrite(
                        page=page,
                        as_at=status_time(page, p.captured_at),
                        source=p.source,
                        raw_sha256=p.raw_sha256,
                        parser_version=p.parser_version or str(PARSER_VERSION),
                        imported_at=now,
                    )
                )
                out.append(None)
            except StoreError as exc:
                out.append(exc)
        written = iter(write_pages(self.con, writes))
        return [r if r is not None else next(written) for r in out]

    def import_status(
        self,
        status: TreatyStatus,
        *,
        source: str,
        raw_sha256: str,
        captured_at: date | datetime | None = None,
        parser_version: str | None = None,
    ) -> ImportResult:
        """Normalise a parsed page and save it (what runs.importing does in two steps)."""
        return self.import_page(
            normalise_page(status, self._resolver),
            source=source,
            raw_sha256=raw_sha256,
            captured_at=captured_at,
            parser_version=parser_version,
        )

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
                {"pv": parser_version or str(PARSER_VERSION)},
            ).fetchall()
        found: list[ImportResult | None] = [None] * len(pages)
        for i, m, snapshot_id, as_at, ds, dp in rows:
            found[i] = ImportResult(str(m), "unchanged", int(snapshot_id), as_at, ds, dp)
        return found

    def drop_snapshot(self, snapshot_id: int) -> str:
        """Remove one snapshot (a bad import) with its row versions; returns its treaty's number."""
        if self.read_only:
            raise StoreError("the database is open read-only")
        return drop_snapshot(self.con, snapshot_id)

    # ------------------------------------------------------------------ history

    def asof(self, mtdsg_no: str, on: date) -> AsOf:
        return history.asof(self, mtdsg_no, on)

    def diff(self, mtdsg_no: str, from_date: date | None = None, to_date: date | None = None) -> Diff:
        return history.diff(self, mtdsg_no, from_date, to_date)

    def diffs(self, mtdsg_no: str, pairs: Sequence[tuple[date | None, date | None]]) -> list[Diff]:
        """diff() of each (from_date, to_date) pair, reading the treaty's history once."""
        return history.diffs(self, mtdsg_no, pairs)

    def country(self, code_or_name: str) -> pd.DataFrame:
        """One participant's status in every treaty, by ISO3 code, or by a name printed on a page."""
        return super().country(self.participant_code(code_or_name))

    def participant_code(self, code_or_name: str) -> str:
        """A participant's code from any name or code people use (the one look-up: normalise.countries)."""
        try:
            return lookup_country(code_or_name).iso3
        except UnknownCountry as exc:
            raise StoreError(str(exc)) from None


def _lock_message(exc: Exception, path: Path, waited: float = 0.0) -> str | None:
    text = str(exc)
    if "lock" in text.lower():
        pid = re.search(r"PID (\d+)", text)
        who = f" (process {pid.group(1)}){_command_of(pid.group(1))}" if pid else ""
        after = f"; waited {waited:g}s" if waited else ""
        return (
            f"the database {path} is in use by another process{who}{after}; wait for it to finish and retry"
        )
    return None


def _command_of(pid: str) -> str:
    """What the holding process runs (`treaties watch ...`), where the system says; else nothing."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    words = [w.decode("utf-8", "replace") for w in raw.split(b"\0") if w]
    if not words:
        return ""
    shown = " ".join(Path(words[0]).name if i == 0 else w for i, w in enumerate(words))
    shown = "".join(c if c.isprintable() else "?" for c in shown)
    return f" running `{shown[:120]}`"


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the file; a database busy with another process (a writer between its steps, a reader) is
    tried again for up to TREATIES_BUSY_WAIT seconds before one line says who holds it."""
    wait = config.busy_wait_s()
    end = time.monotonic() + wait
    while True:
        try:
            return _connect_once(path, read_only)
        except _Busy as busy:
            if time.monotonic() >= end:
                raise StoreLocked(_lock_message(busy.exc, path, wait) or str(busy.exc)) from None
            time.sleep(0.02)  # short: a reader between a writer's steps holds the file for moments


class _Busy(Exception):
    def __init__(self, exc: Exception) -> None:
        super().__init__(str(exc))
        self.exc = exc


def _connect_once(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    settings: dict[str, str | bool | int | float | list[str]] = {
        "default_block_size": str(BLOCK_SIZE),
        # Never fetch or load an extension behind the user's back (a SQLite file would make DuckDB try to
        # download its sqlite extension over the network).
        "autoinstall_known_extensions": "false",
        "autoload_known_extensions": "false",
    }
    try:
        return duckdb.connect(str(path), read_only=read_only, config=settings)
    except duckdb.IOException as exc:
        if _lock_message(exc, path):
            raise _Busy(exc) from None
        raise StoreError(f"cannot open the database {path}: {str(exc).splitlines()[0]}") from None
    except duckdb.Error as exc:
        raise StoreError(f"cannot open the database {path}: {str(exc).splitlines()[0]}") from None


@contextmanager
def open_store(
    path: Path | None = None, *, read_only: bool = False, resolver: CodeResolver | None = None
) -> Iterator[Store]:
    """Open (creating and migrating if needed) the database; StoreLocked if another writer has it."""
    path = Path(path) if path is not None else config.db_path()
    if read_only and not path.exists():
        raise StoreError(f"no database at {path}: run `treaties import` or `treaties refresh` first")
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _connect(path, read_only)
    try:
        try:
            if not read_only:
                migrate(con)
            else:
                found = current_version(con)
                if found < SCHEMA_VERSION:
                    raise StoreError(
                        f"the database {path} has schema version {found}, this program needs"
                        f" {SCHEMA_VERSION}: run any writing command once (e.g. treaties import) to upgrade"
                    )
                if found > SCHEMA_VERSION:
                    raise StoreError(
                        f"the database {path} was written by a newer version of treaties"
                        f" (schema {found} > {SCHEMA_VERSION}): upgrade treaties to read it"
                    )
        except RuntimeError as exc:
            raise StoreError(str(exc)) from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot read the database {path}: {str(exc).splitlines()[0]}") from None
        try:
            yield Store(con, path, read_only=read_only, resolver=resolver)
        except duckdb.Error as exc:
            # A damaged file, a full disk, a foreign file format: one line, never a traceback.
            raise StoreError(f"the database {path}: {str(exc).splitlines()[0]}") from None
    finally:
        con.close()
