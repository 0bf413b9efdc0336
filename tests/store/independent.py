"""An independent reading of a saved 2026 status page, for checking as-of: its own small lxml reading,
sharing no code with pipeline.parse or pipeline.store (a second pair of eyes, not a second copy).

Rules, written from the pages themselves: a date in a "Signature..." column is a signature, in any other
column but "Provisional application..." a consent; a bracketed date ended on the withdrawal date its
linked end notes give (a date after "effect"; else the notification date, plus the treaty's delay where
the page quotes "... months after the date of receipt"); an "initially acceded/ratified ... on" date in a
linked note starts an earlier participation that ends at the note's first effect date after it; an
effect date after the page's status date on an unbracketed row is a scheduled withdrawal. A bracketed
date no note dates is "undated": the count is unknown from its action date on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import lxml.html

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_CELL_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})")
_NOTE_DATE = r"(\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})"
_EFFECT = re.compile(r"(?:effect|effective)\b[^.;]{0,80}?" + _NOTE_DATE)
_INITIAL = re.compile(r"initially (?:acceded|ratified)[^.;]*?\bon " + _NOTE_DATE)
_NOTIFIED = re.compile(r"\bOn " + _NOTE_DATE + r"[^.]*(?:denounc|denunciation|withdr)")
_DELAY = re.compile(r"(three|six|twelve) months after the date of receipt")
_STATUS = re.compile(r"STATUS AS AT\s*:\s*(\d{2})-(\d{2})-(\d{4})")
_WORDS = {"three": 3, "six": 6, "twelve": 12}


def _day(text: str) -> date | None:
    m = _CELL_DATE.search(text)
    if m is None:
        return None
    month = _MONTHS.get(m.group(2)[:3].lower())
    return date(int(m.group(3)), month, int(m.group(1))) if month else None


def _months_later(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    for day in (d.day, 30, 29, 28):
        try:
            return date(d.year + y, m + 1, day)
        except ValueError:
            continue
    raise ValueError(d)


@dataclass
class Entry:
    start: date
    end: date | None = None  # exclusive; None: in force
    undated: bool = False  # bracketed, and no note dates the end


@dataclass
class Participant:
    name: str
    roles: dict[str, list[Entry]] = field(default_factory=dict)


@dataclass
class Page:
    mtdsg_no: str
    status_date: date
    has_signature: bool
    participants: list[Participant]

    def action_dates(self) -> set[date]:
        out = set()
        for p in self.participants:
            for entries in p.roles.values():
                for e in entries:
                    out.add(e.start)
                    if e.end is not None:
                        out.add(e.end)
        return out

    def count(self, role: str, on: date) -> int | None:
        """The count on a date; None when an undated withdrawal makes it unknowable."""
        n = 0
        for p in self.participants:
            entries = p.roles.get(role, [])
            if any(e.undated and e.start <= on for e in entries):
                return None
            n += any(e.start <= on and (e.end is None or on < e.end) for e in entries)
        return n


def read_page(path: Path) -> Page:
    doc = lxml.html.fromstring(path.read_bytes())
    text = doc.text_content()
    m = _STATUS.search(text)
    assert m, path
    status_date = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    notes = {}
    for div in doc.xpath("//div[@class='divNotesAll']"):
        anchors = div.xpath("./a[@name]")
        if anchors:
            number = anchors[0].get("name")
            anchors[0].drop_tree()  # its text is the number itself: "3On 23 October 1997, ..."
            notes[number] = " ".join(div.text_content().split())
    delay = _DELAY.search(" ".join(text.split()))
    table = doc.xpath("//table[contains(@id,'tblgrid')]")[0]
    rows = table.xpath(".//tr")
    header = [" ".join(c.text_content().split()) for c in rows[0].xpath("./td|./th")]
    kinds = [
        None
        if i == 0 or h.startswith("Provisional")
        else "signature"
        if h.startswith("Signature")
        else "consent"
        for i, h in enumerate(header)
    ]
    out = []
    for tr in rows[1:]:
        cells = tr.xpath("./td")
        if len(cells) != len(header):
            continue
        markers = [s.strip() for s in cells[0].xpath(".//sup//a/text()")]
        for sup in cells[0].xpath(".//sup"):
            sup.drop_tree()
        p = Participant(" ".join(cells[0].text_content().split()))
        linked = " ".join(notes.get(k, "") for k in markers)
        for kind, cell in zip(kinds, cells, strict=True):
            raw = " ".join(cell.text_content().replace("\xa0", " ").split())
            start = _day(raw) if kind else None
            if start is None:
                continue
            entry = Entry(start)
            effects = sorted(d for d in (_day(x) for x in _EFFECT.findall(linked)) if d and d > start)
            if "[" in raw:
                if effects:
                    entry.end = effects[-1]
                else:
                    notified = [d for d in (_day(x) for x in _NOTIFIED.findall(linked)) if d and d >= start]
                    if notified:
                        entry.end = notified[-1]
                        if delay:
                            entry.end = _months_later(entry.end, _WORDS[delay.group(1)])
                    else:
                        entry.undated = True
            elif effects and effects[-1] > status_date:
                entry.end = effects[-1]  # scheduled after the page's date
            p.roles.setdefault(kind, []).append(entry)
            if kind == "consent":
                initial = _INITIAL.search(linked)
                if initial and (first := _day(initial.group(1))) and first < start:
                    ends = sorted(d for d in (_day(x) for x in _EFFECT.findall(linked)) if d and d > first)
                    if ends:
                        p.roles[kind].append(Entry(first, ends[0]))
        out.append(p)
    return Page(path.stem, status_date, "signature" in kinds, out)


def dense_dates(page: Page, first: date = date(1995, 1, 1), last: date = date(2026, 12, 31)) -> list[date]:
    """Every month end from `first` to `last`, and every action date of the page plus or minus a day."""
    days = set()
    d = first
    while d <= last:
        nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        days.add(nxt - timedelta(days=1))
        d = nxt
    for a in page.action_dates():
        days.update({a - timedelta(days=1), a, a + timedelta(days=1)})
    return sorted(x for x in days if first <= x <= last)
