"""The open store: one public surface (a reader, a page writer, the history) and open_store() to get it."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import duckdb

from pipeline import config
from pipeline.store import history
from pipeline.store.model import AsOf, Diff, ImportResult, PageProvenance, Scheduled, StoreError, StoreLocked
from pipeline.store.queries import Reader
from pipeline.store.rows import ParticipantHistory, Row
from pipeline.store.schema import SCHEMA_VERSION, current_version, migrate

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.normalise.page import CodeResolver, NormalisedPage
    from pipeline.store.pages import PageWriter
    from pipeline.store.procedures import Acceptance, Objection, WithdrawnStatement

__all__ = ["BLOCK_SIZE", "PageProvenance", "Store", "open_store"]

# 16 KiB blocks for new files (DuckDB's default is 256 KiB): the file grows a block at a time and an
# unchanged refresh writes a few hundred bytes, so small blocks keep history at the cost of changes.
BLOCK_SIZE = 16 * 1024


def _frames() -> ModuleType:
    """pipeline.store.frames, imported when a frame is first asked for: pandas costs a command line that
    prints plain rows half a second, so only the callers of the frame methods pay for it."""
    import pipeline.store.frames  # lazy: pandas only for the frame methods

    return pipeline.store.frames


class Store:
    """An open treaty database: the store's public surface. Use open_store() rather than building one.

    It is made of three parts, each usable on its own:
    - `reader` (`queries.Reader`): plain rows, no pandas: `treaty`, `treaty_rows`, `participant_rows`,
      `snapshot_rows`, `country_rows`, `matrix_rows`, `latest_status_rows`, `end_note_rows`...;
    - `writer` (`pages.PageWriter`): saving normalised pages, finding earlier imports, dropping a snapshot;
    - the history (`history`): `asof`, `diff`, `diffs` over the reader.
    The frame methods (`treaties`, `participants`, `latest_status`, `matrix`, `country`, `snapshots`,
    `end_notes`, `events`) return pandas frames of the declared schemas of `pipeline.store.frames`.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        path: Path,
        *,
        read_only: bool,
        resolver: CodeResolver | None = None,
    ) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self.resolver = resolver
        self.reader = Reader(con, path)
        self._writer: PageWriter | None = None

    @property
    def writer(self) -> PageWriter:
        """The page writer, made when first used: it needs pyarrow, which a reading command never loads."""
        if self._writer is None:
            from pipeline.store.pages import PageWriter  # lazy: pyarrow only for writing

            self._writer = PageWriter(self.con, read_only=self.read_only)
        return self._writer

    # ------------------------------------------------------------------ plain answers (no pandas)

    def known_treaties(self) -> list[str]:
        return self.reader.known_treaties()

    def resolve_treaty(self, name: str) -> str:
        """A user's treaty name (number or alias) -> MTDSG number; raises catalog.UnknownTreaty."""
        return self.reader.resolve_treaty(name)

    def treaty(self, mtdsg_no: str) -> Row:
        """One treaty's row of treaties(), as plain values (StoreError if the database does not hold it)."""
        return self.reader.treaty(mtdsg_no)

    def table_counts(self) -> dict[str, int]:
        return self.reader.table_counts()

    def schema_version(self) -> int:
        return self.reader.schema_version()

    def participant_codes(self) -> dict[str, str]:
        return self.reader.participant_codes()

    def participant_code(self, code_or_name: str) -> str:
        """A participant's code from any name or code people use (the one look-up: normalise.countries)."""
        from pipeline.normalise.countries import UnknownCountry, lookup_country  # lazy: the name tables

        try:
            return lookup_country(code_or_name).iso3
        except UnknownCountry as exc:
            raise StoreError(str(exc)) from None

    # What the history and the change events read of a treaty (pipeline.store.history, .events).
    def snapshot(self, mtdsg_no: str, snapshot_id: int | None) -> Row | None:
        return self.reader.snapshot(mtdsg_no, snapshot_id)

    def all_snapshots(self, mtdsg_no: str, *, listed_only: bool = False) -> list[Row]:
        return self.reader.all_snapshots(mtdsg_no, listed_only=listed_only)

    def participant_history(
        self,
        mtdsg_no: str,
        snapshots: list[Row] | None = None,
        *,
        current_only: bool = False,
        notes: bool = True,
    ) -> ParticipantHistory:
        return self.reader.participant_history(mtdsg_no, snapshots, current_only=current_only, notes=notes)

    # ------------------------------------------------------------------ history

    def asof(self, mtdsg_no: str, on: date, *, today: date | None = None) -> AsOf:
        return history.asof(self.reader, mtdsg_no, on, today=today)

    def latest(self, mtdsg_no: str, on: date, *, today: date | None = None) -> history.Latest:
        """The latest participants, the counts on `on` and the scheduled changes, reading the history once."""
        return history.latest(self.reader, mtdsg_no, on, today=today)

    def scheduled(self, mtdsg_no: str) -> tuple[Scheduled, ...]:
        """Changes the latest snapshot's end notes announce for later (pending withdrawals)."""
        return history.scheduled_changes(self.reader, mtdsg_no)

    def diff(self, mtdsg_no: str, from_date: date | None = None, to_date: date | None = None) -> Diff:
        from pipeline.store import diffs  # lazy: the comparison only for the commands that diff

        return diffs.diff(self.reader, mtdsg_no, from_date, to_date)

    def diffs(self, mtdsg_no: str, pairs: Sequence[tuple[date | None, date | None]]) -> list[Diff]:
        """diff() of each (from_date, to_date) pair, reading the treaty's history once."""
        from pipeline.store import diffs  # lazy: as above

        return diffs.diffs(self.reader, mtdsg_no, pairs)

    # ------------------------------------------------------------------ beyond ratification

    def acceptances(self, *, on: date | None = None, iso3: str | None = None) -> list[Acceptance]:
        """Who accepts each core human-rights treaty's complaint procedures, since when (store.procedures)."""
        from pipeline.store import procedures  # lazy: the procedures table only for the commands that ask

        return procedures.acceptances(self.con, on=on, iso3=iso3)

    def objections(
        self, mtdsg_no: str, *, by: str | None = None, against: str | None = None
    ) -> list[Objection]:
        """A treaty's objections as relations, objecting -> reserving participant (store.procedures)."""
        from pipeline.store import procedures  # lazy: as above

        return procedures.objections(self.con, mtdsg_no, by=by, against=against)

    def withdrawn_statements(self, mtdsg_no: str) -> tuple[list[WithdrawnStatement], int]:
        """Reservations, declarations and objections withdrawn, as the end notes date them."""
        from pipeline.store import procedures  # lazy: as above

        return procedures.withdrawn_statements(self.con, mtdsg_no)

    # ------------------------------------------------------------------ typed frames (pandas)

    def treaties(self) -> pd.DataFrame:
        """One row per treaty (natural order of numbers) with its latest snapshot and the one before it;
        `reconciles` is yes / no / n/a by the one rule, `reconciliation` says why; `un_url` to cite."""
        return _frames().treaties_frame(self.reader)

    def participants(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame:
        """The participants of one snapshot (the latest with participants by default); empty for a snapshot
        that does not list participants (such a page does not say who participates)."""
        return _frames().participants_frame(self.reader.participant_rows(mtdsg_no, snapshot_id))

    def end_notes(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame:
        return _frames().end_notes_frame(self.reader.end_note_rows(mtdsg_no, snapshot_id))

    def latest_status(self) -> pd.DataFrame:
        """One row per treaty and participant: the latest known status of each participation."""
        return _frames().latest_status_frame(self.reader)

    def country(self, code_or_name: str) -> pd.DataFrame:
        """One participant's status in every treaty, by ISO3 code or by any name people use."""
        return _frames().country_frame(self.reader.country_rows(self.participant_code(code_or_name)))

    def matrix(self) -> pd.DataFrame:
        """One row per participant (iso3, name), one column per treaty: "party 2002", "signed 2000",
        "withdrawn", "" for no action, "unknown" where the treaty's snapshot lists no participants."""
        return _frames().matrix_frame(*self.reader.matrix_rows())

    def snapshots(self, mtdsg_no: str) -> pd.DataFrame:
        """Every snapshot of a treaty with its provenance (source, un_url, raw sha256, parser, totals)."""
        return _frames().snapshots_frame(self.reader.snapshot_rows(mtdsg_no))

    def events(
        self, treaty: str | None = None, country: str | None = None, since: date | None = None
    ) -> pd.DataFrame:
        """Change events, newest first: of one treaty (number or short name) and/or one participant (any
        name or code), whose action date (else the day first seen) is on or after `since`."""
        m = self.resolve_treaty(treaty) if treaty is not None else None
        code = self.participant_code(country) if country is not None else None
        return _frames().events_frame(self.reader, m, code, since)

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
        provenance = PageProvenance(source, raw_sha256, captured_at, parser_version)
        return self.writer.import_page(page, provenance)

    def import_pages(
        self, pages: list[tuple[NormalisedPage, PageProvenance]]
    ) -> list[ImportResult | Exception]:
        """Save many normalised pages in one transaction (see PageWriter.import_pages)."""
        return self.writer.import_pages(pages)

    def find_imported(
        self,
        raw_sha256: str,
        *,
        captured_at: date | datetime | None = None,
        parser_version: str | None = None,
    ) -> ImportResult | None:
        """The earlier import of these very bytes under this import key, if any (see PageWriter)."""
        return self.writer.find_imported(raw_sha256, captured_at=captured_at, parser_version=parser_version)

    def find_imported_many(
        self, pages: list[tuple[str, date | datetime | None]], *, parser_version: str | None = None
    ) -> list[ImportResult | None]:
        return self.writer.find_imported_many(pages, parser_version=parser_version)

    def drop_snapshot(self, snapshot_id: int) -> str:
        """Remove one snapshot (a bad import) with its row versions; returns its treaty's number."""
        return self.writer.drop_snapshot(snapshot_id)


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
