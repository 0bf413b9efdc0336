"""The store's DuckDB schema as an ordered list of migrations, applied on open so old databases upgrade."""

from __future__ import annotations

from datetime import datetime

import duckdb

# Row-version tables (participations, declarations, end_notes) hold one row per distinct content of a
# record, valid from the snapshot that first shows it (valid_from) up to, not including, the first later
# snapshot that no longer does (valid_to, NULL = still current). "Later" is the snapshot order by the
# page's own status date (snapshots.seq), not import order. Only snapshots with a participants table
# (participants_complete) take part: header-only pages say nothing about who is in or out.
_V1 = [
    """CREATE TABLE treaties (
        mtdsg_no VARCHAR NOT NULL, chapter VARCHAR, chapter_title VARCHAR, title VARCHAR,
        conclusion VARCHAR, entry_into_force VARCHAR, registration VARCHAR, latest_snapshot_id INTEGER)""",
    """CREATE TABLE snapshots (
        snapshot_id INTEGER NOT NULL, mtdsg_no VARCHAR NOT NULL, seq INTEGER NOT NULL,
        as_at TIMESTAMP NOT NULL, source VARCHAR, source_kind VARCHAR, raw_sha256 VARCHAR,
        parser_version VARCHAR, imported_at TIMESTAMP NOT NULL, content_hash VARCHAR NOT NULL,
        title VARCHAR, chapter VARCHAR, declared_signatories INTEGER, declared_parties INTEGER,
        counted_signatories INTEGER, counted_parties INTEGER, participants_complete BOOLEAN NOT NULL,
        has_signature_column BOOLEAN, reconciliation VARCHAR)""",
    """CREATE TABLE participations (
        mtdsg_no VARCHAR NOT NULL, iso3 VARCHAR NOT NULL, name VARCHAR NOT NULL, is_state BOOLEAN,
        signature_date DATE, signature_type VARCHAR, signature_code VARCHAR, signature_withdrawn BOOLEAN,
        consent_date DATE, consent_type VARCHAR, consent_code VARCHAR, consent_withdrawn BOOLEAN,
        provisional_date DATE, provisional_type VARCHAR, provisional_code VARCHAR,
        provisional_withdrawn BOOLEAN, other_actions VARCHAR, withdrawn BOOLEAN NOT NULL,
        footnotes VARCHAR, has_declarations BOOLEAN NOT NULL,
        row_hash VARCHAR NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER)""",
    """CREATE TABLE declarations (
        mtdsg_no VARCHAR NOT NULL, iso3 VARCHAR, participant VARCHAR NOT NULL, kind VARCHAR NOT NULL,
        ordinal INTEGER NOT NULL, text VARCHAR NOT NULL,
        row_hash VARCHAR NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER)""",
    """CREATE TABLE end_notes (
        mtdsg_no VARCHAR NOT NULL, number VARCHAR NOT NULL, text VARCHAR NOT NULL,
        row_hash VARCHAR NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER)""",
]

# v2: "unchanged" refreshes. The live site's STATUS AS AT is the time of the request, so an unchanged
# page still has a new date: keep it as a tiny observation of the existing snapshot, not a new snapshot.
_V2 = [
    """CREATE TABLE observations (
        snapshot_id INTEGER NOT NULL, observed_at TIMESTAMP NOT NULL, raw_sha256 VARCHAR,
        source VARCHAR, imported_at TIMESTAMP NOT NULL)""",
]

# v3: history whose cost follows change, not time. A daily refresh of an unchanged page used to add one
# observation row (~164 bytes) a day; now each snapshot has at most one row saying it was seen again from
# first_seen to last_seen, `seen` times, the last time from these bytes (raw_sha256, source). An unchanged
# refresh updates that row in place. The table keeps its name: it still answers "when was this snapshot
# observed again, how often, from which bytes last".
_V3 = [
    """CREATE TABLE observation_runs (
        snapshot_id INTEGER NOT NULL, first_seen TIMESTAMP NOT NULL, last_seen TIMESTAMP NOT NULL,
        seen INTEGER NOT NULL, raw_sha256 VARCHAR, source VARCHAR, imported_at TIMESTAMP NOT NULL)""",
    """INSERT INTO observation_runs
       SELECT snapshot_id, min(observed_at), max(observed_at), count(*)::INTEGER,
              arg_max(raw_sha256, (observed_at, imported_at)), arg_max(source, (observed_at, imported_at)),
              max(imported_at)
       FROM observations GROUP BY snapshot_id""",
    "DROP TABLE observations",
    "ALTER TABLE observation_runs RENAME TO observations",
]

# v4: the events outbox (store/outbox.py): receivers, the snapshots whose events each has had queued, and
# one row per receiver and event, delivered or not.
_V4 = [
    """CREATE TABLE outbox_receivers (
        receiver VARCHAR NOT NULL, since_snapshot_id INTEGER NOT NULL, added_at TIMESTAMP NOT NULL)""",
    "CREATE TABLE outbox_snapshots (receiver VARCHAR NOT NULL, snapshot_id INTEGER NOT NULL)",
    """CREATE TABLE outbox (
        receiver VARCHAR NOT NULL, event_id VARCHAR NOT NULL, snapshot_id INTEGER NOT NULL,
        mtdsg_no VARCHAR NOT NULL, event VARCHAR NOT NULL, queued_at TIMESTAMP NOT NULL,
        attempts INTEGER NOT NULL, last_error VARCHAR, delivered_at TIMESTAMP)""",
]

MIGRATIONS: list[list[str]] = [_V1, _V2, _V3, _V4]
SCHEMA_VERSION = len(MIGRATIONS)

VERSIONED_TABLES = ("participations", "declarations", "end_notes")
ALL_TABLES = ("schema_version", "treaties", "snapshots", "observations", *VERSIONED_TABLES)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The database's schema version; 0 for a new file (no schema_version table). Asked directly, not
    through information_schema: the first query of a command pays the catalog's set-up (start-up time)."""
    try:
        row = con.execute("SELECT max(version) FROM schema_version").fetchall()
    except duckdb.CatalogException:
        return 0
    return int(row[0][0]) if row and row[0][0] is not None else 0


def migrate(con: duckdb.DuckDBPyConnection, target: int = SCHEMA_VERSION) -> int:
    """Apply the migrations above the database's version up to `target`, each in one transaction."""
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise RuntimeError(
            f"database schema version {version} is newer than this program's ({SCHEMA_VERSION});"
            " upgrade treaties"
        )
    for number in range(version + 1, target + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            if number == 1:
                con.execute(
                    "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)"
                )
            for statement in MIGRATIONS[number - 1]:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [number, datetime.now()])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return max(version, target)
