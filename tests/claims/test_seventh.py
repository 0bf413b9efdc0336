"""Seventh pass (issue 21): frames and lexicon rows written from dev/'s misses. One test per rule, on
hand-written sentences."""

from __future__ import annotations

from pipeline.claims.extract import read_text
from pipeline.claims.frames import read_counts
from pipeline.claims.measures import (
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    measure_of,
)
from pipeline.claims.protocols import nth_protocol
from tests.claims.test_extract import TREATIES


def _counts(text: str) -> list[tuple[int, str]]:
    return [(c.figure, c.measure) for c in read_counts(text)[0]]


def test_agreed_to_be_bound_counts_parties() -> None:
    assert _counts("To date, 162 States have formally agreed to be bound by the Convention.") == [
        (162, MEASURE_PARTIES)
    ]


def test_agreed_to_by_counts_parties() -> None:
    assert _counts("By April 2018 the protocol had been agreed to by 109 nations.") == [
        (109, MEASURE_PARTIES)
    ]


def test_have_become_signatories_counts_signatories() -> None:
    assert _counts("Ninety countries have become signatories to the Convention.") == [
        (90, MEASURE_SIGNATORIES)
    ]


def test_the_number_of_instruments_of_ratification_counts_parties() -> None:
    text = "The number of instruments of ratification or accession deposited has now increased to 103."
    assert _counts(text) == [(103, MEASURE_PARTIES)]


def test_an_acronym_may_stand_between_number_of_and_its_noun() -> None:
    assert _counts("This brings the total number of TPNW signatories to 91.") == [(91, MEASURE_SIGNATORIES)]


def test_a_second_running_total_after_and() -> None:
    text = "This brings the total number of signatories to 91 and states parties to 68."
    assert _counts(text) == [(91, MEASURE_SIGNATORIES), (68, MEASURE_PARTIES)]


def test_country_signatures_count_signatories() -> None:
    assert _counts("The Convention gained 122 country signatures on its first day.") == [
        (122, MEASURE_SIGNATORIES)
    ]


def test_the_lexicon_rows_of_the_seventh_pass() -> None:
    for phrase, measure in (
        ("agreed to be bound", MEASURE_PARTIES),
        ("agreed to", MEASURE_PARTIES),
        ("become signatories", MEASURE_SIGNATORIES),
        ("been signatories", MEASURE_SIGNATORIES),
        ("instruments of ratification", MEASURE_PARTIES),
        ("became members of", MEASURE_PARTIES),
        ("become members of", MEASURE_PARTIES),
    ):
        word = measure_of(phrase)
        assert word is not None and word.measure == measure, phrase


def test_a_running_total_with_an_adjective_is_a_total_in_a_sentence_of_changes() -> None:
    text = "Since then, further states have ratified it, bringing the current total to 88 States Parties."
    assert _counts(text) == [(88, MEASURE_PARTIES)]


def test_a_count_told_as_of_now_is_a_total_in_a_sentence_of_changes() -> None:
    text = "Thanks to efforts over the past five years, the Protocol is now in force in 169 countries."
    assert _counts(text) == [(169, MEASURE_PARTIES)]
    # Without the "now" the period makes it a change.
    assert _counts("Over the past five years, the Protocol entered into force in 12 countries.") == []


def test_became_members_of_counts_parties() -> None:
    assert _counts("192 states became members of the Convention.") == [(192, MEASURE_PARTIES)]


def test_the_signing_of_a_treaty_by_n_nations_counts_signatories() -> None:
    text = "They marked the anniversary of the signing of the mine ban treaty by 122 nations."
    assert _counts(text) == [(122, MEASURE_SIGNATORIES)]


def test_parties_included_in_a_count_of_those_who_signed_are_a_count_of_parties() -> None:
    text = "A total of 117 countries have signed the convention to date, including 92 States Parties."
    assert _counts(text) == [(117, MEASURE_SIGNATORIES), (92, MEASURE_PARTIES)]
    # Parties of a region included in a count stay a part.
    text = "A total of 117 countries have signed the convention, including 12 States Parties in Europe."
    assert _counts(text) == [(117, MEASURE_SIGNATORIES)]


