"""Twenty-sixth pass (issue 21). One test per rule, on hand-written sentences of the shapes real texts
from hosts outside the evaluation set took (a probe of strangers' prose, read for its shapes only)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.frames import read_counts
from tests.claims.readers import checks as _checks
from tests.claims.readers import counts as _counts
from tests.claims.readers import report as _report
from tests.claims.readers import unread as _unread


def test_the_number_of_states_bound_by_or_party_to_a_treaty_is_a_count_of_its_parties() -> None:
    for said in (
        "The number of States bound by the Convention now stands at 150.",
        "The number of States party to the Convention is 150.",
        "The number of countries that are party to the Convention reached 150 in 2014.",
    ):
        assert _counts(said) == [(150, "parties")], said
    # the number of states still to be bound is no count of those bound
    assert _counts("The number of States bound by the Convention could rise to 150.") == []


def test_the_other_states_that_have_ratified_are_the_whole_but_the_state_told_beside_them(
    eval_db: Path,
) -> None:
    for said in (
        "Like the 102 other countries that have ratified the ICCPR, Chile must report every five years.",
        "Along with the 102 other countries worldwide that have ratified the ICCPR, Chile will report.",
    ):
        report = _report(eval_db, said, date(1992, 6, 1))
        assert [(k.claim.figure, k.claim.measure, k.mtdsg_no, k.claim.left_out) for k in report.checks] == [
            (102, "parties", "IV-4", "CHL")
        ], said
    # "the other two major countries in Asia" is still a group, no count of the treaty
    asia = "Like the 12 other countries in Asia that have ratified the ICCPR, Chile must report."
    assert _checks(eval_db, asia, date(1992, 6, 1)) == []
    assert [figure for figure, _ in _unread(eval_db, asia, date(1992, 6, 1))] == [12]


def test_the_nth_state_whose_consent_brought_the_treaty_in_is_a_threshold() -> None:
    for said in (
        "CEDAW entered into force on September 3, 1981, after the twentieth country had ratified it.",
        "CEDAW entered into force on September 3, 1981, when the twentieth State ratified it.",
    ):
        assert [(c.figure, c.kind) for c in read_counts(said)[0]] == [(20, "threshold")], said
    # without words of entry into force, the Nth country is a count on the day told
    assert [(c.figure, c.kind) for c in read_counts("In 1981, the twentieth country ratified CEDAW.")[0]] == [
        (20, "count")
    ]


def test_treaties_deposited_elsewhere_that_strangers_name_beside_the_uns_are_listed_unread(
    eval_db: Path,
) -> None:
    for said, figure in (
        (
            "ILO Convention No. 182 on the worst forms of child labour has been ratified by 187 countries.",
            187,
        ),
        ("The Convention on the Physical Protection of Nuclear Material has 164 parties.", 164),
        ("To date, only five countries have ratified the African Disability Protocol (ADP).", 5),
        ("The Marrakesh Treaty has been ratified by 90 countries.", 90),
    ):
        text = f"The Convention on the Rights of the Child is almost universally ratified. {said}"
        assert _checks(eval_db, text, date(2020, 1, 1)) == [], said
        assert _unread(eval_db, text, date(2020, 1, 1)) == [(figure, "treaty outside the UN collection")], (
            said
        )


def test_those_signed_by_another_n_beside_the_parties_signed_only(eval_db: Path) -> None:
    said = "The Convention on Enforced Disappearance has been ratified by 43 states and signed by another 50 countries."
    assert _checks(eval_db, said, date(2012, 1, 1)) == [
        (43, "parties", "IV-16", "2012-01-01"),
        (50, "signed_not_party", "IV-16", "2012-01-01"),
    ]
    # "another 5 signed it" told as the day's step is still a change
    step = "Ten states ratified the Convention on Enforced Disappearance on Monday, and another 5 signed it."
    assert _checks(eval_db, step, date(2012, 1, 1)) == []


def test_a_share_of_a_whole_told_with_its_owner_is_no_count_of_the_treaty(eval_db: Path) -> None:
    said = "Currently, only 16 of the EU's 27 member states have ratified the Convention on Enforced Disappearance."
    assert _checks(eval_db, said, date(2012, 1, 1)) == []
    assert _unread(eval_db, said, date(2012, 1, 1)) == [(16, "subset"), (27, "denominator")]


def test_a_day_without_its_year_told_as_the_future_in_the_past_is_not_last_years(eval_db: Path) -> None:
    said = (
        "On 2 January, the State of Palestine deposited its instrument of accession to the Chemical Weapons "
        "Convention. It was to become the 193rd state party on 28 January."
    )
    assert _checks(eval_db, said, date(2018, 1, 16)) == [(193, "parties", "XXVI-3", "2018-01-16")]


def test_a_meetings_day_and_place_on_a_line_of_their_own_at_the_head_date_the_text(eval_db: Path) -> None:
    head = "Key Findings of the Roundtable\n\nTuesday, 30 April 2019, Palais des Nations, Geneva, Switzerland\n\n"
    said = "So far, 44 States have ratified the Optional Protocol on a communications procedure."
    assert _checks(eval_db, head + said) == [(44, "parties", "IV-11-d", "2019-04-30")]
    # a treaty's title with its adoption day and place is no dateline
    title = "Convention against Torture\n10 December 1984, New York\n\nToday, 170 States have ratified it."
    assert _checks(eval_db, title) == [(170, "parties", "IV-9", None)]


def test_states_parties_run_together_are_still_parties() -> None:
    assert _counts("To date, 164 stateparties have joined this convention.") == [(164, "parties")]


def test_a_weapon_banned_by_n_countries_in_a_text_about_its_ban_counts_the_parties(eval_db: Path) -> None:
    said = "Cluster bombs have been banned by over 100 countries due to the risk they pose to civilians."
    assert _checks(eval_db, said, date(2020, 1, 1)) == [(100, "parties", "XXVI-6", "2020-01-01")]
    weapons = "Germany and over 100 other countries have signed an agreement to ban cluster weapons."
    assert [(f, m, t) for f, m, t, _ in _checks(eval_db, weapons)] == [(100, "signatories", "XXVI-6")]
    # a practice banned by each state's law is no count of a treaty's parties, even in a text about one
    crc = "The Convention on the Rights of the Child is widely ratified. Corporal punishment has been banned by 60 countries."
    assert _checks(eval_db, crc, date(2020, 1, 1)) == []
    assert _checks(eval_db, "Smoking in bars has been banned by over 100 countries.", date(2020, 1, 1)) == []


def test_the_first_entity_to_ratify_is_not_dropped(eval_db: Path) -> None:
    said = (
        "The Treaty on the Prohibition of Nuclear Weapons entered into force in 2021. "
        "The Holy See was the first entity to sign and ratify this U.N. Treaty."
    )
    # listed unread when this pass was written; since the thirty-third, read: the Holy See's ratification
    assert _checks(eval_db, said) == [(1, "parties", "XXVI-9", "2017-09-20")]


def test_since_then_after_the_entry_into_force_counts_everyone_even_after_a_closed_quote(
    eval_db: Path,
) -> None:
    said = (
        "'The Convention on the Rights of Persons with Disabilities entered into force in 2008.' "
        "Since then, 177 countries have ratified it, but not the United States."
    )
    assert _checks(eval_db, said) == [(177, "parties", "IV-15", None)]


def test_an_adoption_told_in_the_past_is_no_count_the_record_reads(eval_db: Path) -> None:
    said = "The Convention on Cluster Munitions was adopted in Dublin by 107 states on May 30th, 2008."
    assert _checks(eval_db, said, date(2010, 7, 19)) == []


def test_the_number_of_the_states_parties_rose_from_a_start_to_a_total() -> None:
    said = "The number of the States Parties to the Convention has risen from about 20 at the initial stage to 94 by now."
    assert _counts(said) == [(94, "parties")]


def test_a_day_told_in_a_relative_clause_before_the_count_dates_that_clause(eval_db: Path) -> None:
    said = "China, which announced its plans in September, becomes the 107th party to the Arms Trade Treaty."
    assert _checks(eval_db, said, date(2020, 7, 6)) == [(107, "parties", "XXVI-8", "2020-07-06")]


def test_initially_may_stand_between_a_count_and_its_verb() -> None:
    assert _counts("64 states initially signed the Convention in 1980.") == [(64, "signatories")]


def test_delegates_gathered_from_parties_and_signatories_are_those_present(eval_db: Path) -> None:
    said = (
        "The Meeting of the Convention on Cluster Munitions gathered more than 1000 delegates from 52 States "
        "parties, 38 signatory states, 41 observers and 15 international organizations."
    )
    assert _checks(eval_db, said, date(2010, 11, 12)) == []
    assert [(f, r) for f, r in _unread(eval_db, said, date(2010, 11, 12)) if f in (52, 38)] == [
        (52, "subset"),
        (38, "subset"),
    ]
    # the representatives of the states that signed are those states
    signed = "Representatives from 60 countries signed the Arms Trade Treaty in New York on Monday."
    assert [(f, m) for f, m, _, _ in _checks(eval_db, signed, date(2013, 6, 3))] == [(60, "signatories")]


def test_signatories_still_doing_something_else_are_a_group(eval_db: Path) -> None:
    said = (
        "We found that 79 signatory countries to the Convention against Torture are still practising torture."
    )
    assert _checks(eval_db, said, date(2015, 6, 9)) == []
    assert _unread(eval_db, said, date(2015, 6, 9)) == [(79, "subset")]
    # "still ... who have not ratified" is a count of those who signed only
    six = "There are still six signatories who have not ratified the Covenant on Civil and Political Rights."
    assert [(f, m) for f, m, _, _ in _checks(eval_db, six)] == [(6, "signed_not_party")]


def test_a_note_mark_glued_to_its_word_is_no_figure(eval_db: Path) -> None:
    said = "In all, 12 member States(1) have ratified the Migrant Workers Convention."
    assert [(f, m) for f, m, _, _ in _checks(eval_db, said)] == [(12, "parties")]
    assert _unread(eval_db, said) == []


def test_an_ilo_convention_told_by_its_number_is_outside_the_un_collection(eval_db: Path) -> None:
    said = (
        "The Migrant Workers Convention has few parties. Convention No. 97 has garnered 41 ratifications, "
        "and Convention No. 143 only 18."
    )
    assert _checks(eval_db, said) == []
    assert (41, "treaty outside the UN collection") in _unread(eval_db, said)


def test_on_its_opening_day_opening_the_sentence_dates_its_signatures_by_the_record(eval_db: Path) -> None:
    said = (
        "The CRPD was opened for signature in 2007. On its opening day, the Convention was signed by 82 "
        "countries and 44 countries signed the Optional Protocol."
    )
    assert _checks(eval_db, said) == [
        (82, "signatories", "IV-15", "2007-03-30"),
        (44, "signatories", "IV-15-a", "2007-03-30"),
    ]


def test_over_time_may_stand_between_a_participle_and_its_agent() -> None:
    assert _counts("The Convention, signed over time by 130 countries of the world, says so.") == [
        (130, "signatories")
    ]


def test_the_treatys_story_told_after_a_count_does_not_make_it_the_threshold(eval_db: Path) -> None:
    said = (
        "Indonesia is one of 50 signatories to the Treaty on the Prohibition of Nuclear Weapons, which was "
        "first adopted on July 7, 2017, and entered into force on Jan. 22, 2021."
    )
    assert [(c.claim.figure, c.claim.kind) for c in _report(eval_db, said).checks] == [(50, "count")]
    # what the count did is still told in a relative clause
    did = (
        "The news that thirty countries have now ratified the Convention on Cluster Munitions, which will "
        "result in its becoming binding international law, is good news."
    )
    assert [(c.claim.figure, c.claim.kind) for c in _report(eval_db, did).checks] == [(30, "threshold")]


def test_states_parties_written_with_a_possessives_mark_are_parties() -> None:
    said = "With 86 signatories and 54 states' parties currently, the Treaty entered into force in January."
    assert _counts(said) == [(86, "signatories"), (54, "parties")]


def test_entry_into_force_after_it_has_been_signed_by_n_is_a_threshold() -> None:
    said = "The treaty will take effect 90 days after it has been signed by at least 50 countries."
    assert [(c.figure, c.kind) for c in read_counts(said)[0]] == [(50, "threshold")]
    # signed by so many, with no word of entry into force, is a count
    filed = "After it was signed by 50 countries, it was filed."
    assert [(c.figure, c.kind) for c in read_counts(filed)[0]] == [(50, "count")]


def test_countries_and_territories_are_states() -> None:
    said = (
        "More than 160 countries and territories are signatories to the Ottawa Convention, including Ukraine."
    )
    assert _counts(said) == [(160, "signatories")]


def test_a_weapons_name_in_the_singular_names_its_ban(eval_db: Path) -> None:
    said = "Cluster munition is not banned everywhere. To date 123 states have joined the convention."
    assert [(f, t) for f, _, t, _ in _checks(eval_db, said, date(2017, 9, 20))] == [(123, "XXVI-6")]


def test_days_told_in_asides_do_not_date_a_count_told_in_the_simple_past(eval_db: Path) -> None:
    said = (
        "The CTBT, adopted by the UN General Assembly on September 10, 1996, was signed by 185 countries, "
        "including Russia, which ratified it on June 30, 2000."
    )
    # (185 against the record's 183 that day: judged, not set aside as a figure far from a day of 1996)
    assert _checks(eval_db, said, date(2017, 9, 20)) == [(185, "signatories", "XXVI-4", "2017-09-20")]
    # the day of the signing told with the count still dates it
    oslo = "The Convention on Cluster Munitions was signed by 94 states in Oslo on 3 December 2008."
    assert _checks(eval_db, oslo, date(2017, 9, 20)) == [(94, "signatories", "XXVI-6", "2008-12-03")]


def test_a_weapons_ban_is_the_treaty_its_sentence_names_by_its_weapon(eval_db: Path) -> None:
    said = (
        "Cluster bombs have been banned by over 100 countries. Like many others, Chile has ratified the "
        "International Covenant on Civil and Political Rights."
    )
    assert [(f, t) for f, _, t, _ in _checks(eval_db, said, date(2020, 1, 1))] == [(100, "XXVI-6")]
