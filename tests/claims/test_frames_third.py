"""Rules of the third pass (issue 21), which figure and which measure, each on hand-written sentences
about made-up treaties: what a phrase means in English and in the UN's counting, never one text's words."""

from __future__ import annotations

from datetime import date

import pandas as pd

from pipeline.claims.check import check_claim
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
from pipeline.claims.model import (
    REASON_CHANGE,
    REASON_CONDITION,
    REASON_DENOMINATOR,
    REASON_SUBSET,
    REASON_THRESHOLD,
)
from pipeline.claims.verdicts import VERDICT_THRESHOLD_RIGHT, brought_into_force
from pipeline.store import StoreError
from tests.claims.conftest import KEEPERS, KEEPERS_NO

INDEX = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS)])


def _read(text: str) -> list[tuple[int, str, str]]:
    return [(c.figure, c.measure, c.kind) for c in extract_claims(text, INDEX)]


def test_after_n_member_states_is_a_threshold_when_the_sentence_tells_of_entry_into_force() -> None:
    text = f"The {KEEPERS} can enter into force after 25 member states have deposited their instruments."
    assert _read(text) == [(25, MEASURE_PARTIES, KIND_THRESHOLD)]
    text = f"The {KEEPERS} will take effect after being ratified by a minimum of 30 UN member states."
    assert _read(text) == [(30, MEASURE_PARTIES, KIND_THRESHOLD)]
    # Without words of entry into force, "after three countries signed" tells of an event.
    text = f"The minister spoke after three countries signed the {KEEPERS}."
    assert [c for c in extract_claims(text, INDEX) if c.kind == KIND_THRESHOLD] == []


def test_before_or_until_n_states_joined_with_entry_into_force_is_a_threshold() -> None:
    text = f"It took eight years before 40 States became parties to the {KEEPERS} and it entered into force."
    assert (40, MEASURE_PARTIES, KIND_THRESHOLD) in _read(text)
    text = f"The {KEEPERS} will not come into effect until 22 countries have ratified it."
    assert _read(text) == [(22, MEASURE_PARTIES, KIND_THRESHOLD)]


def test_n_ratifications_or_accessions_are_necessary_is_a_threshold() -> None:
    text = f"Thirty ratifications or accessions are necessary for the {KEEPERS} to enter into force."
    assert _read(text) == [(30, MEASURE_PARTIES, KIND_THRESHOLD)]


def test_an_ordinal_country_is_a_threshold_only_with_entry_into_force() -> None:
    text = f"Peru became the 30th country to ratify the {KEEPERS}, triggering its entry into force."
    assert _read(text) == [(30, MEASURE_PARTIES, KIND_THRESHOLD)]
    text = f"We welcome the 30th nation ratifying the {KEEPERS}, which means it will now come into force."
    assert _read(text) == [(30, MEASURE_PARTIES, KIND_THRESHOLD)]
    # Of signatures, an ordinal is a count even beside words of entry into force: signing brings none.
    text = f"It could take effect next year after Peru became the 90th country to sign the {KEEPERS}."
    assert _read(text) == [(90, MEASURE_SIGNATORIES, KIND_COUNT)]
    text = f"On 3 May 2010 Peru became the 14th country to deposit its ratification of the {KEEPERS}."
    assert _read(text) == [(14, MEASURE_PARTIES, KIND_COUNT)]
    # "the Nth State to <do something>" after depositing a ratification: a count of those who joined.
    text = f"Peru has become the 121st State to protect keepers after depositing its ratification of the {KEEPERS}."
    assert _read(text) == [(121, MEASURE_PARTIES, KIND_COUNT)]


def test_an_ordinal_without_entry_into_force_is_a_count_and_with_it_a_threshold() -> None:
    # "The 40th ratification is ...": the 40th consent, a count on the day told; the checker makes it a
    # threshold when the 40th consent brought the treaty into force (brought_into_force below).
    text = f"40th Ratification of the {KEEPERS}\n\nThe party welcomes the news."
    assert _read(text) == [(40, MEASURE_PARTIES, KIND_COUNT)]
    text = f"The 40th ratification of the {KEEPERS} is a sign of support, the minister said."
    assert _read(text) == [(40, MEASURE_PARTIES, KIND_COUNT)]
    text = f"Chile made the decisive 40th ratification of the {KEEPERS}."
    assert _read(text) == [(40, MEASURE_PARTIES, KIND_THRESHOLD)]
    text = f"The 40th ratification of the {KEEPERS} brought it into force."
    assert _read(text) == [(40, MEASURE_PARTIES, KIND_THRESHOLD)]


