"""Fetching throughput through the loopback mirror: every saved HTML page fetched, parsed and stored by the
refresh path (`treaties refresh` / the second half of `treaties crawl`), with the rate limit at zero for the
benchmark only; in a child process for its peak RSS."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from pipeline import mtdsg
from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.mirror import run_mirror
from pipeline.fetch.rawstore import RawStore
from pipeline.runs.refresh import make_client, refresh
from pipeline.store import open_store


def fetch_all(html_dir: Path, work: Path, *, rounds: int = 1) -> dict:
    """Refresh every page of `html_dir` from a mirror of it, `rounds` times (the first round saves, later
    rounds get 304s and record nothing new): pages, seconds, outcomes and the peak RSS of this process."""
    treaties = sorted((p.stem for p in html_dir.glob("*.html")), key=mtdsg.sort_key)
    raw = RawStore(work / "raw")
    outcomes: dict[str, int] = {}
    start = time.perf_counter()
    with run_mirror(html_dir) as mirror, open_store(work / "crawl.duckdb") as store:
        # min_interval 0: no politeness wait, for this benchmark against our own loopback server only.
        with make_client(mirror.base_url, min_interval=0.0) as http:
            fetcher = Fetcher(http, raw, mirror.base_url)
            for _ in range(rounds):
                report = refresh(treaties, fetcher, store, max_age=None)
                for r in report.results:
                    outcomes[r.outcome] = outcomes.get(r.outcome, 0) + 1
        requests = len(mirror.log)
    seconds = time.perf_counter() - start
    return {
        "pages": len(treaties) * rounds,
        "seconds": seconds,
        "requests": requests,
        "outcomes": outcomes,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def fetch_all_in_child(html_dir: Path, work: Path, *, rounds: int = 1) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline.bench.crawl", str(html_dir), str(work), str(rounds)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the crawl child failed (exit {proc.returncode}): {tail}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    print(json.dumps(fetch_all(Path(sys.argv[1]), Path(sys.argv[2]), rounds=int(sys.argv[3]))))
