"""The export as a Frictionless Data package: datapackage.json describing every file, and CHANGELOG.md."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import __version__
from pipeline.frame_values import is_missing
from pipeline.store.events import FIRST_SNAPSHOT, Event, newest_first

PACKAGE_FILE = "datapackage.json"
CHANGELOG_FILE = "CHANGELOG.md"
UN_SOURCE = {
    "title": "United Nations Treaty Collection (UNTC): status of multilateral treaties deposited with the "
    "Secretary-General",
    "path": "https://treaties.un.org",
}
LICENCE = {
    "name": "UN-terms-of-use",
    "title": "Source data: United Nations Treaty Collection, subject to the UN's terms of use; cite the "
    "UN page given in each row. This compilation adds no rights of its own.",
    "path": "https://www.un.org/en/about-us/terms-of-use",
}


@dataclass(frozen=True)
class Table:
    """One exported table: its name, title, what a row is, its primary key and references to others."""

    name: str
    title: str
    description: str
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (field, other table, other field)


# The tables export writes, in the order the package lists them.
TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "treaties",
            "Treaties",
            "One row per treaty: its latest snapshot, counts (counted from the participants table, else "
            "the page's declared totals) and whether they reconcile with the UN's own totals.",
            ("mtdsg_no",),
        ),
        Table(
            "latest_status",
            "Latest status",
            "One row per treaty and participant in the treaty's latest snapshot with a participants table.",
            ("mtdsg_no", "iso3"),
            (("mtdsg_no", "treaties", "mtdsg_no"),),
        ),
        Table(
            "history",
            "Participation history",
            "Every version of every participation, valid from one snapshot's status time (valid_from) up "
            "to, not including, the first later snapshot that no longer shows it (valid_to; empty: current).",
            ("mtdsg_no", "iso3", "valid_from_snapshot_id"),
            (("valid_from_snapshot_id", "snapshots", "snapshot_id"),),
        ),
        Table(
            "snapshots",
            "Snapshots with provenance",
            "Every snapshot: the page's status time, where it was read, the UN page to cite, the raw "
            "page's sha256, the parser version, the import time, declared and counted totals.",
            ("snapshot_id",),
        ),
        Table(
            "events",
            "Change events",
            "Who joined, signed, withdrew, was removed without notice, renamed, or changed declarations, "
            "from consecutive snapshots; first_snapshot rows mark where tracking of a treaty starts.",
            ("event_id",),
            (("snapshot_id", "snapshots", "snapshot_id"),),
        ),
        Table(
            "matrix",
            "Country x treaty matrix",
            'One row per participant, one column per treaty (MTDSG number): "party 2002", "signed 2000", '
            '"withdrawn", "" for no action, "unknown" where the latest snapshot lists no participants.',
            ("iso3",),
        ),
        Table(
            "procedures",
            "Complaint procedures",
            "One row per participant of a core human-rights treaty (or of its complaints protocols) and "
            "procedure (individual, inter-state, inquiry): accepted yes / no / not party / unknown, since "
            "when, and on what basis (a declaration under an article, or being a party), as the latest "
            "snapshots show it; un_url is the UN page that records it.",
            ("iso3", "core", "procedure"),
        ),
    )
}

FIELD_DESCRIPTIONS = {
    "mtdsg_no": "The UN's treaty number (Multilateral Treaties Deposited with the Secretary-General).",
    "iso3": "ISO 3166-1 alpha-3 code (ISO 3166-3 for former states, EUU for the EU, X.. for others).",
    "name": "The participant's name as the UN page prints it.",
    "status": "party, signatory (signed, not a party), withdrawn, or no action.",
    "as_at": "The page's own STATUS AS AT time (for 2018 XML: the capture date).",
    "kind": "joined, signed, withdrew, removed_without_notice, renamed, declarations_changed, "
    "competence_recognised, competence_withdrawn (a declaration opening a complaint procedure) or "
    "first_snapshot (where tracking of the treaty starts).",
    "action_date": "The action's own date: signature, consent, or a withdrawal's effect from its end note.",
    "first_seen": "The status time of the first snapshot that showed the change.",
    "source_url": "The UN page to cite.",
    "citable_url": "The UN page to cite (a saved file or a local mirror is not citable).",
    "valid_from": "Status time of the first snapshot showing this version.",
    "valid_to": "Status time of the first later snapshot no longer showing it; empty while current.",
    "raw_sha256": "sha256 of the raw page as fetched.",
}


def field_type(values: pd.Series) -> str:
    """The Table Schema type of a column of plain values (all missing: string)."""
    kinds: set[str] = set()
    for v in values:
        if is_missing(v):
            continue
        if isinstance(v, bool):
            kinds.add("boolean")
        elif isinstance(v, int):
            kinds.add("integer")
        elif isinstance(v, float):
            kinds.add("number")
        elif isinstance(v, datetime):  # before date: a datetime is a date too
            kinds.add("datetime")
        elif isinstance(v, date):
            kinds.add("date")
        else:
            kinds.add("string")
    if kinds <= {"integer", "number"} and "number" in kinds:
        return "number"
    return kinds.pop() if len(kinds) == 1 else "string"


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    """One frame for both formats: datetimes to the second (timestamp columns in Parquet, ISO 8601 in CSV),
    integer columns as nullable integers, so CSV and Parquet carry the same columns and values."""
    out = df.copy()
    for c in out.columns:
        t = field_type(out[c])
        if t == "datetime":
            out[c] = pd.to_datetime(out[c]).dt.floor("s")
        elif t == "integer":
            out[c] = out[c].astype("Int64")
        elif t == "boolean":
            out[c] = out[c].astype("boolean")
        elif t == "number":
            out[c] = out[c].astype("Float64")
    return out


def _schema(name: str, df: pd.DataFrame, types: Mapping[str, str]) -> dict[str, Any]:
    table = TABLES.get(name)
    fields = []
    for c in df.columns:
        f: dict[str, Any] = {"name": str(c), "type": types[str(c)]}
        if name == "matrix" and c not in ("iso3", "name"):
            f["description"] = f"Status of the participant on treaty {c}."
        elif c in FIELD_DESCRIPTIONS:
            f["description"] = FIELD_DESCRIPTIONS[str(c)]
        if types[str(c)] == "datetime":
            f["format"] = "%Y-%m-%dT%H:%M:%S"
        fields.append(f)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if table is not None:
        schema["primaryKey"] = list(table.primary_key)
        if table.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": f, "reference": {"resource": other, "fields": of}}
                for f, other, of in table.foreign_keys
            ]
    return schema


def describe(
    frames: Mapping[str, pd.DataFrame], files: Mapping[str, Sequence[Path]], out_dir: Path
) -> dict[str, Any]:
    """datapackage.json for the written files: a CSV resource and a Parquet resource per table, same
    schema; foreign keys between the CSV resources."""
    resources = []
    for name, df in frames.items():
        table = TABLES.get(name)
        types = {str(c): field_type(df[c]) for c in df.columns}
        for path in files[name]:
            fmt = path.suffix.lstrip(".")
            schema = _schema(name, df, types)
            if fmt != "csv":
                schema.pop("foreignKeys", None)  # references name the CSV resources
            res: dict[str, Any] = {
                "name": name if fmt == "csv" else f"{name}-{fmt}",
                "path": path.relative_to(out_dir).as_posix(),
                "title": (table.title if table else name) + ("" if fmt == "csv" else f" ({fmt})"),
                "description": table.description if table else "",
                "format": fmt,
                "profile": "tabular-data-resource",
                "schema": schema,
                "sources": [UN_SOURCE],
            }
            if fmt == "csv":
                res.update({"mediatype": "text/csv", "encoding": "utf-8"})
            else:
                res["mediatype"] = "application/vnd.apache.parquet"
            resources.append(res)
    return {
        "profile": "tabular-data-package",
        "name": "un-treaty-status",
        "title": "UN treaty status: signatures, ratifications and their history",
        "description": (
            "Who has signed and joined UN treaties, from the status pages of the UN Treaty Collection "
            "(treaties.un.org), as dated snapshots with provenance. Each table is given as CSV and as "
            "Parquet with the same columns. See CHANGELOG.md for what changed between exports."
        ),
        "version": __version__,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "sources": [UN_SOURCE],
        "licenses": [LICENCE],
        "contributors": [{"title": "treaties", "role": "author"}],
        "keywords": ["treaties", "United Nations", "ratification", "human rights"],
        "resources": resources,
    }


def write_json(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def previous_event_ids(out_dir: Path) -> set[str] | None:
    """The event ids of the previous export in out_dir (None: there was none)."""
    path = out_dir / "events.csv"
    if not path.is_file():
        return None
    try:
        return set(pd.read_csv(path, usecols=["event_id"], dtype=str)["event_id"].dropna())
    except (ValueError, OSError, pd.errors.ParserError):
        return None


def changelog_section(
    events: Sequence[Event], previous: set[str] | None, *, treaties: int, now: datetime | None = None
) -> str | None:
    """The CHANGELOG.md section of this export: the events not in the previous export, by treaty (None
    when there are none: an unattended export every few hours adds no "nothing changed" lines)."""
    when = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"## Export of {when}", ""]
    if previous is None:
        changes = [e for e in events if e.kind != FIRST_SNAPSHOT]
        lines.append(
            f"First export: {treaties} treaties, {len(changes)} changes in their history so far "
            "(see events.csv). Later exports list here what changed since the one before."
        )
        return "\n".join(lines) + "\n"
    new = newest_first([e for e in events if e.event_id not in previous])
    if not new:
        return None
    lines.append(f"{len(new)} change{'s' if len(new) != 1 else ''} since the previous export:")
    lines.append("")
    by_treaty: dict[str, list[Event]] = {}
    for e in new:
        by_treaty.setdefault(e.mtdsg_no, []).append(e)
    for m, items in by_treaty.items():
        lines.append(f"- **{m}** ([UN page]({items[0].source_url}))")
        for e in items:
            seen = e.first_seen.date().isoformat()
            lines.append(f"  - {e.headline()}; first seen in the status as at {seen}")
    return "\n".join(lines) + "\n"


def updated_changelog(old: str | None, section: str) -> str:
    """The new section first, under the title, above the earlier ones."""
    title = "# Changelog of the data\n\nWhat each export of `treaties export` found new, newest first.\n"
    body = ""
    if old:
        body = old.split("\n## ", 1)[1] if "\n## " in old else ""
        body = "## " + body if body else ""
    return f"{title}\n{section}" + (f"\n{body}" if body else "")
