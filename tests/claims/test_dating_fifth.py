"""Fifth pass (issue 21): dating a claim the way a reader does, from the text alone; hand-written sentences
on a made-up convention (pipeline/claims/dating.py, pipeline/claims/status_dates.py)."""

from __future__ import annotations

from datetime import date

from pipeline.claims.extract import TitleIndex, TreatyName, extract_claims
from pipeline.claims.status_dates import paragraph_days
from tests.claims.conftest import KEEPERS, KEEPERS_NO

INDEX = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS)])


def _dates(text: str, written_on: date | None = None) -> list[tuple[int, date | None]]:
    claims = paragraph_days(extract_claims(text, INDEX, written_on=written_on), text)
    return [(c.figure, c.claimed_on) for c in claims]


def test_that_year_points_back_to_the_year_last_told() -> None:
    text = (
        f"The {KEEPERS} opened for signature in Lisbon on 3 March 2004. Over 60 states signed it that year."
    )
    assert _dates(text) == [(60, date(2004, 12, 31))]
    text = f"The {KEEPERS} was adopted in May 2011, and in the same year 12 states ratified it."
    assert _dates(text, date(2020, 1, 1)) == [(12, date(2011, 12, 31))]


def test_that_year_without_a_year_told_before_stays_with_the_texts_date() -> None:
    text = f"Over 60 states signed the {KEEPERS} that year."
    assert _dates(text, date(2020, 1, 1)) == [(60, date(2020, 1, 1))]


def test_a_count_that_an_act_made_takes_the_acts_day_even_an_entry_into_force() -> None:
    text = f"On 9 July 2015 the {KEEPERS} entered into force for Norway, making it the 31st State Party."
    assert _dates(text) == [(31, date(2015, 7, 9))]
    text = (
        f"On 9 July 2015 the {KEEPERS} entered into force for Norway, bringing the number of parties to 31."
    )
    assert _dates(text) == [(31, date(2015, 7, 9))]


def test_an_entry_into_force_without_a_consequence_dates_no_count() -> None:
    text = f"The {KEEPERS} entered into force on 9 July 2015 and has 31 parties."
    assert _dates(text, date(2020, 1, 1)) == [(31, date(2020, 1, 1))]


def test_an_undated_text_dates_a_count_by_the_day_its_paragraph_tells() -> None:
    text = (
        f"Norway deposited its instrument of ratification of the {KEEPERS} on 2 June 2016. "
        "Seventy states so far have signed the Convention."
    )
    assert _dates(text) == [(70, date(2016, 6, 2))]


def test_a_text_with_its_own_date_keeps_it_for_a_count_in_the_present() -> None:
    text = (
        f"Norway deposited its instrument of ratification of the {KEEPERS} on 2 June 2016. "
        "Seventy states so far have signed the Convention."
    )
    assert _dates(text, date(2018, 5, 5)) == [(70, date(2018, 5, 5))]


def test_another_paragraph_a_day_to_come_or_another_time_between_break_the_link() -> None:
    other_paragraph = (
        f"Norway ratified the {KEEPERS} on 2 June 2016.\n\nSeventy states so far have signed the Convention."
    )
    assert _dates(other_paragraph) == [(70, None)]
    to_come = f"The {KEEPERS} will enter into force on 2 June 2016. It now has 40 signatories."
    assert _dates(to_come) == [(40, None)]
    since = f"Norway ratified the {KEEPERS} on 2 June 2016. Since the conference, 70 states have signed it."
    assert _dates(since) == [(70, None)]
    another_date = (
        f"Norway ratified the {KEEPERS} on 2 June 2016, a year after its adoption in 2015. "
        "Seventy states have signed it."
    )
    assert _dates(another_date) == [(70, None)]


def test_a_year_in_a_parenthesis_after_a_name_dates_that_act_not_the_count() -> None:
    text = (
        f"As of May 2020, 40 states are parties to the {KEEPERS}. There are still 3 states that have only signed "
        "it (Chile (signature in 2002), Peru (signed in 2021) and Fiji)."
    )
    assert _dates(text) == [(40, date(2020, 5, 31)), (3, date(2020, 5, 31))]
