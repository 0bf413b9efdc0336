"""Date rules of the third pass (issue 21): which date a count speaks of, each on hand-written sentences
about a made-up treaty (what the phrase means in English, never one text's wording)."""

from __future__ import annotations

from datetime import date

from pipeline.claims.dates import find_dates
from pipeline.claims.dating import DateIndex, date_for
from pipeline.claims.extract import TitleIndex, TreatyName, extract_claims
from tests.claims.conftest import KEEPERS, KEEPERS_NO

INDEX = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS)])
WRITTEN = date(2015, 6, 1)


def _one(text: str, written_on: date | None = WRITTEN) -> date | None:
    [c] = extract_claims(text, INDEX, written_on=written_on)
    return c.claimed_on


def test_taking_effect_is_an_event_like_entering_into_force() -> None:
    # "took effect in 1969", "came into effect in January 2021": the treaty's event, not the count's date.
    assert (
        _one(f"Peru is one of the 120 States parties to the {KEEPERS}, which first took effect in 1990.")
        == WRITTEN
    )
    assert (
        _one(f"Over 50 States have ratified the {KEEPERS}, which came into effect in January 2012.")
        == WRITTEN
    )


def test_opened_for_signatures_or_signing_is_an_event() -> None:
    text = f"The {KEEPERS} was first opened for signatures on 3 May 1996. It has been signed by 90 countries."
    assert _one(text) == WRITTEN
    text = f"The {KEEPERS} was open for signing in June 2013 and has been signed by 40 countries."
    assert _one(text) == WRITTEN


def test_a_date_on_a_signed_infobox_row_is_the_signing_event() -> None:
    text = f"{KEEPERS} | |\nSigned | 18 May 1980 |\nLocation | Lima |\nDepositary | Secretary-General of the United Nations |\nThe convention was signed by 30 states."
    assert _one(text, None) is None


def test_signing_it_on_a_day_is_one_states_event() -> None:
    text = (
        f"150 nations have ratified the {KEEPERS}, while Peru has not, despite signing it long ago in 1999."
    )
    assert _one(text) == WRITTEN
    text = (
        f"Chile is one of more than 90 countries that have ratified the {KEEPERS}, signing it on 2 May 1991."
    )
    assert _one(text) == WRITTEN


def test_a_line_wrapped_inside_a_sentence_keeps_the_event_words_before_the_date() -> None:
    text = f"So far, 80 countries have signed the {KEEPERS}, which opened for signature on\nMarch 30, 2007."
    assert _one(text) == WRITTEN
    # A headline with no full stop above a byline does not run on into it.
    [d] = find_dates("Keepers treaty enters into force\n12 March 2019\n")
    assert not d.event


def test_a_day_to_come_dates_no_count() -> None:
    text = f"The {KEEPERS} now has 70 signatures. On 21 October the parties will meet in Lima."
    [c] = extract_claims(text.replace(". On", " On"), INDEX, written_on=WRITTEN)
    assert c.claimed_on == WRITTEN
    [d] = find_dates("On 21 October 2015 the parties will meet in Lima.")
    assert d.event


def test_a_date_after_since_starts_a_span_and_dates_no_count() -> None:
    assert (
        _one(f"The 72 states which have ratified the {KEEPERS} since 15 December 1989 must report.")
        == WRITTEN
    )
    text = f"Since their last meeting in January 2004, the number of parties to the {KEEPERS} grew to 170."
    assert _one(text) == WRITTEN


def test_at_the_date_of_entry_into_force_points_back_to_that_day() -> None:
    text = (
        f"The {KEEPERS} entered into force on 29 April 1997. At the date of entry into force, 87 states had "
        "ratified it. At that time a further 78 states had signed it."
    )
    a, b = extract_claims(text, INDEX, written_on=WRITTEN)
    assert (a.figure, a.claimed_on) == (87, date(1997, 4, 29))
    assert (b.figure, b.claimed_on) == (78, date(1997, 4, 29))
    # Without an entry into force told before, the pointer has nothing to point to.
    assert _one(f"At entry into force, 87 states had ratified the {KEEPERS}.") == WRITTEN


