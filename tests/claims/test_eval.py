"""The evaluation set: real texts from public pages, every claim's reading written by hand (see eval/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.claims.check import CachedStore, check_text
from pipeline.claims.eval_report import misread_kinds, miss_counts, missed_kinds, render_all, render_eval
from pipeline.claims.evaluate import (
    CATEGORIES,
    VERDICT_KEYS,
    EvalResult,
    EvalSetError,
    Miss,
    evaluate,
    evaluate_all,
    load_set,
)
from pipeline.cli import app
from pipeline.store import open_store

EVAL = Path(__file__).parent / "eval" / "dev"
# The held-out half: scored by the coordinator on first contact and at the end, never read to write a rule.
HELD_OUT = Path(__file__).parent / "eval" / "test"
# A floor, not the target: the dev score at the end of the tenth pass (1,070 of 1,351, 79.2%). A change that
# loses more than a few claims fails here; the target (90% on test/) is issue 21's.
FLOOR = 0.80


def test_the_set_is_well_formed() -> None:
    texts, expected = load_set(EVAL)
    assert len(texts) >= 30
    assert all(t.source.startswith(("http://", "https://")) for t in texts)
    assert {e.file for e in expected} == {t.name for t in texts}  # every text has claims to check
    assert {e.verdict for e in expected} <= set(VERDICT_KEYS)
    assert {t.category for t in texts} <= set(CATEGORIES)


@pytest.mark.corpus
def test_checker_holds_its_dev_score(eval_db: Path) -> None:
    with open_store(eval_db, read_only=True) as store:
        result = evaluate(EVAL, store)
    report = render_eval(result)
    assert result.score >= FLOOR, report


@pytest.mark.corpus
def test_no_text_crashes_and_a_text_without_claims_reports_none(eval_db: Path) -> None:
    texts, _ = load_set(EVAL)
    with open_store(eval_db, read_only=True) as opened:
        store = CachedStore(opened)
        for t in texts:
            check_text(t.text, store, name=t.name)  # no written date: must not crash either
        report = check_text("The Mine Ban Treaty was signed in Ottawa in 1997.", store, name="none.txt")
    assert report.checks == () and report.message == "none.txt: no treaty figures found (nothing to check)"


@pytest.mark.corpus
def test_cli_eval_prints_the_score_and_every_miss(eval_db: Path, tmp_path: Path) -> None:
    # A text of the set read right (its three rows), and a hand-written one with a row for a figure it
    # never gives: always missed, whatever the reader learns.
    _half(tmp_path, ("06-tpnw-marrickville.txt",))
    _missed(tmp_path)
    result = CliRunner().invoke(app, ["check-claims", "--eval", str(tmp_path), "--db", str(eval_db)])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith("evaluation: 3 of 4 claims judged right (75.0%); 2 texts")
    assert "\n\nmissed: zz-missed.txt: 77 parties of XXVI-6" in result.output
    assert "\nmisses: 1 not found; 0 misread, by the first part read wrong: treaty 0, " in result.output
    assert result.output.count("why:") == result.output.count("\n\nmissed:") + result.output.count(
        "\n\nmisread:"
    ) + result.output.count("\n\nspurious:")


def _missed(tmp: Path) -> None:
    """A hand-written text that names a treaty and gives no figure, and a row for a figure: a sure miss."""
    (tmp / "texts" / "zz-missed.txt").write_text(
        "source: hand-written for the tests\nkind: test\ncategory: news\ndate: unknown\n---\n"
        "The Convention on Cluster Munitions was adopted in Dublin.\n",
        encoding="utf-8",
    )
    with (tmp / "expected.csv").open("a", encoding="utf-8") as f:
        f.write("zz-missed.txt,77,XXVI-6,parties,,,undated-right,,77,a figure the text never gives\n")


def _half(tmp: Path, names: tuple[str, ...]) -> None:
    (tmp / "texts").mkdir(parents=True)
    for name in names:
        (tmp / "texts" / name).write_text((EVAL / "texts" / name).read_text(encoding="utf-8"))
    rows = (EVAL / "expected.csv").read_text(encoding="utf-8").splitlines()
    (tmp / "expected.csv").write_text("\n".join([rows[0], *(r for r in rows if r.startswith(names))]) + "\n")


@pytest.mark.corpus
def test_a_folder_of_two_halves_is_scored_per_half_and_per_kind_of_source(
    eval_db: Path, tmp_path: Path
) -> None:
    # Two halves made of dev texts (the real test/ half is never read here).
    _half(tmp_path / "dev", ("06-tpnw-marrickville.txt", "14-ccm-monitor-2019.txt"))
    _half(tmp_path / "test", ("06-tpnw-marrickville.txt",))
    _missed(tmp_path / "test")
    with open_store(eval_db, read_only=True) as store:
        results = evaluate_all(tmp_path, store)
    assert [r.name for r in results] == ["dev", "test"]
    assert [r.texts for r in results] == [2, 2]
    out = render_all(results)
    assert out.startswith("== dev ==\nevaluation: ") and "\n== test ==\nevaluation: " in out
    assert "\nall: 2 texts, " in out and "\n  ngo: 2 texts, " in out and "\n  news: 1 texts, " in out
    assert "found " in out and "verdicts right among reported " in out and "unread " in out
    test = results[1]
    assert (test.expected, test.found, test.right) == (4, 3, 3)  # 06 read right; the hand-written row missed


def test_a_folder_that_is_no_set_fails_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(EvalSetError, match="is not an evaluation set"):
        evaluate_all(tmp_path, None)  # type: ignore[arg-type]


@pytest.mark.heldout
@pytest.mark.corpus
def test_the_held_out_half_runs_and_is_well_formed(eval_db: Path) -> None:
    """Only that test/ runs and is well formed: its threshold is the coordinator's to set."""
    if not list((HELD_OUT / "texts").glob("*.txt")):
        pytest.skip("the held-out half has no texts yet")
    texts, expected = load_set(HELD_OUT)
    assert all(t.source.startswith(("http://", "https://")) for t in texts)
    assert {t.category for t in texts} <= set(CATEGORIES)
    assert {e.verdict for e in expected} <= set(VERDICT_KEYS)
    with open_store(eval_db, read_only=True) as store:
        result = evaluate(HELD_OUT, store, name="test")
    assert result.texts == len(texts) and result.expected == len(expected)


