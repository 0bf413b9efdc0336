"""Rules of the fourth pass (issue 21), which figure and which measure, each on hand-written sentences
about a made-up treaty: what a phrase means in English and in the UN's counting, never one text's words."""

from __future__ import annotations

from pipeline.claims.extract import (
    KIND_COUNT,
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    TitleIndex,
    TreatyName,
    extract_claims,
    read_text,
)
from pipeline.claims.model import REASON_DENOMINATOR
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
