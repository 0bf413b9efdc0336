"""Parse speed on the saved HTML pages: the project's parser against a typical scraper and the bare tree."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from benchmarks.baseline import build_tree_floor, parse_typical_scraper
from pipeline.parse import parse_page


@dataclass(frozen=True)
class ParseSpeed:
    """Median CPU seconds for one pass over all the pages, for each contender."""

    pages: int
    project_s: float
    typical_s: float
    floor_s: float
    typical_rows: int  # rows the typical scraper found, to show it did real work
    project_rows: int

    @property
    def speedup_vs_typical(self) -> float:
        return self.typical_s / self.project_s

    @property
    def vs_floor(self) -> float:
        return self.project_s / self.floor_s

    def ms_per_page(self, seconds: float) -> float:
        return 1000 * seconds / self.pages


def _one_pass(fn: Callable[[bytes], object], pages: Sequence[bytes]) -> float:
    # CPU time of this process: the machine is shared, and wall time would mostly measure the neighbours.
    # Each result is dropped before the next page, so every contender also pays for freeing its tree.
    start = time.process_time()
    for page in pages:
        fn(page)
    return time.process_time() - start


def measure_parse_speed(pages: Sequence[bytes], *, repeats: int = 7, typical_repeats: int = 3) -> ParseSpeed:
    """Interleaved passes (floor, project, floor, project, ...) so that load changes hit both alike."""
    if not pages:
        raise ValueError("no HTML pages to measure")
    project_rows = sum(len(parse_page(p).participants) for p in pages)  # warm-up, and a sanity figure
    typical_rows = sum(max(len(parse_typical_scraper(p)) - 1, 0) for p in pages)  # minus the header row
    floor, project = [], []
    for _ in range(repeats):
        floor.append(_one_pass(build_tree_floor, pages))
        project.append(_one_pass(parse_page, pages))
    typical = []
    for _ in range(typical_repeats):
        typical.append(_one_pass(parse_typical_scraper, pages))
        project.append(_one_pass(parse_page, pages))
    return ParseSpeed(
        pages=len(pages),
        project_s=statistics.median(project),
        typical_s=statistics.median(typical),
        floor_s=statistics.median(floor),
        typical_rows=typical_rows,
        project_rows=project_rows,
    )
