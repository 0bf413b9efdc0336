"""Sixteenth pass (issue 21). One test per rule, on hand-written sentences.

The rules of this pass came from passages written blind to probe the checker (five batches: a state's act,
dates, formal register, families of treaties, numbers that are not claims), not from `dev/` misses.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.dates import find_dates
from tests.claims.readers import checks as _checks


def _days(text: str, own_day: date) -> list[str]:
    return [d.on.isoformat() for d in find_dates(text, own_day=own_day)]


def test_a_month_without_its_year_ahead_of_the_text_is_last_years() -> None:
    january = date(2019, 1, 15)
    assert _days("Mozambique ratified it in December.", january) == ["2018-12-31"]
    assert _days("Peru signed it on 3 November.", january) == ["2018-11-03"]
    # the text's own month, or a month before it: this year's
    assert _days("Peru signed it on 3 January.", january) == ["2019-01-03"]
    assert _days("Peru signed it in January.", january) == ["2019-01-31"]
    # a day ahead of the text that the text tells as ahead stays this year's
    assert _days("The convention will enter into force on Aug. 1.", date(2010, 2, 17)) == ["2010-08-01"]
    assert _days("It triggered its entry into force on 1 August.", date(2010, 2, 17)) == ["2010-08-01"]
    # a year its paragraph gives stands
    assert _days("In 2018 much happened. In December, Peru ratified it.", january) == [
        "2018-12-31",
        "2018-12-31",
    ]


def test_a_states_act_told_by_its_month_takes_the_records_day(eval_db: Path) -> None:
    text = (
        "Cambodia's ratification in October made it the 100th State party to the Optional Protocol to the "
        "Convention on the Elimination of All Forms of Discrimination against Women."
    )
    assert _checks(eval_db, text, written_on=date(2011, 2, 1)) == [(100, "parties", "IV-8-b", "2010-10-13")]
    # a month the record's act is not in: the month's last day, as told
    wrong = text.replace("in October", "in August")
    assert _checks(eval_db, wrong, written_on=date(2011, 2, 1)) == [(100, "parties", "IV-8-b", "2010-08-31")]


CCW = "the Convention on Certain Conventional Weapons"


def test_an_ordinal_high_contracting_party_or_party_after_as_is_a_count(eval_db: Path) -> None:
    text = (
        f"Trinidad and Tobago acceded to {CCW} on 29 July 2024 and thus is the 126th High Contracting Party."
    )
    assert _checks(eval_db, text) == [(126, "parties", "XXVI-2", "2024-07-29")]
    text = f"Tajikistan acceded to {CCW} on 29 July 2024 and was counted as the 126th party."
    assert _checks(eval_db, text) == [(126, "parties", "XXVI-2", "2024-07-29")]


def test_a_second_ordinal_with_its_noun_left_out_counts_the_treaty_named_after_it(eval_db: Path) -> None:
    text = (
        "Fiji's accession on 16 August 2018 makes it the 172nd State party to the ICCPR and the 169th to "
        "the ICESCR."
    )
    assert _checks(eval_db, text) == [
        (172, "parties", "IV-4", "2018-08-16"),
        (169, "parties", "IV-3", "2018-08-16"),
    ]
    # a first ordinal below ten is an event, and so is its second
    assert _checks(eval_db, text.replace("172nd", "first").replace("169th", "second")) == []


def test_a_misspelt_states_is_a_noun_of_states() -> None:
    from tests.claims.readers import counts

    assert counts("Now 178 Sates have ratified the CTBT.") == [(178, "parties")]


def test_the_full_stops_of_an_abbreviation_do_not_hide_the_state_that_joins_the_others(eval_db: Path) -> None:
    text = (
        "Indonesia ratifies U.N. nuclear weapons ban, joining 72 other states\n\n"
        "Indonesia deposited its instrument of ratification of the Treaty on the Prohibition of Nuclear "
        "Weapons on Tuesday."
    )
    assert _checks(eval_db, text, written_on=date(2024, 9, 25)) == [(72, "parties", "XXVI-9", "2024-09-24")]


def test_a_bare_ordinal_after_a_verb_of_joining_is_a_count_of_its_day(eval_db: Path) -> None:
    # not a threshold: the CRC entered into force after its 20th consent, not its 196th
    text = "Somalia ratified the Convention on the Rights of the Child on 1 October 2015, being the 196th."
    assert _checks(eval_db, text) == [(196, "parties", "IV-11", "2015-10-01")]
    # the consent that brought the treaty into force: the threshold, of no day
    text = (
        "Iraq ratified the International Convention for the Protection of All Persons from Enforced "
        "Disappearance, being the twentieth."
    )
    assert _checks(eval_db, text, written_on=date(2011, 1, 1)) == [(20, "parties", "IV-16", None)]


def test_yesterday_after_a_dateline_in_the_same_sentence_is_the_day_before_it(eval_db: Path) -> None:
    for dateline in ("Berlin, 21 April 2023 — ", "BERLIN (21 April 2023) – "):
        text = (
            f"{dateline}Germany yesterday deposited its instrument, becoming the 27th State Party to the "
            "Optional Protocol to the International Covenant on Economic, Social and Cultural Rights."
        )
        assert _checks(eval_db, text) == [(27, "parties", "IV-3-a", "2023-04-20")], dateline


def test_one_state_named_aside_between_the_count_and_its_verb(eval_db: Path) -> None:
    for told in (
        "One country, the United States, has signed but not ratified it.",
        "Only one state, the United States, has signed it without going on to ratify.",
        "Two states, Somalia and South Sudan, have signed it without yet ratifying.",
    ):
        text = "The Convention on the Rights of the Child has 196 parties. " + told
        figure = 2 if told.startswith("Two") else 1
        assert _checks(eval_db, text, written_on=date(2019, 1, 1))[1:] == [
            (figure, "signed_not_party", "IV-11", "2019-01-01")
        ], told


def test_a_notes_number_glued_to_a_full_stop_ends_the_sentence() -> None:
    from pipeline.claims.sentences import split_sentences

    text = (
        "It opened for signature on 6 February 2007, when 57 States signed it.23 It entered into force later."
    )
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "It opened for signature on 6 February 2007, when 57 States signed it.",
        "It entered into force later.",
    ]
    # a decimal or an abbreviation's number is no note: "No. 12", "version 2.5 The"
    assert len(split_sentences("See resolution No. 12 Here and version 2.5 The end.")) == 1


def test_a_span_after_a_day_told_before_dates_the_count(eval_db: Path) -> None:
    opac = "The Optional Protocol on the involvement of children in armed conflict entered into force on 12 February 2002."
    assert _checks(eval_db, opac + " A year later it had 50 States parties.") == [
        (50, "parties", "IV-11-b", "2003-02-12")
    ]
    att = "The General Assembly adopted the Arms Trade Treaty on 2 April 2013 by 154 votes to 3."
    assert _checks(eval_db, att + " Two years after its adoption, it had been ratified by 72 states.") == [
        (72, "parties", "XXVI-8", "2015-04-02")
    ]
    # a date of the count's own sentence wins
    assert _checks(eval_db, att + " Two years later, in May 2015, 72 states had ratified it.") == [
        (72, "parties", "XXVI-8", "2015-05-31")
    ]
    # a span told in the present is of no day (the text's own, here none)
    assert _checks(eval_db, att + " Two years later, 72 states have ratified it.") == [
        (72, "parties", "XXVI-8", None)
    ]


def test_last_year_opening_a_clause_is_the_year_before_the_texts() -> None:
    on = date(2019, 2, 11)
    assert _days("Good news: last year, the number of parties reached 86.", on) == ["2018-12-31"]
    assert _days("Last year 86 states were parties.", on) == ["2018-12-31"]
    # a participle's "last year" is its event's, and "since last year" opens a change: not a date here
    assert _days("Sri Lanka joined, fulfilling the pledge made last year.", on) == []
    assert _days("Since last year, four states have signed.", on) == []


def test_a_timelines_line_gives_its_year_to_the_days_on_it() -> None:
    text = (
        "1997 – Opened for signature in Ottawa on 3 December. By 4 December, 122 states had signed.\n"
        "1999 – Entry into force on 1 March."
    )
    assert [d.on.isoformat() for d in find_dates(text)] == ["1997-12-03", "1997-12-04", "1999-03-01"]


def test_a_dot_leader_list_under_its_caption(eval_db: Path) -> None:
    text = (
        "STATUS OF INTERNATIONAL INSTRUMENTS (as at 31 December 1995)\n"
        "Number of States parties\n"
        "  International Convention on the Elimination of All Forms of Racial Discrimination ...... 146\n"
        "  Convention against Torture ....... 93\n"
        "  Convention on the Rights of the Child ........ 185"
    )
    assert _checks(eval_db, text, written_on=date(1996, 3, 1)) == [
        (146, "parties", "IV-2", "1995-12-31"),
        (93, "parties", "IV-9", "1995-12-31"),
        (185, "parties", "IV-11", "1995-12-31"),
    ]
    # each line's own measure, and the text's protocol for a label that names none
    text = (
        "CRPD at ten: status at 1 December 2016\n"
        "Convention - signatories ............... 160\n"
        "Optional Protocol - ratifications ...... 92\n"
        "Conference of States Parties, ninth session: 14-16 June 2016"
    )
    assert _checks(eval_db, text) == [
        (160, "signatories", "IV-15", "2016-12-01"),
        (92, "parties", "IV-15-a", "2016-12-01"),
    ]
    # a list whose heading and lines tell no measure is no count
    assert (
        _checks(eval_db, "Articles of the Convention against Torture\nDefinitions ...... 1\nScope ...... 20")
        == []
    )


def test_a_table_of_the_ccw_and_its_protocols(eval_db: Path) -> None:
    text = (
        "CCW and its Protocols: number of High Contracting Parties as of 31 December 2010\n"
        "Instrument | High Contracting Parties\n"
        "Protocol IV (blinding laser weapons) | 100\n"
        "Amended Article 1 (scope) | 75\n"
        "Protocol V (explosive remnants of war) | 74"
    )
    assert [(f, t) for f, _, t, _ in _checks(eval_db, text)] == [
        (100, "XXVI-2-a"),
        (75, "XXVI-2-c"),
        (74, "XXVI-2-d"),
    ]


def test_a_table_rows_date_cell_dates_its_figures(eval_db: Path) -> None:
    text = "treaty\tsignatories\tparties\tlast_updated\nCRPD\t164\t185\t2022-04-15\n"
    assert _checks(eval_db, text, written_on=date(2022, 5, 1)) == [
        (164, "signatories", "IV-15", "2022-04-15"),
        (185, "parties", "IV-15", "2022-04-15"),
    ]


def test_an_ago_that_dates_the_treatys_own_event_dates_no_count(eval_db: Path) -> None:
    text = (
        "The Optional Protocol to the International Covenant on Economic, Social and Cultural Rights, opened "
        "for signature just a year ago, has 33 signatories."
    )
    assert _checks(eval_db, text, written_on=date(2010, 9, 21)) == [
        (33, "signatories", "IV-3-a", "2010-09-21")
    ]
    # the count's own "ago" still moves it back
    text = "Two years ago, only 40 countries had ratified the Arms Trade Treaty."
    assert _checks(eval_db, text, written_on=date(2016, 5, 1)) == [(40, "parties", "XXVI-8", "2014-05-01")]


def test_a_second_state_and_its_place_after_an_ordinal() -> None:
    from pipeline.claims.frames import read_counts

    text = (
        "Sri Lanka became the 163rd State Party and the State of Palestine the 164th, and more will follow."
    )
    assert [c.figure for c in read_counts(text)[0]] == [163, 164]
    # no state before the second ordinal, and no treaty after it: nothing more
    assert [c.figure for c in read_counts("Chile became the 163rd State Party and the 164th.")[0]] == [163]
    # "as its Nth party"
    assert [c.figure for c in read_counts("The Union concluded it as its 97th party.")[0]] == [97]


def test_the_day_of_the_saying_is_not_the_day_of_the_act(eval_db: Path) -> None:
    text = (
        "VIENNA, Jan 31 (Reuters) - Colombia has become the 144th country to ratify the Comprehensive "
        "Nuclear-Test-Ban Treaty, the treaty's preparatory organisation said on Thursday."
    )
    assert _checks(eval_db, text, written_on=date(2008, 1, 31)) == [(144, "parties", "XXVI-4", "2008-01-29")]


def test_a_protocols_title_cut_short_is_the_one_whose_subject_the_text_names(eval_db: Path) -> None:
    cut = "the Optional Protocol to the Convention on the Rights of the Child"
    for subject, no in (
        ("the sale of children, child prostitution and child pornography", "IV-11-c"),
        ("the involvement of children in armed conflict", "IV-11-b"),
    ):
        text = f"A treaty against {subject} entered into force. 16 States have ratified {cut}."
        assert [t for _, _, t, _ in _checks(eval_db, text)] == [no], subject


def test_a_dateline_set_off_by_a_colon_a_full_stop_or_an_agencys_tag() -> None:
    from pipeline.claims.bylines import find_byline

    for text, day in (
        ("TEGUCIGALPA, 25.10.2020. The Government of Honduras deposited its instrument.", "2020-10-25"),
        ("Ulaanbaatar, 16.03.2012 /MONTSAME/ Mongolia deposited its instrument on 13 March.", "2012-03-16"),
        ("Dhaka, 29 August 2011: Bangladesh has become the 45th State Party.", "2011-08-29"),
    ):
        byline = find_byline(text, find_dates(text))
        assert byline is not None and byline.on.isoformat() == day, text
    # a sentence that opens with a date is no dateline without a place before it
    assert find_byline("On 25 October 2020. The treaty", find_dates("On 25 October 2020. The treaty")) is None


def test_the_acts_day_in_the_sentence_wins_over_the_dateline(eval_db: Path) -> None:
    text = (
        "Ulaanbaatar, 16.03.2012 /MONTSAME/ Mongolia deposited the instrument of accession to the Second "
        "Optional Protocol to the International Covenant on Civil and Political Rights on 13 March, becoming "
        "the 74th State Party."
    )
    assert _checks(eval_db, text) == [(74, "parties", "IV-12", "2012-03-13")]


def test_a_goal_is_no_count() -> None:
    from tests.claims.readers import counts

    for goal in (
        "Our campaign aims to bring that number to 100 ratifications by 2030.",
        "We hope to reach 100 ratifications by 2030.",
    ):
        assert counts(goal) == [], goal


def test_the_number_that_have_joined_with_its_noun_left_out() -> None:
    from tests.claims.readers import counts

    text = (
        "The Protocol has 108 states parties, far fewer than the 193 that have joined the Convention itself."
    )
    assert counts(text) == [(108, "parties"), (193, "parties")]


def test_the_number_that_answers_how_many(eval_db: Path) -> None:
    text = (
        "How many countries have banned landmines?\n"
        "Short answer: 164. That is the number of states parties to the Ottawa Convention."
    )
    assert _checks(eval_db, text, written_on=date(2024, 4, 4)) == [(164, "parties", "XXVI-5", "2024-04-04")]
    text = "Q: How many states have signed the Arms Trade Treaty but not ratified it?\nA: 26."
    assert _checks(eval_db, text, written_on=date(2024, 4, 4)) == [
        (26, "signed_not_party", "XXVI-8", "2024-04-04")
    ]
    # an answer in words that is not the number alone is for the frames, not this rule
    assert _checks(eval_db, "How many states have signed the Arms Trade Treaty?\nA: a few.") == []


def test_the_un_treaty_collections_own_stamp_dates_a_copied_status(eval_db: Path) -> None:
    text = (
        "8. Arms Trade Treaty\n"
        "New York, 2 April 2013\n"
        "Entry into force: 24 December 2014, in accordance with article 22(1).\n"
        "Status: Signatories: 130. Parties: 110.\n"
        "Status as at: 12-01-2021 05:00:15 EDT"
    )
    assert _checks(eval_db, text) == [
        (130, "signatories", "XXVI-8", "2021-01-12"),
        (110, "parties", "XXVI-8", "2021-01-12"),
    ]


def test_the_number_grown_since_counts_what_the_clause_before_counted(eval_db: Path) -> None:
    text = "By 1995 the First Optional Protocol to the ICCPR had 86 parties, and by 2010 the number had grown to 115."
    # each count of its own clause's date: the date that opens the second clause is not the first's
    assert _checks(eval_db, text) == [
        (86, "parties", "IV-5", "1995-12-31"),
        (115, "parties", "IV-5", "2010-12-31"),
    ]
    # a date told after both counts of one clause dates both
    text = "The Convention on the Rights of the Child had 196 parties, and 140 signatories, as of 2019."
    assert [d for *_, d in _checks(eval_db, text)] == ["2019-12-31", "2019-12-31"]


def test_a_fact_sheets_rows_under_a_dated_caption(eval_db: Path) -> None:
    text = (
        "Status of the Convention on Cluster Munitions (as of 1 August 2016)\n"
        "States Parties: 100\n"
        "Non-signatories: 78"
    )
    assert _checks(eval_db, text, written_on=date(2016, 9, 1)) == [(100, "parties", "XXVI-6", "2016-08-01")]
    # a sibling row's own date is that row's, no caption of the rows below it
    text = "Convention on Cluster Munitions\n- Parties (as of June 2016): 100\n- Signatories: 108"
    assert [d for *_, d in _checks(eval_db, text)] == ["2016-06-30", None]


def test_a_count_at_a_sentences_end_is_no_list_number() -> None:
    from pipeline.claims.sentences import split_sentences

    text = "Niue ratified on the same day, bringing the number of ratifications to 43. The Treaty now has 45."
    assert len(split_sentences(text)) == 2
    # a list's numbers after a colon or at a line's start stay inside
    assert len(split_sentences("The Convention provides as follows: 1. Prohibition of use.")) == 1


def test_signed_without_ratifying_after_a_long_title_and_its_list_after_a_colon(eval_db: Path) -> None:
    text = (
        "Only three states have signed the International Convention on the Elimination of All Forms of Racial "
        "Discrimination without ratifying it: Bhutan, which signed in March 1973, Nauru (2001) and Palau (2011)."
    )
    # the states after the colon are those counted: none of their acts dates the count
    assert _checks(eval_db, text) == [(3, "signed_not_party", "IV-2", None)]


def test_put_their_names_to_and_bound_themselves_by() -> None:
    from tests.claims.readers import counts

    assert counts("71 nations put their names to the Comprehensive Nuclear-Test-Ban Treaty.") == [
        (71, "signatories")
    ]
    assert counts("By then twenty States had bound themselves by the Convention.") == [(20, "parties")]


def test_a_label_that_names_its_treaty(eval_db: Path) -> None:
    text = (
        "International Covenant on Civil and Political Rights\n"
        "- Parties: 173\n"
        "- Parties to the First Optional Protocol (individual complaints): 116"
    )
    assert [(f, t) for f, _, t, _ in _checks(eval_db, text)] == [(173, "IV-4"), (116, "IV-5")]


def test_a_starting_figure_told_with_its_own_day(eval_db: Path) -> None:
    text = (
        "The number of States parties to the Optional Protocol on children in armed conflict has grown from 3 "
        "at the end of 2000 to 170 today."
    )
    assert _checks(eval_db, text, written_on=date(2020, 2, 12)) == [
        (3, "parties", "IV-11-b", "2000-12-31"),
        (170, "parties", "IV-11-b", "2020-02-12"),
    ]
    # a starting figure with no day of its own is a change's start, not a count
    text = "The number of parties to the Arms Trade Treaty rose from 50 to 110."
    assert [f for f, *_ in _checks(eval_db, text, written_on=date(2020, 12, 1))] == [110]
