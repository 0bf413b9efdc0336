"""Print a table that fits: fitted to a terminal without cutting a value, plain and whole when redirected.

`render_table(rows, columns=..., title=..., priorities=...)` decides by where the output goes:

- a terminal (`rich.console.Console(file=stream).is_terminal`): a rich table exactly as wide as the
  window (`width`, else the console's width: `COLUMNS`, else the terminal size). A column whose values
  are dates, numbers, booleans or single tokens (treaty numbers such as `III-2-1`, ISO codes) is
  "no wrap": it always gets the width of its widest value, so a value is never cut, wrapped or
  ellipsised. Text columns (names, titles) share what is left and wrap between words. If even that
  does not fit, columns are dropped, lowest `priorities` first (a column with no priority is never
  dropped), and a footer line names them. If the essential columns alone are wider than the window,
  the plain layout below is printed instead: long lines, but every value whole.
- anything else (a pipe, a file: `treaties status OPSC > file.txt`): plain text, a title line, a
  header of the column names, and one line per row with columns aligned by spaces; no box characters,
  no wrapping, no ellipsis, every column.

Cells are written by `format_value`: a date as `2018-01-15`; a timestamp at midnight as its date, any
other as `2026-02-03 10:16`; missing values (None, NaN, NaT) as nothing; True/False as yes/no; a whole
float as an integer; a list as `a, b`; runs of whitespace (the newlines of a declaration) as one space.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, TextIO

from rich.cells import cell_len

from pipeline.frame_values import is_missing

# A text column never gets narrower than this (unless all its text is narrower), and a word longer than
# the cap may be folded over two lines in a narrow window: long words in text are rare (URLs).
_TEXT_MIN = 10
_TEXT_WORD_CAP = 16
# rich's SIMPLE_HEAD box without edges and with pad_edge=False puts 3 characters between columns
# (padding, separator, padding) and none outside them.
_GAP = 3
_PLAIN_GAP = "  "

_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?")


def format_value(value: Any) -> str:
    """One cell as text: ISO dates, midnight timestamps as dates, other times to the minute, '' if missing."""
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(format_value(v) for v in value if not is_missing(v))
    if is_missing(value):
        return ""
    value = _native(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):  # pandas' Timestamp is a datetime
        if value.time() == time(0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, str):
        text = value.strip()
        if _ISO_DATETIME.fullmatch(text):
            try:
                return format_value(datetime.fromisoformat(text.replace("Z", "+00:00")))
            except ValueError:
                pass
        return " ".join(text.split())
    return " ".join(str(value).split())


def _native(value: Any) -> Any:
    """numpy scalars (as frames hold them) as plain Python values."""
    dtype = getattr(value, "dtype", None)
    if dtype is None or isinstance(value, datetime):
        return value
    if dtype.kind == "M":  # numpy datetime64: .item() would give nanoseconds as an int
        import pandas as pd  # lazy: pandas only for a numpy datetime64 cell

        return pd.Timestamp(value).to_pydatetime()
    item = getattr(value, "item", None)
    return item() if callable(item) else value


def _is_number(value: Any) -> bool:
    value = _native(value)
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _is_whole_value(value: Any) -> bool:
    """Values that must never be wrapped or cut: dates, times, numbers, booleans, single tokens."""
    value = _native(value)
    if isinstance(value, date | int | float | Decimal):  # datetime and bool included
        return True
    text = format_value(value)
    return not any(c.isspace() for c in text)


@dataclass
class _Column:
    key: str
    label: str
    cells: list[str]
    no_wrap: bool
    numeric: bool
    priority: int | None

    @property
    def value_width(self) -> int:
        return max((cell_len(c) for c in self.cells), default=0)

    @property
    def natural(self) -> int:
        return max(cell_len(self.label), self.value_width)

    @property
    def minimum(self) -> int:
        """Narrowest width that keeps every value whole (the header may wrap between words)."""
        header_word = max((cell_len(w) for w in self.label.split()), default=0)
        if self.no_wrap:
            return max(self.value_width, header_word, 1)
        words = [cell_len(w) for c in self.cells for w in c.split()]
        longest = min(max([header_word, *words], default=1), _TEXT_WORD_CAP)
        return min(self.natural, max(longest, _TEXT_MIN))


def _read_rows(
    data: Any, columns: Sequence[str] | Mapping[str, str] | None
) -> tuple[list[str], dict[str, str], list[Mapping[str, Any]]]:
    """(column keys, key -> header label, rows as mappings) from a DataFrame, mappings or sequences."""
    labels = dict(columns) if isinstance(columns, Mapping) else {}
    keys = list(columns) if columns is not None else None
    if hasattr(data, "to_dict") and hasattr(data, "columns"):  # a pandas DataFrame
        frame_keys = [str(c) for c in data.columns]
        rows: list[Mapping[str, Any]] = data.to_dict("records")
        rows = [{str(k): v for k, v in r.items()} for r in rows]
        keys = keys if keys is not None else frame_keys
        available: set[str] = set(frame_keys)
    else:
        items = list(data)
        if items and not isinstance(items[0], Mapping):
            if keys is None:
                raise ValueError("render_table: rows given as sequences need `columns`")
            rows = [dict(zip(keys, r, strict=True)) for r in items]
        else:
            rows = items
        seen: dict[str, None] = {}
        for r in rows:
            seen.update(dict.fromkeys(str(k) for k in r))
        keys = keys if keys is not None else list(seen)
        available = set(seen)
    unknown = [k for k in keys if rows and k not in available]
    if unknown:
        raise ValueError(f"render_table: no column {', '.join(map(repr, unknown))} in the data")
    return keys, labels, rows


def _build_columns(
    keys: list[str],
    labels: Mapping[str, str],
    rows: list[Mapping[str, Any]],
    priorities: Mapping[str, int],
    no_wrap: Iterable[str],
    *,
    spaced_headers: bool,
) -> list[_Column]:
    """The columns with their cells as text; spaced_headers: 'signature_date' is headed 'signature date'
    (so the header may wrap), unless a label was given."""
    forced = set(no_wrap)
    out = []
    for key in keys:
        raw = [r.get(key) for r in rows]
        present = [v for v in raw if not (is_missing(v) or v == "")]
        out.append(
            _Column(
                key=key,
                label=labels.get(key, key.replace("_", " ") if spaced_headers else key),
                cells=[format_value(v) for v in raw],
                no_wrap=key in forced or all(_is_whole_value(v) for v in present),
                numeric=bool(present) and all(_is_number(v) for v in present),
                priority=priorities.get(key),
            )
        )
    return out


def _overhead(n: int) -> int:
    return _GAP * (n - 1) if n else 0


def fit_columns(columns: list[_Column], width: int) -> tuple[list[_Column], list[_Column]] | None:
    """(kept, dropped) so that the kept columns' minimum widths fit; None if the essential ones cannot."""

    def fits(cols: list[_Column]) -> bool:
        return sum(c.minimum for c in cols) + _overhead(len(cols)) <= width

    kept = list(columns)
    dropped: list[_Column] = []
    while not fits(kept):
        droppable = [c for c in kept if c.priority is not None]
        if not droppable:
            return None
        # Lowest priority first; between equals, the rightmost (columns are listed by importance).
        victim = min(reversed(droppable), key=lambda c: c.priority if c.priority is not None else 0)
        kept.remove(victim)
        dropped.append(victim)
    # A wide column dropped early may have made room for a narrower one dropped after it: take back
    # what fits, highest priority first.
    for c in sorted(dropped, key=lambda c: -(c.priority or 0)):
        trial = [k for k in columns if k in kept or k is c]
        if fits(trial):
            kept = trial
            dropped.remove(c)
    return kept, [c for c in columns if c in dropped]


