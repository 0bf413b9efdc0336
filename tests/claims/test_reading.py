"""The issue-21 made-up sentences, each read as the issue says (one test each), and one test per new rule."""

from __future__ import annotations

from datetime import date

from pipeline.claims.extract import (
    KIND_THRESHOLD,
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    Reading,
    TitleIndex,
    TreatyName,
    find_byline,
    find_dates,
    read_text,
)
from pipeline.claims.model import (
    REASON_CHANGE,
    REASON_DENOMINATOR,
    REASON_SUBSET,
    REASON_TOTAL,
)
from tests.claims.test_extract import TREATIES

CCM = TreatyName("XXVI-6", "Convention on Cluster Munitions", ("CCM",))
CTBT = TreatyName("XXVI-4", "Comprehensive Nuclear-Test-Ban Treaty", ("CTBT",))
INDEX = TitleIndex([*TREATIES, CCM, CTBT])
WRITTEN = date(2012, 5, 1)


def _read(text: str, written_on: date | None = WRITTEN) -> Reading:
    return read_text(text, INDEX, written_on=written_on)


def _claims(text: str, **kw) -> list[tuple[int, str]]:
    return [(c.figure, c.measure) for c in _read(text, **kw).claims]


def _unread(text: str) -> list[tuple[int, str]]:
    return [(u.figure, u.reason) for u in _read(text).unread]


# 1. Count phrasings


def test_hyphenated_states_parties_and_a_rise_from_to() -> None:
    text = "The number of states-parties to the CCM rose from 40 at entry into force to 120 today."
    assert _claims(text) == [(120, MEASURE_PARTIES)]
    assert _unread(text) == [(40, REASON_CHANGE)]


def test_a_tally_and_states_having_signed() -> None:
    text = "By June 2010 the tally for the CCM had climbed to 45 states, with 90 states having signed."
    reading = _read(text)
    assert [(c.figure, c.measure) for c in reading.claims] == [
        (45, MEASURE_PARTIES),
        (90, MEASURE_SIGNATORIES),
    ]
    assert {c.claimed_on for c in reading.claims} == {date(2010, 6, 30)}


def test_number_of_ratifying_states_and_of_signatory_states_without_a_verb() -> None:
    text = "The number of ratifying states of the CCM is now 12 and the number of signatory States 60."
    assert _claims(text) == [(12, MEASURE_PARTIES), (60, MEASURE_SIGNATORIES)]


def test_only_n_have_ratified_after_a_count_of_signatories() -> None:
    text = "Some 60 states have signed the CCM but only 9 have ratified it."
    assert _claims(text) == [(60, MEASURE_SIGNATORIES), (9, MEASURE_PARTIES)]


def test_one_of_only_n_countries_to_have_done_so() -> None:
    reading = _read("Ghana signed the CCM on 3 May 2009, becoming one of only 4 countries to have done so.")
    [c] = reading.claims
    assert (c.figure, c.measure, c.claimed_on) == (4, MEASURE_SIGNATORIES, date(2009, 5, 3))
    assert reading.unread == ()


def test_the_decisive_twentieth_ratification_is_a_threshold() -> None:
    [c] = _read("Chile provided the decisive twentieth ratification of the CCM.").claims
    assert (c.figure, c.kind) == (20, KIND_THRESHOLD)


def test_members_that_signed_but_have_yet_to_join() -> None:
    text = "These are the 30 UN members that signed the CCM but have yet to join it as States Parties."
    assert _claims(text) == [(30, MEASURE_SIGNED_NOT_PARTIES)]


# 2. Running totals


def test_the_step_before_a_running_total_is_a_change() -> None:
    text = "Four more states signed the CCM, bringing the total of signatures to 125."
    assert _claims(text) == [(125, MEASURE_SIGNATORIES)]
    assert _unread(text) == [(4, REASON_CHANGE)]


# 3. Shares


def test_n_out_of_m_reads_n_and_sets_m_aside() -> None:
    text = "120 out of 193 countries have ratified the CCM."
    assert _claims(text) == [(120, MEASURE_PARTIES)]
    assert _unread(text) == [(193, REASON_DENOMINATOR)]


