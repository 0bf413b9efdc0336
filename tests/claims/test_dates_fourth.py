"""Date rules of the fourth pass (issue 21): which date a count speaks of, each on hand-written sentences
about a made-up treaty (what the phrase means in English, never one text's wording)."""

from __future__ import annotations

from datetime import date

from pipeline.claims.dating import further_counts
from pipeline.claims.extract import TitleIndex, TreatyName, extract_claims
from pipeline.claims.relative_days import yesterday_counts
from pipeline.claims.status_dates import brought_to_day, carried_status_dates, marked_year
from tests.claims.conftest import KEEPERS, KEEPERS_NO

INDEX = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS)])
WRITTEN = date(2011, 5, 2)


def _dates(text: str, written_on: date | None = WRITTEN) -> dict[int, date | None]:
    return {c.figure: c.claimed_on for c in extract_claims(text, INDEX, written_on=written_on)}


def test_that_day_and_today_in_one_sentence_each_date_the_nearer_count() -> None:
    text = (
        f"The {KEEPERS} opened for signature on 2 March 2004. Forty states signed it on that day, and "
        "today it has 120 signatures and 60 ratifications."
    )
    found = _dates(text)
    assert found[40] == date(2004, 3, 2)
    assert found[120] == WRITTEN and found[60] == WRITTEN


def test_that_day_alone_still_points_back() -> None:
    text = f"The {KEEPERS} opened for signature on 2 March 2004. Forty states signed it on that day."
    assert _dates(text)[40] == date(2004, 3, 2)


def _further(text: str, written_on: date | None = None) -> list[tuple[int, date | None]]:
    claims = further_counts(extract_claims(text, INDEX, written_on=written_on), text)
    return [(c.figure, c.claimed_on) for c in claims]


def test_a_further_count_takes_the_date_of_the_count_before_it() -> None:
    text = (
        f"As of May 2019, 70 states have ratified the {KEEPERS}.\n\n"
        "A further 12 states have signed but not ratified it."
    )
    assert _further(text) == [(70, date(2019, 5, 31)), (12, date(2019, 5, 31))]
    text = f"As of May 2019, 70 states have ratified the {KEEPERS}.\n\nAnother 12 states have signed it."
    assert _further(text, WRITTEN) == [(70, date(2019, 5, 31)), (12, date(2019, 5, 31))]


def test_a_count_not_opened_by_further_keeps_its_own_date() -> None:
    text = f"As of May 2019, 70 states have ratified the {KEEPERS}.\n\nToday 12 states have signed it."
    assert _further(text, WRITTEN) == [(70, date(2019, 5, 31)), (12, WRITTEN)]


def test_yesterday_is_the_day_before_the_texts_date() -> None:
    text = f"Peru ratified the {KEEPERS} yesterday, bringing the number of ratifications to 30."
    claims = yesterday_counts(extract_claims(text, INDEX, written_on=WRITTEN))
    assert [(c.figure, c.claimed_on) for c in claims] == [(30, date(2011, 5, 1))]
    # "today" in the same sentence keeps the text's date; an undated text stays undated.
    text = f"Peru ratified yesterday and today the {KEEPERS} has 30 parties."
    claims = yesterday_counts(extract_claims(text, INDEX, written_on=WRITTEN))
    assert [(c.figure, c.claimed_on) for c in claims] == [(30, WRITTEN)]
    text = f"Peru ratified the {KEEPERS} yesterday, bringing the number of ratifications to 30."
    claims = yesterday_counts(extract_claims(text, INDEX))
    assert [(c.figure, c.claimed_on) for c in claims] == [(30, None)]


def test_a_year_that_marks_an_anniversary_dates_an_undated_text() -> None:
    text = f"2019 marks 30 years since the {KEEPERS} was adopted.\n\nToday, 150 states have ratified it."
    claims = marked_year(extract_claims(text, INDEX), text)
    assert [(c.figure, c.claimed_on) for c in claims] == [(150, date(2019, 12, 31))]
    # A text with its own date keeps it; a year told in passing ("in 2019 it marked") is no such year.
    claims = marked_year(extract_claims(text, INDEX, written_on=WRITTEN), text)
    assert [(c.figure, c.claimed_on) for c in claims] == [(150, WRITTEN)]
    text = f"The {KEEPERS} was adopted in 1989, which marked a change.\n\nToday, 150 states have ratified it."
    claims = marked_year(extract_claims(text, INDEX), text)
    assert [(c.figure, c.claimed_on) for c in claims] == [(150, None)]


def test_a_change_to_the_treaty_itself_is_an_event_not_a_status_date() -> None:
    text = f"The {KEEPERS} was amended in 2009 and since then only 35 countries have ratified it."
    assert _dates(text) == {35: WRITTEN}
    text = f"The scope of the {KEEPERS} was expanded in 2009, and since then 35 countries have ratified it."
    assert _dates(text, None) == {35: None}


def test_an_undated_text_carries_its_status_date_to_later_paragraphs() -> None:
    text = (
        f"There are 80 States Parties to the {KEEPERS} as of 30 April 2018.\n\n"
        "Progress has been slow among the 12 signatories that still need to ratify it."
    )
    found = carried_status_dates(extract_claims(text, INDEX), text)
    assert [(c.figure, c.claimed_on) for c in found] == [(80, date(2018, 4, 30)), (12, date(2018, 4, 30))]


def test_the_status_date_is_not_carried_to_the_texts_own_day_or_to_a_dated_text() -> None:
    text = (
        f"There are 80 States Parties to the {KEEPERS} as of 30 April 2018.\n\n"
        "So far, 12 signatories still need to ratify it."
    )
    found = carried_status_dates(extract_claims(text, INDEX), text)
    assert [(c.figure, c.claimed_on) for c in found] == [(80, date(2018, 4, 30)), (12, None)]
    text = text.replace("So far, 12", "Of them, 12")
    found = carried_status_dates(extract_claims(text, INDEX, written_on=WRITTEN), text)
    assert [(c.figure, c.claimed_on) for c in found][1:] == [(12, WRITTEN)]


def test_a_day_that_marks_an_anniversary_dates_an_undated_text() -> None:
    text = f"The 3rd of March 2016 marked ten years of the {KEEPERS}.\n\nToday, 150 states have ratified it."
    claims = marked_year(extract_claims(text, INDEX), text)
    assert [(c.figure, c.claimed_on) for c in claims] == [(150, date(2016, 3, 3))]


def test_a_running_total_told_with_its_deposit_day_dates_the_undated_counts_of_that_figure() -> None:
    text = (
        f"The {KEEPERS} has been ratified by 60 States. Peru's ratification, deposited on 2 May 2012, "
        "has brought the tally to 60."
    )
    found = brought_to_day(extract_claims(text, INDEX), text)
    assert [(c.figure, c.claimed_on) for c in found][:1] == [(60, date(2012, 5, 2))]
    # Another figure, or a text with a date of its own, keeps its dating.
    other = text.replace("by 60 States", "by 61 States")
    found = brought_to_day(extract_claims(other, INDEX), other)
    assert [(c.figure, c.claimed_on) for c in found][:1] == [(61, None)]
    found = brought_to_day(extract_claims(text, INDEX, written_on=WRITTEN), text)
    assert [(c.figure, c.claimed_on) for c in found][:1] == [(60, WRITTEN)]
