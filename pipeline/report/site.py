"""Render the static report site (HTML pages, SVG charts, matrix CSV/XLSX, README.md) from plain frames."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

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
)
from pipeline.report.feeds import feed_links
from pipeline.report.matrix import (
    MATRIX_CSV,
    MATRIX_UNKNOWN,
    MATRIX_XLSX,
    matrix_columns,
    matrix_csv,
    matrix_frame,
    matrix_rows,
    matrix_xlsx,
)
from pipeline.report.output import Progress, SiteWriter
from pipeline.report.pages import (
    country_contexts,
    country_key,
    index_rows,
    participant_rows,
    snapshot_groups,
    snapshot_points,
    treaty_context,
)
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
    "render_site_data",
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
    common = _common_context()
    rows = index_rows(data)
    countries = country_contexts(data)
    matrix = matrix_frame(data)
    # Every file of the site, so that progress can say "n of N".
    writer.total = len(STATIC_FILES) + 2 + 2 * len(data.per_treaty) + len(countries) + 4

    _write_static(writer)
    _write_index(env, writer, data, rows, len(countries), common)
    _write_treaty_pages(env, writer, data, common)
    _write_country_pages(env, writer, countries, common)
    _write_matrix(env, writer, data, matrix, set(countries), common)
    writer.write_text("README.md", render_readme(rows))


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


def _write_treaty_pages(env: Environment, writer: SiteWriter, data: SiteData, common: dict[str, Any]) -> None:
    for mtdsg_no, td in data.per_treaty.items():
        ctx = treaty_context(td)
        writer.write(
            f"treaty/{mtdsg_no}-timeline.svg",
            render_timeline_svg(mtdsg_no, td.participants, snapshot_points(td)),
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


def _write_country_pages(
    env: Environment, writer: SiteWriter, countries: dict[str, dict[str, Any]], common: dict[str, Any]
) -> None:
    for key, c in countries.items():
        writer.write_text(
            f"country/{key}.html",
            env.get_template("country.html.j2").render(root="../", c=c, page_title=c["name"], **common),
        )


def _write_matrix(
    env: Environment,
    writer: SiteWriter,
    data: SiteData,
    matrix: pd.DataFrame,
    country_keys: set[str],
    common: dict[str, Any],
) -> None:
    id_cols = [c for c in ("iso3", "name") if c in matrix.columns]
    treaty_cols = [c for c in matrix.columns if c not in id_cols]
    columns = matrix_columns(data, treaty_cols)
    writer.write_text(
        "matrix.html",
        env.get_template("matrix.html.j2").render(
            root="",
            columns=columns,
            unknown_count=sum(not c["listed"] for c in columns),
            rows=matrix_rows(matrix, treaty_cols),
            country_keys=country_keys,
            page_title="Country x treaty matrix",
            **common,
        ),
    )
    writer.write(MATRIX_CSV, matrix_csv(matrix))
    writer.write(MATRIX_XLSX, matrix_xlsx(matrix))
