"""Eleventh pass (issue 21). One test per rule, on hand-written sentences."""

from __future__ import annotations

from datetime import date

from pipeline.claims.loose_counts import loose_count
from pipeline.claims.model import REASON_FAR, REASON_NOT_UNDERSTOOD
from pipeline.claims.verdicts import VERDICT_UNDATED, VERDICT_WRONG


def _loose(sentence: str, number: str, read: tuple[int, ...] = ()) -> tuple[int, str, str | None] | None:
    start = sentence.index(number)
    got = loose_count(sentence, 0, (start, start + len(number)), (0, len(sentence)), read)
    return None if got is None else (got.number_start, got.comparison, got.noun)


def test_a_count_of_states_no_frame_read_is_a_loose_count_of_parties_unless_a_place_or_a_vote() -> None:
    text = "With 195 states, it is the most widely ratified human rights treaty in history."
    assert _loose(text, "195") == (5, "=", "states")
    assert _loose("The treaty, which unites over 100 states, bans the weapons.", "100") == (30, ">", "states")
    # a place, a group pointed back at, an adoption, signatures only, or a sentence whose count a frame read
    assert _loose("Radio stations in 50 countries covered the Convention.", "50") is None
    assert _loose("However, these 90 States made up less than half of the membership.", "90") is None
    assert _loose("The Convention was adopted in Dublin by 107 states on 30 May 2008.", "107") is None
    assert _loose("The treaty was opened for signature by 187 nations.", "187") is None
    assert _loose("It has 182 parties, 181 states and the European Union.", "181", read=(7,)) is None
    # not a count of states at all
    assert _loose("The treaty has 195 articles on rights.", "195") is None


