"""Treaty rules of the third pass (issue 21): which treaty a count speaks of, each on hand-written sentences
(what the phrase means in English and in the UN's numbering, never one text's wording)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.claims.extract import TitleIndex, TreatyName, extract_claims, read_text
from pipeline.claims.model import REASON_OUTSIDE
from pipeline.claims.names import NameTableError, load_common_names, load_outside_treaties
from tests.claims.conftest import FOGHORN, FOGHORN_NO, KEEPERS, KEEPERS_NO

INDEX = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS), TreatyName(FOGHORN_NO, FOGHORN)])


BEACONS = "Convention on the Care and Maintenance of Coastal Beacons and Lightships"
BEACONS_OP = (
    "Optional Protocol to the Convention on the Care and Maintenance of Coastal Beacons and Lightships"
)
# Two conventions with an optional protocol each: "Optional Protocol to the Convention" opens two titles.
FOUR = TitleIndex(
    [
        TreatyName(KEEPERS_NO, KEEPERS),
        TreatyName(FOGHORN_NO, FOGHORN),
        TreatyName("IV-91", BEACONS),
        TreatyName("IV-91-a", BEACONS_OP),
    ]
)


def test_the_optional_protocol_to_the_convention_is_the_protocol_of_the_convention_named_before() -> None:
    for parent, no, protocol in ((KEEPERS, KEEPERS_NO, FOGHORN_NO), (BEACONS, "IV-91", "IV-91-a")):
        text = f"The {parent} has 150 parties. The Optional Protocol to the Convention has been signed by 64 countries."
        a, b = extract_claims(text, FOUR)
        assert (a.figure, a.mtdsg_no) == (150, no)
        assert (b.figure, b.mtdsg_no, b.link) == (64, protocol, "named")
    # A title that goes on ("to the Convention on ...") is that title, not a reference back.
    text = f"The {KEEPERS} has 150 parties. The {BEACONS_OP} has 60 parties."
    assert [c.mtdsg_no for c in extract_claims(text, FOUR)] == [KEEPERS_NO, "IV-91-a"]
    # With no convention named before, there is nothing to point back to.
    assert (
        FOUR.find_mentions("The Optional Protocol to the Convention has been signed by 64 countries.") == []
    )


def test_a_title_after_the_number_is_nearer_than_a_reference_after_it() -> None:
    text = (
        "Officials hailed the twentieth state to deposit an instrument this week, an act that sets off the "
        f"entry into force of the {KEEPERS} and its Protocol."
    )
    [c] = extract_claims(text, INDEX)
    assert (c.figure, c.mtdsg_no) == (20, KEEPERS_NO)


def test_the_third_optional_protocol_to_the_crc_by_its_campaign_name() -> None:
    names = load_common_names()
    titles = {
        "IV-11": "Convention on the Rights of the Child",
        "IV-11-d": "Optional Protocol to the Convention on the Rights of the Child on a communications procedure",
    }
    index = TitleIndex(TreatyName(no, title, (), names.get(no, ())) for no, title in titles.items())
    text = "As of May 2013, 36 States have signed OP3 CRC and 8 have ratified the OP3-CRC. The CRC has 193 parties."
    assert [(c.figure, c.mtdsg_no) for c in extract_claims(text, index)] == [
        (36, "IV-11-d"),
        (8, "IV-11-d"),
        (193, "IV-11"),
    ]


def test_a_treaty_in_a_clause_of_time_is_not_what_the_count_is_about() -> None:
    text = (
        f"The {KEEPERS} was adopted in 2001 with a protocol on foghorns. The Protocol will take effect "
        "once the Convention does, and after 12 ratifications or accessions."
    )
    [c] = extract_claims(text, INDEX)
    assert (c.figure, c.mtdsg_no) == (12, FOGHORN_NO)
    # Without another treaty word before it, the clause's treaty is still the one the count speaks of.
    text = f"The {KEEPERS} has a protocol on foghorns. Once the Convention has 12 parties, the protocol will apply."
    [c] = extract_claims(text, INDEX)
    assert c.mtdsg_no == KEEPERS_NO
    # A count inside the clause is about the clause's treaty ("while the Convention has 90 parties").
    text = "Today the Protocol has 12 parties, while the Convention has 90 parties."
    a, b = extract_claims(f"The {KEEPERS} has a protocol on foghorns. {text}", INDEX)
    assert [(a.figure, a.mtdsg_no), (b.figure, b.mtdsg_no)] == [(12, FOGHORN_NO), (90, KEEPERS_NO)]


def test_its_first_or_second_optional_protocol_is_the_parents_protocol_of_that_rank() -> None:
    second = f"Second Optional Protocol to the {KEEPERS}, on lamp maintenance"
    index = TitleIndex(
        [TreatyName(KEEPERS_NO, KEEPERS), TreatyName(FOGHORN_NO, FOGHORN), TreatyName("IV-90-b", second)]
    )
    text = (
        f"The {KEEPERS} has 150 parties. Its First Optional Protocol has 60 parties; "
        "the second optional protocol has 40 parties."
    )
    assert [(c.figure, c.mtdsg_no) for c in extract_claims(text, index)] == [
        (150, KEEPERS_NO),
        (60, FOGHORN_NO),
        (40, "IV-90-b"),
    ]


def test_common_names_of_the_cluster_munitions_and_nuclear_weapons_bans() -> None:
    names = load_common_names()
    assert {"Cluster Munitions Treaty", "Cluster Bomb Treaty", "Cluster Bomb Ban Treaty"} <= set(
        names["XXVI-6"]
    )
    assert "Nuclear Weapons Prohibition Treaty" in names["XXVI-9"]
    index = TitleIndex(TreatyName(no, no, (), names[no]) for no in ("XXVI-6", "XXVI-9"))
    text = "The cluster bomb treaty has 110 parties; the nuclear weapons prohibition treaty has 70."
    assert [m.mtdsg_no for m in index.find_mentions(text)] == ["XXVI-6", "XXVI-9"]


def test_a_treaty_outside_the_un_collection_keeps_its_figures_unread() -> None:
    outside = load_outside_treaties()
    assert {"outside:NPT", "outside:BWC"} <= set(outside)
    index = TitleIndex(
        [TreatyName(KEEPERS_NO, KEEPERS)]
        + [TreatyName(no, t, (), names) for no, (t, names) in outside.items()]
    )
    text = (
        f"The {KEEPERS} has 70 parties. By comparison, the Non-Proliferation Treaty has 191 parties. "
        "All nuclear-weapon states under the NPT have signed the treaty, and 120 states have ratified it."
    )
    reading = read_text(text, index)
    assert [(c.figure, c.mtdsg_no) for c in reading.claims] == [(70, KEEPERS_NO), (120, KEEPERS_NO)]
    assert [(u.figure, u.reason) for u in reading.unread] == [(191, REASON_OUTSIDE)]


def test_the_outside_treaties_table_refuses_a_bad_row(tmp_path: Path) -> None:
    bad = tmp_path / "outside.csv"
    bad.write_text("id,name,kind\nNPT,NPT,acronym\nBWC,NPT,acronym\n", encoding="utf-8")
    with pytest.raises(NameTableError, match="names both"):
        load_outside_treaties(bad)
    bad.write_text("id,name,kind\nNPT,NPT,nickname\n", encoding="utf-8")
    with pytest.raises(NameTableError, match="bad row"):
        load_outside_treaties(bad)


def test_a_treatys_optional_protocol_told_with_a_genitive() -> None:
    text = f"The {KEEPERS}' Optional Protocol has 60 parties, while the {KEEPERS} itself has 150 parties."
    assert [(c.figure, c.mtdsg_no) for c in extract_claims(text, INDEX)] == [
        (60, FOGHORN_NO),
        (150, KEEPERS_NO),
    ]
    index = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS, ("CPLK",)), TreatyName(FOGHORN_NO, FOGHORN)])
    [m] = index.find_mentions("The CPLK's Optional Protocol has 60 parties.")
    assert (m.mtdsg_no, m.text) == (FOGHORN_NO, "CPLK's Optional Protocol")
    # "its Optional Protocol on ..." names the protocol by its subject: not this rule's.
    first = index.find_mentions("The CPLK's Optional Protocol on lamps")[0]
    assert (first.mtdsg_no, first.text) == (KEEPERS_NO, "CPLK")


def test_an_outside_treaty_named_in_passing_does_not_take_the_counts_of_later_sentences() -> None:
    outside = load_outside_treaties()
    index = TitleIndex(
        [TreatyName(KEEPERS_NO, KEEPERS)]
        + [TreatyName(no, t, (), names) for no, (t, names) in outside.items()]
    )
    text = (
        f"The {KEEPERS} has 70 parties. Its reach grew in Africa, where the Treaty of Pelindaba went into "
        "effect last month. To date, 90 states have signed the pact."
    )
    assert [(c.figure, c.mtdsg_no) for c in read_text(text, index).claims] == [
        (70, KEEPERS_NO),
        (90, KEEPERS_NO),
    ]
    # As the subject of its sentence, it is what "it" speaks of next.
    text = f"The {KEEPERS} has 70 parties. The NPT entered into force in 1970. It has 191 parties."
    reading = read_text(text, index)
    assert [c.figure for c in reading.claims] == [70]
    assert [(u.figure, u.reason) for u in reading.unread] == [(191, REASON_OUTSIDE)]


def test_no_treaty_outside_the_collection_shares_a_name_with_a_un_treaty() -> None:
    outside = {
        n.casefold() for title, names in load_outside_treaties().values() for n in (title, *names) if n
    }
    un = {n.casefold() for names in load_common_names().values() for n in names}
    assert len(outside) >= 30 and not outside & un


def test_an_outside_treaty_told_as_an_object_does_not_take_the_subjects_count() -> None:
    outside = load_outside_treaties()
    index = TitleIndex(
        [TreatyName(KEEPERS_NO, KEEPERS)]
        + [TreatyName(no, t, (), names) for no, (t, names) in outside.items()]
    )
    text = f"The {KEEPERS} complements the NPT, and has been ratified by 170 states."
    assert [(c.figure, c.mtdsg_no) for c in read_text(text, index).claims] == [(170, KEEPERS_NO)]
    text = f"The {KEEPERS} has 70 parties, and the NPT has 191 parties."
    reading = read_text(text, index)
    assert [(c.figure, c.mtdsg_no) for c in reading.claims] == [(70, KEEPERS_NO)]
    assert [(u.figure, u.reason) for u in reading.unread] == [(191, REASON_OUTSIDE)]
