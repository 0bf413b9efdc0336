"""The fetch stage's runs: refresh a list of treaties, crawl chapters, import saved files, the demo."""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol, TextIO

from pipeline import config, mtdsg
from pipeline.fetch import untc
from pipeline.fetch.http import FetchError, HttpClient, Response, is_loopback
from pipeline.fetch.rawstore import (
    OUTCOME_DISCOVERY,
    OUTCOME_FAILED,
    OUTCOME_IMPORTED,
    OUTCOME_NOT_TREATY,
    ManifestEntry,
    RawStore,
    RawStoreError,
)
from pipeline.parse.model import ParseError, SourceRef, TreatyStatus

SAVED = "saved"
UNCHANGED = "unchanged"
SKIPPED = "skipped"
FAILED = "failed"

# A refresh skips a treaty whose status page was fetched, parsed and stored within this window: a run
# killed and started again (within the window) fetches nothing twice that it already stored.
DEFAULT_REFRESH_MAX_AGE = timedelta(hours=6)
DEFAULT_CRAWL_MAX_AGE = timedelta(days=1)

DEMO_XML_CAPTURED_AT = datetime(2018, 1, 15, tzinfo=UTC)
DEMO_XML_FOLDER = "xml-2018-01-15"
DEMO_HTML_FOLDER = "html-2026-02-03"


class StatusStore(Protocol):
    """What the fetch stage needs of pipeline.store's store."""

    def import_status(
        self, status: TreatyStatus, *, source: str, raw_sha256: str, captured_at: datetime | None = None
    ) -> Any: ...


@dataclass(frozen=True)
class TreatyResult:
    """What happened to one treaty in a run."""

    mtdsg_no: str
    outcome: str  # SAVED | UNCHANGED | SKIPPED | FAILED
    url: str = ""
    detail: str = ""
    sha256: str | None = None
    snapshot_id: Any = None
    declared_signatories: int | None = None
    declared_parties: int | None = None


