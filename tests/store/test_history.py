"""As-of counts, diffs, country status, the matrix and exports, on two hand-built snapshots."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pipeline.runs.export import export_tables
from pipeline.store import StoreError
from tests.store.test_store import load_both


@pytest.fixture
def both(store):
    load_both(store)
    return store


def test_diff_reports_renames_not_withdrawal_plus_accession(both):
    d = both.diff("IV-11-c")
    assert (d.from_, d.to) == (date(2018, 1, 15), date(2026, 2, 3))
    assert d.counts_before == {"parties": 4, "signatories": 3}
    assert d.counts_after == {"parties": 5, "signatories": 3}
    got = {(c.iso3, c.change, c.before, c.after) for c in d.changes}
    assert got == {
        ("BHS", "renamed", "Bahamas", "Bahamas (The)"),
        ("TUR", "renamed", "Turkey", "Türkiye"),
        ("TUR", "footnotes_changed", None, "2"),
        ("CHL", "joined", None, "ratification 2020-03-01"),
        ("FJI", "joined", None, "ratification 2021-03-09"),
        ("JAM", "withdrew", "ratification 2002-08-26", "[ratification 2002-08-26] (withdrawn)"),
    }
    as_json = d.to_dict()
    assert set(as_json) >= {"mtdsg_no", "from", "to", "counts_before", "counts_after", "changes"}
    assert as_json["from"] == "2018-01-15"


def test_diff_with_dates_picks_the_snapshots_in_force(both):
    assert both.diff("IV-11-c", date(2019, 1, 1), date(2025, 1, 1)).changes == []
    d = both.diff("IV-11-c", date(2018, 1, 15), date(2026, 12, 31))
    assert d.to == date(2026, 2, 3) and len(d.changes) == 6


def test_diff_of_a_single_snapshot_says_so(store):
    load_both(store)
    d = store.diff("IV-11-c", to_date=date(2019, 1, 1))
    assert d.changes == [] and "fewer than two" in (d.note or "")


def test_asof_counts_from_action_dates(both):
    # The earliest snapshot on or after the date is 2026; Chile ratified 2020, Fiji 2021.
    a = both.asof("IV-11-c", date(2019, 1, 1))
    assert (a.parties, a.signatories) == (4, 3)
    assert "2026-02-03" in a.basis and "earliest on or after 2019-01-01" in a.basis
    assert (both.asof("IV-11-c", date(2021, 12, 31)).parties) == 6  # Jamaica still in until June 2023
    # Jamaica's denunciation took effect on 1 June 2023 (from its end note).
    assert both.asof("IV-11-c", date(2023, 5, 31)).parties == 6
    assert both.asof("IV-11-c", date(2023, 6, 1)).parties == 5
    assert both.asof("IV-11-c", date(2002, 8, 25)).parties == 1  # Turkey (19 Aug); Jamaica on 26 Aug
    assert both.asof("IV-11-c", date(2000, 1, 1)).signatories == 0


def test_asof_before_first_and_after_last_snapshot(both):
    early = both.asof("IV-11-c", date(2010, 1, 1))
    assert "2018-01-15" in early.basis and (early.parties, early.signatories) == (3, 3)
    late = both.asof("IV-11-c", date(2030, 1, 1))
    assert "unknown" in late.basis and late.parties == 5


def test_asof_without_participants_is_an_error(store):
    from tests.store.helpers import status

    store.import_status(status((), declared=(1, 2)), source="h", raw_sha256="h" * 64)
    with pytest.raises(StoreError, match="no snapshot with a participants table"):
        store.asof("IV-11-c", date(2020, 1, 1))


def test_treaties_row_has_latest_and_previous(both):
    t = both.treaties()
    assert list(t["mtdsg_no"]) == ["IV-11-c"]
    r = t.iloc[0]
    assert r["short_name"] == "OPSC"
    assert (r["parties"], r["signatories"], r["previous_parties"], r["previous_signatories"]) == (5, 3, 4, 3)
    assert r["snapshot_count"] == 2 and bool(r["reconciles"]) is True


def test_country_and_matrix(both):
    c = both.country("tur")
    assert list(c["status"]) == ["party"] and c.iloc[0]["name"] == "Türkiye"
    assert list(both.country("Jamaica")["status"]) == ["withdrawn"]
    with pytest.raises(StoreError):
        both.country("Atlantis")
    m = both.matrix().set_index("iso3")
    assert m.loc["CHL", "IV-11-c"] == "party 2020"
    assert m.loc["JAM", "IV-11-c"] == "withdrawn"
    assert m.loc["BHS", "name"] == "Bahamas (The)"


def test_export_writes_parquet_and_csv(both, tmp_path):
    written = export_tables(both, tmp_path / "out")
    names = sorted(p.name for p in written)
    tables = ("treaties", "latest_status", "history", "snapshots", "events", "matrix")
    assert names == sorted(
        [f"{s}.{x}" for s in tables for x in ("parquet", "csv")] + ["datapackage.json", "CHANGELOG.md"]
    )
    latest = pd.read_parquet(tmp_path / "out" / "latest_status.parquet")
    assert len(latest) == 6 and set(latest["status"]) == {"party", "withdrawn"}
    assert len(pd.read_csv(tmp_path / "out" / "matrix.csv")) == 6
