"""Seventeenth pass (issue 21). One test per rule, on hand-written sentences.

The rules of this pass came from passages written blind to probe the checker (eight batches: anniversaries,
opinion pieces, attributed figures, questions and answers, several treaties compared, numbered reports,
a country's own act, the early years of treaties), not from `dev/` misses.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.dates import find_dates
from pipeline.text import parse_number
from tests.claims.readers import checks as _checks
from tests.claims.readers import counts as _counts

CRC = "the Convention on the Rights of the Child"
CTBT = "the Comprehensive Nuclear-Test-Ban Treaty"


def test_an_ordinal_with_its_noun_left_out_before_to_ratify_is_a_count(eval_db: Path) -> None:
    text = f"Somalia was the 196th to ratify {CRC}."
    assert _checks(eval_db, text) == [(196, "parties", "IV-11", "2015-10-01")]
    # the noun told, as before
    text = f"Somalia was the 196th state to ratify {CRC}."
    assert _checks(eval_db, text) == [(196, "parties", "IV-11", "2015-10-01")]


def test_a_noun_counted_by_number_as_a_verb_after_today(eval_db: Path) -> None:
    text = f"Signatures to {CTBT} today number 185, and 170 states have ratified it."
    assert _checks(eval_db, text, written_on=date(2021, 9, 24)) == [
        (185, "signatories", "XXVI-4", "2021-09-24"),
        (170, "parties", "XXVI-4", "2021-09-24"),
    ]


def test_signed_and_not_got_round_to_ratifying_counts_those_not_party() -> None:
    text = "111 countries have joined the Convention on Cluster Munitions. Another 12 have signed and just haven't got round to ratifying."
    assert _counts(text) == [(111, "parties"), (12, "signed_not_party")]
    assert _counts("Of them, 12 have signed but never managed to ratify it.")[-1:] == [
        (12, "signed_not_party")
    ]
    # "signed and ratified" is no count of those not party
    assert _counts("By then 12 countries had signed and ratified the treaty.") == [(12, "parties")]


def test_a_sister_treatys_bare_count_after_its_whole_title_or_a_relative_clause() -> None:
    text = (
        f"{CRC[0].upper()}{CRC[1:]} has 196 states parties, the Convention on the Elimination of All Forms of "
        "Discrimination against Women 189 and the International Convention on the Elimination of All Forms of "
        "Racial Discrimination 182."
    )
    assert _counts(text) == [(196, "parties"), (189, "parties"), (182, "parties")]
    text = (
        "The Covenant has 164 States parties, and its Optional Protocol, which opened the door to complaints "
        "only in 2013, just 22."
    )
    assert _counts(text) == [(164, "parties"), (22, "parties")]
    # the verb told after the relative clause
    text = "The Convention has 192 States Parties. Its Optional Protocol, which allows complaints, has 106."
    assert _counts(text) == [(192, "parties"), (106, "parties")]
    # a day or an article after the title is no count
    text = "The Convention has 189 parties, and the Convention entered into force on September 3."
    assert _counts(text) == [(189, "parties")]
    assert _counts("The Convention has 189 parties, as the Convention requires in article 20.") == [
        (189, "parties")
    ]


def test_among_the_first_to_ratify_is_no_count() -> None:
    assert _counts(f"Ghana was among the first to ratify {CRC}, in 1990.") == []
    assert _counts(f"Ghana was one of the first to ratify {CRC}.") == []


def test_an_events_year_on_a_line_before_gives_no_year_to_a_day_the_text_tells_of_its_own_time() -> None:
    text = (
        "Thailand has ratified the convention, 12 years after signing it in January 2012.\n"
        "The ambassador deposited the instrument on 14 May."
    )
    days = [d.on.isoformat() for d in find_dates(text, own_day=date(2024, 5, 20))]
    assert days == ["2012-01-31", "2024-05-14"]
    # on the same line, the year told before stands
    text = "Thailand signed it in January 2012 and ratified it on 14 May."
    assert [d.on.isoformat() for d in find_dates(text, own_day=date(2024, 5, 20))][-1] == "2012-05-14"


TPNW = "the Treaty on the Prohibition of Nuclear Weapons"


def test_a_count_pointing_back_at_an_act_told_the_sentence_before_takes_its_relative_day(
    eval_db: Path,
) -> None:
    text = (
        f"Ireland has ratified {TPNW}. The instrument was lodged at UN headquarters yesterday, alongside "
        "those of Nigeria and Niue. Their three deposits took the number of states parties to 43."
    )
    assert _checks(eval_db, text, written_on=date(2020, 8, 7)) == [(43, "parties", "XXVI-9", "2020-08-06")]
    # the day of the deposit, not the signing day the sentence also tells
    text = (
        "Fiji has ratified the Convention against Torture. The instrument was deposited at the UN on Monday, "
        "a fortnight after Fiji signed it on March 1. That brings to 159 the number of States that have "
        "ratified or acceded to the Convention."
    )
    assert _checks(eval_db, text, written_on=date(2016, 3, 16)) == [(159, "parties", "IV-9", "2016-03-14")]
    # a count that does not point back keeps the text's date
    text = (
        f"Ireland has ratified {TPNW}. The instrument was lodged at UN headquarters yesterday. "
        "The treaty has 43 states parties."
    )
    assert _checks(eval_db, text, written_on=date(2020, 8, 7)) == [(43, "parties", "XXVI-9", "2020-08-07")]


def test_questions_of_how_many_by_their_noun_and_the_answers_after_a_speakers_label() -> None:
    text = (
        "Q: And how many signatures does the Cluster Munitions Convention have now?\nA: A hundred and eight.\n"
        "Q: And ratifications?\nA: A hundred, exactly."
    )
    assert _counts(text) == [(108, "signatories"), (100, "parties")]
    text = f"How many States are parties to {CRC} today?\n196, all but one."
    assert _counts(text) == [(196, "parties")]
    # a question of its noun alone, with no "how many" before it, asks nothing countable
    assert _counts("Q: And ratifications?\nA: A hundred, exactly.") == []


def test_two_dozen_is_24() -> None:
    assert parse_number("two dozen") == 24
    text = f"{TPNW} has 94 signatories; the number of states that have signed but not yet ratified is about two dozen."
    assert _counts(text) == [(94, "signatories"), (24, "signed_not_party")]
    assert _counts("Half a dozen states have signed the treaty.") == []
    assert _counts("A dozen states have signed the treaty.") == []


CWC = "the Chemical Weapons Convention"


def test_a_counts_series_each_with_its_own_time(eval_db: Path) -> None:
    text = f"Ratifications of {CWC} came quickly: 106 states were parties by the end of 1997, 141 by the end of 2000 and 175 by the end of 2005."
    assert _checks(eval_db, text) == [
        (106, "parties", "XXVI-3", "1997-12-31"),
        (141, "parties", "XXVI-3", "2000-12-31"),
        (175, "parties", "XXVI-3", "2005-12-31"),
    ]
    # a count told without a time of its own has no series after it
    assert _counts(f"{CWC} was signed by 130 states, 20 in Africa.") == [(130, "signatories")]


def test_the_nth_of_the_act_a_states_possessive_names(eval_db: Path) -> None:
    text = f"Peru's ratification of {CRC}, the 150th, came in 1990."
    assert _counts(text) == [(150, "parties")]
    text = f"Somalia's instrument of ratification of {CRC}, deposited that autumn, was the 196th."
    assert _checks(eval_db, text) == [(196, "parties", "IV-11", "2015-10-01")]
    # a rank that is no ordinal of the act
    assert _counts(f"Peru's ratification of {CRC} was the second step.") == []


def test_a_count_at_an_entry_into_force_told_by_its_year_takes_the_records_day(eval_db: Path) -> None:
    cat = "the Convention against Torture"
    text = f"On that date in 1987 {cat} entered into force. Twenty-one States were parties to it then."
    assert _checks(eval_db, text, written_on=date(2017, 6, 26)) == [(21, "parties", "IV-9", "1987-06-26")]
    text = (
        f"{cat[0].upper()}{cat[1:]} was adopted on 10 December 1984. It entered into force in 1987; at that "
        "time it had 21 States parties."
    )
    assert _checks(eval_db, text, written_on=date(2017, 6, 26)) == [(21, "parties", "IV-9", "1987-06-26")]
    # a year the record's entry into force is not in: no day from the record
    text = f"{cat[0].upper()}{cat[1:]} entered into force in 1988; at that time it had 21 States parties."
    assert (21, "parties", "IV-9", "1987-06-26") not in _checks(eval_db, text, written_on=date(2017, 6, 26))
    # "since then" points back at no moment
    text = f"{cat[0].upper()}{cat[1:]} entered into force in 1987. 162 States have ratified it since then."
    assert _checks(eval_db, text, written_on=date(2017, 6, 26)) == [(162, "parties", "IV-9", "2017-06-26")]


def test_on_that_first_day_is_the_opening_for_signature(eval_db: Path) -> None:
    text = (
        "Human Rights Day 1999 was the day the Optional Protocol to the Convention on the Elimination of All "
        "Forms of Discrimination against Women opened for signature, and 23 States signed it on that first day."
    )
    assert _checks(eval_db, text, written_on=date(2019, 12, 10)) == [
        (23, "signatories", "IV-8-b", "1999-12-10")
    ]


def test_a_table_aligned_by_spaces_its_columns_and_its_captions_date(eval_db: Path) -> None:
    text = (
        "Table 2. Participation in selected treaties (status as at 1 January 2020)\n\n"
        "Treaty                          Adopted   In force   Signatories   States parties\n"
        "CCW (1980)                      1980      1983       50            125\n"
        "Chemical Weapons Convention     1992      1997       165           193\n"
    )
    assert _checks(eval_db, text, written_on=date(2020, 3, 10)) == [
        (50, "signatories", "XXVI-2", "2020-01-01"),
        (125, "parties", "XXVI-2", "2020-01-01"),
        (165, "signatories", "XXVI-3", "2020-01-01"),
        (193, "parties", "XXVI-3", "2020-01-01"),
    ]
    # a column's words after its label tell its measure too
    text = "Treaty          Signatories (not yet ratified)\nArms Trade Treaty          31\n"
    assert _counts(text) == [(31, "signed_not_party")]
    # prose of one measure, wrapped, stays prose
    text = (
        "The Chemical Weapons Convention, which opened for signature in Paris in 1993, has been\n"
        "ratified by 193 states, more than any other disarmament treaty in the world today.\n"
    )
    assert _counts(text) == [(193, "parties")]


def test_one_figure_told_of_each_treaty_of_a_list(eval_db: Path) -> None:
    ccm, att = "the Convention on Cluster Munitions", "the Arms Trade Treaty"
    text = f"{ccm[0].upper()}{ccm[1:]} and {att} have 110 states parties each."
    day = date(2021, 9, 1)
    assert _checks(eval_db, text, written_on=day) == [
        (110, "parties", "XXVI-8", "2021-09-01"),
        (110, "parties", "XXVI-6", "2021-09-01"),
    ]
    text = f"The Mine Ban Treaty follows at 164, ahead of {ccm} and {att}, level at 110 each."
    assert sorted(_checks(eval_db, text, written_on=day)) == [
        (110, "parties", "XXVI-6", "2021-09-01"),
        (110, "parties", "XXVI-8", "2021-09-01"),
        (164, "parties", "XXVI-5", "2021-09-01"),
    ]
    # "each" of states, not of the treaties: one claim
    text = f"{ccm[0].upper()}{ccm[1:]} and {att} have 110 states parties, each of them bound to report."
    assert _checks(eval_db, text, written_on=day) == [(110, "parties", "XXVI-8", "2021-09-01")]


def test_a_timeline_line_opening_with_its_year_dates_its_count(eval_db: Path) -> None:
    text = "MINE BAN TREATY: TIMELINE\n2005: 148 States Parties\n2015 – 162 States Parties"
    assert _checks(eval_db, text, written_on=date(2017, 12, 3)) == [
        (148, "parties", "XXVI-5", "2005-12-31"),
        (162, "parties", "XXVI-5", "2015-12-31"),
    ]
    # a year that opens a line as the subject of its sentence is no timeline's
    text = "The Mine Ban Treaty has 164 States Parties.\n2015 was the year the treaty's review began."
    assert _checks(eval_db, text, written_on=date(2017, 12, 3)) == [(164, "parties", "XXVI-5", "2017-12-03")]


def test_a_fact_boxs_footer_dates_the_lines_above_it(eval_db: Path) -> None:
    text = (
        "ARMS TRADE TREATY — STATUS\n130 signatories\n113 States Parties\n"
        "Source: the UN Office for Disarmament Affairs, as of 31 August 2023"
    )
    assert _checks(eval_db, text, written_on=date(2023, 9, 5)) == [
        (130, "signatories", "XXVI-8", "2023-08-31"),
        (113, "parties", "XXVI-8", "2023-08-31"),
    ]
    # a blank line between the figures and a dated line: no footer of theirs
    text = "ARMS TRADE TREATY — STATUS\n113 States Parties\n\nSource: the UN Office for Disarmament Affairs, as of 31 August 2023"
    assert _checks(eval_db, text, written_on=date(2023, 9, 5)) == [(113, "parties", "XXVI-8", "2023-09-05")]


def test_an_infobox_rows_own_as_of_is_no_footer_of_the_row_above(eval_db: Path) -> None:
    text = "Arms Trade Treaty\nSignatories: 130\nParties: 113 (as of August 2023)\nLanguages: Arabic, Chinese"
    assert _checks(eval_db, text, written_on=date(2023, 9, 2)) == [
        (130, "signatories", "XXVI-8", "2023-09-02"),
        (113, "parties", "XXVI-8", "2023-08-31"),
    ]


def test_the_nth_ratifying_state_and_the_nth_state_to_do_so(eval_db: Path) -> None:
    text = f"Somalia counts as the 196th ratifying state of {CRC}."
    assert _counts(text) == [(196, "parties")]
    opic = "the Optional Protocol to the Convention on the Rights of the Child on a communications procedure"
    text = f"Denmark acceded this week to {opic}. It is the twentieth state to do so."
    assert _checks(eval_db, text, written_on=date(2015, 10, 9)) == [(20, "parties", "IV-11-d", "2015-10-09")]
    text = f"Denmark signed {opic} this week. It is the 40th state to do so."
    assert _checks(eval_db, text, written_on=date(2015, 10, 9)) == [
        (40, "signatories", "IV-11-d", "2015-10-09")
    ]
    # "to do so" of no act told before: no count
    assert _counts("It is the twentieth state to do so.") == []


def test_a_last_updated_footer_dates_the_box_above_it(eval_db: Path) -> None:
    text = f"{TPNW[4:]}: status\n94 signatories  ·  73 states parties\nLast updated: 3 December 2024\n"
    assert _checks(eval_db, text, written_on=date(2024, 12, 5)) == [
        (94, "signatories", "XXVI-9", "2024-12-03"),
        (73, "parties", "XXVI-9", "2024-12-03"),
    ]


def test_yesterday_in_a_datelines_sentence_dates_an_ordinal_left_to_the_record(eval_db: Path) -> None:
    text = (
        f"ACCRA, 27 September 2025 — Ghana yesterday deposited its instrument of ratification of {TPNW} in "
        "New York, making it the 74th country bound by the treaty."
    )
    assert _checks(eval_db, text, written_on=date(2025, 9, 27)) == [(74, "parties", "XXVI-9", "2025-09-26")]


def test_a_page_stamp_of_the_texts_own_day_lets_on_monday_date_the_act(eval_db: Path) -> None:
    text = (
        "Source: Xinhua| 2020-07-07 16:22:05\nBEIJING, July 7 (Xinhua) -- China on Monday deposited its instrument "
        "of accession to the Arms Trade Treaty, becoming the 107th state party to the treaty."
    )
    assert _checks(eval_db, text, written_on=date(2020, 7, 7)) == [(107, "parties", "XXVI-8", "2020-07-06")]


def test_goals_changes_and_parties_of_one_treaty_not_yet_of_another_are_no_counts() -> None:
    opcat = "the Optional Protocol to the Convention against Torture"
    assert _counts(f"At this pace, {opcat} needs 7 more ratifications to reach 100 States parties.") == []
    text = f"The campaign fell short, but more than 25 states have joined {opcat} since the campaign began."
    assert _counts(text) == []
    text = f"More than 140 States parties to {CRC} have yet to accept the complaints procedure."
    assert _counts(text) == []
    # those who did the act are counted
    assert _counts(f"173 States parties to {CRC} have ratified its Optional Protocol.") == [(173, "parties")]


def test_an_amendments_bare_count_after_a_relative_clause_told_aside(eval_db: Path) -> None:
    text = (
        "The Convention on Certain Conventional Weapons has 128 High Contracting Parties. Protocol V has been "
        "accepted by 99 States, and the 2001 amendment to Article I, which extends the Convention to "
        "non-international armed conflicts, by 90."
    )
    assert _checks(eval_db, text, written_on=date(2024, 11, 13)) == [
        (128, "parties", "XXVI-2", "2024-11-13"),
        (99, "parties", "XXVI-2-d", "2024-11-13"),
        (90, "parties", "XXVI-2-c", "2024-11-13"),
    ]


def test_an_aside_between_dashes_and_a_sister_title_with_commas(eval_db: Path) -> None:
    text = (
        "It was a grey morning in Oslo on 3 December 2008 when 94 states — led by Norway, and prodded by "
        "campaigners — signed the Convention on Cluster Munitions."
    )
    assert _checks(eval_db, text) == [(94, "signatories", "XXVI-6", "2008-12-03")]
    text = (
        "The International Covenant on Civil and Political Rights has 169 states parties and the "
        "International Covenant on Economic, Social and Cultural Rights 165."
    )
    assert _counts(text) == [(169, "parties"), (165, "parties")]


def test_a_run_of_ordinals_of_several_treaties_told_with_commas(eval_db: Path) -> None:
    text = (
        "The accessions made Palestine the 188th State party to CEDAW, the 194th to the Convention on the "
        "Rights of the Child and the 155th to the Convention against Torture."
    )
    assert _checks(eval_db, text) == [
        (188, "parties", "IV-8", "2014-04-02"),
        (194, "parties", "IV-11", "2014-04-02"),
        (155, "parties", "IV-9", "2014-04-02"),
    ]


def test_a_bare_figure_with_its_verb_in_the_past_after_a_count(eval_db: Path) -> None:
    crpd = "the Convention on the Rights of Persons with Disabilities"
    text = f"On 30 March 2007, 82 states signed {crpd} and 44 signed its Optional Protocol."
    assert _checks(eval_db, text) == [
        (82, "signatories", "IV-15", "2007-03-30"),
        (44, "signatories", "IV-15-a", "2007-03-30"),
    ]
    # with no count before it, a bare figure and its verb stay unread
    assert _counts(f"In 2010, 12 ratified {crpd}.") == []


def test_just_shy_of_and_a_little_over_are_qualifiers() -> None:
    from pipeline.claims.numbers import comparison_for

    assert comparison_for("just shy of") == "<~"
    assert comparison_for("a little over") == ">"
    text = f"{TPNW[0].upper()}{TPNW[1:]} is binding on just shy of sixty states."
    assert _counts(text) == [(60, "parties")]


def test_a_count_dated_by_the_note_its_mark_points_to(eval_db: Path) -> None:
    ccm = "The Convention on Cluster Munitions"
    text = (
        f"{ccm} now has 100 States Parties,[12] and several holdouts have declared moratoria.[13]\n"
        "[12] Status as of 1 September 2016; see the UN Treaty Collection, ch. XXVI, no. 6.\n"
        "[13] See the statements collected in the monitor's report, pp. 3-9."
    )
    assert _checks(eval_db, text, written_on=date(2016, 10, 14)) == [(100, "parties", "XXVI-6", "2016-09-01")]
    text = f"{ccm} has 100 States Parties,(3) almost all of them in Europe.\n(3) Figure at the time of writing (June 2016)."
    assert _checks(eval_db, text) == [(100, "parties", "XXVI-6", "2016-06-30")]
    # a note that tells no date of the figures leaves the count as its words date it
    text = f"{ccm} has 100 States Parties,[4] and counting.\n[4] See Smith, Cluster Munitions, p. 12."
    assert _checks(eval_db, text, written_on=date(2016, 10, 14)) == [(100, "parties", "XXVI-6", "2016-10-14")]


def test_at_the_time_of_writing_and_a_bare_figure_that_are_parties(eval_db: Path) -> None:
    ced = "the International Convention for the Protection of All Persons from Enforced Disappearance"
    text = (
        f"At the time of writing (September 2010), 86 states have signed {ced}, but only 19 have ratified it."
    )
    assert _checks(eval_db, text) == [
        (86, "signatories", "IV-16", "2010-09-30"),
        (19, "parties", "IV-16", "2010-09-30"),
    ]
    enmod = "The Environmental Modification Convention"
    assert _counts(
        f"{enmod} never drew much notice. Forty-eight states signed it, and today 78 are parties."
    ) == [
        (48, "signatories"),
        (78, "parties"),
    ]


def test_a_figure_a_correction_takes_back_is_listed_retracted(eval_db: Path) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store

    text = (
        "169 states have ratified the Convention against Torture.\n\n"
        "This article was amended on 27 June 2019. An earlier version said that 150 states had ratified the "
        "Convention against Torture."
    )
    with open_store(eval_db, read_only=True) as store:
        report = check_text(text, store, written_on=date(2019, 6, 26))
    assert [c.claim.figure for c in report.checks] == [169]
    assert [(u.figure, u.reason) for u in report.unread] == [(150, "retracted by the text")]


def test_with_a_state_named_alone_dates_the_count_by_its_act(eval_db: Path) -> None:
    text = f"UNICEF welcomed the news. With Somalia, 196 States are now party to {CRC}."
    assert _checks(eval_db, text, written_on=date(2015, 10, 2)) == [(196, "parties", "IV-11", "2015-10-01")]
    # "with" of something else than a state: the text's day
    text = f"With this, 196 States are now party to {CRC}."
    assert _checks(eval_db, text, written_on=date(2015, 10, 2)) == [(196, "parties", "IV-11", "2015-10-02")]


def test_with_this_ratification_points_back_at_the_act_told_before(eval_db: Path) -> None:
    text = (
        f"On 26 September 2025 Ghana deposited its instrument of ratification of {TPNW}. With this "
        "ratification, the Treaty now has 74 States parties."
    )
    assert _checks(eval_db, text, written_on=date(2025, 9, 29)) == [(74, "parties", "XXVI-9", "2025-09-26")]


def test_ratification_number_n_and_had_been_the_nth(eval_db: Path) -> None:
    assert _counts(f"Tuvalu has ratified {CTBT}. It is ratification number 171.") == [(171, "parties")]
    assert _counts("Vanuatu is State Party number 117 to the Arms Trade Treaty.") == [(117, "parties")]
    # a number of something else is no count
    assert _counts(f"{CTBT[4:]} was adopted by resolution number 245.") == []
    mw = "the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families"
    text = f"Malawi ratified {mw} on 23 September 2022, making it the 58th state party. Chad, which ratified in February, had been the 57th."
    assert _checks(eval_db, text, written_on=date(2022, 9, 24)) == [
        (58, "parties", "IV-13", "2022-09-23"),
        (57, "parties", "IV-13", "2022-02-22"),
    ]


def test_signed_or_ratified_by_n_mixes_two_measures() -> None:
    att = "The Arms Trade Treaty"
    assert _counts(f"{att} has been signed or ratified by more than 130 states.") == []
    assert _counts(f"{att} has been signed and ratified by 113 states.") == [(113, "parties")]


def test_a_line_opening_with_a_label_and_its_colon_is_a_sentence_of_its_own(eval_db: Path) -> None:
    text = (
        "Status of ratification (at 31 December 2010)\n"
        "Convention on the Rights of Persons with Disabilities: 147 signatures, 97 ratifications\n"
        "Optional Protocol: 90 signatures, 60 ratifications\n"
    )
    assert _checks(eval_db, text, written_on=date(2011, 1, 10)) == [
        (147, "signatories", "IV-15", "2010-12-31"),
        (97, "parties", "IV-15", "2010-12-31"),
        (90, "signatories", "IV-15-a", "2010-12-31"),
        (60, "parties", "IV-15-a", "2010-12-31"),
    ]
