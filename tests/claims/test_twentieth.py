"""Twentieth pass (issue 21). One test per rule, on hand-written sentences.

The rules of this pass came from figures of earlier blind probe batches that the checker set aside or read
wrong, from five fresh blind batches (counts told in other words, dates told in part, long report
sentences, translated wire copy, a state's place in the order) scored on arrival first, and from short
made-up sentences tried as a stranger would; none from `test/`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.claims.readers import checks as _checks
from tests.claims.readers import threshold_verdicts as _threshold_verdicts
from tests.claims.readers import unread as _unread


def test_the_ratifications_a_treaty_needed_told_after_the_number(eval_db: Path) -> None:
    text = (
        "It took thirteen years for the International Convention on the Protection of the Rights of All "
        "Migrant Workers and Members of Their Families to gather the 20 ratifications it needed to enter "
        "into force in 2003."
    )
    assert _threshold_verdicts(eval_db, text) == ["threshold right"]
    # (a count of the same words stays a count: "the 20 states that have ratified it")
    text = "The Arms Trade Treaty set the bar at fifty ratifications (Art. 22(1))."
    assert _threshold_verdicts(eval_db, text) == ["threshold right"]


def test_needing_only_ten_ratifications_and_the_instruments_of_ratification_required(eval_db: Path) -> None:
    text = (
        "The International Covenant on Civil and Political Rights entered into force on 23 March 1976; its "
        "first Optional Protocol, needing only ten ratifications, entered into force the same day."
    )
    assert [(f, no) for f, _, no, day in _checks(eval_db, text) if day is None] == [(10, "IV-5")]
    text = (
        "The Convention on the prohibition of military or any other hostile use of environmental "
        "modification techniques entered into force in 1978, having received the twenty instruments of "
        "ratification required by its article IX."
    )
    assert _threshold_verdicts(eval_db, text) == ["threshold right"]
    text = (
        "The Convention on the prohibition of military or any other hostile use of environmental "
        "modification techniques entered into force on 5 October 1978, after the deposit of instruments of "
        "ratification by twenty Governments."
    )
    assert _threshold_verdicts(eval_db, text) == ["threshold right"]


def test_making_it_the_nth_after_another_treatys_entry_into_force(eval_db: Path) -> None:
    text = (
        "A fortnight after the TPNW took effect in January 2021, Cuba ratified the CTBT, making it the "
        "168th ratifying state."
    )
    assert _checks(eval_db, text) == [(168, "parties", "XXVI-4", "2021-02-04")]


def test_states_that_put_their_names_to_it_on_the_day_told(eval_db: Path) -> None:
    text = (
        "The Convention on Cluster Munitions was opened for signature on 3 December 2008, when 94 states "
        "put their names to it."
    )
    assert _checks(eval_db, text) == [(94, "signatories", "XXVI-6", "2008-12-03")]


def test_a_place_among_the_parties_dated_by_a_month_takes_the_acts_day(eval_db: Path) -> None:
    text = (
        "Germany acceded to the Optional Protocol to the ICESCR earlier this year. Serbia followed in "
        "September as the 28th State party."
    )
    assert _checks(eval_db, text, date(2023, 12, 10)) == [(28, "parties", "IV-3-a", "2023-09-22")]


def test_a_day_of_that_year(eval_db: Path) -> None:
    text = (
        "The Convention on Cluster Munitions was adopted in Dublin on 30 May 2008 and opened for signature "
        "in Oslo on 3 December of that year, when 94 States signed it."
    )
    assert _checks(eval_db, text) == [(94, "signatories", "XXVI-6", "2008-12-03")]


def test_at_that_point_and_when_it_did_so_point_back(eval_db: Path) -> None:
    text = (
        "The Convention on Cluster Munitions entered into force on 1 August 2010; at that point 38 States "
        "had ratified it."
    )
    assert _checks(eval_db, text) == [(38, "parties", "XXVI-6", "2010-08-01")]
    text = (
        "The Arms Trade Treaty, adopted in 2013, entered into force in 2014. When it did so, 61 States had "
        "ratified it, a figure that has since risen to 83."
    )
    assert [(f, day) for f, _, _, day in _checks(eval_db, text, date(2016, 5, 3))] == [
        (61, "2014-12-24"),
        (83, "2016-05-03"),
    ]


def test_a_span_of_years_after_the_count_dates_its_own_clause(eval_db: Path) -> None:
    text = (
        "On 20 February 2019 Iceland deposited its instrument of ratification of the Optional Protocol to "
        "the Convention against Torture, becoming the 89th State party, almost sixteen years after it had "
        "signed the Protocol in September 2003."
    )
    assert _checks(eval_db, text, date(2019, 3, 4)) == [(89, "parties", "IV-9-b", "2019-02-20")]


def test_signatories_beside_parties_are_everyone_who_signed_when_that_is_nearer(eval_db: Path) -> None:
    # 108 signatures on 2010-08-01, 70 of them not yet parties: 107 is nearer everyone who signed
    text = (
        "The Convention on Cluster Munitions entered into force on 1 August 2010; by then 38 States had "
        "ratified it and 107 had signed."
    )
    assert [(f, m) for f, m, _, _ in _checks(eval_db, text)] == [(38, "parties"), (107, "signatories")]
    # a word that sets them apart keeps them apart
    text = (
        "The Optional Protocol on a communications procedure has 10 States parties. An additional 37 states "
        "have signed the protocol but not yet completed the ratification process."
    )
    assert (37, "signed_not_party") in [(f, m) for f, m, _, _ in _checks(eval_db, text)]


def test_bare_figures_closed_by_respectively(eval_db: Path) -> None:
    text = (
        "As at 1 September 2024, the Convention on the Rights of the Child had 196 States parties, and its "
        "three Optional Protocols, on the involvement of children in armed conflict, on the sale of "
        "children, child prostitution and child pornography, and on a communications procedure, had 173, "
        "178 and 52 respectively."
    )
    assert _checks(eval_db, text) == [
        (196, "parties", "IV-11", "2024-09-01"),
        (173, "parties", "IV-11-b", "2024-09-01"),
        (178, "parties", "IV-11-c", "2024-09-01"),
        (52, "parties", "IV-11-d", "2024-09-01"),
    ]


def test_an_ordinal_standing_alone_is_listed_when_not_read(eval_db: Path) -> None:
    text = (
        "The Migrant Workers Convention spent twelve years short of the twenty ratifications it needed. "
        "Guatemala supplied the twentieth in March 2003, and the Convention entered into force on 1 July "
        "2003."
    )
    assert (20, "frame not understood") in _unread(eval_db, text)
    # an ordinal below the tenth alone is an event of the day, as with thresholds
    assert _unread(eval_db, "Peru ratified the Arms Trade Treaty on 2 May, the second.") == []


def test_the_figure_told_again_by_its_noun(eval_db: Path) -> None:
    text = (
        "The Chemical Weapons Convention entered into force in 1997. At the time, 87 states were parties "
        "to it. Today the figure is 193, leaving only Egypt, North Korea and South Sudan outside."
    )
    assert (193, "parties", "XXVI-3", "2019-11-25") in _checks(eval_db, text, date(2019, 11, 25))
    text = "The Mine Ban Treaty had 161 States Parties in June 2014. Five years on, the count stands at 164."
    assert (164, "parties") in [(f, m) for f, m, _, _ in _checks(eval_db, text, date(2019, 11, 25))]
    # a share is no count of states
    text = "The CWC has 193 States Parties. The figure is 98 per cent of the world's population."
    assert [f for f, *_ in _checks(eval_db, text, date(2019, 11, 25))] == [193]


def test_a_month_told_in_the_sentence_before_at_that_time(eval_db: Path) -> None:
    text = (
        "Mozambique hosted the Third Review Conference of the Mine Ban Treaty in Maputo in June 2014. At "
        "that time, 161 states had come on board."
    )
    assert _checks(eval_db, text, date(2019, 11, 25)) == [(161, "parties", "XXVI-5", "2014-06-30")]


def test_is_law_in_and_applies_to(eval_db: Path) -> None:
    text = (
        "The International Convention on the Protection of the Rights of All Migrant Workers and Members "
        "of Their Families is law in just 55 countries."
    )
    assert _checks(eval_db, text, date(2023, 12, 18)) == [(55, "parties", "IV-13", "2023-12-18")]
    text = (
        "Under the Optional Protocol to CEDAW, women can take their case to the Committee. The procedure "
        "applies to 111 states."
    )
    assert _checks(eval_db, text, date(2023, 12, 10)) == [(111, "parties", "IV-8-b", "2023-12-10")]


def test_a_month_later_is_not_undone_by_the_next_lines_today(eval_db: Path) -> None:
    text = (
        "The decisive moment came on 25 September 2014, when eight governments deposited ratifications of "
        "the Arms Trade Treaty, lifting the total to 53. A month later the count stood at 54.\n"
        "Today more than 60 states have ratified the treaty."
    )
    assert (54, "parties", "XXVI-8", "2014-10-25") in _checks(eval_db, text, date(2014, 12, 24))


def test_the_figure_is_of_the_count_told_last_not_of_an_earlier_act(eval_db: Path) -> None:
    text = (
        "The Chemical Weapons Convention entered into force in 1997, four years after it was opened for "
        "signature in Paris. At the time, 87 states were parties to it. Today the figure is 190."
    )
    assert (190, "parties") in [(f, m) for f, m, _, _ in _checks(eval_db, text)]


def test_a_period_in_a_clause_of_its_own_after_the_count(eval_db: Path) -> None:
    text = (
        "The Convention on Certain Conventional Weapons has been ratified by more than 120 countries of the "
        "world, and its Protocol V on Explosive Remnants of War by 93, said the head of the delegation at "
        "the Meeting in Geneva, which gathered this year representatives of 90 states."
    )
    assert (93, "parties", "XXVI-2-d", "2019-11-13") in _checks(eval_db, text, date(2019, 11, 13))
    # told of the count itself, the period still makes it a change
    text = "The Arms Trade Treaty has 110 States Parties; 5 ratified it this year."
    assert (5, "yearly change") in _unread(eval_db, text, date(2020, 12, 1))


def test_adhered_by(eval_db: Path) -> None:
    text = (
        "Morocco ratified the International Convention for the Protection of All Persons from Enforced "
        "Disappearance on 14 May 2013, becoming the 38th State party to this Convention, which is adhered "
        "now by 57 States."
    )
    assert (57, "parties", "IV-16", "2018-08-30") in _checks(eval_db, text, date(2018, 8, 30))


def test_its_protocol_as_the_subject_of_the_counts_verb(eval_db: Path) -> None:
    text = (
        "By the end of 2014, 151 countries had ratified the Convention on the Rights of Persons with "
        "Disabilities and its Optional Protocol had 83 states parties."
    )
    assert _checks(eval_db, text, date(2015, 3, 3)) == [
        (151, "parties", "IV-15", "2014-12-31"),
        (83, "parties", "IV-15-a", "2014-12-31"),
    ]
    # the protocol as an object beside its parent does not take the count: "are parties to the Convention
    # and its Optional Protocol has 83"
    text = (
        "By the end of 2014, 151 countries were parties to the Convention on the Rights of Persons with "
        "Disabilities, while its Optional Protocol had 83."
    )
    assert [no for _, _, no, _ in _checks(eval_db, text, date(2015, 3, 3))][0] == "IV-15"


def test_a_date_opening_another_subjects_clause_is_that_clauses(eval_db: Path) -> None:
    text = (
        "The Convention on Cluster Munitions entered into force in 2010. Nearly a decade later it has 107 "
        "States parties, and the Committee had, by the end of 2018, held eight meetings."
    )
    assert _checks(eval_db, text, date(2019, 11, 20)) == [(107, "parties", "XXVI-6", "2019-11-20")]


def test_a_goal_attendance_and_a_deed_other_than_joining_are_no_counts(eval_db: Path) -> None:
    text = (
        "The Meeting of the High Contracting Parties to the Convention on Certain Conventional Weapons "
        "concluded today. It was attended by 92 High Contracting Parties."
    )
    assert (92, "subset") in _unread(eval_db, text, date(2019, 11, 15))
    text = (
        "The Convention against Enforced Disappearance stood at 77 States Parties as of January 2025. Our "
        "goal is 100 ratifications by 2030."
    )
    assert (100, "condition") in _unread(eval_db, text, date(2025, 3, 1))
    text = "OPCAT has 90 States Parties. 71 States Parties have designated a National Preventive Mechanism."
    assert (71, "subset") in _unread(eval_db, text, date(2019, 6, 21))
    # the whole that did something is still the whole
    text = "The Mine Ban Treaty's 164 States Parties have destroyed more than 55 million stockpiled mines."
    assert [f for f, *_ in _checks(eval_db, text, date(2019, 11, 25))] == [164]
    # joining told with another word is still joining
    text = "The Chairperson noted that 183 state parties have adopted the Convention on the Rights of Persons with Disabilities."
    assert [f for f, *_ in _checks(eval_db, text, date(2019, 6, 21))] == [183]
    text = (
        "A Committee of 10 experts monitors the International Convention on the Protection of the Rights of "
        "All Migrant Workers, rising to 14 once 41 States have become parties."
    )
    assert (41, "condition") in _unread(eval_db, text, date(2003, 7, 1))


def test_done_so_after_a_consent_to_be_bound(eval_db: Path) -> None:
    text = (
        "Protocol V to the Convention on Certain Conventional Weapons entered into force on 12 November "
        "2006, six months after the twentieth State had notified its consent to be bound. By the time it "
        "entered into force, 24 States had done so."
    )
    assert (24, "parties", "XXVI-2-d", "2006-11-12") in _checks(eval_db, text)


def test_a_rows_aside_and_a_fact_sheets_condition(eval_db: Path) -> None:
    text = (
        "Status of the ATT (17 December 2018)\n• States Parties: 100\n• Signatories (not yet ratified): 33\n"
    )
    assert (33, "signed_not_party", "XXVI-8", "2018-12-17") in _checks(eval_db, text, date(2018, 12, 17))
    text = (
        "ENMOD at a glance\nFull title: Convention on the prohibition of military or any other hostile use "
        "of environmental modification techniques\nRatifications needed for entry into force: 20\n"
    )
    assert _threshold_verdicts(eval_db, text) == ["threshold right"]


def test_an_answer_with_a_qualifier(eval_db: Path) -> None:
    text = (
        "Q: How many countries have ratified the migrant workers convention?\n"
        "A: Only around 50, mostly countries of origin such as Mexico and Senegal."
    )
    assert [(f, m, no) for f, m, no, _ in _checks(eval_db, text)] == [(50, "parties", "IV-13")]


def test_two_titles_written_out_side_by_side_are_two(eval_db: Path) -> None:
    text = (
        "Fifty years after the Universal Declaration, the International Covenant on Civil and Political "
        "Rights and the International Covenant on Economic, Social and Cultural Rights have been ratified "
        "by 141 and 138 States respectively."
    )
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text, date(1998, 12, 10))] == [
        (141, "IV-4"),
        (138, "IV-3"),
    ]


def test_it_opening_the_sentence_is_the_treaty_told_before(eval_db: Path) -> None:
    text = (
        "On 21 December 1965 the General Assembly adopted the International Convention on the Elimination "
        "of All Forms of Racial Discrimination. It has since been ratified by 140 States, more than any "
        "other treaty except the Convention on the Rights of the Child."
    )
    assert [no for _, _, no, _ in _checks(eval_db, text, date(1995, 12, 21))] == ["IV-2"]
    # a clause of its own after a dash names its own treaty
    text = (
        "Protocol IV to the CCW prohibits blinding laser weapons. It has 109 High Contracting Parties - "
        "more than the 106 bound by Amended Protocol II."
    )
    assert [no for _, _, no, _ in _checks(eval_db, text, date(2021, 10, 13))] == ["XXVI-2-a", "XXVI-2-b"]


def test_a_notification_dates_the_count_it_made(eval_db: Path) -> None:
    text = (
        "11 August 2017 - On 9 August 2017, Afghanistan deposited its instrument of ratification of the "
        "Convention on Certain Conventional Weapons and notified its consent to be bound by its Protocols.\n"
        "With Afghanistan's notification, Amended Protocol II now has 104 High Contracting Parties."
    )
    assert _checks(eval_db, text, date(2017, 8, 11)) == [(104, "parties", "XXVI-2-b", "2017-08-09")]


def test_the_end_of_a_year_does_not_date_a_count_in_the_present(eval_db: Path) -> None:
    text = (
        "By the end of 2010, 97 countries had ratified the Convention on the Rights of Persons with "
        "Disabilities. Sixty States have also accepted its Optional Protocol."
    )
    assert _checks(eval_db, text, date(2011, 12, 2)) == [
        (97, "parties", "IV-15", "2010-12-31"),
        (60, "parties", "IV-15-a", "2011-12-02"),
    ]


def test_the_optional_protocol_of_the_convention_named_after(eval_db: Path) -> None:
    text = (
        "8. As at 31 March 2009, the Convention had 54 Parties and 139 signatories; the Optional Protocol "
        "had 34 Parties and 84 signatories.\n"
        "(Convention on the Rights of Persons with Disabilities and Optional Protocol thereto, Command Paper)"
    )
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text, date(2009, 4, 20))][2:] == [
        (34, "IV-15-a"),
        (84, "IV-15-a"),
    ]


def test_and_so_many_to_the_other_treaty(eval_db: Path) -> None:
    text = (
        "Half a century later, 170 States are parties to the International Covenant on Civil and Political "
        "Rights and 166 to the International Covenant on Economic, Social and Cultural Rights."
    )
    assert [(f, m, no) for f, m, no, _ in _checks(eval_db, text, date(2016, 12, 16))] == [
        (170, "parties", "IV-4"),
        (166, "parties", "IV-3"),
    ]


def test_an_ordinal_alone_after_a_sentence_of_ordinals(eval_db: Path) -> None:
    text = (
        "The ICBL welcomes the accession of the State of Palestine to the Mine Ban Treaty on 29 December "
        "2017, days after Sri Lanka became the 163rd State Party. Palestine is the 165th."
    )
    assert 165 in [f for f, *_ in _checks(eval_db, text, date(2018, 1, 3))]


def test_a_further_so_many_that_signed_are_not_yet_parties(eval_db: Path) -> None:
    text = (
        "As at 1 August 2004, 26 States had ratified or acceded to the International Convention on the "
        "Protection of the Rights of All Migrant Workers and Members of Their Families, and a further 9 "
        "States had signed it."
    )
    assert _checks(eval_db, text) == [
        (26, "parties", "IV-13", "2004-08-01"),
        (9, "signed_not_party", "IV-13", "2004-08-01"),
    ]


def test_the_figure_passed_a_number_in_a_year(eval_db: Path) -> None:
    text = (
        "By the early 2000s some 140 States had ratified or acceded to the Convention against Torture, and "
        "the figure passed 152 in 2012."
    )
    assert (152, "parties", "IV-9", "2012-12-31") in _checks(eval_db, text)


def test_the_days_step_when_a_threshold_was_crossed_is_no_threshold(eval_db: Path) -> None:
    text = (
        "Article 22 of the Arms Trade Treaty made entry into force conditional on fifty ratifications; the "
        "threshold was crossed on 25 September 2014, when eight States deposited instruments."
    )
    assert [f for f, *_ in _checks(eval_db, text)] == [50]
    # "required to" a duty is no threshold either; "required to ratify" still is
    text = "Only 61 of the 103 States Parties to the Arms Trade Treaty required to submit a report did so."
    assert _threshold_verdicts(eval_db, text) == []
    text = "With a mere 10 countries required to ratify the Optional Protocol to CEDAW, Italy's was the last."
    assert _threshold_verdicts(eval_db, text) == ["threshold right"]


def test_communications_concerning_so_many_parties(eval_db: Path) -> None:
    text = (
        "Since 1977, the Human Rights Committee has registered 2,646 communications concerning 92 States "
        "parties to the Optional Protocol to the International Covenant on Civil and Political Rights."
    )
    assert (92, "subset") in _unread(eval_db, text, date(2015, 8, 14))


def test_those_that_accepted_what_a_protocol_offers_are_its_parties(eval_db: Path) -> None:
    text = (
        "Although 167 states have ratified the International Covenant on Civil and Political Rights, only "
        "113 have accepted the right of individual petition under its First Optional Protocol."
    )
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text, date(2013, 3, 20))] == [
        (167, "IV-4"),
        (113, "IV-5"),
    ]
    # what parties accept under the treaty itself is a part of them
    text = (
        "Of the 171 States parties to the Convention against Torture, 69 have accepted the competence of "
        "the Committee to receive individual complaints."
    )
    assert [f for f, *_ in _checks(eval_db, text, date(2019, 3, 20))] == [171]
