"""The DuckDB snapshot store (the only package that imports duckdb): snapshots, history, as-of and diffs."""

from __future__ import annotations

from pipeline.store.db import Store, open_store
from pipeline.store.model import AsOf, Change, Diff, ImportResult, StoreError, StoreLocked

__all__ = ["AsOf", "Change", "Diff", "ImportResult", "Store", "StoreError", "StoreLocked", "open_store"]
