"""The one treaty name table: the names people type resolve, a miss suggests the nearest, every number
and title is the UN's (checked against the saved MTDSG files), and the CLI, watchlists and the claim
checker all read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.catalog import (
    NAMES,
    TREATY_NAMES_CSV,
    TreatyNameError,
    UnknownTreaty,
    load_treaty_names,
    lookup_number,
    nearest_names,
    resolve_treaty,
    short_name,
)
from pipeline.claims.names import load_common_names
from pipeline.runs.inputs import load_watchlist

# What people type, and the UN's number it means (numbers checked against the titles of the 2018
# MTDSG files in test_numbers_and_titles_are_the_uns below).
COMMON = {
    "Convention on the Rights of the Child": "IV-11",
    "the Convention on the Rights of the Child": "IV-11",
    "UNCRC": "IV-11",
    "Ottawa Treaty": "XXVI-5",
    "Ottawa Convention": "XXVI-5",
    "Mine Ban Treaty": "XXVI-5",
    "Refugee Convention": "V-2",
    "1951 Refugee Convention": "V-2",
    "Convention relating to the Status of Refugees": "V-2",
    "Refugee Protocol": "V-5",
    "1967 Protocol": "V-5",
    "Rome Statute": "XVIII-10",
    "Rome Statute of the International Criminal Court": "XVIII-10",
    "ICC Statute": "XVIII-10",
    "Genocide Convention": "IV-1",
    "Paris Agreement": "XXVII-7-d",
    "Paris Climate Agreement": "XXVII-7-d",
    "Kyoto Protocol": "XXVII-7-a",
    "UNFCCC": "XXVII-7",
    "Chemical Weapons Convention": "XXVI-3",
    "CWC": "XXVI-3",
    "Biological Diversity": None,  # not a name: suggested, not resolved
    "Convention on Biological Diversity": "XXVII-8",
    "Cartagena Protocol": "XXVII-8-a",
    "Nagoya Protocol": "XXVII-8-b",
    "Montreal Protocol": "XXVII-2-a",
    "Vienna Convention for the Protection of the Ozone Layer": "XXVII-2",
    "Basel Convention": "XXVII-3",
    "Rotterdam Convention": "XXVII-14",
    "Stockholm Convention": "XXVII-15",
    "Minamata Convention": "XXVII-17",
    "Aarhus Convention": "XXVII-13",
    "Espoo Convention": "XXVII-4",
    "Desertification Convention": "XXVII-10",
    "UNCLOS": "XXI-6",
    "Law of the Sea Convention": "XXI-6",
    "Vienna Convention on the Law of Treaties": "XXIII-1",
    "Vienna Convention on Diplomatic Relations": "III-3",
    "Vienna Convention on Consular Relations": "III-6",
    "UN Charter": "I-1",
    "Charter of the United Nations": "I-1",
    "ICJ Statute": "I-3",
    "UNCAC": "XVIII-14",
    "Convention against Corruption": "XVIII-14",
    "UN Anti-Corruption Convention": "XVIII-14",
    "Palermo Convention": "XVIII-12",
    "Trafficking Protocol": "XVIII-12-a",
    "Terrorist Financing Convention": "XVIII-11",
    "Comprehensive Nuclear-Test-Ban Treaty": "XXVI-4",
    "CTBT": "XXVI-4",
    "Treaty on the Prohibition of Nuclear Weapons": "XXVI-9",
    "Arms Trade Treaty": "XXVI-8",
    "Convention on Cluster Munitions": "XXVI-6",
    "Oslo Convention": "XXVI-6",
    "Oslo Treaty": "XXVI-6",
    "Convention against Torture": "IV-9",
    "OPCAT": "IV-9-b",
    "ICCPR": "IV-4",
    "International Covenant on Civil and Political Rights": "IV-4",
    "ICESCR": "IV-3",
    "CEDAW": "IV-8",
    "CERD": "IV-2",
    "CRPD": "IV-15",
    "Convention on the Rights of Persons with Disabilities": "IV-15",
    "Migrant Workers Convention": "IV-13",
    "Enforced Disappearance Convention": "IV-16",
    "OPSC": "IV-11-c",
    "Child Soldiers Protocol": "IV-11-b",
    "Second Optional Protocol to the ICCPR": "IV-12",
    "New York Convention": "XXII-1",
    "CISG": "X-10",
    "WHO Framework Convention on Tobacco Control": "IX-4",
    "Single Convention on Narcotic Drugs": "VI-15",
    "iv 11 c": "IV-11-c",
    "XXVI.5": "XXVI-5",
}
NAMED = {name: no for name, no in COMMON.items() if no is not None}


def test_the_list_is_long_enough() -> None:
    names = [n for n, no in NAMED.items() if not any(c.isdigit() for c in n.split()[0][:2])]
    assert len(names) >= 50 and len(load_treaty_names()) >= 200


@pytest.mark.parametrize(("name", "number"), sorted(NAMED.items()))
def test_every_common_name_resolves(name: str, number: str) -> None:
    assert lookup_number(name) == number
    assert resolve_treaty(name, ["IV-4", number]) == number


def test_a_miss_suggests_the_nearest_names() -> None:
    with pytest.raises(UnknownTreaty) as err:
        lookup_number("Refugees Conventon")
    assert "did you mean Refugee Convention (V-2)" in str(err.value)  # not the Genocide Convention
    assert nearest_names("Otawa Treaty")[0] == "Ottawa Treaty (XXVI-5)"
    assert nearest_names("Conventon on the Rigths of the Child")[0].endswith("(IV-11)")
    assert nearest_names("Chemical Weapon Convention") == ["Chemical Weapons Convention (XXVI-3)"]
    assert nearest_names("Biological Diversity")[0] == "Convention on Biological Diversity (XXVII-8)"
    assert nearest_names("xyzzy") == []
    with pytest.raises(UnknownTreaty, match=r"did you mean Rome Statute \(XVIII-10\)"):
        resolve_treaty("Rome Statue", ["XVIII-10", "IV-4"])


def test_a_name_of_a_treaty_not_in_the_database_says_so() -> None:
    with pytest.raises(UnknownTreaty, match=r"'Ottawa Treaty' \(XXVI-5\) is not in the database"):
        resolve_treaty("Ottawa Treaty", ["IV-4"])


def test_numbers_and_titles_are_the_uns(xml_dir: Path) -> None:
    """Every number of the table is one of the UN's (a 2018 MTDSG file of that number exists), and every
    row of kind `title` is that file's title."""
    from pipeline.parse import parse_page

    titles: dict[str, str] = {}
    for no in sorted(NAMES):
        path = xml_dir / f"{no}.xml"
        assert path.is_file(), f"{no} is not an MTDSG number of the saved files"
        titles[no] = " ".join(parse_page(path.read_bytes()).title.split()).rstrip("*")
    for row in load_treaty_names():
        if row.kind == "title":
            assert row.name == titles[row.mtdsg_no], row
    # Every treaty of the table has its title and exactly one short name, shown first.
    for no, names in NAMES.items():
        kinds = [r.kind for r in load_treaty_names() if r.mtdsg_no == no]
        assert kinds.count("short") == 1, no
        assert "title" in kinds or short_name(no) == titles[no], no  # "Paris Agreement" is both
        assert short_name(no) == names[0]


