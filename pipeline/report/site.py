"""Render the static report site (HTML pages, SVG charts, matrix CSV/XLSX, README.md) from plain frames."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from pipeline import catalog, mtdsg
from pipeline.mtdsg import citable_url
from pipeline.parse.reconcile import RECONCILES_NA, RECONCILES_YES, reconciles
from pipeline.report.charts import (
    NO_ACTION_COLOUR,
    STATUS_COLOURS,
    UNKNOWN_COLOUR,
    map_data,
    map_groups,
    render_timeline_svg,
    world_js,
)
from pipeline.report.data import (
    STATUS_LABELS,
    STATUS_NONE,
    STATUS_PARTY,
    STATUS_SIGNATORY,
    STATUS_UNKNOWN,
    STATUS_WITHDRAWN,
    SiteData,
    TreatyData,
    footnote_list,
    frame_records,
    is_missing,
    participant_status,
    participants_listed,
    to_date,
)
from pipeline.report.feeds import feed_links
from pipeline.report.output import Progress, SiteWriter

STATIC_DIR = Path(__file__).parent / "static"

MATRIX_CSV = "matrix.csv"
MATRIX_XLSX = "matrix.xlsx"
MATRIX_UNKNOWN = "unknown"  # a matrix cell of a treaty whose latest snapshot lists no participants
NOT_LISTED = "participants not listed in this snapshot"


def _no_feed_links(root: str, *, mtdsg_no: str | None = None, iso3: str | None = None) -> Markup:
    return Markup("")


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
    env.filters["status_label"] = lambda s: STATUS_LABELS.get(s, s)
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
    if not participants_listed(info):
        # A header-only page (2018 MTDSG XML) has no table and so no signature column: its declared
        # "Signatories : N" is all there is, and it is shown.
        return _int(info.get("declared_signatories")) is not None
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
    if not participants_listed(info):
        text += f" (the UN's declared totals; {NOT_LISTED})"
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


def reconciles_text(info: dict[str, Any]) -> tuple[str, str]:
    """("yes" | "no" | "n/a", reason) for one row of Store.treaties(), by the one rule
    (pipeline.parse.reconcile.reconciles); the reason is the store's text, or says why nothing compares."""
    listed = participants_listed(info)
    state = reconciles(
        participants_listed=listed,
        declared_signatories=_int(info.get("declared_signatories")),
        counted_signatories=_int(info.get("counted_signatories")),
        declared_parties=_int(info.get("declared_parties")),
        counted_parties=_int(info.get("counted_parties")),
    )
    reason = _text(info.get("reconciliation"))
    if state == RECONCILES_NA and listed:
        reason = "the page declares no totals to compare with"
    return state, reason


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
    for row in frame_records(td.participants):
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
    for row in frame_records(td.snapshots):
        d = to_date(row.get("as_at"))
        n = _int(row.get("counted_parties"))
        if n is None:
            n = _int(row.get("declared_parties"))
        # Header-only XML files (no participants table) carry only the UN's declared counts.
        if d is not None and n is not None:
            points.append((d, n))
    return points


# The store's change kinds (snake_case identifiers) in the words a reader expects.
CHANGE_WORDS = {
    "joined": "joined",
    "signed": "signed",
    "withdrew": "withdrew",
    "renamed": "renamed",
    "corrected": "corrected",
    "declarations_changed": "declarations changed",
    "footnotes_changed": "footnote marks changed",
}
# Footnote marks are only pointers into the end notes, which the UN renumbers from one edition to the
# next ("7" -> "7,8,9"): a change of marks alone is not a change of anyone's status.
_MARKS_ONLY = {"footnotes_changed"}


def change_word(kind: str) -> str:
    return CHANGE_WORDS.get(kind, kind.replace("_", " "))


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


def _treaty_context(td: TreatyData) -> dict[str, Any]:
    info = td.info
    ok, reason = reconciles_text(info)
    source = _text(info.get("source"))
    snap = _snapshot_row(td)
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
        "snapshots": [
            {
                "id": _text(r.get("snapshot_id")),
                "as_at": r.get("as_at"),
                "kind": _text(r.get("source_kind")),
                "parties": _int(r.get("counted_parties")),
                "signatories": _int(r.get("counted_signatories")),
                "declared_parties": _int(r.get("declared_parties")),
                "declared_signatories": _int(r.get("declared_signatories")),
                "complete": bool(r.get("participants_complete"))
                and not is_missing(r.get("participants_complete")),
            }
            for r in frame_records(td.snapshots)
        ],
    }


def _day(value: Any) -> str:
    d = to_date(value)
    return d.isoformat() if d else ""


def snapshot_groups(data: SiteData) -> tuple[str, list[tuple[str, int]]]:
    """The latest "status as at" day of any treaty (the current snapshot) and the treaty count per day,
    newest first: the index tells the 30 treaties refreshed in 2026 from the 377 last seen in 2018."""
    days = Counter(_day(info.get("as_at")) for info in frame_records(data.treaties))
    ordered = sorted(days.items(), key=lambda kv: kv[0], reverse=True)
    return (ordered[0][0] if ordered else ""), ordered


