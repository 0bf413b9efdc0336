"""Treaty linking for counts the reader used to give the wrong treaty (issue 21, fifth pass): one test per
rule, on hand-written sentences."""

from __future__ import annotations

from pipeline.claims.extract import TitleIndex, TreatyName, extract_claims
from pipeline.claims.names import load_common_names
from tests.claims.test_extract import TREATIES

COVENANT = "International Covenant on Civil and Political Rights"
TITLES = {
    "IV-4": COVENANT,
    "IV-5": "Optional Protocol to the " + COVENANT,
    "IV-12": "Second Optional Protocol to the " + COVENANT + ", aiming at the abolition of the death penalty",
}


def _index() -> TitleIndex:
    names = load_common_names()
    return TitleIndex(TreatyName(no, title, (), names.get(no, ())) for no, title in TITLES.items())


def test_the_covenants_protocols_by_their_acronyms_with_a_space() -> None:
    text = "By 2015, 115 States were party to the ICCPR OP1, and 81 States were party to the ICCPR OP2."
    assert [(c.figure, c.mtdsg_no) for c in extract_claims(text, _index())] == [(115, "IV-5"), (81, "IV-12")]


def test_a_parent_named_in_a_bracketed_aside_leaves_the_protocol_named_after_the_verb() -> None:
    text = "Today 114 States (of the 170 States parties to the ICCPR) are party to the ICCPR OP1."
    assert (114, "IV-5") in [(c.figure, c.mtdsg_no) for c in extract_claims(text, _index())]


# Which of two treaties in a sentence a count speaks of

OTHERS = TitleIndex(TREATIES)


def _linked(text: str) -> list[tuple[int, str | None]]:
    return [(c.figure, c.mtdsg_no) for c in extract_claims(text, OTHERS)]


def test_a_title_inside_a_relative_clause_is_not_the_subject() -> None:
    text = "The OPCAT, which builds on the Convention against Torture, has 70 States Parties."
    assert _linked(text) == [(70, "IV-9-b")]


def test_a_title_named_after_the_relative_clause_is_still_the_one_counted() -> None:
    text = "The OPCAT, which builds on it, has been followed by the Convention against Torture, with 150 States Parties."
    assert _linked(text) == [(150, "IV-9")]


def test_its_protocol_referred_to_after_the_parent_nearer_the_count() -> None:
    text = "The Convention against Torture came into force in 1987; its Optional Protocol, which 70 states have ratified, in 2006."
    assert _linked(text) == [(70, "IV-9-b")]


def test_respectively_pairs_a_title_and_a_reference_to_its_protocol() -> None:
    text = "The Convention against Torture and its Optional Protocol have 150 and 70 parties respectively."
    assert _linked(text) == [(150, "IV-9"), (70, "IV-9-b")]


def test_a_protocol_as_subject_whose_parent_is_named_in_a_clause_about_it() -> None:
    text = "The Optional Protocol, adopted in 2002 to supplement the Convention against Torture, has 70 States Parties."
    assert _linked(text) == [(70, "IV-9-b")]


def test_the_parent_as_subject_with_a_clause_is_still_the_parent() -> None:
    text = "The Convention against Torture, adopted in 1984, has been ratified by 150 states."
    assert _linked(text) == [(150, "IV-9")]


def test_a_protocol_named_in_an_aside_about_the_parent_is_not_the_one_counted() -> None:
    text = "The Convention against Torture, unlike its Optional Protocol, has been ratified by 150 states."
    assert _linked(text) == [(150, "IV-9")]
