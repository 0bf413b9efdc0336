"""Tenth pass (issue 21). One test per rule, on hand-written sentences."""

from __future__ import annotations

from datetime import date

from pipeline.claims.model import REASON_NO_TREATY_WORD
from tests.claims.test_reading import _read, _unread


def test_a_count_of_states_without_a_treaty_word_is_listed_in_a_text_about_a_treaty() -> None:
    # The second sentence has no treaty word; its "10 countries" is still listed, with that reason, when
    # the text names a treaty. A number that counts no states there, and a text naming none, list nothing.
    text = "The CCM sets a rule for the clearance of old bombs. 10 countries already agreed on this rule."
    assert _unread(text) == [(10, REASON_NO_TREATY_WORD)]
    assert _unread("The CCM sets a rule for old bombs. 10 teams cleared the fields.") == []
    assert _unread("A rule for old bombs was set. 10 countries already agreed on this rule.") == []


def test_a_count_told_with_the_entry_into_force_is_of_that_day() -> None:
    def dated(text: str) -> list[tuple[int, date | None]]:
        return [(c.figure, c.claimed_on) for c in _read(text, written_on=None).claims]

    assert dated("On 1 August 2010 the CCM entered into force with a total of 38 States Parties.") == [
        (38, date(2010, 8, 1))
    ]
    assert dated("The CCM went into effect on 1 August 2010, signed by 107 countries.") == [
        (107, date(2010, 8, 1))
    ]
    # A count in a present-tense clause of its own is not of the entry into force's day.
    assert dated("The CCM entered into force on 1 August 2010 and now has 111 States Parties.") == [
        (111, None)
    ]


