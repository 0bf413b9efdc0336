"""The country x treaty matrix: the frame, its CSV and XLSX files, and the rows of its page."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pandas as pd

from pipeline import catalog, mtdsg
from pipeline.report.data import SiteData, frame_records
from pipeline.report.pages import country_key
from pipeline.report.words import as_text

MATRIX_CSV = "matrix.csv"
MATRIX_XLSX = "matrix.xlsx"
MATRIX_UNKNOWN = "unknown"  # a matrix cell of a treaty whose latest snapshot lists no participants


def matrix_frame(data: SiteData) -> pd.DataFrame:
    """The store's participant x treaty matrix, treaty columns in UN order, rows by name.

    A treaty whose latest snapshot lists no participants has "unknown" in every cell: the store leaves
    them blank, which would read as "no action"."""
    m = data.matrix.copy()
    id_cols = [c for c in ("iso3", "name") if c in m.columns]
    treaty_cols = sorted((c for c in m.columns if c not in id_cols), key=lambda c: mtdsg.sort_key(str(c)))
    m = m[id_cols + treaty_cols]
    for c in treaty_cols:
        td = data.per_treaty.get(str(c))
        if td is not None and not td.participants_listed:
            m[c] = MATRIX_UNKNOWN
        else:
            m[c] = m[c].fillna("").astype(str)
    if "name" in m.columns:
        m = m.sort_values("name", key=lambda s: s.astype(str).str.casefold(), kind="stable")
    return m.reset_index(drop=True)


# A fixed time for the workbook's entries and properties: the same matrix gives the same bytes, so an
# unchanged store rewrites no file.
_XLSX_TIME = (2000, 1, 1, 0, 0, 0)
_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def matrix_xlsx(matrix: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    matrix.to_excel(buf, index=False, sheet_name="matrix", engine="openpyxl")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = _CORE_TIMES.sub(rb"\g<1>2000-01-01T00:00:00Z\g<3>", data)
            info = zipfile.ZipInfo(item.filename, date_time=_XLSX_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    return out.getvalue()


def matrix_csv(matrix: pd.DataFrame) -> bytes:
    return matrix.to_csv(index=False).encode("utf-8")


def matrix_columns(data: SiteData, treaty_cols: list[str]) -> list[dict[str, Any]]:
    cols = []
    for c in treaty_cols:
        td = data.per_treaty.get(str(c))
        cols.append(
            {
                "no": str(c),
                "short": catalog.short_name(str(c)) or "",
                "title": as_text(td.info.get("title")) if td else "",
                "listed": td.participants_listed if td else True,
            }
        )
    return cols


def _cell_class(cell: str) -> str:
    word = cell.split(" ")[0] if cell else ""
    return {"party": "p", "signed": "s", "withdrawn": "w", MATRIX_UNKNOWN: "u"}.get(word, "n")


def matrix_rows(matrix: pd.DataFrame, treaty_cols: list[str]) -> list[dict[str, Any]]:
    """The matrix page's rows: a participant, its page's key and a (text, CSS class) cell per treaty."""
    return [
        {
            "iso3": as_text(r.get("iso3")),
            "name": as_text(r.get("name")),
            "key": country_key(r.get("iso3"), r.get("name")),
            "cells": [(as_text(r.get(c)), _cell_class(as_text(r.get(c)))) for c in treaty_cols],
        }
        for r in frame_records(matrix)
    ]
