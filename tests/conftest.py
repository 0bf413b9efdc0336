"""Shared fixtures: the saved UNTC pages, read in place (never copied into the repository); the slow
marker."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import pages_dir

PAGES = pages_dir()
HTML_DIR = PAGES / "html-2026-02-03"
XML_DIR = PAGES / "xml-2018-01-15"
SKIP_REASON = (
    f"saved UNTC pages not found at {PAGES} (set UNTC_PAGES_DIR to the folder holding "
    "html-2026-02-03/ and xml-2018-01-15/)"
)


def require_pages() -> Path:
    if not HTML_DIR.is_dir() or not XML_DIR.is_dir():
        pytest.skip(SKIP_REASON)
    return PAGES


@pytest.fixture(scope="session")
def untc_pages() -> Path:
    """The folder of saved pages; skips the test with a clear reason when it is absent."""
    return require_pages()


@pytest.fixture(scope="session")
def html_dir(untc_pages: Path) -> Path:
    return untc_pages / "html-2026-02-03"


@pytest.fixture(scope="session")
def xml_dir(untc_pages: Path) -> Path:
    return untc_pages / "xml-2018-01-15"


# Tests that kill processes at chosen moments, drive a browser, or time a child process. `make test` runs
# the suite with pytest-xdist's `--dist loadfile`: a file's tests run one after another on one worker, so
# that these stay serial among themselves, a file's module fixtures (the imported corpus, the bench's small
# run) are built once per run, and a session fixture once per worker at most (the claims evaluation store,
# used by several files, is built once per run under a lock and shared). They are marked `slow` here,
# by file, as well as wherever a test says so itself; `make test-fast` (`-m "not slow"`) leaves them out.
SLOW_FILES = frozenset(
    {"tests/runs/test_kill.py", "tests/report/test_browser.py", "tests/bench/test_bench.py"}
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.split("::")[0] in SLOW_FILES or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
    # The slow files first: xdist hands out files in this order, and the longest ones started last would
    # leave one worker running alone at the end.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes into the working tree's data/ or reports/: each defaults to a folder of its own
    (tests that need particular paths set these variables themselves)."""
    base = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("TREATIES_DB", str(base / "treaties.duckdb"))
    monkeypatch.setenv("TREATIES_RAW_DIR", str(base / "raw"))
    monkeypatch.setenv("TREATIES_REPORTS_DIR", str(base / "reports"))