def allocate_widths(columns: list[_Column], width: int) -> list[int]:
    """Widths of fitting columns: their minimums; then whole headers of no-wrap columns, the cheapest
    first (partly widening a header that wraps anyway gains nothing); then text columns, narrowest first."""
    widths = [c.minimum for c in columns]
    spare = width - sum(widths) - _overhead(len(columns))
    headers = sorted((c.natural - widths[i], i) for i, c in enumerate(columns) if c.no_wrap)
    for deficit, i in headers:
        if 0 < deficit <= spare:
            widths[i] += deficit
            spare -= deficit
    text = [i for i, c in enumerate(columns) if not c.no_wrap]
    while spare > 0:
        short = [i for i in text if widths[i] < columns[i].natural]
        if not short:
            break
        i = min(short, key=lambda j: widths[j])
        widths[i] += 1
        spare -= 1
    return widths


def render_table(
    data: Any,
    *,
    columns: Sequence[str] | Mapping[str, str] | None = None,
    title: str | None = None,
    stream: TextIO | None = None,
    width: int | None = None,
    priorities: Mapping[str, int] | None = None,
    no_wrap: Iterable[str] = (),
) -> None:
    """Print `data` (a DataFrame, or rows as mappings, or sequences with `columns`) as a table that fits.

    columns: the keys to show, in order; a mapping gives header labels ({"signature_date": "signed"}).
    priorities: column -> rank; when a terminal is too narrow the lowest rank is dropped first; columns
        without a rank are never dropped.
    no_wrap: columns to keep on one line even if they hold text with spaces (they are found by value
        otherwise: dates, numbers, booleans, single tokens).
    stream: where to write (default sys.stdout); width: the terminal width to fit (default: detected).
    """
    keys, labels, rows = _read_rows(data, columns)
    out = stream if stream is not None else sys.stdout
    plain = _build_columns(keys, labels, rows, priorities or {}, no_wrap, spaced_headers=False)
    if surely_redirected(out):  # the common case of a pipe or a file: no need to load rich's console
        _print_plain(plain, title, out)
        return
    from rich.console import Console  # lazy: rich's console only when the output may be a terminal

    console = Console(file=out, width=width)
    if not console.is_terminal:
        _print_plain(plain, title, out)
        return
    cols = _build_columns(keys, labels, rows, priorities or {}, no_wrap, spaced_headers=True)
    fitted = fit_columns(cols, console.width)
    if fitted is None:
        _print_plain(plain, title, out)
        return
    kept, dropped = fitted
    _print_rich(console, kept, allocate_widths(kept, console.width), title, len(rows))
    if dropped:
        note = f"not shown at width {console.width}: {', '.join(c.label for c in dropped)}"
        hint = " (a wider window or `> file` shows them)"
        if cell_len(note + hint) <= console.width:
            note += hint
        console.print(note, markup=False, highlight=False, soft_wrap=True)


