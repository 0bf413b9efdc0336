"""One test per reading pattern of issue 12, on hand-written sentences (minimal examples, not real texts)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.claims.check import (
    VERDICT_CURRENT,
    VERDICT_THRESHOLD_RIGHT,
    VERDICT_THRESHOLD_WRONG,
    check_text,
    matches,
)
from pipeline.claims.extract import (
    KIND_THRESHOLD,
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    MODE_ACCESSION,
    MODE_RATIFICATION,
    TitleIndex,
    TreatyName,
    extract_claims,
    find_byline,
    find_counts,
    strip_annotations,
)
from pipeline.claims.names import load_common_names
from pipeline.store import open_store
from tests.claims.conftest import KEEPERS
from tests.claims.test_extract import TREATIES

TPNW = TreatyName("XXVI-9", "Treaty on the Prohibition of Nuclear Weapons", ("TPNW",))
CCM = TreatyName("XXVI-6", "Convention on Cluster Munitions", ("CCM",))
OTTAWA = TreatyName(
    "XXVI-5",
    "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel Mines "
    "and on their Destruction",
    (),
    ("Ottawa Treaty", "Mine Ban Treaty"),
)
ALL = [*TREATIES, TPNW, CCM, OTTAWA]


def _one(text: str, **kw):
    [c] = extract_claims(text, ALL, **kw)
    return c


def _check(db: Path, text: str, **kw):
    with open_store(db, read_only=True) as store:
        return check_text(text, store, name="t.txt", **kw)


def test_1_generic_reference_after_the_number() -> None:
    text = (
        "The Optional Protocol on the sale of children (OPSC) supplements the Convention on the Rights of "
        "the Child. As of 2020, 176 states are party to the protocol."
    )
    c = _one(text)
    assert (c.mtdsg_no, c.link, c.treaty_text) == ("IV-11-c", "reference", "the protocol")


def test_1_its_optional_protocol_is_the_protocol_to_the_treaty_just_named() -> None:
    index = TitleIndex([*TREATIES, TreatyName("IV-15-a", "Optional Protocol to the " + TREATIES[-1].title)])
    text = "The CRPD and its Optional Protocol: 177 ratifications to the CRPD and 92 ratifications to its Optional Protocol."
    a, b = extract_claims(text, index)
    assert (a.figure, a.mtdsg_no, b.figure, b.mtdsg_no) == (177, "IV-15", 92, "IV-15-a")


def test_2_a_citation_mark_after_the_full_stop_ends_the_sentence() -> None:
    text = (
        "The CCM entered into force on 1 August 2010, after it was ratified by 30 states.[2] As of December "
        "2023, it had 112 parties."
    )
    threshold, count = extract_claims(text, ALL)
    assert (threshold.kind, threshold.claimed_on) == (KIND_THRESHOLD, None)
    assert (count.figure, count.claimed_on) == (112, date(2023, 12, 31))


def test_3_event_dates_before_or_after_the_date_never_date_a_claim() -> None:
    text = (
        "On 20 September 2017, the TPNW was opened for signature. It entered into force on 22 January 2021 "
        "after it had been ratified by 50 states."
    )
    c = _one(text)
    assert (c.kind, c.claimed_on, c.event_on) == (KIND_THRESHOLD, None, date(2021, 1, 22))
    assert (
        _one("On 20 September 2017, the TPNW was opened for signature. It has 74 parties.").claimed_on is None
    )


def test_3_currently_after_a_dated_sentence_is_the_texts_own_date() -> None:
    text = "As of 2019, the TPNW had 30 parties. Currently, 74 states are parties to it."
    a, b = extract_claims(text, ALL, written_on=date(2026, 2, 3))
    assert (a.claimed_on, a.date_source) == (date(2019, 12, 31), "sentence")
    assert (b.claimed_on, b.date_source) == (date(2026, 2, 3), "written-on")
    # "now" does not undo a date in the claim's own sentence.
    c = _one("As of September 2021, the OPSC has now been ratified by 177 countries.")
    assert c.claimed_on == date(2021, 9, 30)


def test_4_threshold_is_checked_against_the_nth_deposit(keepers_db: Path) -> None:
    # Consents by date: France 2005, Holy See 2008, European Union 2010-01-01, Germany 2019, Japan 2022.
    text = f"The {KEEPERS} entered into force on 1 March 2010 after it had been ratified by 3 states."
    [c] = _check(keepers_db, text).checks
    assert (c.claim.kind, c.verdict, c.then_date) == (
        KIND_THRESHOLD,
        VERDICT_THRESHOLD_RIGHT,
        date(2010, 1, 1),
    )
    assert c.explanation.startswith("the 3rd consent (European Union, formal confirmation) was deposited")
    [wrong] = _check(keepers_db, text.replace("by 3", "by 4")).checks
    assert wrong.verdict == VERDICT_THRESHOLD_WRONG  # the 4th came in 2019, after entry into force
    [ordinal] = _check(
        keepers_db, f"The {KEEPERS} took effect six months after the 30th ratification."
    ).checks
    assert ordinal.verdict == VERDICT_THRESHOLD_WRONG and "fewer than 30" in ordinal.explanation


def test_4_a_count_told_at_an_event_is_not_a_threshold() -> None:
    [c] = find_counts("In 2010, when it was ratified by 100 states, the treaty was celebrated.")
    assert (c.kind, c.figure) == ("count", 100)
    [t] = find_counts("Condition: entry into force after 30 ratifications")
    assert (t.kind, t.figure, t.source) == (KIND_THRESHOLD, 30, "infobox")


def test_5_infobox_rows_are_claims_of_their_own_label() -> None:
    text = "Convention on Cluster Munitions\nEffective1 August 2010\nCondition6 months after 30 ratifications[2]\nSignatories 108\nParties 112\n"
    cond, sig, par = extract_claims(text, ALL)
    assert (cond.figure, cond.kind, cond.source) == (30, KIND_THRESHOLD, "infobox")
    assert (sig.figure, sig.measure, sig.claimed_on) == (108, MEASURE_SIGNATORIES, None)
    assert (par.figure, par.measure, par.claimed_on, par.mtdsg_no) == (112, MEASURE_PARTIES, None, "XXVI-6")


def test_6_counts_by_mode(keepers_db: Path) -> None:
    text = f"The {KEEPERS} has 5 parties: 3 states have ratified it, and another 2 have acceded."
    total, rat, acc = find_counts(text)
    assert (total.mode, rat.mode, acc.mode) == (None, MODE_RATIFICATION, MODE_ACCESSION)
    checks = _check(keepers_db, text).checks
    # Ratifications include the European Union's formal confirmation; accessions: Japan, Holy See.
    assert [(c.claim.figure, c.figure_now) for c in checks] == [(5, 5), (3, 3), (2, 2)]


def test_7_parties_and_signatories_as_monitors_write_them(keepers_db: Path) -> None:
    parties, signed = find_counts("The convention has 5 States Parties and 2 signatories.")
    assert (parties.measure, signed.measure) == (MEASURE_PARTIES, MEASURE_SIGNED_NOT_PARTIES)
    a, b = find_counts("The protocol has 46 signatories and 29 parties.")
    assert (a.measure, b.measure) == (MEASURE_SIGNATORIES, MEASURE_PARTIES)
    [_, c] = _check(keepers_db, f"As of 2023 the {KEEPERS} had 5 States Parties and 2 signatories.").checks
    assert (c.claim.measure, c.figure_now, c.verdict) == (MEASURE_SIGNED_NOT_PARTIES, 2, VERDICT_CURRENT)
    assert c.to_dict()["measure"] == "signed_not_party"


@pytest.mark.parametrize(
    "text, figure, measure",
    [
        ("It has 112 states that have ratified it.", 112, MEASURE_PARTIES),
        ("183 countries have signed the Treaty, of which 166 have also ratified it.", 166, MEASURE_PARTIES),
        ("Out of 195 States, 183 have signed it and 54 have ratified it.", 54, MEASURE_PARTIES),
        (
            "Four countries, including the United States, have signed but not ratified.",
            4,
            MEASURE_SIGNED_NOT_PARTIES,
        ),
        ("There are six more signatories without ratification.", 6, MEASURE_SIGNED_NOT_PARTIES),
        ("17 countries have passed ratifications of the Convention.", 17, MEASURE_PARTIES),
        (
            "One state (the Marshall Islands) has signed but not ratified the treaty.",
            1,
            MEASURE_SIGNED_NOT_PARTIES,
        ),
        ("A total of 120 countries joined, of which 106 are States Parties.", 106, MEASURE_PARTIES),
        ("The remaining 14 are signatories that have yet to ratify.", 14, MEASURE_SIGNED_NOT_PARTIES),
        ("Spain ratified it, bringing to three the number of ratifications so far.", 3, MEASURE_PARTIES),
        ("The convention applies as of November 2024 in 60 countries.", 60, MEASURE_PARTIES),
        ("156 countries have signed and ratified the Treaty.", 156, MEASURE_PARTIES),
    ],
)
def test_8_more_phrasings(text: str, figure: int, measure: str) -> None:
    found = [c for c in find_counts(text) if c.figure == figure]
    assert [c.measure for c in found] == [measure]


@pytest.mark.parametrize(
    "text",
    [
        "A total of 120 countries have signed or acceded to it.",
        "Two other ratifications are required for the convention to enter into force.",
        "Only three more ratifications are needed.",
        "It cannot enter into force until it is ratified by 44 specific nations.",
        "Spain ratified it today when one country ratified it.",
        "Conditions in 30 prisons were poor.",
    ],
)
def test_8_figures_that_are_not_counts(text: str) -> None:
    assert find_counts(text) == []


def test_9_regional_subsets_are_not_totals_and_some_165_is_not_162() -> None:
    counts = find_counts("It has 164 States Parties, including 42 States Parties in Europe.")
    assert [c.figure for c in counts] == [164]
    assert not matches(165, 162, "~") and matches(165, 163, "~") and matches(170, 166, "~")
    assert not matches(180, 150, "<~") and matches(180, 175, "<~")  # "nearly 180"
    assert matches(200, 150, "<")  # "fewer than 200"


def test_10_common_names_are_known_and_shown() -> None:
    c = _one("The Ottawa Treaty has 164 parties.")
    assert (c.mtdsg_no, c.treaty_text, c.treaty_via) == ("XXVI-5", "Ottawa Treaty", "common name")
    names = load_common_names()
    assert {"Ottawa Treaty", "Mine Ban Treaty"} <= set(names["XXVI-5"])
    assert "CTBT" in names["XXVI-4"] and "Arms Trade Treaty" in names["XXVI-8"]


def test_10_protocols_named_by_their_popular_titles_each_keep_their_claims(eval_db: Path) -> None:
    # The CRC protocols' popular titles leave out "to the Convention on the Rights of the Child"; among the
    # collection's 437 titles, the second one must still be found, or its claims go to the first.
    text = (
        "Two protocols followed. The first, the Optional Protocol on the Involvement of Children in Armed "
        "Conflict, bars compulsory recruitment under eighteen. It took effect on 12 February 2002; "
        "currently, 150 states are party to the protocol. The second, the Optional Protocol on the Sale of "
        "Children, Child Prostitution and Child Pornography, obliges states to prohibit the sale of children, "
        "child prostitution and child pornography. It took effect on "
        "18 January 2002; currently, 161 states are party to the protocol."
    )
    report = _check(eval_db, text, written_on=date(2012, 6, 1))
    assert [(c.claim.figure, c.mtdsg_no) for c in report.checks] == [(150, "IV-11-b"), (161, "IV-11-c")]


@pytest.mark.parametrize(
    "text, day",
    [
        ("Mar 22, 2018\n\nThe CRC has 196 parties.", date(2018, 3, 22)),
        ("GENEVA, 22 March 2018 - The CRC has 196 parties.", date(2018, 3, 22)),
        ("Monday 30 November 2009\nThe CRC has 196 parties.", date(2009, 11, 30)),
        ("The CRC has 196 parties.\n\n(Last updated September 2019)", date(2019, 9, 30)),
    ],
)
def test_11_byline_or_dateline_dates_an_undated_claim(text: str, day: date) -> None:
    byline = find_byline(text)
    assert byline is not None and byline.on == day
    c = _one(text)
    assert (c.claimed_on, c.date_source) == (day, "byline")
    # --written-on wins over the byline.
    assert _one(text, written_on=date(2020, 1, 1)).claimed_on == date(2020, 1, 1)


def test_11_no_byline_in_running_text() -> None:
    assert find_byline("The CRC was adopted on 20 November 1989 and has 196 parties.") is None


def test_12_the_tools_own_annotations_are_never_read_back() -> None:
    text = (
        "The CRC has **196 parties**[^claim-1].\n\n[^claim-1]: IV-11 (CRC): 196 parties as at 2026-02-03.\n"
    )
    assert len(strip_annotations(text)) == len(text)
    [c] = extract_claims(text, ALL)
    assert (c.figure, c.mtdsg_no) == (196, "IV-11")
