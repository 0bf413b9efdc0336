"""Ninth pass (issue 21). One test per rule, on hand-written sentences."""

from __future__ import annotations

from pipeline.claims.model import REASON_NOT_UNDERSTOOD
from tests.claims.test_reading import _unread


def test_every_verb_of_consent_makes_a_sentence_about_a_treaty() -> None:
    # "accepted", "approval", "adhered", "members": ways of joining the lexicon knows; a number beside them
    # that no frame reads is listed, never dropped in silence.
    for text in (
        "In less than four years, over 150 nations accepted the document as a minimum standard.",
        "Some 150 nations adhered to the text within a decade of its adoption.",
        "The body now counts 150 members from every region.",
    ):
        assert _unread(text) == [(150, REASON_NOT_UNDERSTOOD)], text
    assert _unread("In less than four years, over 150 nations built new schools.") == []
