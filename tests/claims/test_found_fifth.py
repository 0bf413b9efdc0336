"""Count claims the reader used to miss (issue 21, fifth pass): one test per rule, on hand-written sentences."""

from __future__ import annotations

from datetime import date

from pipeline.claims.extract import (
    KIND_THRESHOLD,
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    Reading,
    TitleIndex,
    read_text,
)
from pipeline.claims.model import REASON_SUBSET
from pipeline.claims.numbers import parse_number
from tests.claims.test_extract import TREATIES

INDEX = TitleIndex(TREATIES)
WRITTEN = date(2012, 5, 1)


def _read(text: str) -> Reading:
    return read_text(text, INDEX, written_on=WRITTEN)


def _claims(text: str) -> list[tuple[int, str, str | None]]:
    return [(c.figure, c.measure, c.mtdsg_no) for c in _read(text).claims]


def _unread(text: str) -> list[tuple[int, str]]:
    return [(u.figure, u.reason) for u in _read(text).unread]


# Number forms


def test_a_dash_between_number_words_joins_them_as_a_hyphen() -> None:
    assert parse_number("Twenty—eight") == 28
    assert parse_number("forty–two") == 42
    assert _claims("Forty–two countries have ratified the Convention on the Rights of the Child.") == [
        (42, MEASURE_PARTIES, "IV-11")
    ]


# Shares whose whole is told by a relative clause


def test_the_whole_told_by_its_own_clause_is_a_count_and_the_part_counts_the_main_verb() -> None:
    text = (
        "Thirty—one of the 95 States which have ratified the Convention against Torture have since "
        "become bound by ratifying or acceding to the Optional Protocol to the Convention against Torture."
    )
    assert sorted(_claims(text)) == [(31, MEASURE_PARTIES, "IV-9-b"), (95, MEASURE_PARTIES, "IV-9")]


def test_a_part_of_the_whole_chosen_otherwise_is_a_subset_and_the_whole_a_count() -> None:
    # (changed in the thirty-fourth pass: the whole told by its own clause is a count of what that clause
    # tells, as when the main verb is a treaty's act; only the part, chosen by something else, is set aside)
    text = (
        "Two of the 40 states that have signed the Convention on the Rights of the Child made a declaration."
    )
    assert _claims(text) == [(40, MEASURE_SIGNATORIES, "IV-11")]
    assert _unread(text) == [(2, REASON_SUBSET)]


# Figures told together with "respectively"


def test_running_totals_told_with_respectively_are_each_counts_of_their_treaty() -> None:
    text = (
        "Over the last year, 5 more States ratified the CRC and 4 more the CAT, bringing the total number "
        "of States Parties to 190 and 150 respectively."
    )
    read = _claims(text)
    assert (190, MEASURE_PARTIES, "IV-11") in read
    assert (150, MEASURE_PARTIES, "IV-9") in read


def test_a_count_before_its_noun_and_respectively_pairs_the_figures_told_before_it() -> None:
    text = "The CRC and the CAT had 190 and 150 parties respectively."
    assert _claims(text) == [(190, MEASURE_PARTIES, "IV-11"), (150, MEASURE_PARTIES, "IV-9")]


def test_a_passive_count_and_respectively_pairs_the_figures_told_after_it() -> None:
    text = "The CRC and the CAT have been ratified by 190 and 150 states respectively."
    assert _claims(text) == [(190, MEASURE_PARTIES, "IV-11"), (150, MEASURE_PARTIES, "IV-9")]


def test_a_run_without_respectively_adds_nothing() -> None:
    text = "The number of States Parties to the CRC rose to 190 and 150 States have signed the CAT."
    assert _claims(text) == [(190, MEASURE_PARTIES, "IV-11"), (150, MEASURE_SIGNATORIES, "IV-9")]


# A list's heading with its count in brackets


def test_a_list_heading_with_its_count_in_brackets_is_a_count_of_its_measure() -> None:
    text = (
        "Where the Convention on the Rights of the Child stands:\n"
        "Signed only (2): Somalia, South Sudan\n"
        "States Parties (190): Afghanistan, Albania, Algeria and others\n"
    )
    assert _claims(text) == [(2, MEASURE_SIGNED_NOT_PARTIES, "IV-11"), (190, MEASURE_PARTIES, "IV-11")]


def test_a_bracketed_number_inside_a_sentence_is_no_list_heading() -> None:
    text = "Parties to the Convention on the Rights of the Child (see note 3): the list is long."
    assert _claims(text) == []


# The first N who bring a treaty into force


def test_the_first_n_states_that_will_bring_entry_into_force_are_its_threshold() -> None:
    text = "The first 20 states to ratify the Convention against Torture will trigger its entry into force."
    read = _read(text).claims
    assert [(c.figure, c.kind) for c in read] == [(20, KIND_THRESHOLD)]


def test_the_first_n_states_without_entry_into_force_are_no_threshold() -> None:
    text = "The first 20 states to ratify the Convention against Torture deserve praise."
    assert all(c.kind != KIND_THRESHOLD for c in _read(text).claims)


# "N of those" after a count of all signatories


def test_those_of_the_signatories_counted_before_that_ratified_are_the_parties() -> None:
    text = (
        "The Convention on the Rights of the Child has 140 signatories. "
        "In 120 of those states, it has been ratified."
    )
    assert _claims(text) == [(140, MEASURE_SIGNATORIES, "IV-11"), (120, MEASURE_PARTIES, "IV-11")]