def _index_rows(data: SiteData) -> list[dict[str, Any]]:
    current, _ = snapshot_groups(data)
    rows = []
    for info in frame_records(data.treaties):
        ok, reason = reconciles_text(info)
        rows.append(
            {
                "mtdsg_no": str(info["mtdsg_no"]),
                "short_name": _text(info.get("short_name")),
                "title": _text(info.get("title")),
                "parties": _int(info.get("parties")),
                "signatories": _int(info.get("signatories")) if has_signatories(info) else None,
                "declared_parties": _int(info.get("declared_parties")),
                "declared_signatories": _int(info.get("declared_signatories")),
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


def _countries(data: SiteData) -> dict[str, dict[str, Any]]:
    """One entry per participant seen in any treaty, with its status on every tracked treaty."""
    countries: dict[str, dict[str, Any]] = {}
    listed = {m: td for m, td in data.per_treaty.items() if td.participants_listed}
    for mtdsg_no, td in listed.items():
        for p in participant_rows(td):
            c = countries.setdefault(
                p["key"], {"key": p["key"], "iso3": p["iso3"], "name": p["name"], "rows": {}}
            )
            c["rows"][mtdsg_no] = p
    # Treaties whose latest snapshot lists nobody: the same for every participant.
    unknown = [
        {"mtdsg_no": m, "short_name": _text(td.info.get("short_name")), "title": _text(td.info.get("title"))}
        for m, td in data.per_treaty.items()
        if not td.participants_listed
    ]
    out: dict[str, dict[str, Any]] = {}
    for key, c in sorted(countries.items(), key=lambda kv: kv[1]["name"].casefold()):
        acted, quiet = [], []
        for mtdsg_no, td in listed.items():
            p = c["rows"].get(mtdsg_no)
            if p is None or p["status"] == STATUS_NONE:
                # Treaties it has not acted on go in a short list, not the table: with the whole MTDSG
                # tracked (~400 treaties) a table row each would bury the few dozen that matter.
                quiet.append({"mtdsg_no": mtdsg_no, "short_name": _text(td.info.get("short_name"))})
                continue
            acted.append(
                {
                    "mtdsg_no": mtdsg_no,
                    "short_name": _text(td.info.get("short_name")),
                    "title": _text(td.info.get("title")),
                    "as_at": td.info.get("as_at"),
                    "status": p["status"],
                    "signature": p["signature"],
                    "consent": p["consent"],
                    "name_on_page": p["name"],
                }
            )
        counts = {
            s: sum(r["status"] == s for r in acted)
            for s in (STATUS_PARTY, STATUS_SIGNATORY, STATUS_WITHDRAWN)
        }
        out[key] = {
            **c,
            "treaties": acted,
            "no_action": quiet,
            "unknown": unknown,
            "listed_count": len(listed),
            "tracked_count": len(data.per_treaty),
            "counts": counts,
        }
    return out


def matrix_frame(data: SiteData) -> pd.DataFrame:
    """The store's participant x treaty matrix, treaty columns in UN order, rows by name.

    A treaty whose latest snapshot lists no participants has "unknown" in every cell: the store leaves
    them blank, which would read as "no action"."""
    m = data.matrix.copy()
    id_cols = [c for c in ("iso3", "name") if c in m.columns]
    treaty_cols = sorted((c for c in m.columns if c not in id_cols), key=lambda c: mtdsg.sort_key(str(c)))
    m = m[id_cols + treaty_cols]
    for c in treaty_cols:
        td = data.per_treaty.get(str(c))
        if td is not None and not td.participants_listed:
            m[c] = MATRIX_UNKNOWN
        else:
            m[c] = m[c].fillna("").astype(str)
    if "name" in m.columns:
        m = m.sort_values("name", key=lambda s: s.astype(str).str.casefold(), kind="stable")
    return m.reset_index(drop=True)


# A fixed time for the workbook's entries and properties: the same matrix gives the same bytes, so an
# unchanged store rewrites no file.
_XLSX_TIME = (2000, 1, 1, 0, 0, 0)
_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def matrix_xlsx(matrix: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    matrix.to_excel(buf, index=False, sheet_name="matrix", engine="openpyxl")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = _CORE_TIMES.sub(rb"\g<1>2000-01-01T00:00:00Z\g<3>", data)
            info = zipfile.ZipInfo(item.filename, date_time=_XLSX_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    return out.getvalue()


def matrix_csv(matrix: pd.DataFrame) -> bytes:
    return matrix.to_csv(index=False).encode("utf-8")


def _md_cell(value: Any) -> str:
    # A pipe would end the cell; line breaks would end the row; markup is shown as text, not run
    # (Markdown passes HTML through: a "<script>" in a title must arrive as "&lt;script&gt;").
    text = re.sub(r"\s+", " ", str(value)).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")


def render_readme(index_rows: list[dict[str, Any]]) -> str:
    """reports/README.md: the headline table, for readers on a code host."""
    lines = [
        "# UN treaty status",
        "",
        "Counts from the UN Treaty Collection (treaties.un.org), one line per tracked treaty. "
        "Open `index.html` for charts, maps, participant tables and the changes between snapshots; "
        f"`{MATRIX_CSV}` / `{MATRIX_XLSX}` hold the country x treaty matrix. "
        f"Where the snapshot lists no participants, the counts are the UN's declared totals ({NOT_LISTED}).",
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


STATIC_FILES = ("site.css", "site.js")
WORLD_JS = "world.js"


def _matrix_columns(data: SiteData, treaty_cols: list[str]) -> list[dict[str, Any]]:
    cols = []
    for c in treaty_cols:
        td = data.per_treaty.get(str(c))
        cols.append(
            {
                "no": str(c),
                "short": catalog.short_name(str(c)) or "",
                "title": _text(td.info.get("title")) if td else "",
                "listed": td.participants_listed if td else True,
            }
        )
    return cols


def _cell_class(cell: str) -> str:
    word = cell.split(" ")[0] if cell else ""
    return {"party": "p", "signed": "s", "withdrawn": "w", MATRIX_UNKNOWN: "u"}.get(word, "n")


def render_site_data(
    data: SiteData, out_dir: Path, *, progress: Progress | None = None, inputs: str = ""
) -> Path:
    """Write the whole site for `data` into out_dir, rewriting only files whose bytes changed and
    removing pages of treaties and participants no longer there; returns the path of index.html."""
    writer = SiteWriter(Path(out_dir), progress)
    render_pages(data, writer)
    writer.finish(inputs)
    return writer.out_dir / "index.html"


def render_pages(data: SiteData, writer: SiteWriter, *, feeds: bool = False) -> None:
    """Every page of the site through `writer`; with `feeds`, each page's <head> links its Atom feeds."""
    env = _env()
    env.globals["feed_links"] = feed_links if feeds else _no_feed_links
    colours = {**STATUS_COLOURS, STATUS_NONE: NO_ACTION_COLOUR, STATUS_UNKNOWN: UNKNOWN_COLOUR}
    common = {
        "colours": colours,
        "statuses": (STATUS_PARTY, STATUS_SIGNATORY, STATUS_WITHDRAWN, STATUS_NONE),
        "labels": STATUS_LABELS,
    }
    index_rows = _index_rows(data)
    current, groups = snapshot_groups(data)
    countries = _countries(data)
    matrix = matrix_frame(data)
    id_cols = [c for c in ("iso3", "name") if c in matrix.columns]
    treaty_cols = [c for c in matrix.columns if c not in id_cols]
    # Every file of the site, so that progress can say "n of N".
    writer.total = len(STATIC_FILES) + 2 + 2 * len(data.per_treaty) + len(countries) + 4

    for name in STATIC_FILES:
        writer.write(f"static/{name}", (STATIC_DIR / name).read_bytes())
    writer.write(f"static/{WORLD_JS}", world_js())

    writer.write_text(
        "index.html",
        env.get_template("index.html.j2").render(
            root="",
            rows=index_rows,
            country_count=len(countries),
            current=current,
            groups=groups,
            current_count=sum(r["current"] for r in index_rows),
            unlisted_count=sum(not r["listed"] for r in index_rows),
            page_title="UN treaty status",
            **common,
        ),
    )

    for mtdsg_no, td in data.per_treaty.items():
        ctx = _treaty_context(td)
        writer.write(
            f"treaty/{mtdsg_no}-timeline.svg",
            render_timeline_svg(mtdsg_no, td.participants, _snapshot_points(td)),
        )
        writer.write_text(
            f"treaty/{mtdsg_no}.html",
            env.get_template("treaty.html.j2").render(
                root="../", t=ctx, page_title=f"{ctx['short_name'] or mtdsg_no}: {ctx['headline']}", **common
            ),
        )
        # Free the rendered rows of treaties no country page needs any more.
        if not td.participants_listed:
            td.rows_cache = None

    for key, c in countries.items():
        writer.write_text(
            f"country/{key}.html",
            env.get_template("country.html.j2").render(root="../", c=c, page_title=c["name"], **common),
        )

    matrix_rows = [
        {
            "iso3": _text(r.get("iso3")),
            "name": _text(r.get("name")),
            "key": country_key(r.get("iso3"), r.get("name")),
            "cells": [(_text(r.get(c)), _cell_class(_text(r.get(c)))) for c in treaty_cols],
        }
        for r in frame_records(matrix)
    ]
    columns = _matrix_columns(data, treaty_cols)
    writer.write_text(
        "matrix.html",
        env.get_template("matrix.html.j2").render(
            root="",
            columns=columns,
            unknown_count=sum(not c["listed"] for c in columns),
            rows=matrix_rows,
            country_keys=set(countries),
            page_title="Country x treaty matrix",
            **common,
        ),
    )
    writer.write(MATRIX_CSV, matrix_csv(matrix))
    writer.write(MATRIX_XLSX, matrix_xlsx(matrix))
    writer.write_text("README.md", render_readme(index_rows))