def _rows(*days: date) -> list[dict[str, object]]:
    return [
        {"name": f"State {i}", "consent_date": d, "consent_type": "Ratification"}
        for i, d in enumerate(days, 1)
    ]


def test_the_nth_consent_brought_the_treaty_into_force_a_set_delay_before_it() -> None:
    rows = _rows(date(2020, 1, 5), date(2020, 10, 23), date(2020, 10, 24), date(2020, 12, 11))
    eif = date(2021, 1, 22)  # 90 days after the 3rd consent; 91 after the 2nd
    assert [n for n in (1, 2, 3, 4) if brought_into_force(rows, n, eif)] == [3]
    assert not brought_into_force(rows, 3, None)
    assert not brought_into_force(rows, 5, eif)
    # Three calendar months; "the first day of the sixth month after the month of the deposit".
    rows = _rows(date(2013, 12, 3), date(2014, 1, 14))
    assert [n for n in (1, 2) if brought_into_force(rows, n, date(2014, 4, 14))] == [2]
    rows = _rows(date(1998, 9, 16), date(1998, 10, 2))
    assert [n for n in (1, 2) if brought_into_force(rows, n, date(1999, 3, 1))] == [1]


def test_a_threshold_is_measured_against_the_entry_into_force_day_not_the_opening_day() -> None:
    text = (
        f"The {KEEPERS}, adopted on 2 April 2010, opened for signature on 3 June 2010, and will come into "
        "effect 90 days after being ratified by 50 states."
    )
    [c] = extract_claims(text, INDEX)
    assert (c.figure, c.kind, c.event_on) == (50, KIND_THRESHOLD, None)
    text = f"The {KEEPERS} entered into force on 1 March 2012, after it had been ratified by 50 states."
    [c] = extract_claims(text, INDEX)
    assert c.event_on == date(2012, 3, 1)


def test_more_and_additional_are_changes_not_counts() -> None:
    text = f"Only ten more states have ratified the {KEEPERS} since its entry into force."
    reading = read_text(text, INDEX)
    assert reading.claims == ()
    assert [(u.figure, u.reason) for u in reading.unread] == [(10, REASON_CHANGE)]
    text = (
        f"By 2004 an additional 90 States had become parties to the {KEEPERS}, resulting in a total of "
        "125 States currently parties to it."
    )
    reading = read_text(text, INDEX)
    assert [(u.figure, u.reason) for u in reading.unread] == [(90, REASON_CHANGE)]
    assert [c.figure for c in reading.claims] == [125]
    # Beside a count of parties, "an additional N have signed but not ratified" is a measure of its own.
    text = f"There are 80 parties to the {KEEPERS}. An additional 12 states have signed but not ratified it."
    assert _read(text) == [(80, MEASURE_PARTIES, KIND_COUNT), (12, MEASURE_SIGNED_NOT_PARTIES, KIND_COUNT)]


def test_the_next_n_ratifications_are_what_is_missing() -> None:
    text = f"Officials expect the next 15 ratifications of the {KEEPERS} by the end of the year."
    reading = read_text(text, INDEX)
    assert reading.claims == ()
    assert [(u.figure, u.reason) for u in reading.unread] == [(15, REASON_THRESHOLD)]


def test_became_n_states_parties_and_the_verbs_of_joining() -> None:
    text = (
        f"With the accession of Peru on 3 May 2011, the number of States parties to the {KEEPERS} became 88."
    )
    assert _read(text) == [(88, MEASURE_PARTIES, KIND_COUNT)]
    text = f"To date, 44 countries have become States Parties to the {KEEPERS}."
    assert _read(text) == [(44, MEASURE_PARTIES, KIND_COUNT)]
    text = f"Before today, 70 countries were StatesParties to the {KEEPERS}."
    assert _read(text) == [(70, MEASURE_PARTIES, KIND_COUNT)]
    text = f"As of 1 May, sixty (60) States have signed the {KEEPERS}, with four (4) States also depositing their instruments of ratification."
    assert _read(text) == [(60, MEASURE_SIGNATORIES, KIND_COUNT), (4, MEASURE_PARTIES, KIND_COUNT)]


