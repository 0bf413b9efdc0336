"""Verdicts against a store: stale, current, wrong, undated, signatories, two treaties, no claim."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.catalog import UnknownTreaty
from pipeline.claims.check import (
    VERDICT_CURRENT,
    VERDICT_NO_TREATY,
    VERDICT_STALE,
    VERDICT_WRONG,
    check_text,
    matches,
)
from pipeline.claims.extract import MEASURE_SIGNATORIES, MEASURE_SIGNED_NOT_PARTIES
from pipeline.claims.render import render_annotated, render_json, render_markdown, render_text
from pipeline.config import pages_dir
from pipeline.store import open_store
from tests.claims.conftest import FOGHORN, FOGHORN_NO, KEEPERS, KEEPERS_NO


def _check(db: Path, text: str, **kw):
    with open_store(db, read_only=True) as store:
        return check_text(text, store, name="t.txt", **kw)


def test_stale_claim_with_newcomers_and_word_note(keepers_db: Path) -> None:
    report = _check(keepers_db, f"As of December 2020, the {KEEPERS} had been ratified by 4 countries.")
    [c] = report.checks
    assert c.mtdsg_no == KEEPERS_NO
    assert c.claim.claimed_on == date(2020, 12, 31)
    assert (c.figure_then, c.figure_now, c.now_as_at) == (4, 5, date(2026, 2, 3))
    assert c.verdict == VERDICT_STALE
    assert [(n.name, n.change, n.on) for n in c.newcomers] == [
        ("Peru", "signed", date(2021, 11, 11)),
        ("Japan", "joined", date(2022, 7, 7)),
    ]
    # "countries" vs the UN's parties: the European Union is a party and not a state.
    assert c.non_state_parties == ("European Union",)
    assert c.word_note is not None
    assert "1 of the 5 current parties are not states (European Union)" in c.word_note
    assert "Holy See" in c.word_note  # a state to the depositary, not a UN member
    assert c.source and "mtdsg_no=IV-90" in c.source


def test_correct_and_current(keepers_db: Path) -> None:
    [c] = _check(keepers_db, f"As of 2023, the {KEEPERS} had 5 parties.").checks
    assert (c.figure_then, c.figure_now, c.verdict) == (5, 5, VERDICT_CURRENT)
    assert c.word_note is None  # the text already says "parties"


def test_wrong_at_its_date(keepers_db: Path) -> None:
    [c] = _check(keepers_db, f"As of 2020, the {KEEPERS} had 7 parties.").checks
    assert (c.figure_then, c.figure_now, c.verdict) == (4, 5, VERDICT_WRONG)
    assert "were 4 on 2020-12-31" in c.explanation


def test_undated_claim_gives_the_figure_now(keepers_db: Path) -> None:
    [c] = _check(keepers_db, f"The {KEEPERS} has 5 parties.").checks
    assert c.claim.claimed_on is None
    assert (c.figure_then, c.verdict) == (None, "undated: now 5")
    assert "5 matches the latest 5" in c.explanation
    assert c.newcomers == ()


def test_signatories_claim(keepers_db: Path) -> None:
    [c] = _check(keepers_db, f"As of 2020 the {KEEPERS} had been signed by 3 states.").checks
    assert c.claim.measure == MEASURE_SIGNATORIES
    assert (c.figure_then, c.figure_now, c.verdict) == (3, 4, VERDICT_STALE)


def test_signed_but_not_ratified_claim(keepers_db: Path) -> None:
    text = f"By the end of 2021 the {KEEPERS} had 5 parties; another two states have signed but not ratified."
    a, b = _check(keepers_db, text).checks
    assert (a.figure_then, a.verdict) == (4, VERDICT_WRONG)  # Japan joined only in 2022
    assert b.claim.measure == MEASURE_SIGNED_NOT_PARTIES
    assert (b.figure_then, b.figure_now, b.verdict) == (2, 2, VERDICT_CURRENT)


def test_text_naming_two_treaties(keepers_db: Path) -> None:
    text = (
        f"The {KEEPERS} has 5 parties. The {FOGHORN} was ratified by 1 state as of 2020, "
        "and today the Optional Protocol has 2 parties."
    )
    a, b, c = _check(keepers_db, text).checks
    assert (a.mtdsg_no, a.verdict) == (KEEPERS_NO, "undated: now 5")
    assert (b.mtdsg_no, b.figure_then, b.figure_now, b.verdict) == (FOGHORN_NO, 1, 2, VERDICT_STALE)
    assert [n.name for n in b.newcomers] == ["Chile"]
    assert (c.mtdsg_no, c.claim.link, c.verdict) == (FOGHORN_NO, "named", "undated: now 2")


def test_treaty_override(keepers_db: Path) -> None:
    [c] = _check(keepers_db, "It has been ratified by 2 countries.", treaty=FOGHORN_NO).checks
    assert (c.mtdsg_no, c.claim.link, c.figure_now) == (FOGHORN_NO, "override", 2)


def test_unknown_override_is_an_error(keepers_db: Path) -> None:
    with pytest.raises(UnknownTreaty):
        _check(keepers_db, "It has 2 parties.", treaty="IV-99")


def test_claim_without_treaty(keepers_db: Path) -> None:
    [c] = _check(keepers_db, "The accord was ratified by 55 countries.").checks
    assert c.verdict == VERDICT_NO_TREATY and c.figure_now is None


def test_no_claim(keepers_db: Path) -> None:
    report = _check(keepers_db, f"The {KEEPERS} protects lighthouse keepers.")
    assert report.checks == ()
    assert report.message == "t.txt: no treaty figures found (nothing to check)"
    assert render_text(report) == report.message + "\n"


@pytest.mark.parametrize(
    "claimed, actual, comparison, ok",
    [
        (170, 178, ">", True),
        (180, 178, ">", False),
        (180, 178, "<", True),
        (180, 178, "~", True),
        (170, 178, "~", False),
        (178, 178, ">=", True),
        (177, 178, "=", False),
    ],
)
def test_qualified_figures(claimed: int, actual: int, comparison: str, ok: bool) -> None:
    assert matches(claimed, actual, comparison) is ok


def test_renderers_and_annotated_copy(keepers_db: Path) -> None:
    text = f"# Note\n\nAs of December 2020, the {KEEPERS} had been ratified by 4 countries.\n"
    report = _check(keepers_db, text)
    out = render_text(report)
    assert "verdict: correct at its date, now stale" in out and "Japan (accession 2022-07-07)" in out
    assert '"verdict": "correct at its date, now stale"' in render_json(report)
    assert "| 1 | ratified by 4 countries | IV-90 |" in render_markdown(report)
    annotated = render_annotated(text, report)
    assert "had been **ratified by 4 countries**[^claim-1]." in annotated
    footnote = annotated.splitlines()[-1]
    assert footnote.startswith("[^claim-1]: IV-90: 5 parties as at 2026-02-03; 4 on 2020-12-31")
    assert (
        "Since then: Japan." in footnote and "Source: <https://treaties.un.org/Pages/ViewDetails" in footnote
    )


@pytest.mark.corpus
def test_opsc_summary_on_real_pages(real_db: Path) -> None:
    """The issue's done-when: the widely copied summary's "177" is right for September 2021, stale now."""
    text = pages_dir().parent / "claims" / "opsc-summary.txt"
    if not text.is_file():
        pytest.skip(f"{text} not found")
    [c] = _check(real_db, text.read_text(encoding="utf-8")).checks
    assert (c.claim.figure, c.claim.noun, c.mtdsg_no) == (177, "countries", "IV-11-c")
    assert (c.claim.claimed_on, c.claim.date_text) == (date(2021, 9, 30), "September 2021")
    assert (c.figure_then, c.figure_now, c.now_as_at) == (177, 178, date(2026, 2, 3))
    assert c.verdict == VERDICT_STALE
    assert [(n.name, n.change, n.on) for n in c.newcomers] == [
        ("Solomon Islands", "joined", date(2022, 5, 5)),
        ("Singapore", "signed", date(2025, 11, 25)),
    ]
    assert c.non_state_parties == ()
    assert c.word_note and "Holy See, State of Palestine" in c.word_note


def test_the_range_the_record_allows_is_the_asof_range_with_who_makes_the_difference() -> None:
    from pipeline.claims.check import record_range
    from pipeline.claims.extract import MEASURE_PARTIES
    from pipeline.store.model import AsOf, Uncertain

    gone = Uncertain("RUS", "Russian Federation", "consent", (date(2018, 1, 15), date(2026, 2, 3)))
    asof = AsOf(
        "XXVI-4", date(2024, 11, 30), 179, 187, "basis", 1, uncertain=(gone,), parties_range=(178, 179)
    )
    found = record_range(asof, MEASURE_PARTIES, None)
    assert found is not None and (found.low, found.high, found.uncertain) == (
        178,
        179,
        ("Russian Federation",),
    )
    assert record_range(asof, MEASURE_SIGNATORIES, None) is None  # no signature is uncertain
    assert record_range(asof, MEASURE_PARTIES, "ratification") is None  # counts of one mode: no range
    plain = AsOf("XXVI-4", date(2024, 11, 30), 179, 187, "basis", 1)
    assert record_range(plain, MEASURE_PARTIES, None) is None


class _UncertainCTBT:
    """The real store, with the CTBT's Russian ratification uncertain again (as it is without the cited
    revocation in known_events.csv): what the checker says inside a range."""

    def __init__(self, store) -> None:
        self._store = store

    def __getattr__(self, name: str):
        return getattr(self._store, name)

    def asof(self, mtdsg_no: str, on: date, **kw):
        from dataclasses import replace

        from pipeline.store.model import Uncertain

        a = self._store.asof(mtdsg_no, on, **kw)
        if mtdsg_no != "XXVI-4" or on < date(2023, 11, 2):
            return a
        gone = Uncertain("RUS", "Russian Federation", "consent", (date(2018, 1, 15), date(2026, 2, 3)))
        assert a.parties is not None
        return replace(a, parties=a.parties + 1, parties_range=(a.parties, a.parties + 1), uncertain=(gone,))


@pytest.mark.corpus
def test_a_figure_inside_the_records_uncertainty_is_consistent_never_wrong(eval_db: Path) -> None:
    from pipeline.claims.check import VERDICT_CONSISTENT

    with open_store(eval_db, read_only=True) as store:
        report = check_text("As of November 2024, 178 states have ratified the CTBT.", _UncertainCTBT(store))
        outside = check_text("As of November 2024, 170 states have ratified the CTBT.", _UncertainCTBT(store))
    [c] = report.checks
    assert (c.figure_then, c.then_range, c.uncertain) == (179, (178, 179), ("Russian Federation",))
    assert c.verdict == VERDICT_CONSISTENT.format(names="Russian Federation")
    assert "range:   the record allows 178 to 179 (uncertain: Russian Federation)" in render_text(report)
    assert outside.checks[0].verdict == VERDICT_WRONG


@pytest.mark.corpus
def test_the_cited_ctbt_revocation_makes_178_right_in_november_2024(eval_db: Path) -> None:
    """known_events.csv: the Russian Federation's revocation took effect on 2 November 2023."""
    [c] = _check(eval_db, "As of November 2024, 178 states have ratified the CTBT.").checks
    assert (c.figure_then, c.then_range, c.verdict) == (178, None, VERDICT_CURRENT)
    [wrong] = _check(eval_db, "As of November 2024, 179 states have ratified the CTBT.").checks
    assert wrong.verdict == VERDICT_WRONG
