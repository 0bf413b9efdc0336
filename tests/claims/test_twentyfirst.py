"""Twenty-first pass (issue 21). One test per rule, on hand-written sentences.

The rules of this pass came from five fresh blind probe batches (several treaties of one family told
together, whole web pages, histories told in the past tense, speech and interviews, digests and short
items), scored on arrival first; none from `test/`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.claims.readers import checks as _checks


def test_the_convention_itself_after_its_protocol_is_the_parent(eval_db: Path) -> None:
    text = (
        "By the end of 2009, some 90 states had signed or ratified the Optional Protocol to the Convention on "
        "the Rights of Persons with Disabilities, while the Convention itself counted 76 parties."
    )
    assert _checks(eval_db, text) == [(76, "parties", "IV-15", "2009-12-31")]
    text = "The Optional Protocol to CEDAW supplements the Convention, to which 189 States are party."
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text)] == [(189, "IV-8")]
    # (the protocol stays the subject when "itself" is no subject of the count's verb)
    text = (
        "The Optional Protocol to the Convention on the Rights of Persons with Disabilities entered into "
        "force with the Convention itself and has 90 parties."
    )
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text, date(2017, 1, 20))] == [(90, "IV-15-a")]


def test_the_parent_treaty_after_a_protocol(eval_db: Path) -> None:
    text = (
        "Fourteen years after its adoption, the OPCAT counts 83 States Parties, barely half of the 160 States "
        "that have ratified the parent treaty."
    )
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text, date(2017, 1, 20))] == [
        (83, "IV-9-b"),
        (160, "IV-9"),
    ]


def test_other_states_that_are_signatories_are_no_group(eval_db: Path) -> None:
    text = (
        "The Optional Protocol to the Convention on the Rights of the Child on the sale of children, child "
        "prostitution and child pornography has been ratified by 177 States. Eight other States are "
        "signatories that have yet to ratify it."
    )
    assert _checks(eval_db, text, date(2022, 1, 18)) == [
        (177, "parties", "IV-11-c", "2022-01-18"),
        (8, "signed_not_party", "IV-11-c", "2022-01-18"),
    ]


def test_a_count_told_again_at_once_is_a_claim_of_its_own(eval_db: Path) -> None:
    text = (
        "QUESTION: How many countries are actually in the Arms Trade Treaty now?\n"
        "ANSWER: As of this morning it's a hundred and ten States Parties. A hundred and ten."
    )
    assert _checks(eval_db, text, date(2021, 8, 30)) == [(110, "parties", "XXVI-8", "2021-08-30")] * 2
    text = (
        "The Optional Protocol to the International Covenant on Economic, Social and Cultural Rights only "
        "came into force in 2013, and only twenty-two states have accepted it. Twenty-two!"
    )
    assert _checks(eval_db, text, date(2016, 12, 16)) == [(22, "parties", "IV-3-a", "2016-12-16")] * 2
    text = "The Treaty on the Prohibition of Nuclear Weapons is law. Fifty-one states - fifty-one! - have ratified it."
    assert [f for f, _, _, _ in _checks(eval_db, text, date(2021, 1, 22))] == [51, 51]
    # told bare first, then with its noun
    text = (
        "The Optional Protocol to the International Covenant on Economic, Social and Cultural Rights: "
        "we're at eight. Eight ratifications."
    )
    assert [f for f, _, _, _ in _checks(eval_db, text, date(2012, 12, 10))] == [8, 8]


def test_a_numbered_paragraph_after_a_count_is_no_repeat(eval_db: Path) -> None:
    text = (
        "1. As at 31 December 1996, 187 States had ratified the Convention on the Rights of the Child. "
        "At that date, two further States had signed the Convention but had not yet ratified it.\n"
        "2. The Committee on the Rights of the Child held two sessions in 1996."
    )
    assert _checks(eval_db, text) == [
        (187, "parties", "IV-11", "1996-12-31"),
        (2, "signed_not_party", "IV-11", "1996-12-31"),
    ]


def test_the_figure_risen_or_doubled_after_states_that_accepted_it(eval_db: Path) -> None:
    text = (
        "The Second Optional Protocol to the ICCPR entered into force in 1991. At first, ten states had "
        "accepted it. Thirty years later, in 2021, the figure had risen to 89."
    )
    assert (89, "parties", "IV-12", "2021-12-31") in _checks(eval_db, text)
    text = (
        "The First Optional Protocol to the ICCPR came into force in March 1976. By 1990 fifty states had "
        "ratified it, and by 2000 the number had doubled to 100."
    )
    assert _checks(eval_db, text) == [
        (50, "parties", "IV-5", "1990-12-31"),
        (100, "parties", "IV-5", "2000-12-31"),
    ]


def test_when_it_came_into_force_in_a_month_is_the_uns_day_of_it(eval_db: Path) -> None:
    text = (
        "When the Convention against Torture came into force in June 1987, only 21 states were bound by it."
    )
    assert _checks(eval_db, text) == [(21, "parties", "IV-9", "1987-06-26")]
    # (a month that is not the one the UN gives dates nothing)
    text = "When the Convention against Torture came into force in May 1987, only 21 states were bound by it."
    assert _checks(eval_db, text) == [(21, "parties", "IV-9", None)]


def test_the_following_year_is_the_year_after_the_one_told(eval_db: Path) -> None:
    text = (
        "The Optional Protocol to the Convention on the Rights of Persons with Disabilities entered into "
        "force in 2008. The following year its parties numbered 55."
    )
    assert _checks(eval_db, text) == [(55, "parties", "IV-15-a", "2009-12-31")]
    # ("next year" without "the" is the year after the text's own)
    text = (
        "The Convention on the Rights of Persons with Disabilities could take effect by early next year, "
        "after Qatar became the 100th country to sign it."
    )
    assert _checks(eval_db, text) == [(100, "signatories", "IV-15", "2007-07-09")]  # Qatar's signature


def test_a_count_whose_verb_is_left_out_takes_the_act_told_before(eval_db: Path) -> None:
    text = (
        "The government signed the Optional Protocol to the Convention against Torture in 2009. We still "
        "have not ratified it. Meanwhile, around eighty-three countries have."
    )
    assert _checks(eval_db, text, date(2017, 2, 9)) == [(83, "parties", "IV-9-b", "2017-02-09")]
    text = (
        "Individuals may complain only where the state has accepted the First Optional Protocol to the "
        "ICCPR. That's about a hundred and seventeen states."
    )
    assert _checks(eval_db, text, date(2016, 3, 23)) == [(117, "parties", "IV-5", "2016-03-23")]


def test_states_on_board_are_parties_but_not_a_groups_whole(eval_db: Path) -> None:
    text = (
        "It's the Optional Protocol on the involvement of children in armed conflict. And a hundred and "
        "sixty-seven countries are on board."
    )
    assert _checks(eval_db, text, date(2018, 2, 12)) == [(167, "parties", "IV-11-b", "2018-02-12")]
    text = (
        "Five more states joined the Convention on Enforced Disappearance in 2024, and 17 of the continent's "
        "54 states are now on board."
    )
    assert [f for f, _, _, _ in _checks(eval_db, text, date(2025, 1, 10))] == []


def test_an_answer_opened_by_its_date_or_a_speakers_name(eval_db: Path) -> None:
    text = "How many countries have ratified the CRPD? As of 2023, 186."
    assert _checks(eval_db, text) == [(186, "parties", "IV-15", "2023-12-31")]
    text = (
        "QUESTION: How many countries are in the Second Optional Protocol to the ICCPR?\n"
        "LECTURER: Um, eighty-eight, I think."
    )
    assert _checks(eval_db, text, date(2021, 3, 15)) == [(88, "parties", "IV-12", "2021-03-15")]


def test_when_states_signed_it_in_the_month_told(eval_db: Path) -> None:
    text = (
        "The third Optional Protocol to the Convention on the Rights of the Child opened for signature in "
        "February 2012, when 20 states signed it at a ceremony in Geneva."
    )
    assert _checks(eval_db, text) == [(20, "signatories", "IV-11-d", "2012-02-29")]
    # (a total brought "since April 2014, when ..." is no count of that month)
    text = (
        "Since April 2014, when you met my predecessor, seven States have become parties to the Optional "
        "Protocol to the International Covenant on Economic, Social and Cultural Rights, bringing the total "
        "to 20."
    )
    assert _checks(eval_db, text, date(2015, 3, 18)) == [(20, "parties", "IV-3-a", "2015-03-18")]


def test_states_that_did_something_else_are_no_count(eval_db: Path) -> None:
    text = (
        "On this World Day Against the Death Penalty we welcome the progress made: 106 countries have now "
        "abolished the death penalty in law for all crimes, and 88 states have bound themselves never to "
        "reintroduce it by becoming parties to the Second Optional Protocol to the ICCPR."
    )
    assert [f for f, _, _, _ in _checks(eval_db, text, date(2019, 10, 10))] == [88]
    text = (
        "CEDAW, ratified by 189 States, has also drawn more reservations than any other treaty. At least 20 "
        "States parties maintain reservations to article 16."
    )
    assert [f for f, _, _, _ in _checks(eval_db, text, date(2017, 3, 8))] == [189]
    text = (
        "Fifteen years after its adoption, the Optional Protocol to the Convention against Torture has 83 "
        "States Parties, meaning it is still some 110 ratifications short of universality."
    )
    assert [f for f, _, _, _ in _checks(eval_db, text, date(2017, 6, 20))] == [83]


def test_a_bare_count_in_the_simple_past_after_a_semicolon(eval_db: Path) -> None:
    text = (
        "On 30 March 2007, 82 States signed the Convention on the Rights of Persons with Disabilities; 44 "
        "signed the Optional Protocol on that day as well."
    )
    assert _checks(eval_db, text) == [
        (82, "signatories", "IV-15", "2007-03-30"),
        (44, "signatories", "IV-15-a", "2007-03-30"),
    ]
    # ("A further four ratified the Treaty too": the day's step, no count)
    text = (
        "It was a big day for the Treaty on the Prohibition of Nuclear Weapons, with 6 new states signing. "
        "A further four ratified the Treaty too."
    )
    assert _checks(eval_db, text, date(2018, 9, 27)) == []


def test_making_it_the_nth_party_and_the_n_bound_by(eval_db: Path) -> None:
    text = (
        "South Africa yesterday deposited its instrument of ratification of the International Covenant on "
        "Economic, Social and Cultural Rights, making it the 164th party, some twenty years after it signed."
    )
    assert _checks(eval_db, text, date(2015, 1, 13)) == [(164, "parties", "IV-3", "2015-01-12")]
    text = (
        "Protocol V on Explosive Remnants of War now has 96 High Contracting Parties, ten fewer than the 106 "
        "bound by amended Protocol II on mines, booby-traps and other devices."
    )
    assert _checks(eval_db, text, date(2021, 11, 15)) == [
        (96, "parties", "XXVI-2-d", "2021-11-15"),
        (106, "parties", "XXVI-2-b", "2021-11-15"),
    ]


def test_ten_states_had_ratified_it_by_then_of_an_entry_into_force_told_by_month(eval_db: Path) -> None:
    text = (
        "The Optional Protocol to the Convention on the Rights of the Child on a communications procedure "
        "entered into force in April 2014. Ten States had ratified it by then, among them Germany and Spain."
    )
    assert _checks(eval_db, text) == [(10, "parties", "IV-11-d", "2014-04-14")]


def test_a_treaty_and_a_bare_figure_after_a_semicolon(eval_db: Path) -> None:
    text = (
        "The International Covenant on Civil and Political Rights has 173 States parties; the International "
        "Covenant on Economic, Social and Cultural Rights, 171."
    )
    assert _checks(eval_db, text) == [(173, "parties", "IV-4", None), (171, "parties", "IV-3", None)]
    # ("the second, abolishing the death penalty, 83": which second is not told by a name; left unread)
    text = (
        "The first Optional Protocol to the International Covenant on Civil and Political Rights has 116 "
        "States parties; the second, abolishing the death penalty, 83."
    )
    assert [f for f, _, _, _ in _checks(eval_db, text)] == [116]


def test_an_ordinal_after_a_signature_and_a_ratification_told_by_year(eval_db: Path) -> None:
    text = (
        "The International Covenant on Economic, Social and Cultural Rights entered into force on 3 January "
        "1976. China signed in 1997 and ratified in 2001, becoming the 144th state party."
    )
    assert _checks(eval_db, text) == [(144, "parties", "IV-3", "2001-03-27")]  # China's ratification


def test_a_reports_year_and_the_end_of_last_year_it_covers(eval_db: Path) -> None:
    text = "In its 2015 report, the Monitor found that 162 states had joined the Mine Ban Treaty."
    assert _checks(eval_db, text, date(2019, 11, 21)) == [(162, "parties", "XXVI-5", "2015-12-31")]
    text = (
        "The Committee's annual report, which covers the period up to the end of last year, records that 182 "
        "States have ratified the International Convention on the Elimination of All Forms of Racial "
        "Discrimination."
    )
    assert _checks(eval_db, text, date(2021, 3, 21)) == [(182, "parties", "IV-2", "2020-12-31")]


def test_by_the_numbers_lists_with_the_figure_first(eval_db: Path) -> None:
    text = (
        "The CRC at 30, in figures\n"
        "196: States parties, more than any other human rights treaty\n"
        "140: signatories\n"
        "1: signatory yet to ratify (the United States)\n"
        "3: optional protocols\n"
        "54: articles"
    )
    assert _checks(eval_db, text, date(2019, 11, 20)) == [
        (196, "parties", "IV-11", "2019-11-20"),
        (140, "signatories", "IV-11", "2019-11-20"),
        (1, "signed_not_party", "IV-11", "2019-11-20"),
    ]
    # (an article's numbered paragraph is no row: "2 - Parties shall take all appropriate measures")
    text = "Article 4 of the Convention on the Rights of the Child\n2 - Parties shall take all appropriate measures."
    assert _checks(eval_db, text, date(2019, 11, 20)) == []
