"""Offline SVG charts for the report: parties over time and a world map coloured by status (pygal)."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

import pandas as pd
import pycountry
import pygal
from pygal.style import Style
from pygal_maps_world.i18n import COUNTRIES as MAP_COUNTRIES
from pygal_maps_world.maps import World

from pipeline.report.data import (
    STATUS_NONE,
    STATUS_PARTY,
    STATUS_SIGNATORY,
    STATUS_WITHDRAWN,
    participant_status,
    to_date,
)

# Colours shared by the map, its HTML legend and the status badges in site.css.
STATUS_COLOURS = {
    STATUS_PARTY: "#1b7837",
    STATUS_SIGNATORY: "#f1a340",
    STATUS_WITHDRAWN: "#b2182b",
}
NO_ACTION_COLOUR = "#d9d9d9"

_STYLE_BASE = dict(
    background="white",
    plot_background="white",
    foreground="#333",
    foreground_strong="#111",
    foreground_subtle="#777",
    font_family="sans-serif",
)

# pygal stamps each SVG with its render date and a random id; drop both so a rerun on the same data
# writes the same bytes (reviewable diffs of reports/).
_GENERATED_COMMENT = re.compile(rb"<!--Generated with pygal[^>]*-->")
_UUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _finish(svg: bytes, chart_id: str) -> bytes:
    svg = _GENERATED_COMMENT.sub(b"", svg)
    return _UUID.sub(re.sub(r"[^A-Za-z0-9-]", "-", chart_id).encode(), svg)


@cache
def _alpha2(iso3: str) -> str | None:
    country = pycountry.countries.get(alpha_3=iso3.upper())
    return country.alpha_2.lower() if country else None


def map_code(iso3: str | None) -> str | None:
    """The pygal world-map key (ISO alpha-2, lower case) for an alpha-3 code, if the map draws it.

    The map's geometry (pygal_maps_world) has 184 shapes: small island states (Fiji, Tuvalu...),
    South Sudan and Qatar among others are not drawn; callers list them beside the map instead.
    """
    if not iso3 or not isinstance(iso3, str):
        return None
    a2 = _alpha2(iso3)
    return a2 if a2 in MAP_COUNTRIES else None


def party_timeline(participants: pd.DataFrame) -> list[tuple[date, int]]:
    """Number of parties over time, reconstructed from today's consent dates (one step per date).

    Only the current parties count: a withdrawn row's denunciation date lives in an end note's prose,
    so its years as a party cannot be rebuilt here. For a succession ("d") the UN lists the date of
    the notification of succession, which is when the step appears.
    """
    dates: list[date] = []
    for row in participants.to_dict("records"):
        if participant_status(row) == STATUS_PARTY:
            d = to_date(row.get("consent_date"))
            if d is not None:
                dates.append(d)
    dates.sort()
    steps: list[tuple[date, int]] = []
    for i, d in enumerate(dates, start=1):
        if steps and steps[-1][0] == d:
            steps[-1] = (d, i)
        else:
            steps.append((d, i))
    return steps


def render_timeline_svg(
    mtdsg_no: str, participants: pd.DataFrame, snapshot_points: list[tuple[date, int]]
) -> bytes:
    """Step chart of parties over time, with each snapshot's own party count as a marked point."""
    steps = party_timeline(participants)
    style = Style(colors=(STATUS_COLOURS[STATUS_PARTY], "#2166ac"), **_STYLE_BASE)
    chart = pygal.DateLine(
        js=[],  # pygal's default tooltips load JS from a CDN; the site must work offline
        style=style,
        width=800,
        height=320,
        show_dots=False,
        x_label_rotation=0,
        truncate_label=-1,
        legend_at_bottom=True,
        x_value_formatter=lambda d: d.strftime("%Y"),
        title=f"{mtdsg_no}: parties over time",
    )
    points: list[tuple[date, int]] = []
    prev = 0
    for d, n in steps:
        points.append((d, prev))  # the flat run up to the date, then the step
        points.append((d, n))
        prev = n
    end = max([*(d for d, _ in snapshot_points), *(d for d, _ in steps), date.today()])
    if points:
        points.append((end, prev))
    chart.add("parties (from consent dates)", points, allow_interruptions=False)
    chart.add(
        "snapshots (counted parties)",
        [(d, n) for d, n in snapshot_points],
        stroke=False,
        show_dots=True,
        dots_size=6,
    )
    return _finish(chart.render(), f"{mtdsg_no}-timeline")


def map_groups(participants: pd.DataFrame) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """Map keys grouped by status, and the (name, status) of participants the map cannot draw."""
    groups: dict[str, list[str]] = {STATUS_PARTY: [], STATUS_SIGNATORY: [], STATUS_WITHDRAWN: []}
    undrawn: list[tuple[str, str]] = []
    for row in participants.to_dict("records"):
        status = participant_status(row)
        if status == STATUS_NONE:
            continue
        code = map_code(row.get("iso3"))
        if code is None:
            undrawn.append((str(row.get("name")), status))
        else:
            groups[status].append(code)
    return groups, undrawn


def render_map_svg(mtdsg_no: str, participants: pd.DataFrame) -> bytes:
    """World map: party, signatory only, withdrawn; countries with no action stay grey."""
    groups, _ = map_groups(participants)
    style = Style(
        colors=tuple(STATUS_COLOURS[s] for s in groups),
        **_STYLE_BASE,
    )
    world = World(
        js=[],  # no CDN: pygal's tooltip script is not loaded
        style=style,
        width=1000,
        height=520,
        legend_at_bottom=True,
        title=f"{mtdsg_no}: status by country",
    )
    for status, codes in groups.items():
        world.add(f"{status} ({len(codes)})", codes)
    svg = world.render()
    # pygal paints undrawn countries with its own light tint; make "no action" a neutral grey.
    svg = svg.replace(
        b" .map-element{fill:white;", b" .map-element{fill:" + NO_ACTION_COLOUR.encode() + b";", 1
    )
    return _finish(svg, f"{mtdsg_no}-map")
