"""A one-sheet XLSX workbook of text cells, written directly as its few XML parts.

The matrix of the whole collection is ~200 x 560 cells; pandas.to_excel through openpyxl took 2.4 s of
an incremental report's budget for it. A sheet of inline strings needs none of a spreadsheet library's
machinery (styles, shared strings, types): the parts below are the minimum SpreadsheetML that Excel,
LibreOffice and openpyxl open. Entries carry a fixed time, so the same cells give the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_TIME = (2000, 1, 1, 0, 0, 0)
# Characters XML 1.0 cannot carry at all (a stray control character in a name must not break the file).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _parts(sheet_name: str) -> dict[str, str]:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return {
        "[Content_Types].xml": head
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": head + f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": head + f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets><sheet name='
        f'"{escape(sheet_name, {chr(34): "&quot;"})}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": head + f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: a spreadsheet's column name."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _row(number: int, values: Sequence[str], columns: Sequence[str]) -> str:
    cells = []
    for col, value in zip(columns, values, strict=False):
        if value:  # an empty cell is left out, as spreadsheets write it
            text = escape(_NOT_XML.sub("", value))
            space = ' xml:space="preserve"' if text != text.strip() else ""
            cells.append(f'<c r="{col}{number}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def sheet_xlsx(header: Sequence[str], rows: Iterable[Sequence[str]], *, sheet_name: str = "Sheet1") -> bytes:
    """An XLSX file of one sheet: `header` in row 1, then `rows`, every cell text."""
    columns = [column_letters(i) for i in range(len(header))]
    lines = [_row(1, header, columns)]
    lines += [_row(n, r, columns) for n, r in enumerate(rows, start=2)]
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(lines)}</sheetData></worksheet>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in {**_parts(sheet_name), "xl/worksheets/sheet1.xml": sheet}.items():
            info = zipfile.ZipInfo(name, date_time=_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return out.getvalue()
