# Every target builds .venv from pyproject.toml on first use.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
PAGES   ?= $(or $(UNTC_PAGES_DIR),../shared/untc-pages)

.PHONY: run demo test test-fast lint format bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)  ## refresh the default watchlist from the live site, then write the reports
	$(BIN)/treaties refresh

demo: $(STAMP)  ## the same job against a loopback mirror of the saved pages in $(PAGES)
	$(BIN)/treaties demo --pages $(PAGES)

# pytest-xdist: one worker per core and one more (many tests wait on a child process: kills, watch cycles,
# deadlines; the extra worker keeps the cores busy meanwhile), a file's tests on one worker (its module and
# session fixtures are built once per run; the slow tests stay serial). `make test-fast` leaves the slow
# tests out (kills, browser, bench timings; tests/conftest.py).
TEST_WORKERS ?= $(shell python3 -c "import os; print(len(os.sched_getaffinity(0)) + 1)" 2>/dev/null || echo auto)

test: $(STAMP)  ## the whole test suite, on every core
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile

test-fast: $(STAMP)  ## the suite without the slow tests (kills, browser, bench timings)
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile -m "not slow"

lint: $(STAMP)  ## ruff (lint and format) and mypy
	$(BIN)/ruff check pipeline benchmarks tests
	$(BIN)/ruff format --check pipeline benchmarks tests
	$(BIN)/mypy
	$(BIN)/mypy --strict pipeline

format: $(STAMP)
	$(BIN)/ruff format pipeline benchmarks tests
	$(BIN)/ruff check --fix pipeline benchmarks tests

bench: $(STAMP)  ## speed and storage figures on the saved pages, against baselines measured in the same run
	$(BIN)/treaties bench --pages $(PAGES)

clean:
	rm -rf $(VENV) data/treaties.duckdb data/raw/objects data/raw/manifest.jsonl data/processed/* reports/*
