"""The one home of treaty numbers: validation, user input, natural order, URL shapes."""

from __future__ import annotations

import pytest

from pipeline import mtdsg


@pytest.mark.parametrize("no", ["IV-11-c", "XI-A-5", "XI-B-16", "III-2-12a", "XXVII-7-d", "I-1", "XXIX-1"])
def test_valid_numbers_pass_unchanged(no: str) -> None:
    assert mtdsg.validate(no) == no


@pytest.mark.parametrize(
    "bad", ["../../x", "ZZ-1", "IV", "IV-", "IV-11-C", "iv-11-c", "XXX-1", "IV-11/c", "IV-11-c?x=1", ""]
)
def test_invalid_numbers_are_refused(bad: str) -> None:
    with pytest.raises(mtdsg.InvalidTreatyNumber, match="not an MTDSG treaty number"):
        mtdsg.validate(bad)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("iv 11 c", "IV-11-c"), ("IV.11.C", "IV-11-c"), ("xi-b-16", "XI-B-16"), (" iv-2 ", "IV-2")],
)
def test_user_input_is_normalised(typed: str, expected: str) -> None:
    assert mtdsg.normalise(typed) == expected


@pytest.mark.parametrize("typed", ["OPSC", "ZZ-1", "../x", "IV"])
def test_user_input_that_is_no_number(typed: str) -> None:
    assert mtdsg.normalise(typed) is None


def test_natural_order() -> None:
    shuffled = ["XI-B-16", "IV-12", "XI-B-2", "IV-11-a", "XI-A-5", "IV-2", "XI-B-1", "IV-11", "III-2-12a",
                "III-2-13", "III-2-12", "III-10", "III-2", "XXVI-9", "V-1"]  # fmt: skip
    assert mtdsg.sorted_numbers(shuffled) == [
        "III-2", "III-2-12", "III-2-12a", "III-2-13", "III-10",
        "IV-2", "IV-11", "IV-11-a", "IV-12", "V-1",
        "XI-A-5", "XI-B-1", "XI-B-2", "XI-B-16", "XXVI-9",
    ]  # fmt: skip


def test_url_shapes() -> None:
    assert mtdsg.status_page_url("IV-11-c") == (
        "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-11-c&chapter=4&clang=_en"
    )
    assert mtdsg.xml_url("XXVI-5", "http://127.0.0.1:8000/").endswith(
        "/doc/Publication/MTDSG/Volume%20II/Chapter%20XXVI/XXVI-5.en.xml"
    )


def test_citable_url_never_points_at_a_mirror_or_file() -> None:
    live = "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-11-c&chapter=4&clang=_en"
    assert mtdsg.citable_url("IV-11-c", "http://127.0.0.1:8123/Pages/ViewDetails.aspx?x") == live
    assert mtdsg.citable_url("IV-11-c", "/tmp/IV-11-c.html") == live
    assert mtdsg.citable_url("IV-11-c", "https://example.org/page") == "https://example.org/page"


def test_xml_url_volume_i_up_to_chapter_xi_then_volume_ii() -> None:
    base = "https://treaties.un.org"
    assert (
        mtdsg.xml_url("IV-11-c", base)
        == f"{base}/doc/Publication/MTDSG/Volume%20I/Chapter%20IV/IV-11-c.en.xml"
    )
    assert mtdsg.xml_url("XI-A-1", base).endswith("/Volume%20I/Chapter%20XI/XI-A-1.en.xml")
    assert "mtdsg_no=XXVI-2-a&chapter=26" in mtdsg.status_page_url("XXVI-2-a", "http://127.0.0.1:1")


@pytest.mark.parametrize("bad", ["", "IV", "XXX-1", "4-11-c", "IV-11-c; rm"])
def test_malformed_user_numbers_are_refused_with_the_shape(bad: str) -> None:
    with pytest.raises(ValueError, match="MTDSG"):
        mtdsg.parse_user_number(bad)


def test_chapters() -> None:
    assert mtdsg.chapter_of("III-2-12a") == "III"
    assert mtdsg.chapter_number("xxix") == 29
    with pytest.raises(ValueError):
        mtdsg.chapter_number("XXX")


def _numeric_collation(text: str) -> list[tuple[int, int | str]]:
    # How the report's tables sort a data-sort value (site.js: localeCompare with numeric: true):
    # digit runs by their number, the rest as text.
    import re

    return [(0, int(p)) if p.isdigit() else (1, p.lower()) for p in re.split(r"(\d+)", text) if p]


def test_sort_text_sorts_as_the_natural_order() -> None:
    numbers = ["XI-B-16", "IV-12", "XI-B-2", "IV-11-a", "XI-A-5", "IV-2", "XI-B-1", "IV-11", "III-2-12a",
               "III-2-13", "III-2-12", "III-10", "III-2", "XXVI-9", "V-1", "IV-11-c", "XXVII-7-d", "I-1",
               "X-2-b", "XVIII-10", "XXIX-1000", "XXIX-999", "notanumber"]  # fmt: skip
    by_text = sorted(numbers, key=lambda m: _numeric_collation(mtdsg.sort_text(m)))
    assert by_text == sorted(numbers, key=mtdsg.sort_key)
    # Never read as a number by a table that sorts numbers first.
    for m in numbers:
        with pytest.raises(ValueError):
            float(mtdsg.sort_text(m))