def test_a_goal_is_not_a_count() -> None:
    text = "The treaty now has 125 States Parties; the campaign works to reach a goal of 135 States Parties."
    assert _counts(text) == [(125, MEASURE_PARTIES)]
    assert (135, "condition") in [
        (int(text[k.number_start : k.number_end]), k.reason) for k in read_counts(text)[1]
    ]


# Protocols by rank


_TITLES = {
    "IV-11": "convention on the rights of the child",
    "IV-11-b": "optional protocol to the convention on the rights of the child on the involvement of children",
    "IV-11-c": "optional protocol to the convention on the rights of the child on the sale of children",
    "IV-11-d": "optional protocol to the convention on the rights of the child on a communications procedure",
    "IV-4": "international covenant on civil and political rights",
    "IV-5": "optional protocol to the international covenant on civil and political rights",
    "IV-12": "second optional protocol to the international covenant on civil and political rights aiming",
}


def test_a_protocol_of_a_rank_the_titles_do_not_give_is_the_nth_by_number() -> None:
    assert nth_protocol(_TITLES, "IV-11", "third") == "IV-11-d"
    assert nth_protocol(_TITLES, "IV-11", "1st") == "IV-11-b"
    assert nth_protocol(_TITLES, "IV-11", "") is None  # three protocols, no rank: none
    assert nth_protocol(_TITLES, "IV-4", "second") == "IV-12"  # the title gives the rank
    assert nth_protocol(_TITLES, "IV-4", "") == "IV-5"
    assert nth_protocol(_TITLES, "IV-4", "third") is None


def test_a_rank_before_the_words_several_protocols_share_tells_which() -> None:
    text = "The 2nd optional protocol to the Convention on the Rights of the Child has 150 States parties."
    assert [(c.figure, c.mtdsg_no) for c in read_text(text, TREATIES).claims] == [(150, "IV-11-c")]
    text = "The first Optional Protocol to the Convention on the Rights of the Child has 150 States parties."
    assert [(c.figure, c.mtdsg_no) for c in read_text(text, TREATIES).claims] == [(150, "IV-11-b")]


def test_the_day_of_a_date_without_its_year_is_not_listed_unread() -> None:
    text = "NEW YORK, 12 May - On 10 May, Colombia ratified the Convention on the Rights of the Child."
    assert [u.figure for u in read_text(text, TREATIES).unread] == []
    # "may" the verb is no month: "12 may join" keeps its figure.
    text = "Only 12 may join the Convention on the Rights of the Child this year."
    assert [u.figure for u in read_text(text, TREATIES).unread] == [12]


def test_states_that_were_signatories_after_a_count_of_parties_are_those_not_yet_parties() -> None:
    text = "As at 31 December 2017, 87 States were party to the Protocol and 14 States were signatories."
    assert _counts(text) == [(87, MEASURE_PARTIES), (14, MEASURE_SIGNED_NOT_PARTIES)]


def test_counts_since_the_treaty_opened_are_totals_not_changes() -> None:
    text = "The treaty opened for signature in 1996. Since then, 183 states have signed it and 164 have ratified it."
    assert _counts(text) == [(183, MEASURE_SIGNATORIES), (164, MEASURE_PARTIES)]
    text = "Since it opened for signature on 3 June this year, 83 countries have signed the treaty."
    assert _counts(text) == [(83, MEASURE_SIGNATORIES)]
    # A period of its own still makes a change: "Since last year, four States have signed".
    assert _counts("Since last year, four States have signed the treaty.") == []


