"""The DuckDB snapshot store (the only package that imports duckdb): snapshots, history, as-of and diffs."""

from __future__ import annotations

from pipeline.store.db import ImportResult, Store, StoreError, StoreLocked, open_store
from pipeline.store.history import AsOf, Change, Diff

__all__ = ["AsOf", "Change", "Diff", "ImportResult", "Store", "StoreError", "StoreLocked", "open_store"]
