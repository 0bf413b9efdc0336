"""Smoke test of the benchmark on a handful of real pages: every figure is there and is a sane number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline.claims
from benchmarks import JSON_KEYS, BenchSizes, run_bench
from benchmarks.baseline import parse_typical_scraper
from benchmarks.claims import CLAIMS_HELPER, measure_claims
from benchmarks.history import synthetic_history
from benchmarks.speed import interleaved_pass
from benchmarks.startup import measure_startup
from pipeline.cli import app, bench_cmd

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
    cli_runs=1,
    claims_bytes=20_000,
)


@pytest.fixture(scope="module")
def small_run(untc_pages: Path):
    return run_bench(untc_pages, SMALL, progress=lambda _m: None)


def test_figures_have_exactly_the_issue_keys(small_run) -> None:
    assert tuple(small_run.figures) == JSON_KEYS
    measured = {k: v for k, v in small_run.figures.items() if k != "claims_ms_per_kb"}
    assert all(isinstance(v, int | float) and v >= 0 for v in measured.values())
    # The claims figure is skipped, with a note, exactly when the claims area offers no helper yet.
    offered = hasattr(pipeline.claims, CLAIMS_HELPER)
    assert (small_run.figures["claims_ms_per_kb"] is None) == (not offered)
    if not offered:
        assert any(r.label == "claims_ms_per_kb" and r.value == "skipped" for r in small_run.rows)


def test_start_up_is_timed_on_the_real_console_script(small_run) -> None:
    # Both ratios come from calls that succeeded (a failed call raises): a start-up is never free.
    assert small_run.figures["cli_version_vs_floor"] > 0
    assert small_run.figures["cli_status_vs_floor"] > 0
    labels = [r.label for r in small_run.rows]
    assert "`treaties --version`" in labels and any(la.startswith("`treaties status ") for la in labels)


def test_the_claims_slot_calls_the_helper_when_it_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def helper(size_bytes: int, *, db: Path) -> float:
        calls.append((size_bytes, db))
        return 0.25

    monkeypatch.setattr(pipeline.claims, CLAIMS_HELPER, helper, raising=False)
    assert measure_claims(tmp_path / "x.duckdb", 1000) == 0.25
    assert calls == [(1000, tmp_path / "x.duckdb")]
    monkeypatch.delattr(pipeline.claims, CLAIMS_HELPER)
    assert measure_claims(tmp_path / "x.duckdb", 1000) is None


def test_a_status_command_that_fails_stops_the_start_up_measure(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="failed"):
        measure_startup(tmp_path / "empty.duckdb", "IV-11-c", runs=1)


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

    # (a checkout that ran the bench before the move may keep an untracked pipeline/bench/__pycache__)
    assert not list((Path(pipeline.__file__).parent / "bench").glob("*.py"))
    assert bench_cmd.load_benchmarks().__name__ == "benchmarks"


def test_json_line_is_parseable(small_run) -> None:
    line = json.dumps(small_run.figures)
    assert set(json.loads(line)) == set(JSON_KEYS)


def test_floor_and_parse_are_timed_page_by_page_in_alternating_order() -> None:
    calls: list[tuple[str, bytes]] = []
    pages = [b"p1", b"p2", b"p3"]
    ta, tb = interleaved_pass(
        lambda page: calls.append(("a", page)), lambda page: calls.append(("b", page)), pages
    )
    assert calls == [("a", b"p1"), ("b", b"p1"), ("b", b"p2"), ("a", b"p2"), ("a", b"p3"), ("b", b"p3")]
    assert ta >= 0 and tb >= 0


def test_the_parse_ratio_is_the_median_of_the_passes_ratios(small_run) -> None:
    ratio = small_run.figures["parse_vs_floor"]
    row = next(r for r in small_run.rows if r.label == "parse / floor, pass by pass")
    low, high = (float(x) for x in row.value.split("-"))
    assert low <= ratio <= high