def test_those_of_a_group_counted_before_stay_a_subset() -> None:
    text = "There are 44 Annex 2 States. 40 of those have ratified the Convention on the Rights of the Child."
    assert _claims(text) == []
    assert (40, REASON_SUBSET) in _unread(text)


# The treaty's membership, and a noun whose predicate is its number


def test_a_treatys_membership_reaching_a_number_is_a_count_of_its_parties() -> None:
    text = "Membership of the Convention on the Rights of the Child has reached 180 States."
    assert _claims(text) == [(180, MEASURE_PARTIES, "IV-11")]


def test_parties_that_now_number_n_are_a_count() -> None:
    assert _claims("Parties to the Convention against Torture now number 150.") == [
        (150, MEASURE_PARTIES, "IV-9")
    ]
    assert _claims("Signatories to the Convention against Torture total 83.") == [
        (83, MEASURE_SIGNATORIES, "IV-9")
    ]


def test_a_number_after_the_verb_number_is_listed_when_not_read() -> None:
    text = "Ratifications of the Convention against Torture now number 40 in Africa alone."
    assert _claims(text) == []
    assert [f for f, _ in _unread(text)] == [40]


# Small frames: a count after a semicolon, an aside between spaced hyphens, "brings to N the number of"


def test_a_count_of_parties_after_a_semicolon() -> None:
    text = "So far 83 states have signed the Convention against Torture; 80 are parties."
    assert _claims(text) == [(83, MEASURE_SIGNATORIES, "IV-9"), (80, MEASURE_PARTIES, "IV-9")]


def test_an_aside_between_spaced_hyphens() -> None:
    text = "Some 140 countries - nearly three quarters of the world - have ratified the Convention against Torture."
    assert _claims(text) == [(140, MEASURE_PARTIES, "IV-9")]


def test_a_ratification_that_brings_to_n_the_number_of_parties() -> None:
    text = "Chad's ratification brings to 140 the number of States Parties to the Convention against Torture."
    assert _claims(text) == [(140, MEASURE_PARTIES, "IV-9")]


def test_the_number_of_states_that_have_ratified_is_n() -> None:
    text = "The number of States that have ratified the Convention against Torture is 140."
    assert _claims(text) == [(140, MEASURE_PARTIES, "IV-9")]


def test_either_ratified_or_acceded() -> None:
    text = "140 countries have either ratified or acceded to the Convention against Torture."
    assert _claims(text) == [(140, MEASURE_PARTIES, "IV-9")]


def test_a_headline_after_its_kicker_tells_a_count_in_the_present() -> None:
    text = "Torture ban: 140 nations ratify Convention against Torture\n\nThe news came on Monday."
    assert _claims(text) == [(140, MEASURE_PARTIES, "IV-9")]
    assert _claims("In theory 140 nations ratify Convention against Torture rules.") == []


def test_a_figure_with_odd_plus_or_a_plus_sign_is_a_lower_bound() -> None:
    for text in (
        "140-odd countries have ratified the Convention against Torture.",
        "140+ countries have ratified the Convention against Torture.",
        "The Convention against Torture has been ratified by 140-plus states.",
    ):
        assert [(c.figure, c.comparison) for c in _read(text).claims] == [(140, ">=")], text


def test_a_number_in_apposition_told_as_the_whole() -> None:
    text = "The Convention against Torture's States Parties, 150 in all, meet every two years."
    assert _claims(text) == [(150, MEASURE_PARTIES, "IV-9")]


# Those that signed and have not ratified, told after everyone who signed


def test_of_the_signatories_n_have_not_yet_ratified() -> None:
    text = "Of the 80 signatories, seven have not yet ratified the Convention against Torture."
    assert _claims(text) == [(80, MEASURE_SIGNATORIES, "IV-9"), (7, MEASURE_SIGNED_NOT_PARTIES, "IV-9")]


def test_signed_but_n_have_yet_to_ratify() -> None:
    text = "80 states have signed the Convention against Torture, but seven have yet to ratify it."
    assert _claims(text) == [(80, MEASURE_SIGNATORIES, "IV-9"), (7, MEASURE_SIGNED_NOT_PARTIES, "IV-9")]


def test_after_a_count_of_parties_n_not_yet_ratified_stays_unread() -> None:
    text = "150 states have ratified the Convention against Torture, but 40 have not ratified it."
    assert _claims(text) == [(150, MEASURE_PARTIES, "IV-9")]
    assert [f for f, _ in _unread(text)] == [40]


def test_signatories_still_to_ratify_are_not_parties() -> None:
    text = "Seven signatory states are still to ratify the Convention against Torture."
    assert _claims(text) == [(7, MEASURE_SIGNED_NOT_PARTIES, "IV-9")]


def test_an_accession_that_takes_the_treatys_membership_to_n() -> None:
    text = "Chad's accession takes the Convention against Torture's membership to 140."
    assert _claims(text) == [(140, MEASURE_PARTIES, "IV-9")]


def test_the_membership_of_a_body_is_no_count_of_parties() -> None:
    text = "Membership of the Committee set up by the Convention against Torture has reached 10 experts."
    assert _claims(text) == []


def test_a_number_in_apposition_to_others_parties_is_no_count() -> None:
    text = "Delegations of States Parties, 45 in all, attended the meeting on the Convention against Torture."
    assert _claims(text) == []


def test_the_membership_of_a_union_is_no_count_of_parties() -> None:
    text = "EU membership has reached 27 countries, all parties to the Convention against Torture."
    assert _claims(text) == []
