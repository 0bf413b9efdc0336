"""Treaty names: MTDSG numbers in any spelling, short aliases, and helpful errors."""

from __future__ import annotations

import pytest

from pipeline import mtdsg
from pipeline.catalog import UnknownTreaty, resolve_treaty, short_name

KNOWN = ["IV-4", "IV-11", "IV-11-b", "IV-11-c", "IV-15", "XXVI-4", "XXVI-9", "XXVII-7-d"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("IV-11-c", "IV-11-c"),
        ("iv 11 c", "IV-11-c"),
        ("IV.11.C", "IV-11-c"),
        ("OPSC", "IV-11-c"),
        ("opsc", "IV-11-c"),
        ("CRC", "IV-11"),
        ("ICCPR", "IV-4"),
        ("CTBT", "XXVI-4"),
        ("tpnw", "XXVI-9"),
        ("Paris Agreement", "XXVII-7-d"),
        ("paris-agreement", "XXVII-7-d"),
        # names people use that the table learnt in the tenth pass
        ("Test Ban Treaty", "XXVI-4"),
        ("Civil and Political Rights Covenant", "IV-4"),
        ("Children's Rights Convention", "IV-11"),
        ("Convention on the Rights of Disabled Persons", "IV-15"),
    ],
)
def test_resolves_numbers_and_aliases(name, expected):
    assert resolve_treaty(name, KNOWN) == expected


def test_unknown_name_suggests_close_matches():
    with pytest.raises(UnknownTreaty, match=r"unknown treaty 'OPCS'.*did you mean.*OPSC"):
        resolve_treaty("OPCS", KNOWN)


def test_known_alias_missing_from_database():
    with pytest.raises(UnknownTreaty, match=r"'CEDAW' \(IV-8\) is not in the database"):
        resolve_treaty("CEDAW", KNOWN)


def test_empty_database_says_import_first():
    with pytest.raises(UnknownTreaty, match="treaties import"):
        resolve_treaty("zzzz", [])


def test_short_names_and_number_spelling():
    assert short_name("IV-11-c") == "OPSC" and short_name("IV-9-b") == "OPCAT" and short_name("XIX-1") is None
    assert mtdsg.normalise("xxvi 2 a") == "XXVI-2-a" and mtdsg.normalise("Paris") is None