@dataclass
class RunReport:
    results: list[TreatyResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # failures not tied to one treaty (e.g. discovery)

    def count(self, outcome: str) -> int:
        return sum(r.outcome == outcome for r in self.results)

    @property
    def failed(self) -> list[TreatyResult]:
        return [r for r in self.results if r.outcome == FAILED]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.problems

    def summary(self) -> str:
        parts = [f"saved {self.count(SAVED)}", f"unchanged {self.count(UNCHANGED)}"]
        if self.count(SKIPPED):
            parts.append(f"skipped {self.count(SKIPPED)} (fetched recently)")
        parts.append(f"failed {len(self.failed) + len(self.problems)}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Fetched:
    """A complete body for a URL, now in the raw store (a 304 reuses the stored body, re-hashed)."""

    url: str
    mtdsg_no: str
    kind: str
    response: Response
    body: bytes
    sha256: str


class Fetcher:
    """HTTP + raw store: conditional GETs whose complete bodies are kept by hash, and the manifest lines."""

    def __init__(self, client: HttpClient, raw: RawStore, base_url: str) -> None:
        self.client = client
        self.raw = raw
        self.base_url = base_url.rstrip("/")

    def fetch(self, url: str, mtdsg_no: str, kind: str = "status_page") -> Fetched:
        """GET `url`, conditionally if a treaty page is stored for it; FetchError/RawStoreError on failure."""
        prev = self.raw.last_ok(url)
        resp = self.client.get(
            url, etag=prev.etag if prev else None, last_modified=prev.last_modified if prev else None
        )
        if resp.not_modified:
            if prev is None or prev.sha256 is None:
                raise FetchError(url, "HTTP 304 to a request that carried no validators", status=304)
            body = self.raw.get(prev.sha256)  # re-hashed: a corrupt object fails here, loudly
            # A 304 may omit validators; the previous ones still describe the body.
            resp = replace(
                resp,
                etag=resp.etag or prev.etag,
                last_modified=resp.last_modified or prev.last_modified,
                content_type=prev.content_type,
            )
            return Fetched(url, mtdsg_no, kind, resp, body, prev.sha256)
        assert resp.body is not None
        sha = self.raw.put(resp.body)
        return Fetched(url, mtdsg_no, kind, resp, resp.body, sha)

    def record(self, f: Fetched, outcome: str, *, snapshot_id: Any = None, error: str | None = None) -> None:
        r = f.response
        self.raw.append(
            ManifestEntry(
                url=f.url,
                fetched_at=r.fetched_at.isoformat(),
                mtdsg_no=f.mtdsg_no,
                kind=f.kind,
                status=r.status,
                sha256=f.sha256,
                size=len(f.body),
                etag=r.etag,
                last_modified=r.last_modified,
                content_type=r.content_type,
                outcome=outcome,
                snapshot_id=snapshot_id,
                error=error,
            )
        )

    def record_failure(self, url: str, mtdsg_no: str, kind: str, exc: Exception) -> None:
        self.raw.append(
            ManifestEntry(
                url=url,
                fetched_at=datetime.now(UTC).isoformat(),
                mtdsg_no=mtdsg_no,
                kind=kind,
                status=getattr(exc, "status", None),
                outcome=OUTCOME_FAILED,
                error=_one_line(exc),
            )
        )


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _outcome_of(result: Any) -> tuple[str, Any]:
    outcome = getattr(result, "outcome", None)
    if outcome not in (SAVED, UNCHANGED):
        raise RuntimeError(f"store returned an unexpected import outcome {outcome!r}")
    return outcome, getattr(result, "snapshot_id", None)


def process_fetched(f: Fetched, fetcher: Fetcher, store: StatusStore) -> TreatyResult:
    """Parse a fetched body and, only if it is the treaty's status page, store it as a snapshot."""
    r = f.response
    source = SourceRef(location=f.url, sha256=f.sha256, fetched_at=r.fetched_at)
    try:
        from pipeline.parse import parse_page

        status = parse_page(f.body, source=source)
    except ParseError as exc:
        # Kept in the raw store as evidence (the site answers 200 for unknown treaties), never a snapshot.
        fetcher.record(f, OUTCOME_NOT_TREATY, error=_one_line(exc))
        return TreatyResult(
            f.mtdsg_no, FAILED, f.url, f"not a treaty status page: {_one_line(exc)}", f.sha256
        )
    if status.mtdsg_no != f.mtdsg_no:
        msg = f"asked for {f.mtdsg_no}, the page is about {status.mtdsg_no}"
        fetcher.record(f, OUTCOME_NOT_TREATY, error=msg)
        return TreatyResult(f.mtdsg_no, FAILED, f.url, msg, f.sha256)
    try:
        outcome, snapshot_id = _outcome_of(
            store.import_status(status, source=f.url, raw_sha256=f.sha256, captured_at=r.fetched_at)
        )
    except Exception as exc:  # a store failure for one treaty is reported; the batch carries on
        fetcher.record(f, OUTCOME_FAILED, error=f"store: {_one_line(exc)}")
        return TreatyResult(f.mtdsg_no, FAILED, f.url, f"store: {_one_line(exc)}", f.sha256)
    fetcher.record(f, outcome, snapshot_id=snapshot_id)
    return TreatyResult(
        f.mtdsg_no,
        outcome,
        f.url,
        "not modified (304)" if r.not_modified else "",
        f.sha256,
        snapshot_id,
        status.declared_signatories,
        status.declared_parties,
    )


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
    """fetch -> raw store -> parse_page -> store.import_status, for one treaty's status page."""
    url = mtdsg.status_page_url(mtdsg_no, fetcher.base_url)
    if max_age is not None and max_age > timedelta(0):
        prev = fresh.get(url) if fresh is not None else fetcher.raw.last_ok(url)
        if prev is not None and (now or datetime.now(UTC)) - prev.fetched_datetime <= max_age:
            return TreatyResult(
                mtdsg_no, SKIPPED, url, f"stored {prev.fetched_at}", prev.sha256, prev.snapshot_id
            )
    if prefetched is not None and prefetched.url == url:
        f = prefetched
    else:
        try:
            f = fetcher.fetch(url, mtdsg_no)
        except (FetchError, RawStoreError) as exc:
            fetcher.record_failure(url, mtdsg_no, "status_page", exc)
            return TreatyResult(mtdsg_no, FAILED, url, _one_line(exc))
    return process_fetched(f, fetcher, store)


Reporter = Callable[[TreatyResult], None]


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
    fresh: dict | None = None,
) -> None:
    """Run `probe` (which may raise) unless every treaty was fetched within max_age: nothing is then due."""
    now = now or datetime.now(UTC)
    fresh = fetcher.raw.latest_ok_by_url() if fresh is None else fresh
    if max_age is not None and max_age > timedelta(0):
        stale = [
            t
            for t in treaties
            if (e := fresh.get(mtdsg.status_page_url(t, fetcher.base_url))) is None
            or now - e.fetched_datetime > max_age
        ]
        if not stale:
            return
    probe()


def discover(
    chapters: Iterable[str] | None, fetcher: Fetcher, *, report: RunReport | None = None
) -> tuple[list[str], dict[str, Fetched]]:
    """MTDSG numbers of the given chapters (None: every chapter the site lists), in site order.

    Returns the treaties and the status pages fetched on the way (so a crawl need not fetch them twice).
    Chapters that cannot be discovered are added to `report.problems`.
    """
    pages: dict[str, Fetched] = {}
    known_by_chapter: dict[str, list[str]] = {}
    for t in [
        *untc.DEFAULT_WATCHLIST,
        *(e.mtdsg_no for e in fetcher.raw.latest_ok_by_url().values() if e.mtdsg_no),
    ]:
        known_by_chapter.setdefault(t.split("-", 1)[0], []).append(t)

    probed: list[bool] = []

    def get_page(seed: str) -> bytes | None:
        url = mtdsg.status_page_url(seed, fetcher.base_url)
        try:
            f = fetcher.fetch(url, seed, "status_page")
        except (FetchError, RawStoreError) as exc:
            fetcher.record_failure(url, seed, "discovery", exc)
            if isinstance(exc, FetchError) and exc.status is None and not probed:
                # No HTTP answer at all: ask the site once whether it is there before trying every seed
                # of every chapter with retries (raises SiteUnreachable if it is not).
                probed.append(True)
                check_reachable(fetcher)
            return None
        pages[seed] = f
        return f.body

    wanted = [mtdsg.chapter_of(c + "-1") for c in chapters] if chapters is not None else None
    todo = list(wanted) if wanted is not None else list(mtdsg.CHAPTERS)
    treaties: list[str] = []
    done: set[str] = set()
    while todo:
        chapter = todo.pop(0)
        if chapter in done:
            continue
        done.add(chapter)
        try:
            nav, _seed = untc.discover_chapter(chapter, get_page, known=known_by_chapter.get(chapter, ()))
        except untc.DiscoveryError as exc:
            if report is not None:
                report.problems.append(str(exc))
            continue
        treaties.extend(t for t in nav.treaties if t not in treaties)
        if wanted is None:
            # The site's own chapter list is the authority for --all; an unknown chapter fails loudly.
            listed = [text.split()[-1] for _v, text in nav.chapters]
            for c in listed:
                mtdsg.chapter_number(c)
            todo = [c for c in listed if c not in done]
            wanted = listed
    return treaties, pages


def record_unused(pages: dict[str, Fetched], fetcher: Fetcher) -> None:
    for f in pages.values():
        fetcher.record(f, OUTCOME_DISCOVERY)


def import_files(
    paths: Iterable[Path],
    store: StatusStore,
    raw: RawStore,
    *,
    captured_at: datetime,
    on_result: Reporter | None = None,
) -> RunReport:
    """Import saved pages from disk as snapshots captured at `captured_at` (bodies kept in the raw store)."""
    from pipeline.importer import import_page

    report = RunReport()
    # Re-reading the same file is logged once: the manifest records bodies, not how often we looked.
    seen = {(e.url, e.sha256) for e in raw.entries() if e.outcome == OUTCOME_IMPORTED}
    for path in paths:
        location = str(path)
        try:
            body = path.read_bytes()
            sha = raw.put(body)
            imported = import_page(store, body, location=location, captured_at=captured_at, sha256=sha)
            outcome, snapshot_id = _outcome_of(imported)
            if (path.resolve().as_uri(), sha) not in seen:
                raw.append(
                    ManifestEntry(
                        url=path.resolve().as_uri(),
                        fetched_at=datetime.now(UTC).isoformat(),
                        mtdsg_no=imported.mtdsg_no,
                        kind="xml" if path.suffix == ".xml" else "status_page",
                        sha256=sha,
                        size=len(body),
                        outcome=OUTCOME_IMPORTED,
                        snapshot_id=snapshot_id,
                        source_path=location,
                    )
                )
            result = TreatyResult(
                imported.mtdsg_no,
                outcome,
                location,
                "",
                sha,
                snapshot_id,
                imported.declared_signatories,
                imported.declared_parties,
            )
        except (OSError, ParseError, RawStoreError, RuntimeError) as exc:
            result = TreatyResult(path.stem.removesuffix(".en"), FAILED, location, _one_line(exc))
        except Exception as exc:  # a store error on one file: reported, the import carries on
            result = TreatyResult(path.stem.removesuffix(".en"), FAILED, location, f"store: {_one_line(exc)}")
        report.results.append(result)
        if on_result:
            on_result(result)
    return report


# --- watchlist ---------------------------------------------------------------------------------


def default_watchlist_file() -> Path:
    return config.REPO_ROOT / "watchlist.txt"


def load_watchlist(path: Path | None = None) -> list[str]:
    """The treaties to refresh: from `path` (or ./watchlist.txt at the repository root if present),
    else the built-in core human-rights list.

    A .toml file holds `treaties = ["IV-11-c", ...]`; any other file is plain text, one MTDSG number
    per line, `#` starting a comment. Raises ValueError naming the file and line for a bad entry.
    """
    if path is None:
        candidate = default_watchlist_file()
        if not candidate.exists():
            return list(untc.DEFAULT_WATCHLIST)
        path = candidate
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"cannot read watchlist {path}: {exc.strerror or exc}") from exc
    entries: list[tuple[int, str]] = []
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"watchlist {path}: {exc}") from exc
        items = data.get("treaties")
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            raise ValueError(f'watchlist {path}: expected treaties = ["IV-11-c", ...]')
        entries = [(0, x) for x in items]
    else:
        for n, line in enumerate(text.splitlines(), start=1):
            item = line.split("#", 1)[0].strip()
            if item:
                entries.append((n, item))
    out: list[str] = []
    for n, item in entries:
        try:
            t = mtdsg.parse_user_number(item)
        except ValueError as exc:
            where = f"{path}:{n}" if n else str(path)
            raise ValueError(f"watchlist {where}: {exc}") from None
        if t not in out:
            out.append(t)
    if not out:
        raise ValueError(f"watchlist {path} lists no treaties")
    return out


