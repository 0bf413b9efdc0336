"""Twenty-seventh pass (issue 21). One test per rule, on hand-written sentences of the shapes real texts
from hosts (and public repositories) outside the evaluation set took: rounds 4 to 6 of the probes of
strangers' prose (exam notes, legal writing, timelines, opinion pieces, states' own accession news, the
treaties quoted least, repositories), read for their shapes only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.frames import read_counts
from tests.claims.readers import checks as _checks
from tests.claims.readers import counts as _counts
from tests.claims.readers import report as _report
from tests.claims.readers import unread as _unread


def test_a_day_written_month_first_of_that_year_takes_the_year_told_before(eval_db: Path) -> None:
    for said in (
        "The Ottawa Treaty was negotiated in 1997 and was signed by 122 countries on December 3 of that year.",
        "The Ottawa Treaty was negotiated in 1997 and was signed by 122 countries on 3 December of that year.",
        "The Ottawa Treaty was negotiated in 1997 and was signed by 122 countries on December 3rd of the same year.",
    ):
        assert _checks(eval_db, said) == [(122, "signatories", "XXVI-5", "1997-12-03")], said
    # a month without its day is still the year's (the day is not made up)
    said = (
        "The Ottawa Treaty was negotiated in 1997 and was signed by 122 countries in December of that year."
    )
    assert _checks(eval_db, said) == [(122, "signatories", "XXVI-5", "1997-12-31")]


def test_a_state_named_as_a_place_does_not_date_a_running_total_by_its_own_acts(eval_db: Path) -> None:
    said = (
        "The Ottawa Treaty was signed by 122 countries in Ottawa, Canada, in December 1997. Since then, an "
        "additional 33 countries have ratified the treaty, bringing the total number of parties to 164."
    )
    # Canada is where the treaty was signed: the total is not of the day of Canada's act (1997-12-03), and the
    # text has no date of its own
    assert _checks(eval_db, said)[1:] == [(164, "parties", "XXVI-5", None)]
    # a state told as the one that acted still dates it
    acted = "Canada ratified the Ottawa Treaty in December 1997, bringing the total number of parties to 3."
    assert _checks(eval_db, acted) == [(3, "parties", "XXVI-5", "1997-12-03")]


def test_the_nth_united_nations_member_state_to_ratify_is_the_nth_party() -> None:
    for said in (
        "Saint Lucia became the 181st United Nations Member State to ratify the Convention.",
        "Saint Lucia became the 181st UN Member State to ratify the Convention.",
        "Saint Lucia became the 181st U.N. member state to ratify the Convention.",
    ):
        assert [(c.figure, c.measure) for c in read_counts(said)[0]] == [(181, "parties")], said


def test_a_count_in_brackets_after_the_greatest_number_of_states_is_read() -> None:
    said = "The Convention has been ratified by the greatest number of nations (196) in the UN's history."
    assert _counts(said) == [(196, "parties")]
    assert _counts("The Convention has been signed by the largest number of countries (140) so far.") == [
        (140, "signatories")
    ]
    # a number in brackets after other words is not the count
    assert _counts("The Convention has been ratified by the greatest number of nations (see note 3).") == []


def test_the_states_of_the_world_are_all_of_them_not_a_group() -> None:
    said = "And 193 States of the world are parties to the Convention on the Rights of the Child."
    assert _counts(said) == [(193, "parties")]
    assert _counts("193 States of the globe have ratified the Convention.") == [(193, "parties")]


def test_last_and_a_month_is_the_last_such_month_before_the_text(eval_db: Path) -> None:
    said = "Last December, 122 countries signed the Ottawa Treaty."
    for written_on, day in (
        (date(1998, 6, 1), "1997-12-31"),
        # a text of December: last December is a year before, not this month
        (date(1998, 12, 20), "1997-12-31"),
    ):
        assert _checks(eval_db, said, written_on) == [(122, "signatories", "XXVI-5", day)], written_on
    # last March in a text of June is this year's
    assert _checks(eval_db, "Last March, 122 countries signed the Ottawa Treaty.", date(1998, 6, 1)) == [
        (122, "signatories", "XXVI-5", "1998-03-31")
    ]


def test_an_aside_between_dashes_inside_the_verb_keeps_the_count(eval_db: Path) -> None:
    said = "More than 50 countries have now – as of last week – ratified the Arms Trade Treaty."
    assert _counts(said) == [(50, "parties")]
    # a count told beside the entry into force, in the present perfect, is no threshold (aside or not)
    said = (
        "More than 50 countries have now – as of late last week – ratified the Arms Trade Treaty, which will "
        "come into force on December 24, 2014."
    )
    assert [(k.claim.figure, k.claim.kind) for k in _report(eval_db, said, date(2014, 10, 1)).checks] == [
        (50, "count")
    ]


def test_a_count_of_parties_told_on_the_opening_day_takes_the_first_signature_day(eval_db: Path) -> None:
    said = (
        "The Convention on the Rights of Persons with Disabilities was opened for signature in March 2007. On "
        "its opening day, 82 signatories to the Convention and 1 ratification of the Convention were recorded."
    )
    assert _checks(eval_db, said) == [
        (82, "signatories", "IV-15", "2007-03-30"),
        (1, "parties", "IV-15", "2007-03-30"),
    ]
    # a count of parties told without the opening day leading its sentence keeps no day
    said = "The Convention on the Rights of Persons with Disabilities now has 1 ratification."
    assert _checks(eval_db, said) == [(1, "parties", "IV-15", None)]


def test_have_done_this_points_back_to_the_act_told_before() -> None:
    said = "To come into force, 50 states must ratify the Arms Trade Treaty. But only 31 countries have done this."
    assert _counts(said) == [(31, "parties")]
    # "this" with a noun of its own is another act
    assert _counts("Only 31 countries have done this kind of reform.") == []


def test_a_treaty_named_as_the_measure_of_another_is_not_what_the_treaty_points_to(eval_db: Path) -> None:
    said = (
        "The UN General Assembly adopted a landmark treaty to regulate the conventional arms trade. The first "
        "major arms accord since the Comprehensive Test Ban Treaty of 1996, it will cover tanks and missiles.\n"
        "By now, 40 countries have ratified the treaty."
    )
    assert [(figure, treaty) for figure, _, treaty, _ in _checks(eval_db, said)] == [(40, "XXVI-8")]
    # named as the subject, the same treaty is what "the treaty" points to
    said = (
        "The Comprehensive Test Ban Treaty was adopted in 1996, a major step.\n"
        "By now, 40 countries have ratified the treaty."
    )
    assert [(figure, treaty) for figure, _, treaty, _ in _checks(eval_db, said)] == [(40, "XXVI-4")]


def test_have_joined_in_takes_the_act_told_before() -> None:
    said = "The Convention on Cluster Munitions was signed in Oslo this month, and more than 100 countries have joined in."
    assert _counts(said) == [(100, "signatories")]
    # joined without "in" is joining
    assert _counts("More than 100 countries have joined the Convention on Cluster Munitions.") == [
        (100, "parties")
    ]


def test_a_second_place_told_beside_a_regional_first_is_read(eval_db: Path) -> None:
    said = (
        "Vietnam was the first country in Asia and the second in the world to ratify the Convention on the "
        "Rights of the Child in 1990."
    )
    assert _checks(eval_db, said) == [(2, "parties", "IV-11", "1990-02-28")]
    # "and the second" followed by anything else is no place
    assert (
        _checks(eval_db, "Vietnam was the first country in Asia and the second largest to ratify the CRC.")
        == []
    )


def test_ratified_in_n_countries_is_ratified_by_them() -> None:
    assert _counts("The CEDAW has been ratified in 186 countries.") == [(186, "parties")]
    assert _counts("The CEDAW has been signed in 98 countries.") == [(98, "signatories")]
    # a year after "in" is a date, not the count
    assert _counts("The CEDAW was ratified in 1981 by 20 countries.") == [(20, "parties")]


def test_a_gloss_in_brackets_between_the_verb_and_its_agent_keeps_the_count() -> None:
    said = "The CRPD has been signed by 164 countries and ratified (or made legally binding) by 180."
    assert _counts(said) == [(164, "signatories"), (180, "parties")]
    # a bracket too long to be a gloss is another sentence's matter
    said = "The CRPD was ratified (after a long debate in its parliament, which lasted for two years) by 180."
    assert _counts(said) == []


def test_a_goals_date_behind_by_never_dates_a_count(eval_db: Path) -> None:
    said = (
        "The ITU's plan calls upon all countries to create an accessible ICT environment by 2023. According "
        "to the UN numbers, 96 countries ratified the Optional Protocol to the Convention on the Rights of "
        "Persons with Disabilities."
    )
    assert _checks(eval_db, said) == [(96, "parties", "IV-15-a", None)]
    # a status date behind "by" still dates it
    said = (
        "By 2023, 96 countries had ratified the Optional Protocol to the Convention on the Rights of Persons "
        "with Disabilities."
    )
    assert _checks(eval_db, said) == [(96, "parties", "IV-15-a", "2023-12-31")]


def test_a_count_of_states_that_joined_several_treaties_is_listed_unread(eval_db: Path) -> None:
    for said in (
        "Only 15 countries have ratified all nine core treaties, including the ICCPR.",
        "Some 60 countries have ratified both Optional Protocols to the Convention on the Rights of the Child.",
        "The Migrant Workers Convention and the ILO conventions exist, but fewer than 50 nations have ratified them.",
    ):
        assert _checks(eval_db, said) == [], said
        assert "several treaties" in [reason for _, reason in _unread(eval_db, said)], said
    # one treaty's count, its protocol's too, are counts
    assert _checks(eval_db, "173 countries have ratified its Optional Protocol, the ICCPR's.") == [
        (173, "parties", "IV-5", None)
    ]


def test_a_day_told_in_an_aside_between_dashes_does_not_date_the_count(eval_db: Path) -> None:
    said = (
        "A total of 112 states—including South Sudan, the last country to accede to the convention in August "
        "2023—are party to the Convention on Cluster Munitions."
    )
    assert _checks(eval_db, said, date(2024, 9, 1)) == [(112, "parties", "XXVI-6", "2024-09-01")]
    # a status date between dashes is the count's
    said = "A total of 112 states — as of August 2023 — are party to the Convention on Cluster Munitions."
    assert _checks(eval_db, said, date(2024, 9, 1)) == [(112, "parties", "XXVI-6", "2023-08-31")]


def test_ohchrs_codes_name_the_optional_protocols(eval_db: Path) -> None:
    said = "The CRPD-OP has been ratified by 90 states, the CAT-OP by 80 and the CRC-OP-SC by 170."
    assert [(figure, treaty) for figure, _, treaty, _ in _checks(eval_db, said)] == [
        (90, "IV-15-a"),
        (80, "IV-9-b"),
        (170, "IV-11-c"),
    ]


def test_a_sentence_that_opens_with_its_region_counts_a_group(eval_db: Path) -> None:
    said = "In West Africa, the Convention against Torture has been ratified by 14 countries."
    assert _checks(eval_db, said) == []
    assert [figure for figure, reason in _unread(eval_db, said) if reason == "subset"] == [14]
    # a year opening the sentence is a date, not a region
    said = "In 2010, 147 states had ratified the Convention against Torture."
    assert _checks(eval_db, said) == [(147, "parties", "IV-9", "2010-12-31")]


def test_will_join_n_other_countries_in_doing_it_counts_those_who_did(eval_db: Path) -> None:
    said = (
        "Upon ratification, the United States will join more than 114 other countries in committing "
        "themselves to the Convention on the Rights of Persons with Disabilities."
    )
    assert _checks(eval_db, said, date(2012, 7, 1)) == [(114, "parties", "IV-15", "2012-07-01")]
    # what they would do is still a condition
    said = "If the Senate agrees, 40 more countries will ratify the Convention on the Rights of Persons with Disabilities."
    assert _checks(eval_db, said, date(2012, 7, 1)) == []


def test_those_who_signed_a_letter_are_no_signatories_of_the_treaty(eval_db: Path) -> None:
    for said in (
        "Leaders from 84 UN nations have signed a letter calling for the Treaty on the Prohibition of Nuclear Weapons.",
        "In 2019, 70 countries signed a joint statement in support of the Arms Trade Treaty.",
    ):
        assert _checks(eval_db, said) == [], said
    said = "By 2018, 70 countries had signed the Treaty on the Prohibition of Nuclear Weapons."
    assert _checks(eval_db, said) == [(70, "signatories", "XXVI-9", "2018-12-31")]


def test_n_other_countries_after_a_list_of_states_leaves_them_all_out(eval_db: Path) -> None:
    said = (
        "The United Kingdom, Germany, China and 179 other countries have ratified the Convention on the "
        "Elimination of All Forms of Discrimination against Women."
    )
    report = _report(eval_db, said, date(2006, 4, 3))
    [k] = report.checks
    assert (k.claim.figure, k.claim.left_out, k.figure_then) == (179, "GBR, DEU, CHN", 179)
    assert k.verdict.startswith("correct at its date")
    # one state named keeps its one code
    said = "China and 181 other countries have ratified the Convention on the Elimination of All Forms of Discrimination against Women."
    [k] = _report(eval_db, said, date(2006, 4, 3)).checks
    assert (k.claim.left_out, k.figure_then) == ("CHN", 181)


def test_the_treatys_acronym_between_the_number_and_its_states_parties() -> None:
    assert _counts("There are now 185 CRPD States Parties.") == [(185, "parties")]
    assert _counts("All 185 UNCRPD state parties, including South Africa, are expected to report.") == [
        (185, "parties")
    ]
    # a regional organisation's initials name a group, not the treaty
    assert _counts("The 15 ECOWAS States Parties have ratified the CRPD.") == []


def test_garnered_signatures_from_n_countries_counts_the_signatories() -> None:
    said = "The treaty created institutions to oversee implementation, and garnered signatures from 185 countries."
    assert _counts(said) == [(185, "signatories")]
    assert _counts("The treaty has attracted ratifications from 50 states.") == [(50, "parties")]
