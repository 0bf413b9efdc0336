"""Refresh and crawl runs: fetch each treaty's status page into the raw store, import it, then the reports."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TextIO

from pipeline import config, mtdsg
from pipeline.errors import one_line
from pipeline.fetch.discovery import check_reachable, discover, record_unused
from pipeline.fetch.fetcher import Fetched, Fetcher
from pipeline.fetch.http import CircuitOpen, FetchError, HttpClient
from pipeline.fetch.rawstore import ManifestEntry, RawStore, RawStoreError
from pipeline.fetch.response import Response
from pipeline.fetch.webhook import PostFn
from pipeline.mtdsg import is_loopback
from pipeline.normalise.page import NormalisedPage
from pipeline.runs.console import Reporter, progress_reporter, say
from pipeline.runs.importing import StatusStore, import_fetched
from pipeline.runs.lock import run_lock
from pipeline.runs.notify import Notified, notify_outbox
from pipeline.runs.reports import write_reports
from pipeline.runs.results import FAILED, SAVED, SKIPPED, RunReport, TreatyResult
from pipeline.store import ImportResult, Store, StoreLocked, open_store, outbox
from pipeline.store.events import Event, newest_first, treaty_events

# A refresh skips a treaty whose status page was fetched, parsed and stored within this window: a run
# killed and started again (within the window) fetches nothing twice that it already stored.
DEFAULT_REFRESH_MAX_AGE = timedelta(hours=6)
DEFAULT_CRAWL_MAX_AGE = timedelta(days=1)


def make_client(base_url: str, *, min_interval: float | None = None) -> HttpClient:
    settings = config.http_settings()
    if min_interval is not None:
        settings = replace(settings, min_interval_s=min_interval)
    return HttpClient(settings, trust_env=not is_loopback(base_url))


def refresh_one(
    mtdsg_no: str,
    fetcher: Fetcher,
    store: StatusStore,
    *,
    max_age: timedelta | None = None,
    now: datetime | None = None,
    fresh: dict[str, ManifestEntry] | None = None,
    prefetched: Fetched | None = None,
) -> TreatyResult:
    """fetch -> raw store -> import, for one treaty's status page."""
    url = mtdsg.status_page_url(mtdsg_no, fetcher.base_url)
    if max_age is not None and max_age > timedelta(0):
        prev = fresh.get(url) if fresh is not None else fetcher.raw.last_ok(url)
        if prev is not None and is_recent(prev, max_age, now):
            # What to fetch is decided by what this database holds: a page fetched recently (into the raw
            # store, for another database perhaps) but missing here is imported from the raw store,
            # without a request.
            if prev.sha256 and store.find_imported(prev.sha256) is None:
                try:
                    return import_fetched(_from_raw(fetcher, prev, mtdsg_no), fetcher, store)
                except RawStoreError:
                    pass  # the stored bytes are gone or altered: ask the site again
            else:
                return TreatyResult(
                    mtdsg_no, SKIPPED, url, f"stored {prev.fetched_at}", prev.sha256, _int(prev.snapshot_id)
                )
    if prefetched is not None and prefetched.url == url:
        f = prefetched
    else:
        try:
            f = fetcher.fetch(url, mtdsg_no)
        except CircuitOpen as exc:
            # The server asked us to stop (or keeps failing): the run ends here, with one line.
            fetcher.record_failure(url, mtdsg_no, "status_page", exc)
            raise
        except (FetchError, RawStoreError) as exc:
            _record_failure(fetcher, url, mtdsg_no, exc)
            return TreatyResult(mtdsg_no, FAILED, url, one_line(exc))
    try:
        return import_fetched(f, fetcher, store)
    except RawStoreError as exc:  # the manifest could not be written (disk full...): this treaty fails
        return TreatyResult(mtdsg_no, FAILED, url, one_line(exc), f.sha256)


def is_recent(prev: ManifestEntry, max_age: timedelta, now: datetime | None = None) -> bool:
    """Fetched within max_age of now. A fetch time in the future (a clock that ran ahead) proves nothing:
    the page counts as stale and is asked for again."""
    try:
        when = prev.fetched_datetime
    except ValueError:
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    age = (now or datetime.now(UTC)) - when
    return timedelta(0) <= age <= max_age


