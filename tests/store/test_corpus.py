"""Done-when checks on the real saved pages: 2018 XML then 2026 HTML into a fresh database."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from pipeline.parse import SourceRef, parse_page
from pipeline.store import diffs, history, open_store
from tests.store_import import import_status

pytestmark = pytest.mark.corpus

# Treaties with a participants table in both captures, plus two header-only 2018 pages.
PAIRED = ["IV-5", "IV-11-c", "IV-11-d", "XXVI-4", "XXVI-5", "XXVI-6", "XXVI-8", "IV-11", "IV-2"]


def _import(store, files: list[Path], captured: date | None) -> list[str]:
    outcomes = []
    for f in files:
        data = f.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        st = parse_page(data, source=SourceRef(str(f), sha))
        outcomes.append(import_status(store, st, source=str(f), raw_sha256=sha, captured_at=captured).outcome)
    return outcomes


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, html_dir: Path, xml_dir: Path):
    path = tmp_path_factory.mktemp("corpus") / "c.duckdb"
    xml = [xml_dir / f"{m}.xml" for m in PAIRED]
    html = [html_dir / f"{m}.html" for m in PAIRED]
    with open_store(path) as s:
        assert _import(s, xml, date(2018, 1, 15)) == ["saved"] * len(PAIRED)
        assert _import(s, html, None) == ["saved"] * len(PAIRED)
        counts = s.table_counts()
        # Importing both folders again adds no rows to any table.
        assert set(_import(s, xml, date(2018, 1, 15)) + _import(s, html, None)) == {"unchanged"}
        assert s.table_counts() == counts
    return path


def test_opsc_diff_is_exactly_the_real_changes(corpus_db):
    with open_store(corpus_db, read_only=True) as s:
        d = s.diff(s.resolve_treaty("OPSC"))
    assert d.counts_before == {"parties": 174, "signatories": 121}
    assert d.counts_after == {"parties": 178, "signatories": 122}
    by_kind: dict[str, set[str]] = {}
    for c in d.changes:
        by_kind.setdefault(c.change, set()).add(c.iso3)
    assert by_kind["joined"] == {"FJI", "MHL", "SLB", "SSD"}
    assert by_kind["signed"] == {"SGP"}
    assert by_kind["renamed"] == {"BHS", "SWZ", "NLD", "MKD", "TUR"}
    assert "withdrew" not in by_kind  # no rename shown as a withdrawal plus an accession
    bahamas = [c for c in d.changes if c.iso3 == "BHS"]
    assert [(c.change, c.before, c.after) for c in bahamas] == [("renamed", "Bahamas", "Bahamas (The)")]


def test_opsc_asof_follows_action_dates(corpus_db):
    with open_store(corpus_db, read_only=True) as s:
        # 2018 capture: 174 parties; South Sudan acceded 27 Sep 2018, Marshall Islands 29 Jan 2019,
        # Fiji 9 Mar 2021, Solomon Islands 5 May 2022; Singapore signed 25 Nov 2025.
        assert (
            s.asof("IV-11-c", date(2018, 1, 15)).parties,
            s.asof("IV-11-c", date(2018, 1, 15)).signatories,
        ) == (
            174,
            121,
        )
        assert s.asof("IV-11-c", date(2018, 12, 31)).parties == 175
        assert s.asof("IV-11-c", date(2019, 12, 31)).parties == 176
        assert s.asof("IV-11-c", date(2021, 12, 31)).parties == 177
        assert s.asof("IV-11-c", date(2024, 1, 1)).parties == 178
        assert s.asof("IV-11-c", date(2025, 1, 1)).signatories == 121
        assert s.asof("IV-11-c", date(2026, 2, 3)).signatories == 122


def test_iccpr_op1_denunciations_are_dated(corpus_db):
    with open_store(corpus_db, read_only=True) as s:
        # Belarus denounced with effect from 8 February 2023 (end note 6 of the 2026 page).
        before = s.asof("IV-5", date(2023, 2, 7)).parties
        after = s.asof("IV-5", date(2023, 2, 8))
        assert before - after.parties == 1
        assert "end note" in after.basis


def test_header_only_2018_pages_are_not_mass_withdrawals(corpus_db):
    with open_store(corpus_db, read_only=True) as s:
        snaps = s.snapshots("IV-11")
        assert list(snaps["participants_complete"]) == [False, True]
        d = s.diff("IV-11")
        assert d.changes == [] and d.note
        t = s.treaties().set_index("mtdsg_no")
        assert t.loc["IV-11", "previous_parties"] == 196  # the 2018 page's declared count


def test_ctbt_ratification_revoked_without_notice_stays_counted_between_snapshots(corpus_db):
    with open_store(corpus_db, read_only=True) as s:
        # The Russian Federation ratified the CTBT on 30 June 2000 (in the 2018 file); the 2026 page no
        # longer lists that ratification (revoked in November 2023), with no bracket and no end note.
        # Without a cited event (known_events=()), the ratification stays counted and is uncertain.
        a = history.asof(s, "XXVI-4", date(2020, 1, 1), events=())
        assert a.parties == 168  # the UN's own count on that day
        assert [(u.iso3, u.role) for u in a.uncertain] == [("RUS", "consent")]
        assert [u.between for u in a.uncertain] == [(date(2018, 1, 15), date(2026, 2, 3))]
        assert a.parties_range == (167, 168)
        changes = {(c.iso3, c.change) for c in diffs.diff(s, "XXVI-4", events=()).changes}
        assert ("RUS", "removed_without_notice") in changes
        # With the shipped table, the revocation of 2 November 2023 explains it: no longer uncertain.
        a = s.asof("XXVI-4", date(2020, 1, 1))
        assert a.parties == 168 and a.uncertain == () and a.parties_range == (168, 168)
        rus = [c for c in s.diff("XXVI-4").changes if c.iso3 == "RUS"]
        assert [(c.change, c.effective) for c in rus] == [("withdrew", date(2023, 11, 2))]


def test_ottawa_withdrawals_count_until_they_took_effect(corpus_db):
    with open_store(corpus_db, read_only=True) as s:
        # "The withdrawal took effect for Estonia on 27 December 2025" (and the others of 2025): the
        # notifications came six months earlier. The UN counted 166 parties on 1 September 2025.
        a = s.asof("XXVI-5", date(2025, 9, 1))
        assert a.parties == 166 and "effective date" in a.basis
