"""Sixth pass (issue 21): rules written while reading the new batches g, h and i after their first contact.
One test per rule, on hand-written sentences (the treaties of tests/claims/test_extract.py, with the
Optional Protocols of the CRPD and the ICCPR, and the CTBT and TPNW with their catalogue names)."""

from __future__ import annotations

from datetime import date

from pipeline.claims.extract import (
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    Reading,
    TitleIndex,
    TreatyName,
    read_text,
)
from pipeline.claims.frames import read_counts
from pipeline.claims.model import REASON_CHANGE, REASON_CONDITION, REASON_SUBSET, REASON_TOTAL
from pipeline.claims.names import load_common_names
from tests.claims.test_extract import TREATIES

_COMMON = load_common_names()
EXTRA = [
    TreatyName("IV-15-a", "Optional Protocol to the Convention on the Rights of Persons with Disabilities"),
    TreatyName("IV-5", "Optional Protocol to the International Covenant on Civil and Political Rights"),
    TreatyName(
        "IV-12",
        "Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the "
        "abolition of the death penalty",
    ),
    TreatyName("XXVI-4", "Comprehensive Nuclear-Test-Ban Treaty", ("CTBT",), _COMMON["XXVI-4"]),
    TreatyName("XXVI-9", "Treaty on the Prohibition of Nuclear Weapons", ("TPNW",), _COMMON["XXVI-9"]),
]
INDEX = TitleIndex([*TREATIES, *EXTRA])
WRITTEN = date(2012, 5, 1)


def _read(text: str, written_on: date | None = WRITTEN) -> Reading:
    return read_text(text, INDEX, written_on=written_on)


def _claims(text: str, written_on: date | None = WRITTEN) -> list[tuple[int, str, str | None]]:
    return [(c.figure, c.measure, c.mtdsg_no) for c in _read(text, written_on).claims]


def _counts(text: str) -> list[tuple[int, str]]:
    return [(c.figure, c.measure) for c in read_counts(text)[0]]


def _skipped(text: str) -> list[tuple[int, str]]:
    return [(int(text[s.number_start : s.number_end]), s.reason) for s in read_counts(text)[1]]


# Frames


def test_an_adverb_may_stand_between_the_passive_verb_and_its_by() -> None:
    assert _counts("The Optional Protocol has been ratified only by 10 States (Argentina, Bolivia).") == [
        (10, MEASURE_PARTIES)
    ]


def test_an_aside_names_who_is_included_without_commas() -> None:
    assert _counts("A total of 172 countries including North Korea has ratified the treaty.") == [
        (172, MEASURE_PARTIES)
    ]


def test_an_aside_between_dashes_needs_no_spaces() -> None:
    text = "So far five countries—Jamaica, Hungary and Panama—have ratified the treaty."
    assert _counts(text) == [(5, MEASURE_PARTIES)]


def test_countries_that_are_now_signatories() -> None:
    text = "With 10 ratifications needed, 62 countries are now signatories leading the way to its entry into force."
    assert (62, MEASURE_SIGNATORIES) in _counts(text)


def test_a_bare_count_may_open_its_sentence() -> None:
    text = "To date, 173 States have ratified the Covenant. 116 have signed the first Optional Protocol."
    assert _counts(text) == [(173, MEASURE_PARTIES), (116, MEASURE_SIGNATORIES)]


def test_the_number_of_signed_parties_is_a_count_of_parties() -> None:
    text = "The Gambia and Madagascar bring the total number of signed parties to 85."
    assert _counts(text) == [(85, MEASURE_PARTIES)]


def test_has_to_date_been_signed_is_no_obligation() -> None:
    text = "The Optional Protocol, opened for signature in 2009, has to date been signed by 42 states."
    assert _counts(text) == [(42, MEASURE_SIGNATORIES)]
    # "has to be ratified by" still is one.
    assert _skipped("The treaty has to be ratified by 44 states listed in its annex.") == [
        (44, REASON_CONDITION)
    ]


def test_bringing_the_total_number_to_n_is_a_total_even_in_a_sentence_of_this_year() -> None:
    text = "Colombia joined the group of States Parties this year, bringing the total number to 96."
    assert _counts(text) == [(96, MEASURE_PARTIES)]


