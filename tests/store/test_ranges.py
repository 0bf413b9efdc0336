"""Ranges: where a participation is uncertain, as-of gives the lowest and highest counts the record allows
and names who makes the difference; a treaty without a signature column has no signatory count."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.store import history, open_store
from pipeline.store.model import AsOf, Uncertain
from tests.store.second_ring import build

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory, xml_dir, html_dir):
    return build(
        tmp_path_factory.mktemp("ranges") / "r.duckdb", ["XXVI-4", "XXVI-2-a", "I-1"], xml_dir, html_dir
    )


def test_an_uncertain_ratification_gives_a_range_naming_it(db):
    with open_store(db, read_only=True) as s:
        # No cited event: the ratification gone from the 2026 page without notice stays counted.
        a = history.asof(s, "XXVI-4", date(2024, 11, 30), events=())
    assert (a.parties, a.parties_range) == (179, (178, 179))
    assert a.signatories_range == (a.signatories, a.signatories)  # the signature is still on the page
    assert a.range_text() == "178-179 (uncertain: Russian Federation)"
    assert a.to_dict()["parties_range"] == [178, 179]


def test_a_certain_answer_has_an_empty_range(db):
    with open_store(db, read_only=True) as s:
        a = s.asof("XXVI-4", date(2010, 1, 1))
    assert a.parties_range == (a.parties, a.parties) and a.range_text() == str(a.parties)


def test_range_text_names_each_uncertain_participant():
    two = (
        Uncertain("AAA", "Aland", "consent", (date(2018, 1, 15), date(2026, 2, 3))),
        Uncertain("BBB", "Borduria", "consent", (date(2018, 1, 15), date(2026, 2, 3))),
    )
    a = AsOf("I-1", date(2020, 1, 1), 10, 4, "b", 1, 0, two, parties_range=(8, 10), signatories_range=(4, 4))
    assert a.range_text() == "8-10 (uncertain: Aland, Borduria)"
    assert a.range_text("signatories") == "4"


@pytest.mark.parametrize("treaty", ["XXVI-2-a", "I-1"])
def test_no_signature_column_means_no_signatory_count(db, treaty):
    with open_store(db, read_only=True) as s:
        a = s.asof(treaty, date(2017, 6, 1))
        d = s.diff(treaty)
    assert a.parties is not None and a.parties > 0
    assert (a.signatories, a.signed_not_party, a.signatories_range) == (None, None, None)
    assert a.has_signature_procedure is False
    assert a.range_text("signatories") == "none (no signature procedure)"
    assert d.counts_before["signatories"] is None and d.counts_after["signatories"] is None
