"""Treaty rules of the fourth pass (issue 21): a treaty told by what it does, on hand-written sentences
about made-up treaties and their common names."""

from __future__ import annotations

from pipeline.claims.extract import extract_claims
from pipeline.claims.treaties import TitleIndex, TreatyName

INDEX = TitleIndex(
    [
        TreatyName("XXVI-90", "Treaty on the Trade in Lighthouse Lamps", ("TLL",), ("Lamp Trade Treaty",)),
        TreatyName("XXVI-91", "Treaty on the Prohibition of Foghorns", (), ("Foghorn Ban Treaty",)),
        TreatyName("XXVI-92", "Convention on Buoys", (), ()),
    ]
)


def _named(text: str) -> list[tuple[str, str]]:
    return [(m.mtdsg_no, m.text) for m in INDEX.find_mentions(text)]


def test_a_treaty_told_by_what_it_regulates_is_its_common_name() -> None:
    text = "Forty states have signed the first treaty regulating the worldwide lamp trade."
    assert _named(text) == [("XXVI-90", "treaty regulating the worldwide lamp trade")]


def test_a_ban_on_something_is_its_ban_treaty() -> None:
    assert _named("Ten states have ratified the ban on foghorns.") == [("XXVI-91", "ban on foghorns")]
    assert _named("Ten states joined a treaty banning all foghorns.") == [
        ("XXVI-91", "treaty banning all foghorns")
    ]


def test_a_description_that_makes_no_name_names_nothing() -> None:
    assert _named("Ten states back a treaty regulating the sale of ships.") == []
    assert _named("Ten states called for a ban on lamps.") == []


def test_that_amendment_is_the_one_amendment_to_the_treaty_just_named() -> None:
    parent = "Convention on Buoys and Beacons (with Annexes I and II)"
    index = TitleIndex(
        [
            TreatyName("XXVI-93", parent),
            TreatyName("XXVI-93-a", "Amendment to Article 2 of the Convention on Buoys and Beacons"),
            TreatyName("XXVI-94", "Convention on Lanterns"),
            TreatyName("XXVI-94-a", "Amendment to Article 1 of the Convention on Lanterns"),
            TreatyName("XXVI-94-b", "Amendment to Article 7 of the Convention on Lanterns"),
        ]
    )
    assert index.amendment_of("XXVI-93") == "XXVI-93-a"
    assert index.amendment_of("XXVI-94") is None  # two amendments: which one is not told
    text = (
        "The scope of the Convention on Buoys and Beacons was expanded in 2001, and only 35 countries have "
        "ratified that amendment."
    )
    [c] = extract_claims(text, index)
    assert (c.figure, c.mtdsg_no, c.claimed_on) == (35, "XXVI-93-a", None)


PARENT = "Convention on the Safety of Lighthouse Keepers"
GLOSSED = TitleIndex(
    [
        TreatyName("IV-95", PARENT, ("CSLK",)),
        TreatyName("IV-95-a", f"Optional Protocol to the {PARENT}"),
        TreatyName("IV-96", "Convention on Tides", ("CT",)),
    ]
)


def test_a_bracketed_short_name_after_a_protocols_title_glosses_the_parents_words() -> None:
    text = f"The Optional Protocol to the {PARENT} (CSLK) has now been ratified by 10 countries."
    assert [(m.mtdsg_no, m.via) for m in GLOSSED.find_mentions(text)] == [
        ("IV-95-a", "title"),
        ("IV-95", "gloss"),
    ]
    [c] = extract_claims(text, GLOSSED)
    assert (c.figure, c.mtdsg_no) == (10, "IV-95-a")
    # A later "the Convention" still points back to the parent the gloss names.
    text += " With Peru's ratification, the Convention has 160 States parties."
    assert [(c.figure, c.mtdsg_no) for c in extract_claims(text, GLOSSED)] == [
        (10, "IV-95-a"),
        (160, "IV-95"),
    ]


def test_a_bracketed_name_of_another_treaty_is_still_a_mention() -> None:
    text = f"The Optional Protocol to the {PARENT} (CT) has now been ratified by 10 countries."
    assert [(m.mtdsg_no, m.via) for m in GLOSSED.find_mentions(text)] == [
        ("IV-95-a", "title"),
        ("IV-96", "short name"),
    ]
    text = f"The {PARENT} and the Optional Protocol (CSLK) have 10 parties."
    assert "IV-95" in [m.mtdsg_no for m in GLOSSED.find_mentions(text)]


def test_figures_told_with_respectively_pair_with_the_treaties_in_order() -> None:
    text = (
        f"Ten states ratified the {PARENT} and five the Convention on Tides, bringing the total number of "
        "States Parties to 150 and 120 respectively."
    )
    # The first figure counts the first treaty, not the one named nearest before it.
    found = {c.figure: c.mtdsg_no for c in extract_claims(text, GLOSSED)}
    assert found.get(150) == "IV-95"
    assert found.get(120, "IV-96") == "IV-96"  # not read as a claim yet (issue 21, part b)


def test_the_convention_after_only_its_protocol_was_named_is_the_parent() -> None:
    # "A's B" is a B: "the Keepers Convention's Optional Protocol" is a protocol, so "the Convention" told
    # after it, with no convention named before, is the treaty that protocol belongs to.
    from tests.claims.conftest import FOGHORN, FOGHORN_NO, KEEPERS, KEEPERS_NO

    index = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS), TreatyName(FOGHORN_NO, FOGHORN)])
    assert index.parent_of(FOGHORN_NO) == KEEPERS_NO and index.parent_of(KEEPERS_NO) is None
    text = (
        f"GENEVA, 14 June 2019 - Ruritania has joined the {FOGHORN}. 12 States are now party to the "
        "Protocol, while 180 have ratified the Convention itself."
    )
    assert [(c.figure, c.mtdsg_no) for c in extract_claims(text, index)] == [
        (12, FOGHORN_NO),
        (180, KEEPERS_NO),
    ]


def test_a_possessive_title_is_of_the_kind_it_ends_with() -> None:
    from pipeline.claims.references import kind_of

    assert kind_of("the Lighthouse Keepers Convention's Optional Protocol") == "optional protocol"
    assert kind_of("the Keepers Convention\u2019s Protocol") == "protocol"
    assert kind_of("Optional Protocol to the Convention on Buoys") == "optional protocol"
    assert kind_of("Convention on Buoys") == "convention"
