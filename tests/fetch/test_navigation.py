"""parse_navigation on the real status pages and on small hand-written ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.parse.model import ParseError
from pipeline.parse.navigation import option_to_mtdsg, parse_navigation

OLD_PREFIX = "ctl00_ContentPlaceHolder1_"  # pre-2019 pages


def nav_page(chapter_options: str, treaty_options: str, prefix: str = OLD_PREFIX) -> bytes:
    return f"""<html><body><form>
<select name="x" id="{prefix}drpChapters">{chapter_options}</select>
<select name="y" id="{prefix}drpSubChapters">{treaty_options}</select>
</form></body></html>""".encode()


CHAPTERS = (
    '<option value="1">CHAPTER I</option><option value="3" selected="selected">CHAPTER III</option>'
    '<option value="11">CHAPTER XI</option>'
)


def test_chapter_iv_lists_its_27_treaties(html_dir: Path) -> None:
    nav = parse_navigation((html_dir / "IV-11-c.html").read_bytes())
    assert nav.chapter == "IV"
    assert len(nav.chapters) == 29
    assert nav.chapters[3] == ("4", "CHAPTER IV")
    assert nav.chapter_numbers()["XXIX"] == 29
    assert len(nav.treaties) == 27
    assert nav.treaties[:3] == ("IV-1", "IV-2", "IV-2-a")
    assert "IV-11-c" in nav.treaties and nav.treaties[-1] == "IV-16"
    assert nav.selected_treaty == "IV-11-c"


def test_every_real_page_selects_itself_and_agrees_on_its_chapter(html_dir: Path) -> None:
    by_chapter: dict[str, set[tuple[str, ...]]] = {}
    for path in sorted(html_dir.glob("*.html")):
        nav = parse_navigation(path.read_bytes())
        assert nav.selected_treaty == path.stem, path.name
        assert path.stem in nav.treaties
        by_chapter.setdefault(nav.chapter or "", set()).add(nav.treaties)
    # One page per chapter is enough: every page of a chapter shows the same list.
    assert {c: len(lists) for c, lists in by_chapter.items()} == {"IV": 1, "XXVI": 1}
    assert len(next(iter(by_chapter["XXVI"]))) == 13


def test_hand_written_page_with_old_ids_and_sub_chapter_numbers() -> None:
    treaties = (
        '<option value="9">2.12a.</option><option selected value="10">2.12b.</option><option> </option>'
    )
    nav = parse_navigation(nav_page(CHAPTERS, treaties))
    assert nav.chapter == "III"
    assert nav.chapters == (("1", "CHAPTER I"), ("3", "CHAPTER III"), ("11", "CHAPTER XI"))
    assert nav.treaties == ("III-2-12a", "III-2-12b")
    assert nav.selected_treaty == "III-2-12b"


@pytest.mark.parametrize(
    ("chapter", "text", "expected"),
    [
        ("IV", "11.c.", "IV-11-c"),
        ("IV", "1.", "IV-1"),
        ("XI", "A.1.", "XI-A-1"),
        ("XXVI", " 2.a. ", "XXVI-2-a"),
    ],
)
def test_option_texts(chapter: str, text: str, expected: str) -> None:
    assert option_to_mtdsg(chapter, text) == expected


def test_unknown_option_shape_raises_with_the_value() -> None:
    with pytest.raises(ParseError, match="11 c"):
        parse_navigation(nav_page(CHAPTERS, '<option value="1">11 c</option>'))


def test_unknown_chapter_text_raises() -> None:
    with pytest.raises(ParseError, match="ANNEX"):
        parse_navigation(nav_page('<option value="30" selected>ANNEX</option>', ""))


def test_page_without_drop_downs_is_not_a_status_page() -> None:
    with pytest.raises(ParseError, match="drpChapters"):
        parse_navigation(b"<html><body><p>The requested treaty could not be found.</p></body></html>")
    with pytest.raises(ParseError):
        parse_navigation(b"")


def test_no_selected_chapter_gives_no_treaties() -> None:
    nav = parse_navigation(nav_page('<option value="1">CHAPTER I</option>', '<option value="5">1.</option>'))
    assert nav.chapter is None and nav.treaties == ()
