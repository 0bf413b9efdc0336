"""The slot for `claims_ms_per_kb`: the claim checker's time per kB of text, measured by the claims area.

The measuring function belongs to the claims code (it knows what a realistic text is); the bench only
calls it. Until `pipeline.claims` offers it, the figure is skipped with a note, never made up.
"""

from __future__ import annotations

import importlib
from pathlib import Path

# The helper's contract: bench_text(size_bytes: int, *, db: Path) -> float, the milliseconds per kB of
# checking a made-up text of about size_bytes against the store at db.
CLAIMS_HELPER = "bench_text"


def measure_claims(db: Path, size_bytes: int) -> float | None:
    """Milliseconds per kB of the claim checker on a text of size_bytes, or None when not offered yet."""
    helper = getattr(importlib.import_module("pipeline.claims"), CLAIMS_HELPER, None)
    if helper is None:
        return None
    try:
        value = helper(size_bytes, db=db)
    except TypeError as exc:
        raise RuntimeError(
            f"pipeline.claims.{CLAIMS_HELPER} does not take (size_bytes, *, db) as the bench calls it: {exc}"
        ) from exc
    if not isinstance(value, int | float) or value < 0:
        raise RuntimeError(f"pipeline.claims.{CLAIMS_HELPER} gave {value!r}, not milliseconds per kB")
    return float(value)
