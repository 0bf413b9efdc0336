"""History as runs of observations (schema v3): unchanged refreshes update one row per snapshot, and every
answer the old row-per-observation table gave stays the same, including for databases migrated from v2."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import duckdb

from pipeline.store import open_store
from pipeline.store.schema import migrate
from tests.store.helpers import resolver, v2018, v2026
from tests.store_import import import_status

CAPTURED = datetime(2018, 1, 15)


def refreshed(n: int):
    return replace(v2026(), status_as_at=datetime(2026, 3, 1, 9, 0) + timedelta(days=n))


def test_unchanged_refreshes_update_one_run_row(store) -> None:
    import_status(store, v2018(), source="x.xml", raw_sha256="a" * 64, captured_at=CAPTURED)
    import_status(store, v2026(), source="live", raw_sha256="b" * 64)
    for n in range(30):
        assert (
            import_status(store, refreshed(n), source=f"live{n}", raw_sha256=f"{n:064d}").outcome
            == "unchanged"
        )
    assert store.table_counts()["observations"] == 1
    latest = store.snapshots("IV-11-c").iloc[-1]
    assert latest["observations"] == 30
    assert latest["last_confirmed_at"] == datetime(2026, 3, 30, 9, 0)
    assert store.snapshots("IV-11-c").iloc[0]["observations"] == 0
    # The latest bytes are known without parsing; an older refresh's bytes dated inside the run add nothing.
    assert store.find_imported(f"{29:064d}").snapshot_id == latest["snapshot_id"]
    before = store.con.execute("SELECT * FROM observations").fetchall()
    assert import_status(store, refreshed(5), source="again", raw_sha256=f"{5:064d}").outcome == "unchanged"
    assert store.con.execute("SELECT * FROM observations").fetchall() == before


def test_a_late_older_refresh_extends_the_run_backwards(store) -> None:
    import_status(store, v2026(), source="live", raw_sha256="b" * 64)
    import_status(store, refreshed(10), source="late", raw_sha256="c" * 64)
    import_status(store, refreshed(2), source="early", raw_sha256="d" * 64)
    (run,) = store.con.execute("SELECT first_seen, last_seen, seen, raw_sha256 FROM observations").fetchall()
    assert run == (datetime(2026, 3, 3, 9, 0), datetime(2026, 3, 11, 9, 0), 2, "c" * 64)


def test_answers_do_not_depend_on_observations(store) -> None:
    import_status(store, v2018(), source="x.xml", raw_sha256="a" * 64, captured_at=CAPTURED)
    import_status(store, v2026(), source="live", raw_sha256="b" * 64)
    asof, diff = store.asof("IV-11-c", date(2026, 3, 20)).to_dict(), store.diff("IV-11-c").to_dict()
    for n in range(20):
        import_status(store, refreshed(n), source=f"live{n}", raw_sha256=f"{n:064d}")
    assert store.asof("IV-11-c", date(2026, 3, 20)).to_dict() == asof
    assert store.diff("IV-11-c").to_dict() == diff


def test_v2_observation_rows_become_runs_on_open(db_path) -> None:
    con = duckdb.connect(str(db_path))
    migrate(con, target=2)
    con.execute("INSERT INTO treaties VALUES ('IV-11-c', 'IV', NULL, 'OPSC', NULL, NULL, NULL, 2)")
    for sid, seq, at in ((1, 1, "2018-01-15"), (2, 2, "2026-02-03")):
        con.execute(
            f"INSERT INTO snapshots VALUES ({sid}, 'IV-11-c', {seq}, '{at}', 'x', 'html', 's{sid}', '1', now(),"
            f" 'h{sid}', 'OPSC', 'IV', 121, 174, 0, 0, true, true, NULL)"
        )
    for day in range(4, 14):
        con.execute(f"INSERT INTO observations VALUES (2, '2026-02-{day:02d}', 'o{day}', 'src{day}', now())")
    con.execute("INSERT INTO observations VALUES (1, '2018-02-01', 'old', 'srcold', now())")
    v2_answer = con.execute(
        """SELECT s.snapshot_id, greatest(s.as_at, max(o.observed_at)), count(o.snapshot_id)
           FROM snapshots s LEFT JOIN observations o USING (snapshot_id) GROUP BY s.snapshot_id, s.as_at ORDER BY 1"""
    ).fetchall()
    con.close()
    with open_store(db_path, resolver=resolver) as s:
        assert s.schema_version() == 4  # v4: the events outbox
        snaps = s.snapshots("IV-11-c")
        got = [(int(r.snapshot_id), r.last_confirmed_at, int(r.observations)) for r in snaps.itertuples()]
        assert got == [(sid, at, n) for sid, at, n in v2_answer]
        assert s.table_counts()["observations"] == 2
        found = s.find_imported("o13", parser_version="1")
        assert found is not None and found.snapshot_id == 2 and found.as_at == datetime(2026, 2, 13)
