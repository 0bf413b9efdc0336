# Every target builds .venv from pyproject.toml on first use.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
PAGES   ?= $(or $(UNTC_PAGES_DIR),../shared/untc-pages)

.PHONY: run demo test lint format bench clean

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

test: $(STAMP)  ## the whole test suite
	$(BIN)/pytest -q

lint: $(STAMP)  ## ruff (lint and format) and mypy
	$(BIN)/ruff check pipeline tests
	$(BIN)/ruff format --check pipeline tests
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format pipeline tests
	$(BIN)/ruff check --fix pipeline tests

bench: $(STAMP)  ## speed and storage figures on the saved pages, against baselines measured in the same run
	$(BIN)/treaties bench --pages $(PAGES)

clean:
	rm -rf $(VENV) data/treaties.duckdb data/raw/objects data/raw/manifest.jsonl data/processed/* reports/*