def test_n_of_the_m_parties_have_also_joined() -> None:
    # 150 joined the protocol; the whole, "the 190 parties to the Convention", is every party: a claim too
    text = "150 of the 190 parties to the Convention on the Rights of the Child have also joined its Optional Protocol."
    assert _claims(text) == [(150, MEASURE_PARTIES), (190, MEASURE_PARTIES)]
    assert _unread(text) == []


def test_the_whole_of_a_share_told_as_signatories_is_everyone_who_signed() -> None:
    text = "One hundred forty-eight of the 174 signatories have ratified the Chemical Weapons Convention."
    assert _claims(text) == [(148, MEASURE_PARTIES), (174, MEASURE_SIGNATORIES)]
    assert _unread(text) == []


def test_the_whole_of_a_share_of_parties_that_did_something_else_is_every_party() -> None:
    text = (
        "As many as 64 out of the 147 States parties to the Convention against Torture have not accepted it."
    )
    assert _claims(text) == [(147, MEASURE_PARTIES)]
    assert _unread(text) == [(64, REASON_SUBSET)]
    # those who did something else, counted on their own, are still a subset
    assert _unread(
        "Representatives of the 120 States Parties to the Convention against Torture attended."
    ) == [(120, REASON_SUBSET)]


def test_n_of_the_m_of_a_group_is_a_subset() -> None:
    text = "Two of the five permanent members have ratified the CTBT."
    assert _claims(text) == []
    assert _unread(text) == [(2, REASON_SUBSET), (5, REASON_SUBSET)]


def test_in_all_n_of_m_have_acted_then_the_split() -> None:
    text = "In all 80 of 197 states have acted on the CCM: 50 have ratified and 30 have signed."
    assert _claims(text) == [(50, MEASURE_PARTIES), (30, MEASURE_SIGNED_NOT_PARTIES)]
    assert _unread(text) == [(80, REASON_TOTAL), (197, REASON_DENOMINATOR)]


# 4. Measures


def test_few_signatories_before_many_parties_signed_without_ratifying() -> None:
    text = "The CCM has two signatories, and 170 countries have ratified it."
    assert _claims(text) == [(2, MEASURE_SIGNED_NOT_PARTIES), (170, MEASURE_PARTIES)]


def test_more_signatories_after_ratifications_are_everyone_who_signed() -> None:
    text = "There are 40 ratifications and 100 signatories to the CCM."
    assert _claims(text) == [(40, MEASURE_PARTIES), (100, MEASURE_SIGNATORIES)]


def test_fewer_signatories_after_parties_signed_without_ratifying() -> None:
    assert _claims("The CCM has 173 States Parties and 7 signatories.") == [
        (173, MEASURE_PARTIES),
        (7, MEASURE_SIGNED_NOT_PARTIES),
    ]


# 5. Protocol or parent


def test_optional_protocol_to_the_united_nations_convention_is_the_protocol() -> None:
    [c] = _read(
        "The Optional Protocol to the United Nations Convention against Torture is binding on 50 States."
    ).claims
    assert (c.figure, c.measure, c.mtdsg_no) == (50, MEASURE_PARTIES, "IV-9-b")


def test_five_signed_the_optional_protocol_bringing_signatories_to_70() -> None:
    text = (
        "Five states signed the Optional Protocol to the Convention against Torture, bringing the number "
        "of signatories to 70."
    )
    reading = _read(text)
    assert [(c.figure, c.measure, c.mtdsg_no) for c in reading.claims] == [
        (70, MEASURE_SIGNATORIES, "IV-9-b")
    ]
    assert [(u.figure, u.reason) for u in reading.unread] == [(5, REASON_CHANGE)]


# 6. Dates


def test_on_that_day_points_back_to_the_day_told() -> None:
    text = "The CCM opened for signature on 10 March 2001. Forty states signed it on that day."
    [c] = _read(text, written_on=None).claims
    assert (c.figure, c.claimed_on) == (40, date(2001, 3, 10))


