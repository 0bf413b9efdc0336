"""The claim reader in linear time (issue 25 point 6): the work grows with the text, never faster, and a
megabyte of each shape that once took minutes is read, and read right. Asserts on work done, not seconds."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.claims.bench import DOTS, NUMBER_WORDS, PROSE, claims_ms_per_kb, repeated
from pipeline.claims.extract import TitleIndex, read_text
from pipeline.claims.numbers import WORD_NUMBER
from pipeline.claims.sentences import split_sentences
from tests.claims.test_extract import TREATIES

INDEX = TitleIndex(TREATIES)
MB = 1024 * 1024


def _calls(work: Callable[[], object]) -> int:
    """Python calls made (generator resumptions included) while `work` runs: the work it does."""
    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        work()
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("unit", [PROSE, NUMBER_WORDS, DOTS], ids=["prose", "number-words", "dots"])
def test_twice_the_text_is_at_most_twice_the_work(unit: str) -> None:
    small = repeated(unit, 32 * 1024)
    one, two = _calls(lambda: read_text(small, INDEX)), _calls(lambda: read_text(small * 2, INDEX))
    assert two <= 2.1 * one, (one, two)


def test_a_megabyte_of_prose_is_read_whole() -> None:
    text = repeated(PROSE, MB)
    reading = read_text(text, INDEX)
    repeats = text.count("ratified by 181")
    assert [c.figure for c in reading.claims] == [181, 164] * repeats
    assert [u.figure for u in reading.unread] == [12] * repeats  # "12 of them": a subset, listed


def test_a_megabyte_of_number_words_holds_no_claim() -> None:
    text = repeated(NUMBER_WORDS, MB)
    assert read_text(text, INDEX).claims == ()
    # A number in words is at most eight words: a run is cut into bounded pieces, never retried whole.
    runs = [re.split(r"[\s-]+", m.group(0)) for m in re.finditer(WORD_NUMBER, text[:20000], re.I)]
    longest = max(len([w for w in run if w.lower() != "and"]) for run in runs)
    assert longest <= 8


def test_a_megabyte_of_a_dot_is_one_sentence_each() -> None:
    text = repeated(DOTS, MB)
    assert len(split_sentences(text)) == text.count("A.")
    assert read_text(text, INDEX).claims == ()


def test_the_bench_measure_is_milliseconds_per_kb_of_each_shape() -> None:
    figures = claims_ms_per_kb(INDEX, kb=4)
    assert set(figures) == {"prose", "number_words", "dots"} and all(v > 0 for v in figures.values())


_PIECES = [*"Aa1 2.,;:-\n()[]%", "ratified by ", "states ", "one ", "March ", "2019 ", "the CCM ", "of the "]


@given(st.lists(st.sampled_from(_PIECES), max_size=120).map("".join))
@settings(max_examples=150, deadline=None)
def test_no_text_crashes_the_reader(text: str) -> None:
    reading = read_text(text, INDEX)
    assert all(0 <= c.number_start < len(text) for c in reading.claims)
    assert all(u.reason for u in reading.unread)


def test_a_text_without_any_figure_is_not_read_and_any_figure_is_seen() -> None:
    # read_text returns at once on a text with no digit, number word or ordinal word (the page of "A. "
    # that took 10 s); every word a stage reads a figure from is seen by that first look.
    from pipeline.claims.numbers import ANY_FIGURE
    from pipeline.text import NUMBER_WORDS, TENS_ORDINALS, UNIT_ORDINALS

    assert ANY_FIGURE.search(repeated(DOTS, 4096)) is None
    assert (
        read_text("The Convention was adopted. It is open. Many states have joined it.", INDEX).claims == ()
    )
    for word in [*NUMBER_WORDS, *UNIT_ORDINALS, *TENS_ORDINALS, "7", "1st"]:
        assert ANY_FIGURE.search(f"It was the {word.title()} time.") is not None, word
    reading = read_text("The Convention entered into force after the decisive twentieth ratification.", INDEX)
    assert [c.figure for c in reading.claims] == [20]