def test_misses_are_counted_by_the_first_part_read_wrong() -> None:
    result = EvalResult(
        misses=[
            Miss("a.txt", "missed", None, None, "not found"),
            Miss(
                "a.txt",
                "misread",
                None,
                None,
                "date None (expected 2015-01-23); verdict undated-wrong (expected stale)",
            ),
            Miss(
                "b.txt",
                "misread",
                None,
                None,
                "treaty IV-4 (expected IV-5); verdict wrong (expected current)",
            ),
            Miss("b.txt", "misread", None, None, "verdict current (expected stale)"),
            Miss("c.txt", "misread", None, None, "date 2019-01-03 (expected 2019-07-31)"),
            Miss("c.txt", "spurious", None, None, "not a claim the set lists"),
        ]
    )
    counts = miss_counts(result)
    assert counts == {
        "missed": 1,
        "treaty": 1,
        "measure": 0,
        "mode": 0,
        "date": 2,
        "verdict": 1,
        "spurious": 1,
    }
    assert (
        "misses: 1 not found; 4 misread, by the first part read wrong: treaty 1, measure 0, mode 0, date 2, "
        "verdict 1; 1 spurious" in render_eval(result)
    )


def test_treaty_and_date_misreads_are_told_apart() -> None:
    def misread(why: str) -> Miss:
        return Miss("a.txt", "misread", None, None, why)

    result = EvalResult(
        misses=[
            misread("treaty None (expected IV-8); verdict no treaty (expected stale)"),
            misread("treaty IV-8 (expected IV-8-b)"),
            misread("treaty IV-11-b (expected IV-11-c)"),
            misread("treaty IV-4 (expected XXVI-9)"),
            misread("date None (expected 2015-01-23); verdict undated-wrong (expected stale)"),
            misread("date 2020-10-24 (expected None); verdict stale (expected threshold-right)"),
            misread("date 2019-01-03 (expected 2019-07-31)"),
            misread("date 1996-09-24 (expected 2002-09-24)"),
            misread("measure signatories (expected signed_not_party); date 1996-09-24 (expected 2002-09-24)"),
            Miss("a.txt", "missed", None, None, "not found"),
        ]
    )
    assert misread_kinds(result) == {
        "no treaty": 1,
        "same family": 2,
        "another treaty": 1,
        "read undated": 1,
        "dated, set undated": 1,
        "same year": 1,
        "another year": 1,
    }
    assert (
        "treaty misreads: 1 no treaty, 2 of its family (parent or protocol), 1 another treaty; date misreads: 1 read "
        "undated (the set dates them), 1 dated (the set does not), 1 another day of the same year, 1 another "
        "year (0 of them only another day with the same UN figure and verdict)" in render_eval(result)
    )


def test_claims_not_found_are_told_by_what_became_of_their_figure() -> None:
    result = EvalResult(
        misses=[
            Miss("a.txt", "missed", None, None, "not found (unread: subset)"),
            Miss("a.txt", "missed", None, None, "not found (unread: frame not understood)"),
            Miss("b.txt", "missed", None, None, "not found (unread: subset)"),
            Miss("b.txt", "missed", None, None, "not found (not seen)"),
            Miss("b.txt", "spurious", None, None, "not a claim the set lists"),
        ]
    )
    assert missed_kinds(result) == {"subset": 2, "frame not understood": 1, "not seen": 1}
    assert "not found: 2 subset, 1 frame not understood, 1 not seen" in render_eval(result)


def test_a_date_misread_on_a_day_of_the_same_un_figure_is_counted_apart() -> None:
    from types import SimpleNamespace
    from typing import cast

    from pipeline.claims.eval_report import same_figure_days
    from pipeline.claims.evaluate import Expected
    from pipeline.claims.results import ClaimCheck

    def misread(why: str, then: str, figure_then: int) -> Miss:
        e = Expected("a.txt", 100, "XXVI-5", "parties", None, None, "stale", then, "164", "")
        got = cast(ClaimCheck, SimpleNamespace(figure_then=figure_then))
        return Miss("a.txt", "misread", e, got, why)

    result = EvalResult(
        misses=[
            misread("date 2000-07-27 (expected 2000-07-26)", "100", 100),  # the same figure: counted
            misread("date 2000-09-27 (expected 2000-07-26)", "100", 104),  # another figure
            misread("date 2000-07-27 (expected 2000-07-26); verdict wrong (expected stale)", "100", 100),
            misread("date None (expected 2000-07-26)", "100", 100),
        ]
    )
    assert same_figure_days(result) == 1
    assert result.right == 0  # counted apart, never as right