def future_fetches(treaties: Iterable[str], fetcher: Fetcher, now: datetime | None = None) -> list[str]:
    """One line when raw-store records of these treaties are dated in the future (a clock that ran
    ahead when they were written): they count as stale, so the pages are asked for again."""
    now = now or datetime.now(UTC)
    fresh = fetcher.raw.latest_ok_by_url()
    ahead = [
        t
        for t in treaties
        if (e := fresh.get(mtdsg.status_page_url(t, fetcher.base_url))) is not None
        and e.fetched_datetime > now + timedelta(minutes=1)
    ]
    if not ahead:
        return []
    shown = ", ".join(ahead[:5]) + (f" and {len(ahead) - 5} more" if len(ahead) > 5 else "")
    return [f"note: {shown}: fetched_at in the future in the raw store (clock changed?); treated as stale"]


def _from_raw(fetcher: Fetcher, prev: ManifestEntry, mtdsg_no: str) -> Fetched:
    """The raw store's copy of a page as if just fetched (re-hashed on reading: RawStoreError if altered)."""
    assert prev.sha256 is not None
    body = fetcher.raw.get(prev.sha256)
    response = Response(
        url=prev.url,
        status=200,
        body=body,
        fetched_at=prev.fetched_datetime,
        etag=prev.etag,
        last_modified=prev.last_modified,
        content_type=prev.content_type,
    )
    return Fetched(prev.url, mtdsg_no, prev.kind or "status_page", response, body, prev.sha256)


def _record_failure(fetcher: Fetcher, url: str, mtdsg_no: str, exc: Exception) -> None:
    try:
        fetcher.record_failure(url, mtdsg_no, "status_page", exc)
    except RawStoreError:
        pass  # the original error is the one to report


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, int | str) and str(value).isdigit() else None


def refresh(
    treaties: Iterable[str],
    fetcher: Fetcher,
    store: StatusStore,
    *,
    max_age: timedelta | None = DEFAULT_REFRESH_MAX_AGE,
    on_result: Reporter | None = None,
    prefetched: dict[str, Fetched] | None = None,
    probe: Callable[[], None] | None = None,
) -> RunReport:
    """Refresh each treaty in turn; one failure never stops the batch.

    `probe` runs once, before the first request (none if every treaty is fresh); it may raise to stop.
    """
    report = RunReport()
    now = datetime.now(UTC)
    fresh = fetcher.raw.latest_ok_by_url()
    todo = list(treaties)
    if probe is not None:
        probe_if_due(todo, fetcher, max_age=max_age, probe=probe, now=now, fresh=fresh)
    for t in todo:
        result = refresh_one(
            t,
            fetcher,
            store,
            max_age=max_age,
            now=now,
            fresh=fresh,
            prefetched=(prefetched or {}).pop(t, None),
        )
        report.results.append(result)
        if on_result:
            on_result(result)
    return report


def probe_if_due(
    treaties: list[str],
    fetcher: Fetcher,
    *,
    max_age: timedelta | None,
    probe: Callable[[], None],
    now: datetime | None = None,
    fresh: dict[str, ManifestEntry] | None = None,
) -> None:
    """Run `probe` (which may raise) unless every treaty was fetched within max_age: nothing is then due."""
    now = now or datetime.now(UTC)
    fresh = fetcher.raw.latest_ok_by_url() if fresh is None else fresh
    if max_age is not None and max_age > timedelta(0):
        stale = [
            t
            for t in treaties
            if (e := fresh.get(mtdsg.status_page_url(t, fetcher.base_url))) is None
            or not is_recent(e, max_age, now)
        ]
        if not stale:
            return
    probe()


@contextmanager
def _store_context(store: Store | None, db: Path | None) -> Iterator[Store]:
    if store is not None:
        yield store
        return
    with open_store(db or config.db_path()) as st:
        yield st


# How long an unattended run's step waits for a database that readers keep busy (a `report` building the
# whole site, an `export`) before the step fails: a reader is served in turn, a run is not skipped for it.
STEP_WAIT_S = 120.0


