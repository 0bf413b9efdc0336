"""As-of counts, diffs, country status, the matrix and exports, on two hand-built snapshots."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from pipeline.runs.export import export_tables
from pipeline.store import StoreError
from tests.store.test_store import load_both
from tests.store_import import import_status


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
    assert "2018-01-15 (the latest on or before 2019-01-01)" in a.basis and "2026-02-03 records" in a.basis
    assert a.signed_not_party == 1 and a.uncertain == ()
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


def test_asof_without_participants_gives_the_declared_totals_never_zero(store):
    from tests.store.helpers import status

    header = status((), declared=(1, 2))
    import_status(store, header, source="h", raw_sha256="h" * 64)
    day = header.status_as_at.date()
    a = store.asof("IV-11-c", day)
    assert (a.parties, a.signatories, a.participants_listed) == (2, 1, False)
    assert "participants not listed" in a.basis
    with pytest.raises(StoreError, match="no snapshot on or before"):
        store.asof("IV-11-c", date(1990, 1, 1))


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
    tables = ("treaties", "latest_status", "history", "snapshots", "events", "matrix", "procedures")
    assert names == sorted(
        [f"{s}.{x}" for s in tables for x in ("parquet", "csv")] + ["datapackage.json", "CHANGELOG.md"]
    )
    latest = pd.read_parquet(tmp_path / "out" / "latest_status.parquet")
    assert len(latest) == 6 and set(latest["status"]) == {"party", "withdrawn"}
    assert len(pd.read_csv(tmp_path / "out" / "matrix.csv")) == 6


def test_asof_between_snapshots_keeps_a_participation_that_vanished_without_notice(store):
    from tests.store.helpers import person, rat, sig, status

    old = status(
        (
            person("Albania", 1, consent=rat(2000, 5, 1)),
            person("Chile", 2, signature=sig(2001, 1, 1), consent=rat(2005, 1, 1)),
            person("Fiji", 3, signature=sig(2003, 1, 1)),
        ),
        as_at=datetime(2018, 1, 15),
    )
    # 2026: Chile's ratification is gone (no bracket, no end note), Fiji ratified in 2021.
    new = status(
        (
            person("Albania", 1, consent=rat(2000, 5, 1)),
            person("Chile", 2, signature=sig(2001, 1, 1)),
            person("Fiji", 3, signature=sig(2003, 1, 1), consent=rat(2021, 3, 9)),
        ),
    )
    import_status(store, old, source="a", raw_sha256="a" * 64)
    import_status(store, new, source="b", raw_sha256="b" * 64)
    a = store.asof("IV-11-c", date(2020, 1, 1))
    assert (a.parties, a.signatories, a.signed_not_party) == (2, 2, 1)
    assert [(u.iso3, u.role, u.between) for u in a.uncertain] == [
        ("CHL", "consent", (date(2018, 1, 15), date(2026, 2, 3)))
    ]
    assert "uncertain" in a.basis and a.to_dict()["uncertain"][0]["between"] == ["2018-01-15", "2026-02-03"]
    # After Fiji's ratification (and still before the later snapshot): applied from the later page.
    assert store.asof("IV-11-c", date(2022, 1, 1)).parties == 3
    d = store.diff("IV-11-c")
    assert [(c.iso3, c.change) for c in d.changes if c.change != "joined"] == [
        ("CHL", "removed_without_notice")
    ]


def test_drop_snapshot_undoes_a_bad_import(store):
    from tests.store.helpers import person, rat, status

    load_both(store)
    before = store.table_counts()
    answers = (store.asof("IV-11-c", date(2024, 1, 1)), store.diff("IV-11-c"))
    bad = status((person("Albania", 1, consent=rat(2000, 5, 1)),), as_at=datetime(2099, 2, 3))
    saved = import_status(store, bad, source="bad", raw_sha256="z" * 64)
    assert store.treaties().iloc[0]["as_at"].year == 2099
    assert store.drop_snapshot(saved.snapshot_id) == "IV-11-c"
    assert store.table_counts() == before
    assert (store.asof("IV-11-c", date(2024, 1, 1)), store.diff("IV-11-c")) == answers
    assert store.treaties().iloc[0]["as_at"].year == 2026
    with pytest.raises(StoreError, match="no snapshot"):
        store.drop_snapshot(saved.snapshot_id)


def test_drop_the_older_snapshot_rebuilds_history(store):
    load_both(store)
    first = int(store.snapshots("IV-11-c").iloc[0]["snapshot_id"])
    store.drop_snapshot(first)
    assert len(store.snapshots("IV-11-c")) == 1 and len(store.participants("IV-11-c")) == 6
    assert store.diff("IV-11-c").note  # a single snapshot: nothing to compare


# withdrawal_effect_date delegates to pipeline.parse.endnotes.read_withdrawal (every phrasing is tested in
# tests/parse/test_endnotes.py); these check the store's contract: (date, "effect" | "notified") | None.

_ESTONIA = (
    "On 27 June 2025, the Government of the Republic of Estonia deposited with the Secretary-General a"
    " notification of withdrawal (See depositary notification C.N.360.2025.TREATIES-XXVI-5 of 3 July 2025)."
    " The withdrawal took effect for Estonia on 27 December 2025 in accordance with article 20 (3) of the"
    " Convention."
)


def test_withdrawal_effect_date_reads_took_effect_for_state_on():
    from pipeline.store.participation import withdrawal_effect_date

    # issue 11: the store used to end Estonia's participation on the notification date, six months early
    assert withdrawal_effect_date("1", {"1": _ESTONIA}, date(2004, 5, 12)) == (date(2025, 12, 27), "effect")
    assert withdrawal_effect_date(["1"], {"1": _ESTONIA}, None) == (date(2025, 12, 27), "effect")


def test_withdrawal_effect_date_notified_derived_and_none():
    from pipeline.store.participation import withdrawal_effect_date

    jamaica = (
        "On 23 October 1997, the Government of Jamaica notified the Secretary-General of its denunciation."
    )
    assert withdrawal_effect_date("3", {"3": jamaica}, date(1975, 10, 3)) == (date(1997, 10, 23), "notified")
    colombia = (
        "On 9 November 2007, the Secretary-General received from the Government of Colombia a notification of"
        " denunciation. The denunciation will take effect sixty days after the date of receipt of the said"
        " notification."
    )
    # a delay the note states gives the effective date itself
    assert withdrawal_effect_date("2", {"2": colombia}, None) == (date(2008, 1, 8), "effect")
    assert withdrawal_effect_date("1, 2", {"1": "For the Kingdom in Europe."}, None) is None
    assert withdrawal_effect_date(None, {}, None) is None


def test_withdrawal_effect_date_reads_a_note_table_for_the_named_participant():
    from pipeline.store.participation import withdrawal_effect_date

    table = (
        "The Secretary-General received instruments of denunciation of the Constitution from the following"
        " Governments on the dates indicated hereinafter: Participant: Date of notification: Date of effect:"
        " Canada 3 Dec 1992 31 Dec 1993 Australia 23 Dec 1996 31 Dec 1997"
    )
    notes = {"1": table}
    # without the participant's name a table of several states cannot be read for one of them
    assert withdrawal_effect_date("1", notes, None) is None
    assert withdrawal_effect_date("1", notes, None, participant="Australia") == (date(1997, 12, 31), "effect")


def test_asof_counts_a_deposit_the_earlier_page_did_not_list_yet(store):
    from tests.store.helpers import person, rat, status

    old = status((person("Albania", 1, consent=rat(2000, 5, 1)),), as_at=datetime(2018, 1, 15))
    # The later page dates Fiji's ratification 29 December 2017: before the earlier page, not on it.
    new = status(
        (person("Albania", 1, consent=rat(2000, 5, 1)), person("Fiji", 2, consent=rat(2017, 12, 29)))
    )
    import_status(store, old, source="a", raw_sha256="a" * 64)
    import_status(store, new, source="b", raw_sha256="b" * 64)
    a = store.asof("IV-11-c", date(2018, 5, 31))
    assert a.parties == 2 and "did not list yet" in a.basis
