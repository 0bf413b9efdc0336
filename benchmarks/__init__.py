"""Benchmark: parse speed against a typical scraper and the bare tree, import, history and memory costs."""

from __future__ import annotations

from benchmarks.run import JSON_KEYS, TARGETS, BenchResult, BenchSizes, run_bench

__all__ = ["JSON_KEYS", "TARGETS", "BenchResult", "BenchSizes", "run_bench"]