def test_world_wide_and_of_the_united_nations_stand_between_the_count_and_its_verb() -> None:
    assert _counts("177 countries world-wide have ratified the Convention.") == [(177, MEASURE_PARTIES)]
    text = "191 Member States of the United Nations are now State Party to the Convention."
    assert _counts(text) == [(191, MEASURE_PARTIES)]


def test_the_number_of_countries_ratifying_a_treaty_to_n() -> None:
    text = (
        "Guinea has ratified the CRPD. This brings the total number of countries ratifying the CRPD to 16 and "
        "the total number of countries signing the Optional Protocol to 70."
    )
    assert _claims(text) == [(16, MEASURE_PARTIES, "IV-15"), (70, MEASURE_SIGNATORIES, "IV-15-a")]


def test_signed_but_which_have_yet_to_deposit_counts_signatories_not_parties() -> None:
    text = (
        "The number of States which have signed the Convention, but which have yet to deposit an instrument "
        "of ratification, is sixty-five."
    )
    assert _counts(text) == [(65, MEASURE_SIGNED_NOT_PARTIES)]


def test_a_count_the_sentence_splits_into_parties_and_signatories_counts_both() -> None:
    text = (
        "To date 123 states have joined the convention, of which 110 are States Parties and the remaining 13 "
        "are signatories that have yet to ratify."
    )
    assert _counts(text) == [(110, MEASURE_PARTIES), (13, MEASURE_SIGNED_NOT_PARTIES)]
    assert _skipped(text) == [(123, REASON_TOTAL)]
    # Not when the two do not add up to it.
    text = "In all 130 states have joined the convention: 110 are States Parties and 13 are signatories."
    assert (130, MEASURE_PARTIES) in _counts(text)


def test_list_headings_without_a_colon() -> None:
    assert _counts("Ratified (176)\n\n  • Afghanistan\n") == [(176, MEASURE_PARTIES)]
    assert _counts("States Parties (110) Afghanistan, Albania, Andorra") == [(110, MEASURE_PARTIES)]
    assert _counts("Signed, not ratified (12)\n") == [(12, MEASURE_SIGNED_NOT_PARTIES)]
    assert _counts("Parties (30) of the list were there.") == []


# Ordinals


def test_ordinals_of_member_states_high_contracting_parties_and_members() -> None:
    assert _counts("Honduras became the 50th Member State to ratify on Saturday.") == [(50, MEASURE_PARTIES)]
    assert _counts("Thus it has become the 94th High Contracting Party to the Protocol.") == [
        (94, MEASURE_PARTIES)
    ]
    assert _counts("Angola has joined the Chemical Weapons Convention as the 192nd member.") == [
        (192, MEASURE_PARTIES)
    ]
    assert _counts("Austria signed the treaty as the 20th country.") == [(20, MEASURE_SIGNATORIES)]
    assert _counts("Austria spoke as the 20th country.") == []  # of what, the clause does not say


def test_an_ordinal_is_never_a_change_or_a_part_of_a_region() -> None:
    text = "Sri Lanka became the 163rd country to accede to the treaty, fulfilling the pledge made last year."
    assert _counts(text) == [(163, MEASURE_PARTIES)]
    text = "Samoa was the 14th country to ratify it and one of ten countries in Oceania to support it."
    assert _counts(text) == [(14, MEASURE_PARTIES)]
    # A count that is not an ordinal still is a change in such a sentence.
    assert _skipped("Last year, 12 countries ratified the treaty.") == [(12, REASON_CHANGE)]


# Treaties


def test_a_treaty_named_inside_the_count_phrase_is_the_one_it_counts() -> None:
    text = (
        "The CRPD has an Optional Protocol. These signatures bring the number of signatories for the CRPD to "
        "125, and the number of signatories for the Optional Protocol to 70."
    )
    assert _claims(text) == [(125, MEASURE_SIGNATORIES, "IV-15"), (70, MEASURE_SIGNATORIES, "IV-15-a")]


