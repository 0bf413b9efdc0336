"""End notes as history in as-of (IV-5): Guyana's initial accession of 1993 and Jamaica's denunciation
dated by the Protocol's quoted article 12(1), read from the saved pages."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.store import open_store
from tests.store.second_ring import build

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory, xml_dir, html_dir):
    return build(tmp_path_factory.mktemp("iv5") / "i.duckdb", ["IV-5", "XIX-35"], xml_dir, html_dir)


def test_iv5_on_1998_01_01_counts_guyana_and_jamaica(db):
    with open_store(db, read_only=True) as s:
        a = s.asof("IV-5", date(1998, 1, 1))
        after_jamaica = s.asof("IV-5", date(1998, 1, 23))
        day_before = s.asof("IV-5", date(1998, 1, 22))
    # 91 before this rule: Guyana (acceded 10 May 1993, re-acceded 5 January 1999) and Jamaica (notified
    # 23 October 1997, effective three months after receipt, 23 January 1998) were both left out.
    assert a.parties == 93
    assert "treaty's denunciation clause quoted on the page" in a.basis
    assert "1 earlier participation told in end notes" in a.basis
    assert (day_before.parties, after_jamaica.parties) == (93, 92)


def test_guyana_counts_from_its_initial_accession(db):
    with open_store(db, read_only=True) as s:
        before, on = s.asof("IV-5", date(1993, 5, 9)), s.asof("IV-5", date(1993, 5, 10))
    assert on.parties - before.parties >= 1 and "earlier participation" in on.basis
    assert "earlier participation" not in before.basis


def test_netherlands_leaves_xix35_on_the_date_of_effect_in_an_unlinked_note(db):
    with open_store(db, read_only=True) as s:
        before, after = s.asof("XIX-35", date(2010, 6, 21)), s.asof("XIX-35", date(2010, 6, 22))
    assert before.parties - after.parties == 1
