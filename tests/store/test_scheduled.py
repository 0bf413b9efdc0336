"""Scheduled changes: an end note announcing a withdrawal for after its snapshot, applied after it."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.store import open_store
from tests.store.second_ring import build

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory, xml_dir, html_dir):
    return build(tmp_path_factory.mktemp("sched") / "s.duckdb", ["XXVI-5", "IV-11-c"], xml_dir, html_dir)


def test_poland_withdrawal_is_pending_in_the_latest_snapshot(db):
    with open_store(db, read_only=True) as s:
        pending = s.scheduled("XXVI-5")
        none = s.scheduled("IV-11-c")
    assert {(p.iso3, p.change, p.effective, p.note) for p in pending} == {
        ("POL", "withdrawal", date(2026, 2, 20), "8")
    }
    assert {p.role for p in pending} == {"consent", "signature"}  # a withdrawal ends the participation
    assert {p.announced_in for p in pending} == {date(2026, 2, 3)}
    assert none == ()


def test_asof_after_the_effective_date_applies_it_and_says_so(db):
    with open_store(db, read_only=True) as s:
        a = s.asof("XXVI-5", date(2026, 6, 1), today=date(2026, 12, 4))
        latest = s.asof("XXVI-5", date(2026, 2, 3))
    assert (latest.parties, a.parties) == (162, 161)
    assert a.signatories == latest.signatories - 1
    assert "projected from the snapshot as at 2026-02-03" in a.basis
    assert "scheduled: Poland's withdrawal effective 2026-02-20 (end note 8), applied" in a.basis
    assert {s.iso3 for s in a.scheduled} == {"POL"}


def test_asof_before_the_effective_date_still_counts_and_names_it(db):
    with open_store(db, read_only=True) as s:
        a = s.asof("XXVI-5", date(2026, 2, 19))
    assert a.parties == 162
    assert "scheduled after this date: Poland's withdrawal effective 2026-02-20" in a.basis


def test_a_treaty_with_nothing_scheduled_keeps_the_plain_basis(db):
    with open_store(db, read_only=True) as s:
        a = s.asof("IV-11-c", date(2026, 6, 1), today=date(2026, 12, 4))
    assert a.parties == 178 and "changes after it are unknown" in a.basis and a.scheduled == ()


def test_late_deposit_counts_before_the_first_snapshot(tmp_path, xml_dir, html_dir):
    db = build(tmp_path / "cwc.duckdb", ["XXVI-3"], xml_dir, html_dir)
    with open_store(db, read_only=True) as s:
        # The State of Palestine acceded on 29 December 2017 (2026 page); the file of 15 January 2018
        # does not list it yet. One rule from the first day: no jump without an action.
        days = [date(2017, 12, 28), date(2017, 12, 29), date(2017, 12, 31), date(2018, 1, 15)]
        counts = [s.asof("XXVI-3", d).parties for d in days]
        basis = s.asof("XXVI-3", date(2017, 12, 31)).basis
    assert counts == [192, 193, 193, 193]
    assert "did not list yet" in basis


@pytest.mark.parametrize("mtdsg_no", ["XXVI-5", "IV-11-c"])
def test_latest_reads_once_what_the_three_questions_answer(db, mtdsg_no):
    # `treaties status` asks Store.latest: the same participants, counts and scheduled changes as the
    # separate questions, on the latest status date and on an earlier one.
    with open_store(db, read_only=True) as s:
        as_at = s.treaty(mtdsg_no)["as_at"].date()
        for on in (as_at, date(2015, 6, 1)):
            got = s.latest(mtdsg_no, on, today=date(2026, 2, 3))
            assert got.participants == s.reader.participant_rows(mtdsg_no)
            assert got.counts == s.asof(mtdsg_no, on, today=date(2026, 2, 3))
            assert got.scheduled == s.scheduled(mtdsg_no)
        assert len(got.participants) > 100
    assert (mtdsg_no == "XXVI-5") == bool(got.scheduled)
