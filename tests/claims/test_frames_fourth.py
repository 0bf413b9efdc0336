"""Rules of the fourth pass (issue 21), which figure and which measure, each on hand-written sentences
about a made-up treaty: what a phrase means in English and in the UN's counting, never one text's words."""

from __future__ import annotations

from datetime import date

from pipeline.claims.extract import (
    KIND_COUNT,
    KIND_THRESHOLD,
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    TitleIndex,
    TreatyName,
    extract_claims,
    read_text,
)
from pipeline.claims.model import REASON_CHANGE, REASON_DENOMINATOR, REASON_SUBSET, REASON_TOTAL
from tests.claims.conftest import KEEPERS, KEEPERS_NO

INDEX = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS)])


def _read(text: str) -> list[tuple[int, str, str]]:
    return [(c.figure, c.measure, c.kind) for c in extract_claims(text, INDEX)]


def test_entry_into_force_for_one_state_is_not_the_treatys_so_the_nth_is_a_count() -> None:
    # The treaty binds a newcomer some days after its deposit: that is no threshold of the treaty's own
    # entry into force, so "the 140th State Party" is a count on the day told.
    for who in ("for Ruritania", "for the country", "for it", "for the Republic of Ruritania"):
        text = f"The {KEEPERS} entered into force {who} on 3 May 2010, making it the 140th State Party."
        assert _read(text) == [(140, MEASURE_PARTIES, KIND_COUNT)], who


def test_a_heading_above_is_not_part_of_the_sentence_that_tells_an_ordinal() -> None:
    text = (
        f"Ruritania's accession enters into force\n\n"
        f"The {KEEPERS} now binds Ruritania, the country being the 140th State Party to the treaty."
    )
    assert _read(text) == [(140, MEASURE_PARTIES, KIND_COUNT)]


def test_an_aside_between_dashes_sits_between_the_count_and_its_verb() -> None:
    text = f"Today 150 countries -- well over half the world -- are party to the {KEEPERS}."
    assert _read(text) == [(150, MEASURE_PARTIES, KIND_COUNT)]
    text = f"Today 150 countries — well over half the world — have ratified the {KEEPERS}."
    assert _read(text) == [(150, MEASURE_PARTIES, KIND_COUNT)]


def test_so_far_before_the_auxiliary() -> None:
    text = f"One hundred and twelve States so far have signed the {KEEPERS}."
    assert _read(text) == [(112, MEASURE_SIGNATORIES, KIND_COUNT)]
    text = f"Ninety states to date have ratified the {KEEPERS}."
    assert _read(text) == [(90, MEASURE_PARTIES, KIND_COUNT)]


def test_a_share_told_in_brackets_after_a_denominator_keeps_the_share() -> None:
    reading = read_text(f"So far 120 out of 190 states (63%) have ratified the {KEEPERS}.", INDEX)
    assert [(c.figure, c.measure) for c in reading.claims] == [(120, MEASURE_PARTIES)]
    assert [(u.figure, u.reason) for u in reading.unread] == [(190, REASON_DENOMINATOR)]


def test_hyphenated_states_parties_after_a_number() -> None:
    text = f"There are now 40 Signatories and 25 States-Parties to the {KEEPERS}."
    assert _read(text) == [(40, MEASURE_SIGNATORIES, KIND_COUNT), (25, MEASURE_PARTIES, KIND_COUNT)]


def test_the_number_of_parties_told_in_apposition() -> None:
    text = f"The {KEEPERS} has the largest number of states parties, 120, of any maritime treaty."
    assert _read(text) == [(120, MEASURE_PARTIES, KIND_COUNT)]
    # A number that goes on ("the number of parties, 120 of them in Europe") is not the number of parties.
    text = f"The number of parties, 120 of them in Europe, grew fast under the {KEEPERS}."
    assert _read(text) == []


def test_one_state_named_between_commas_is_a_count_of_one() -> None:
    text = f"On the first day 30 countries signed the {KEEPERS} and one country, Ruritania, ratified it."
    assert (1, MEASURE_PARTIES, KIND_COUNT) in _read(text)


