"""Render the static report site (HTML pages, SVG charts, matrix CSV/XLSX, README.md) from plain frames."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from pipeline.mtdsg import sort_key
from pipeline.parse.reconcile import RECONCILES_YES
from pipeline.report.charts import (
    NO_ACTION_COLOUR,
    STATUS_COLOURS,
    UNKNOWN_COLOUR,
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
    code_digest,
    frame_records,
    sorted_treaties,
    treaty_inputs,
)
from pipeline.report.feeds import feed_links
from pipeline.report.matrix import (
    MATRIX_CSV,
    MATRIX_UNKNOWN,
    MATRIX_XLSX,
    matrix_columns,
    matrix_csv,
    matrix_frame,
    matrix_row,
    matrix_rows,
    matrix_xlsx,
)
from pipeline.report.output import SiteWriter
from pipeline.report.pages import (
    change_rows,
    country_key,
    country_rows,
    index_rows,
    participant_rows,
    snapshot_groups,
    snapshot_points,
    treaty_context,
)
from pipeline.report.procedures import country_procedures, procedure_columns, procedure_rows
from pipeline.report.summary import LineMacros, TreatySummary, country_contexts, treaty_summary
from pipeline.report.words import (
    CHANGE_WORDS,
    NOT_LISTED,
    change_summary,
    change_word,
    has_signatories,
    headline,
    iso_date,
    long_date,
    reconciles_text,
)
from pipeline.store.events import Event
from pipeline.store.procedures import Acceptance

# The site's names as they were before the page contexts, the matrix and the wording got modules of
# their own: callers and tests import them from here.
__all__ = [
    "CHANGE_WORDS",
    "MATRIX_CSV",
    "MATRIX_UNKNOWN",
    "MATRIX_XLSX",
    "NOT_LISTED",
    "STATIC_DIR",
    "STATIC_FILES",
    "WORLD_JS",
    "change_summary",
    "change_word",
    "country_key",
    "has_signatories",
    "headline",
    "iso_date",
    "long_date",
    "matrix_csv",
    "matrix_frame",
    "matrix_xlsx",
    "participant_rows",
    "reconciles_text",
    "render_pages",
    "render_readme",
    "snapshot_groups",
]

STATIC_DIR = Path(__file__).parent / "static"

STATIC_FILES = ("site.css", "site.js")
WORLD_JS = "world.js"


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


def render_pages(
    treaties: pd.DataFrame,
    load: Callable[[dict[str, Any]], TreatyData],
    writer: SiteWriter,
    *,
    events: Callable[[str], Sequence[Event]] | None = None,
    procedures: Sequence[Acceptance] = (),
) -> list[TreatySummary]:
    """Every page of the site through `writer`; with `events` (a treaty's change events), each page's
    <head> links its Atom feeds and each summary carries its treaty's events for them.

    A treaty whose inputs (its row of Store.treaties(), the report's code, whether there are feeds) are
    those the last build recorded keeps its files and gives its recorded summary; only the others are
    read through `load` (and `events`) and rendered. The country pages, the matrix and the index are then
    made from the summaries. Returns the summaries, in the natural order of treaties.
    """
    feeds = events is not None
    env = _env()
    env.globals["feed_links"] = feed_links if feeds else _no_feed_links
    common = _common_context()
    data = SiteData(treaties=sorted_treaties(treaties), per_treaty={})
    records = frame_records(data.treaties)
    rows = index_rows(data)
    # Every file of the site, so that progress can say "n of N" (the country pages are added when known).
    writer.total = len(STATIC_FILES) + 2 + 2 * len(records) + 7
    code = code_digest()

    _write_static(writer)
    summaries = [_treaty_part(env, writer, info, load, common, code, events) for info in records]
    countries = country_contexts(summaries)
    writer.total += len(countries)
    _write_index(env, writer, data, rows, len(countries), common)
    _write_country_pages(env, writer, countries, common, country_procedures(procedures))
    _write_countries(env, writer, countries, summaries, common)
    _write_procedures(env, writer, procedures, common)
    _write_changes(env, writer, summaries, set(countries), common, feeds=feeds)
    as_at = {str(r["mtdsg_no"]): r.get("as_at") for r in records}
    _write_matrix(env, writer, summaries, as_at, set(countries), common, code)
    writer.write_text("README.md", render_readme(rows))
    return summaries


def _common_context() -> dict[str, Any]:
    """What every template is given: the status colours, their order and their labels."""
    colours = {**STATUS_COLOURS, STATUS_NONE: NO_ACTION_COLOUR, STATUS_UNKNOWN: UNKNOWN_COLOUR}
    return {
        "colours": colours,
        "statuses": (STATUS_PARTY, STATUS_SIGNATORY, STATUS_WITHDRAWN, STATUS_NONE),
        "labels": STATUS_LABELS,
    }


def _write_static(writer: SiteWriter) -> None:
    for name in STATIC_FILES:
        writer.write(f"static/{name}", (STATIC_DIR / name).read_bytes())
    writer.write(f"static/{WORLD_JS}", world_js())


def _write_index(
    env: Environment,
    writer: SiteWriter,
    data: SiteData,
    rows: list[dict[str, Any]],
    country_count: int,
    common: dict[str, Any],
) -> None:
    current, groups = snapshot_groups(data)
    writer.write_text(
        "index.html",
        env.get_template("index.html.j2").render(
            root="",
            rows=rows,
            country_count=country_count,
            current=current,
            groups=groups,
            current_count=sum(r["current"] for r in rows),
            unlisted_count=sum(not r["listed"] for r in rows),
            page_title="UN treaty status",
            **common,
        ),
    )


def _treaty_part(
    env: Environment,
    writer: SiteWriter,
    info: dict[str, Any],
    load: Callable[[dict[str, Any]], TreatyData],
    common: dict[str, Any],
    code: str,
    events: Callable[[str], Sequence[Event]] | None,
) -> TreatySummary:
    """One treaty's page and timeline, kept from the last build when its inputs are the same."""
    mtdsg_no = str(info["mtdsg_no"])
    inputs = treaty_inputs(info, code, feeds=events is not None)
    kept = TreatySummary.from_json(writer.reuse_part(f"treaty/{mtdsg_no}", inputs))
    if kept is not None:
        return kept
    td = load(info)
    ctx = treaty_context(td)
    files = [f"treaty/{mtdsg_no}-timeline.svg", f"treaty/{mtdsg_no}.html"]
    writer.write(files[0], render_timeline_svg(mtdsg_no, td.participants, snapshot_points(td)))
    writer.write_text(
        files[1],
        env.get_template("treaty.html.j2").render(
            root="../", t=ctx, page_title=f"{ctx['short_name'] or mtdsg_no}: {ctx['headline']}", **common
        ),
    )
    m: Any = env.get_template("_macros.html.j2").module
    summary = treaty_summary(
        td,
        LineMacros(m.country_line_head, m.country_line_cells, m.country_line_tail, m.treaty_link),
        events(mtdsg_no) if events is not None else (),
    )
    writer.record_part(f"treaty/{mtdsg_no}", inputs, files, summary.to_json())
    return summary


def _write_country_pages(
    env: Environment,
    writer: SiteWriter,
    countries: dict[str, dict[str, Any]],
    common: dict[str, Any],
    procedures: dict[str, list[dict[str, Any]]],
) -> None:
    for key, c in countries.items():
        writer.write_text(
            f"country/{key}.html",
            env.get_template("country.html.j2").render(
                root="../",
                c=c,
                procedures=procedures.get(c["iso3"] or "", []),
                page_title=c["name"],
                **common,
            ),
        )


def _write_procedures(
    env: Environment, writer: SiteWriter, procedures: Sequence[Acceptance], common: dict[str, Any]
) -> None:
    individual, other = procedure_columns()
    writer.write_text(
        "procedures.html",
        env.get_template("procedures.html.j2").render(
            root="",
            rows=procedure_rows(procedures),
            individual=individual,
            other=other,
            page_title="Complaint procedures",
            **common,
        ),
    )


def _write_countries(
    env: Environment,
    writer: SiteWriter,
    countries: dict[str, dict[str, Any]],
    summaries: list[TreatySummary],
    common: dict[str, Any],
) -> None:
    writer.write_text(
        "countries.html",
        env.get_template("countries.html.j2").render(
            root="",
            countries=country_rows(countries),
            listed_count=sum(s.listed for s in summaries),
            page_title="Countries and other participants",
            **common,
        ),
    )


def _write_changes(
    env: Environment,
    writer: SiteWriter,
    summaries: list[TreatySummary],
    country_keys: set[str],
    common: dict[str, Any],
    *,
    feeds: bool,
) -> None:
    short_names = {s.mtdsg_no: s.short_name for s in summaries if s.short_name}
    events, baselines = change_rows([e for s in summaries for e in s.events], short_names, country_keys)
    treaties = sorted({e["mtdsg_no"] for e in events}, key=sort_key)
    names = {e["key"]: e["name"] for e in events}
    writer.write_text(
        "changes.html",
        env.get_template("changes.html.j2").render(
            root="",
            feeds=feeds,
            events=events,
            baselines=baselines,
            treaty_options=[
                (no, f"{short_names[no]} ({no})" if no in short_names else no) for no in treaties
            ],
            country_options=sorted(names.items(), key=lambda kv: kv[1].casefold()),
            page_title="Recent changes",
            **common,
        ),
    )


def _write_matrix(
    env: Environment,
    writer: SiteWriter,
    summaries: list[TreatySummary],
    as_at: dict[str, Any],
    country_keys: set[str],
    common: dict[str, Any],
    code: str,
) -> None:
    matrix = matrix_frame(summaries, as_at)
    columns = matrix_columns(summaries)
    # A participant's row is rendered again only when its cells changed (the last build's rows are
    # kept in the manifest, by content): a day's changes touch a few rows of ~200 x 560 cells.
    macros: Any = env.get_template("_macros.html.j2").module
    old = writer.old_part_data("matrix", code)
    known: dict[str, str] = old if isinstance(old, dict) else {}
    lines: dict[str, str] = {}
    order: list[str] = []
    for iso3, name, cells in matrix_rows(matrix):
        linked = country_key(iso3, name) in country_keys
        digest = hashlib.sha256("\x1f".join([iso3, name, str(linked), *cells]).encode()).hexdigest()
        if digest not in lines:
            lines[digest] = known.get(digest) or str(macros.matrix_row(matrix_row(iso3, name, cells), linked))
        order.append(digest)
    writer.write_text(
        "matrix.html",
        env.get_template("matrix.html.j2").render(
            root="",
            columns=columns,
            unknown_count=sum(not c["listed"] for c in columns),
            rows=[Markup(lines[d]) for d in order],
            page_title="Country x treaty matrix",
            **common,
        ),
    )
    writer.record_part("matrix", code, [], lines)
    writer.write(MATRIX_CSV, matrix_csv(matrix))
    writer.write(MATRIX_XLSX, matrix_xlsx(matrix))
