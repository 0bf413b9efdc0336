"""Known events: treaty actions the status pages do not show, from the curated, cited known_events.csv."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from pipeline import mtdsg
from pipeline.store.model import KnownEvent, StoreError

__all__ = ["known_events", "load_known_events", "read_known_events"]

COLUMNS = (
    "mtdsg_no",
    "iso3",
    "name",
    "role",
    "action",
    "effect",
    "effective",
    "action_date",
    "source",
    "note",
)
ROLES = ("consent", "signature")
EFFECTS = ("ends", "begins")
# Every row cites the UN itself: its treaty site (a status page or a depositary notification's page).
_SOURCE = re.compile("^" + re.escape(mtdsg.DEFAULT_BASE_URL) + r"/\S+$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


def _day(value: str, where: str, column: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise StoreError(f"{where}: {column} {value!r} is not a date (YYYY-MM-DD)") from None


def read_known_events(lines: Iterable[str], origin: str = "known_events.csv") -> tuple[KnownEvent, ...]:
    """Parse and check the table: a bad row raises naming the row and the value (never skipped)."""
    reader = csv.DictReader(lines)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise StoreError(f"{origin}: the header must be {','.join(COLUMNS)}, not {reader.fieldnames}")
    out = []
    for n, row in enumerate(reader, start=2):
        where = f"{origin} line {n}"
        try:
            m = mtdsg.validate(row["mtdsg_no"])
        except ValueError as exc:
            raise StoreError(f"{where}: {exc}") from None
        if not _ISO3.match(row["iso3"]):
            raise StoreError(f"{where}: iso3 {row['iso3']!r} is not an ISO 3166 alpha-3 code")
        if row["role"] not in ROLES:
            raise StoreError(f"{where}: role {row['role']!r} is not one of {', '.join(ROLES)}")
        if row["effect"] not in EFFECTS:
            raise StoreError(f"{where}: effect {row['effect']!r} is not one of {', '.join(EFFECTS)}")
        if not _SOURCE.match(row["source"]):
            raise StoreError(f"{where}: source {row['source']!r} is not an address on treaties.un.org")
        if not row["name"].strip() or not row["action"].strip():
            raise StoreError(f"{where}: name and action are required")
        effective = _day(row["effective"], where, "effective")
        action_date = _day(row["action_date"], where, "action_date") if row["action_date"] else None
        if action_date is not None and action_date > effective:
            raise StoreError(f"{where}: action_date {action_date} is after the effective date {effective}")
        out.append(
            KnownEvent(
                m,
                row["iso3"],
                row["name"].strip(),
                row["role"],
                row["action"].strip(),
                row["effect"] == "ends",
                effective,
                action_date,
                row["source"],
                row["note"].strip(),
            )
        )
    return tuple(out)


def load_known_events(path: Path | None = None) -> tuple[KnownEvent, ...]:
    """The curated table shipped beside names.csv (or another file, for tests)."""
    if path is not None:
        with path.open(encoding="utf-8", newline="") as f:
            return read_known_events(f, str(path))
    return _shipped()


@cache
def _shipped() -> tuple[KnownEvent, ...]:
    text = resources.files("pipeline.normalise").joinpath("known_events.csv").read_text(encoding="utf-8")
    return read_known_events(text.splitlines(keepends=True), "pipeline/normalise/known_events.csv")


def known_events(mtdsg_no: str, table: tuple[KnownEvent, ...] | None = None) -> tuple[KnownEvent, ...]:
    """The events of one treaty, in date order."""
    rows = _shipped() if table is None else table
    return tuple(sorted((e for e in rows if e.mtdsg_no == mtdsg_no), key=lambda e: e.effective))
