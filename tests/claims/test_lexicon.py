"""The claim reader's word lists as data: measures.csv, and the month names and number words of pipeline/text.py."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.claims.measures import (
    LEXICON,
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    MEASURES,
    MODES,
    LexiconError,
    load_measures,
    measure_of,
)
from pipeline.text import MONTH_ABBREVIATIONS, MONTHS, parse_number, parse_ordinal


def test_every_row_of_measures_csv_names_a_known_measure_and_mode() -> None:
    with LEXICON.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(load_measures()) >= 30
    assert {r["measure"] for r in rows} == set(MEASURES)
    assert {r["mode"] for r in rows} <= {"", *MODES}


@pytest.mark.parametrize(
    "words, measure",
    [
        ("signed", MEASURE_SIGNATORIES),
        ("signed but not ratified", MEASURE_SIGNED_NOT_PARTIES),
        ("signed and ratified", MEASURE_PARTIES),
        ("States-Parties", MEASURE_PARTIES),  # hyphen and capitals fold to "states parties"
        ("ratifying  states", MEASURE_PARTIES),
        ("signatory States", MEASURE_SIGNATORIES),
        ("binding on", MEASURE_PARTIES),
        ("ratified it", MEASURE_PARTIES),  # the longest listed opening
        ("UN member signatories", MEASURE_SIGNATORIES),  # the longest listed ending
    ],
)
def test_measure_of_reads_the_lexicon(words: str, measure: str) -> None:
    found = measure_of(words)
    assert found is not None and found.measure == measure


def test_an_unlisted_word_has_no_measure() -> None:
    assert measure_of("admired") is None


def test_a_bad_row_fails_loudly(tmp_path: Path) -> None:
    bad = tmp_path / "measures.csv"
    bad.write_text("phrase,measure,mode,note\nadmired,fans,,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown measure 'fans'"):
        load_measures(bad)
    twice = tmp_path / "twice.csv"
    twice.write_text(
        "phrase,measure,mode,note\nsigned,signatories,,\nSigned,signatories,,\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match="listed twice"):
        load_measures(twice)


def test_months_are_one_table_for_parse_and_claims() -> None:
    assert MONTHS["sept"] == MONTHS["september"] == 9
    assert MONTH_ABBREVIATIONS == {
        m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), start=1)
    }
    from pipeline.parse import endnotes, table

    assert endnotes._MONTH_NAMES is MONTHS and table._MONTHS is MONTH_ABBREVIATIONS


@pytest.mark.parametrize(
    "text, value",
    [
        ("30th", 30),
        ("twentieth", 20),
        ("thirty-fifth", 35),
        ("sixty fifth", 65),
        ("hundredth", 100),
        ("first", 1),
    ],
)
def test_parse_ordinal(text: str, value: int) -> None:
    assert parse_ordinal(text) == value


def test_parse_ordinal_and_number_reject_other_words() -> None:
    with pytest.raises(ValueError):
        parse_ordinal("several")
    with pytest.raises(ValueError):
        parse_number("thirty-fifth")


def test_no_module_of_the_claim_reader_is_over_400_lines() -> None:
    import pipeline.claims

    folder = Path(pipeline.claims.__file__).parent
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in folder.glob("*.py")}
    assert len(sizes) >= 10 and max(sizes.values()) <= 400, sizes