# --- durations ---------------------------------------------------------------------------------


def parse_duration(text: str) -> timedelta:
    """ "0", "90s", "30m", "6h", "7d" -> timedelta; ValueError otherwise."""
    t = text.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
    try:
        if t.isdigit():
            if int(t) == 0:
                return timedelta(0)
            raise ValueError
        value, unit = float(t[:-1]), t[-1]
        if value < 0 or unit not in units:
            raise ValueError
    except ValueError:
        raise ValueError(f"{text!r} is not a duration like 0, 30m, 6h or 7d") from None
    return timedelta(seconds=value * units[unit])


# --- progress ----------------------------------------------------------------------------------


@contextmanager
def progress_reporter(total: int, label: str, *, stream: TextIO | None = None) -> Iterator[Reporter]:
    """A rich progress bar on a terminal, plain lines otherwise; failures are always printed as lines."""
    out = stream or sys.stdout
    if out.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(file=out)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        ) as bar:
            task = bar.add_task(label, total=total)

            def on_bar(r: TreatyResult) -> None:
                if r.outcome == FAILED:
                    bar.console.print(
                        f"[red]failed[/red] {r.mtdsg_no}: {r.detail}", markup=True, highlight=False
                    )
                bar.update(task, advance=1, description=f"{label} {r.mtdsg_no}")

            yield on_bar
        return

    def on_line(r: TreatyResult) -> None:
        detail = f": {r.detail}" if r.detail and r.outcome in (FAILED, SKIPPED) else ""
        print(f"{r.outcome:<9} {r.mtdsg_no}{detail}", file=out, flush=True)

    yield on_line