def test_the_claim_checker_reads_the_same_table() -> None:
    common = load_common_names()
    assert "Ottawa Treaty" in common["XXVI-5"] and "Refugee Convention" in common["V-2"]
    assert common == load_common_names(TREATY_NAMES_CSV)
    assert not (Path(TREATY_NAMES_CSV).parent / "claims" / "names.csv").exists()  # one table, not two


def test_a_watchlist_takes_names(tmp_path: Path) -> None:
    wl = tmp_path / "watchlist.txt"
    wl.write_text("OPSC\nOttawa Treaty  # by its city\nIV-11-c\nConvention on the Rights of the Child\n")
    assert load_watchlist(wl) == ["IV-11-c", "XXVI-5", "IV-11"]
    wl.write_text("OPSC\nRefugees Conventon\n")
    with pytest.raises(ValueError, match=r"watchlist\.txt:2: .*did you mean Refugee Convention \(V-2\)"):
        load_watchlist(wl)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("name,mtdsg_no,kind,note\nFoo,IV-1,nickname,\n", "line 2: bad row"),
        ("name,mtdsg_no,kind,note\nFoo,IV-1,popular,\nfoo,IV-2,popular,\n", "'foo' names both IV-1 and IV-2"),
        ("name,mtdsg_no,kind,note\nA,IV-1,short,\nB,IV-1,short,\n", "a second short name for IV-1"),
        ("name,mtdsg_no,kind,note\nFoo,iv-1,popular,\n", "line 2: bad row"),
    ],
)
def test_a_bad_row_is_refused_with_its_line(tmp_path: Path, text: str, error: str) -> None:
    table = tmp_path / "names.csv"
    table.write_text(text)
    with pytest.raises(TreatyNameError, match=error):
        load_treaty_names(table)


def test_the_reports_code_fingerprint_covers_the_name_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """A changed name table (a new short name) must rebuild the site: the report hashes it with its code."""
    from pipeline.report import data

    before = data._code_digest.__wrapped__()  # type: ignore[attr-defined]
    real = Path.read_bytes

    def edited(self: Path) -> bytes:
        content = real(self)
        return content + b"Another Name,IV-4,popular,\n" if self == TREATY_NAMES_CSV else content

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert data._code_digest.__wrapped__() != before  # type: ignore[attr-defined]