def test_a_headline_in_the_present_tells_a_count() -> None:
    assert _read(f"58 countries sign the {KEEPERS}\n\nThe ceremony was held in Rome.") == [
        (58, MEASURE_SIGNATORIES, KIND_COUNT)
    ]
    assert _read(f"Twelve states ratify the {KEEPERS}") == [(12, MEASURE_PARTIES, KIND_COUNT)]


def test_done_so_and_that_number_point_back_to_the_verb_told_before() -> None:
    text = (
        f"The {KEEPERS} was adopted in 2009 and states began to ratify it in 2010. So far six states have done so, and today that "
        "number has grown to 14."
    )
    assert _read(text) == [(6, MEASURE_PARTIES, KIND_COUNT), (14, MEASURE_PARTIES, KIND_COUNT)]
    text = f"The {KEEPERS} was signed by 40 states in 2010; today that number has reached 52."
    assert _read(text) == [(40, MEASURE_SIGNATORIES, KIND_COUNT), (52, MEASURE_SIGNATORIES, KIND_COUNT)]


def test_n_of_the_signatories_have_not_ratified_are_signatories_not_parties() -> None:
    text = f"The {KEEPERS} was signed by 48 states; 16 of the signatories have not ratified."
    assert _read(text) == [
        (48, MEASURE_SIGNATORIES, KIND_COUNT),
        (16, MEASURE_SIGNED_NOT_PARTIES, KIND_COUNT),
    ]


def test_join_n_other_nations_counts_the_parties_and_n_others_beside_one_who_did_count_the_rest() -> None:
    text = f"It is time for the Republic to ratify the {KEEPERS} and join 150 other nations."
    assert _read(text) == [(150, MEASURE_PARTIES, KIND_COUNT)]
    # The tenth pass (the eval Conventions give such figures a row): all who signed but Peru
    # (ordinal_days.other_than sets `left_out`, the checker takes Peru off the UN's figures).
    text = f"Peru signed the {KEEPERS} last year. Ninety other nations have now signed it."
    reading = read_text(text, INDEX)
    assert [(c.figure, c.measure) for c in reading.claims] == [(90, MEASURE_SIGNATORIES)]


def test_another_n_in_the_simple_past_is_the_days_step() -> None:
    text = f"Peru ratified the {KEEPERS} today. Another 12 states deposited their instruments of ratification at a ceremony."
    reading = read_text(text, INDEX)
    assert reading.claims == ()
    assert [(u.figure, u.reason) for u in reading.unread] == [(12, REASON_CHANGE)]
    # With "have", beside a count of ratifications, "another N" is a count of its own.
    text = f"As of 2020, 66 states have ratified the {KEEPERS}, and another 4 have acceded to it."
    assert [c.figure for c in extract_claims(text, INDEX)] == [66, 4]


def test_including_the_n_is_a_subset() -> None:
    text = f"I commend the 90 states that have joined the {KEEPERS}, including the 30 countries that have joined all its annexes."
    reading = read_text(text, INDEX)
    assert [c.figure for c in reading.claims] == [90]
    assert [(u.figure, u.reason) for u in reading.unread] == [(30, REASON_SUBSET)]


def test_welcomed_as_nth_state_party_is_a_count() -> None:
    text = f"The Union is pleased to welcome Peru as 120th State Party to the {KEEPERS}."
    assert _read(text) == [(120, MEASURE_PARTIES, KIND_COUNT)]


def test_behind_n_nations_in_ratifying_counts_those_who_did() -> None:
    assert _read(f"Ruritania behind 140 nations in ratifying the {KEEPERS}") == [
        (140, MEASURE_PARTIES, KIND_COUNT)
    ]
    text = f"Ruritania stands behind 140 nations, including Chile, as it is yet to ratify the {KEEPERS}."
    assert _read(text) == [(140, MEASURE_PARTIES, KIND_COUNT)]


def test_nations_which_have_not_ratified_despite_signing_are_signatories_not_parties() -> None:
    text = (
        f"Ruritania is among the seven nations which have not yet ratified the {KEEPERS} despite signing it."
    )
    assert _read(text) == [(7, MEASURE_SIGNED_NOT_PARTIES, KIND_COUNT)]
    text = (
        f"By 1999 a further 40 states had signed the {KEEPERS}, but had not yet deposited their instruments."
    )
    assert [c.measure for c in extract_claims(text, INDEX)] == [MEASURE_SIGNED_NOT_PARTIES]