# --- the stores --------------------------------------------------------------------------------


def make_client(base_url: str, *, min_interval: float | None = None, **kwargs: Any) -> HttpClient:
    settings = config.http_settings()
    if min_interval is not None:
        settings = replace(settings, min_interval_s=min_interval)
    return HttpClient(settings, trust_env=not is_loopback(base_url), **kwargs)


def render_reports(store: Any, out_dir: Path) -> Path | None:
    """Write the reports if the report stage is installed; None if it is not available yet."""
    try:
        from pipeline.report import render_site  # type: ignore[attr-defined]
    except ImportError:
        return None
    return render_site(store, out_dir)


class SiteUnreachable(Exception):
    """The site did not answer at all (DNS, connection refused, timeout): nothing can be refreshed."""


def check_reachable(fetcher: Fetcher) -> None:
    """One request, no retries, to the site's root: any HTTP answer counts as reachable."""
    try:
        fetcher.client.get(fetcher.base_url + "/", retries=0)
    except FetchError as exc:
        if exc.status is None:
            raise SiteUnreachable(f"cannot reach {fetcher.base_url} ({exc.reason})") from exc


def summarise_pairs(before: RunReport, after: RunReport) -> list[str]:
    """Headline lines: declared parties in the earlier import vs the refresh, treaty by treaty."""
    old = {r.mtdsg_no: r for r in before.results if r.outcome != FAILED}
    lines = []
    for r in after.results:
        o = old.get(r.mtdsg_no)
        if r.outcome == FAILED or o is None or r.declared_parties is None:
            continue
        delta = (r.declared_parties or 0) - (o.declared_parties or 0)
        line = f"  {r.mtdsg_no:<8} parties {o.declared_parties} -> {r.declared_parties} ({delta:+d})"
        if r.declared_signatories is not None or o.declared_signatories is not None:
            line += f", signatories {o.declared_signatories} -> {r.declared_signatories}"
        lines.append(line)
    return lines


