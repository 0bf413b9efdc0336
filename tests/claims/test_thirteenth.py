"""Thirteenth pass (issue 21). One test per rule, on hand-written sentences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.frames import read_counts
from pipeline.claims.nth import nth_to_matches
from tests.claims.readers import checks as _checks
from tests.claims.readers import counts as _counts


def test_where_the_counted_are_in_the_world_is_passed_over() -> None:
    assert _counts("As many as 81 countries in the world are members of the Convention.") == [(81, "parties")]
    assert _counts("120 countries around the globe have ratified the Convention.") == [(120, "parties")]
    # not a place that makes the count a part of the whole
    assert _counts("81 countries in the world have ratified it, including 40 in Africa.")[0] == (
        81,
        "parties",
    )


def test_a_treatys_possessive_nth_state_party_is_a_count_of_parties() -> None:
    found = [
        (c.figure, c.measure) for c in nth_to_matches("The arrival of the convention's 190th state party.")
    ]
    assert found == [(190, "parties")]
    assert [c.figure for c in nth_to_matches("Syria became the CWC's 190th state party.")] == [190]
    # a state's possessive is no treaty's
    assert nth_to_matches("It was Ghana's 190th state visit.") == []


def test_of_these_n_states_after_a_count_of_n_tells_that_count_again() -> None:
    text = (
        "Eighteen States have ratified the Convention. Of these eighteen States, only 5 have recognized the "
        "competence of the Committee."
    )
    assert _counts(text) == [(18, "parties"), (18, "parties")]
    # after no count of that figure, the group is a part of something else
    other = "There are 44 states whose ratification is needed. Of these 44 states, 35 have ratified it."
    assert (44, "parties") not in _counts(other)[:1]


def test_a_protocols_count_after_its_parents_takes_its_measure_and_treaty(eval_db: Path) -> None:
    text = "The CRPD has been ratified by 193 states and its Optional Protocol by 108."
    assert _checks(eval_db, text) == [(193, "parties", "IV-15", None), (108, "parties", "IV-15-a", None)]
    text = "The International Covenant on Economic, Social and Cultural Rights has 172 parties, while its Optional Protocol has 29."
    assert [c[:3] for c in _checks(eval_db, text)] == [(172, "parties", "IV-3"), (29, "parties", "IV-3-a")]
    # a protocol's year is no count
    text = "The CRPD has 193 parties, and its Optional Protocol, 2006, allows complaints."
    assert [c[0] for c in _checks(eval_db, text)] == [193]


def test_one_of_n_signatories_that_have_not_ratified_counts_those_who_signed_only() -> None:
    text = "The United States is one of 26 signatories to the Arms Trade Treaty that have not ratified it."
    assert _counts(text) == [(26, "signed_not_party")]
    # countries that have not ratified are no count the UN gives
    assert _counts("Ghana is one of the twelve countries that have not ratified the treaty.") == []


def test_signed_on_its_first_day_is_the_opening_day(eval_db: Path) -> None:
    assert _checks(
        eval_db, "Sixty-seven countries signed the Arms Trade Treaty on its first day.", date(2013, 6, 10)
    ) == [(67, "signatories", "XXVI-8", "2013-06-03")]
    # the first day of something else is not the treaty's
    got = _checks(
        eval_db,
        "67 countries signed the Arms Trade Treaty on the first day of the summit.",
        date(2013, 6, 10),
    )
    assert [c[3] for c in got] != ["2013-06-03"]


def test_a_count_after_when_it_opened_for_signature_is_of_the_opening_day(eval_db: Path) -> None:
    text = "When the Arms Trade Treaty opened for signature in June 2013, 67 countries signed it."
    assert _checks(eval_db, text, date(2016, 5, 1)) == [(67, "signatories", "XXVI-8", "2013-06-03")]
    # a month that is not the record's first day's leaves the count to the text's day
    text = "When the Arms Trade Treaty opened for signature in July 2013, 67 countries signed it."
    assert all(c[3] != "2013-06-03" for c in _checks(eval_db, text, date(2016, 5, 1)))


def test_n_years_ago_moves_a_count_back_from_the_texts_day() -> None:
    from pipeline.claims.ago import ago_counts
    from pipeline.claims.extract import read_text

    def dates(text: str) -> list[tuple[int, str | None]]:
        claims = ago_counts(read_text(text, written_on=date(2016, 5, 1), treaty="XXVI-8").claims)
        return [(c.figure, c.claimed_on and c.claimed_on.isoformat()) for c in claims]

    assert dates(
        "Two years ago, only 40 countries had ratified the treaty; now 82 countries have ratified it."
    ) == [
        (40, "2014-05-01"),
        (82, "2016-05-01"),
    ]
    assert dates("Only 32 countries had ratified the treaty eighteen months ago.") == [(32, "2014-11-01")]
    # an "ago" in another clause, after a comma, is not the count's
    assert dates("82 states have now ratified the treaty, up from 40 two years ago.")[0] == (82, "2016-05-01")


def test_a_pact_or_a_ban_is_a_treaty_word_for_the_texts_subject(eval_db: Path) -> None:
    got = _checks(eval_db, "The cluster munitions ban has been ratified by 112 countries.")
    assert [c[:3] for c in got] == [(112, "parties", "XXVI-6")]
    got = _checks(eval_db, "The arms trade pact has been ratified by 116 nations.")
    assert [c[:3] for c in got] == [(116, "parties", "XXVI-8")]


def test_the_international_criminal_courts_member_states_are_the_rome_statutes_parties(eval_db: Path) -> None:
    got = _checks(eval_db, "The International Criminal Court has 125 member states.")
    assert [c[:3] for c in got] == [(125, "parties", "XVIII-10")]


def test_a_number_that_negotiated_the_treaty_is_never_read_by_the_record(eval_db: Path) -> None:
    # 107 is also the Convention's number of signatories in the record: the words say who negotiated it
    text = "The Convention on Cluster Munitions was negotiated by 107 states in Dublin."
    assert _checks(eval_db, text, date(2026, 1, 15)) == []
    # "adopted by" stays open to the record: texts write it for joining ("the covenant is adopted by 170 States")
    from pipeline.claims.record_reading import counts_people

    assert counts_people(text, text.index("107") + 3, text.index("107"))
    adopted = "While the covenant is adopted by 170 States, the protocol is not."
    assert not counts_people(adopted, adopted.index("170") + 3, adopted.index("170"))


def test_states_parties_that_accepted_a_committees_competence_are_a_part_of_the_parties() -> None:
    text = (
        "Under article 22, 69 States parties have accepted the Committee's competence to receive complaints."
    )
    assert _counts(text) == []
    assert read_counts(text)[1][-1].reason == "subset"


def test_a_tables_columns_under_a_measures_heading_are_counts_of_the_rows_treaty(eval_db: Path) -> None:
    from pipeline.claims.labels import table_matches

    table = (
        "| Treaty | States parties | Signatories |\n|---|---|---|\n| CAT | 175 | 175 |\n| ATT | 116 | 26 |"
    )
    got = [(c.figure, c.measure, table[c.number_start - 6 : c.number_end]) for c in table_matches(table)]
    assert got == [
        (175, "parties", "CAT | 175"),
        (175, "signatories", "175 | 175"),
        (116, "parties", "ATT | 116"),
        (26, "signatories", "116 | 26"),
    ]
    # a row of another width, or a line of prose, ends the table
    assert [c.figure for c in table_matches("Treaty | Parties\nCAT | 175 | 83\nATT | 116")] == []
    text = "Treaty\tParties\tSignatories\nConvention against Torture\t175\t83"
    assert [c[:3] for c in _checks(eval_db, text, date(2026, 2, 10))] == [
        (175, "parties", "IV-9"),
        (83, "signatories", "IV-9"),
    ]


def test_a_month_without_a_year_behind_a_preposition_takes_the_texts_year() -> None:
    from pipeline.claims.dates import find_dates

    def told(text: str) -> list[tuple[str, str]]:
        return [(d.text, d.on.isoformat()) for d in find_dates(text, default_year=2014)]

    assert told("In March, 31 countries had ratified it.") == [("In March", "2014-03-31")]
    assert told("By the end of May, 32 countries had ratified it.") == [("By the end of May", "2014-05-31")]
    assert told("In mid-May, 32 countries had ratified it.") == [("In mid-May", "2014-05-15")]
    # the year told before it in the paragraph comes first
    assert told("In March 2013, 2 had ratified it. By the end of May, 3 had.")[1] == (
        "By the end of May",
        "2013-05-31",
    )
    # the verb "may" is no month; a month with its year is the month pattern's
    assert told("It may be ratified by most states.") == []
    assert told("In May 2013, 2 had ratified it.") == [("May 2013", "2013-05-31")]


def test_the_end_of_last_year_is_the_31st_of_december_before_the_texts_year() -> None:
    from pipeline.claims.dates import find_dates

    [d] = find_dates("By the end of last year, 9 countries had ratified it.", default_year=2014)
    assert d.on.isoformat() == "2013-12-31"
    [d] = find_dates("At the start of this year, 9 countries had ratified it.", default_year=2014)
    assert d.on.isoformat() == "2014-01-01"
    # without the text's own date there is no year to count from
    assert find_dates("By the end of last year, 9 countries had ratified it.") == []


def test_a_protocols_bare_count_in_the_sentence_after_its_parents_and_before_a_conjunction(
    eval_db: Path,
) -> None:
    text = "The Convention against Torture has 175 parties. The Optional Protocol has 94."
    assert [c[:3] for c in _checks(eval_db, text)] == [(175, "parties", "IV-9"), (94, "parties", "IV-9-b")]
    text = "The ICCPR has 174 parties; the First Optional Protocol has 117 and the Second 92."
    assert [c[:3] for c in _checks(eval_db, text)][:2] == [(174, "parties", "IV-4"), (117, "parties", "IV-5")]
    # a figure with a noun of its own is that noun's
    text = "The Convention against Torture has 175 parties. The Optional Protocol has 37 articles."
    assert [c[0] for c in _checks(eval_db, text)] == [175]


def test_the_ccw_protocols_by_number_and_subject(eval_db: Path) -> None:
    got = _checks(eval_db, "Protocol V on Explosive Remnants of War has 97 parties.")
    assert [c[2] for c in got] == ["XXVI-2-d"]
    got = _checks(eval_db, "Protocol IV on Blinding Laser Weapons has 110 High Contracting Parties.")
    assert [c[2] for c in got] == ["XXVI-2-a"]


def test_yesterday_in_a_relative_clause_after_the_count_is_not_the_counts_day() -> None:
    from pipeline.claims.extract import read_text
    from pipeline.claims.relative_days import yesterday_counts

    def days(text: str) -> list[tuple[int, str | None]]:
        claims = yesterday_counts(read_text(text, written_on=date(2012, 2, 29), treaty="IV-11-d").claims)
        return [(c.figure, c.claimed_on and c.claimed_on.isoformat()) for c in claims]

    text = "Twenty States have signed the Protocol, which opened for signature yesterday in Geneva."
    assert days(text) == [(20, "2012-02-29")]
    # the count's own yesterday still moves it back
    assert days("Yesterday, twenty States signed the Protocol in Geneva.") == [(20, "2012-02-28")]


def test_a_dateline_with_an_agency_in_brackets_is_the_texts_own_date() -> None:
    from pipeline.claims.bylines import find_byline

    for head, day in (
        ("DHAKA, Nov 24, 2025 (BSS) - The Subcommittee welcomed the ratification.", "2025-11-24"),
        ("NEW YORK, 12 January 2006 (UN Headquarters) -- The meeting elected nine members.", "2006-01-12"),
    ):
        found = find_byline(head + "\n\nThe Protocol now has 96 States parties.")
        assert found is not None and found.on.isoformat() == day
    # a bracket that is not followed by the dash of a dateline is none
    assert (
        find_byline("The Convention was adopted on 12 January 2006 (resolution 60/1) by consensus.") is None
    )


def test_joining_n_others_after_a_sentence_telling_the_acts_day_keeps_that_day(eval_db: Path) -> None:
    text = (
        "Australia has today ratified the UN Convention on the Rights of Persons with Disabilities. Australia "
        "joins 29 other countries around the world."
    )
    assert _checks(eval_db, text, date(2008, 7, 18)) == [(29, "parties", "IV-15", "2008-07-18")]
    # without a day told, the record's day of Australia's consent (17 July 2008)
    text = text.replace("has today ratified", "has ratified")
    assert _checks(eval_db, text, date(2008, 7, 18)) == [(29, "parties", "IV-15", "2008-07-17")]


def test_the_nth_to_have_signed_or_joined_is_told_in_the_perfect() -> None:
    found = [
        (c.figure, c.measure) for c in nth_to_matches("Ghana is the 100th country to have signed the treaty.")
    ]
    assert found == [(100, "signatories")]
    found = [
        (c.figure, c.measure) for c in nth_to_matches("Ghana was the 100th state to have acceded to it.")
    ]
    assert found == [(100, "parties")]


def test_headlines_without_articles_are_read_as_their_sentences_are() -> None:
    body = "\n\nThe agency reported it on Monday."
    # (an ordinal without its article is the record's to read: tests/claims/test_loose_ordinals.py)
    assert _counts("Ratifications of Arms Trade Treaty climb to 45" + body) == [(45, "parties")]
    assert _counts("Number of Arms Trade Treaty parties rises to 45" + body) == [(45, "parties")]
    assert (45, "parties") in _counts(
        "Two more countries join Arms Trade Treaty, bringing total to 45" + body
    )
    assert (45, "parties") in _counts("Five more states ratify Arms Trade Treaty, total now 45" + body)
    assert (70, "signatories") in _counts("Five more states sign Arms Trade Treaty, total now 70" + body)
    # a total with no act told before it says nothing of what it counts
    assert _counts("Arms Trade Treaty tally hits 45" + body) == []
    # a number with more after it is no headline's total
    assert _counts("Five more states ratify the treaty, the total now 45 million dollars" + body) == []


def test_a_headline_without_a_full_stop_does_not_run_into_the_next_paragraph() -> None:
    # "reported" and "In Africa" in the next paragraph are not the headline's: no part of the parties
    assert _counts("Convention against Torture now has 156 parties\n\nThe news agency reported it.") == [
        (156, "parties")
    ]
    got = read_counts("Ghana becomes the 156th state to join the Convention\n\nIn Africa, the Committee met.")
    assert [(c.figure, c.measure) for c in got[0]] == [(156, "parties")]
    # within one paragraph, a line break is no end: "45 States Parties ... attended" is a part
    assert _counts("45 States Parties to the Convention\nattended the meeting.") == []
