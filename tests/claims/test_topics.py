"""A text's subject links the counts no title links (pipeline/claims/topics.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.claims.extract import read_text
from pipeline.claims.topics import TopicTableError, _topics, links_by_subject, text_subject
from tests.claims.test_extract import TREATIES


def test_the_subject_of_exactly_one_treaty_is_the_texts_subject() -> None:
    assert text_subject("World Day in Support of Victims of Torture: the Convention ...") == (
        "IV-9",
        "Torture",
    )
    assert text_subject("A ban on cluster munitions and on anti-personnel mines.") is None  # two subjects
    assert text_subject("The Convention was adopted in 1984.") is None


def test_only_a_sentence_of_a_treaty_and_not_of_a_protocol_links_by_subject() -> None:
    assert links_by_subject("Only 129 of the 189 member states are party to the Convention.")
    assert not links_by_subject("Only 60 states have ratified its Optional Protocol.")
    assert not links_by_subject("129 countries sent delegates.")


def test_a_count_no_title_links_takes_the_texts_subject() -> None:
    text = (
        "June 26 is the day in support of victims of torture.\n\n"
        "Only 129 of the 189 member states of the UN are party to the Convention."
    )
    [c] = read_text(text, TREATIES).claims
    assert (c.figure, c.mtdsg_no, c.link, c.treaty_text) == (129, "IV-9", "subject", "torture")
    # A title named anywhere in the text wins: the subject is a last resort.
    named = "The Convention on the Rights of the Child is not about torture. It has 196 States parties."
    assert [(c.mtdsg_no, c.link) for c in read_text(named, TREATIES).claims] == [("IV-11", "before")]


def test_a_bad_row_of_the_topics_table_fails_loudly(tmp_path: Path) -> None:
    bad = tmp_path / "topics.csv"
    bad.write_text("phrase,mtdsg_no,note\ntorture,IV-9,\ntorture,IV-16,\n", encoding="utf-8")
    with pytest.raises(TopicTableError, match="line 3"):
        _topics(bad)