def test_a_headline_takes_the_day_before_of_the_body_that_says_yesterday(keepers_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store
    from tests.claims.conftest import KEEPERS

    text = (
        f"The {KEEPERS} reaches 5 parties\n\n"
        f"Late yesterday, the {KEEPERS} reached 5 parties, the depositary said.\n"
    )
    with open_store(keepers_db, read_only=True) as store:
        checks = check_text(text, store, name="t.txt", written_on=date(2022, 7, 8)).checks
    assert [(c.claim.line, c.claim.claimed_on) for c in checks] == [
        (1, date(2022, 7, 7)),
        (3, date(2022, 7, 7)),
    ]


def test_joining_n_countries_in_signing_counts_those_who_signed() -> None:
    from pipeline.claims.extract import MEASURE_PARTIES, MEASURE_SIGNATORIES

    reading = _read("Last week, Chile joined over 100 countries in signing the CCM.")
    assert [(c.figure, c.measure, c.comparison) for c in reading.claims] == [(100, MEASURE_SIGNATORIES, ">")]
    reading = _read("Chile joins 100 nations in ratifying the CCM.")
    assert [(c.figure, c.measure) for c in reading.claims] == [(100, MEASURE_PARTIES)]


def test_ratified_by_or_acceded_to_in_a_relative_clause_after_a_dated_one() -> None:
    # "by or acceded to" is one predicate; "in 1991" dates the forming, not the present-perfect count.
    text = "The Committee was formed in 1991 to monitor the CCM, which has been ratified by or acceded to 91 countries."
    assert [(c.figure, c.claimed_on) for c in _read(text, written_on=None).claims] == [(91, None)]
    text = "The Committee was formed in 1991 to monitor the CCM, and it had 91 parties."
    assert [(c.figure, c.claimed_on) for c in _read(text, written_on=None).claims] == [
        (91, date(1991, 12, 31))
    ]


def test_who_the_counted_are_told_aside_and_govts() -> None:
    from pipeline.claims.extract import MEASURE_PARTIES, MEASURE_SIGNATORIES

    def read(text: str) -> list[tuple[int, str]]:
        return [(c.figure, c.measure) for c in _read(text).claims]

    assert read("Only 42 countries, basically Latin American and African, have ratified the CCM.") == [
        (42, MEASURE_PARTIES)
    ]
    assert read("Some 90 states, apart from the founders, are also members of the CCM.") == [
        (90, MEASURE_PARTIES)
    ]
    assert read("Why was Chile not amongst the 50 govts that signed the CCM yesterday?") == [
        (50, MEASURE_SIGNATORIES)
    ]


class _Record:
    """A store holding one table: twelve states; Japan acceded 12th, Germany signed 1st and ratified 11th,
    Chile signed 2nd."""

    def participants(self, mtdsg_no: str):
        import pandas as pd

        rows = [("JPN", "Japan", None, "2012-01-12"), ("DEU", "Germany", "2001-01-01", "2011-01-11")]
        rows += [("CHL", "Chile", "2002-02-02", None)]
        rows += [(f"X{i:02d}", f"State {i}", "2003-03-03", f"20{i:02d}-06-01") for i in range(1, 11)]
        frame = pd.DataFrame(rows, columns=["iso3", "name", "signature_date", "consent_date"])
        for column in ("signature_date", "consent_date"):
            frame[column] = pd.to_datetime(frame[column])
        frame["signature_type"], frame["consent_type"] = "signature", "ratification"
        return frame


def test_the_nth_to_sign_whose_consent_the_record_shows_was_the_nth_is_a_party() -> None:
    from pipeline.claims.measures import MEASURE_PARTIES, MEASURE_SIGNATORIES
    from pipeline.claims.ordinal_days import ordinal_days

    def read(text: str) -> list[tuple[int, str, date | None]]:
        claims = ordinal_days(_read(text, written_on=None).claims, text, _Record())  # type: ignore[arg-type]
        return [(c.figure, c.measure, c.claimed_on) for c in claims]

    assert read("Japan became the 12th state to sign the CCM.") == [(12, MEASURE_PARTIES, date(2012, 1, 12))]
    assert read("Germany was the 11th country to sign the CCM.") == [(11, MEASURE_PARTIES, date(2011, 1, 11))]
    # Chile never joined: its signature it stays, dated by the record's day for it.
    assert read("Chile was the 12th country to sign the CCM.") == [
        (12, MEASURE_SIGNATORIES, date(2002, 2, 2))
    ]
    # "were" makes the named states the Nth too, each in its turn.
    assert read("Germany and Japan were the 11th and 12th states to ratify the CCM.") == [
        (11, MEASURE_PARTIES, date(2011, 1, 11)),
        (12, MEASURE_PARTIES, date(2012, 1, 12)),
    ]


def test_the_act_of_the_named_state_dates_its_ordinal_before_a_date_earlier_in_the_paragraph() -> None:
    from pipeline.claims.ordinal_days import ordinal_days

    text = "The meeting opened in Beirut on 12 May 2011. During the meeting Japan became the 12th State Party to the CCM."
    claims = ordinal_days(_read(text, written_on=None).claims, text, _Record())  # type: ignore[arg-type]
    assert [(c.figure, c.claimed_on, c.date_source) for c in claims] == [(12, date(2012, 1, 12), "record")]


def test_n_others_beside_a_joining_state_are_counted_on_its_day_less_it() -> None:
    from pipeline.claims.facts import told_apart
    from pipeline.claims.ordinal_days import ordinal_days

    text = "Japan joins 11 other countries in ratifying the CCM."
    [claim] = ordinal_days(_read(text, written_on=None).claims, text, _Record())  # type: ignore[arg-type]
    assert (claim.figure, claim.claimed_on, claim.left_out) == (11, date(2012, 1, 12), "JPN")
    # The UN counts 12 consents that day and 12 now: 11 others each time, with a note.
    rows = _Record().participants("XXVI-6").to_dict("records")
    then, now, notes = told_apart("", "JPN", "parties", rows, date(2012, 1, 12), 12, 12)
    assert (then, now) == (11, 11)
    assert notes == ["the text counts the others: the UN's figures less Japan"]
    # Before Japan's act the record does not count it then.
    assert told_apart("", "JPN", "parties", rows, date(2011, 1, 11), 11, 12)[:2] == (11, 11)


def test_membership_rows_and_states_committed_to_the_treaty_are_parties() -> None:
    from pipeline.claims.extract import MEASURE_PARTIES

    def read(text: str) -> list[tuple[int, str]]:
        return [(c.figure, c.measure) for c in _read(text).claims]

    assert read("Convention on Cluster Munitions\nMembership: 111 States\nSigned: 2008") == [
        (111, MEASURE_PARTIES)
    ]
    assert read("The CCM by the numbers: 111 States committed to the Convention on Cluster Munitions.") == [
        (111, MEASURE_PARTIES)
    ]
    # A promise to ratify is no consent.
    assert read("40 States committed to the ratification of the CCM.") == []


def test_the_first_n_states_to_ratify_count_them_and_tell_which_consents() -> None:
    from pipeline.claims.extract import MEASURE_PARTIES
    from pipeline.claims.numbers import tells_nth

    text = "The first 22 nations to ratify the CCM are mostly from Africa."
    assert [(c.figure, c.measure) for c in _read(text).claims] == [(22, MEASURE_PARTIES)]
    # Which consents, as "the 22nd" tells: the checker may read it as the threshold that brought it in force.
    assert tells_nth("22 nations to ratify", text, 22)
    assert tells_nth("the 22nd state", "Chile became the 22nd state.", 22)
    assert not tells_nth("22 nations have ratified", "So far 22 nations have ratified the CCM.", 22)


def test_a_future_joiner_beside_the_others_that_have_ratified() -> None:
    from pipeline.claims.extract import MEASURE_PARTIES
    from pipeline.claims.model import REASON_CONDITION

    text = "Chile will then join the other 33 countries that have ratified the CCM."
    assert [(c.figure, c.measure) for c in _read(text).claims] == [(33, MEASURE_PARTIES)]
    # What is hoped stays a condition.
    assert _unread("Chile hopes the CCM will soon have 90 States Parties.") == [(90, REASON_CONDITION)]


def test_thats_the_day_points_back_to_the_day_told() -> None:
    text = (
        "1 August 2010 will go down in history as the day when the tide turned against cluster bombs. "
        "That's the day when the CCM went into effect, signed by 107 countries."
    )
    assert [(c.figure, c.claimed_on) for c in _read(text, written_on=None).claims] == [
        (107, date(2010, 8, 1))
    ]


def test_n_other_nations_that_did_so_count_all_but_the_state_told_beside_them() -> None:
    from pipeline.claims.extract import MEASURE_SIGNATORIES
    from pipeline.claims.model import REASON_SUBSET
    from pipeline.claims.ordinal_days import other_than

    text = "Chile signed the CCM today. 151 other nations have now signed."
    [claim] = _read(text).claims
    assert (claim.figure, claim.measure) == (151, MEASURE_SIGNATORIES)
    assert other_than(claim, text).left_out == "CHL"  # type: ignore[union-attr]
    # Two states told beside them: which one is left out is not known.
    text = "Chile and Peru signed the CCM today. 150 other nations have now signed."
    assert other_than(_read(text).claims[0], text) is None
    # Others told by what else they are stay a group.
    assert _unread("Chile ratified the CCM, and 12 other EU states have ratified it too.") == [
        (12, REASON_SUBSET)
    ]


def test_a_day_this_year_is_a_date_not_a_period_and_from_every_region() -> None:
    from pipeline.claims.extract import MEASURE_SIGNATORIES
    from pipeline.claims.model import REASON_CHANGE

    text = "Since it opened for signature on 3 June this year, 83 countries from every region have signed the CCM."
    assert [(c.figure, c.measure) for c in _read(text).claims] == [(83, MEASURE_SIGNATORIES)]
    # "this year" alone still tells a change over the year.
    assert _unread("This year, 5 states ratified the CCM.") == [(5, REASON_CHANGE)]


def test_signed_it_but_not_ratified_counted_with_a_withdrawn_signature_until_it_took_effect(eval_db) -> None:
    # Lithuania signed the CCM on 2008-12-03 and has since withdrawn: on 2009-01-31, 95 had signed and 4
    # had joined, so 91 had signed without joining (the store's count, not today's table less Lithuania).
    from pipeline.claims.check import check_text
    from pipeline.claims.measures import MEASURE_SIGNED_NOT_PARTIES
    from pipeline.store import open_store

    text = (
        "As for January 2009 only 4 states have ratified the CCM, 91 other have signed it but not ratified."
    )
    with open_store(eval_db, read_only=True) as store:
        checks = check_text(text, store, name="t.txt", written_on=date(2009, 1, 31)).checks
    assert [(c.claim.figure, c.claim.measure, c.figure_then) for c in checks if c.claim.figure == 91] == [
        (91, MEASURE_SIGNED_NOT_PARTIES, 91)
    ]


def test_the_states_of_a_treatys_annex_are_never_read_by_the_record() -> None:
    from pipeline.claims.record_reading import counts_people

    text = "It enters into force after all 44 states - as listed in Annex 2 of the Treaty - have ratified it."
    end = text.index("44") + 2
    assert counts_people(text, end)
    assert not counts_people("By then 44 states had ratified it.", len("By then 44"))


def test_an_infobox_value_on_the_line_below_its_label() -> None:
    from pipeline.claims.extract import MEASURE_PARTIES, MEASURE_SIGNATORIES

    text = "Convention on Cluster Munitions\nSignatories\n108[1]\nParties\n112[1] (List of state parties)\n"
    assert [(c.figure, c.measure) for c in _read(text).claims] == [
        (108, MEASURE_SIGNATORIES),
        (112, MEASURE_PARTIES),
    ]
    # A label line followed by a date is no value.
    assert _read("Convention on Cluster Munitions\nSignatories\n3 December 2008\n").claims == ()


def test_a_named_states_ordinal_in_a_sentence_of_entry_into_force_is_its_place_not_the_threshold() -> None:
    from pipeline.claims.extract import MEASURE_PARTIES

    text = "Chile was the first country to ratify the CCM, and this week Peru ratified it, so it can enter into force."
    assert [(c.figure, c.measure) for c in _read(text).claims] == [(1, MEASURE_PARTIES)]
    # An entry into force in a relative clause about the treaty, or in the next sentence after a citation
    # mark, is not this consent's.
    text = "China has become the 107th country to join the CCM, which came into force in 2010."
    assert [(c.figure, c.kind) for c in _read(text).claims] == [(107, "count")]
    text = "Chile became the first state to ratify the CCM in 2008.[1] It entered into force after 30 states ratified."
    assert [(c.figure, c.kind) for c in _read(text).claims][0] == (1, "count")
    # Told with the consent itself, the Nth that brought it into force stays the threshold.
    for text in (
        "Following ratification by the 30th state, the CCM entered into force.",
        "After the 30th country to ratify the CCM in February, and six months later the CCM became binding.",
    ):
        assert [c.kind for c in _read(text).claims] == ["threshold"], text


def test_on_monday_in_a_dated_text_is_the_last_monday_on_or_before_its_day() -> None:
    from pipeline.claims.relative_days import yesterday_counts

    def dated(text: str, written_on: date) -> list[date | None]:
        return [c.claimed_on for c in yesterday_counts(_read(text, written_on=written_on).claims)]

    # 2013-06-04 was a Tuesday.
    assert dated("On Monday, 62 countries signed the CCM.", date(2013, 6, 4)) == [date(2013, 6, 3)]
    assert dated("Last Tuesday 60 countries had signed the CCM.", date(2013, 6, 4)) == [date(2013, 5, 28)]
    # "today" keeps the text's day.
    assert dated("On Monday Peru signed; today 62 countries have signed the CCM.", date(2013, 6, 4)) == [
        date(2013, 6, 4)
    ]


def test_n_others_opening_their_sentence_leave_out_the_state_of_the_sentence_before() -> None:
    # The sentence opens with the count: only the sentence before names the state left out, not earlier ones.
    from pipeline.claims.ordinal_days import other_than

    text = (
        "Peru acceded to the CCM in 2014. Chile signed it in 2008. 107 other nations have now signed the CCM."
    )
    [claim] = _read(text).claims
    assert other_than(claim, text).left_out == "CHL"  # type: ignore[union-attr]
