"""Crawl throughput through the loopback mirror, with the rate limit at zero for the benchmark only: a
SYNTHETIC collection of status pages made from the saved pages' markup, crawled with `treaties crawl --all`'s
code (discovery from the drop-downs, then fetch, parse and store each treaty); in a child process for its
peak RSS."""

from __future__ import annotations

import io
import json
import re
import resource
import sys
import time
from functools import partial
from pathlib import Path

from benchmarks.child import run_module
from pipeline.fetch.mirror import run_mirror
from pipeline.fetch.rawstore import RawStore
from pipeline.runs.refresh import run_crawl
from pipeline.store import open_store

_SELECT = r'(<select[^>]*id="[^"]*{suffix}"[^>]*>)(.*?)(</select>)'
_FORM_NUMBER = re.compile(r"(<form[^>]*mtdsg_no=)([A-Za-z0-9-]+)")


def _option(value: str, text: str, selected: bool) -> str:
    mark = 'selected="selected" ' if selected else ""
    return f'<option {mark}value="{value}">{text}</option>\n'


def synthetic_collection(templates: list[Path], out: Path, *, treaties: int = 560) -> list[str]:
    """Write `treaties` SYNTHETIC status pages into `out` (<MTDSG>.html, numbered <chapter>-1, -2, ... in
    every chapter the real pages' drop-down lists), each a saved page's markup (cycling through
    `templates`) with its form action, chapter drop-down and treaty drop-down rewritten to the synthetic
    number and its chapter's synthetic treaties. Their participants are the template's."""
    pages = [t.read_text(encoding="utf-8") for t in templates]
    chapters_html = re.search(_SELECT.format(suffix="drpChapters"), pages[0], re.S)
    if chapters_html is None:
        raise ValueError(f"{templates[0]}: no chapter drop-down")
    chapters = re.findall(
        r'value="(\d+)">CHAPTER ([IVXL]+)<', chapters_html.group(2).replace('selected="selected" ', "")
    )
    per_chapter = [
        treaties // len(chapters) + (1 if i < treaties % len(chapters) else 0) for i in range(len(chapters))
    ]
    numbers: list[str] = []
    out.mkdir(parents=True, exist_ok=True)
    for (value, roman), count in zip(chapters, per_chapter, strict=True):
        for k in range(1, count + 1):
            number = f"{roman}-{k}"
            page = pages[len(numbers) % len(pages)]
            chapter_options = "".join(_option(v, f"CHAPTER {r}", v == value) for v, r in chapters)
            treaty_options = "".join(_option(str(j), f"{j}.", j == k) for j in range(1, count + 1))
            page = re.sub(
                _SELECT.format(suffix="drpChapters"),
                partial(_between, chapter_options),
                page,
                count=1,
                flags=re.S,
            )
            page = re.sub(
                _SELECT.format(suffix="drpSubChapters"),
                partial(_between, treaty_options),
                page,
                count=1,
                flags=re.S,
            )
            page = _FORM_NUMBER.sub(partial(_after, number), page, count=1)
            (out / f"{number}.html").write_text(page, encoding="utf-8")
            numbers.append(number)
    return numbers


def crawl_all(mirror_dir: Path, work: Path) -> dict:
    """`treaties crawl --all` against a mirror of `mirror_dir`, rate limit 0, into a fresh store."""
    raw = RawStore(work / "raw")
    start = time.perf_counter()
    with run_mirror(mirror_dir) as mirror, open_store(work / "crawl.duckdb") as store:
        treaties, report = run_crawl(
            None,
            base_url=mirror.base_url,
            max_age=None,
            min_interval=0.0,
            out=io.StringIO(),
            store=store,
            raw=raw,
        )
        requests = len(mirror.log)
    seconds = time.perf_counter() - start
    outcomes: dict[str, int] = {}
    for r in report.results:
        outcomes[r.outcome] = outcomes.get(r.outcome, 0) + 1
    return {
        "pages": len(treaties),
        "seconds": seconds,
        "requests": requests,
        "outcomes": outcomes,
        "problems": report.problems[:3],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def crawl_all_in_child(mirror_dir: Path, work: Path) -> dict:
    return _child("crawl", mirror_dir, work)


def _child(kind: str, folder: Path, work: Path, *args: str) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    proc = run_module("crawl", kind, str(folder), str(work), *args)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the crawl child failed (exit {proc.returncode}): {tail}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    print(json.dumps(crawl_all(Path(sys.argv[2]), Path(sys.argv[3]))))


def _between(options: str, m: re.Match[str]) -> str:
    return m.group(1) + options + m.group(3)


def _after(number: str, m: re.Match[str]) -> str:
    return m.group(1) + number
