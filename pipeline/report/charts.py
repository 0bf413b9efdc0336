"""Offline charts for the report: parties over time (SVG) and the data of a world map coloured by status."""

from __future__ import annotations

import csv
import json
import math
import re
import xml.etree.ElementTree as ET
from datetime import date
from functools import cache
from html import escape
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import pycountry
from pygal_maps_world.i18n import COUNTRIES as MAP_COUNTRIES

from pipeline.frame_values import to_date
from pipeline.report.data import (
    STATUS_NONE,
    STATUS_PARTY,
    STATUS_SIGNATORY,
    STATUS_WITHDRAWN,
    frame_records,
    participant_status,
)

# Colours shared by the map, its HTML legend and the status badges in site.css.
STATUS_COLOURS = {
    STATUS_PARTY: "#1b7837",
    STATUS_SIGNATORY: "#f1a340",
    STATUS_WITHDRAWN: "#b2182b",
}
NO_ACTION_COLOUR = "#d9d9d9"

UNKNOWN_COLOUR = "#ffffff"  # participants not listed in the snapshot: neither grey nor coloured


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
    return a2 if a2 is not None and (a2 in world_shapes() or a2 in map_dots()) else None


# States the map's geometry leaves out (Fiji, Qatar, the Bahamas...) get a dot where they are; so do the
# specks (Singapore, Malta...) that are drawn but too small to see. Their places are map_places.csv
# (approximate capitals, and reference points of states the map draws, to place the others by).
MAP_PLACES_CSV = Path(__file__).with_name("map_places.csv")
_SPECK = 8  # a shape less than this many map units across is a speck: it gets a dot too
DOT_RADIUS = 9


def _shape_box(code: str) -> tuple[float, float, float, float]:
    pts = [p for ring in _outline(world_shapes()[code]) for p in ring]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


@cache
def map_dots() -> dict[str, tuple[int, int]]:
    """Map key -> (x, y) in the map's units of every state drawn as a dot: those the outlines lack,
    placed from their latitude and longitude by the nearest reference states, and the specks."""
    width, height = WORLD_VIEWBOX
    shapes = world_shapes()
    refs: list[tuple[float, float, float, float]] = []  # lat, lon, x, y
    wanted: list[tuple[str, float, float]] = []
    with MAP_PLACES_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code, lat, lon = row["alpha2"], float(row["lat"]), float(row["lon"])
            if row["role"] == "reference":
                x0, y0, x1, y1 = _shape_box(code)
                refs.append((lat, lon, (x0 + x1) / 2, (y0 + y1) / 2))
            elif code not in shapes:
                wanted.append((code, lat, lon))
    dots: dict[str, tuple[int, int]] = {}
    for code, lat, lon in wanted:
        x, y = _place(lat, lon, refs)
        dots[code] = (round(min(max(x, DOT_RADIUS), width - DOT_RADIUS)), round(min(max(y, 0), height)))
    for code in shapes:
        x0, y0, x1, y1 = _shape_box(code)
        if max(x1 - x0, y1 - y0) < _SPECK:
            dots[code] = (round((x0 + x1) / 2), round((y0 + y1) / 2))
    return dict(sorted(dots.items()))


def _place(lat: float, lon: float, refs: list[tuple[float, float, float, float]]) -> tuple[float, float]:
    """Map units of a latitude and longitude: a plane through the five nearest reference states (the
    map's projection is close to linear over such a neighbourhood)."""
    near = sorted(refs, key=lambda r: (r[0] - lat) ** 2 + (r[1] - lon) ** 2)[:5]
    a = np.array([[r[1], r[0], 1.0] for r in near])
    fx = np.linalg.lstsq(a, np.array([r[2] for r in near]), rcond=None)[0]
    fy = np.linalg.lstsq(a, np.array([r[3] for r in near]), rcond=None)[0]
    point = np.array([lon, lat, 1.0])
    return float(point @ fx), float(point @ fy)


def party_timeline(participants: pd.DataFrame) -> list[tuple[date, int]]:
    """Number of parties over time, reconstructed from today's consent dates (one step per date).

    Only the current parties count: a withdrawn row's denunciation date lives in an end note's prose,
    so its years as a party cannot be rebuilt here. For a succession ("d") the UN lists the date of
    the notification of succession, which is when the step appears.
    """
    dates: list[date] = []
    for row in frame_records(participants):
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


