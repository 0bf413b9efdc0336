"""The HTML reader builds its tree from the page without its site furniture, and reads it the same as whole."""

from __future__ import annotations

from pathlib import Path

from pipeline.parse import parse_page
from pipeline.parse.html import _read_status, parse_html
from pipeline.parse.trim import without_furniture, without_viewstate
from tests.pagemaker import P, cell, status_page

ROWS = [
    ["Atlantis", cell("3", "May", "2001"), cell("9", "Jun", "2003")],
    ["Utopia", "&nbsp;", cell("1", "Feb", "2004", "a")],
]
FORM_END = b'id="aspnetForm">'
MENU = b'<nav><ul><li><a href="#">Depositary</a></li><li><a href="#">Treaties</a></li></ul></nav>'
WRAPPERS = b'<div class="container"><div class="row"><div class="col">'


def _furnished(page: bytes, furniture: bytes = MENU) -> bytes:
    """`page` with a menu and three open wrappers between its form tag and its content, which the real pages
    wrap in <div id="...mainTable">, and the wrappers' closings after the content."""
    head, _, rest = page.partition(FORM_END)
    content, _, tail = rest.partition(b"</form>")
    main = f'<div id="{P}mainTable">'.encode()
    return head + FORM_END + furniture + WRAPPERS + main + content + b"</div></div></div></div></form>" + tail


def test_every_saved_page_reads_the_same_trimmed_and_whole(html_dir: Path) -> None:
    pages = sorted(html_dir.glob("*.html"))
    assert len(pages) == 30
    for path in pages:
        data = path.read_bytes()
        trimmed = without_furniture(data)
        assert trimmed is not None, path.name
        whole = without_viewstate(data)
        assert len(trimmed) < len(whole) - 20_000, path.name  # the furniture is tens of kB
        menu = b'id="ctl00_ctl00_TopMenu_rptTopMenu_ctl01_linkMenu"'  # an item of the site's top menu
        assert menu in whole and menu not in trimmed
        assert b"</head>" in whole and b"</head>" not in trimmed and trimmed.startswith(b"<form")
        # Read from each body directly: the trimmed reading must succeed on its own, not by the fallback.
        assert _read_status(data, trimmed, None, None, path.name) == _read_status(
            data, whole, None, None, path.name
        ), path.name


def test_a_furnished_page_is_cut_to_its_form_tag_and_content_and_reads_as_the_bare_one() -> None:
    bare = status_page(rows=ROWS)
    page = _furnished(bare)
    trimmed = without_furniture(page)
    assert trimmed is not None
    assert b"Depositary" not in trimmed and b"mtdsg_no=IV-99" in trimmed
    assert trimmed.startswith(page[page.index(b"<form") : page.index(FORM_END) + len(FORM_END)])
    assert b"<head>" in page and b"<head>" not in trimmed
    read = parse_page(page)
    assert read == parse_page(bare)
    assert [p.name for p in read.participants] == ["Atlantis", "Utopia"]


def test_what_the_reader_needs_inside_the_furniture_is_still_read() -> None:
    # The participants table moved above the content: the trimmed reading finds no table and no status
    # block, fails, and the page is read whole.
    bare = status_page(rows=ROWS)
    start, end = bare.index(f'<div id="{P}rptStatus'.encode()), bare.index(b"</table>") + len(b"</table>")
    moved = bare[start:end]
    page = _furnished(bare[:start] + bare[end:], furniture=MENU + moved)
    trimmed = without_furniture(page)
    assert trimmed is not None and b"tblgrid" not in trimmed
    read = parse_html(page)
    assert [p.name for p in read.participants] == ["Atlantis", "Utopia"]
    assert read.declared_parties == 1


def test_a_form_tag_inside_a_script_before_the_real_one_does_not_cut_the_content_away() -> None:
    bare = status_page(rows=ROWS)
    page = _furnished(bare).replace(b"<title>", b"<script>var f = '<form action=\"x\">';</script><title>", 1)
    assert without_furniture(page) is not None  # cut after the script's "form": that reading fails
    assert parse_page(page) == parse_page(_furnished(bare))


def test_a_page_without_the_content_div_or_a_form_is_not_cut() -> None:
    bare = status_page(rows=ROWS)
    assert without_furniture(bare) is None
    assert without_furniture(_furnished(bare).replace(b"<form", b"<div")) is None


def test_declarations_or_end_notes_inside_the_furniture_keep_the_page_whole() -> None:
    # Without them a trimmed reading would succeed and say nothing: the cut is not made, and they are read.
    bare = status_page(rows=ROWS, declarations=[("Atlantis", "A declaration.")], notes=[("1", "A note.")])
    declaration = bare.index(f'<div id="{P}dgDec_ctl02_divParticipant">'.encode())
    notes = bare.index(f'<table id="{P}dgNotesAll">'.encode())
    for start, end in (
        (declaration, bare.index(b"</div>", bare.index(b"</p>", declaration)) + 6),
        (notes, bare.index(b"</table>", notes) + 8),
    ):
        page = _furnished(bare[:start] + bare[end:], furniture=MENU + bare[start:end])
        assert without_furniture(page) is None
        read = parse_page(page)
        assert [d.text for d in read.declarations] == ["A declaration."]
        assert [n.text for n in read.end_notes] == ["A note."]


def test_declarations_or_end_notes_before_the_form_keep_the_page_whole() -> None:
    bare = status_page(rows=ROWS, declarations=[("Atlantis", "A declaration.")], notes=[("1", "A note.")])
    notes = bare.index(f'<table id="{P}dgNotesAll">'.encode())
    end = bare.index(b"</table>", notes) + 8
    furnished = _furnished(bare[:notes] + bare[end:])
    form = furnished.index(b"<form")
    page = furnished[:form] + bare[notes:end] + furnished[form:]
    assert without_furniture(page) is None
    assert [n.text for n in parse_page(page).end_notes] == ["A note."]
