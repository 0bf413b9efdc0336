"""The context each page's template is given: the index rows, a treaty's page, a participant's page."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from pipeline.frame_values import is_missing, to_date
from pipeline.mtdsg import citable_url
from pipeline.report.charts import STATUS_COLOURS, map_data, map_groups
from pipeline.report.data import (
    STATUS_LABELS,
    STATUS_NONE,
    STATUS_PARTY,
    STATUS_SIGNATORY,
    STATUS_WITHDRAWN,
    SiteData,
    TreatyData,
    footnote_list,
    frame_records,
    participant_status,
    participants_listed,
)
from pipeline.report.words import (
    NOT_LISTED,
    as_int,
    as_text,
    change_summary,
    change_word,
    has_signatories,
    headline,
    iso_date,
    long_date,
    reconciles_text,
)
from pipeline.store.events import FIRST_SNAPSHOT, Event, newest_first
from pipeline.store.rows import mirror_of, public_source


def country_key(iso3: Any, name: Any) -> str:
    """File name of a participant's page: its ISO alpha-3 code, or a slug of its name if it has none."""
    if isinstance(iso3, str) and iso3.strip():
        return iso3.strip().upper()
    slug = re.sub(r"[^a-z0-9]+", "-", str(name).lower()).strip("-")
    return slug or "unknown"


def _action(date_value: Any, type_value: Any) -> dict[str, str]:
    # Action types are the parser's snake_case reading of the column header ("formal_confirmation");
    # some headers of old treaties run to 200 characters, so show them as words that can wrap.
    return {
        "iso": iso_date(date_value),
        "long": long_date(date_value),
        "type": as_text(type_value).replace("_", " "),
    }


def participant_rows(td: TreatyData) -> list[dict[str, Any]]:
    """The participants table as template rows (computed once per treaty: country pages reuse it)."""
    if td.rows_cache is None:
        td.rows_cache = _participant_rows(td)
    return td.rows_cache


def _participant_rows(td: TreatyData) -> list[dict[str, Any]]:
    notes = {
        str(n): str(t)
        for n, t in zip(td.end_notes.get("number", []), td.end_notes.get("text", []), strict=False)
    }
    rows = []
    for row in frame_records(td.participants):
        marks = footnote_list(row.get("footnotes"))
        rows.append(
            {
                "name": as_text(row.get("name")),
                "iso3": as_text(row.get("iso3")),
                "key": country_key(row.get("iso3"), row.get("name")),
                "signature": _action(row.get("signature_date"), row.get("signature_type")),
                "consent": _action(row.get("consent_date"), row.get("consent_type")),
                "provisional": _action(row.get("provisional_date"), row.get("provisional_type")),
                "status": participant_status(row),
                "footnotes": [(m, notes.get(m, "")) for m in marks],
                "declarations": as_text(row.get("declarations")),
                "has_declarations": bool(row.get("has_declarations"))
                or bool(as_text(row.get("declarations"))),
            }
        )
    return rows


def _snapshot_row(td: TreatyData) -> dict[str, Any]:
    snap_id = td.info.get("snapshot_id")
    snaps = td.snapshots
    if len(snaps) and "snapshot_id" in snaps.columns:
        match = snaps[snaps["snapshot_id"] == snap_id]
        if len(match):
            found: dict[str, Any] = match.iloc[0].to_dict()
            return found
    return {}


def snapshot_points(td: TreatyData) -> list[tuple[date, int]]:
    """(status as at, parties) per snapshot: the points of the treaty's timeline chart."""
    points = []
    for row in frame_records(td.snapshots):
        d = to_date(row.get("as_at"))
        n = as_int(row.get("counted_parties"))
        if n is None:
            n = as_int(row.get("declared_parties"))
        # Header-only XML files (no participants table) carry only the UN's declared counts.
        if d is not None and n is not None:
            points.append((d, n))
    return points


# Footnote marks are only pointers into the end notes, which the UN renumbers from one edition to the
# next ("7" -> "7,8,9"): a change of marks alone is not a change of anyone's status.
_MARKS_ONLY = {"footnotes_changed"}


