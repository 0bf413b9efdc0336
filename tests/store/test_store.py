"""Snapshots, row versions, unchanged refreshes, transactions, migrations and locking of the store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import duckdb
import pytest

from pipeline.store import StoreError, StoreLocked, open_store, writer
from pipeline.store.schema import SCHEMA_VERSION, migrate
from tests.store.helpers import person, rat, resolver, status, v2018, v2026, writer_holding
from tests.store_import import import_status

CAPTURED = date(2018, 1, 15)


def load_both(store, *, reverse: bool = False) -> None:
    pages = [(v2018(), "a" * 64, CAPTURED), (v2026(), "b" * 64, None)]
    for st, sha, cap in reversed(pages) if reverse else pages:
        r = import_status(store, st, source=f"page-{sha[0]}", raw_sha256=sha, captured_at=cap)
        assert r.outcome == "saved"


def test_import_saves_snapshot_with_provenance(store):
    r = import_status(store, v2018(), source="IV-11-c.xml", raw_sha256="a" * 64, captured_at=CAPTURED)
    assert (r.mtdsg_no, r.outcome, r.as_at) == ("IV-11-c", "saved", datetime(2018, 1, 15))
    snaps = store.snapshots("IV-11-c")
    assert len(snaps) == 1
    s = snaps.iloc[0]
    assert s["source"] == "IV-11-c.xml" and s["raw_sha256"] == "a" * 64 and s["source_kind"] == "xml"
    assert (s["counted_parties"], s["counted_signatories"]) == (4, 3)
    assert bool(s["participants_complete"]) is True
    parts = store.participants("IV-11-c")
    assert list(parts["iso3"]) == ["ALB", "BHS", "CHL", "JAM", "TUR"]
    assert parts.set_index("iso3").loc["TUR", "declarations"] == "Declaration: some text."


def test_xml_without_capture_date_is_refused(store):
    with pytest.raises(StoreError, match="--captured"):
        import_status(store, v2018(), source="x.xml", raw_sha256="a" * 64)
    assert store.table_counts()["snapshots"] == 0


def test_identical_reimport_adds_no_rows(store):
    load_both(store)
    before = store.table_counts()
    for st, sha, cap in [(v2018(), "a" * 64, CAPTURED), (v2026(), "b" * 64, None)]:
        assert (
            import_status(store, st, source="again", raw_sha256=sha, captured_at=cap).outcome == "unchanged"
        )
    assert store.table_counts() == before


def test_unchanged_refresh_records_only_an_observation(store):
    load_both(store)
    before = store.table_counts()
    later = replace(v2026(), status_as_at=datetime(2026, 3, 1, 9, 0))
    r = import_status(store, later, source="live", raw_sha256="c" * 64)
    assert r.outcome == "unchanged"
    after = store.table_counts()
    assert after["observations"] == before["observations"] + 1
    assert {k: v for k, v in after.items() if k != "observations"} == {
        k: v for k, v in before.items() if k != "observations"
    }
    snaps = store.snapshots("IV-11-c")
    assert snaps.iloc[-1]["last_confirmed_at"] == datetime(2026, 3, 1, 9, 0)


def test_history_grows_with_changes_not_snapshots(store):
    load_both(store)
    counts = store.table_counts()
    # 5 participants in 2018; in 2026: 3 changed rows (rename, Chile, Jamaica), Türkiye changed, Fiji new.
    assert counts["participations"] == 5 + 5
    # The declaration only changed quote marks and spacing: one row version, not two.
    assert counts["declarations"] == 1


def test_out_of_order_import_gives_the_same_history(tmp_path):
    def history(reverse: bool):
        with open_store(tmp_path / f"{reverse}.duckdb", resolver=resolver) as s:
            load_both(s, reverse=reverse)
            snaps = s.snapshots("IV-11-c").sort_values("as_at")
            frames = [s.participants("IV-11-c", int(i)).drop(columns=[]) for i in snaps["snapshot_id"]]
            return [f.to_dict("records") for f in frames], s.table_counts(), s.diff("IV-11-c").to_dict()

    forward, backward = history(False), history(True)
    assert forward[0] == backward[0]
    assert forward[1] == backward[1]
    assert forward[2]["changes"] == backward[2]["changes"]


def test_out_of_order_middle_snapshot_splits_intervals(store):
    load_both(store)
    mid = status(
        (
            person("Albania", 1, consent=rat(2008, 2, 5, code="a")),
            person("Bahamas", 2, consent=rat(2015, 9, 28, code="a")),
        ),
        as_at=datetime(2020, 6, 1),
    )
    assert import_status(store, mid, source="mid", raw_sha256="m" * 64).outcome == "saved"
    snaps = store.snapshots("IV-11-c")
    assert [d.year for d in snaps["as_at"]] == [2018, 2020, 2026]
    by_year = {d.year: int(i) for d, i in zip(snaps["as_at"], snaps["snapshot_id"], strict=True)}
    assert list(store.participants("IV-11-c", by_year[2020])["iso3"]) == ["ALB", "BHS"]
    assert len(store.participants("IV-11-c", by_year[2018])) == 5
    assert len(store.participants("IV-11-c", by_year[2026])) == 6
    assert store.diff("IV-11-c", date(2018, 1, 15), date(2020, 6, 1)).counts_after["parties"] == 2


def test_header_only_snapshot_does_not_look_like_everyone_withdrew(store):
    load_both(store)
    header = status((), as_at=datetime(2026, 5, 1), declared=(123, 180))
    assert import_status(store, header, source="h", raw_sha256="h" * 64).outcome == "saved"
    snaps = store.snapshots("IV-11-c")
    assert list(snaps["participants_complete"]) == [True, True, False]
    assert len(store.participants("IV-11-c", int(snaps.iloc[-1]["snapshot_id"]))) == 0
    # The latest snapshot with participants is still the default, and diff skips the header-only one.
    assert len(store.participants("IV-11-c")) == 6
    d = store.diff("IV-11-c")
    assert not [c for c in d.changes if c.change == "withdrew" and c.iso3 != "JAM"]
    t = store.treaties().iloc[0]
    assert (t["parties"], t["declared_parties"], t["reconciles"]) == (180, 180, "n/a")
    assert "participants not listed" in t["reconciliation"]


def test_failed_page_leaves_no_partial_rows(store, monkeypatch):
    import_status(store, v2018(), source="a", raw_sha256="a" * 64, captured_at=CAPTURED)
    before = store.table_counts()
    original = writer._append_versions

    def failing(con, table, m, new_id, data):
        original(con, table, m, new_id, data)
        if table == "declarations":  # participations are written by now
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(writer, "_append_versions", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        import_status(store, v2026(), source="b", raw_sha256="b" * 64)
    assert store.table_counts() == before
    monkeypatch.undo()
    assert import_status(store, v2026(), source="b", raw_sha256="b" * 64).outcome == "saved"


def test_unknown_participant_fails_before_writing(store):
    bad = status((person("Atlantis", 1, consent=rat(2001, 1, 1)),))
    with pytest.raises(ValueError, match="Atlantis"):
        import_status(store, bad, source="x", raw_sha256="x" * 64)
    assert store.table_counts()["snapshots"] == 0


def test_older_schema_is_migrated_on_open_and_data_kept(db_path):
    con = duckdb.connect(str(db_path))
    migrate(con, target=1)
    con.execute("INSERT INTO treaties VALUES ('IV-11-c', 'IV', NULL, 'OPSC', NULL, NULL, NULL, 1)")
    con.execute(
        "INSERT INTO snapshots VALUES (1, 'IV-11-c', 1, '2018-01-15', 'x', 'xml', 'aa', '1', now(), 'h',"
        " 'OPSC', 'IV', 121, 174, 0, 0, true, true, NULL)"
    )
    assert con.execute("SELECT max(version) FROM schema_version").fetchall() == [(1,)]
    con.close()
    with open_store(db_path, resolver=resolver) as s:
        assert s.schema_version() == SCHEMA_VERSION == 4  # v4: the events outbox
        assert s.table_counts()["snapshots"] == 1
        assert s.snapshots("IV-11-c").iloc[0]["observations"] == 0  # the v2 table exists and is usable


def test_read_only_open_of_an_old_database_says_upgrade(db_path):
    con = duckdb.connect(str(db_path))
    migrate(con, target=1)
    con.close()
    with pytest.raises(StoreError, match="to upgrade"):
        with open_store(db_path, read_only=True):
            pass


def test_second_writer_gets_store_locked(db_path):
    with writer_holding(db_path):
        with pytest.raises(StoreLocked, match="in use by another process"):
            with open_store(db_path):
                pass
    with open_store(db_path) as s:  # released: usable again, not corrupt
        assert s.schema_version() == SCHEMA_VERSION
