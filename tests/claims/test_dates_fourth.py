"""Date rules of the fourth pass (issue 21): which date a count speaks of, each on hand-written sentences
about a made-up treaty (what the phrase means in English, never one text's wording)."""

from __future__ import annotations

from datetime import date

from pipeline.claims.extract import TitleIndex, TreatyName, extract_claims
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
