"""Smoke test of the benchmark on a handful of real pages: every figure is there and is a sane number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from benchmarks import JSON_KEYS, BenchSizes, run_bench
from benchmarks.baseline import parse_typical_scraper
from benchmarks.history import synthetic_history
from pipeline.cli import bench_cmd
from pipeline.cli.app import app

SMALL = BenchSizes(
    html_pages=2,
    corpus_pages=3,
    repeats=1,
    typical_repeats=1,
    refreshes=3,
    refreshes_more=2,
    participants=12,
    snapshots=6,
    queries=3,
    crawl_treaties=29,  # one page a chapter
    scale_treaties=4,
    scale_years=1,
    scale_calls=2,
    scale_heavy_calls=1,
)


@pytest.fixture(scope="module")
def small_run(untc_pages: Path):
    return run_bench(untc_pages, SMALL, progress=lambda _m: None)


def test_figures_have_exactly_the_issue_keys(small_run) -> None:
    assert tuple(small_run.figures) == JSON_KEYS
    assert all(isinstance(v, int | float) and v >= 0 for v in small_run.figures.values())


def test_reimport_adds_no_rows_and_the_child_reports_memory(small_run) -> None:
    assert small_run.figures["reimport_new_rows"] == 0
    assert small_run.figures["peak_rss_mb"] > 10  # an interpreter with lxml and duckdb loaded
    assert small_run.figures["import_pages_per_s"] > 0


def test_every_missed_target_has_a_reason(small_run) -> None:
    for key in small_run.unmet():
        assert small_run.reasons[key]


def test_typical_scraper_baseline_finds_the_participants(html_dir: Path) -> None:
    rows = parse_typical_scraper((html_dir / "IV-3-a.html").read_bytes())
    assert rows[0][0].startswith("Participant")
    assert len(rows) > 10 and all(len(r) == len(rows[0]) for r in rows[1:])


def test_synthetic_history_changes_a_few_rows_per_snapshot() -> None:
    snaps = list(synthetic_history(20, 5, changes=3))
    assert [len(s.participants) for s in snaps] == [20] * 5
    for before, after in zip(snaps, snaps[1:], strict=False):
        changed = sum(a != b for a, b in zip(before.participants, after.participants, strict=True))
        assert 1 <= changed <= 3


def test_cli_rejects_a_missing_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", "--pages", str(tmp_path / "nowhere"), "--json"])
    assert result.exit_code != 0
    assert "no saved pages" in result.output + (result.stderr if result.stderr_bytes else "")


def test_outside_a_checkout_the_command_says_so_in_one_line(
    untc_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An installed package without the checkout beside it: the benchmark is not part of the package.
    monkeypatch.setattr(bench_cmd, "CHECKOUT", tmp_path)
    result = CliRunner().invoke(app, ["bench", "--pages", str(untc_pages), "--json"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: the benchmark runs from a checkout of the treaties repository (no benchmarks/ in {tmp_path}):"
        " run `make bench` there"
    ]


def test_the_benchmark_is_not_in_the_installed_package() -> None:
    import pipeline

    assert not (Path(pipeline.__file__).parent / "bench").exists()
    assert bench_cmd.load_benchmarks().__name__ == "benchmarks"


def test_json_line_is_parseable(small_run) -> None:
    line = json.dumps(small_run.figures)
    assert set(json.loads(line)) == set(JSON_KEYS)
