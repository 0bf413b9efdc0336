"""Offline SVG charts for the report: parties over time and a world map coloured by status (pygal)."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from datetime import date
from functools import cache
from html import escape
from importlib import resources

import pandas as pd
import pycountry
import pygal
from pygal.style import Style
from pygal_maps_world.i18n import COUNTRIES as MAP_COUNTRIES

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


# Even with js=[] pygal embeds its config as an inline <script> for its tooltips; the chart is shown as
# a plain image, so drop it: the SVG carries no script at all.
_SCRIPT = re.compile(rb"<script\b.*?</script>", re.S)


def _finish(svg: bytes, chart_id: str) -> bytes:
    svg = _SCRIPT.sub(b"", _GENERATED_COMMENT.sub(b"", svg))
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
    """World map: party, signatory only, withdrawn; countries with no action stay grey.

    Drawn from pygal_maps_world's geometry, simplified once per run (see world_shapes): pygal's own
    World chart writes the full 780 kB outline into every map, 300 MB for the ~400 treaties of the
    MTDSG, where the simplified outline is indistinguishable at page size and a fraction of it.
    """
    by_code: dict[str, tuple[str, str]] = {}
    # The legend counts every participant, drawn or not, so it agrees with the page's headline.
    counts = dict.fromkeys(STATUS_COLOURS, 0)
    for row in participants.to_dict("records"):
        status = participant_status(row)
        if status == STATUS_NONE:
            continue
        counts[status] += 1
        code = map_code(row.get("iso3"))
        if code is not None:
            by_code[code] = (status, str(row.get("name")))
    width, height = WORLD_VIEWBOX
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + 90}" width="1000" '
        f'height="{round(1000 * (height + 90) / width)}" role="img">',
        f"<title>{escape(mtdsg_no)}: status by country</title>",
        "<style>path{stroke:#fff;stroke-width:.6;stroke-linejoin:round}"
        f".c{{fill:{NO_ACTION_COLOUR}}}"
        + "".join(f".{_CSS_CLASS[s]}{{fill:{c}}}" for s, c in STATUS_COLOURS.items())
        + "text{font:28px sans-serif;fill:#333}</style>",
        f'<rect width="{width}" height="{height + 90}" fill="#fff"/>',
    ]
    for code, d in world_shapes().items():
        status, name = by_code.get(code, (STATUS_NONE, MAP_COUNTRIES.get(code, code)))
        css = "c" if status == STATUS_NONE else f"c {_CSS_CLASS[status]}"
        out.append(f'<path class="{css}" d="{d}"><title>{escape(name)}: {status}</title></path>')
    x = 40
    for status, colour in [*STATUS_COLOURS.items(), (STATUS_NONE, NO_ACTION_COLOUR)]:
        label = f"{status} ({counts[status]})" if status in counts else status
        out.append(f'<rect x="{x}" y="{height + 30}" width="36" height="36" fill="{colour}"/>')
        out.append(f'<text x="{x + 48}" y="{height + 58}">{escape(label)}</text>')
        x += 60 + 17 * len(label)
    out.append("</svg>")
    return ("\n".join(out) + "\n").encode("utf-8")


_CSS_CLASS = {STATUS_PARTY: "p", STATUS_SIGNATORY: "s", STATUS_WITHDRAWN: "w"}
WORLD_VIEWBOX = (2475, 1388)  # pygal_maps_world's worldmap.svg
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_COMMAND = re.compile(r"([MmLlHhVvCcSsQqTtZz])([^MmLlHhVvCcSsQqTtZz]*)")
_ARITY = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "z": 0}


def _outline(d: str) -> list[list[tuple[float, float]]]:
    """The rings of an SVG path as absolute points, each curve replaced by its end point."""
    rings: list[list[tuple[float, float]]] = []
    x = y = 0.0
    start = (0.0, 0.0)
    for cmd, args in _COMMAND.findall(d):
        nums = [float(n) for n in _NUMBER.findall(args)]
        rel, op = cmd.islower(), cmd.lower()
        if op == "z":
            x, y = start
            continue
        n = _ARITY[op]
        for i in range(0, len(nums) - n + 1, n):
            chunk = nums[i : i + n]
            if op == "h":
                x = x + chunk[0] if rel else chunk[0]
            elif op == "v":
                y = y + chunk[0] if rel else chunk[0]
            else:
                ex, ey = chunk[-2], chunk[-1]
                x, y = (x + ex, y + ey) if rel else (ex, ey)
            if op == "m" and i == 0:
                start = (x, y)
                rings.append([(x, y)])
            elif rings:
                rings[-1].append((x, y))
    return rings


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iteratively (some coastlines have thousands of points)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy) or 1.0
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            dist = abs(dy * (px - ax) - dx * (py - ay)) / norm if (dx or dy) else math.hypot(px - ax, py - ay)
            if dist > best:
                best, idx = dist, i
        if best > tolerance:
            keep[idx] = True
            stack.extend(((a, idx), (idx, b)))
    return [p for p, k in zip(points, keep, strict=True) if k]


@cache
def world_shapes(tolerance: float = 1.2) -> dict[str, str]:
    """pygal_maps_world's country outlines (keyed by ISO alpha-2), simplified to integer path data.

    The geometry ships with the package (installed from the registry); nothing is fetched at run time.
    """
    root = ET.fromstring((resources.files("pygal_maps_world") / "worldmap.svg").read_bytes())
    shapes: dict[str, str] = {}
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        classes = (g.get("class") or "").split()
        if "country" not in classes:
            continue
        parts = []
        for path in g.iter("{http://www.w3.org/2000/svg}path"):
            for ring in _outline(path.get("d", "")):
                pts = [(round(px), round(py)) for px, py in _simplify(ring, tolerance)]
                pts = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
                if not pts:
                    continue
                cmds = [f"M{pts[0][0]} {pts[0][1]}"]
                if len(pts) == 1:  # a speck of an island: keep it visible as a 1-unit square
                    cmds.append("h1v1h-1")
                else:
                    steps = [f"{bx - ax} {by - ay}" for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False)]
                    cmds.append("l" + " ".join(steps))
                parts.append("".join(cmds) + "z")
        shapes[classes[0]] = "".join(parts)
    return shapes