def test_the_treaty_as_subject_that_has_or_unites_n_states() -> None:
    assert _counts("China signed the Arms Trade Treaty on Monday, which now has 107 states.") == [
        (107, MEASURE_PARTIES)
    ]
    assert _counts("The Convention has 164 States.") == [(164, MEASURE_PARTIES)]
    assert _counts("The convention unites 110 states.") == [(110, MEASURE_PARTIES)]
    assert _counts("The region, which has 50 states, is large.") == []


def test_countries_signatures_count_signatories() -> None:
    assert _counts("With over 80 countries' signatures, the treaty has momentum.") == [
        (80, MEASURE_SIGNATORIES)
    ]


def test_in_force_for_the_n_countries() -> None:
    assert _counts("The Convention has now entered into force for the 21 countries.") == [
        (21, MEASURE_PARTIES)
    ]


def test_an_aside_with_states_among_them() -> None:
    text = "More than 50 countries, with Brazil and South Africa among them, signed the treaty."
    assert _counts(text) == [(50, MEASURE_SIGNATORIES)]


def test_another_n_signed_in_the_sentence_after_a_count_of_parties_counts_those_not_yet_parties() -> None:
    text = "17 countries have ratified the Protocol: Albania, Andorra and Uruguay. Another 34 have signed it."
    assert _counts(text) == [(17, MEASURE_PARTIES), (34, MEASURE_SIGNED_NOT_PARTIES)]
    # Without "another" the next sentence counts everyone who signed.
    text = (
        "17 countries have ratified the Protocol: Albania, Andorra and Uruguay. 34 countries have signed it."
    )
    assert _counts(text) == [(17, MEASURE_PARTIES), (34, MEASURE_SIGNATORIES)]


def test_countries_that_have_accepted_a_treaty_are_parties_but_not_those_that_accepted_a_committee() -> None:
    assert _counts("A total of 193 countries have accepted the CRC.") == [(193, MEASURE_PARTIES)]
    assert _counts("Only 64 States have accepted the Committee's competence.") == []


def test_adherence_to_the_convention_by_n_states_counts_parties() -> None:
    assert _counts("Harm fell through adherence to the Convention by 162 States.") == [(162, MEASURE_PARTIES)]


def test_states_from_across_the_world_signed() -> None:
    assert _counts("Twenty States from across the world signed the protocol.") == [(20, MEASURE_SIGNATORIES)]


def test_a_bare_count_with_having() -> None:
    text = "With 126 countries having signed the Convention, and 71 having signed its Protocol, it works."
    assert _counts(text) == [(126, MEASURE_SIGNATORIES), (71, MEASURE_SIGNATORIES)]


def test_an_infobox_row_after_another_on_the_same_line() -> None:
    assert _counts("Signatories : 48. Parties : 76") == [(48, MEASURE_SIGNATORIES), (76, MEASURE_PARTIES)]


def test_bringing_the_total_number_of_countries_to_n() -> None:
    text = "Five states ratified the treaty, bringing the total number of countries to 53."
    assert _counts(text) == [(53, MEASURE_PARTIES)]


def test_a_share_of_the_eligible_states_that_have_taken_legal_action_then_the_split_after_a_dash() -> None:
    text = "A total of 99 out of the 197 eligible states have taken legal action – 74 have ratified and 25 have signed."
    assert _counts(text) == [(74, MEASURE_PARTIES), (25, MEASURE_SIGNED_NOT_PARTIES)]


def test_a_count_as_of_now_is_not_dated_by_a_day_told_after_it() -> None:
    text = "As of now, the CRC has been signed by 140 States, and on 4 April 2005 the UN declared a day of awareness."
    [c] = read_text(text, TREATIES).claims
    assert (c.figure, c.claimed_on) == (140, None)


def test_a_date_of_the_treatys_making_told_after_the_count_does_not_date_it() -> None:
    text = "Chile becomes the 107th party to the CRC approved by the UN General Assembly in 1989."
    assert [(c.figure, c.claimed_on) for c in read_text(text, TREATIES).claims] == [(107, None)]
