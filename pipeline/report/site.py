"""Render the static report site (HTML pages, SVG charts, matrix CSV/XLSX, README.md) from plain frames."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined

from pipeline import mtdsg
from pipeline.mtdsg import citable_url
from pipeline.report.charts import (
    NO_ACTION_COLOUR,
    STATUS_COLOURS,
    map_groups,
    render_map_svg,
    render_timeline_svg,
)
from pipeline.report.data import (
    STATUS_NONE,
    STATUS_PARTY,
    STATUS_SIGNATORY,
    STATUS_WITHDRAWN,
    SiteData,
    TreatyData,
    footnote_list,
    is_missing,
    participant_status,
    to_date,
)

STATIC_DIR = Path(__file__).parent / "static"

MATRIX_CSV = "matrix.csv"
MATRIX_XLSX = "matrix.xlsx"


def _env() -> Environment:
    # Autoescape everything: names, declarations and end notes come from the UN's pages, and a
    # participant name containing "<script>" must show as text.
    env = Environment(
        loader=PackageLoader("pipeline.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["long_date"] = long_date
    env.filters["iso_date"] = iso_date
    return env


def long_date(value: Any) -> str:
    """3 February 2026 (the form a reader quotes), or "" when unknown."""
    d = to_date(value)
    return f"{d.day} {d:%B %Y}" if d else ""


def iso_date(value: Any) -> str:
    d = to_date(value)
    return d.isoformat() if d else ""


def _int(value: Any) -> int | None:
    return None if is_missing(value) else int(value)


def _text(value: Any) -> str:
    return "" if is_missing(value) else str(value)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def has_signatories(info: dict[str, Any]) -> bool:
    """Amendments and some protocols have no signature column: the UN shows "Parties : 90" only."""
    flag = info.get("has_signature_column")
    if not is_missing(flag):
        return bool(flag)
    return _int(info.get("declared_signatories")) is not None or (_int(info.get("signatories")) or 0) > 0


def headline(info: dict[str, Any]) -> str:
    """The sentence people quote: "As at 3 February 2026, 178 parties and 122 signatories"."""
    parties = _plural(_int(info.get("parties")) or 0, "party", "parties")
    text = f"As at {long_date(info.get('as_at'))}, {parties}"
    if has_signatories(info):
        text += " and " + _plural(_int(info.get("signatories")) or 0, "signatory", "signatories")
    return text


def change_summary(info: dict[str, Any]) -> str:
    """Change since the previous snapshot, e.g. "+3 parties, -1 signatory since 15 January 2018"."""
    if is_missing(info.get("previous_as_at")):
        return "first snapshot"
    parts = []
    for key, one, many in (("parties", "party", "parties"), ("signatories", "signatory", "signatories")):
        now, before = _int(info.get(key)), _int(info.get(f"previous_{key}"))
        if now is None or before is None or now == before:
            continue
        delta = now - before
        parts.append(f"{delta:+d} {one if abs(delta) == 1 else many}")
    since = long_date(info.get("previous_as_at"))
    return f"{', '.join(parts)} since {since}" if parts else f"no change since {since}"


RECONCILES_YES, RECONCILES_NO, RECONCILES_NA = "yes", "no", "n/a"


def reconciles_text(info: dict[str, Any]) -> tuple[str, str]:
    """("yes" | "no" | "n/a", reason): "yes" only when our counted totals equal the page's own; "no" when
    they differ (the parser's reason says why); "n/a" for a page with no participants table to count."""
    reason = _text(info.get("reconciliation"))
    if reason.startswith("header-only"):
        return RECONCILES_NA, reason
    for counted, declared in (("parties", "declared_parties"), ("signatories", "declared_signatories")):
        d = _int(info.get(declared))
        if d is not None and _int(info.get(counted)) != d:
            return RECONCILES_NO, reason
    return RECONCILES_YES, reason


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
        "type": _text(type_value).replace("_", " "),
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
    for row in td.participants.to_dict("records"):
        marks = footnote_list(row.get("footnotes"))
        rows.append(
            {
                "name": _text(row.get("name")),
                "iso3": _text(row.get("iso3")),
                "key": country_key(row.get("iso3"), row.get("name")),
                "signature": _action(row.get("signature_date"), row.get("signature_type")),
                "consent": _action(row.get("consent_date"), row.get("consent_type")),
                "provisional": _action(row.get("provisional_date"), row.get("provisional_type")),
                "status": participant_status(row),
                "footnotes": [(m, notes.get(m, "")) for m in marks],
                "declarations": _text(row.get("declarations")),
                "has_declarations": bool(row.get("has_declarations")) or bool(_text(row.get("declarations"))),
            }
        )
    return rows


def _snapshot_row(td: TreatyData) -> dict[str, Any]:
    snap_id = td.info.get("snapshot_id")
    snaps = td.snapshots
    if len(snaps) and "snapshot_id" in snaps.columns:
        match = snaps[snaps["snapshot_id"] == snap_id]
        if len(match):
            return match.iloc[0].to_dict()
    return {}


def _snapshot_points(td: TreatyData) -> list[tuple[date, int]]:
    points = []
    for row in td.snapshots.to_dict("records"):
        d = to_date(row.get("as_at"))
        n = _int(row.get("counted_parties"))
        if n is None:
            n = _int(row.get("declared_parties"))
        # Header-only XML files (no participants table) carry only the UN's declared counts.
        if d is not None and n is not None:
            points.append((d, n))
    return points


def _treaty_context(td: TreatyData) -> dict[str, Any]:
    info = td.info
    ok, reason = reconciles_text(info)
    source = _text(info.get("source"))
    snap = _snapshot_row(td)
    _, undrawn = map_groups(td.participants)
    participants = participant_rows(td)
    counts = {
        s: sum(p["status"] == s for p in participants)
        for s in (STATUS_PARTY, STATUS_SIGNATORY, STATUS_WITHDRAWN)
    }
    return {
        "info": info,
        "mtdsg_no": td.mtdsg_no,
        "short_name": _text(info.get("short_name")),
        "title": _text(info.get("title")),
        "headline": headline(info),
        "as_at": info.get("as_at"),
        # Cite the UN's own page; say where this snapshot was actually read when that differs (a saved
        # file or the loopback mirror of the demo).
        "source": citable_url(td.mtdsg_no, source or None),
        "read_from": source if source and source != citable_url(td.mtdsg_no, source) else "",
        "snapshot": {
            "id": _text(info.get("snapshot_id")),
            "kind": _text(snap.get("source_kind")),
            "sha256": _text(snap.get("raw_sha256")),
            "parser_version": _text(snap.get("parser_version")),
            "imported_at": _text(snap.get("imported_at")),
        },
        "snapshot_count": _int(info.get("snapshot_count")) or len(td.snapshots),
        "declared_parties": _int(info.get("declared_parties")),
        "declared_signatories": _int(info.get("declared_signatories")),
        "has_signatories": has_signatories(info),
        "reconciles": ok,
        "reconciliation": reason,
        "change": change_summary(info),
        "participants": participants,
        "status_counts": counts,
        "has_provisional": any(p["provisional"]["iso"] for p in participants),
        "undrawn": undrawn,
        "end_notes": [
            (str(n), str(t))
            for n, t in zip(td.end_notes.get("number", []), td.end_notes.get("text", []), strict=False)
        ],
        "changes": td.changes,
        "snapshots": [
            {
                "id": _text(r.get("snapshot_id")),
                "as_at": r.get("as_at"),
                "kind": _text(r.get("source_kind")),
                "parties": _int(r.get("counted_parties")),
                "signatories": _int(r.get("counted_signatories")),
                "complete": r.get("participants_complete"),
            }
            for r in td.snapshots.to_dict("records")
        ],
    }


def _index_rows(data: SiteData) -> list[dict[str, Any]]:
    rows = []
    for info in data.treaties.to_dict("records"):
        ok, reason = reconciles_text(info)
        rows.append(
            {
                "mtdsg_no": str(info["mtdsg_no"]),
                "short_name": _text(info.get("short_name")),
                "title": _text(info.get("title")),
                "parties": _int(info.get("parties")),
                "signatories": _int(info.get("signatories")) if has_signatories(info) else None,
                "as_at": info.get("as_at"),
                "change": change_summary(info),
                "reconciles": ok,
                "reconciliation": reason,
                "headline": headline(info),
            }
        )
    return rows


def _countries(data: SiteData) -> dict[str, dict[str, Any]]:
    """One entry per participant seen in any treaty, with its status on every tracked treaty."""
    countries: dict[str, dict[str, Any]] = {}
    for mtdsg_no, td in data.per_treaty.items():
        for p in participant_rows(td):
            c = countries.setdefault(
                p["key"], {"key": p["key"], "iso3": p["iso3"], "name": p["name"], "rows": {}}
            )
            c["rows"][mtdsg_no] = p
    out: dict[str, dict[str, Any]] = {}
    for key, c in sorted(countries.items(), key=lambda kv: kv[1]["name"].casefold()):
        rows = []
        for mtdsg_no, td in data.per_treaty.items():
            p = c["rows"].get(mtdsg_no)
            rows.append(
                {
                    "mtdsg_no": mtdsg_no,
                    "short_name": _text(td.info.get("short_name")),
                    "title": _text(td.info.get("title")),
                    "as_at": td.info.get("as_at"),
                    "status": p["status"] if p else STATUS_NONE,
                    "signature": p["signature"] if p else _action(None, None),
                    "consent": p["consent"] if p else _action(None, None),
                    "name_on_page": p["name"] if p else "",
                }
            )
        counts = {
            s: sum(r["status"] == s for r in rows) for s in (STATUS_PARTY, STATUS_SIGNATORY, STATUS_WITHDRAWN)
        }
        # Treaties it has not acted on go in a short list, not the table: with the whole MTDSG tracked
        # (~400 treaties) a table row each would bury the few dozen that matter.
        acted = [r for r in rows if r["status"] != STATUS_NONE]
        quiet = [r for r in rows if r["status"] == STATUS_NONE]
        out[key] = {**c, "treaties": acted, "no_action": quiet, "counts": counts}
    return out


def matrix_frame(data: SiteData) -> pd.DataFrame:
    """The store's participant x treaty matrix, treaty columns in UN order, rows by name."""
    m = data.matrix.copy()
    id_cols = [c for c in ("iso3", "name") if c in m.columns]
    treaty_cols = sorted((c for c in m.columns if c not in id_cols), key=lambda c: mtdsg.sort_key(str(c)))
    m = m[id_cols + treaty_cols]
    for c in treaty_cols:
        m[c] = m[c].fillna("").astype(str)
    if "name" in m.columns:
        m = m.sort_values("name", key=lambda s: s.astype(str).str.casefold(), kind="stable")
    return m.reset_index(drop=True)


def write_matrix_files(matrix: pd.DataFrame, out_dir: Path) -> tuple[Path, Path]:
    csv_path, xlsx_path = out_dir / MATRIX_CSV, out_dir / MATRIX_XLSX
    matrix.to_csv(csv_path, index=False)
    matrix.to_excel(xlsx_path, index=False, sheet_name="matrix", engine="openpyxl")
    return csv_path, xlsx_path


def _md_cell(value: Any) -> str:
    # A pipe would end the cell; line breaks would end the row.
    return re.sub(r"\s+", " ", str(value)).replace("|", "\\|").strip()


def render_readme(index_rows: list[dict[str, Any]]) -> str:
    """reports/README.md: the headline table, for readers on a code host."""
    lines = [
        "# UN treaty status",
        "",
        "Counts from the UN Treaty Collection (treaties.un.org), one line per tracked treaty. "
        "Open `index.html` for charts, maps, participant tables and the changes between snapshots; "
        f"`{MATRIX_CSV}` / `{MATRIX_XLSX}` hold the country x treaty matrix.",
        "",
        "| Treaty | Title | Parties | Signatories | Status as at | Change | Reconciles with UN counts |",
        "|---|---|--:|--:|---|---|---|",
    ]
    for r in index_rows:
        name = r["short_name"] or r["mtdsg_no"]
        label = f"[{_md_cell(name)}](treaty/{r['mtdsg_no']}.html)"
        if r["short_name"]:
            label += f" ({r['mtdsg_no']})"
        sig = "" if r["signatories"] is None else str(r["signatories"])
        rec = (
            r["reconciles"]
            if r["reconciles"] == RECONCILES_YES
            else f"{r['reconciles']}: {r['reconciliation']}"
        )
        parties = "" if r["parties"] is None else str(r["parties"])
        lines.append(
            f"| {label} | {_md_cell(r['title'])} | {parties} | {sig} "
            f"| {iso_date(r['as_at'])} | {_md_cell(r['change'])} | {_md_cell(rec)} |"
        )
    lines.append("")
    return "\n".join(lines)


def render_site_data(data: SiteData, out_dir: Path) -> Path:
    """Write the whole site for `data` into out_dir; returns the path of index.html."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "treaty").mkdir(exist_ok=True)
    (out_dir / "country").mkdir(exist_ok=True)
    static_out = out_dir / "static"
    static_out.mkdir(exist_ok=True)
    for f in STATIC_DIR.iterdir():
        if f.is_file():
            shutil.copyfile(f, static_out / f.name)

    env = _env()
    common = {
        "colours": {**STATUS_COLOURS, STATUS_NONE: NO_ACTION_COLOUR},
        "statuses": (STATUS_PARTY, STATUS_SIGNATORY, STATUS_WITHDRAWN, STATUS_NONE),
    }
    index_rows = _index_rows(data)
    countries = _countries(data)
    matrix = matrix_frame(data)
    treaty_names = {
        mtdsg_no: (_text(td.info.get("short_name")) or mtdsg_no) for mtdsg_no, td in data.per_treaty.items()
    }

    index_path = out_dir / "index.html"
    index_path.write_text(
        env.get_template("index.html.j2").render(
            root="", rows=index_rows, country_count=len(countries), page_title="UN treaty status", **common
        ),
        encoding="utf-8",
    )

    for mtdsg_no, td in data.per_treaty.items():
        ctx = _treaty_context(td)
        (out_dir / "treaty" / f"{mtdsg_no}-timeline.svg").write_bytes(
            render_timeline_svg(mtdsg_no, td.participants, _snapshot_points(td))
        )
        (out_dir / "treaty" / f"{mtdsg_no}-map.svg").write_bytes(render_map_svg(mtdsg_no, td.participants))
        (out_dir / "treaty" / f"{mtdsg_no}.html").write_text(
            env.get_template("treaty.html.j2").render(
                root="../", t=ctx, page_title=f"{ctx['short_name'] or mtdsg_no}: {ctx['headline']}", **common
            ),
            encoding="utf-8",
        )

    for key, c in countries.items():
        (out_dir / "country" / f"{key}.html").write_text(
            env.get_template("country.html.j2").render(root="../", c=c, page_title=c["name"], **common),
            encoding="utf-8",
        )

    id_cols = [c for c in ("iso3", "name") if c in matrix.columns]
    treaty_cols = [c for c in matrix.columns if c not in id_cols]
    matrix_rows = [
        {
            "iso3": _text(r.get("iso3")),
            "name": _text(r.get("name")),
            "key": country_key(r.get("iso3"), r.get("name")),
            "cells": [_text(r.get(c)) for c in treaty_cols],
        }
        for r in matrix.to_dict("records")
    ]
    (out_dir / "matrix.html").write_text(
        env.get_template("matrix.html.j2").render(
            root="",
            columns=[(c, treaty_names.get(str(c), str(c))) for c in treaty_cols],
            rows=matrix_rows,
            country_keys=set(countries),
            page_title="Country x treaty matrix",
            **common,
        ),
        encoding="utf-8",
    )
    write_matrix_files(matrix, out_dir)
    (out_dir / "README.md").write_text(render_readme(index_rows), encoding="utf-8")
    return index_path
