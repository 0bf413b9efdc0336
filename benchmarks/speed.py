"""Parse speed on the saved HTML pages: the project's parser against a typical scraper and the bare tree."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from benchmarks.baseline import build_tree_floor, parse_typical_scraper
from pipeline.parse import parse_page


@dataclass(frozen=True)
class ParseSpeed:
    """Median CPU seconds for one pass over all the pages, for each contender, and the parse-to-floor ratio
    of each pass."""

    pages: int
    project_s: float  # in the passes beside the floor
    project_beside_typical_s: float  # in the passes beside the typical scraper
    typical_s: float
    floor_s: float
    typical_rows: int  # rows the typical scraper found, to show it did real work
    project_rows: int
    floor_ratios: tuple[float, ...]  # project over floor, one per pass interleaved with the floor

    @property
    def speedup_vs_typical(self) -> float:
        return self.typical_s / self.project_beside_typical_s

    @property
    def vs_floor(self) -> float:
        # The median of the passes' own ratios: each pass timed floor and parse on the same pages at the
        # same moments, so its ratio is the one the machine's load disturbs least.
        return statistics.median(self.floor_ratios)

    def ms_per_page(self, seconds: float) -> float:
        return 1000 * seconds / self.pages


def _cpu(fn: Callable[[bytes], object], page: bytes) -> float:
    # CPU time of this process: the machine is shared, and wall time would mostly measure the neighbours.
    # The result is dropped inside the timing, so every contender also pays for freeing its tree.
    start = time.process_time()
    fn(page)
    return time.process_time() - start


def interleaved_pass(
    a: Callable[[bytes], object], b: Callable[[bytes], object], pages: Sequence[bytes]
) -> tuple[float, float]:
    """One pass over the pages, timing `a` and `b` on each page in turn (a, b on one page, b, a on the
    next), so that a change of the machine's load within the pass hits both alike."""
    ta = tb = 0.0
    for i, page in enumerate(pages):
        if i % 2:
            tb += _cpu(b, page)
            ta += _cpu(a, page)
        else:
            ta += _cpu(a, page)
            tb += _cpu(b, page)
    return ta, tb


def measure_parse_speed(pages: Sequence[bytes], *, repeats: int = 7, typical_repeats: int = 3) -> ParseSpeed:
    """Floor and project timed page by page within each pass; the figures are medians over the passes."""
    if not pages:
        raise ValueError("no HTML pages to measure")
    # The objects the bench had loaded before (some 95,000: the command line, the stages) are set aside
    # from the cyclic garbage collector while timing: otherwise the typical scraper's allocations start
    # full collections that walk them all, inside whichever contender runs at that moment (the first
    # measure of a run gave 9.8 for parse_speedup_vs_typical, the second 13.0; with them set aside, 11.5
    # both times). Each contender still pays for freeing its own trees and garbage.
    gc.freeze()
    try:
        return _measure(pages, repeats, typical_repeats)
    finally:
        gc.unfreeze()


def _measure(pages: Sequence[bytes], repeats: int, typical_repeats: int) -> ParseSpeed:
    project_rows = sum(len(parse_page(p).participants) for p in pages)  # warm-up, and a sanity figure
    typical_rows = sum(max(len(parse_typical_scraper(p)) - 1, 0) for p in pages)  # minus the header row
    floor, project, ratios = [], [], []
    for _ in range(repeats):
        f, p = interleaved_pass(build_tree_floor, parse_page, pages)
        floor.append(f)
        project.append(p)
        ratios.append(p / f)
    # The typical scraper is 15 times slower: fewer passes, and the project's times of those passes are
    # not mixed into the floor's figures.
    typical, project_by_typical = [], []
    for _ in range(typical_repeats):
        t, p = interleaved_pass(parse_typical_scraper, parse_page, pages)
        typical.append(t)
        project_by_typical.append(p)
    return ParseSpeed(
        pages=len(pages),
        project_s=statistics.median(project),
        project_beside_typical_s=statistics.median(project_by_typical),
        typical_s=statistics.median(typical),
        floor_s=statistics.median(floor),
        typical_rows=typical_rows,
        project_rows=project_rows,
        floor_ratios=tuple(ratios),
    )