def test_one_state_ratified_is_a_count_unless_told_as_an_event() -> None:
    text = f"On 3 May 2010, 50 states signed the {KEEPERS}, and 1 state ratified it."
    assert _read(text) == [(50, MEASURE_SIGNATORIES, KIND_COUNT), (1, MEASURE_PARTIES, KIND_COUNT)]
    text = f"The {KEEPERS} made news when one country ratified it."
    assert _read(text) == []


def test_a_hope_of_n_states_parties_is_a_condition() -> None:
    text = (
        f"The {KEEPERS} has 30 ratifications, and he hoped that they would be up to 90 States parties soon."
    )
    reading = read_text(text, INDEX)
    assert [c.figure for c in reading.claims] == [30]
    assert [(u.figure, u.reason) for u in reading.unread] == [(90, REASON_CONDITION)]


def test_one_of_the_n_countries_which_signed_counts_n() -> None:
    text = f"Ruritania was one of the 70 countries which signed the {KEEPERS} on its opening day."
    assert _read(text) == [(70, MEASURE_SIGNATORIES, KIND_COUNT)]


def test_n_states_need_to_ratify_it_for_it_to_enter_into_force_is_a_threshold() -> None:
    text = f"40 states need to not only sign the {KEEPERS}, but to ratify it for it to become law."
    assert _read(text) == [(40, MEASURE_PARTIES, KIND_THRESHOLD)]
    text = f"40 states need to ratify the {KEEPERS}, the minister said."
    assert [c for c in extract_claims(text, INDEX) if c.kind == KIND_THRESHOLD] == []


def test_a_headline_ratification_reaches_n_countries() -> None:
    text = f"Ratification of the {KEEPERS} Reaches 120 Countries\n\nThe news came on Monday."
    assert _read(text) == [(120, MEASURE_PARTIES, KIND_COUNT)]


def test_the_states_named_or_where_they_come_from_between_count_and_verb() -> None:
    text = f"As of 1 May 2014, Five States, Chile, Peru, Bosnia and Herzegovina, Spain and Mali have ratified the {KEEPERS}."
    assert _read(text) == [(5, MEASURE_PARTIES, KIND_COUNT)]
    text = f"On 3 June 2013 more than 60 countries from all continents, among them 20 from Europe signed the {KEEPERS}."
    [c] = extract_claims(text, INDEX)
    assert (c.figure, c.measure, c.comparison) == (60, MEASURE_SIGNATORIES, ">")


def test_the_latest_of_n_the_nth_signatory_and_instruments_deposited() -> None:
    assert _read(f"Peru is the latest of 60 countries to ratify the {KEEPERS}.") == [
        (60, MEASURE_PARTIES, KIND_COUNT)
    ]
    assert _read(f"Peru is the 60th signatory to the {KEEPERS}.") == [(60, MEASURE_SIGNATORIES, KIND_COUNT)]
    assert _read(f"Peru is the 60th party to the {KEEPERS}.") == [(60, MEASURE_PARTIES, KIND_COUNT)]
    assert _read(f"Delegates of the {KEEPERS} met the 19th Party Congress.") == []
    text = f"A total of 60 instruments of ratification of the {KEEPERS} have been deposited."
    assert _read(text) == [(60, MEASURE_PARTIES, KIND_COUNT)]
    assert _read(f"The {KEEPERS} has entered into force for 60 countries.") == [
        (60, MEASURE_PARTIES, KIND_COUNT)
    ]


def test_counts_under_a_modal_or_a_condition_are_conditions() -> None:
    for text in (
        f"The {KEEPERS} would be binding on 60 states if ratified.",
        f"Peru would join 40 other nations if it ratified the {KEEPERS}.",
        f"The {KEEPERS} will be in force for 60 states next year.",
        f"If 60 countries ratify the {KEEPERS}, it will enter into force.",
        f"After 3 states signed the {KEEPERS}, the meeting closed.",
    ):
        reading = read_text(text, INDEX)
        assert reading.claims == (), text
        assert [u.reason for u in reading.unread] == [REASON_CONDITION], text
    # A count at an event, and the Nth a state will become, are not conditions.
    text = f"The {KEEPERS} opened for signature on 3 May 2010, when 94 states signed it."
    assert _read(text) == [(94, MEASURE_SIGNATORIES, KIND_COUNT)]
    assert _read(f"Peru will become the 41st State Party to the {KEEPERS}.") == [
        (41, MEASURE_PARTIES, KIND_COUNT)
    ]


