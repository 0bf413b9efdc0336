"""Places the UN's status pages do not list get a message that says why, not a generic "no match"."""

from __future__ import annotations

import pytest

from pipeline.normalise.countries import UnknownCountry, lookup_country, unlisted_places


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("Kosovo", "is not a member of the United Nations"),
        ("XK", "(Kosovo) is not a member of the United Nations"),
        ("Taiwan", "General Assembly resolution 2758"),
        ("Chinese Taipei", "see China (CHN)"),
        ("Macao", "through China's actions (before 20 December 1999, Portugal's)"),
        ("Macau", "through China's actions"),
        ("Western Sahara", "non-self-governing territory"),
        ("Greenland", "see Denmark (DNK)"),
        ("Puerto Rico", "see United States of America (USA)"),
        ("Curaçao", "see Netherlands (NLD)"),
    ],
)
def test_an_unlisted_place_is_told_why(query: str, words: str) -> None:
    with pytest.raises(UnknownCountry) as err:
        lookup_country(query)
    message = str(err.value)
    assert message.startswith(f"{query!r} ") and words in message and "\n" not in message
    assert "no participant matches" not in message


def test_listed_participants_still_resolve_first() -> None:
    assert lookup_country("France").iso3 == "FRA"
    assert lookup_country("Hong Kong").iso3 == "HKG"  # a participant in its own name on some pages
    for key in unlisted_places():
        assert key  # every row has a name


def test_a_plain_miss_keeps_its_hint() -> None:
    with pytest.raises(UnknownCountry, match="no participant matches 'Atlantis'"):
        lookup_country("Atlantis")
