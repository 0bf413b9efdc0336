"""How fast the claim reader is on long texts: milliseconds per KB of prose, of number words and of "A. "."""

from __future__ import annotations

import time
from pathlib import Path

from pipeline.claims.extract import read_text
from pipeline.claims.store_view import CachedStore
from pipeline.claims.treaties import TitleIndex
from pipeline.store import open_store

# Three shapes that once made the reader quadratic (issue 25): ordinary prose with claims, dates and
# titles; a run of number words; "A. " repeated (a sentence end at every third character).
PROSE = (
    "As of March 2020, the Convention on the Rights of Persons with Disabilities had been ratified by 181 "
    "states, and 164 countries have signed it. The treaty entered into force on 3 May 2008; Article 5 "
    "applies to 12 of them.\n\n"
)
NUMBER_WORDS = "one two three twenty thirty hundred and ninety-nine forty "
DOTS = "A. "
SHAPES = {"prose": PROSE, "number_words": NUMBER_WORDS, "dots": DOTS}


def repeated(unit: str, size: int) -> str:
    """`unit` repeated to about `size` characters."""
    return unit * max(1, size // len(unit))


def claims_ms_per_kb(index: TitleIndex, *, kb: int = 1024) -> dict[str, float]:
    """Milliseconds per KB to read a text of `kb` KB of each shape against `index` (the bench passes the
    store's title index, so every title competes as it does for a user)."""
    out = {}
    for name, unit in SHAPES.items():
        text = repeated(unit, kb * 1024)
        start = time.perf_counter()
        read_text(text, index)
        out[name] = round((time.perf_counter() - start) * 1000 / kb, 3)
    return out


def bench_text(size_bytes: int, *, db: Path) -> float:
    """What `make bench` reports as `claims_ms_per_kb`: milliseconds per KB of reading the slowest of the
    three shapes, each of about `size_bytes`, against the titles of the store at `db` (read once, then
    closed, as check-claims does)."""
    with open_store(db, read_only=True) as store:
        index = CachedStore(store).title_index()
    return max(claims_ms_per_kb(index, kb=max(1, size_bytes // 1024)).values())


__all__ = ["DOTS", "NUMBER_WORDS", "PROSE", "SHAPES", "bench_text", "claims_ms_per_kb", "repeated"]