def _change_sets(td: TreatyData) -> list[dict[str, Any]]:
    out = []
    for cs in td.changes:
        shown = [
            {
                "name": c.name,
                "iso3": c.iso3 or "",
                "change": change_word(c.change),
                "before": c.before or "",
                "after": c.after or "",
            }
            for c in cs.changes
            if c.change not in _MARKS_ONLY
        ]
        marks_only = len({c.iso3 or c.name for c in cs.changes if c.change in _MARKS_ONLY})
        out.append(
            {
                "from_": cs.from_,
                "to": cs.to,
                "counts_before": cs.counts_before,
                "counts_after": cs.counts_after,
                "changes": shown,
                "marks_only": marks_only,
                "unlisted": cs.unlisted,
            }
        )
    return out


def _legend(counts: dict[str, int]) -> list[dict[str, Any]]:
    """The map's legend: what each colour counts, in the words of the headline."""
    items = [
        {"status": s, "label": STATUS_LABELS[s], "count": counts.get(s, 0), "colour": STATUS_COLOURS[s]}
        for s in (STATUS_PARTY, STATUS_SIGNATORY, STATUS_WITHDRAWN)
    ]
    items.append({"status": STATUS_NONE, "label": STATUS_LABELS[STATUS_NONE], "count": None, "colour": ""})
    return items


def treaty_context(td: TreatyData) -> dict[str, Any]:
    """A treaty page's context: headline, provenance, participants, map, end notes, changes, snapshots."""
    info = td.info
    ok, reason = reconciles_text(info)
    source = as_text(info.get("source"))
    listed = td.participants_listed
    participants = participant_rows(td) if listed else []
    _, undrawn = map_groups(td.participants) if listed else ({}, [])
    counts = {
        s: sum(p["status"] == s for p in participants)
        for s in (STATUS_PARTY, STATUS_SIGNATORY, STATUS_WITHDRAWN)
    }
    return {
        "info": info,
        "mtdsg_no": td.mtdsg_no,
        "short_name": as_text(info.get("short_name")),
        "title": as_text(info.get("title")),
        "headline": headline(info),
        "as_at": info.get("as_at"),
        # Cite the UN's own page; say where this snapshot was actually read when that differs (a saved
        # file or the loopback mirror of the demo).
        "source": citable_url(td.mtdsg_no, source or None),
        # A saved file by its name only (a path of the machine that built the site means nothing to a
        # reader; the snapshot's sha256 names the bytes), a loopback URL as the mirror it is.
        "read_from": (
            f"{source} (a mirror of the UN page)"
            if mirror_of(td.mtdsg_no, source)
            else public_source(source) or ""
        )
        if source and source != citable_url(td.mtdsg_no, source)
        else "",
        "snapshot": _provenance(info, _snapshot_row(td)),
        "snapshot_count": as_int(info.get("snapshot_count")) or len(td.snapshots),
        "declared_parties": as_int(info.get("declared_parties")),
        "declared_signatories": as_int(info.get("declared_signatories")),
        "has_signatories": has_signatories(info),
        "listed": listed,
        "not_listed": NOT_LISTED,
        "reconciles": ok,
        "reconciliation": reason,
        "change": change_summary(info),
        "participants": participants,
        "status_counts": counts,
        "legend": _legend(counts),
        "map": map_data(td.participants) if listed else {},
        "has_provisional": any(p["provisional"]["iso"] for p in participants),
        "undrawn": [(name, STATUS_LABELS[status]) for name, status in undrawn],
        "end_notes": [
            (str(n), str(t))
            for n, t in zip(td.end_notes.get("number", []), td.end_notes.get("text", []), strict=False)
        ],
        "changes": _change_sets(td),
        "snapshots": _snapshot_list(td),
    }


def _provenance(info: dict[str, Any], snap: dict[str, Any]) -> dict[str, str]:
    """Where the page's snapshot came from: its id, kind, raw bytes' hash, parser and import time."""
    return {
        "id": as_text(info.get("snapshot_id")),
        "kind": as_text(snap.get("source_kind")),
        "sha256": as_text(snap.get("raw_sha256")),
        "parser_version": as_text(snap.get("parser_version")),
        "imported_at": as_text(snap.get("imported_at")),
    }


