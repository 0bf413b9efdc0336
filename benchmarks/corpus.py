"""Import of the whole saved corpus into a fresh database and again, in a child process for its peak RSS."""

from __future__ import annotations

import hashlib
import json
import re
import resource
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from benchmarks.child import run_module
from pipeline.normalise.page import normalise_page
from pipeline.parse import parse_page
from pipeline.runs.importing import BATCH_PAGES, PageBytes, import_batch
from pipeline.store import open_store

# Saved folders are named after their capture day (html-2026-02-03, xml-2018-01-15). MTDSG XML carries
# no status date of its own, so that day is the snapshot's date; HTML pages bring their own STATUS AS AT.
_CAPTURE_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})$")


def corpus_files(pages_dir: Path) -> list[tuple[Path, datetime]]:
    """Every saved status page (HTML then XML) with the capture day of its folder."""
    out = []
    for pattern in ("*/*.html", "*/*.xml"):
        for path in sorted(pages_dir.glob(pattern)):
            m = _CAPTURE_DAY.search(path.parent.name)
            if m:
                out.append((path, datetime.fromisoformat(m.group(1))))
    return out


@dataclass
class ImportPass:
    """One pass of the importer over the corpus: wall seconds, split into parsing and storing."""

    pages: int = 0
    seconds: float = 0.0
    parse_s: float = 0.0
    store_s: float = 0.0  # everything but parsing: reading, hashing, look-ups, normalising, writing
    normalise_s: float = 0.0  # of which normalising (names -> codes, row hashes, the content hash)
    saved: int = 0
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)


def import_corpus(
    db: Path, files: list[tuple[Path, datetime]], *, batch_pages: int = BATCH_PAGES
) -> ImportPass:
    """What `treaties import` does (runs.importing.import_batch: read, hash, skip bytes already imported,
    else parse and normalise a batch of pages, then write the batch in one transaction), with the parsing
    timed apart: store_s is everything else (reading, hashing, look-ups, normalising, writing)."""
    run = ImportPass(pages=len(files))
    start = time.perf_counter()

    def timed_parse(data: bytes, **kw):
        t0 = time.perf_counter()
        try:
            return parse_page(data, **kw)
        finally:
            run.parse_s += time.perf_counter() - t0

    def timed_normalise(status):
        t0 = time.perf_counter()
        try:
            return normalise_page(status)
        finally:
            run.normalise_s += time.perf_counter() - t0

    with open_store(db) as store:
        for at in range(0, len(files), batch_pages):
            chunk = files[at : at + batch_pages]
            pages = []
            for path, captured in chunk:
                data = path.read_bytes()
                pages.append(PageBytes(data, str(path), hashlib.sha256(data).hexdigest(), captured))
            for (path, _c), result in zip(
                chunk, import_batch(store, pages, parse=timed_parse, normalise=timed_normalise), strict=True
            ):
                if isinstance(result, Exception):
                    # one failed page is reported and the pass carries on, as the CLI does
                    run.failures.append(f"{path.name}: {type(result).__name__}: {result}")
                elif result.outcome == "saved":
                    run.saved += 1
                else:
                    run.unchanged += 1
    run.seconds = time.perf_counter() - start
    run.store_s = run.seconds - run.parse_s
    return run


def _row_counts(db: Path) -> dict[str, int]:
    with open_store(db) as store:
        return dict(store.table_counts())


def import_twice(pages_dir: Path, db: Path) -> dict:
    """First import into a fresh database, its peak RSS, then the same corpus again (in this process)."""
    files = corpus_files(pages_dir)
    first = import_corpus(db, files)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    rows_first = _row_counts(db)
    again = import_corpus(db, files)
    rows_again = _row_counts(db)
    # What a re-import would cost if pages whose raw sha256 is already stored were skipped before parsing.
    start = time.perf_counter()
    for path, _day in files:
        hashlib.sha256(path.read_bytes()).hexdigest()
    read_and_hash_s = time.perf_counter() - start
    return {
        "first": asdict(first),
        "again": asdict(again),
        "read_and_hash_s": read_and_hash_s,
        "peak_rss_mb": peak_kb / 1024,
        "rows_first": rows_first,
        "rows_again": rows_again,
        "db_bytes": db.stat().st_size,
    }


def import_twice_in_child(pages_dir: Path, db: Path) -> dict:
    """Run import_twice in a fresh interpreter, so that its peak RSS is the import's and nothing else's."""
    proc = run_module("corpus", str(pages_dir), str(db))
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the import child failed (exit {proc.returncode}): {tail}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    print(json.dumps(import_twice(Path(sys.argv[1]), Path(sys.argv[2]))))
