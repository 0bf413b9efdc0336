"""Claim extraction on texts written for the purpose: numbers, count patterns, dates and treaty links."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.claims.extract import (
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    TitleIndex,
    TreatyName,
    extract_claims,
    find_counts,
    find_dates,
    parse_number,
    split_sentences,
)

CRC = TreatyName("IV-11", "Convention on the Rights of the Child", ("CRC",))
OPAC = TreatyName(
    "IV-11-b",
    "Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed "
    "conflict",
    ("OPAC",),
)
OPSC = TreatyName(
    "IV-11-c",
    "Optional Protocol to the Convention on the Rights of the Child on the sale of children, child "
    "prostitution and child pornography",
    ("OPSC", "OP-CRC-SC"),
)
ICCPR = TreatyName("IV-4", "International Covenant on Civil and Political Rights", ("ICCPR",))
CHARTER = TreatyName("I-1", "Charter of the United Nations")
CAT = TreatyName(
    "IV-9",
    "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
    ("CAT",),
)
OPCAT = TreatyName(
    "IV-9-b",
    "Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or "
    "Punishment",
    ("OPCAT",),
)
CRPD = TreatyName("IV-15", "Convention on the Rights of Persons with Disabilities", ("CRPD",))
TREATIES = [CRC, OPAC, OPSC, ICCPR, CHARTER, CAT, OPCAT, CRPD]


@pytest.mark.parametrize(
    "text, value",
    [
        ("177", 177),
        ("1,234", 1234),
        ("nine", 9),
        ("Seventy-seven", 77),
        ("one hundred and seventy-seven", 177),
        ("one hundred seventy seven", 177),
        ("two hundred", 200),
        ("one thousand two hundred and five", 1205),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_parse_number_rejects_words() -> None:
    with pytest.raises(ValueError):
        parse_number("several")


@pytest.mark.parametrize(
    "text, figure, measure, noun",
    [
        ("The protocol has been ratified by 177 countries.", 177, MEASURE_PARTIES, "countries"),
        ("It was ratified or acceded to by 150 States.", 150, MEASURE_PARTIES, "states"),
        ("177 states are party to the protocol.", 177, MEASURE_PARTIES, "states"),
        ("Today 160 countries have ratified it.", 160, MEASURE_PARTIES, "countries"),
        ("The treaty was signed by 121.", 121, MEASURE_SIGNATORIES, None),
        ("It was signed by 121 states.", 121, MEASURE_SIGNATORIES, "states"),
        ("The protocol has 178 parties.", 178, MEASURE_PARTIES, "parties"),
        ("The protocol has 178 States Parties.", 178, MEASURE_PARTIES, "parties"),
        ("The convention has 122 signatories.", 122, MEASURE_SIGNATORIES, "signatories"),
        (
            "Another nine states have signed but not ratified.",
            9,
            MEASURE_SIGNED_NOT_PARTIES,
            "states",
        ),
        (
            "It has been ratified by one hundred and seventy-seven countries.",
            177,
            MEASURE_PARTIES,
            "countries",
        ),
        ("Forty-two states have signed the treaty.", 42, MEASURE_SIGNATORIES, "states"),
        ("The number of parties now stands at 178.", 178, MEASURE_PARTIES, "parties"),
        ("It was signed but not yet ratified by 12 states.", 12, MEASURE_SIGNED_NOT_PARTIES, "states"),
        (
            "Some 30 countries have signed the treaty but have not ratified it.",
            30,
            MEASURE_SIGNED_NOT_PARTIES,
            "countries",
        ),
    ],
)
def test_count_patterns(text: str, figure: int, measure: str, noun: str | None) -> None:
    [c] = find_counts(text)
    assert (c.figure, c.measure, c.noun) == (figure, measure, noun)
    assert text[c.number_start : c.number_end].lower() in text.lower()


def test_qualifiers_change_the_comparison() -> None:
    [more] = find_counts("It has been ratified by more than 170 countries.")
    [about] = find_counts("About 180 states are party to it.")
    assert (more.figure, more.comparison, more.qualifier) == (170, ">", "more than")
    assert (about.figure, about.comparison) == (180, "~")


@pytest.mark.parametrize(
    "text",
    [
        "It was adopted on May 25, 2000, and entered into force on January 18, 2002.",
        "The two parties agreed to meet again.",
        "In 2009 states met in Geneva.",
        "1. Prohibition of the sale of children: any act where a child is transferred.",
        "177 states have not ratified the treaty.",
        "The treaty was adopted by 122 votes in the General Assembly.",
    ],
)
def test_no_count_in_ordinary_sentences(text: str) -> None:
    assert find_counts(text) == []


@pytest.mark.parametrize(
    "text, day, precision",
    [
        ("As of September 2021, it had 177 parties.", date(2021, 9, 30), "month"),
        ("As of my knowledge cutoff in September 2021, it had 177 parties.", date(2021, 9, 30), "month"),
        ("As of May 2016, 12 states had signed.", date(2016, 5, 31), "month"),
        ("In 2009, 130 states had ratified it.", date(2009, 12, 31), "year"),
        ("As at 3 February 2026 it has 178 parties.", date(2026, 2, 3), "day"),
        ("On February 29, 2024 it had 178 parties.", date(2024, 2, 29), "day"),
        ("By 2024-02-29 it had 178 parties.", date(2024, 2, 29), "day"),
        ("As of Feb. 2024 it had 178 parties.", date(2024, 2, 29), "month"),
    ],
)
def test_dates_resolve_to_the_last_day_of_their_period(text: str, day: date, precision: str) -> None:
    [c] = extract_claims(text, TREATIES, treaty="IV-11-c")
    assert c.claimed_on == day
    assert [d.precision for d in find_dates(text)] == [precision]


def test_event_dates_do_not_date_a_claim() -> None:
    text = "The protocol was adopted on 25 May 2000 and has 178 parties."
    [c] = extract_claims(text, TREATIES, treaty="IV-11-c")
    assert c.claimed_on is None
    [d] = find_dates(text)
    assert d.event and not d.anchored


def test_undated_claim() -> None:
    [c] = extract_claims("The OPSC has been ratified by 178 countries.", TREATIES)
    assert c.claimed_on is None and c.date_text is None
    assert c.mtdsg_no == "IV-11-c" and c.link == "named"


def test_paragraph_date_when_the_sentence_has_none() -> None:
    text = (
        "Figures below are as of March 2020. The CRC was adopted in 1989.\n\n"
        "The CRC has 196 parties.\n\n"
        "As of 2015 the record was different. The ICCPR had 168 parties."
    )
    a, b = extract_claims(text, TREATIES)
    assert a.claimed_on is None  # a date in another paragraph does not carry over
    assert (b.mtdsg_no, b.claimed_on) == ("IV-4", date(2015, 12, 31))


def test_nearest_date_in_the_sentence_wins() -> None:
    text = "As of May 2016 the OPSC had 173 parties, and by 2021 it had 177 parties."
    a, b = extract_claims(text, TREATIES)
    assert (a.figure, a.claimed_on) == (173, date(2016, 5, 31))
    assert (b.figure, b.claimed_on) == (177, date(2021, 12, 31))


def test_title_with_typos_and_glued_words_is_found() -> None:
    text = (
        "Optional Protocol to the Convention on the rights of the child on thesale of children, child "
        "prostitution and child pornography\n\nIt has been ratified by 177 countries."
    )
    mentions = TitleIndex(TREATIES).find_mentions(text)
    assert [m.mtdsg_no for m in mentions] == ["IV-11-c"]
    [c] = extract_claims(text, TREATIES)
    assert (c.mtdsg_no, c.link) == ("IV-11-c", "before")


def test_nested_titles_prefer_the_longer_match() -> None:
    text = "The Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict."
    assert [m.mtdsg_no for m in TitleIndex(TREATIES).find_mentions(text)] == ["IV-11-b"]


def test_united_nations_alone_is_not_the_charter() -> None:
    text = "It was adopted by the United Nations General Assembly."
    assert TitleIndex(TREATIES).find_mentions(text) == []


def test_generic_reference_points_back_to_the_last_treaty_of_its_kind() -> None:
    text = (
        "The Optional Protocol to the Convention on the Rights of the Child on the Sale of Children, Child "
        "Prostitution and Child Pornography was adopted in 2000. It is a separate treaty from the Convention "
        "on the Rights of the Child. As of September 2021, the Optional Protocol has been ratified by 177 "
        "countries, while the Convention has 196 parties."
    )
    a, b = extract_claims(text, TREATIES)
    assert (a.figure, a.mtdsg_no, a.link, a.treaty_text) == (
        177,
        "IV-11-c",
        "reference",
        "the Optional Protocol",
    )
    assert (b.figure, b.mtdsg_no, b.link) == (196, "IV-11", "reference")


def test_text_naming_two_treaties_links_each_claim_to_the_nearest_before() -> None:
    text = (
        "The Convention on the Rights of the Child has 196 parties, the most of any human rights treaty. "
        "By contrast, the International Covenant on Civil and Political Rights was ratified by 173 states "
        "as of 2020. It was signed by 74."
    )
    a, b, c = extract_claims(text, TREATIES)
    assert (a.figure, a.mtdsg_no, a.link) == (196, "IV-11", "named")
    assert (b.figure, b.mtdsg_no, b.claimed_on) == (173, "IV-4", date(2020, 12, 31))
    assert (c.figure, c.mtdsg_no, c.measure, c.link) == (74, "IV-4", MEASURE_SIGNATORIES, "previous")


def test_short_names_are_matched_as_written() -> None:
    mentions = TitleIndex(TREATIES).find_mentions("Unlike the CRC, the cat sat on 3 mats; OPSC is newer.")
    assert [(m.mtdsg_no, m.text) for m in mentions] == [("IV-11", "CRC"), ("IV-11-c", "OPSC")]


def test_override_wins_over_the_text() -> None:
    [c] = extract_claims("The CRC has 196 parties.", TREATIES, treaty="IV-4")
    assert (c.mtdsg_no, c.link) == ("IV-4", "override")


def test_claim_without_any_treaty_is_unlinked() -> None:
    [c] = extract_claims("The accord was ratified by 55 countries.", TREATIES)
    assert (c.mtdsg_no, c.link) == (None, "none")


def test_no_claim_at_all() -> None:
    assert extract_claims("The Convention on the Rights of the Child protects children.", TREATIES) == []


def test_sentences_do_not_split_on_list_numbers_or_abbreviations() -> None:
    text = "Key points:\n\n  1. Prohibition of sale. It binds states, e.g. Chile. The end."
    pieces = [text[s:e] for s, e in split_sentences(text)]
    assert pieces == ["Key points:", "1. Prohibition of sale.", "It binds states, e.g. Chile.", "The end."]


def test_claim_positions_and_line() -> None:
    text = "Title\n\nAs of 2021 the CRC had 196 parties."
    [c] = extract_claims(text, TREATIES)
    assert text[c.start : c.end] == "196 parties"
    assert c.line == 3


def test_unambiguous_opening_words_of_a_long_title() -> None:
    index = TitleIndex(TREATIES)
    [m] = index.find_mentions("The Convention against Torture was ratified by 171 states in 2021.")
    assert (m.mtdsg_no, m.text) == ("IV-9", "Convention against Torture")
    # One title word besides the kind of treaty is not enough.
    assert index.find_mentions("A Convention against slavery was drafted.") == []


def test_treaty_named_later_in_the_sentence() -> None:
    text = "The CRPD has 193 parties. One hundred and ninety-six states are party to the CRC."
    a, b = extract_claims(text, TREATIES)
    assert (a.mtdsg_no, b.mtdsg_no, b.figure, b.link) == ("IV-15", "IV-11", 196, "named")