def test_a_heading_with_the_adoption_date_is_not_a_dateline() -> None:
    text = (
        "Convention against Torture\n10 Dec 1984\n\nThe Committee met in 2019. Today 150 states are party to "
        "the Convention against Torture.\n"
    )
    assert find_byline(text) is None
    [c] = _read(text, written_on=None).claims
    assert c.claimed_on is None


def test_a_dateline_that_goes_on_to_name_the_treaty_is_still_a_dateline() -> None:
    text = "Geneva, 22 March 2018 - The Convention against Torture now has 150 parties, up from 2008.\n"
    byline = find_byline(text)
    assert byline is not None and byline.on == date(2018, 3, 22)


def test_a_day_and_month_without_a_year_take_the_text_year() -> None:
    text = "As of March 26, 17 countries have ratified the Convention on the Rights of Persons with Disabilities."
    [c] = _read(text, written_on=date(2008, 5, 1)).claims
    assert (c.figure, c.claimed_on, c.date_source) == (17, date(2008, 3, 26), "sentence")


def test_a_dateline_without_a_year_takes_the_latest_year_the_text_names() -> None:
    text = "Geneva, 5 May - The CCM, adopted in 2008, has 40 parties. In 2009 more states joined.\n"
    byline = find_byline(text)
    assert byline is not None and byline.on == date(2009, 5, 5)


def test_a_day_and_month_take_the_year_of_the_date_before_them() -> None:
    dates = find_dates("The report of 2 March 2011 was read. On 5 April, 20 states had ratified.")
    assert [d.on for d in dates] == [date(2011, 3, 2), date(2011, 4, 5)]


# 7. Not claims


def test_yearly_changes_are_not_claims() -> None:
    text = "Since last year, four States have signed the CCM and nine have ratified it."
    assert _claims(text) == []
    assert _unread(text) == [(4, REASON_CHANGE), (9, REASON_CHANGE)]


def test_a_total_told_in_a_sentence_of_changes_is_a_claim() -> None:
    text = "In the past year five states joined the CCM, bringing the total to 150 states parties."
    assert _claims(text) == [(150, MEASURE_PARTIES)]
    assert _unread(text) == [(5, REASON_CHANGE)]
    assert _claims("As of last year, 150 states had ratified the CCM.") == [(150, MEASURE_PARTIES)]


def test_a_group_named_first_makes_its_counts_subsets() -> None:
    text = "Of the 44 Annex 2 States, 40 have signed the CTBT and 33 have ratified it."
    assert _claims(text) == []
    assert _unread(text) == [(44, REASON_SUBSET), (40, REASON_SUBSET), (33, REASON_SUBSET)]


def test_a_group_before_the_noun_and_the_bare_count_after_it_are_subsets() -> None:
    text = "12 EU states have ratified the CCM, and 9 have ratified its Protocol."
    assert _claims(text) == []
    assert _unread(text) == [(12, REASON_SUBSET), (9, REASON_SUBSET)]


def test_a_number_inside_a_name_is_not_a_count() -> None:
    assert _read("Annex 2 States have signed the CTBT.") == Reading((), ())


def test_of_the_193_member_states_is_the_whole_world() -> None:
    assert _claims("Of the 193 UN member states, 150 have ratified the CCM.") == [(150, MEASURE_PARTIES)]


# 8. Never a silent drop


def test_every_number_in_a_sentence_about_a_treaty_is_read_or_listed() -> None:
    reading = _read("In 51 of those member states, the CCM was ratified; 12 others are thinking about it.")
    assert {u.figure for u in reading.unread} | {c.figure for c in reading.claims} == {51, 12}
    assert all(u.reason and u.sentence and u.line == 1 for u in reading.unread)


def test_numbers_that_name_or_date_are_not_listed() -> None:
    text = "Article 5 of the CCM, adopted on 30 May 2008, has been ratified by 100 states aged 18 years.[2]"
    reading = _read(text)
    assert [c.figure for c in reading.claims] == [100]
    assert reading.unread == ()


def test_a_sentence_about_nothing_treaty_like_lists_nothing() -> None:
    assert _read("The 12 apostles ate 5 loaves in 2 hours.") == Reading((), ())


