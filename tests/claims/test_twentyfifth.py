"""Twenty-fifth pass (issue 21). One test per rule, on hand-written sentences: the shapes a sentence with no
treaty word of its own takes when it still speaks of the treaty told before it ("It now has 110 States"),
"followed suit" and "done likewise" as "done so", and an adoption told in the present."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.claims.readers import checks as _checks
from tests.claims.readers import unread as _unread

JOINED = "China joined the Arms Trade Treaty on Monday."


def test_a_sentence_whose_subject_is_it_speaks_of_the_treaty_before(eval_db: Path) -> None:
    # near the record (107 parties on 2020-07-08) it is read as a count, wrong or right
    assert _checks(eval_db, f"{JOINED} It now has 110 States.", date(2020, 7, 8)) == [
        (110, "parties", "XXVI-8", "2020-07-08")
    ]
    # far from it, listed as a frame the reader did not understand, not as a sentence with no treaty word
    assert _unread(eval_db, f"{JOINED} It now has 150 States.", date(2020, 7, 8)) == [
        (150, "frame not understood")
    ]
    # a pact and an accord are treaty words
    assert _checks(eval_db, f"{JOINED} The pact now has 110 States.", date(2020, 7, 8)) == [
        (110, "parties", "XXVI-8", "2020-07-08")
    ]


def test_it_is_only_the_treaty_when_the_sentence_before_speaks_of_one(eval_db: Path) -> None:
    said = "It is estimated that 110 countries export arms."
    assert _checks(eval_db, f"{JOINED} {said}", date(2020, 7, 8)) == []
    assert _unread(eval_db, f"{JOINED} {said}", date(2020, 7, 8)) == [(110, "no treaty word in its sentence")]
    # a new paragraph is a new subject
    assert _unread(eval_db, f"{JOINED}\n\nIt now has 110 States.", date(2020, 7, 8)) == [
        (110, "no treaty word in its sentence")
    ]


def test_followed_suit_and_done_likewise_point_back_as_done_so(eval_db: Path) -> None:
    for said in ("110 countries have followed suit", "110 countries have done the same"):
        assert _checks(eval_db, f"{JOINED} So far, {said}.", date(2020, 7, 8)) == [
            (110, "parties", "XXVI-8", "2020-07-08")
        ]
    signed = "China signed the Arms Trade Treaty on Monday. 110 countries have done likewise."
    assert _checks(eval_db, signed, date(2020, 7, 8)) == [(110, "signatories", "XXVI-8", "2020-07-08")]
    # what others may do is no count
    assert _checks(eval_db, f"{JOINED} 110 countries are expected to follow suit.", date(2020, 7, 8)) == []


def test_an_adoption_told_in_the_present_is_a_taking_up_by_states(eval_db: Path) -> None:
    cedaw = "CEDAW, an accord that has already been adopted by more than 160 countries, awaits the Senate."
    assert _checks(eval_db, cedaw) == [(160, "parties", "IV-8", None)]
    then = "CEDAW was adopted by the General Assembly in 1979. Today, it has been adopted by 180 countries."
    assert _checks(eval_db, then) == [(180, "parties", "IV-8", None)]
    took_up = "The Arms Trade Treaty regulates arms. More than 100 countries have endorsed it."
    assert _checks(eval_db, took_up) == [(100, "parties", "XXVI-8", None)]
    # the adoption told in the past, or in the General Assembly, is the vote
    vote = "The Treaty on the Prohibition of Nuclear Weapons was adopted by 122 countries in 2017."
    assert _checks(eval_db, vote) == []
    # (70, near today's 74 parties, so that only the words keep it out)
    vote = "The Treaty on the Prohibition of Nuclear Weapons has been adopted by 70 countries in the General Assembly."
    assert _checks(eval_db, vote) == []


CRPD = "the Convention on the Rights of Persons with Disabilities"


def test_the_un_members_are_the_whole_world_not_a_group(eval_db: Path) -> None:
    assert _checks(eval_db, f"185 of the 193 UN members have ratified {CRPD}.") == [
        (185, "parties", "IV-15", None)
    ]
    assert _checks(eval_db, f"Among the 193 UN members, 185 are parties to {CRPD}.") == [
        (185, "parties", "IV-15", None)
    ]
    # a region's members are a group
    assert _checks(eval_db, f"Of the 54 African Union members, 50 have ratified {CRPD}.") == []


def test_a_total_told_as_of_last_year_is_no_yearly_change(eval_db: Path) -> None:
    written = date(2015, 6, 1)
    for said in (
        f"Last year, 150 states had ratified {CRPD}.",
        f"Last year {CRPD} reached 150 ratifications.",
    ):
        assert _checks(eval_db, said, written) == [(150, "parties", "IV-15", "2014-12-31")]
    # what the year added stays a change
    assert _unread(eval_db, f"Last year, 15 states ratified {CRPD}.", written) == [(15, "yearly change")]


def test_the_end_of_a_rise_is_not_dated_by_its_start(eval_db: Path) -> None:
    rise = f"The number of States parties to {CRPD} grew from 100 in 2010 to 150"
    assert _checks(eval_db, f"{rise} today.", date(2015, 6, 1)) == [
        (100, "parties", "IV-15", "2010-12-31"),
        (150, "parties", "IV-15", "2015-06-01"),
    ]
    assert _checks(eval_db, f"{rise} in 2014.", date(2015, 6, 1))[1] == (
        150,
        "parties",
        "IV-15",
        "2014-12-31",
    )


def test_the_state_told_before_it_became_the_nth_dates_the_ordinal(eval_db: Path) -> None:
    # the record dates China's accession to the ATT 2020-07-06; the text has no date of its own
    assert _checks(eval_db, f"{JOINED} It became the 107th State Party.") == [
        (107, "parties", "XXVI-8", "2020-07-06")
    ]
    assert _checks(eval_db, "The Arms Trade Treaty welcomed China as its 107th State Party.") == [
        (107, "parties", "XXVI-8", "2020-07-06")
    ]
    # two states told before: which one is not known
    two = "China and Peru joined the Arms Trade Treaty. It became the 107th State Party."
    assert _checks(eval_db, two) == [(107, "parties", "XXVI-8", None)]


def test_one_of_n_countries_to_join_is_the_states_joining(eval_db: Path) -> None:
    for said in ("became one of 107 countries to join", "is now one of 107 countries to have joined"):
        assert _checks(eval_db, f"China {said} the Arms Trade Treaty.") == [
            (107, "parties", "XXVI-8", "2020-07-06")
        ]
    # what a state is expected to do is no act of it
    assert _checks(
        eval_db, "China is expected to join the Arms Trade Treaty, which has 106 states parties."
    ) == [(106, "parties", "XXVI-8", None)]


def test_a_titles_opening_words_may_hold_its_commas(eval_db: Path) -> None:
    text = "The Protocol to Prevent, Suppress and Punish Trafficking in Persons has 180 parties."
    assert _checks(eval_db, text, date(2024, 6, 1)) == [(180, "parties", "XVIII-12-a", "2024-06-01")]
    # the Palermo Protocol, in the singular, is the trafficking protocol
    text = "The Palermo Protocol on trafficking has 180 parties."
    assert _checks(eval_db, text, date(2024, 6, 1)) == [(180, "parties", "XVIII-12-a", "2024-06-01")]


def test_an_adverb_between_the_count_and_its_verb(eval_db: Path) -> None:
    # (125, not the record's 130 of that day: the words read it, not the record)
    for adverb in ("actually", "eventually"):
        text = f"In the end, 125 countries {adverb} signed the Arms Trade Treaty."
        assert _checks(eval_db, text, date(2020, 7, 8)) == [(125, "signatories", "XXVI-8", "2020-07-08")]


def test_a_figure_line_may_say_what_its_number_is_out_of(eval_db: Path) -> None:
    text = "187 - The number of countries, out of 194 countries, that have ratified CEDAW."
    assert _checks(eval_db, text, date(2011, 6, 1)) == [(187, "parties", "IV-8", "2011-06-01")]
    assert _unread(eval_db, text, date(2011, 6, 1)) == [(194, "denominator")]


def test_an_infobox_row_is_not_dated_by_a_day_its_box_tells_of_something_else(eval_db: Path) -> None:
    box = (
        "{{Infobox treaty| name = Treaty on the Prohibition of Nuclear Weapons| date_signed = 20 September 2017"
        "| date_sealed = 7 July 2017| signatories = 79| parties = 33| languages = Arabic}}"
    )
    assert _checks(eval_db, box) == [(79, "signatories", "XXVI-9", None), (33, "parties", "XXVI-9", None)]
    # a sentence of the body still takes the day told before it in its paragraph
    said = "Diplomats met in New York on 20 September 2018. 79 states have signed the Treaty on the Prohibition of Nuclear Weapons."
    assert _checks(eval_db, said) == [(79, "signatories", "XXVI-9", "2018-09-20")]


def test_a_translators_words_for_signing_and_joining(eval_db: Path) -> None:
    written = date(2015, 6, 1)
    text = f"{CRPD[0].upper()}{CRPD[1:]} has been subscribed by 160 countries and ratified by 150."
    assert _checks(eval_db, text, written) == [
        (160, "signatories", "IV-15", "2015-06-01"),
        (150, "parties", "IV-15", "2015-06-01"),
    ]
    for said in ("has the ratification of 150 countries", "has the adhesion of 150 countries"):
        assert _checks(eval_db, f"Currently, {CRPD} {said}.", written) == [
            (150, "parties", "IV-15", "2015-06-01")
        ]
    # "until now" is no condition
    text = "The Convention on the Rights of Persons with Disabilities, ratified until now by 150 countries, is law."
    assert _checks(eval_db, text, written) == [(150, "parties", "IV-15", "2015-06-01")]


def test_a_fact_sheets_rows_may_name_their_count_or_their_treaty(eval_db: Path) -> None:
    written = date(2015, 6, 1)
    rows = "CRPD\nNumber of ratifications/accessions: 150\nNumber of signatures: 158"
    assert _checks(eval_db, rows, written) == [
        (150, "parties", "IV-15", "2015-06-01"),
        (158, "signatories", "IV-15", "2015-06-01"),
    ]
    assert _checks(eval_db, "CRPD ratifications: 150 | signatures: 158", written) == [
        (150, "parties", "IV-15", "2015-06-01"),
        (158, "signatories", "IV-15", "2015-06-01"),
    ]
    # a word before a count is no treaty's name ("Both parties 12 months later")
    both = "The Arms Trade Treaty was adopted in 2013.\nBoth parties 12 months later agreed to meet."
    assert _checks(eval_db, both, written) == [] and _unread(eval_db, both, written) == []
    line = f"{CRPD[4:]} - Ratifications and accessions: 150 - Signatories: 158"
    assert _checks(eval_db, line, written) == [
        (150, "parties", "IV-15", "2015-06-01"),
        (158, "signatories", "IV-15", "2015-06-01"),
    ]


def test_last_month_is_the_end_of_the_month_before_the_texts(eval_db: Path) -> None:
    att = "the Arms Trade Treaty"
    for said in (
        f"Last month, 110 states were parties to {att}.",
        f"By the end of last month, 110 states had ratified {att}.",
    ):
        assert _checks(eval_db, said, date(2020, 7, 20)) == [(110, "parties", "XXVI-8", "2020-06-30")]
    # a text with no date of its own: no month to count back from
    assert _checks(eval_db, f"Last month, 110 states were parties to {att}.") == [
        (110, "parties", "XXVI-8", None)
    ]
    # a change since last month stays a change
    assert _unread(eval_db, f"Since last month, 5 states have ratified {att}.", date(2020, 7, 20)) == [
        (5, "yearly change")
    ]


def test_a_count_at_its_entry_into_force_told_without_a_year(eval_db: Path) -> None:
    # the record gives the ATT's entry into force: 2014-12-24
    for said in (
        "At its entry into force, the Arms Trade Treaty had 61 states parties.",
        "When it entered into force, the Arms Trade Treaty had been ratified by 61 states.",
    ):
        assert _checks(eval_db, said, date(2020, 7, 20)) == [(61, "parties", "XXVI-8", "2014-12-24")]
    # the entry into force told after a count in the present is not its day
    said = "The Arms Trade Treaty has 110 states parties, up from 61 at its entry into force."
    assert _checks(eval_db, said, date(2020, 7, 20))[0] == (110, "parties", "XXVI-8", "2020-07-20")


def test_full_parties_are_parties(eval_db: Path) -> None:
    assert _checks(eval_db, "The Arms Trade Treaty has 110 full parties.", date(2020, 7, 8)) == [
        (110, "parties", "XXVI-8", "2020-07-08")
    ]


def test_inline_html_a_copied_page_kept_is_read_through(eval_db: Path) -> None:
    text = "The Arms Trade Treaty has been ratified by <b>110</b> countries.<sup>3</sup>"
    assert _checks(eval_db, text, date(2020, 7, 8)) == [(110, "parties", "XXVI-8", "2020-07-08")]
    assert _unread(eval_db, text, date(2020, 7, 8)) == []  # the note's mark is no figure
    text = "The Arms Trade Treaty has 110 <strong>State</strong>s Parties.<br />It has 130 signatories."
    assert _checks(eval_db, text, date(2020, 7, 8)) == [
        (110, "parties", "XXVI-8", "2020-07-08"),
        (130, "signatories", "XXVI-8", "2020-07-08"),
    ]


def test_signed_on_to_beside_ratifications_is_read_again_as_signing(eval_db: Path) -> None:
    # TPNW on 2023-03-17: 68 parties, 92 signatories; "signed on to" is first read as joining (parties)
    text = (
        "A total of 68 nations have ratified the Treaty on the Prohibition of Nuclear Weapons and 92 have"
        " signed on to the treaty."
    )
    assert _checks(eval_db, text, date(2023, 3, 17)) == [
        (68, "parties", "XXVI-9", "2023-03-17"),
        (92, "signatories", "XXVI-9", "2023-03-17"),
    ]
    # alone, and near the parties, it stays joining
    text = "So far 68 countries have signed on to the Treaty on the Prohibition of Nuclear Weapons."
    assert _checks(eval_db, text, date(2023, 3, 17)) == [(68, "parties", "XXVI-9", "2023-03-17")]


def test_the_us_written_with_its_stops_is_a_state(eval_db: Path) -> None:
    # the record dates the United States' signature of the CRPD 2009-07-30, when it was the 142nd
    for us in ("the U.S.", "the US", "the United States"):
        text = (
            f"Obama announced that {us} would become the 141st signatory to the disability rights convention."
        )
        assert _checks(eval_db, text) == [(141, "signatories", "IV-15", "2009-07-30")]
    # a headline in capitals: the pronoun
    from pipeline.claims.state_names import state_spans

    assert state_spans("HELP US NOW") == []
    assert state_spans("a grant of US$ 5 million") == []


def test_and_n_others_leaves_the_state_named_out(eval_db: Path) -> None:
    # 57 signed the enforced-disappearance convention on 2007-02-06, France among them
    text = "France and 56 others signed the enforced disappearance convention on Tuesday."
    assert _checks(eval_db, text, date(2007, 2, 7)) == [(56, "signatories", "IV-16", "2007-02-06")]
    # "others that have signed", "others are parties" read as before
    from tests.claims.readers import counts

    assert counts("Chile ratified it, and 56 others that have signed the treaty agree.") == [
        (56, "signatories")
    ]
    assert counts("Chile ratified, and 56 others are parties to the treaty.") == [(56, "parties")]


def test_took_force_is_an_event_not_the_day_of_a_count_beside_it(eval_db: Path) -> None:
    text = "The TPNW took force on January 22, 2021, and 54 countries have already ratified it."
    assert _checks(eval_db, text) == [(54, "parties", "XXVI-9", None)]


def test_states_that_joined_at_a_signing_are_read_again_as_signatories(eval_db: Path) -> None:
    # 57 signatures and no party on 2007-02-06: "joined", far from the parties, is the signing's
    text = "Fifty-seven countries joined at the treaty signing in Paris on 6 February 2007 (enforced disappearance convention)."
    assert _checks(eval_db, text) == [(57, "signatories", "IV-16", "2007-02-06")]


def test_a_count_up_to_now_is_not_dated_by_an_act_told_beside_it(eval_db: Path) -> None:
    said = "The United States signed the ENMOD Convention, and nearly 70 countries have signed on"
    assert _checks(eval_db, f"{said} to date.") == [(70, "signatories", "XXVI-1", None)]
    # without "to date", the act told beside the count dates it
    assert _checks(eval_db, f"{said}.")[0][3] is not None
