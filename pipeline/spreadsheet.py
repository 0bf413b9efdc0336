"""CSV that a spreadsheet opens as data: a cell that would start a formula is neutralised (OWASP's rule).

Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` as a formula, and
TAB or CR at the start can smuggle one past a quick check. A treaty title or a place of conclusion is the
UN's text, and ours to pass on, not to execute: such a cell is written with a leading apostrophe, which
spreadsheets show as text and do not display. A real number (`-5`, `+3.25`, `1e3`) is left alone, and so
are numeric, date and boolean columns. Every CSV the tool writes goes through `csv_safe` (or
`csv_safe_cell` for a row at a time).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def csv_safe_cell(value: Any) -> Any:
    """`value`, with a leading apostrophe if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value.strip()):
        return "'" + value
    return value


def csv_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` whose text cells and column names cannot start a formula (others untouched)."""
    import pandas as pd  # lazy: the command line's CSV writes rows and never loads pandas

    out = df.copy()
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.CategoricalDtype):
            cats = list(s.cat.categories)
            safe = [csv_safe_cell(c) for c in cats]
            if safe != cats:
                out[col] = s.cat.rename_categories(safe)
        elif s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
            out[col] = s.map(csv_safe_cell, na_action="ignore")
    out.columns = [csv_safe_cell(c) if isinstance(c, str) else c for c in out.columns]
    return out
