"""Nineteenth pass (issue 21). One test per rule, on hand-written sentences.

The rules of this pass came from figures of earlier blind probe batches that the checker neither read nor
listed unread, from four fresh blind batches (parliamentary records, English-language press outside Europe
and North America, campaign and reference pages, academic writing) scored on arrival first, and from short
made-up sentences tried as a stranger would; none from `test/`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.layout import plain_layout
from tests.claims.readers import checks as _checks
from tests.claims.readers import counts as _counts
from tests.claims.readers import threshold_verdicts as _threshold_verdicts
from tests.claims.readers import unread as _unread


def test_a_table_cell_copied_alone_on_its_line_is_listed(eval_db: Path) -> None:
    text = (
        "Status of ratifications as of 1 January 2010\n"
        "Treaty                     ICCPR          ICESCR\n"
        "States parties\n"
        "Signatories\n"
        "165\n"
        "160\n"
        "72\n"
    )
    seen = {figure for figure, _ in _unread(eval_db, text, date(2010, 2, 10))}
    seen |= {figure for figure, *_ in _checks(eval_db, text, date(2010, 2, 10))}
    assert {165, 160, 72} <= seen
    # a number alone on its line in a text that names no treaty is nobody's figure
    assert _unread(eval_db, "Reading pack\n12\nHilary Term") == []


def test_a_place_among_the_states_parties_is_listed_when_not_read(eval_db: Path) -> None:
    text = (
        "Benin is in 96th place in the list of the High Contracting Parties to the Protocol on Explosive "
        "Remnants of War."
    )
    assert (96, "frame not understood") in _unread(eval_db, text, date(2019, 10, 2))


def test_a_no_break_hyphen_inside_a_number_word() -> None:
    text = "The ATT has forty\u2011five parties and one\u2010hundred signatories."
    assert plain_layout(text) == "The ATT has forty-five parties and one-hundred signatories."


def test_a_status_date_in_a_rows_label(eval_db: Path) -> None:
    text = "Arms Trade Treaty\nStatus (as at 1 January 2015): Signatories: 130. Parties: 61."
    assert _checks(eval_db, text, date(2015, 3, 3)) == [
        (130, "signatories", "XXVI-8", "2015-01-01"),
        (61, "parties", "XXVI-8", "2015-01-01"),
    ]
    # without it, the row is of the text's day, as before
    text = "Arms Trade Treaty\nStatus: Signatories: 130. Parties: 61."
    assert [day for *_, day in _checks(eval_db, text, date(2015, 3, 3))] == ["2015-03-03", "2015-03-03"]


def test_a_status_date_in_brackets_closing_a_sentence_dates_each_clause(eval_db: Path) -> None:
    text = "Arms Trade Treaty status: 61 States Parties; 130 Signatories (as at 1 January 2015)."
    assert _checks(eval_db, text, date(2015, 3, 3)) == [
        (61, "parties", "XXVI-8", "2015-01-01"),
        (130, "signatories", "XXVI-8", "2015-01-01"),
    ]
    # a clause after a semicolon still has its own date, or none
    text = "The Arms Trade Treaty entered into force on 24 December 2014; today 61 States are parties."
    assert _checks(eval_db, text, date(2015, 3, 3)) == [(61, "parties", "XXVI-8", "2015-03-03")]


def test_a_day_named_as_the_entry_into_force_dates_a_count_in_the_past(eval_db: Path) -> None:
    text = (
        "On 22 January 2021, the day the TPNW entered into force, 51 States were parties and 86 had signed."
    )
    assert _checks(eval_db, text, date(2021, 9, 1)) == [
        (51, "parties", "XXVI-9", "2021-01-22"),
        (86, "signatories", "XXVI-9", "2021-01-22"),
    ]


def test_a_second_predicate_of_the_subject_is_not_the_dates_event(eval_db: Path) -> None:
    text = (
        "The Ottawa Convention drew 122 signatures at the signing conference in December 1997, and entered "
        "into force on 1 March 1999."
    )
    assert _checks(eval_db, text, date(2000, 3, 1)) == [(122, "signatories", "XXVI-5", "1997-12-31")]
    # a new subject after ", and" keeps the date before it an event's ("That instrument came in the autumn
    # of 1996, and the accord took effect on 29 April 1997 with 87 states parties")
    text = (
        "The Chemical Weapons Convention's 65th instrument came from Hungary in October 1996, and the "
        "accord took effect on 29 April 1997 with 87 states parties."
    )
    assert (87, "parties", "XXVI-3", "1997-04-29") in _checks(eval_db, text)


def test_a_status_date_is_not_moved_to_an_act_in_the_same_year(eval_db: Path) -> None:
    text = (
        "By the end of 2020 the Arms Trade Treaty had 110 States Parties; China's accession that July left "
        "Russia and the United States outside it."
    )
    assert _checks(eval_db, text, date(2021, 4, 15)) == [(110, "parties", "XXVI-8", "2020-12-31")]


def test_a_pages_footer_in_columns_sets_no_measure_for_the_lines_above_it() -> None:
    footer = "APLC/MSP.9/2008/xx" + " " * 80 + "4"  # longer than the lines of the text above it
    text = (
        "Thirty-nine States remained outside it, among them three permanent\n"
        "members of the Security Council. Of the States Parties, 86 had com-\n"
        "pleted the destruction of their stockpiled anti-personnel mines.\n" + footer
    )
    read = plain_layout(text)
    assert "permanent members of the Security Council" in read
    assert "86 had completed" in read
    assert read.endswith("\n" + footer)


def test_an_ordinal_in_words_told_again_in_digits(eval_db: Path) -> None:
    text = "Nigeria is now the one hundred and eleventh (111th) State Party to the Convention on Cluster Munitions."
    assert [(f, m) for f, m, *_ in _checks(eval_db, text)] == [(111, "parties")]
    text = "Viet Nam is thereby the tenth (10th) State to ratify the Treaty on the Prohibition of Nuclear Weapons."
    assert [(f, m) for f, m, *_ in _checks(eval_db, text)] == [(10, "parties")]
    # digits that disagree with the words stay as they are
    assert "(11th)" in plain_layout("the tenth (11th) State")


def test_a_states_place_among_the_parties_is_an_ordinal() -> None:
    assert _counts("With the accession, Malaysia ranks 147th among States Parties to the Protocol.") == [
        (147, "parties")
    ]
    assert _counts("Thailand takes the 74th place among the States Parties to the Convention.") == [
        (74, "parties")
    ]
    text = (
        "The deposit placed the Emirates at number 84 among the countries that have ratified the convention."
    )
    assert _counts(text) == [(84, "parties")]
    assert _counts("Ghana ranked 120th among the signatories of the Convention.") == [(120, "signatories")]
    # a place among countries with no act told is of nothing the record holds
    assert _counts("Norway ranks 12th among the countries of the region.") == []


def test_an_ordinal_of_a_state_takes_the_day_its_act_is_told_when_the_count_took_another(
    eval_db: Path,
) -> None:
    text = (
        "Abuja - A statement by the Federal Ministry of Foreign Affairs on Sunday said the instrument of "
        "ratification was deposited at the United Nations on 28.02.2023 and that Nigeria is now the 111th "
        "State Party to the Convention on Cluster Munitions."
    )
    assert _checks(eval_db, text, date(2023, 3, 6)) == [(111, "parties", "XXVI-6", "2023-02-28")]


def test_a_span_of_time_after_the_nth_consent_is_the_entry_into_force_threshold(eval_db: Path) -> None:
    text = (
        "When did the Convention on the Rights of Persons with Disabilities take effect?\n"
        "On 3 May 2008, thirty days after the twentieth instrument of ratification was deposited."
    )
    found = [(f, m) for f, m, *_ in _checks(eval_db, text)]
    assert found == [(20, "parties")]
    assert _threshold_verdicts(eval_db, text) == ["threshold right"]
    # the Nth consent with no span of time before it is still a count of its day
    text = (
        "The twenty-fifth instrument of ratification of the Convention on the Rights of Persons with "
        "Disabilities was deposited in 2008."
    )
    assert _threshold_verdicts(eval_db, text) == []


def test_rows_after_bullets_inside_one_line(eval_db: Path) -> None:
    text = "ICERD at a glance\n• Signatories: 88 • States parties: 182\n• Monitoring body: a Committee"
    assert [(f, m) for f, m, *_ in _checks(eval_db, text)] == [(88, "signatories"), (182, "parties")]


def test_a_line_opening_with_a_bullet_is_a_sentence_of_its_own(eval_db: Path) -> None:
    text = (
        "Today the Convention on the Rights of the Child turns 35. Key facts:\n"
        "• 196 States parties — the most widely ratified human rights treaty in history\n"
        "• The US signed in 1995 but is the only UN member state not to have ratified"
    )
    assert _checks(eval_db, text, date(2024, 11, 20)) == [(196, "parties", "IV-11", "2024-11-20")]


def test_a_hundred_and_forty_with_its_article() -> None:
    text = "The Optional Protocol has been ratified by a hundred and forty-odd states."
    assert _counts(text) == [(140, "parties")]
    # "over a hundred" is 100, as before; "a hundred" alone is no "a hundred and ..."
    assert _counts("Well over a hundred countries are now bound by the Convention.") == [(100, "parties")]


def test_the_end_of_a_period_carries_to_a_count_in_the_past_only(eval_db: Path) -> None:
    text = (
        "At the end of 2010 the Convention on the Rights of Persons with Disabilities had 97 parties. It had "
        "147 signatories."
    )
    assert [day for *_, day in _checks(eval_db, text, date(2022, 3, 29))] == ["2010-12-31", "2010-12-31"]
    text = (
        "Kazakhstan is a party to the Second Optional Protocol to the International Covenant on Civil and "
        "Political Rights.\n\nThe President signed a law removing the death penalty at the end of December "
        "2021. The protocol has 40 signatories."
    )
    assert _checks(eval_db, text, date(2022, 3, 29)) == [(40, "signatories", "IV-12", "2022-03-29")]


def test_a_count_with_its_noun_left_out_that_is_party(eval_db: Path) -> None:
    text = "Of the 193 UN member states, 172 are now parties to the Comprehensive Nuclear-Test-Ban Treaty."
    assert [(f, m) for f, m, *_ in _checks(eval_db, text, date(2022, 7, 15))] == [(172, "parties")]
    text = "The CTBT has been signed by 186 states, and 172 are bound by it."
    assert [(f, m) for f, m, *_ in _checks(eval_db, text, date(2022, 7, 15))] == [
        (186, "signatories"),
        (172, "parties"),
    ]


def test_a_group_told_by_a_deed_other_than_the_treatys_opens_a_subset(eval_db: Path) -> None:
    text = (
        "Production has fallen: Of the 50 States that at one time produced anti-personnel mines, 34 are now "
        "parties to the Ottawa Convention."
    )
    assert _checks(eval_db, text, date(2023, 1, 1)) == []
    assert (34, "subset") in _unread(eval_db, text, date(2023, 1, 1))
    # those who did the treaty's own deed are its own ("the parties of the Covenant")
    text = (
        "Of the 162 States that have ratified the International Covenant on Civil and Political Rights, 111 "
        "have joined its Optional Protocol."
    )
    assert 111 in [f for f, *_ in _checks(eval_db, text)]


def test_a_counts_share_in_brackets_is_an_aside() -> None:
    text = "Of the 193 UN member states, 172 (89 per cent) have ratified the CTBT."
    assert _counts(plain_layout(text)) == [(172, "parties")]
    assert "(89 per cent)" not in plain_layout(text) and len(plain_layout(text)) == len(text)


def test_thresholds_told_by_what_was_required_of_governments_or_acceptances(eval_db: Path) -> None:
    for text in (
        "The ENMOD Convention required ratification by 20 governments to take effect.",
        "The amendment to Article 1 of the Convention on Certain Conventional Weapons needed acceptance by 20 "
        "states.",
        "The Convention on the Rights of the Child became law today, 30 days after the 20th nation ratified it.",
    ):
        assert [(f, m) for f, m, *_ in _checks(eval_db, text)] == [(20, "parties")]
        assert _threshold_verdicts(eval_db, text) == ["threshold right"]
    # governments acting on a day, with no entry into force told, are no threshold; nor are withdrawals
    # taking effect
    text = "When eight governments deposited ratifications of the Arms Trade Treaty, the total rose to 53."
    assert _threshold_verdicts(eval_db, text) == []
    text = (
        "The withdrawals of Estonia, Latvia and Lithuania from the Mine Ban Treaty took effect, six months "
        "after the three governments deposited their instruments."
    )
    assert _threshold_verdicts(eval_db, text) == []


def test_the_crc_protocols_named_by_their_subjects(eval_db: Path) -> None:
    text = "Malaysia becomes the 147th State to join the protocol on children in armed conflict."
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text)] == [(147, "IV-11-b")]
    text = (
        "On 12 February 2002, 16 states were party to the armed-conflict protocol and 18 to the "
        "sale-of-children protocol."
    )
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text)] == [(16, "IV-11-b"), (18, "IV-11-c")]


def test_respectively_without_the_parent_named_in_its_protocols_title(eval_db: Path) -> None:
    text = (
        "The two Optional Protocols to the Convention on the Rights of the Child, on the involvement of "
        "children in armed conflict and on the sale of children, child prostitution and child pornography, "
        "have been ratified by 173 and 178 States respectively."
    )
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text, date(2023, 5, 25))] == [
        (173, "IV-11-b"),
        (178, "IV-11-c"),
    ]


def test_respectively_with_the_treaties_named_after_the_figures(eval_db: Path) -> None:
    text = (
        "By the end of 2005 the two Optional Protocols to the CRC had been ratified by 105 and 101 States "
        "respectively: the first, on the involvement of children in armed conflict, and the second, on the "
        "sale of children, child prostitution and child pornography."
    )
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text)] == [(105, "IV-11-b"), (101, "IV-11-c")]


def test_anniversaries_told_from_the_texts_own_day(eval_db: Path) -> None:
    text = (
        "GENEVA (UN News) - Twenty-five years ago today, the Convention against Torture entered into force. "
        "At that time, 21 states had ratified it. Now 151 have done so."
    )
    assert _checks(eval_db, text, date(2012, 6, 26)) == [
        (21, "parties", "IV-9", "1987-06-26"),
        (151, "parties", "IV-9", "2012-06-26"),
    ]
    text = "When the Chemical Weapons Convention entered into force on this day in 1997, 87 countries were bound by it."
    assert [day for *_, day in _checks(eval_db, text, date(2022, 4, 29))] == ["1997-04-29"]
    # without a day of the text's own, "on this day" tells no day (and "in 1997" is the event's year)
    assert [day for *_, day in _checks(eval_db, text)] == [None]


def test_a_table_with_bars_between_its_cells_is_never_unwrapped(eval_db: Path) -> None:
    text = (
        "Status of key disarmament treaties (as of 31 January 2021)\n"
        "Treaty | Signatories | States Parties\n"
        "Chemical Weapons Convention (CWC) | 165 | 193\n"
        "Comprehensive Nuclear-Test-Ban Treaty (CTBT) | 185 | 170\n"
        "Arms Trade Treaty (ATT) | 130 | 110\n"
    )
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text, date(2021, 2, 5))] == [
        (165, "XXVI-3"),
        (193, "XXVI-3"),
        (185, "XXVI-4"),
        (170, "XXVI-4"),
        (130, "XXVI-8"),
        (110, "XXVI-8"),
    ]


def test_the_convention_never_named_is_the_one_parent_of_the_protocols_named(eval_db: Path) -> None:
    text = (
        "Status of the Convention and its Protocols (as at 1 January 2020)\n"
        "Instrument | High Contracting Parties | Signatories\n"
        "Convention (1980) | 125 | 50\n"
        "Protocol IV on Blinding Laser Weapons (1995) | 109 | -\n"
        "Protocol V on Explosive Remnants of War (2003) | 96 | -\n"
    )
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text)] == [
        (125, "XXVI-2"),
        (50, "XXVI-2"),
        (109, "XXVI-2-a"),
        (96, "XXVI-2-d"),
    ]


def test_note_marks_in_superscript_digits_are_layout(eval_db: Path) -> None:
    text = (
        "The Ottawa Convention was the product of an unusual partnership.\u2074\u2076 It drew 122 signatures "
        "in Ottawa in December 1997,\u2074\u2077 and entered into force on 1 March 1999."
    )
    assert _checks(eval_db, text, date(2000, 3, 1)) == [(122, "signatories", "XXVI-5", "1997-12-31")]
    assert len(plain_layout(text)) == len(text) and "\u2074" not in plain_layout(text)


def test_its_act_points_back_to_the_state_the_sentence_before_names(eval_db: Path) -> None:
    text = (
        "Ghana's record on women's rights treaties is strong. With its ratification in February 2011, the "
        "Optional Protocol to CEDAW reached 101 States parties."
    )
    assert _checks(eval_db, text, date(2012, 3, 8)) == [(101, "parties", "IV-8-b", "2011-02-03")]


def test_a_rise_between_two_years_dates_each_end(eval_db: Path) -> None:
    for lead in ("Between 2000 and 2010", "From 2000 to 2010"):
        text = f"{lead} the number of States parties to the Optional Protocol to CEDAW rose from 15 to 100."
        assert _checks(eval_db, text, date(2013, 1, 15)) == [
            (15, "parties", "IV-8-b", "2000-12-31"),
            (100, "parties", "IV-8-b", "2010-12-31"),
        ]
    # without the span of years, the starting figure is still a change, and the end of the text's day
    text = "The number of States parties to the Optional Protocol to CEDAW rose from 15 to 100."
    assert _checks(eval_db, text, date(2013, 1, 15)) == [(100, "parties", "IV-8-b", "2013-01-15")]


def test_states_that_notified_their_consent_to_be_bound_by_protocol_ii_as_amended(eval_db: Path) -> None:
    text = (
        "Protocol on Prohibitions or Restrictions on the Use of Mines, Booby-Traps and Other Devices as "
        "amended on 3 May 1996 (Protocol II as amended)\nAs at 31 March 2012, 98 States had notified their "
        "consent to be bound by it."
    )
    assert _checks(eval_db, text, date(2012, 4, 20)) == [(98, "parties", "XXVI-2-b", "2012-03-31")]
