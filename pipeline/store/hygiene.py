"""Undoing a bad import: remove one snapshot with its row versions and observations, history rebuilt."""

from __future__ import annotations

import duckdb

from pipeline.normalise.page import DECLARATION_SCHEMA, END_NOTE_SCHEMA, PARTICIPATION_SCHEMA
from pipeline.store.model import StoreError
from pipeline.store.writer import COLUMNS
from pipeline.store.writer import _rebuild_versions as rebuild_versions

_EMPTY = {
    "participations": PARTICIPATION_SCHEMA.empty_table(),
    "declarations": DECLARATION_SCHEMA.empty_table(),
    "end_notes": END_NOTE_SCHEMA.empty_table(),
}


def drop_snapshot(con: duckdb.DuckDBPyConnection, snapshot_id: int) -> str:
    """Remove a snapshot, in one transaction; returns its treaty's number. The treaty's row versions are
    rebuilt over the snapshots that remain, so every as-of and diff answers as if it was never imported."""
    found = con.execute(
        "SELECT mtdsg_no, participants_complete FROM snapshots WHERE snapshot_id = ?", [snapshot_id]
    ).fetchall()
    if not found:
        raise StoreError(f"no snapshot {snapshot_id} (see `treaties snapshots TREATY`)")
    m, listed = str(found[0][0]), bool(found[0][1])
    con.execute("BEGIN TRANSACTION")
    try:
        if listed:
            # Out of the ranks first: the rebuild then folds the remaining snapshots' memberships only.
            con.execute(
                "UPDATE snapshots SET participants_complete = false WHERE snapshot_id = ?", [snapshot_id]
            )
            for table in COLUMNS:
                rebuild_versions(con, table, m, snapshot_id, _EMPTY[table])
        con.execute("DELETE FROM observations WHERE snapshot_id = ?", [snapshot_id])
        con.execute("DELETE FROM snapshots WHERE snapshot_id = ?", [snapshot_id])
        con.execute(
            """UPDATE snapshots SET seq = r.rn FROM (
                 SELECT snapshot_id, row_number() OVER (ORDER BY as_at, snapshot_id) AS rn
                 FROM snapshots WHERE mtdsg_no = $m) r
               WHERE snapshots.snapshot_id = r.snapshot_id""",
            {"m": m},
        )
        latest = con.execute(
            "SELECT snapshot_id, title, chapter FROM snapshots WHERE mtdsg_no = ? ORDER BY seq DESC LIMIT 1",
            [m],
        ).fetchall()
        if latest:
            con.execute(
                "UPDATE treaties SET latest_snapshot_id = ?, title = ?, chapter = ? WHERE mtdsg_no = ?",
                [latest[0][0], latest[0][1], latest[0][2], m],
            )
        else:
            con.execute("DELETE FROM treaties WHERE mtdsg_no = ?", [m])
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        raise
    return m
