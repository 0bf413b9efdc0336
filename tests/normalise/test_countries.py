"""lookup_country: the names people type, codes, ambiguity, suggestions, and aliases.csv against pycountry."""

from __future__ import annotations

import pycountry
import pytest

from pipeline.normalise.codes import load_entries
from pipeline.normalise.countries import (
    MAX_SUGGESTIONS,
    CountryMatch,
    MatchKind,
    UnknownCountry,
    known_codes,
    load_aliases,
    lookup_country,
    match_key,
)

# The queries of issue 14, and the participant each must find.
QUERIES = [
    ("United States", "USA"),
    ("USA", "USA"),
    ("US", "USA"),
    ("u.s.a.", "USA"),
    ("United Kingdom", "GBR"),
    ("UK", "GBR"),
    ("Great Britain", "GBR"),
    ("Russia", "RUS"),
    ("Palestine", "PSE"),
    ("Cote d'Ivoire", "CIV"),
    ("Côte d’Ivoire", "CIV"),
    ("COTE DIVOIRE", "CIV"),
    ("Ivory Coast", "CIV"),
    ("Vatican", "VAT"),
    ("Holy See", "VAT"),
    ("EU", "EUU"),
    ("European Union", "EUU"),
    ("European Community", "EUU"),
    ("Turkey", "TUR"),
    ("Türkiye", "TUR"),
    ("Turkiye", "TUR"),
    ("Swaziland", "SWZ"),
    ("Eswatini", "SWZ"),
    ("Czechia", "CZE"),
    ("Burma", "MMR"),
    ("Myanmar", "MMR"),
    ("South Korea", "KOR"),
    ("North Korea", "PRK"),
    ("Iran", "IRN"),
    ("Syria", "SYR"),
    ("Laos", "LAO"),
    ("Vietnam", "VNM"),
    ("Viet Nam", "VNM"),
    ("Bolivia", "BOL"),
    ("Venezuela", "VEN"),
    ("Tanzania", "TZA"),
    ("Moldova", "MDA"),
    ("Macedonia", "MKD"),
    ("DR Congo", "COD"),
    ("Congo-Kinshasa", "COD"),
    ("Cape Verde", "CPV"),
    ("East Timor", "TLS"),
    ("Micronesia", "FSM"),
    ("The Gambia", "GMB"),
    ("Trinidad & Tobago", "TTO"),
    ("St Lucia", "LCA"),
    ("Saint Lucia", "LCA"),
    ("Sao Tome and Principe", "STP"),
    ("Soviet Union", "SUN"),
    ("Korea, Republic of", "KOR"),
    ("Bolivia, Plurinational State of", "BOL"),
]


@pytest.mark.parametrize(("query", "iso3"), QUERIES)
def test_common_names_resolve(query: str, iso3: str) -> None:
    assert lookup_country(query).iso3 == iso3


@pytest.mark.parametrize(
    ("query", "kind", "matched"),
    [
        ("Viet Nam", MatchKind.PAGE_NAME, "Viet Nam"),
        ("cote d'ivoire", MatchKind.PAGE_NAME, "Côte d'Ivoire"),
        ("Swaziland", MatchKind.FORMER_NAME, "Swaziland"),
        ("Bahamas", MatchKind.FORMER_NAME, "Bahamas"),
        ("UK", MatchKind.ALIAS, "UK"),
        ("gbr", MatchKind.ALPHA3, "GBR"),
        ("gb", MatchKind.ALPHA2, "GB"),
        ("euu", MatchKind.ALPHA3, "EUU"),
        ("YUG", MatchKind.ALPHA3, "YUG"),
    ],
)
def test_how_it_matched(query: str, kind: MatchKind, matched: str) -> None:
    m = lookup_country(query)
    assert (m.matched_by, m.matched) == (kind, matched)


def test_match_carries_the_name_untc_prints_today() -> None:
    assert lookup_country("Swaziland") == CountryMatch("SWZ", "Eswatini", MatchKind.FORMER_NAME, "Swaziland")
    assert lookup_country("Bahamas").name == "Bahamas (The)"
    assert lookup_country("Czechia").name == "Czech Republic"  # what the 2026 tables print
    assert str(lookup_country("UK")) == "United Kingdom of Great Britain and Northern Ireland (GBR), by alias"


def test_congo_and_guinea_are_the_states_the_un_calls_so() -> None:
    assert lookup_country("Congo").iso3 == "COG"
    assert lookup_country("Republic of the Congo").iso3 == "COG"
    assert lookup_country("Democratic Republic of the Congo").iso3 == "COD"
    assert lookup_country("Guinea").iso3 == "GIN"
    assert lookup_country("Guinea Bissau").iso3 == "GNB"


def test_korea_is_ambiguous_and_suggests_both() -> None:
    with pytest.raises(UnknownCountry) as info:
        lookup_country("Korea")
    assert set(info.value.suggestions) == {"Republic of Korea", "Democratic People's Republic of Korea"}
    assert "ambiguous" in str(info.value)


