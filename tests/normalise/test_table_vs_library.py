"""names.csv checked against well-kept libraries: pycountry (ISO 3166-1 and -3) and country_converter."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import pycountry
import pytest

from pipeline.normalise.codes import NameEntry, load_entries

ENTRIES = load_entries()


def _ids(entry: NameEntry) -> str:
    return entry.name


@cache
def _country_converter():  # -> country_converter.CountryConverter | None
    """country_converter, current entries only; None (test skipped) if it is not installed.

    country_converter 1.3 cannot build its default table under pandas 3 (NaN in the ISO2 column of
    obsolete entries reaches re.compile), so fall back to reading its bundled TSV ourselves.
    """
    try:
        import country_converter as coco
    except ImportError:
        return None
    import pandas as pd

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    try:
        return coco.CountryConverter()
    except TypeError:
        tsv = Path(coco.__file__).with_name("country_data.tsv")
        data = pd.read_csv(tsv, sep="\t", dtype=str, keep_default_na=False, na_values=[""])
        return coco.CountryConverter(country_data=data[data["obsolete"].isna()])


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind != "organisation"], ids=_ids)
def test_entry_agrees_with_pycountry(entry: NameEntry) -> None:
    if entry.kind == "former_state":
        # ISO 3166-3 keeps the alpha-3 a deleted country had.
        known = {c.alpha_3 for c in pycountry.historic_countries}
        assert entry.iso3 in known
        assert pycountry.countries.get(alpha_3=entry.iso3) is None, (
            "a former state must not reuse a live code"
        )
        return
    country = pycountry.countries.get(alpha_3=entry.iso3)
    assert country is not None, f"{entry.iso3} is not an ISO 3166-1 code"
    try:
        looked_up = pycountry.countries.lookup(entry.name)
    except LookupError:
        return  # pycountry does not know this spelling (e.g. UNTC's "Bahamas (The)"): nothing to compare
    assert looked_up.alpha_3 == entry.iso3


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind != "former_state"], ids=_ids)
def test_entry_agrees_with_country_converter(entry: NameEntry) -> None:
    cc = _country_converter()
    if cc is None:
        pytest.skip("country_converter not installed (dev extra)")
    found = cc.convert(entry.name, to="ISO3", not_found=None)
    if entry.kind == "organisation":
        # Its regexes are for countries: "Southern African Development Community" matches South Africa.
        # An organisation must therefore never be looked up this way; we only check it is not a country.
        assert not pycountry.countries.get(alpha_3=entry.iso3)
        return
    if found is None or found == entry.name:
        return  # unknown to the library
    assert found == entry.iso3


def test_library_knows_most_names() -> None:
    # Guard against the comparison silently comparing nothing (e.g. a broken library install).
    known = 0
    for e in ENTRIES:
        try:
            pycountry.countries.lookup(e.name)
            known += 1
        except LookupError:
            pass
    assert known >= 150
    cc = _country_converter()
    if cc is not None:
        states = [e.name for e in ENTRIES if e.kind == "state"]
        codes = cc.convert(states, to="ISO3", not_found=None)
        assert sum(1 for n, c in zip(states, codes, strict=True) if c and c != n) >= 190
