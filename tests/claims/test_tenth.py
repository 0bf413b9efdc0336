"""Tenth pass (issue 21). One test per rule, on hand-written sentences."""

from __future__ import annotations

from pipeline.claims.model import REASON_NO_TREATY_WORD
from tests.claims.test_reading import _unread


def test_a_count_of_states_without_a_treaty_word_is_listed_in_a_text_about_a_treaty() -> None:
    # The second sentence has no treaty word; its "10 countries" is still listed, with that reason, when
    # the text names a treaty. A number that counts no states there, and a text naming none, list nothing.
    text = "The CCM sets a rule for the clearance of old bombs. 10 countries already agreed on this rule."
    assert _unread(text) == [(10, REASON_NO_TREATY_WORD)]
    assert _unread("The CCM sets a rule for old bombs. 10 teams cleared the fields.") == []
    assert _unread("A rule for old bombs was set. 10 countries already agreed on this rule.") == []
