"""A command imports only what it uses: the modules each command leaves in sys.modules, run as the console
entry does, in a fresh interpreter (issue 27: a second of imports on every question a user asked)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.store.test_cli import page

# Runs the console entry point with the given arguments, then prints the modules it loaded as JSON.
_PROBE = """
import json, sys
sys.argv = ["treaties", *sys.argv[1:]]
try:
    from pipeline.entry import main  # what the `treaties` script runs (pyproject.toml)
    main()
except SystemExit:
    pass
print("\\n" + json.dumps(sorted(sys.modules)))
"""

NEVER_AT_START = ("pandas", "pyarrow", "duckdb", "pipeline.report", "pipeline.claims", "pipeline.store")
NOT_FOR_QUERIES = ("pandas", "pyarrow", "pipeline.report", "pipeline.claims", "pipeline.runs", "requests")


def loaded(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.rstrip().splitlines()[-1]))


def heavy(modules: set[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == f or m.startswith(f + ".") for f in forbidden))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("startup")
    (tmp / "pages").mkdir()
    (tmp / "pages" / "old.html").write_bytes(page("15-01-2018 09:00:00 EST", fiji=False))
    (tmp / "pages" / "new.html").write_bytes(page("03-02-2026 10:16:18 EDT", fiji=True))
    path = tmp / "t.duckdb"
    assert CliRunner().invoke(app, ["import", str(tmp / "pages"), "--db", str(path)]).exit_code == 0
    return path


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["status", "--help"]])
def test_version_and_help_load_no_data_library(args: list[str]) -> None:
    assert heavy(loaded(*args), NEVER_AT_START) == []


@pytest.mark.parametrize(
    "args",
    [
        ["status", "OPSC"],
        ["status", "OPSC", "--format", "json"],
        ["asof", "OPSC", "2020-01-01"],
        ["diff", "OPSC"],
        ["country", "Bahamas"],
        ["snapshots", "OPSC", "--format", "csv"],
    ],
)
def test_query_commands_load_duckdb_and_no_pandas_or_report(db: Path, args: list[str]) -> None:
    modules = loaded(*args, "--db", str(db))
    assert "duckdb" in modules  # the probe saw the command run, not an early error
    assert heavy(modules, NOT_FOR_QUERIES) == []


def test_the_probe_sees_what_a_command_loads(db: Path) -> None:
    # export builds frames: pandas must show up, or the probe above proves nothing.
    out = db.parent / "export"
    assert "pandas" in loaded("export", "--out", str(out), "--db", str(db))


def test_version_answers_without_the_command_line_machinery() -> None:
    modules = loaded("--version")
    assert "typer" not in modules and not [m for m in modules if m.startswith("pipeline.cli")]
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, "--version"], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.splitlines()[0].startswith("treaties ")


def test_status_loads_only_its_command_and_the_store_it_reads(db: Path) -> None:
    # `treaties status` piped: its own command module, the store's history, no other command, no diff or
    # code-table or procedures module, and no rich console for a table written to a pipe.
    modules = loaded("status", "OPSC", "--db", str(db))
    assert "pipeline.cli.store_cmd" in modules and "pipeline.store.history" in modules
    others = (
        "pipeline.cli.fetch_cmd",
        "pipeline.cli.report_cmd",
        "pipeline.cli.claims_cmd",
        "pipeline.cli.bench_cmd",
    )
    unused = ("pipeline.store.diffs", "pipeline.normalise.codes", "pipeline.parse.procedures", "rich.console")
    assert heavy(modules, others + unused) == []