class StepStore:
    """The database opened for each step and closed after it, so a reader (`status`, `report`) waits a
    moment at most, never for a whole run; a store handed in is used as it is.

    The first step waits only TREATIES_BUSY_WAIT (a run that cannot start says so in one line, having
    fetched nothing); a later step that finds the database busy waits up to `wait_s` for it, as the pages
    it holds are worth the wait. Once a step has given up, the later steps fail at once with the same
    one line, instead of each waiting again."""

    def __init__(self, store: Store | None, db: Path | None, *, wait_s: float = STEP_WAIT_S) -> None:
        self._store = store
        self._db = db or config.db_path()
        self.wait_s = wait_s
        self.locked: StoreLocked | None = None
        self._opened = False

    @contextmanager
    def open(self, *, read_only: bool = False) -> Iterator[Store]:
        if self._store is not None:
            yield self._store
            return
        if self.locked is not None:
            raise self.locked
        end = time.monotonic() + (self.wait_s if self._opened else 0.0)
        with ExitStack() as stack:
            while True:
                try:
                    st = stack.enter_context(open_store(self._db, read_only=read_only))
                    self._opened = True
                    break
                except StoreLocked as exc:  # open_store has already waited TREATIES_BUSY_WAIT
                    if time.monotonic() >= end:
                        self.locked = exc
                        raise
            yield st

    def find_imported(
        self,
        raw_sha256: str,
        *,
        captured_at: date | datetime | None = None,
        parser_version: str | None = None,
    ) -> ImportResult | None:
        with self.open() as st:
            return st.find_imported(raw_sha256, captured_at=captured_at, parser_version=parser_version)

    def import_page(
        self,
        page: NormalisedPage,
        *,
        source: str,
        raw_sha256: str,
        captured_at: date | datetime | None = None,
        parser_version: str | None = None,
    ) -> ImportResult:
        with self.open() as st:
            return st.import_page(
                page,
                source=source,
                raw_sha256=raw_sha256,
                captured_at=captured_at,
                parser_version=parser_version,
            )


@contextmanager
def _locked(store: Store | None, db: Path | None) -> Iterator[None]:
    # A store handed in is the caller's to guard; one opened here is guarded by its run lock.
    if store is not None:
        yield
        return
    with run_lock(db or config.db_path()):
        yield


def new_events(store: Store, report: RunReport) -> list[Event]:
    """The events shown first by the snapshots this run saved (a treaty's first snapshot is a baseline)."""
    events: list[Event] = []
    for r in report.results:
        if r.outcome == SAVED and r.snapshot_id is not None:
            events.extend(treaty_events(store, r.mtdsg_no, snapshot_ids=[r.snapshot_id]))
    return newest_first(events)


EXIT_CHANGED = 3  # `refresh --exit-code`: something changed (as `git diff --exit-code` exits 1)


def exit_status(report: RunReport, *, exit_code: bool = False) -> int:
    """A refresh's exit status: 1 if anything failed, else 3 with `exit_code` when the run found events
    (its own, or earlier ones still waiting in the outbox: `run_refresh` puts both in report.events),
    else 0."""
    if not report.ok:
        return 1
    return EXIT_CHANGED if exit_code and report.changed else 0


def events_line(events: Sequence[Event]) -> str:
    """ "events: 12 (joined 4, signed 1, renamed 7)" or "events: none"."""
    if not events:
        return "events: none"
    counts: dict[str, int] = {}
    for e in events:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    return f"events: {len(events)} (" + ", ".join(f"{k} {n}" for k, n in counts.items()) + ")"


