"""The claim checker: find treaty figures in a text, date them, and check them against the store."""

from __future__ import annotations

from pipeline.claims.bench import bench_text
from pipeline.claims.check import ClaimCheck, ClaimReport, check_text
from pipeline.claims.extract import Claim, TreatyName, extract_claims

__all__ = ["bench_text", "Claim", "ClaimCheck", "ClaimReport", "TreatyName", "check_text", "extract_claims"]