@pytest.mark.parametrize("query", ["Frnace", "Untied States", "Atlantis", "Korea", "England", ""])
def test_a_miss_is_one_line_with_few_suggestions_and_no_code_editing(query: str) -> None:
    with pytest.raises(UnknownCountry) as info:
        lookup_country(query)
    message = str(info.value)
    assert "\n" not in message
    assert ".csv" not in message and "edit" not in message and ".py" not in message
    assert len(info.value.suggestions) <= MAX_SUGGESTIONS
    assert info.value.query == query


def test_suggestions_for_typos() -> None:
    with pytest.raises(UnknownCountry) as info:
        lookup_country("Frnace")
    assert info.value.suggestions[0] == "France"
    with pytest.raises(UnknownCountry) as info:
        lookup_country("Untied States")
    assert "United States of America" in info.value.suggestions
    assert 'did you mean "United States of America"' in str(info.value)


def test_an_iso_country_that_is_no_participant_says_so() -> None:
    with pytest.raises(UnknownCountry) as info:
        lookup_country("TW")
    assert "TWN" in str(info.value) and "no treaty" in str(info.value)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Côte d'Ivoire", "Cote d’Ivoire"),
        ("u.s.a.", "USA"),
        ("The Gambia", "gambia"),
        ("Trinidad & Tobago", "trinidad and tobago"),
        ("Guinea-Bissau", "guinea  bissau"),
        ("Türkiye", "TURKIYE"),
    ],
)
def test_match_key_ignores_accents_case_and_punctuation(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


# --- the alias table against the country library -------------------------------------------------

ISO_ALPHA3 = {c.alpha_3 for c in pycountry.countries}
ISO_FORMER = {c.alpha_3 for c in pycountry.historic_countries}
NON_ISO = {e.iso3 for e in load_entries() if e.iso3 not in ISO_ALPHA3 and e.iso3 not in ISO_FORMER}


def test_our_non_iso_codes_are_the_eu_and_user_assigned_ones() -> None:
    assert NON_ISO, "names.csv has EUU and X.. codes"
    assert all(c == "EUU" or c.startswith("X") for c in NON_ISO)


@pytest.mark.parametrize("row", load_aliases(), ids=lambda r: r.alias)
def test_alias_code_exists(row) -> None:
    assert row.iso3 in ISO_ALPHA3 | ISO_FORMER | NON_ISO, f"{row.alias}: {row.iso3} is no ISO 3166 code"
    assert row.iso3 in known_codes(), f"{row.alias}: {row.iso3} is not a code of names.csv"
    assert row.note, f"{row.alias}: say why the alias is there"


@pytest.mark.parametrize("row", load_aliases(), ids=lambda r: r.alias)
def test_alias_resolves_to_its_code_or_is_reported_ambiguous(row) -> None:
    codes = {r.iso3 for r in load_aliases() if match_key(r.alias) == match_key(row.alias)}
    if len(codes) == 1:
        assert lookup_country(row.alias).iso3 == row.iso3
    else:
        with pytest.raises(UnknownCountry):
            lookup_country(row.alias)


@pytest.mark.parametrize("row", load_aliases(), ids=lambda r: r.alias)
def test_short_alias_is_not_another_countrys_iso_code(row) -> None:
    # "UK" and "EU" are ISO's exceptionally reserved codes, not assigned ones; "EC" (Ecuador) must
    # never be an alias of the European Community.
    text = row.alias.upper()
    assigned = pycountry.countries.get(alpha_2=text) if len(text) == 2 else None
    assigned = assigned or (pycountry.countries.get(alpha_3=text) if len(text) == 3 else None)
    assert assigned is None or assigned.alpha_3 == row.iso3


@pytest.mark.parametrize("iso3", sorted(known_codes()))
def test_every_code_of_the_name_table_resolves_by_its_iso_codes(iso3: str) -> None:
    assert lookup_country(iso3.lower()).iso3 == iso3
    country = pycountry.countries.get(alpha_3=iso3)
    if country is not None:  # current ISO 3166-1 country: its alpha-2 works too
        m = lookup_country(country.alpha_2)
        assert (m.iso3, m.matched_by) == (iso3, MatchKind.ALPHA2)


@pytest.mark.parametrize("entry", load_entries(), ids=lambda e: e.name)
def test_every_untc_spelling_resolves_to_its_own_code(entry) -> None:
    m = lookup_country(entry.name)
    assert m.iso3 == entry.iso3
    assert m.name == entry.canonical_name


@pytest.mark.parametrize(
    ("alias", "iso3", "message"),
    [
        ("Atlantis", "ATL", "does not have"),  # a code names.csv lacks
        ("Viet-Nam", "VNM", "already a name"),  # redundant with names.csv once punctuation is ignored
        ("Congo", "COD", "already a name"),  # and never a second meaning of a UNTC name
    ],
)
def test_the_alias_table_is_checked_when_loaded(
    monkeypatch: pytest.MonkeyPatch, alias: str, iso3: str, message: str
) -> None:
    from pipeline.normalise import countries

    monkeypatch.setattr(countries, "load_aliases", lambda: (countries.AliasRow(alias, iso3, "test"),))
    with pytest.raises(ValueError, match=message):
        countries._index.__wrapped__()