def test_a_loose_count_is_judged_as_parties_when_near_the_record_else_left_unread(eval_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store

    near = "With 195 states, the Convention on the Rights of the Child is the most widely ratified treaty in history."
    far = "With 120 states, the Convention on the Rights of the Child is the most widely ratified treaty in history."
    with open_store(eval_db, read_only=True) as store:
        [c] = check_text(near, store, name="t").checks
        assert not check_text(far, store, name="t").checks
        unread = check_text(far, store, name="t").unread
    assert (c.claim.figure, c.mtdsg_no, c.claim.measure, c.claim.source) == (
        195,
        "IV-11",
        "parties",
        "loose count",
    )
    assert c.verdict == VERDICT_UNDATED.format(now=c.figure_now) and c.figure_now != 195
    assert "read as a count of parties" in c.notes[0]
    assert [(u.figure, u.reason) for u in unread] == [(120, REASON_NOT_UNDERSTOOD)]


def test_a_far_figure_above_the_record_is_judged_wrong_one_below_it_is_left_unread(keepers_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store
    from tests.claims.conftest import KEEPERS

    # Five parties on 1 March 2023 (France, Germany, Japan, the European Union, the Holy See).
    below = f"As of 1 March 2023, only 1 State had ratified the {KEEPERS}."
    # One party on 1 March 2006 (France): a text saying 5 overstates it, and no part of the parties is larger.
    above = f"As of 1 March 2006, 5 States had ratified the {KEEPERS}."
    with open_store(keepers_db, read_only=True) as store:
        low = check_text(below, store, name="t")
        [high] = check_text(above, store, name="t").checks
    assert not low.checks and [(u.figure, u.reason) for u in low.unread] == [(1, REASON_FAR)]
    assert (high.claim.claimed_on, high.figure_then, high.verdict) == (date(2006, 3, 1), 1, VERDICT_WRONG)


def test_a_month_alone_on_its_line_at_the_head_dates_the_text() -> None:
    from pipeline.claims.bylines import find_byline

    release = (
        "Convention close to universal acceptance\nJanuary 1996\nUNICEF today announced 186 ratifications."
    )
    got = find_byline(release)
    assert got is not None and (got.on, got.precision) == (date(1996, 1, 31), "month")
    # a month inside a sentence at the head is no dateline
    assert find_byline("In January 1996 UNICEF announced 186 ratifications of the Convention.") is None


def test_a_season_alone_on_its_line_at_the_head_dates_the_text_by_its_last_day() -> None:
    from pipeline.claims.bylines import find_byline

    got = find_byline("Foreign Policy\nSpring 1998\nSidebar: treaties the United States has not joined.")
    assert got is not None and got.on == date(1998, 6, 20)
    winter = find_byline("Journal of Law\nWinter 2005\nThe Convention has 140 parties.")
    assert winter is not None and winter.on == date(2005, 3, 20)
    assert find_byline("In spring 1998 the Convention had 190 parties.") is None


def test_an_ordinal_is_dated_by_the_act_when_its_sentence_tells_the_acts_day_beside_today(keepers_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store
    from tests.claims.conftest import KEEPERS

    # Germany's consent (1 June 2019) was the 4th, after France's, the Holy See's and the Union's.
    beside = (
        f"The Union today welcomed Germany becoming the 4th State Party to the {KEEPERS} after depositing "
        "its instrument on the 1st June."
    )
    as_nth = f"The Union is pleased to welcome Germany as 4th State Party to the {KEEPERS}."
    today = f"The Union today welcomed Germany becoming the 4th State Party to the {KEEPERS}."
    with open_store(keepers_db, read_only=True) as store:
        [a] = check_text(beside, store, name="t", written_on=date(2019, 6, 5)).checks
        [b] = check_text(as_nth, store, name="t", written_on=date(2019, 6, 5)).checks
        [c] = check_text(today, store, name="t", written_on=date(2019, 6, 5)).checks
    assert (a.claim.claimed_on, a.claim.date_source) == (date(2019, 6, 1), "record")
    assert (b.claim.claimed_on, b.claim.date_source) == (date(2019, 6, 1), "record")
    # with "today" alone, the text dates the act itself: the text's day
    assert (c.claim.claimed_on, c.claim.date_source) == (date(2019, 6, 5), "written-on")


def test_every_other_ordinal_in_a_sentence_about_a_treaty_is_listed_unread() -> None:
    from tests.claims.test_reading import _unread

    text = (
        "Though India was the 7th and the first prominent country to have ratified the Convention, it lags."
    )
    assert (7, REASON_NOT_UNDERSTOOD) in _unread(text)
    # a count glued to the word before it, as a page's markup lost its space; never a name such as "G20"
    assert _unread("It was ratified by only13 States, the Convention.") == [(13, REASON_NOT_UNDERSTOOD)]
    assert _unread("The G20 countries discussed the Convention.") == []
    first = "Argentina was the first to sign when the ceremony for the Arms Trade Treaty opened."
    assert _unread(first) == [(1, REASON_NOT_UNDERSTOOD)]
    # an ordinal that ranks something else, a date's day, and a number word that opens an ordinal
    assert _unread("In the 21st century the Convention was ratified by its 45th session's end.") == []
    assert _unread("On the 25th May, the Convention was ratified, as its forty-fifth session heard.") == []
    assert (
        _unread("The second half of the year saw the Convention ratified by one-third of the States.") == []
    )


def test_a_duty_of_the_parties_is_no_figure_still_needed() -> None:
    from tests.claims.test_reading import _claims, _unread

    duty = "The 188 States Parties of the CWC are required to take the steps necessary to prohibit these activities."
    assert _claims(duty) == [(188, "parties")]
    assert (2, "threshold") in _unread(
        "The CWC has 20 parties. Two other ratifications are required to bring it into force."
    )


def test_an_infobox_row_is_dated_by_the_status_date_on_its_own_line() -> None:
    from tests.claims.test_reading import _read

    text = "Convention on Cluster Munitions\nParties 107 (as of 19 September 2019)\nSignatories 13\n"
    got = [(c.figure, c.claimed_on) for c in _read(text, written_on=None).claims]
    assert got == [(107, date(2019, 9, 19)), (13, None)]


def test_a_condition_row_naming_all_of_a_list_of_states_is_no_threshold() -> None:
    from tests.claims.test_reading import _claims

    row = "Conditions for entry into force: 180 days after it is ratified by all of the following 44 (Annex 2) countries"
    assert _claims(row) == []
    assert _claims("Condition: entry into force after 30 ratifications") == [(30, "parties")]


def test_a_tens_and_a_unit_run_together_are_one_number() -> None:
    from pipeline.text import parse_number
    from tests.claims.test_reading import _claims

    assert (parse_number("fiftytwo"), parse_number("one hundred and twentyone")) == (52, 121)
    text = "The TPNW has eighty-six signatories and fiftytwo ratifications as of the end of January 2021."
    assert _claims(text) == [(86, "signatories"), (52, "parties")]


def test_a_rank_told_as_number_after_a_comma_is_a_figure_not_a_label() -> None:
    from tests.claims.test_reading import _unread

    text = "Following Uruguay's ratification, number 10 after Spain, the Protocol will enter into force."
    assert [f for f, _ in _unread(text)] == [10]
    assert _unread("The Protocol's article number 10 sets the rule for its entry into force.") == []


def test_others_who_signed_after_those_who_joined_signed_only() -> None:
    from tests.claims.test_reading import _claims

    after = "Spain, Ecuador and Mongolia have ratified the CCM. Thirty other countries have signed it."
    assert _claims(after) == [(30, "signed_not_party")]
    beside = "The CCM has been ratified by 84 States and 2 other States have signed it."
    assert _claims(beside) == [(84, "parties"), (2, "signed_not_party")]
    # after a sentence of who signed, the others signed too: everyone who signed, less the one named
    assert _claims("Chile signed the CCM today. 151 other nations have now signed.") == [(151, "signatories")]


def test_signatories_the_record_shows_are_those_not_yet_parties_are_read_so(keepers_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store
    from tests.claims.conftest import KEEPERS

    # Today: Chile and Peru signed without joining; four signed in all (France, Germany, Chile, Peru).
    with open_store(keepers_db, read_only=True) as store:
        [two] = check_text(f"{KEEPERS}\nSignatories: 2\n", store, name="t").checks
        [four] = check_text(f"{KEEPERS}\nSignatories: 4\n", store, name="t").checks
        [three] = check_text(f"{KEEPERS}\nSignatories: 3\n", store, name="t").checks
    assert (two.claim.measure, two.figure_now) == ("signed_not_party", 2)
    assert "read again as those not yet parties" in two.notes[0]
    assert (four.claim.measure, four.figure_now) == ("signatories", 4)
    assert three.claim.measure == "signatories"  # neither figure: the words' reading stands


def test_a_span_of_days_told_month_first_is_its_last_day() -> None:
    from pipeline.claims.dates import find_dates

    got = [(d.on, d.precision) for d in find_dates("The meeting, held in Maputo on May 3-7, 1999, heard it.")]
    assert got == [(date(1999, 5, 7), "day")]
    assert [d.on for d in find_dates("from May 3 to 7, 1999")] == [date(1999, 5, 7)]


def test_a_signing_told_with_a_month_or_a_year_after_the_count_is_of_its_last_day() -> None:
    from tests.claims.test_reading import _read

    def dated(text: str) -> list[tuple[int, date | None]]:
        return [(c.figure, c.claimed_on) for c in _read(text, written_on=None).claims]

    assert dated("The CCM was signed by 94 countries in 2008.") == [(94, date(2008, 12, 31))]
    assert dated("The CCM was signed by 94 countries in Oslo in December 2008.") == [(94, date(2008, 12, 31))]
    # a month told before the count is another event's (the adoption), not the signing's
    assert dated("Adopted in May 2008, the CCM was signed by 94 countries.") == [(94, None)]


def test_an_ordinal_whose_subject_points_back_is_the_act_of_the_state_the_sentence_before_names(
    keepers_db,
) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store
    from tests.claims.conftest import KEEPERS

    # Japan's accession (7 July 2022) was the 5th consent.
    text = (
        f"Japan has joined the {KEEPERS}, the ministry announced. "
        "The country is the first Asian nation and 5th country worldwide to join it."
    )
    with open_store(keepers_db, read_only=True) as store:
        [c] = [
            k
            for k in check_text(text, store, name="t", written_on=date(2022, 7, 20)).checks
            if k.claim.figure == 5
        ]
    assert (c.claim.claimed_on, c.claim.date_source) == (date(2022, 7, 7), "record")


def test_an_ordinal_ranked_within_a_region_later_in_its_clause_is_a_subset() -> None:
    from tests.claims.test_reading import _unread

    text = "It is the 47th country to ratify the OPIC, the 27th country to become a party to it in Europe."
    assert (27, "subset") in _unread(text)
    whole = "It is the 63rd state party to the OPCAT worldwide and the 4th in Asia."
    assert (63, "subset") not in _unread(whole)


def test_joining_the_other_signing_nations_counts_those_who_had_signed_less_the_state_named() -> None:
    from tests.claims.test_reading import _claims

    text = "The United States signed the CRPD on July 30, 2009, joining the 141 other signing nations."
    assert _claims(text) == [(141, "signatories")]
    assert _claims("Peru joined 29 other ratifying countries, the CRPD's record shows.") == [(29, "parties")]


def test_the_state_named_beside_the_other_signing_nations_is_left_out(eval_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store

    text = "The United States signed the CRPD on July 30, 2009, joining the 141 other signing nations."
    with open_store(eval_db, read_only=True) as store:
        [c] = check_text(text, store, name="t").checks
    assert (c.claim.left_out, c.figure_then, c.claim.claimed_on) == ("USA", 141, date(2009, 7, 30))


def test_a_clause_after_a_semicolon_that_names_its_own_treaty_is_linked_to_it() -> None:
    from tests.claims.test_reading import _read

    text = (
        "Whereas, the General Assembly adopted both the ICCPR and the ICESCR in 1966; and\n"
        "Whereas, 167 countries, including the United States, have ratified the ICCPR, which commits parties."
    )
    [c] = _read(text).claims
    assert (c.figure, c.mtdsg_no) == (167, "IV-4")


def test_a_date_in_an_opening_participle_phrase_is_of_the_participle() -> None:
    from tests.claims.test_reading import _read

    def dated(text: str, on: date | None = date(2013, 7, 19)) -> list[tuple[int, date | None]]:
        return [(c.figure, c.claimed_on) for c in _read(text, written_on=on).claims]

    # the count in the main clause is of the text's day; the signing's year is Obama's
    assert dated("Signed by President Obama in 2009, the CRPD has been ratified by 132 countries.") == [
        (132, date(2013, 7, 19))
    ]
    # a count inside the phrase is of the phrase's date
    assert dated("Signed by 122 countries in 1997, the Ottawa Convention entered into force in 1999.") == [
        (122, date(1997, 12, 31))
    ]


def test_a_clause_after_a_semicolon_has_its_own_date_and_its_own_counts(eval_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store

    text = (
        "WHEREAS, 52 countries signed the CEDAW in 1980; and WHEREAS, The Convention entered into force on "
        "September 3, 1981; and WHEREAS, to date 161 countries representing three-quarters of the world have "
        "now ratified or acceded to the CEDAW; and"
    )
    with open_store(eval_db, read_only=True) as store:
        report = check_text(text, store, name="t")
    # 161: a count no frame read, judged as parties (another clause's count does not bar it), undated: the
    # day of the clause before is not its
    [c] = report.checks
    assert (c.claim.figure, c.claim.claimed_on, c.claim.source) == (161, None, "loose count")


def test_signed_up_for_a_treaty_is_joining_it() -> None:
    from tests.claims.test_reading import _claims

    assert _claims("194 countries have signed up for the UNCRC, meaning that they are bound by law.") == [
        (194, "parties")
    ]


def test_a_named_states_ordinal_that_was_not_the_nth_is_wrong_not_a_right_threshold(eval_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store

    def read(state: str) -> tuple[str, date | None, str]:
        text = (
            f"{state} became the 50th country to ratify the TPNW, which will enter into force 90 days later."
        )
        with open_store(eval_db, read_only=True) as store:
            [c] = check_text(text, store, name="t").checks
        return c.claim.kind, c.claim.claimed_on, c.verdict

    # Tuvalu's ratification (12 October 2020) was the 47th; Honduras's (24 October 2020) the 50th, which
    # brought the treaty into force.
    assert read("Tuvalu") == ("count", date(2020, 10, 12), VERDICT_WRONG)
    assert read("Honduras") == ("threshold", None, "threshold right")


def test_an_ordinal_told_with_the_year_of_the_act_is_dated_by_the_acts_day(keepers_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store
    from tests.claims.conftest import KEEPERS

    # Germany's consent (1 June 2019) was the 4th.
    with open_store(keepers_db, read_only=True) as store:
        [c] = check_text(
            f"In 2019, Germany ratified the {KEEPERS}, becoming the 4th country to do so.", store
        ).checks
        [d] = check_text(
            f"In 2018, Germany ratified the {KEEPERS}, becoming the 4th country to do so.", store
        ).checks
    assert (c.claim.claimed_on, c.claim.date_source) == (date(2019, 6, 1), "record")
    # a year the act does not fall in: the text's year stands
    assert (d.claim.claimed_on, d.claim.date_source) == (date(2018, 12, 31), "sentence")


def test_a_date_in_a_clause_of_another_act_after_the_count_does_not_date_it() -> None:
    from tests.claims.test_reading import _read

    # the year is of Malawi's signing; the accession's day (29 June, no year) the record gives at check time
    text = (
        "On Wednesday 29 June, Malawi became the 66th state to accede to the TPNW, after signing for it in 2017 "
        "by the then minister of foreign affairs."
    )
    assert [(c.figure, c.claimed_on) for c in _read(text, written_on=None).claims] == [(66, None)]


def test_signatures_that_day_after_an_undated_opening_are_of_the_records_opening_day(eval_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store

    text = (
        "Twenty-four years ago, the Comprehensive Nuclear-Test-Ban Treaty was adopted and opened for signature. "
        "Despite 71 signatures that day, the treaty still has not entered into force."
    )
    with open_store(eval_db, read_only=True) as store:
        [c] = check_text(text, store, name="t").checks
    assert (c.claim.claimed_on, c.claim.date_source, c.figure_then) == (date(1996, 9, 24), "record", 71)


def test_a_current_total_after_those_who_did_is_the_count() -> None:
    from tests.claims.test_reading import _claims

    text = "Recently several more nations have ratified the TPNW, for a current total of 66."
    assert _claims(text) == [(66, "parties")]
    assert _claims("Ten more states signed the CCM, bringing it to a new total of 104.") == [
        (104, "signatories")
    ]
