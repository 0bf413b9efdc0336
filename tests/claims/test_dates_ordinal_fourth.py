"""Fourth pass (issue 21): an ordinal that names its state ("Peru became the 40th State Party") speaks of
the day of that state's act, which the record gives; hand-written sentences on a made-up convention whose
record is a small table (pipeline/claims/ordinal_days.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from pipeline.claims.extract import TitleIndex, TreatyName, extract_claims
from pipeline.claims.ordinal_days import ordinal_days
from tests.claims.conftest import KEEPERS, KEEPERS_NO

INDEX = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS)])
WRITTEN = date(2024, 3, 1)


class _Record:
    """The participants table of the made-up convention, as the store gives it."""

    def participants(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame:
        assert mtdsg_no == KEEPERS_NO
        rows: list[dict[str, Any]] = [
            {"iso3": "DEU", "signature_date": date(2001, 1, 10), "consent_date": date(2019, 6, 1)},
            {"iso3": "JPN", "signature_date": None, "consent_date": date(2022, 7, 7)},
            {"iso3": "PER", "signature_date": date(2021, 11, 11), "consent_date": None},
            {"iso3": "BOL", "signature_date": None, "consent_date": date(2018, 2, 3)},
        ]
        return pd.DataFrame(rows)


def _dates(text: str, written_on: date | None = WRITTEN) -> list[tuple[int, date | None]]:
    claims = extract_claims(text, INDEX, written_on=written_on)
    return [(c.figure, c.claimed_on) for c in ordinal_days(claims, text, _Record())]  # type: ignore[arg-type]


def test_the_state_that_became_the_nth_dates_the_claim_to_its_consent() -> None:
    assert _dates(f"Germany became the 40th state to ratify the {KEEPERS}.") == [(40, date(2019, 6, 1))]
    # An undated text: the record still dates the act; a bracketed UN name is found without its bracket.
    assert _dates(f"Bolivia is the 41st State Party to the {KEEPERS}.", None) == [(41, date(2018, 2, 3))]


def test_a_run_of_states_pairs_with_a_run_of_ordinals() -> None:
    text = f"Germany and Japan became the 40th and 41st states to ratify the {KEEPERS}."
    assert _dates(text) == [(40, date(2019, 6, 1)), (41, date(2022, 7, 7))]


def test_the_nth_to_sign_takes_the_signature_day() -> None:
    assert _dates(f"Peru became the 90th country to sign the {KEEPERS}.") == [(90, date(2021, 11, 11))]


def test_a_day_told_in_the_sentence_keeps_the_texts_dating() -> None:
    text = f"On 2 May 2023 Germany became the 40th State Party to the {KEEPERS}."
    assert _dates(text) == [(40, date(2023, 5, 2))]
    assert _dates(f"Germany today became the 40th State Party to the {KEEPERS}.") == [(40, WRITTEN)]
    # With no date of its own, a text's day without a year is the record's day of the act (date rule 2),
    # when within a month of it; further off, the claim stays undated.
    text = f"Germany ratified it on 9 May, becoming the 40th party to the {KEEPERS}."
    assert _dates(text, None) == [(40, date(2019, 6, 1))]
    text = f"Germany ratified it on 9 September, becoming the 40th party to the {KEEPERS}."
    assert _dates(text, None) == [(40, None)]


def test_a_state_the_record_does_not_show_leaves_the_claim_as_it_was() -> None:
    assert _dates(f"Spain will become the 60th State Party to the {KEEPERS}.") == [(60, WRITTEN)]
    # A state that signed but has not joined: no consent day to take.
    assert _dates(f"Peru will become the 60th State Party to the {KEEPERS}.") == [(60, WRITTEN)]


def test_joining_n_other_countries_is_the_count_of_the_others_on_the_states_day() -> None:
    # Dated by Germany's act, compared with the UN's count less Germany (facts.told_apart).
    text = f"Germany joins 29 other countries that have ratified the {KEEPERS}."
    assert _dates(text) == [(29, date(2019, 6, 1))]
    # Without "other" the count is not of the others: it keeps the text's dating.
    text = f"Germany joins the 29 countries that have ratified the {KEEPERS}."
    assert _dates(text) == [(29, WRITTEN)]