def test_but_it_has_not_ratified_speaks_of_another_subject() -> None:
    # "the treaty, but it has not yet ratified it": "it" is the state the sentence is about, so the 118
    # are everyone who signed; "have signed the treaty but not ratified it" keeps the narrower measure.
    text = (
        f"Ruritania is one of 118 countries that have signed the {KEEPERS}, but it has not yet ratified it."
    )
    assert _read(text) == [(118, MEASURE_SIGNATORIES, KIND_COUNT)]
    text = f"So far 80 countries have signed the {KEEPERS} but not ratified it."
    assert _read(text) == [(80, MEASURE_SIGNED_NOT_PARTIES, KIND_COUNT)]


def test_bare_counts_after_a_named_group_count_the_group() -> None:
    reading = read_text(
        f"Forty of the Annex 2 States have signed the {KEEPERS}, and 30 have ratified it.", INDEX
    )
    assert reading.claims == ()
    assert [(u.figure, u.reason) for u in reading.unread] == [(40, REASON_SUBSET), (30, REASON_SUBSET)]
    # The world's states are no group: the bare count after them is a count of parties.
    assert _read(f"120 states have signed the {KEEPERS}, and 90 have ratified it.") == [
        (120, MEASURE_SIGNATORIES, KIND_COUNT),
        (90, MEASURE_PARTIES, KIND_COUNT),
    ]


def test_a_word_of_addition_is_shared_by_the_list_it_heads() -> None:
    reading = read_text(
        f"At the conference the {KEEPERS} gained five additional signatures and 13 ratifications.", INDEX
    )
    assert reading.claims == ()
    assert (13, REASON_CHANGE) in [(u.figure, u.reason) for u in reading.unread]


def test_parties_or_signatories_together_are_a_total_of_two_measures() -> None:
    reading = read_text(
        f"A total of 111 states have joined the {KEEPERS}, as States Parties or Signatories.", INDEX
    )
    assert reading.claims == ()
    assert [(u.figure, u.reason) for u in reading.unread] == [(111, REASON_TOTAL)]


def test_triggering_entry_into_force_without_a_determiner_is_a_threshold() -> None:
    text = f"The {KEEPERS} reaches 30 states parties, triggering entry into force"
    assert _read(text) == [(30, MEASURE_PARTIES, KIND_THRESHOLD)]


def test_is_required_to_be_ratified_by_n_is_a_condition_of_entry_into_force() -> None:
    text = f"To take effect, the {KEEPERS} is required to be ratified by at least 30 countries."
    assert _read(text) == [(30, MEASURE_PARTIES, KIND_THRESHOLD)]


def test_a_bare_count_joined_to_a_threshold_shares_its_condition() -> None:
    text = (
        f"The {KEEPERS} will come into force one month after 30 countries have ratified it "
        "and twelve have ratified its protocol."
    )
    assert _read(text) == [(30, MEASURE_PARTIES, KIND_THRESHOLD), (12, MEASURE_PARTIES, KIND_THRESHOLD)]
    # Told as what is there now, it is a count: "and only six have currently ratified it".
    text = f"The {KEEPERS} will not come into effect until 30 countries have ratified it and only six have ratified it."
    assert _read(text) == [(30, MEASURE_PARTIES, KIND_THRESHOLD), (6, MEASURE_PARTIES, KIND_COUNT)]


def test_the_starting_figure_after_since_a_day_is_the_count_on_that_day() -> None:
    text = (
        f"Since the last meeting on 1 May 2010, the number of States parties to the {KEEPERS} "
        "has increased from 150 to 155."
    )
    claims = extract_claims(text, INDEX, written_on=date(2011, 6, 1))
    assert [(c.figure, c.measure, c.claimed_on) for c in claims] == [
        (150, MEASURE_PARTIES, date(2010, 5, 1)),
        (155, MEASURE_PARTIES, date(2011, 6, 1)),
    ]
    # Without "since", the starting figure tells of a change ("rose from 40 at entry into force").
    reading = read_text(
        f"The number of parties to the {KEEPERS} rose from 40 at entry into force to 120.", INDEX
    )
    assert [c.figure for c in reading.claims] == [120]
    assert [(u.figure, u.reason) for u in reading.unread] == [(40, REASON_CHANGE)]


