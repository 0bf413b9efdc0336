"""The country x treaty matrix: the frame, its CSV and XLSX files, and the rows of its page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from pipeline import catalog
from pipeline.report.data import frame_records
from pipeline.report.pages import country_key
from pipeline.report.summary import TreatySummary
from pipeline.report.words import as_text
from pipeline.report.xlsx import sheet_xlsx
from pipeline.spreadsheet import csv_safe

MATRIX_CSV = "matrix.csv"
MATRIX_XLSX = "matrix.xlsx"
MATRIX_UNKNOWN = "unknown"  # a matrix cell of a treaty whose latest snapshot lists no participants


def matrix_frame(summaries: Sequence[TreatySummary], as_at: dict[str, Any]) -> pd.DataFrame:
    """The participant x treaty matrix: one row per participant code (its most recent name: the one on
    the page of the treaty with the latest status date), treaty columns in `summaries` order (the UN's),
    rows by name. A treaty whose latest snapshot lists no participants has "unknown" in every cell,
    which is not the blank of "no action"."""
    cells: dict[str, dict[str, str]] = {}
    names: dict[str, tuple[str, int, str]] = {}
    for i, s in enumerate(summaries):
        if not s.listed:
            continue
        at: Any = as_at.get(s.mtdsg_no)
        day = at.isoformat() if hasattr(at, "isoformat") else str(at or "")
        for r in s.rows:
            cells.setdefault(r.iso3, {})[s.mtdsg_no] = r.cell
            if r.iso3 not in names or (day, i) >= names[r.iso3][:2]:
                names[r.iso3] = (day, i, r.name)
    numbers = [s.mtdsg_no for s in summaries]
    rows = [
        [iso3, names[iso3][2], *(c.get(s.mtdsg_no, "") if s.listed else MATRIX_UNKNOWN for s in summaries)]
        for iso3, c in sorted(cells.items())
    ]
    rows.sort(key=lambda r: str(r[1]).casefold())
    return pd.DataFrame(rows, columns=["iso3", "name", *numbers], dtype=object)


def matrix_xlsx(matrix: pd.DataFrame) -> bytes:
    rows = ([iso3, name, *cells] for iso3, name, cells in matrix_rows(matrix))
    return sheet_xlsx([str(c) for c in matrix.columns], rows, sheet_name="matrix")


def matrix_csv(matrix: pd.DataFrame) -> bytes:
    text: str = csv_safe(matrix).to_csv(index=False)
    return text.encode("utf-8")


def matrix_columns(summaries: Sequence[TreatySummary]) -> list[dict[str, Any]]:
    return [
        {
            "no": s.mtdsg_no,
            "short": catalog.short_name(s.mtdsg_no) or "",
            "title": s.title,
            "listed": s.listed,
        }
        for s in summaries
    ]


def _cell_class(cell: str) -> str:
    word = cell.split(" ")[0] if cell else ""
    return {"party": "p", "signed": "s", "withdrawn": "w", MATRIX_UNKNOWN: "u"}.get(word, "n")


def matrix_rows(matrix: pd.DataFrame) -> list[tuple[str, str, list[str]]]:
    """The matrix's rows as (iso3, name, cells in column order): plain text, "" for a missing value."""
    treaty_cols = [c for c in matrix.columns if c not in ("iso3", "name")]
    return [
        (as_text(r["iso3"]), as_text(r["name"]), [_text(r[c]) for c in treaty_cols])
        for r in frame_records(matrix)
    ]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else as_text(value)  # the cells are text but for a hand-made frame


def matrix_row(iso3: str, name: str, cells: list[str]) -> dict[str, Any]:
    """One row of the matrix page: the participant, its page's key and a (text, CSS class) per cell."""
    return {
        "iso3": iso3,
        "name": name,
        "key": country_key(iso3, name),
        "cells": [(c, _cell_class(c)) for c in cells],
    }
