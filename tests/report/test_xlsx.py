"""The matrix workbook, written directly: what spreadsheet readers get back from it."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from pipeline.report.xlsx import column_letters, sheet_xlsx


def test_column_letters() -> None:
    assert [column_letters(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def test_cells_read_back_as_written() -> None:
    header = ["iso3", "name", *(f"XXIX-{1000 + i}" for i in range(30))]  # past column Z
    rows = [
        ["FRA", "France & <Co>", *(["party 2002"] * 30)],
        ["CIV", "Côte d'Ivoire", *([""] * 29), "signed 2000"],
        ["XXX", "  spaced name ", *([""] * 30)],
    ]
    data = sheet_xlsx(header, rows, sheet_name="matrix")
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws.title == "matrix"
    got = [[c if c is not None else "" for c in r] for r in ws.iter_rows(values_only=True)]
    assert got == [header, *rows]
    frame = pd.read_excel(io.BytesIO(data), dtype=str, keep_default_na=False)
    assert list(frame.columns) == header and frame.iloc[1, -1] == "signed 2000"


def test_characters_xml_cannot_carry_are_dropped_not_fatal() -> None:
    data = sheet_xlsx(["name"], [["Fi\x01ji\x1f"]])
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [r for r in ws.iter_rows(values_only=True)] == [("name",), ("Fiji",)]


def test_same_cells_same_bytes() -> None:
    assert sheet_xlsx(["a"], [["1"]]) == sheet_xlsx(["a"], [["1"]])
    assert sheet_xlsx(["a"], [["1"]]) != sheet_xlsx(["a"], [["2"]])
