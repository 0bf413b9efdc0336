"""Treaty linking for counts the reader used to give the wrong treaty (issue 21, fifth pass): one test per
rule, on hand-written sentences."""

from __future__ import annotations

from pipeline.claims.extract import TitleIndex, TreatyName, extract_claims
from pipeline.claims.names import load_common_names

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