def test_brought_the_tally_to_n_counts_what_was_told_before() -> None:
    text = f"Ruritania's ratification of the {KEEPERS}, deposited on 3 May 2010, has brought the tally to 90."
    assert _read(text) == [(90, MEASURE_PARTIES, KIND_COUNT)]
    assert _read(f"Freedonia's signature of the {KEEPERS} brought the total to 80.") == [
        (80, MEASURE_SIGNATORIES, KIND_COUNT)
    ]
    # People are no states.
    assert _read(f"The campaign for the {KEEPERS} brought the total to 2 million people.") == []


def test_ratifications_included_in_the_signatures_are_a_count_of_parties() -> None:
    text = f"The {KEEPERS} now has 90 signatures, including 25 ratifications."
    assert _read(text) == [(90, MEASURE_SIGNATORIES, KIND_COUNT), (25, MEASURE_PARTIES, KIND_COUNT)]
    # Those of a region stay a group.
    reading = read_text(f"The {KEEPERS} has 90 signatories, including 12 in Africa.", INDEX)
    assert [(u.figure, u.reason) for u in reading.unread] == [(12, REASON_SUBSET)]


def test_signatories_but_not_yet_parties_as_the_predicate() -> None:
    text = (
        f"There are 112 parties to the {KEEPERS} and another 52 countries, including Ruritania, "
        "who are signatories but not yet parties."
    )
    assert _read(text) == [(112, MEASURE_PARTIES, KIND_COUNT), (52, MEASURE_SIGNED_NOT_PARTIES, KIND_COUNT)]


def test_accepted_by_becoming_parties_counts_the_parties_of_the_treaty_named() -> None:
    text = (
        f"Of the 150 States that have ratified the {KEEPERS}, 100 have accepted the Committee's competence "
        f"to hear complaints by becoming parties to the {KEEPERS}."
    )
    assert _read(text) == [(150, MEASURE_PARTIES, KIND_COUNT), (100, MEASURE_PARTIES, KIND_COUNT)]
    # Both ways of joining together have no mode of their own.
    text = f"So far 60 States have accepted the procedure by ratifying or acceding to the {KEEPERS}."
    assert [(c.figure, c.measure, c.mode) for c in extract_claims(text, INDEX)] == [
        (60, MEASURE_PARTIES, None)
    ]


def test_a_footnote_mark_and_a_wrapped_bracket_between_the_count_and_its_verb() -> None:
    text = (
        f"The {KEEPERS} has a protocol. Today 116 States 2 (among the 173 States\nparties) are party to it."
    )
    assert _read(text) == [(116, MEASURE_PARTIES, KIND_COUNT), (173, MEASURE_PARTIES, KIND_COUNT)]


def test_only_signed_but_not_yet_become_a_party() -> None:
    text = f"There are still 6 UN Member States that have only signed but\nnot yet become a party to the {KEEPERS}."
    assert _read(text) == [(6, MEASURE_SIGNED_NOT_PARTIES, KIND_COUNT)]


def test_a_headline_nth_state_ratifies_is_a_count() -> None:
    text = f"150th Nation Ratifies {KEEPERS}\n\nThe news came on Monday."
    assert _read(text) == [(150, MEASURE_PARTIES, KIND_COUNT)]
    text = f"120th Country Signs {KEEPERS}\n\nThe news came on Monday."
    assert _read(text) == [(120, MEASURE_SIGNATORIES, KIND_COUNT)]
    # Not at a line's start, a present tense is no headline.
    assert _read(f"The report says the 120th country signs the {KEEPERS} each year.") == []


def test_the_nth_party_to_a_title_without_an_article() -> None:
    text = f"Ruritania is now the 76th party to {KEEPERS}."
    assert _read(text) == [(76, MEASURE_PARTIES, KIND_COUNT)]


def test_a_share_with_the_noun_before_of_and_both_ways_of_joining() -> None:
    text = f"Although 146 States of the 192 Member States of the United Nations ratified or acceded to the {KEEPERS}."
    reading = read_text(text, INDEX)
    assert [(c.figure, c.measure, c.mode) for c in reading.claims] == [(146, MEASURE_PARTIES, None)]
    assert [(u.figure, u.reason) for u in reading.unread] == [(192, REASON_DENOMINATOR)]