def _snapshot_list(td: TreatyData) -> list[dict[str, Any]]:
    """Every snapshot of the treaty with its counts, for the page's history table."""
    return [
        {
            "id": as_text(r.get("snapshot_id")),
            "as_at": r.get("as_at"),
            "kind": as_text(r.get("source_kind")),
            "parties": as_int(r.get("counted_parties")),
            "signatories": as_int(r.get("counted_signatories")),
            "declared_parties": as_int(r.get("declared_parties")),
            "declared_signatories": as_int(r.get("declared_signatories")),
            "complete": bool(r.get("participants_complete"))
            and not is_missing(r.get("participants_complete")),
        }
        for r in frame_records(td.snapshots)
    ]


def _day(value: Any) -> str:
    d = to_date(value)
    return d.isoformat() if d else ""


def snapshot_groups(data: SiteData) -> tuple[str, list[tuple[str, int]]]:
    """The latest "status as at" day of any treaty (the current snapshot) and the treaty count per day,
    newest first: the index tells the 30 treaties refreshed in 2026 from the 377 last seen in 2018."""
    days = Counter(_day(info.get("as_at")) for info in frame_records(data.treaties))
    ordered = sorted(days.items(), key=lambda kv: kv[0], reverse=True)
    return (ordered[0][0] if ordered else ""), ordered


def index_rows(data: SiteData) -> list[dict[str, Any]]:
    """One row per treaty for the index page and reports/README.md."""
    current, _ = snapshot_groups(data)
    rows = []
    for order, info in enumerate(frame_records(data.treaties)):
        ok, reason = reconciles_text(info)
        rows.append(
            {
                "mtdsg_no": str(info["mtdsg_no"]),
                "order": order,  # the natural order of treaty numbers (data.treaties is sorted so)
                "short_name": as_text(info.get("short_name")),
                "title": as_text(info.get("title")),
                "parties": as_int(info.get("parties")),
                "signatories": as_int(info.get("signatories")) if has_signatories(info) else None,
                "declared_parties": as_int(info.get("declared_parties")),
                "declared_signatories": as_int(info.get("declared_signatories")),
                "listed": participants_listed(info),
                "as_at": info.get("as_at"),
                "current": _day(info.get("as_at")) == current,
                "change": change_summary(info),
                "reconciles": ok,
                "reconciliation": reason,
                "headline": headline(info),
            }
        )
    return rows


def country_rows(countries: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The countries page: every participant with how many treaties it is party to, signed, left."""
    return [
        {
            "key": c["key"],
            "iso3": c["iso3"],
            "name": c["name"],
            "party": c["counts"].get(STATUS_PARTY, 0),
            "signatory": c["counts"].get(STATUS_SIGNATORY, 0),
            "withdrawn": c["counts"].get(STATUS_WITHDRAWN, 0),
            "no_action": c["no_action_count"],
        }
        for c in countries.values()
    ]


def change_rows(
    events: Sequence[Event], short_names: dict[str, str], country_keys: set[str]
) -> tuple[list[dict[str, Any]], int]:
    """The recent-changes page: every change event newest first (as the feed), and how many treaties
    have only their baseline ("tracking started") event, which is not a change."""
    rows = []
    baselines = 0
    for e in newest_first(events):
        if e.kind == FIRST_SNAPSHOT:
            baselines += 1
            continue
        key = country_key(e.iso3, e.name)
        rows.append(
            {
                "first_seen": e.first_seen.date().isoformat(),
                "mtdsg_no": e.mtdsg_no,
                "treaty": short_names.get(e.mtdsg_no) or e.mtdsg_no,
                "name": e.name,
                "key": key,
                "linked": key in country_keys,
                "change": change_word(e.kind),
                "action_date": e.action_date.isoformat() if e.action_date else "",
                "before": e.before or "",
                "after": e.after or "",
                "source": e.source_url,
            }
        )
    return rows, baselines