# Timeline geometry (SVG user units): plot area inside the margins.
TIMELINE_W, TIMELINE_H = 800, 320
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 20, 36, 64
_YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50)


def year_ticks(first: int, last: int, most: int = 12) -> list[int]:
    """Whole years for the x axis, every 1, 2, 5, 10... years, at most `most` of them, covering
    first..last. Each tick sits at 1 January of its year, right under its label."""
    for step in _YEAR_STEPS:
        lo = first - first % step
        hi = last + (-last) % step
        if (hi - lo) // step + 1 <= most:
            return list(range(lo, hi + 1, step))
    step = _YEAR_STEPS[-1]
    return list(range(first - first % step, last + (-last) % step + 1, step))


def _count_ticks(top: int) -> list[int]:
    for step in (1, 2, 5, 10, 20, 25, 50, 100):
        if top / step <= 6:
            return list(range(0, top + step, step))[: int(top // step) + 2]
    return [0, top]


def render_timeline_svg(
    mtdsg_no: str, participants: pd.DataFrame, snapshot_points: list[tuple[date, int]]
) -> bytes:
    """Step chart of parties over time, with each snapshot's own party count as a marked point.

    Drawn directly as a small SVG (about 3 kB): x ticks on 1 January of whole years, each under its
    year's label; the chart ends at the latest snapshot, so a rerun on the same data gives the same bytes.
    """
    steps = party_timeline(participants)
    days = [d for d, _ in steps] + [d for d, _ in snapshot_points]
    out = _timeline_head(mtdsg_no)
    if not days:
        out.append(
            f'<text x="{TIMELINE_W / 2}" y="{TIMELINE_H / 2}" text-anchor="middle">'
            "no consent dates listed</text></svg>"
        )
        return ("\n".join(out) + "\n").encode("utf-8")
    top = max([1, *(n for _, n in steps), *(n for _, n in snapshot_points)])
    # The x axis ends on the last day shown (the latest snapshot), not at the next round year.
    end = max(days)
    axes = _TimelineAxes(year_ticks(min(days).year, end.year), _count_ticks(top), end)
    out += axes.grid()
    if steps:
        out.append(_step_path(steps, max(days), axes))
    for d, n in snapshot_points:
        out.append(
            f'<circle class="d" cx="{axes.px(d)}" cy="{axes.py(n)}" r="5">'
            f"<title>snapshot as at {d.isoformat()}: {n} parties</title></circle>"
        )
    out += _timeline_legend(bool(steps))
    out.append("</svg>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _timeline_head(mtdsg_no: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {TIMELINE_W} {TIMELINE_H}" '
        f'width="{TIMELINE_W}" height="{TIMELINE_H}" role="img">',
        f"<title>{escape(mtdsg_no)}: parties over time</title>",
        "<style>text{font:13px sans-serif;fill:#333}.g{stroke:#e5e5e5}.a{stroke:#777}"
        f".s{{fill:none;stroke:{STATUS_COLOURS[STATUS_PARTY]};stroke-width:2}}"
        ".d{fill:#2166ac;stroke:#fff}</style>",
        f'<rect width="{TIMELINE_W}" height="{TIMELINE_H}" fill="#fff"/>',
        f'<text x="{TIMELINE_W / 2}" y="20" text-anchor="middle" style="font-weight:600">'
        f"{escape(mtdsg_no)}: parties over time</text>",
    ]


class _TimelineAxes:
    """The plot area of a timeline: whole years across, party counts up."""

    def __init__(self, years: list[int], counts: list[int], end: date) -> None:
        self.years = [y for y in years if date(y, 1, 1) <= end]
        self.counts = counts
        self.x0, self.x1 = date(self.years[0], 1, 1).toordinal(), end.toordinal()
        self.y_max = counts[-1] or 1
        self.pw, self.ph = TIMELINE_W - _LEFT - _RIGHT, TIMELINE_H - _TOP - _BOTTOM

    def px(self, d: date) -> float:
        return round(_LEFT + self.pw * (d.toordinal() - self.x0) / max(self.x1 - self.x0, 1), 1)

    def py(self, n: int) -> float:
        return round(_TOP + self.ph * (1 - n / self.y_max), 1)

    def grid(self) -> list[str]:
        """Gridlines and labels for the counts and the years, and the x axis."""
        pw, ph, py = self.pw, self.ph, self.py
        out = []
        for n in self.counts:
            out.append(f'<line class="g" x1="{_LEFT}" x2="{_LEFT + pw}" y1="{py(n)}" y2="{py(n)}"/>')
            out.append(f'<text x="{_LEFT - 6}" y="{py(n) + 4}" text-anchor="end">{n}</text>')
        for y in self.years:
            x = self.px(date(y, 1, 1))
            out.append(
                f'<line class="g tick" data-year="{y}" x1="{x}" x2="{x}" y1="{_TOP}" y2="{_TOP + ph}"/>'
            )
            out.append(f'<text class="year" x="{x}" y="{_TOP + ph + 18}" text-anchor="middle">{y}</text>')
        out.append(f'<line class="a" x1="{_LEFT}" x2="{_LEFT + pw}" y1="{_TOP + ph}" y2="{_TOP + ph}"/>')
        return out


def _step_path(steps: list[tuple[date, int]], end: date, axes: _TimelineAxes) -> str:
    """The parties step line, from the first consent to the chart's end."""
    px, py = axes.px, axes.py
    d_attr = [f"M{px(steps[0][0])} {py(0)}"]
    prev = 0
    for d, n in steps:
        d_attr.append(f"H{px(d)}V{py(n)}")
        prev = n
    d_attr.append(f"H{px(end)}V{py(prev)}")
    return f'<path class="s" d="{"".join(d_attr)}"/>'


def _timeline_legend(has_steps: bool) -> list[str]:
    out = []
    ly = TIMELINE_H - 14
    dots_x = _LEFT
    if has_steps:
        out.append(
            f'<line class="s" x1="{_LEFT}" x2="{_LEFT + 24}" y1="{ly - 4}" y2="{ly - 4}"/>'
            f'<text x="{_LEFT + 30}" y="{ly}">parties (from consent dates)</text>'
        )
        dots_x = _LEFT + 262
    dots = "snapshots (counted parties)" if has_steps else "snapshots (parties: the UN's declared totals)"
    out.append(
        f'<circle class="d" cx="{dots_x + 5}" cy="{ly - 4}" r="5"/>'
        f'<text x="{dots_x + 15}" y="{ly}">{escape(dots)}</text>'
    )
    return out


def map_groups(participants: pd.DataFrame) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """Map keys grouped by status, and the (name, status) of participants the map cannot draw."""
    groups: dict[str, list[str]] = {STATUS_PARTY: [], STATUS_SIGNATORY: [], STATUS_WITHDRAWN: []}
    undrawn: list[tuple[str, str]] = []
    for row in frame_records(participants):
        status = participant_status(row)
        if status == STATUS_NONE:
            continue
        code = map_code(row.get("iso3"))
        if code is None:
            undrawn.append((str(row.get("name")), status))
        else:
            groups[status].append(code)
    return groups, undrawn


def map_data(participants: pd.DataFrame) -> dict[str, list[str]]:
    """The map of one treaty as data: {map key: [status class, participant's name]}.

    The page carries only this; the world's outlines are drawn by static/site.js from static/world.js,
    written once for the whole site (the outline was 100 kB in every treaty's own SVG before).
    """
    out: dict[str, list[str]] = {}
    for row in frame_records(participants):
        status = participant_status(row)
        if status == STATUS_NONE:
            continue
        code = map_code(row.get("iso3"))
        if code is not None:
            out[code] = [_CSS_CLASS[status], str(row.get("name"))]
    return dict(sorted(out.items()))


def world_js() -> bytes:
    """static/world.js: the simplified outlines and names of the map's countries, once for every page."""
    width, height = WORLD_VIEWBOX
    payload = {
        "width": width,
        "height": height,
        "shapes": world_shapes(),
        "dots": {code: list(xy) for code, xy in map_dots().items()},
        "dot_radius": DOT_RADIUS,
        "names": {code: _map_name(code) for code in sorted({*world_shapes(), *map_dots()})},
    }
    text = json.dumps(payload, separators=(",", ":"), sort_keys=True, ensure_ascii=True)
    return (
        "// World outlines for the report's maps (pygal_maps_world's geometry, simplified); generated.\n"
        f"window.TREATIES_WORLD = {text};\n"
    ).encode()


def _map_name(code: str) -> str:
    if code in MAP_COUNTRIES:
        return str(MAP_COUNTRIES[code])
    country = pycountry.countries.get(alpha_2=code.upper())
    return str(country.name) if country else code


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
