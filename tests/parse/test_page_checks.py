"""Content checks before storing: complete pages only, known columns only, valid numbers, plausible dates,
declared charsets (issues 11 and 16)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from pipeline.parse import ParseError, check_plausible, parse_page
from pipeline.parse.reconcile import status_reconciles
from pipeline.parse.table import VOCABULARY, VOCABULARY_FILE
from tests.pagemaker import EMPTY, cell, status_page

NOW = datetime(2026, 2, 3, 16, 0, tzinfo=UTC)


# --- the column vocabulary -----------------------------------------------------------------------------


def test_unknown_header_item_fails_loudly_naming_page_column_and_csv_line():
    page = status_page(
        header=["Participant", "Signature", "Ratification, Adherence by decree(x)"],
        rows=[["Albania<br>", EMPTY, cell("5", "Feb", "2008")]],
    )
    with pytest.raises(ParseError) as err:
        parse_page(page)
    message = str(err.value)
    assert "column 2 'Ratification, Adherence by decree(x)'" in message
    assert "unknown header item 'Adherence by decree'" in message
    assert f"add to {VOCABULARY_FILE.name}: " in message and "CHECK ME" in message


def test_a_column_mixing_roles_fails():
    page = status_page(header=["Participant", "Signature, Ratification"], rows=[])
    with pytest.raises(ParseError, match="different roles"):
        parse_page(page)


def test_vocabulary_covers_every_header_item_of_the_saved_pages(untc_pages):
    used = set()
    for path in sorted(untc_pages.glob("*/*")):
        if path.suffix in (".html", ".xml"):
            for column in parse_page(path.read_bytes()).columns:
                used.add(column.label)
    assert len(used) >= 100
    assert {"signature", "consent", "provisional", "notification", "other"} == {
        e.role for e in VOCABULARY.values()
    }


def test_x_2_b_counts_its_declared_signatories(xml_dir):
    s = parse_page((xml_dir / "X-2-b.xml").read_bytes())
    signature = next(c for c in s.columns if c.label.startswith("Signature by non-regional members"))
    assert signature.role == "signature"
    assert (s.declared_signatories, s.counted_signatories) == (24, 24)
    assert s.reconciliation == () and status_reconciles(s) == "yes"


# --- declared totals given as free text (2018 XML) -----------------------------------------------------


def test_free_text_totals_are_read_where_they_carry_a_number(xml_dir):
    i4 = parse_page((xml_dir / "I-4.xml").read_bytes())
    assert i4.declared_parties == 66
    assert i4.declared_text == "States parties having accepted the jurisdiction of the Court: 66."
    assert status_reconciles(i4) == "n/a"  # no participants listed: nothing to compare, never "OK"
    i2 = parse_page((xml_dir / "I-2.xml").read_bytes())
    assert i2.declared_parties == 144 and i2.declared_text.startswith("144 Members.")
    starred = parse_page((xml_dir / "IX-1-a.xml").read_bytes())
    assert starred.declared_text == "Parties*" and starred.declared_parties is None
    assert starred.participants and status_reconciles(starred) == "n/a"


def test_sixteen_2018_files_give_their_totals_as_text(xml_dir):
    texts = [parse_page(p.read_bytes()).declared_text for p in sorted(xml_dir.glob("*.xml"))]
    assert sum(t is not None for t in texts) == 16


# --- complete pages only ---------------------------------------------------------------------------------


def test_every_real_page_cut_short_is_refused(untc_pages):
    pages = sorted(untc_pages.glob("html-*/*.html")) + sorted(untc_pages.glob("xml-*/*.xml"))
    assert len(pages) == 437
    for path in pages:
        data = path.read_bytes()
        for fraction in (0.5, 0.9, 0.99):
            cut = data[: int(len(data) * fraction)]
            with pytest.raises(ParseError, match="truncated") as err:
                parse_page(cut)
            assert "truncated" in str(err.value), (path, fraction)


def test_a_page_ending_just_before_its_closing_tag_is_refused(html_dir, xml_dir):
    html = (html_dir / "IV-5.html").read_bytes()
    with pytest.raises(ParseError, match="truncated"):
        parse_page(html[: html.rindex(b"</html>")])
    xml = (xml_dir / "IV-5.xml").read_bytes()
    with pytest.raises(ParseError, match="truncated"):
        parse_page(xml[: xml.rindex(b"</Document>")])


def test_html_with_its_participants_table_left_open_is_refused():
    page = status_page(
        rows=[["Albania<br>", EMPTY, cell("5", "Feb", "2008", "a")]],
        status="Parties : 1",
        notes=[("1", "Note.")],
    )
    assert parse_page(page).counted_parties == 1
    with pytest.raises(ParseError, match="participants table is not closed"):
        parse_page(page.replace(b"</tr></table>", b"</tr>"))


def test_html_without_status_as_at_or_title_or_status_block_is_refused():
    ok = status_page(rows=[["Albania<br>", EMPTY, cell("5", "Feb", "2008", "a")]], status="Parties : 1")
    assert parse_page(ok).counted_parties == 1
    no_date = re.sub(rb"<div id=\"[^\"]*div3\">[^<]*</div>", b"", ok)
    with pytest.raises(ParseError, match="no 'STATUS AS AT' date"):
        parse_page(no_date)
    with pytest.raises(ParseError, match="no treaty title"):
        parse_page(status_page(title="", rows=[], status="Parties : 0").replace(b"\n   99\n", b"\n"))
    no_status = status_page(rows=[["Albania<br>", EMPTY, cell("5", "Feb", "2008", "a")]], status=None)
    with pytest.raises(ParseError, match="no status block"):
        parse_page(no_status)


# --- treaty numbers ----------------------------------------------------------------------------------


def test_html_treaty_number_is_validated():
    with pytest.raises(ParseError, match="'ZZ-1' is not an MTDSG treaty number"):
        parse_page(status_page(mtdsg_no="ZZ-1"))


def test_xml_treaty_number_is_validated():
    page = (
        b"<?xml version='1.0'?><Document><Treaty><Header><Chapter><Header>CHAPTER IV</Header></Chapter>"
        b"<ExternalData><Numsect>../../x</Numsect></ExternalData></Header></Treaty></Document>"
    )
    with pytest.raises(ParseError, match=r"'IV-\.\./\.\./x' is not an MTDSG treaty number"):
        parse_page(page)


# --- plausibility ------------------------------------------------------------------------------------


def test_check_plausible_refuses_a_status_date_in_the_future():
    s = parse_page(status_page(status_at="03-02-2099 10:16:18 EDT", rows=[], status="Parties : 0"))
    with pytest.raises(ParseError, match="status date 2099-02-03.*in the future"):
        check_plausible(s, fetched_at=None, now=NOW)
    with pytest.raises(ParseError, match="fetched at"):
        check_plausible(s, fetched_at=NOW - timedelta(days=3), now=NOW)


def test_check_plausible_accepts_real_dates_and_a_day_of_clock_difference():
    s = parse_page(status_page(rows=[], status="Parties : 0"))  # 03-02-2026 10:16:18 EDT
    check_plausible(s, fetched_at=datetime(2026, 2, 3, 14, 16), now=NOW)  # naive = UTC
    check_plausible(s, fetched_at=datetime(2026, 2, 2, 15, 0, tzinfo=UTC), now=NOW)  # within a day
    check_plausible(s, fetched_at=None, now=NOW)
    with pytest.raises(ParseError, match="in the future"):
        check_plausible(s, fetched_at=datetime(2026, 2, 1, tzinfo=timezone(timedelta(hours=-5))), now=NOW)


def test_check_plausible_refuses_an_invalid_number():
    from dataclasses import replace

    s = replace(parse_page(status_page(rows=[], status="Parties : 0")), mtdsg_no="../../x")
    with pytest.raises(ParseError, match="not an MTDSG treaty number"):
        check_plausible(s, fetched_at=None, now=NOW)


def test_every_real_page_is_plausible(untc_pages):
    for path in sorted(untc_pages.glob("*/*")):
        if path.suffix in (".html", ".xml"):
            check_plausible(parse_page(path.read_bytes()), fetched_at=None, now=NOW)


# --- charset -----------------------------------------------------------------------------------------


def _windows_1252_page(meta: str | None) -> bytes:
    page = status_page(
        rows=[["C\u00f4te d\u2019Ivoire<br>", EMPTY, cell("5", "Feb", "2008", "a")]], status="Parties : 1"
    )
    text = page.decode("utf-8").replace('<meta charset="utf-8">', meta or "")
    return text.encode("windows-1252")


def test_meta_charset_is_honoured():
    (p,) = parse_page(_windows_1252_page('<meta charset="windows-1252">')).participants
    assert p.name == "C\u00f4te d\u2019Ivoire"
    http_equiv = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252" />'
    (p,) = parse_page(_windows_1252_page(http_equiv)).participants
    assert p.name == "C\u00f4te d\u2019Ivoire"


def test_http_charset_is_honoured_and_wins():
    (p,) = parse_page(_windows_1252_page(None), charset="windows-1252").participants
    assert p.name == "C\u00f4te d\u2019Ivoire"
    (p,) = parse_page(_windows_1252_page('<meta charset="utf-8">'), charset="cp1252").participants
    assert p.name == "C\u00f4te d\u2019Ivoire"
    header = "text/html; charset=windows-1252"  # the whole Content-Type value is accepted too
    assert (
        parse_page(_windows_1252_page(None), charset=header).participants[0].name == "C\u00f4te d\u2019Ivoire"
    )


@pytest.mark.parametrize("name", ["latin-1", "l1", "iso-8859-1", "latin1"])
def test_charset_names_python_and_libxml2_spell_differently(name: str) -> None:
    """ "latin-1" is Python's name alone: it reads as ISO 8859-1, not as a LookupError out of lxml."""
    page = status_page(rows=[["Coête<br>", EMPTY, cell("5", "Feb", "2008", "a")]], status="Parties : 1")
    latin = page.decode("utf-8").replace('<meta charset="utf-8">', "").encode("latin-1")
    (p,) = parse_page(latin, charset=name).participants
    assert p.name == "Coête"


def test_utf8_stays_the_default_and_an_unknown_charset_fails():
    page = status_page(
        rows=[["C\u00f4te d'Ivoire<br>", EMPTY, cell("5", "Feb", "2008", "a")]], status="Parties : 1"
    )
    assert (
        parse_page(page.replace(b'<meta charset="utf-8">', b"")).participants[0].name == "C\u00f4te d'Ivoire"
    )
    with pytest.raises(ParseError, match="unknown charset"):
        parse_page(page, charset="klingon-8")


def test_xml_charset_override():
    xml = (
        "<?xml version='1.0'?><Document><Treaty><Header><Chapter><Header>CHAPTER IV</Header></Chapter>"
        "<ExternalData><Numsect>1</Numsect><Titlesect>Conven\u00e7\u00e3o</Titlesect></ExternalData></Header>"
        "</Treaty></Document>"
    ).encode("iso-8859-1")
    assert parse_page(xml, charset="iso-8859-1").title == "Conven\u00e7\u00e3o"
