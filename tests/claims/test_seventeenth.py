"""Seventeenth pass (issue 21). One test per rule, on hand-written sentences.

The rules of this pass came from passages written blind to probe the checker (eight batches: anniversaries,
opinion pieces, attributed figures, questions and answers, several treaties compared, numbered reports,
a country's own act, the early years of treaties), not from `dev/` misses.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.claims.readers import checks as _checks

CRC = "the Convention on the Rights of the Child"
CTBT = "the Comprehensive Nuclear-Test-Ban Treaty"


def test_an_ordinal_with_its_noun_left_out_before_to_ratify_is_a_count(eval_db: Path) -> None:
    text = f"Somalia was the 196th to ratify {CRC}."
    assert _checks(eval_db, text) == [(196, "parties", "IV-11", "2015-10-01")]
    # the noun told, as before
    text = f"Somalia was the 196th state to ratify {CRC}."
    assert _checks(eval_db, text) == [(196, "parties", "IV-11", "2015-10-01")]


def test_a_noun_counted_by_number_as_a_verb_after_today(eval_db: Path) -> None:
    text = f"Signatures to {CTBT} today number 185, and 170 states have ratified it."
    assert _checks(eval_db, text, written_on=date(2021, 9, 24)) == [
        (185, "signatories", "XXVI-4", "2021-09-24"),
        (170, "parties", "XXVI-4", "2021-09-24"),
    ]
