"""Text from a page as data, never as control: C0/C1 controls and bidi overrides removed, sizes bounded.

A treaty page is someone else's text. An ESC in a title would reach terminals (`status`, `diff`), an lxml
feed (which refuses it) and the site; a right-to-left override would turn a name around in every view;
a title of a megabyte would be copied into every page of the site. So every string a parser returns goes
through here once, at parse time, and no later stage has to ask.

Kept: TAB and LF where text has lines (end notes, declarations), and every printable character of any
script, including the bidi marks (U+200E, U+200F) that Arabic and Hebrew names legitimately carry.
Removed: the other C0 controls, DEL, the C1 controls, and the embeddings, overrides and isolates
(U+202A-U+202E, U+2066-U+2069) that reorder what follows them. A carriage return becomes a line feed.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from pipeline.parse.model import ParseError, TreatyStatus

T = TypeVar("T")

# Fields that hold one line (a name, a title, a code); every other string may hold lines.
_ONE_LINE = frozenset(
    {
        "mtdsg_no",
        "title",
        "chapter",
        "chapter_title",
        "name",
        "participant",
        "label",
        "role",
        "type",
        "code",
        "kind",
        "number",
        "source_kind",
    }
)

# Upper bounds, in characters. The longest title among the saved pages is a few hundred characters and
# the longest declaration text some tens of thousands; a page over these is not a status page we can read.
MAX_LINE = 4 * 1024
MAX_TEXT = 512 * 1024

_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What clean_text changes in a text field: the controls above and a carriage return (made a line feed).
_TEXT_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str, *, one_line: bool = False) -> str:
    """`text` without control characters or bidi overrides (in a one-line field, TAB and line breaks
    become spaces)."""
    if one_line:
        return _LINE_CONTROLS.sub(lambda m: " " if m.group() in "\t\n\r" else "", text)
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_parsed(value: T, *, page: str) -> T:
    """A parser's result (frozen dataclasses, tuples, strings) with every string cleaned; ParseError
    naming the page and the field when a string is over its bound."""
    if isinstance(value, TreatyStatus) and _already_clean(value):
        return value  # nearly every page: one scan in C instead of a walk through every field
    cleaned: T = _clean(value, page, "", False)
    return cleaned


def _already_clean(status: TreatyStatus) -> bool:
    """True when no string of a parsed page holds a character to remove or is over its bound: the strings
    of one-line fields and of text fields are each joined and searched once (what _clean would change)."""
    lines: list[str] = [
        s
        for s in (status.mtdsg_no, status.title, status.source_kind, status.chapter, status.chapter_title)
        if s is not None
    ]
    texts: list[str] = [
        s
        for s in (status.conclusion, status.entry_into_force, status.registration, status.declared_text)
        if s is not None
    ]
    lines += [c.label for c in status.columns] + [c.role for c in status.columns]
    lines += [str(x) for c in status.columns for pair in c.legend for x in pair]
    # An action's type is its column's legend entry (checked above) and its code matched [A-Za-z]{1,2} in
    # the date cell (pipeline.parse.table): neither can hold what _clean removes, and a page's thousands of
    # actions are not looked through again.
    lines += [p.name for p in status.participants]
    lines += [f for p in status.participants for f in p.footnotes]
    for n in status.end_notes:
        lines.append(n.number)
        texts.append(n.text)
    for d in status.declarations:
        lines += (d.participant, d.kind)
        texts.append(d.text)
    for r in status.reconciliation:
        texts.append(r)
    if max(map(len, lines), default=0) > MAX_LINE or max(map(len, texts), default=0) > MAX_TEXT:
        return False
    return _none_of(_LINE_CONTROLS, " ".join(lines)) and _none_of(_TEXT_CONTROLS, " ".join(texts))


def _none_of(controls: re.Pattern[str], text: str) -> bool:
    # Every character the patterns look for is a control or a format character, which str.isprintable()
    # refuses: a printable text (nearly every page: its texts are folded) needs no search. The scan in C is
    # twice as fast as the regex over the ~80 kB of a page's notes and declarations.
    return text.isprintable() or controls.search(text) is None


def _clean(value: Any, page: str, field: str, one_line: bool) -> Any:
    if isinstance(value, str):
        limit = MAX_LINE if one_line else MAX_TEXT
        if len(value) > limit:
            raise ParseError(
                f"{page}: the {field or 'text'} is {len(value)} characters long, over the {limit} a status "
                "page's field may have: not read"
            )
        return clean_text(value, one_line=one_line)
    if isinstance(value, tuple):
        return tuple(_clean(v, page, field, one_line) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if f.name == "source":  # provenance (a path or URL we chose), not page text
                continue
            old = getattr(value, f.name)
            new = _clean(old, page, f.name, f.name in _ONE_LINE)
            if new is not old and new != old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value
