"""Eighteenth pass (issue 21). One test per rule, on hand-written sentences.

The rules of this pass came from probe passages written blind last pass whose figures the checker neither
read nor listed unread (counted by what a reader could not check), not from `dev/` misses.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.claims.readers import counts as _counts


def _unread(db: Path, text: str, written_on: date | None = None) -> list[tuple[int, str]]:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store

    with open_store(db, read_only=True) as store:
        report = check_text(text, store, name="t", written_on=written_on)
    return [(u.figure, u.reason) for u in report.unread]


def test_an_ordinal_in_words_with_its_hundreds() -> None:
    text = "Tuvalu became the one hundred and ninety-first State Party to the Convention on the Rights of the Child."
    assert _counts(text) == [(191, "parties")]
    assert _counts("It was the hundred and twentieth country to ratify the treaty.") == [(120, "parties")]
    assert _counts("Mali became the one hundred and first State to sign the Convention.") == [
        (101, "signatories")
    ]
    # "two hundred" alone is no ordinal, and the count after it is read as before
    assert _counts("Two hundred second-hand rifles were destroyed by the 12 States Parties.") == [
        (12, "parties")
    ]


def test_a_place_told_as_number_n_is_a_figure_not_a_label(eval_db: Path) -> None:
    text = (
        "Chile ratified the Arms Trade Treaty and acceded to the Convention on Cluster Munitions in the same "
        "week. It is number 96 on the list of the ATT's States Parties and number 101 for the CCM."
    )
    listed = [figure for figure, _ in _unread(eval_db, text, date(2025, 1, 10))]
    assert 96 in listed and 101 in listed
    # a label stays one: "resolution number 5", "Protocol number 3"
    text = "Under resolution number 5 of the Convention on Cluster Munitions, 12 States Parties reported."
    assert 5 not in [figure for figure, _ in _unread(eval_db, text)]


def test_a_count_in_words_opening_a_line_its_noun_left_out_is_listed(eval_db: Path) -> None:
    text = "Sixty-two.\nThat is how many States are party to the Optional Protocol to the Convention against Torture."
    assert (62, "no treaty word in its sentence") in _unread(eval_db, text, date(2015, 3, 1))
    # an item's number in digits at a line's start is still no figure
    text = "2. The Optional Protocol to the Convention against Torture has an inspection body."
    assert _unread(eval_db, text) == []


def test_a_count_with_its_noun_left_out_at_the_end_of_a_year_is_listed(eval_db: Path) -> None:
    text = "Does the Convention on Cluster Munitions have more than 100 States Parties? Yes: 110 at the end of 2022."
    assert (110, "no treaty word in its sentence") in _unread(eval_db, text, date(2023, 2, 1))
