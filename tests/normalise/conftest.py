"""Fixtures for the normalise tests: the saved UNTC pages, read in place, skipped when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import pages_dir


@pytest.fixture(scope="session")
def untc_pages() -> Path:
    folder = pages_dir()
    if not (folder / "html-2026-02-03").is_dir() or not (folder / "xml-2018-01-15").is_dir():
        pytest.skip(f"saved UNTC pages not found in {folder} (set UNTC_PAGES_DIR)")
    return folder