def test_the_verbs_other_half_stands_between_the_count_and_its_treaty() -> None:
    text = (
        "There were 196 States parties to the Convention on the Rights of the Child; 168 States had ratified "
        "or acceded to the Optional Protocol on the involvement of children in armed conflict."
    )
    assert _claims(text) == [(196, MEASURE_PARTIES, "IV-11"), (168, MEASURE_PARTIES, "IV-11-b")]


def test_the_first_optional_protocol_and_the_second() -> None:
    text = (
        "The International Covenant on Civil and Political Rights has 173 parties. 116 have signed the first "
        "Optional Protocol and 89 have signed the second Optional Protocol."
    )
    assert _claims(text) == [
        (173, MEASURE_PARTIES, "IV-4"),
        (116, MEASURE_SIGNATORIES, "IV-5"),
        (89, MEASURE_SIGNATORIES, "IV-12"),
    ]


def test_a_reference_nothing_before_explains_points_to_the_treaty_of_its_kind_named_after_it() -> None:
    text = (
        "So far, 118 countries have signed the convention. The Optional Protocol to the Convention on the "
        "Rights of Persons with Disabilities lets persons bring complaints."
    )
    assert _claims(text, None) == [(118, MEASURE_SIGNATORIES, "IV-15")]


def test_a_treaty_named_in_an_aside_in_brackets_is_no_antecedent() -> None:
    text = (
        "The Optional Protocol to the CRPD sets up a complaints mechanism (like that of the Optional Protocol "
        "to the Convention on the Rights of the Child on the sale of children, child prostitution and child "
        "pornography). The Optional Protocol has been signed by 42 states."
    )
    assert _claims(text) == [(42, MEASURE_SIGNATORIES, "IV-15-a")]
    # A name glossed in brackets still is.
    text = "The Optional Protocol on the sale of children (OPSC) is in force. 176 states are party to the protocol."
    assert _claims(text) == [(176, MEASURE_PARTIES, "IV-11-c")]


def test_the_treaty_banning_nuclear_tests_is_the_ctbt() -> None:
    text = "Guatemala has ratified the treaty banning nuclear tests, bringing the number of ratifications to 156."
    assert _claims(text) == [(156, MEASURE_PARTIES, "XXVI-4")]


# Dates


def test_a_date_in_a_relative_clause_after_the_count_does_not_date_it() -> None:
    text = "177 countries world-wide have ratified the CRC, including the UK which ratified it in 1991."
    [c] = _read(text).claims
    assert c.claimed_on == WRITTEN
    # "of which" opens no clause of its own: the date still dates the count.
    text = "182 countries have signed the CTBT, of which 154 have also ratified it (as of June 2011)."
    assert [c.claimed_on for c in _read(text, None).claims] == [date(2011, 6, 30)] * 2


def test_a_day_after_the_texts_own_day_told_after_the_count_does_not_date_it() -> None:
    text = "The CRPD: 62 countries are now signatories leading the way to its entry into force on 22 December 2012."
    [c] = _read(text, date(2012, 9, 29)).claims
    assert c.claimed_on == date(2012, 9, 29)
    # Told before the count, the day is the sentence's, even after the page's own date.
    text = "On 22 December 2012, 62 countries were signatories of the CRPD."
    [c] = _read(text, date(2012, 9, 29)).claims
    assert c.claimed_on == date(2012, 12, 22)


def test_a_count_is_not_dated_by_a_later_month_of_the_same_year_only_when_told_after_it() -> None:
    # A month of the text's own date is no later than it.
    text = "62 countries are now signatories of the CRPD (as of September 2012)."
    [c] = _read(text, date(2012, 9, 29)).claims
    assert c.claimed_on == date(2012, 9, 30)


def test_the_subset_reason_still_holds_for_a_group() -> None:
    assert _skipped("Of them, 12 EU states have ratified the treaty.")[0][1] == REASON_SUBSET


def test_an_ordinal_with_a_participle() -> None:
    assert _counts("Indonesia became the 46th state ratifying the Convention.") == [(46, MEASURE_PARTIES)]
    assert _counts("Chile became the 40th country signing the treaty.") == [(40, MEASURE_SIGNATORIES)]