def run_refresh(
    treaties: list[str],
    *,
    base_url: str,
    max_age: timedelta | None = DEFAULT_REFRESH_MAX_AGE,
    min_interval: float | None = None,
    write_site: bool = True,
    probe: bool = True,
    out: TextIO | None = None,
    client: HttpClient | None = None,
    store: Store | None = None,
    raw: RawStore | None = None,
    db: Path | None = None,
    reports_dir: Path | None = None,
    notify: Sequence[str] = (),
    post: PostFn | None = None,
) -> RunReport:
    """`treaties refresh`: probe the site, then refresh each treaty into the store, then the reports, then
    POST the run's new events to each `notify` URL. The report carries those events (`report.changed`).

    Holds the database's run lock throughout (RunLocked if another run has it). A webhook that fails is
    a line in the output, never a failed refresh.
    """
    out = out or sys.stdout
    receivers = list(dict.fromkeys(notify))
    config.check_webhook_urls(receivers)  # `--notify file:///...` is refused before anything is fetched
    raw = raw or RawStore(config.raw_dir())
    with client or make_client(base_url, min_interval=min_interval) as http:
        fetcher = Fetcher(http, raw, base_url)
        if probe:
            # Before the database is opened: an unreachable site leaves no trace, not even an empty file.
            probe_if_due(treaties, fetcher, max_age=max_age, probe=lambda: check_reachable(fetcher))
        # The run lock (a file beside the database) keeps runs apart for the whole run; the database itself
        # is open only while a step reads or writes it.
        with _locked(store, db):
            steps = StepStore(store, db)
            # The first step opens (creates, upgrades) the database before any page is fetched: a database
            # another process keeps busy ends the run here, in one line, having asked the site nothing.
            with steps.open() as st:
                if receivers:
                    outbox.register(st, receivers)
            for line in future_fetches(treaties, fetcher):
                say(out, line)
            with progress_reporter(len(treaties), "refresh", stream=out) as on_result:
                report = refresh(treaties, fetcher, steps, max_age=max_age, on_result=on_result)
            for line in http.gate.stale:
                say(out, f"note: {line}")
            if raw.unreadable:
                say(out, f"note: {raw.unreadable} unreadable lines of {raw.manifest_path} skipped")
            say(out, report.summary())
            with steps.open() as st:
                report.events = new_events(st, report)
                if receivers:
                    # Queued now, beside the snapshots: a run killed after this still owes them (and one
                    # killed before it too: queue() finds every snapshot a receiver has not had).
                    outbox.queue(st, receivers)
            say(out, events_line(report.events))
            try:
                if write_site:
                    with steps.open(read_only=store is None) as st:
                        write_reports(st, reports_dir or config.reports_dir(), out)
            finally:
                notified = notify_outbox(receivers, steps.open, out=out, post=post)
                report.events = _with_owed(report.events, notified)
    return report


def _with_owed(events: list[Event], notified: Notified) -> list[Event]:
    """The run's events plus earlier ones sent or still owed now, each once, newest first (so that
    `--exit-code` tells of events a receiver has not had, whichever run found them)."""
    found = {e.event_id: e for e in events}
    extra = {e.event_id: e for e in [*notified.sent, *notified.owed] if e.event_id not in found}
    if not extra:
        return events
    return newest_first([*events, *extra.values()])


def run_crawl(
    chapters: list[str] | None,
    *,
    base_url: str,
    list_only: bool = False,
    max_age: timedelta | None = DEFAULT_CRAWL_MAX_AGE,
    min_interval: float | None = None,
    out: TextIO | None = None,
    client: HttpClient | None = None,
    store: Store | None = None,
    raw: RawStore | None = None,
    db: Path | None = None,
) -> tuple[list[str], RunReport]:
    """`treaties crawl`: discover chapters' treaties from the drop-downs, then (unless listing) refresh."""
    out = out or sys.stdout
    raw = raw or RawStore(config.raw_dir())
    report = RunReport()
    with client or make_client(base_url, min_interval=min_interval) as http:
        fetcher = Fetcher(http, raw, base_url)
        treaties, pages = discover(chapters, fetcher, problems=report.problems)
        if list_only:
            record_unused(pages, fetcher)
            return treaties, report
        with _store_context(store, db) as st:
            with progress_reporter(len(treaties), "crawl", stream=out) as on_result:
                done = refresh(treaties, fetcher, st, max_age=max_age, on_result=on_result, prefetched=pages)
            record_unused(pages, fetcher)
    report.results = done.results
    for p in report.problems:
        say(out, f"failed    discovery: {p}")
    say(out, report.summary())
    return treaties, report
