"""Twenty-eighth pass (issue 21). One test per rule, on hand-written sentences of the shapes real texts
took: dev/'s misses read for a general cause, and round 7 of the probes of strangers' prose (parliaments
and governments, teaching material, legal writing, regional and wire news, public repositories, agencies
and foundations), read for their shapes only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.frames import read_counts
from pipeline.claims.verdicts import VERDICT_THRESHOLD_RIGHT, VERDICT_THRESHOLD_WRONG
from tests.claims.readers import checks as _checks
from tests.claims.readers import report as _report
from tests.claims.readers import unread as _unread


def test_now_after_a_period_tells_totals_for_the_rest_of_the_sentence(eval_db: Path) -> None:
    said = (
        "Thanks to efforts made over the past five years, the OPSC is now in force in 169 countries, while "
        "the OPAC has been ratified by 159 states."
    )
    assert [c[:3] for c in _checks(eval_db, said)] == [
        (169, "parties", "IV-11-c"),
        (159, "parties", "IV-11-b"),
    ]
    # without the "now", the period's counts are what it added
    added = "Over the past five years, the OPAC has been ratified by 19 more states."
    assert _unread(eval_db, added) == [(19, "yearly change")]
    # a semicolon closes the period's clause too
    said = (
        'In the comments on the amendment last year, one reason was given: "reputation"; 192 countries have '
        "ratified the Convention on the Rights of the Child."
    )
    assert _checks(eval_db, said) == [(192, "parties", "IV-11", None)]


def test_a_span_after_the_treaty_s_adoption_or_entry_into_force_dates_the_count_by_the_record(
    eval_db: Path,
) -> None:
    # the UN's page: the Arms Trade Treaty concluded at New York on 2 April 2013; the CRPD in force 3 May 2008
    said = "A year after the Arms Trade Treaty was adopted by the UN General Assembly, 31 countries have ratified it."
    assert _checks(eval_db, said) == [(31, "parties", "XXVI-8", "2014-04-02")]
    said = "Ten years after its entry into force, the Convention on the Rights of Persons with Disabilities had 170 parties."
    assert _checks(eval_db, said) == [(170, "parties", "IV-15", "2018-05-03")]
    said = "Two years after the adoption of the Arms Trade Treaty, 60 countries had ratified it."
    assert _checks(eval_db, said) == [(60, "parties", "XXVI-8", "2015-04-02")]
    # loosely told, told of the text's own day, or with the event's own day: no day from the record
    for said in (
        "Almost four years after its adoption, the Arms Trade Treaty had 60 States parties.",
        "Forty years after its adoption, the Arms Trade Treaty now has 60 States parties.",
        "Thirty years after its adoption on 2 April 2013, the Arms Trade Treaty had 60 States parties.",
    ):
        assert _checks(eval_db, said) == [(60, "parties", "XXVI-8", None)], said


def test_a_goal_hoped_for_by_a_year_does_not_date_the_next_sentence_s_count(eval_db: Path) -> None:
    for goal in ("hopes to", "plans to", "intends to", "is committed to", "seeks to"):
        said = (
            f"The government {goal} make the country mine-free by 2020. 164 states have joined the Ottawa "
            "Convention since it opened for signature in 1997."
        )
        assert _checks(eval_db, said) == [(164, "parties", "XXVI-5", None)], goal
    # a year told as the count's moment still dates it
    said = "The country was mine-free by 2020. By 2017, 164 states had joined the Ottawa Convention."
    assert _checks(eval_db, said) == [(164, "parties", "XXVI-5", "2017-12-31")]


def test_a_threshold_frame_told_of_what_is_still_missing_is_not_the_threshold(eval_db: Path) -> None:
    said = (
        "The Comprehensive Nuclear-Test-Ban Treaty has not entered into force because it still needs "
        "ratification by eight countries involved in negotiating it."
    )
    assert _checks(eval_db, said) == []
    assert _unread(eval_db, said) == [(8, "threshold")]
    # the same frame without "still" is the number the treaty needs
    said = "The Arms Trade Treaty needs ratification by 50 countries to enter into force."
    assert [c[:3] for c in _checks(eval_db, said)] == [(50, "parties", "XXVI-8")]


def test_a_day_foreseen_for_the_entry_into_force_does_not_judge_the_threshold(eval_db: Path) -> None:
    # the CWC came into force on 29 April 1997, 180 days after its 65th consent; in 1993 a text foresaw 1995
    said = (
        "Some 65 ratifications are required for the Chemical Weapons Convention to enter into force on "
        "13 January 1995."
    )
    report = _report(eval_db, said)
    assert [(c.claim.figure, c.verdict) for c in report.checks] == [(65, VERDICT_THRESHOLD_RIGHT)]
    # a day told as the one it came is still the text's: the 65th consent came after it
    said = "The Chemical Weapons Convention entered into force on 13 January 1995, after 65 ratifications."
    report = _report(eval_db, said)
    assert [(c.claim.figure, c.verdict) for c in report.checks] == [(65, VERDICT_THRESHOLD_WRONG)]


def test_states_that_agreed_to_ban_a_weapon_are_the_parties_of_its_ban(eval_db: Path) -> None:
    said = (
        "The Ottawa Mine Ban Treaty entered into force in 1999. Currently 140 nations have agreed to ban "
        "landmines and the U.S. has not signed up."
    )
    assert _checks(eval_db, said) == [(140, "parties", "XXVI-5", None)]
    said = (
        "Cluster munitions are banned by a treaty. So far 111 countries have agreed to ban cluster munitions."
    )
    assert [c[:2] for c in _checks(eval_db, said)] == [(111, "parties")]
    # the frame reads agreeing to ban a weapon a treaty of the collection bans, nothing else
    assert [(c.figure, c.measure) for c in read_counts("140 nations have agreed to ban landmines.")[0]] == [
        (140, "parties")
    ]
    assert read_counts("140 nations have agreed to ban plastic bags.")[0] == []


def test_a_month_before_a_count_in_digits_and_a_year_a_sentence_is_about(eval_db: Path) -> None:
    # "September 53" is no day: the month, its year from the year the text's first sentence is about
    said = (
        "2017 was an astonishing year for disarmament. In July the UN adopted the Treaty on the Prohibition of "
        "Nuclear Weapons, and by the end of September 53 nations had already signed it."
    )
    assert _checks(eval_db, said) == [(53, "signatories", "XXVI-9", "2017-09-30")]
    # a number that may be the month's day is still read as its day ("by March 31")
    said = "In 2014 the Arms Trade Treaty gained ground: by March 31 countries had ratified it."
    assert _checks(eval_db, said) == [(31, "parties", "XXVI-8", "2014-03-31")]


def test_becoming_law_when_n_states_have_ratified_is_the_threshold(eval_db: Path) -> None:
    for said in (
        "The TPNW was adopted in 2017. When 50 states have ratified the treaty, it becomes statutory law.",
        "The TPNW was adopted in 2017. Once 50 states have ratified it, the treaty becomes law.",
    ):
        report = _report(eval_db, said)
        assert [(c.claim.figure, c.claim.kind) for c in report.checks] == [(50, "threshold")], said


def test_signatories_of_the_humanitarian_pledge_are_no_count_of_the_ban_treaty(eval_db: Path) -> None:
    said = (
        "The Treaty on the Prohibition of Nuclear Weapons was adopted in 2017. Austria also took credit for "
        "bringing 127 signatories into the Humanitarian Pledge."
    )
    assert _checks(eval_db, said) == []
    assert _unread(eval_db, said) == [(127, "treaty outside the UN collection")]


def test_a_weekday_after_a_reporting_verb_or_as_of_is_of_the_text_s_week(eval_db: Path) -> None:
    said = "The nuclear ban treaty has been ratified by 50 United Nations member countries, the world body said Saturday."
    # a text of Sunday 25 October 2020: the Saturday before it
    assert _checks(eval_db, said, date(2020, 10, 25)) == [(50, "parties", "XXVI-9", "2020-10-24")]
    said = "Only four countries had ratified the Arms Trade Treaty as of Wednesday."
    assert _checks(eval_db, said, date(2013, 9, 26)) == [(4, "parties", "XXVI-8", "2013-09-25")]
    # with "on" after the reporting verb, as before
    said = "The Arms Trade Treaty has 4 parties, officials said on Wednesday."
    assert _checks(eval_db, said, date(2013, 9, 26)) == [(4, "parties", "XXVI-8", "2013-09-25")]


def test_a_number_split_after_a_dash_into_signed_and_ratified_is_a_total_of_two_measures(
    eval_db: Path,
) -> None:
    said = (
        "The Comprehensive Nuclear Test Ban Treaty has 196 member states — 185 that have signed the treaty "
        "and 170 that have ratified it."
    )
    assert [c[:3] for c in _checks(eval_db, said)] == [
        (185, "signatories", "XXVI-4"),
        (170, "parties", "XXVI-4"),
    ]
    assert _unread(eval_db, said) == [(196, "total of two measures")]


def test_a_count_noun_that_grew_from_one_number_to_another_is_counted_where_it_ended(eval_db: Path) -> None:
    said = "Since the U.S. signed the Arms Trade Treaty, ratifications have almost doubled from 4 to 7."
    assert _checks(eval_db, said, date(2013, 12, 1)) == [(7, "parties", "XXVI-8", "2013-12-01")]
    said = "Signatures of the Arms Trade Treaty rose from 67 to 115 during its first year."
    assert [c[:3] for c in _checks(eval_db, said)] == [(115, "signatories", "XXVI-8")]


def test_over_a_hundred_after_by_is_a_qualified_hundred() -> None:
    for said, qual in (
        ("To date, it has been signed by over a hundred countries.", "over"),
        ("It has been ratified by more than a hundred states.", "more than"),
    ):
        assert [(c.figure, c.qualifier) for c in read_counts(said)[0]] == [(100, qual)], said
    # "a hundred" with no qualifier is no figure the writer counted
    assert read_counts("It was signed by a hundred countries.")[0] == []


def test_joining_n_other_signatories_named_by_the_treaty_and_a_typo_for_countries(eval_db: Path) -> None:
    said = "US joins 90 other Arms Trade Treaty signatories"
    assert _checks(eval_db, said, date(2013, 9, 26)) == [(90, "signatories", "XXVI-8", "2013-09-26")]
    said = "The Convention on the Rights of Persons with Disabilities is a treaty. More than 50 contries have signed it."
    assert [c[:3] for c in _checks(eval_db, said)] == [(50, "signatories", "IV-15")]


def test_a_state_named_among_those_counted_dates_the_count_by_the_act_the_text_reported(
    eval_db: Path,
) -> None:
    # the record: Tuvalu signed the CTBT on 25 September 2018
    said = (
        "The commission welcomed a new signing by the Polynesian island nation of Tuvalu. Including Tuvalu, "
        "the Comprehensive Nuclear-Test-Ban Treaty has been signed by 184 countries."
    )
    assert _checks(eval_db, said) == [(184, "signatories", "XXVI-4", "2018-09-25")]
    # named among those counted with no act reported: no day from the record
    said = (
        "The commission met in Vienna. Including Tuvalu, the Comprehensive Nuclear-Test-Ban Treaty has been "
        "signed by 184 countries."
    )
    assert _checks(eval_db, said) == [(184, "signatories", "XXVI-4", None)]
    # a list with a state whose act the text did not report: none
    said = (
        "Tuvalu signed the Comprehensive Nuclear-Test-Ban Treaty. Including Tuvalu and Japan, it has been "
        "signed by 184 countries."
    )
    assert _checks(eval_db, said) == [(184, "signatories", "XXVI-4", None)]


def test_an_ordinal_of_those_who_withdrew_is_no_count_of_the_treaty(eval_db: Path) -> None:
    said = (
        "Lithuania, which ratified the Convention on Cluster Munitions in 2011, becomes the sixth state to "
        "withdraw or declare its intention to withdraw from a treaty."
    )
    assert _checks(eval_db, said) == []
    # the Nth to join is still read
    said = "Lithuania, which signed in 2008, became the 38th state to ratify the Convention on Cluster Munitions."
    assert [c[:3] for c in _checks(eval_db, said)] == [(38, "parties", "XXVI-6")]


def test_a_count_told_with_now_after_a_comma_is_not_dated_by_the_act_before_it(eval_db: Path) -> None:
    said = (
        "In September 1996, the United States was the first country to sign the Comprehensive "
        "Nuclear-Test-Ban Treaty, now signed by 177 nations."
    )
    assert _checks(eval_db, said) == [(177, "signatories", "XXVI-4", None)]
    assert _checks(eval_db, said, date(2010, 5, 1)) == [(177, "signatories", "XXVI-4", "2010-05-01")]


def test_counts_of_cities_or_of_people_beside_a_treaty_are_no_counts_of_states(eval_db: Path) -> None:
    said = (
        "Mayors for Peace backs the Treaty on the Prohibition of Nuclear Weapons. At the conference, joined by "
        "representatives from 138 cities in 16 countries, discussions were held."
    )
    assert _checks(eval_db, said) == []
    said = (
        "The council supports the Treaty on the Prohibition of Nuclear Weapons (96 residents of Banyule out "
        "of 100 signatories)."
    )
    assert _checks(eval_db, said) == []


def test_a_sentence_led_by_a_small_group_counts_that_group_and_a_past_agreement_to_ban_is_no_count(
    eval_db: Path,
) -> None:
    said = (
        "Of the 44, all but India, Pakistan and North Korea have signed the Comprehensive Nuclear-Test-Ban "
        "Treaty, but only 21 have ratified the treaty."
    )
    assert _checks(eval_db, said) == []
    assert (21, "subset") in _unread(eval_db, said)
    # the conference that adopted the text, told as agreeing to ban: no count of its parties
    said = "While more than 100 nations agreed to ban cluster munitions in Dublin, the United States stayed away."
    assert read_counts(said)[0] == []
    # "did" as the auxiliary of a count
    assert [
        (c.figure, c.measure) for c in read_counts("157 states did already sign the Ottawa Treaty.")[0]
    ] == [(157, "signatories")]


def test_ratified_or_signed_is_a_total_of_two_measures(eval_db: Path) -> None:
    said = "192 countries have already ratified or signed the Convention on the Rights of the Child."
    assert _checks(eval_db, said) == []
    assert _unread(eval_db, said) == [(192, "total of two measures")]


def test_a_count_dated_by_a_span_says_which_words_and_which_day_dated_it(eval_db: Path) -> None:
    from pipeline.claims.render import render_text

    said = "A year after the Arms Trade Treaty was adopted by the UN General Assembly, 31 countries have ratified it."
    report = _report(eval_db, said)
    [c] = report.checks
    assert c.claim.date_text == (
        "dated by 'A year after the Arms Trade Treaty was adopted', from its adoption on 2013-04-02, 2014-04-02"
    )
    # the report says the day came from the record, not that an act the text names dated it
    line = next(x for x in render_text(report).splitlines() if "claims:" in x)
    assert line.endswith(", from the record)")
    assert "the act the text names" not in render_text(report)
