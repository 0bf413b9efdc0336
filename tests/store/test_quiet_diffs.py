"""Quiet diffs: declarations compared without their rendering; withdrawals shown with their effective date
and the rule that dated it."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.store import open_store
from pipeline.store.compare import compare_participants, rendering_free, same_text
from tests.store.second_ring import build


def test_rendering_differences_are_no_change():
    assert rendering_free("“It is the understanding”  of  Australia –") == rendering_free(
        '"It is the understanding" of Australia -'
    )
    assert same_text("Article?(a) of the United Kingdom?s", "Article 1(a) of the United Kingdom’s")
    assert not same_text("Article 1(a)", "Article 2(a)")
    assert not same_text("reservation to article 5", "reservation to article 5 and article 6")
    assert same_text(None, "  ") and not same_text(None, "text")


def _row(decl: str | None, flag: bool) -> dict:
    return {"iso3": "AUS", "name": "Australia", "declarations": decl, "has_declarations": flag}


def test_an_empty_declaration_box_is_no_change_but_new_text_is():
    kinds = [c.change for c in compare_participants([_row(None, False)], [_row(None, True)])]
    assert "declarations_changed" not in kinds
    kinds = [c.change for c in compare_participants([_row(None, False)], [_row("Declaration: x", True)])]
    assert kinds == ["declarations_changed"]


@pytest.mark.corpus
def test_ottawa_diff_has_no_rendering_change_and_dated_withdrawals(tmp_path, xml_dir, html_dir):
    db = build(tmp_path / "q.duckdb", ["XXVI-5"], xml_dir, html_dir)
    with open_store(db, read_only=True) as s:
        d = s.diff("XXVI-5")
    assert [c.name for c in d.changes if c.change == "declarations_changed"] == []
    withdrew = {(c.iso3, c.effective, c.rule) for c in d.changes if c.change == "withdrew"}
    assert withdrew == {
        ("EST", date(2025, 12, 27), "effect (end note 1)"),
        ("FIN", date(2026, 1, 10), "effect (end note 2)"),
        ("LVA", date(2025, 12, 27), "effect (end note 3)"),
        ("LTU", date(2025, 12, 27), "effect (end note 4)"),
    }
    assert d.to_dict()["changes"][0].keys() >= {"effective", "rule"}
