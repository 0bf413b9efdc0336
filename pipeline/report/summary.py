"""What the site-wide pages need from one treaty: a row per participant, kept between builds.

The country pages and the matrix show every treaty. Rebuilding them from the store would read every
treaty again; instead each treaty's rows are made when its own page is rendered and recorded in the
site's manifest with the fingerprint of the treaty's inputs, and a later build whose treaty is unchanged
takes them from there. A row is plain JSON: the participant's page key, code, name on this treaty's page,
status, matrix cell and the ready-made HTML of its line on the country page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from markupsafe import Markup

from pipeline import mtdsg
from pipeline.report.data import (
    STATUS_NONE,
    STATUS_PARTY,
    STATUS_SIGNATORY,
    STATUS_WITHDRAWN,
    TreatyData,
    frame_records,
)
from pipeline.report.pages import participant_rows
from pipeline.report.words import as_text
from pipeline.store.events import Event, event_from_dict
from pipeline.store.queries import matrix_cell


class SummaryRow(NamedTuple):
    key: str  # the participant's page (country/KEY.html)
    iso3: str
    name: str  # as this treaty's page prints it
    status: str  # party / signatory / withdrawn / no action
    cell: str  # its matrix cell: "party 2002", "signed 2000", "withdrawn" or ""
    html: str  # its own cells of its line in the country page's table (TreatySummary.line)


# A treaty's rows are kept in the manifest as one string, fields and rows split by the ASCII unit and
# record separators: with the whole collection that is ~45,000 rows, read and written on every build, and
# one string per treaty decodes several times faster than a JSON list per row.
_FIELD, _ROW = "\x1f", "\x1e"


def _pack(rows: tuple[SummaryRow, ...]) -> str:
    clean = str.maketrans({_FIELD: " ", _ROW: " "})
    return _ROW.join(_FIELD.join(f.translate(clean) for f in r) for r in rows)


def _unpack(text: str) -> tuple[SummaryRow, ...]:
    if not text:
        return ()
    rows = tuple(SummaryRow._make(r.split(_FIELD)) for r in text.split(_ROW))
    if any(len(r) != len(SummaryRow._fields) for r in rows):
        raise ValueError("not a packed summary")
    return rows


@dataclass(frozen=True)
class TreatySummary:
    """One treaty as the site-wide pages see it (rows only when its latest snapshot lists participants)."""

    mtdsg_no: str
    short_name: str
    title: str
    listed: bool
    link: str  # the HTML of a link to its page from a country page
    head: str  # the HTML of a country page's line of this treaty before the participant's cells...
    tail: str  # ...and after them
    rows: tuple[SummaryRow, ...]
    events: tuple[Event, ...] = ()  # its change events, for the feeds (when the site has feeds)

    def line(self, row: SummaryRow) -> str:
        """The participant's line of this treaty on its country page."""
        return self.head + row.html + self.tail

    def to_json(self) -> dict[str, Any]:
        return {
            "mtdsg_no": self.mtdsg_no,
            "short_name": self.short_name,
            "title": self.title,
            "listed": self.listed,
            "link": self.link,
            "head": self.head,
            "tail": self.tail,
            "rows": _pack(self.rows),
            "events": [e.to_dict() for e in self.events],
        }

    @classmethod
    def from_json(cls, data: Any) -> TreatySummary | None:
        """The summary a manifest recorded, or None if it is not one (an older or edited manifest)."""
        try:
            return cls(
                str(data["mtdsg_no"]),
                str(data["short_name"]),
                str(data["title"]),
                bool(data["listed"]),
                str(data["link"]),
                str(data["head"]),
                str(data["tail"]),
                _unpack(str(data["rows"])),
                tuple(event_from_dict(e) for e in data["events"]),
            )
        except (KeyError, TypeError, ValueError):
            return None


# Template macros (pipeline/report/templates/_macros.html.j2), each given its context.
Macro = Callable[..., Markup]


@dataclass(frozen=True)
class LineMacros:
    head: Macro  # country_line_head(treaty)
    cells: Macro  # country_line_cells(participant)
    tail: Macro  # country_line_tail(treaty)
    link: Macro  # treaty_link(mtdsg_no, short_name)


def treaty_summary(td: TreatyData, macros: LineMacros, events: Sequence[Event] = ()) -> TreatySummary:
    info = td.info
    short = as_text(info.get("short_name"))
    title = as_text(info.get("title"))
    treaty = {
        "mtdsg_no": td.mtdsg_no,
        "sort": mtdsg.sort_text(td.mtdsg_no),
        "short_name": short,
        "title": title,
        "as_at": info.get("as_at"),
    }
    rows: list[SummaryRow] = []
    if td.participants_listed:
        raw = frame_records(td.participants)
        for p, r in zip(participant_rows(td), raw, strict=True):
            cells = str(macros.cells(p))
            rows.append(SummaryRow(p["key"], p["iso3"], p["name"], p["status"], matrix_cell(r), cells))
    return TreatySummary(
        td.mtdsg_no,
        short,
        title,
        td.participants_listed,
        str(macros.link(td.mtdsg_no, short)),
        str(macros.head(treaty)),
        str(macros.tail(treaty)),
        tuple(rows),
        tuple(events),
    )


def country_contexts(summaries: Sequence[TreatySummary]) -> dict[str, dict[str, Any]]:
    """One entry per participant seen in any treaty (by name), with its line of every treaty it acted on
    and the links of those it did not, in the order of `summaries` (the natural order of treaties)."""
    listed = [s for s in summaries if s.listed]
    seen: dict[str, dict[str, Any]] = {}
    for i, s in enumerate(listed):
        for r in s.rows:
            c = seen.get(r.key)
            if c is None:
                c = seen[r.key] = {"key": r.key, "iso3": r.iso3, "name": r.name, "acted": []}
            if r.status != STATUS_NONE:
                c["acted"].append((i, r))
    # Treaties whose latest snapshot lists nobody: the same for every participant.
    unknown = Markup(", ".join(s.link for s in summaries if not s.listed))
    links = [s.link for s in listed]
    out: dict[str, dict[str, Any]] = {}
    for key, c in sorted(seen.items(), key=lambda kv: kv[1]["name"].casefold()):
        acted = {i for i, _ in c["acted"]}  # a treaty's rows hold each participant once
        counts = {STATUS_PARTY: 0, STATUS_SIGNATORY: 0, STATUS_WITHDRAWN: 0}
        for _, r in c["acted"]:
            counts[r.status] = counts.get(r.status, 0) + 1
        out[key] = {
            "key": key,
            "iso3": c["iso3"],
            "name": c["name"],
            # The page's pieces joined here, ready-made HTML: ~45,000 lines over the whole collection.
            "lines": Markup("".join(listed[i].line(r) + "\n" for i, r in c["acted"])),  # each ends a line
            # Treaties it has not acted on go in a short list, not the table: with the whole MTDSG
            # tracked (~400 treaties) a table row each would bury the few dozen that matter.
            "no_action": Markup(", ".join(link for i, link in enumerate(links) if i not in acted)),
            "no_action_count": len(links) - len(acted),
            "unknown": unknown,
            "unknown_count": sum(not s.listed for s in summaries),
            "listed_count": len(listed),
            "tracked_count": len(summaries),
            "counts": counts,
        }
    return out