def demo_xml_files(pages: Path) -> list[Path]:
    return sorted((pages / DEMO_XML_FOLDER).glob("*.xml"))


# --- whole runs, as the commands call them ------------------------------------------------------


def _open_store(db: Path | None = None) -> Any:
    from pipeline.store import open_store

    return open_store(db or config.db_path())


def _say(out: TextIO, text: str) -> None:
    print(text, file=out, flush=True)


def run_refresh(
    treaties: list[str],
    *,
    base_url: str,
    max_age: timedelta | None = DEFAULT_REFRESH_MAX_AGE,
    min_interval: float | None = None,
    write_reports: bool = True,
    probe: bool = True,
    out: TextIO | None = None,
    client: HttpClient | None = None,
    store: StatusStore | None = None,
    raw: RawStore | None = None,
) -> RunReport:
    """`treaties refresh`: probe the site, then refresh each treaty into the store, then the reports."""
    out = out or sys.stdout
    raw = raw or RawStore(config.raw_dir())
    with client or make_client(base_url, min_interval=min_interval) as http:
        fetcher = Fetcher(http, raw, base_url)
        if probe:
            # Before the database is opened: an unreachable site leaves no trace, not even an empty file.
            probe_if_due(treaties, fetcher, max_age=max_age, probe=lambda: check_reachable(fetcher))
        with _store_context(store) as st:
            with progress_reporter(len(treaties), "refresh", stream=out) as on_result:
                report = refresh(treaties, fetcher, st, max_age=max_age, on_result=on_result)
            _say(out, report.summary())
            if write_reports:
                _reports(st, out)
    return report


@contextmanager
def _store_context(store: StatusStore | None) -> Iterator[Any]:
    if store is not None:
        yield store
        return
    with _open_store() as st:
        yield st


def _reports(store: Any, out: TextIO, *, screenshots: bool = False) -> None:
    where = render_reports(store, config.reports_dir())
    if where is None:
        _say(out, "reports: not yet available (pipeline.report is not installed)")
        return
    _say(out, f"reports: {where}")
    if screenshots:
        # For readers without a browser; needs Debian's chromium, and is skipped (saying so) without it.
        from pipeline.report.browser import BrowserUnavailable, save_screenshots

        try:
            shots = save_screenshots(where)
        except BrowserUnavailable as exc:
            _say(out, f"screenshots: skipped ({exc})")
        except Exception as exc:  # noqa: BLE001 - pictures are a convenience: say why, keep the reports
            _say(out, f"screenshots: failed ({type(exc).__name__}: {str(exc).splitlines()[0]})")
        else:
            _say(out, f"screenshots: {', '.join(str(p) for p in shots)}")