# rich's switches that make a stream count as a terminal (or not) whatever it is: with one of them set,
# rich's console decides.
_TERMINAL_SWITCHES = ("TTY_COMPATIBLE", "FORCE_COLOR", "TTY_INTERACTIVE")


def surely_redirected(out: TextIO) -> bool:
    """True when rich's console would not take `out` for a terminal: no switch set and not a tty."""
    if any(name in os.environ for name in _TERMINAL_SWITCHES):
        return False
    isatty = getattr(out, "isatty", None)
    try:
        return isatty is not None and not isatty()
    except ValueError:  # a closed stream
        return True


def _print_rich(console: Any, cols: list[_Column], widths: list[int], title: str | None, n_rows: int) -> None:
    from rich import box  # lazy: as above
    from rich.table import Table  # lazy: as above
    from rich.text import Text  # lazy: as above

    table = Table(
        title=Text(title, overflow="fold") if title else None,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
    for c, w in zip(cols, widths, strict=True):
        table.add_column(
            # The header may wrap between its words even in a no-wrap column.
            Text(c.label, no_wrap=False, overflow="fold"),
            width=w,
            no_wrap=c.no_wrap,
            overflow="fold",
            justify="right" if c.numeric else "left",
        )
    for i in range(n_rows):
        # Text, not str: rich would read "[26 Feb 1999 ]" or "[a]" as markup.
        table.add_row(*(Text(c.cells[i]) for c in cols))
    console.print(table)


# Piped, a column is padded to at most this width: one long cell (a 150-character treaty title) runs past
# its column on its own line instead of padding every line of the table to that width.
_PLAIN_PAD_CAP = 40


def _print_plain(cols: list[_Column], title: str | None, out: TextIO) -> None:
    widths = [min(c.natural, max(_PLAIN_PAD_CAP, cell_len(c.label))) for c in cols]
    lines = [title] if title else []
    header = [c.label.rjust(w) if c.numeric else c.label.ljust(w) for c, w in zip(cols, widths, strict=True)]
    lines.append(_PLAIN_GAP.join(header).rstrip())
    n_rows = len(cols[0].cells) if cols else 0
    for i in range(n_rows):
        cells = []
        for c, w in zip(cols, widths, strict=True):
            cell = c.cells[i]
            pad = " " * (w - cell_len(cell))
            cells.append(pad + cell if c.numeric else cell + pad)
        lines.append(_PLAIN_GAP.join(cells).rstrip())
    out.write("\n".join(lines) + "\n")
