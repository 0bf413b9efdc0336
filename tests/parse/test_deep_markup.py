"""Deep markup fails loudly: end notes libxml2 cannot reach (nested past its limit) refuse the page."""

from __future__ import annotations

import pytest

from pipeline.parse import parse_page
from pipeline.parse.model import ParseError, SourceRef
from tests.pagemaker import cell, status_page


def _page(depth: int) -> bytes:
    deep = "<div>" * depth + "deep" + "</div>" * depth
    notes = [(str(i), f"note {i}" + (deep if i == 1 else "")) for i in range(1, 13)]
    return status_page(
        mtdsg_no="IV-91",
        rows=[["Albania", cell("1", "Jan", "2000"), cell("2", "Feb", "2001")]],
        status="Signatories :\n 1.    Parties :\n 1",
        notes=notes,
    )


def test_a_note_nested_255_deep_is_a_parse_error_not_eleven_notes_lost() -> None:
    with pytest.raises(ParseError, match="12 end notes in the page, 1 readable"):
        parse_page(_page(255), source=SourceRef("deep.html"))


def test_ordinary_nesting_reads_every_note() -> None:
    status = parse_page(_page(5), source=SourceRef("shallow.html"))
    assert [n.number for n in status.end_notes] == [str(i) for i in range(1, 13)]