def test_the_nth_state_to_ratify_is_a_count_not_a_threshold() -> None:
    [c] = _read(
        "On 12 October 2015 Angola became the 160th State to ratify the Convention against Torture."
    ).claims
    assert (c.figure, c.measure, c.kind, c.claimed_on) == (160, MEASURE_PARTIES, "count", date(2015, 10, 12))
    # Under ten, only the order of a named state's consent is a count (the eval conventions give "which
    # consent a state's was" a row); no state named, or a signature (the record cannot order one day's
    # signatures), is no claim.
    assert [(c.figure, c.measure) for c in _read("Chile was the first state to ratify the CCM.").claims] == [
        (1, MEASURE_PARTIES)
    ]
    assert _read("The first state to ratify the CCM was welcomed.").claims == ()
    assert _read("Chile was the first state to sign the CCM.").claims == ()


def test_others_that_signed_after_a_count_of_parties_signed_without_ratifying() -> None:
    text = "As of 1 January 2020, 110 states had ratified the CCM, while 13 others had signed it."
    assert _claims(text) == [(110, MEASURE_PARTIES), (13, MEASURE_SIGNED_NOT_PARTIES)]


def test_a_year_after_adoption_does_not_date_a_claim() -> None:
    [c] = _read("Since its adoption in 1997, 164 countries have joined the CCM.").claims
    assert (c.figure, c.claimed_on) == (164, WRITTEN)


def test_of_the_states_that_signed_is_the_whole_not_a_group() -> None:
    text = "Of the 120 states that have signed the CCM, 100 have ratified it."
    assert _claims(text) == [(120, MEASURE_SIGNATORIES), (100, MEASURE_PARTIES)]


def test_its_twentieth_ratification_is_a_threshold() -> None:
    [c] = _read("The CCM received its 20th ratification and entered into force six months later.").claims
    assert (c.figure, c.kind) == (20, KIND_THRESHOLD)


def test_unread_reasons_from_the_words_after_the_number() -> None:
    assert _unread("Currently, 97 States are party to the CCM, 30 of which are African.") == [
        (30, REASON_SUBSET)
    ]
    text = "A total of 35 countries have now ratified the CCM, five more than the 30 needed for it to enter into force."
    assert (30, "threshold") in _unread(text)


def test_the_nth_state_party_is_a_count() -> None:
    [c] = _read(
        "On 5 June 2011 Tunisia became the 150th State Party to the Convention against Torture."
    ).claims
    assert (c.figure, c.measure, c.kind, c.claimed_on) == (150, MEASURE_PARTIES, "count", date(2011, 6, 5))


def test_infobox_rows_of_signatures_and_state_parties() -> None:
    reading = _read("Convention on Cluster Munitions\nSignatures: 108\nState Parties: 112\n", written_on=None)
    assert [(c.figure, c.measure, c.source) for c in reading.claims] == [
        (108, MEASURE_SIGNATORIES, "infobox"),
        (112, MEASURE_PARTIES, "infobox"),
    ]


def test_the_m_of_ratified_by_n_of_the_m_states_is_a_denominator() -> None:
    text = "The CCM has been ratified by 150 of the 193 member states."
    assert _claims(text) == [(150, MEASURE_PARTIES)]
    assert _unread(text) == [(193, REASON_DENOMINATOR)]


def test_the_nth_state_party_that_brought_entry_into_force_is_a_threshold() -> None:
    text = "Following ratification by the 20th state party, the Convention against Torture came into force."
    [c] = _read(text).claims
    assert (c.figure, c.kind) == (20, KIND_THRESHOLD)


def test_a_status_line_of_parties_and_one_signatory() -> None:
    assert _claims("The CCM. Status: 186 parties; 1 signatory (as of 1 March 2024).") == [
        (186, MEASURE_PARTIES),
        (1, MEASURE_SIGNED_NOT_PARTIES),
    ]
    assert _claims("Convention on Cluster Munitions\nNumber of States Parties: 164\n") == [
        (164, MEASURE_PARTIES)
    ]
