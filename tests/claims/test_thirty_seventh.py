"""Thirty-seventh pass (issue 21). One test per rule, on hand-written sentences of everyday shapes that probes
found unread or misread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.dates import find_dates
from pipeline.claims.model import REASON_NOT_UNDERSTOOD
from tests.claims.readers import byline as _byline
from tests.claims.readers import checks as _checks
from tests.claims.readers import report
from tests.claims.readers import unread as _unread

CCM = "the Convention on Cluster Munitions"


def test_a_share_after_ratified_by_is_no_count_of_states(eval_db: Path) -> None:
    for said in (
        "The ATT has been ratified by nearly 60% of UN members.",
        "The ATT has been ratified by 60 % of UN members.",
        "The ATT has been ratified by 3/5 of UN members.",
        "The ATT has been ratified by roughly 60pc of countries.",
    ):
        assert _checks(eval_db, said + "\n") == [], said
    # the count told beside the share is read
    said = "The ATT has been ratified by nearly 60% of UN members, 110 states.\n"
    assert _checks(eval_db, said) == [(110, "parties", "XXVI-8", None)]
    # "1 in 2 countries" is a share; neither number is a count, both are listed
    said = "The Arms Trade Treaty, ratified by 1 in 2 countries, is in force.\n"
    assert _checks(eval_db, said) == []
    assert sorted(u[0] for u in _unread(eval_db, said)) == [1, 2]


def test_a_bylines_hour_before_its_day_its_source_or_its_issue_give_the_texts_date() -> None:
    for head, on in (
        ("Published: 10:00 GMT, 12 March 2015", date(2015, 3, 12)),
        ("Updated 12:04 PM ET, Thu March 12, 2015", date(2015, 3, 12)),
        ("Originally published March 12, 2015", date(2015, 3, 12)),
        ("Source: Reuters, 12 March 2015", date(2015, 3, 12)),
        ("Geneva (AFP) - March 12, 2015", date(2015, 3, 12)),
        ("Vol. 12, No. 3 (March 2015)", date(2015, 3, 31)),
        ("Issue 45, March 2015", date(2015, 3, 31)),
    ):
        assert _byline(head) == on, head
    # a treaty's day under a label is no byline
    assert _byline("Adopted: 10:00, 12 March 2015") is None


def test_those_of_a_count_who_are_parties_or_full_members_are_the_parties(eval_db: Path) -> None:
    for said, told in (
        (f"{CCM[4:]} has been signed by 123 countries, 110 of which are states parties.", 110),
        (
            f"{CCM[4:]} has now been signed or ratified by 123 countries, 110 of which are full states parties.",
            110,
        ),
        (f"{CCM[4:]} has 123 signatories, of which 110 are full members.", 110),
        (f"{CCM[4:]}, of which 110 states are members, prohibits the weapons.", 110),
        (f"123 states have signed {CCM}; 110 are full states parties.", 110),
    ):
        assert (told, "parties", "XXVI-6", None) in _checks(eval_db, said + "\n"), said
    # members of another body are a part, never the treaty's parties
    said = f"{CCM[4:]} has 110 States Parties, 20 of which are members of the European Union.\n"
    assert _checks(eval_db, said) == [(110, "parties", "XXVI-6", None)]


def test_the_oslo_treaty_is_the_convention_on_cluster_munitions(eval_db: Path) -> None:
    said = "The Oslo treaty has been ratified by 110 states.\n"
    assert _checks(eval_db, said) == [(110, "parties", "XXVI-6", None)]


def test_a_part_of_a_year_dates_a_count_by_its_last_day() -> None:
    for said, on in (
        ("In the first half of 2014, the treaty had 86 States Parties.", date(2014, 6, 30)),
        ("By the third quarter of 2014, 88 states had ratified it.", date(2014, 9, 30)),
        ("As of the end of the first quarter of 2015, it had 90 parties.", date(2015, 3, 31)),
        ("As of Q2 2023, the treaty had 113 States Parties.", date(2023, 6, 30)),
        ("In H2 2014, the treaty had 88 States Parties.", date(2014, 12, 31)),
    ):
        assert [d.on for d in find_dates(said)] == [on], said
    # no such part of a year
    assert find_dates("In the third half of 2014, it had 86 parties.") == []


def test_figures_told_together_after_been_ratified_by_are_one_per_treaty(eval_db: Path) -> None:
    said = (
        "The Convention on the Rights of Persons with Disabilities and its Optional Protocol have been ratified "
        "by 191 and 106 states.\n"
    )
    assert _checks(eval_db, said) == [(191, "parties", "IV-15", None), (106, "parties", "IV-15-a", None)]


def test_a_step_or_a_commitment_told_before_is_the_act_counted(eval_db: Path) -> None:
    for said in (
        f"Chile ratified {CCM} on Monday. To date, 110 states have taken that step.",
        f"Chile ratified {CCM} on Monday. Some 110 states have already made that commitment.",
        f"Chile ratified {CCM} on Monday. 110 countries have since followed.",
    ):
        assert _checks(eval_db, said + "\n") == [(110, "parties", "XXVI-6", None)], said
    # no act told before: the step is no joining
    said = f"{CCM[4:]} bans cluster bombs. To date, 110 states have taken that step.\n"
    assert _checks(eval_db, said) == []


def test_that_number_is_now_counts_what_was_told_before(eval_db: Path) -> None:
    said = f"Chile ratified {CCM} on Monday. That number is now 110.\n"
    assert _checks(eval_db, said) == [(110, "parties", "XXVI-6", None)]
    said = f"{CCM[4:]} bans cluster bombs. That number is now 110.\n"
    assert _checks(eval_db, said) == []


def test_the_day_a_treaty_became_international_law_is_its_event(eval_db: Path) -> None:
    said = (
        "The Mine Ban Treaty became international law on March 1, 1999 following ratification by 40 "
        "countries. With recent ratifications by Ukraine and Haiti, there are now 149 States Parties to the "
        "treaty.\n"
    )
    assert (149, "parties", "XXVI-5", "2006-02-15") in _checks(eval_db, said)
    assert [d.event for d in find_dates("The treaty became legally binding on 1 March 1999.")] == [True]


def test_c_ca_and_approx_before_a_number_qualify_it_and_end_no_sentence(eval_db: Path) -> None:
    for said in (
        f"{CCM[4:]} has been ratified by c. 110 countries.",
        f"{CCM[4:]} has been ratified by ca. 110 countries.",
        f"{CCM[4:]} has approx. 110 States Parties.",
    ):
        found = report(eval_db, said + "\n").checks
        assert [(k.claim.figure, k.claim.comparison) for k in found] == [(110, "~")], said


def test_an_adoption_vote_in_the_next_paragraph_is_no_sister_treatys_count(eval_db: Path) -> None:
    said = (
        f"Since {CCM} entered into force, 23 States Parties have completed stockpile destruction, and 10 "
        "States Parties have cleared contaminated land.\n\nThe Convention was adopted by 107 States in "
        "Dublin on 30 May 2008 and opened for signature in Oslo on 3 December 2008, when 94 States signed it.\n"
    )
    assert _checks(eval_db, said) == [(94, "signatories", "XXVI-6", "2008-12-03")]
    assert (107, REASON_NOT_UNDERSTOOD) in _unread(eval_db, said)
    # a protocol's bare count in the next sentence of the paragraph is still read
    said = "The Convention against Torture has 175 parties. The Optional Protocol has 94.\n"
    assert (94, "parties", "IV-9-b", None) in _checks(eval_db, said)


def test_an_embargo_line_dates_the_release_and_a_day_to_come_dates_no_count(eval_db: Path) -> None:
    assert _byline("Embargoed until 00:01 GMT, 12 March 2015") == date(2015, 3, 12)
    said = (
        "Embargoed until 00:01 GMT, 12 March 2015\n\nThe Fifth Meeting of States Parties to the Convention on "
        "Cluster Munitions will be held from 2 to 5 September 2015, when the 90 States Parties will review "
        "progress.\n"
    )
    assert _checks(eval_db, said) == [(90, "parties", "XXVI-6", "2015-03-12")]


def test_signed_that_december_is_of_the_months_last_day_in_the_year_told_before(eval_db: Path) -> None:
    said = (
        "The Mine Ban Treaty, negotiated in Oslo in 1997 and signed in Ottawa that December by 122 countries, "
        "bans antipersonnel mines.\n"
    )
    assert _checks(eval_db, said) == [(122, "signatories", "XXVI-5", "1997-12-31")]


def test_parties_that_still_have_land_to_clear_are_a_part(eval_db: Path) -> None:
    said = "More than 30 states parties to the Mine Ban Treaty still have land to clear.\n"
    assert _checks(eval_db, said) == []
    assert (30, "subset") in _unread(eval_db, said)


def test_by_which_time_after_an_entry_into_force_is_its_day(eval_db: Path) -> None:
    cwc = "The Chemical Weapons Convention entered into force"
    for said in (
        f"{cwc} on 29 April 1997, by which time 87 states had ratified it.",
        f"{cwc} in April 1997, by which time 87 states had ratified it.",
        f"{cwc} in 1997, at which point 87 states had ratified it.",
    ):
        assert _checks(eval_db, said + "\n") == [(87, "parties", "XXVI-3", "1997-04-29")], said


def test_it_after_a_state_dates_its_nth_by_the_record_in_the_year_told(eval_db: Path) -> None:
    crpd = "the Convention on the Rights of Persons with Disabilities"
    for said in (
        f"Nepal has ratified most core treaties. It ratified {crpd} in 2010, becoming the 91st State party.",
        f"Nepal has ratified most core treaties. In 2010 it ratified {crpd}, becoming the 91st State party.",
    ):
        assert _checks(eval_db, said + "\n") == [(91, "parties", "IV-15", "2010-05-07")], said


def test_the_instrument_and_an_optional_protocol_point_to_the_treaty_told_before(eval_db: Path) -> None:
    said = (
        "The Optional Protocol to the Convention on the Rights of the Child on a communications procedure "
        "entered into force in 2014.\n\nSo far 52 States have ratified the instrument, far fewer than the 196 "
        "parties to the Convention.\n"
    )
    assert _checks(eval_db, said) == [(52, "parties", "IV-11-d", None), (196, "parties", "IV-11", None)]
    said = (
        "The International Covenant on Economic, Social and Cultural Rights has 173 parties. An Optional "
        "Protocol allowing complaints was adopted in 2008; it has 29 parties.\n"
    )
    assert _checks(eval_db, said) == [(173, "parties", "IV-3", None), (29, "parties", "IV-3-a", None)]


def test_a_sister_treatys_bare_count_after_an_apposition(eval_db: Path) -> None:
    said = "The Convention against Torture (CAT) has 175 States parties. The OPCAT, its optional protocol, has 94.\n"
    assert _checks(eval_db, said) == [(175, "parties", "IV-9", None), (94, "parties", "IV-9-b", None)]


def test_a_fact_boxs_footer_after_as_of_and_a_colon_dates_its_rows(eval_db: Path) -> None:
    said = "Fact sheet: CEDAW\n\nStates parties: 189\nSignatories: 99\nStatus as of: March 2022\n"
    assert _checks(eval_db, said) == [
        (189, "parties", "IV-8", "2022-03-31"),
        (99, "signatories", "IV-8", "2022-03-31"),
    ]
    # a blank line before it: no footer of theirs (the seventeenth pass's rule)
    said = "Fact sheet: CEDAW\n\nStates parties: 189\nSignatories: 99\n\nStatus as of: March 2022\n"
    assert _checks(eval_db, said) == [(189, "parties", "IV-8", None), (99, "signatories", "IV-8", None)]


def test_a_bare_ordinal_of_a_state_that_signed_but_never_joined_is_its_signature(eval_db: Path) -> None:
    said = (
        "The Convention on the Rights of Persons with Disabilities came into force in May 2008. The U.S. "
        "became the 142nd.\n"
    )
    assert _checks(eval_db, said) == [(142, "signatories", "IV-15", "2009-07-30")]
    # a state that joined: its consent's place, as before
    said = "Palestine acceded to the Mine Ban Treaty in 2017. The State of Palestine became the 164th.\n"
    assert _checks(eval_db, said) == [(164, "parties", "XXVI-5", "2017-12-29")]


def test_signatures_pending_or_not_yet_binding_are_those_not_yet_parties(eval_db: Path) -> None:
    for said in (
        "The Arms Trade Treaty has been signed, but not ratified, by 28 countries.",
        "Another 28 states have signed the Arms Trade Treaty but are not yet bound by it.",
        "The Arms Trade Treaty: 113 ratifications, 28 signatures pending ratification.",
    ):
        assert (28, "signed_not_party", "XXVI-8", None) in _checks(eval_db, said + "\n"), said
    # signatures subject to ratification are every signature
    said = "The Arms Trade Treaty has 130 signatures, subject to ratification.\n"
    assert _checks(eval_db, said) == [(130, "signatories", "XXVI-8", None)]


def test_a_question_with_no_noun_and_its_answer_with_one(eval_db: Path) -> None:
    said = (
        "The Convention on the Rights of Persons with Disabilities has an Optional Protocol.\n\n"
        "How many have joined the Optional Protocol?\n106 states.\n"
    )
    assert _checks(eval_db, said) == [(106, "parties", "IV-15-a", None)]
    # a question of something else keeps its answer unread
    said = "The Optional Protocol has a Committee.\n\nHow many have served on the Committee?\n106 experts.\n"
    assert _checks(eval_db, said) == []


def test_words_after_a_figure_that_qualify_it(eval_db: Path) -> None:
    for words, comparison in (
        ("25 or so", "~"),
        ("25 or thereabouts", "~"),
        ("25 or more", ">="),
        ("25 and counting", ">="),
        ("25 +", ">="),
        ("twenty-five plus", ">="),
        ("25", "="),
    ):
        said = f"The Arms Trade Treaty has been signed but not ratified by {words} states.\n"
        assert [(k.claim.figure, k.claim.comparison) for k in report(eval_db, said).checks] == [
            (25, comparison)
        ], words