def run_crawl(
    chapters: list[str] | None,
    *,
    base_url: str,
    list_only: bool = False,
    max_age: timedelta | None = DEFAULT_CRAWL_MAX_AGE,
    min_interval: float | None = None,
    out: TextIO | None = None,
    client: HttpClient | None = None,
    store: StatusStore | None = None,
    raw: RawStore | None = None,
) -> tuple[list[str], RunReport]:
    """`treaties crawl`: discover chapters' treaties from the drop-downs, then (unless listing) refresh."""
    out = out or sys.stdout
    raw = raw or RawStore(config.raw_dir())
    report = RunReport()
    with client or make_client(base_url, min_interval=min_interval) as http:
        fetcher = Fetcher(http, raw, base_url)
        treaties, pages = discover(chapters, fetcher, report=report)
        if list_only:
            record_unused(pages, fetcher)
            return treaties, report
        with _store_context(store) as st:
            with progress_reporter(len(treaties), "crawl", stream=out) as on_result:
                done = refresh(treaties, fetcher, st, max_age=max_age, on_result=on_result, prefetched=pages)
            record_unused(pages, fetcher)
    report.results = done.results
    for p in report.problems:
        _say(out, f"failed    discovery: {p}")
    _say(out, report.summary())
    return treaties, report


def run_demo(
    pages: Path,
    *,
    out: TextIO | None = None,
    min_interval: float = 0.05,
    watchlist: list[str] | None = None,
) -> tuple[RunReport, RunReport]:
    """`treaties demo`: the 2018 XML as the snapshot of 2018-01-15, then a refresh through a loopback mirror
    of the 2026 HTML pages, then the reports. The mirror is ours, so it is polled faster than the site."""
    from pipeline.fetch.mirror import run_mirror

    out = out or sys.stdout
    xml_files = demo_xml_files(pages)
    html_dir = pages / DEMO_HTML_FOLDER
    if not xml_files:
        raise FileNotFoundError(f"no MTDSG XML files in {pages / DEMO_XML_FOLDER}")
    if not html_dir.is_dir():
        raise FileNotFoundError(f"no folder {html_dir}")
    raw = RawStore(config.raw_dir())
    with _open_store() as store:
        _say(out, f"1/3 importing {len(xml_files)} MTDSG XML files as the snapshot of 2018-01-15")
        imported = import_files(xml_files, store, raw, captured_at=DEMO_XML_CAPTURED_AT)
        for r in imported.failed:
            _say(out, f"failed    {r.mtdsg_no}: {r.detail}")
        _say(out, f"    {imported.summary()}")
        with run_mirror(html_dir) as mirror:
            base = mirror.base_url
            watchlist = watchlist or load_watchlist()
            # The mirror also holds the arms-control pages (chapter XXVI): refresh them too, after the
            # watchlist, so the demo's reports cover every saved 2026 page.
            watchlist = watchlist + sorted(
                {p.stem for p in html_dir.glob("*.html")} - set(watchlist), key=mtdsg.sort_key
            )
            _say(out, f"2/3 refreshing {len(watchlist)} treaties from the mirror at {base}")
            # max_age 0: always ask the mirror (conditionally: a rerun gets 304s and reports "unchanged").
            with make_client(base, min_interval=min_interval) as http:
                fetcher = Fetcher(http, raw, base)
                with progress_reporter(len(watchlist), "refresh", stream=out) as on_result:
                    refreshed = refresh(watchlist, fetcher, store, max_age=None, on_result=on_result)
            http_requests = len(mirror.log)
        _say(out, f"    {refreshed.summary()} ({http_requests} HTTP requests on 127.0.0.1)")
        _say(out, "3/3 reports")
        _reports(store, out, screenshots=True)
    lines = summarise_pairs(imported, refreshed)
    if lines:
        _say(out, "declared counts, 2018 -> 2026:")
        for line in lines:
            _say(out, line)
    _say(out, f"database: {config.db_path()}   raw store: {config.raw_dir()}")
    _say(out, f"reports: {config.reports_dir() / 'index.html'}")
    return imported, refreshed