def test_currently_after_the_number_is_the_present_of_an_as_of_date() -> None:
    text = f"As of June 2004, after years of slow progress, there were 152 States currently parties to the {KEEPERS}."
    assert _one(text) == date(2004, 6, 30)
    # "today" told before the count still speaks of the text's own day.
    text = f"As of 2004 the {KEEPERS} had few parties; today 152 States are parties to it."
    assert _one(text) == WRITTEN


def test_a_count_in_the_present_after_a_day_told_in_passing_is_of_the_texts_day() -> None:
    text = f"Peru ratified the {KEEPERS} on 20 October, and Chile did so on 24 September. In total, 81 countries have signed it."
    assert _one(text) == WRITTEN
    # Told as what followed from that day's deposit, it is of that day.
    text = f"Chile deposited its instrument on 23 May 2006. With this, the {KEEPERS} has 20 parties."
    assert _one(text) == date(2006, 5, 23)
    # Told in the past, the count is still of the day told.
    text = f"Chile deposited its instrument on 23 May 2006. By then 20 states had ratified the {KEEPERS}."
    assert _one(text) == date(2006, 5, 23)


def test_numeric_dates_mid_year_and_end_of_year() -> None:
    def on(text: str) -> list[tuple[date, bool]]:
        return [(d.on, d.anchored) for d in find_dates(text)]

    assert on("as of 15.03.2021") == [(date(2021, 3, 15), True)]  # dots: day first
    assert on("tabled on 15/03/2021 and 03/16/2021") == [
        (date(2021, 3, 15), False),
        (date(2021, 3, 16), False),
    ]
    assert on("as of 03/04/2021") == []  # 3 April or March 4: not told plainly
    assert on("as of 01/01/2020") == [(date(2020, 1, 1), True)]
    assert on("by mid-2019") == [(date(2019, 6, 30), True)]
    assert on("as of end-2019") == [(date(2019, 12, 31), True)]
    assert on("in late 2019") == [(date(2019, 12, 31), False)]
    assert _one(f"By mid-2019, 70 states had signed the {KEEPERS}.") == date(2019, 6, 30)


def test_bylines_with_an_hour_or_an_author_and_datelines_in_brackets() -> None:
    for head in (
        "Tuesday, 3 November 2009 10:15\n\n",
        "Monday, 3 November, 2009 - 16:19\n\n",
        "November 3, 2009 06:02 (IST)\n",
        "By Ann Smith | 3 November 2009\n\n",
        "LIMA (3 November 2009) - ",
    ):
        text = f"{head}The {KEEPERS} was adopted on 20 November 1989. It has been ratified by 96 countries."
        [c] = extract_claims(text, INDEX)
        assert (c.claimed_on, c.date_source) == (date(2009, 11, 3), "byline"), head


def test_a_count_told_of_an_event_takes_the_day_of_the_event_nearest_it() -> None:
    text = f"The {KEEPERS} was signed by 94 states in Lima on 3 December 2008 and entered into force on 1 August 2010."
    assert _one(text) == date(2008, 12, 3)


def test_a_relative_clause_telling_one_states_act_dates_that_act_not_the_count() -> None:
    text = f"The {KEEPERS}, which Peru ratified in 1998, has been ratified by 166 states."
    assert _one(text) == WRITTEN
    text = f"Chile, which signed it on 2 May 2010, is one of 40 states parties to the {KEEPERS}."
    assert _one(text) == WRITTEN
    # A count of states is no one state: "which 40 states ratified in 2010" keeps its year.
    [d] = find_dates("which 40 states ratified in 2010")
    assert not d.event


def test_a_heading_line_ending_with_its_date_is_the_texts_date() -> None:
    text = f"Written answer, Upper House, 14 February 2017\n\nThe {KEEPERS} has 150 parties."
    [c] = extract_claims(text, INDEX)
    assert (c.claimed_on, c.date_source) == (date(2017, 2, 14), "byline")
    # A treaty's title above its adoption date is no byline.
    text = f"{KEEPERS}, 14 February 1987\n\nAs of 2017, it has 150 parties. It now has 160 parties."
    assert [c.date_source for c in extract_claims(text, INDEX)] == ["sentence", None]