def test_parties_that_met_are_a_part_unless_every_party_is_named_by_its_number() -> None:
    reading = read_text(f"Only 40 States parties to the {KEEPERS} met in Geneva.", INDEX)
    assert reading.claims == ()
    assert [(u.figure, u.reason) for u in reading.unread] == [(40, REASON_SUBSET)]
    # "The 40 States parties ... met": every party, a count (thirty-third pass; dev/'s rows count "the 193
    # member states met in The Hague")
    reading = read_text(f"The 40 States parties to the {KEEPERS} met in Geneva.", INDEX)
    assert [(c.figure, c.measure) for c in reading.claims] == [(40, MEASURE_PARTIES)]


def test_n_of_the_worlds_m_countries_reads_n() -> None:
    reading = read_text(f"130 of the world's 195 countries have ratified the {KEEPERS}.", INDEX)
    assert [(c.figure, c.measure) for c in reading.claims] == [(130, MEASURE_PARTIES)]
    assert [(u.figure, u.reason) for u in reading.unread] == [(195, REASON_DENOMINATOR)]


def test_another_n_states_having_signed_beside_parties_signed_without_ratifying() -> None:
    text = f"The {KEEPERS} now has 150 States Parties, with another 10 states having signed it."
    assert _read(text) == [(150, MEASURE_PARTIES, KIND_COUNT), (10, MEASURE_SIGNED_NOT_PARTIES, KIND_COUNT)]


def test_a_period_told_after_another_number_speaks_of_that_number() -> None:
    reading = read_text(f"The {KEEPERS} has been ratified by 130 states, 10 of them this year.", INDEX)
    assert [c.figure for c in reading.claims] == [130]
    reading = read_text(f"This year, 10 states ratified the {KEEPERS}.", INDEX)
    assert [(u.figure, u.reason) for u in reading.unread] == [(10, REASON_CHANGE)]


class _Store:
    """Just what check_claim asks of a store here: the participants table (no figures on a date)."""

    def __init__(self, rows: list[dict[str, object]]) -> None:
        self.rows = rows

    def participants(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame:
        return pd.DataFrame(self.rows)

    def asof(self, mtdsg_no: str, on: date) -> None:
        raise StoreError("this test store counts no figures on a date")


def test_a_count_or_ordinal_of_the_consent_that_brought_the_treaty_into_force_is_a_threshold() -> None:
    early = [date(2020, 1, d) for d in range(1, 11)]
    rows = _rows(*early, date(2020, 10, 23), date(2020, 10, 24), date(2020, 12, 11))
    latest = {
        "entry_into_force": "22 January 2021, in accordance with article 15.",
        "as_at": date(2026, 2, 3),
    }
    store = _Store(rows)
    text = f"On 24 October 2020, 12 states had ratified the {KEEPERS}. On 22 January 2021, it entered into force."
    [c] = extract_claims(text, INDEX)
    assert (c.kind, c.event_on) == (KIND_COUNT, date(2021, 1, 22))
    check = check_claim(c, store, latest)  # type: ignore[arg-type]
    assert (check.claim.kind, check.claim.claimed_on, check.verdict) == (
        KIND_THRESHOLD,
        None,
        VERDICT_THRESHOLD_RIGHT,
    )
    [c] = extract_claims(f"Peru was the twelfth country to ratify the {KEEPERS}.", INDEX)
    assert check_claim(c, store, latest).verdict == VERDICT_THRESHOLD_RIGHT  # type: ignore[arg-type]
    # Not the consent that brought it into force; or an entry into force told for one state only.
    [c] = extract_claims(f"Peru was the 13th country to ratify the {KEEPERS}.", INDEX)
    assert check_claim(c, store, latest).claim.kind == KIND_COUNT  # type: ignore[arg-type]
    text = f"On 24 October 2020, 12 states had ratified the {KEEPERS}. It enters into force for Peru on 1 May 2021."
    [c] = extract_claims(text, INDEX)
    assert check_claim(c, store, latest).claim.kind == KIND_COUNT  # type: ignore[arg-type]


def test_two_ordinals_joined_are_two_counts() -> None:
    text = f"Peru and Chile became the 22nd and 23rd countries to ratify the {KEEPERS}."
    assert _read(text) == [(22, MEASURE_PARTIES, KIND_COUNT), (23, MEASURE_PARTIES, KIND_COUNT)]
    text = f"Peru and Chile became the fortieth and forty-first states to sign the {KEEPERS}."
    assert _read(text) == [(40, MEASURE_SIGNATORIES, KIND_COUNT), (41, MEASURE_SIGNATORIES, KIND_COUNT)]


def test_with_after_reaching_and_triggering_tell_a_threshold() -> None:
    for text in (
        f"With 50 ratifications, the {KEEPERS} entered into force on 22 January 2021.",
        f"The {KEEPERS} entered into force in 2021 after reaching 50 ratifications.",
        f"The {KEEPERS} has been ratified by 50 states, triggering its entry into force.",
    ):
        assert _read(text) == [(50, MEASURE_PARTIES, KIND_THRESHOLD)], text
    # "with a total of N States Parties" beside its entry into force is a count.
    text = f"The {KEEPERS} entered into force on 1 August 2010 and has done well, with a total of 110 States Parties."
    assert _read(text) == [(110, MEASURE_PARTIES, KIND_COUNT)]


def test_signed_by_an_additional_n_beside_parties_signed_without_ratifying() -> None:
    text = f"The {KEEPERS} has been ratified by 130 countries and signed by an additional 20."
    assert _read(text) == [(130, MEASURE_PARTIES, KIND_COUNT), (20, MEASURE_SIGNED_NOT_PARTIES, KIND_COUNT)]
    # "ratified by 36 States and signed by 91": more signed than ratified, everyone who signed.
    text = f"As of October 2012, the {KEEPERS} has been ratified by 36 States and signed by 91."
    assert _read(text) == [(36, MEASURE_PARTIES, KIND_COUNT), (91, MEASURE_SIGNATORIES, KIND_COUNT)]


def test_when_n_states_ratify_with_entry_into_force_is_a_threshold_and_the_present_only_a_headline() -> None:
    for text in (
        f"The {KEEPERS} enters into force when 40 states ratify it.",
        f"As soon as 40 states ratify the {KEEPERS}, it will become binding.",
    ):
        assert _read(text) == [(40, MEASURE_PARTIES, KIND_THRESHOLD)], text
    assert _read(f"The {KEEPERS} made news when one country ratified it, and it entered into force.") == []
    for text in (
        f"We call on the 40 states that sign the {KEEPERS} to ratify it too.",
        f"Every year, 5 states join the {KEEPERS}.",
    ):
        assert read_text(text, INDEX).claims == (), text


def test_since_then_after_the_instrument_began_is_a_total() -> None:
    text = (
        f"The {KEEPERS} was amended in 2001, and since then, only 35 countries have ratified the amendment."
    )
    assert [c.figure for c in extract_claims(text, INDEX)] == [35]
    text = f"Peru took over the presidency of the {KEEPERS} in 2018. Three signatories have ratified it since then."
    reading = read_text(text, INDEX)
    assert reading.claims == ()
    assert [(u.figure, u.reason) for u in reading.unread] == [(3, REASON_CHANGE)]


def test_new_parties_parties_across_or_meeting_and_a_share_told_aside() -> None:
    for text, reason in (
        (f"Two new States Parties, Peru and Chile, joined the {KEEPERS} in 2020.", REASON_CHANGE),
        (f"The {KEEPERS} has destroyed 50 million mines across 30 States Parties.", REASON_SUBSET),
        (f"Some 95 States Parties to the {KEEPERS} will meet again in 2024.", REASON_SUBSET),
    ):
        reading = read_text(text, INDEX)
        assert reading.claims == (), text
        assert [u.reason for u in reading.unread] == [reason], text
    assert _read(f"95 countries, or 49% of all states, have ratified the {KEEPERS}.") == [
        (95, MEASURE_PARTIES, KIND_COUNT)
    ]


def test_for_a_total_of_n_is_the_running_total_of_the_noun() -> None:
    reading = read_text(f"The {KEEPERS} has seen 10 new ratifications this year, for a total of 130.", INDEX)
    assert [(c.figure, c.measure) for c in reading.claims] == [(130, MEASURE_PARTIES)]
    assert [(u.figure, u.reason) for u in reading.unread] == [(10, REASON_CHANGE)]
    text = f"One state has signed the {KEEPERS}, while 34 states are non-signatories, making a total of 35 states not party."
    assert [c.figure for c in extract_claims(text, INDEX) if c.figure == 35] == []