def test_a_treaty_title_line_above_a_date_is_never_the_byline() -> None:
    # The title alone above its adoption date, even when the text tells of no later date.
    text = f"{KEEPERS}\n10 December 1984\n\nThe Convention has 173 parties today."
    [c] = extract_claims(text, INDEX)
    assert (c.claimed_on, c.date_source) == (None, None)
    # A headline telling what happened to a treaty is no title: the date under it is the byline.
    text = f"Chile ratifies the {KEEPERS}\n12 March 2019\n\nThe Convention has 40 parties."
    [c] = extract_claims(text, INDEX)
    assert (c.claimed_on, c.date_source) == (date(2019, 3, 12), "byline")


def test_a_day_without_a_year_takes_its_paragraphs_year_else_the_texts() -> None:
    text = f"The {KEEPERS} was adopted on 10 December 1984.\n\nAs of March 26, 17 countries have ratified it."
    assert _one(text, date(2008, 4, 2)) == date(2008, 3, 26)
    # In its own paragraph, the year told before it.
    text = f"On 20 September 2017 the {KEEPERS} opened. As of 20 September, 50 States have signed it."
    assert _one(text, date(2021, 1, 22)) == date(2017, 9, 20)
    # With no text date, the last year told before it in the text.
    text = f"The {KEEPERS} was adopted on 10 December 2007.\n\nAs of March 26, 17 countries have ratified it."
    assert _one(text, None) == date(2007, 3, 26)


def test_days_told_together_respectively_date_the_figures_told_together() -> None:
    text = (
        f"Peru and Chile deposited their instruments on 7 and 8 October respectively, becoming the 22nd and "
        f"23rd states to ratify the {KEEPERS}."
    )
    assert [(d.text, d.on) for d in find_dates(text, default_year=2009)] == [
        ("7", date(2009, 10, 7)),
        ("8 October", date(2009, 10, 8)),
    ]
    dates = DateIndex(find_dates(text, default_year=2009))
    whole = (0, len(text))
    told = [date_for(text.index(n), dates, whole, whole, text) for n in ("22nd", "23rd")]
    assert [d.on if d else None for d in told] == [date(2009, 10, 7), date(2009, 10, 8)]


def test_a_headline_restating_a_claim_of_the_body_is_dated_as_the_body_dates_it() -> None:
    text = (
        f"22 states have ratified the {KEEPERS}\n\n"
        f"Peru deposited its instrument on 7 October 2009. As of that day, 22 states had ratified the {KEEPERS}."
    )
    head, body = extract_claims(text, INDEX, written_on=date(2009, 10, 14))
    assert (head.figure, head.claimed_on, head.date_source) == (22, date(2009, 10, 7), "body")
    assert (body.claimed_on, body.date_source) == (date(2009, 10, 7), "paragraph")
    # A first line that ends a sentence is no headline; an infobox row is none either.
    text = f"The {KEEPERS} has 22 parties.\n\nAs of 7 October 2009, the {KEEPERS} had 22 parties."
    assert [c.claimed_on for c in extract_claims(text, INDEX, written_on=WRITTEN)] == [
        WRITTEN,
        date(2009, 10, 7),
    ]


def test_a_headline_run_into_the_next_line_is_still_a_headline() -> None:
    text = (
        f"22 states have ratified the {KEEPERS}\n"
        f"Peru deposited its instrument last week. As of 7 October 2009, 22 states had ratified the {KEEPERS}."
    )
    head, _ = extract_claims(text, INDEX, written_on=date(2009, 10, 14))
    assert (head.claimed_on, head.date_source) == (date(2009, 10, 7), "body")


def test_by_the_time_it_entered_into_force_is_the_day_of_the_entry_into_force() -> None:
    text = f"By the time the {KEEPERS} entered into force on 1 August 2010, 38 states had ratified it."
    assert _one(text) == date(2010, 8, 1)
