"""Hand-written pages, one per quirk of the real UNTC markup."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest

from pipeline.parse import ParseError, parse_page
from tests.pagemaker import EMPTY, cell, status_page


def test_footnote_markers_are_not_part_of_the_name():
    page = status_page(
        rows=[
            [
                "Belgium <SUP><A onclick='ShowNoteAll()' href='#1' class='noteIndex'>1</A> </SUP><br>",
                cell("6", "Sep", "2000"),
                cell("17", "Mar", "2006"),
            ]
        ],
        status="Signatories : 1. Parties : 1",
    )
    (p,) = parse_page(page).participants
    assert p.name == "Belgium"
    assert p.footnotes == ("1",)


def test_several_footnotes():
    sup = (
        "<SUP><A href='#7' class='noteIndex'>7</A>, <A href='#8' class='noteIndex'>8</A>, "
        "<A href='#12' class='noteIndex'>12</A> </SUP>"
    )
    page = status_page(
        rows=[[f"Montenegro {sup}<br>", EMPTY, cell("23", "Oct", "2006", "d")]], status="Parties : 1"
    )
    (p,) = parse_page(page).participants
    assert (p.name, p.footnotes) == ("Montenegro", ("7", "8", "12"))
    assert p.consent.type == "succession"


def test_declarations_link_marks_the_participant():
    name = (
        "<A href='#EndDec' class='noteIndex' onclick='return ShowDeclarationsNew(getInnerText(this),"
        '"","_en","4","142");\'>Argentina</A><br>'
    )
    page = status_page(
        rows=[[name, cell("1", "Apr", "2002"), cell("25", "Sep", "2003")], ["Chile<br>", EMPTY, EMPTY]],
        status="Signatories : 1. Parties : 1",
        declarations=[("Argentina", "Declaration: with reference to article 2 ...")],
    )
    s = parse_page(page)
    assert [p.has_declarations for p in s.participants] == [True, False]
    assert s.participants[0].name == "Argentina"
    assert s.declarations[0].participant == "Argentina"
    assert s.declarations[0].text.startswith("Declaration:")


def test_nbsp_and_tab_in_dates_and_suffix_codes():
    page = status_page(
        rows=[
            ["Albania<br>", EMPTY, cell("5", "Feb", "2008", "a")],
            ["Andorra<br>", cell("7", "Sep", "2000"), EMPTY],
        ],
        status="Signatories : 1. Parties : 1",
    )
    albania, andorra = parse_page(page).participants
    assert albania.consent.date == date(2008, 2, 5)
    assert (albania.consent.type, albania.consent.code) == ("accession", "a")
    assert albania.signature is None
    assert andorra.signature.date == date(2000, 9, 7) and andorra.signature.type == "signature"
    assert andorra.consent is None


def test_bracketed_entries_are_withdrawn_kept_and_not_counted():
    page = status_page(
        header=[
            "Participant",
            "Signature, Succession to signature(d)",
            "Ratification, Accession(a), Succession(d)",
        ],
        rows=[
            ["Jamaica<br>", cell("19", "Dec", "1966", bracket=True), cell("3", "Oct", "1975", bracket=True)],
            ["Guyana<br>", EMPTY, cell("10", "May", "1993", "a")],
        ],
        status="Signatories : 0. Parties : 1",
    )
    s = parse_page(page)
    jamaica = s.participants[0]
    assert jamaica.withdrawn and jamaica.consent.withdrawn and jamaica.signature.withdrawn
    assert jamaica.consent.date == date(1975, 10, 3)
    assert (s.counted_signatories, s.counted_parties) == (0, 1)
    assert s.reconciliation == ()


def test_two_column_table_without_signatures():
    page = status_page(
        header=["Participant", "Consent to be bound(P), Succession(d)"],
        rows=[
            ["Albania<br>", cell("28", "Aug", "2002", "P")],
            ["Serbia<br>", cell("12", "Mar", "2001", "d")],
        ],
        status="Parties : 2",
    )
    s = parse_page(page)
    assert s.declared_signatories is None and s.declared_parties == 2
    assert [p.consent.type for p in s.participants] == ["consent_to_be_bound", "succession"]
    assert s.reconciliation == ()


def test_four_column_table_provisional_application_is_not_consent():
    page = status_page(
        header=[
            "Participant",
            "Signature",
            "Provisional application(n)",
            "Approval(AA), Acceptance(A), Ratification",
        ],
        rows=[
            ["Spain<br>", cell("3", "Dec", "2008"), cell("17", "Jul", "2012", "n"), EMPTY],
            ["Norway<br>", cell("3", "Dec", "2008"), EMPTY, cell("3", "Dec", "2008", "AA")],
            ["Mali<br>", cell("3", "Dec", "2008"), EMPTY, cell("30", "Jun", "2010", "A")],
        ],
        status="Signatories : 3. Parties : 2",
    )
    s = parse_page(page)
    spain, norway, mali = s.participants
    assert spain.provisional.type == "provisional_application" and spain.consent is None
    assert norway.consent.type == "approval" and mali.consent.type == "acceptance"  # case-sensitive codes
    assert (s.counted_signatories, s.counted_parties) == (3, 2)


def test_unknown_suffix_code_raises_naming_page_row_and_value():
    page = status_page(rows=[["Albania<br>", EMPTY, cell("5", "Feb", "2008", "x")]])
    with pytest.raises(ParseError, match=r"row 1 \(Albania\).*'x'"):
        parse_page(page)


def test_code_case_matters():
    # "A" (acceptance) is not in this legend, only "a" (accession).
    page = status_page(rows=[["Albania<br>", EMPTY, cell("5", "Feb", "2008", "A")]])
    with pytest.raises(ParseError, match="not in the header legend"):
        parse_page(page)


def test_unknown_header_raises():
    with pytest.raises(ParseError, match="Participant"):
        parse_page(status_page(header=["State", "Signature"]))


def test_unreadable_date_raises():
    page = status_page(rows=[["Albania<br>", EMPTY, "sometime in 2008"]])
    with pytest.raises(ParseError, match="unreadable date cell"):
        parse_page(page)


def test_not_a_treaty_page():
    with pytest.raises(ParseError, match="not a treaty status page"):
        parse_page(status_page(table=False, status=None))


def test_empty_and_garbage_input():
    with pytest.raises(ParseError):
        parse_page(b"")
    with pytest.raises(ParseError):
        parse_page(b"\x00\x01 binary")


def test_truncated_html_is_refused():
    # lxml would close the open tags and keep the rows before the cut, silently losing the rest: refused.
    full = status_page(
        rows=[[f"State {i}<br>", EMPTY, cell("5", "Feb", "2008", "a")] for i in range(5)],
        status="Parties : 5",
    )
    assert len(parse_page(full).participants) == 5
    with pytest.raises(ParseError, match="truncated"):
        parse_page(full[: full.index(b"State 3")])


def test_status_date_and_header_counts():
    s = parse_page(
        status_page(status="Signatories :\n 122.    Parties :\n 178 <SUP><A href='#1'>1</A></SUP>")
    )
    assert (s.declared_signatories, s.declared_parties) == (122, 178)
    assert s.status_as_at == datetime(2026, 2, 3, 10, 16, 18, tzinfo=timezone(timedelta(hours=-4)))
    assert s.mtdsg_no == "IV-99" and s.title == "Convention on Testing" and s.chapter == "IV"


def test_old_id_prefix_is_recognised():
    page = status_page(
        prefix="ctl00_ContentPlaceHolder1_",
        rows=[["Albania<br>", EMPTY, cell("5", "Feb", "2008", "a")]],
        status="Parties : 1",
    )
    assert parse_page(page).counted_parties == 1


def test_difference_is_reported_with_its_reason_never_adjusted():
    page = status_page(
        rows=[
            ["Jamaica<br>", EMPTY, cell("3", "Oct", "1975", bracket=True)],
            ["Guyana<br>", EMPTY, cell("1", "May", "1993")],
        ],
        status="Parties : 2",
    )
    s = parse_page(page)
    assert s.counted_parties == 1  # never adjusted to match
    (reason,) = s.reconciliation
    assert "counted 1, declared 2" in reason and "Jamaica" in reason and "withdrawn" in reason


def test_end_notes():
    s = parse_page(status_page(notes=[("1", "For the Kingdom of Belgium."), ("2", "See China.")]))
    assert [(n.number, n.text) for n in s.end_notes] == [
        ("1", "For the Kingdom of Belgium."),
        ("2", "See China."),
    ]


XML = b"""<?xml version="1.0" encoding="iso-8859-1"?>
<Document><Treaty><Header><Chapter><Header>CHAPTER IV</Header><Name>HUMAN RIGHTS</Name></Chapter>
<ExternalData><Numsect>11</Numsect><Subnumsect>c</Subnumsect><Subtitlesect>Optional Protocol \x1cquoted\x1d & more</Subtitlesect>
<Status><Signatories>2</Signatories><Parties>2</Parties></Status></ExternalData></Header>
<Participants><Table><TGroup cols="3"><Thead><Row><Entry>Participant</Entry><Entry>Signature</Entry>
<Entry>Ratification, Accession(a), Succession(d)</Entry></Row></Thead><Tbody><Rows>
<Row><Entry>Belgium&lt;superscript&gt;1,2&lt;/superscript&gt;</Entry><Entry>6 Sep 2000</Entry><Entry>17 Mar 2006</Entry></Row>
<Row><Entry>C\xf4te d'Ivoire</Entry><Entry>7 Sep 2000</Entry><Entry>[19 Sep 2011 a]</Entry></Row>
<Row><Entry>Bahamas</Entry><Entry /><Entry>28 Sep 2015 a</Entry></Row>
</Rows></Tbody></TGroup></Table></Participants>
<EndNotes><Note><index>1</index><text>For the Kingdom of Belgium.</text></Note></EndNotes>
</Treaty></Document>"""


def test_xml_not_well_formed_is_read_without_losing_a_row():
    s = parse_page(XML)
    assert s.source_kind == "xml" and s.mtdsg_no == "IV-11-c" and s.status_as_at is None
    assert [p.name for p in s.participants] == ["Belgium", "C\u00f4te d'Ivoire", "Bahamas"]
    assert s.participants[0].footnotes == ("1", "2")
    assert s.participants[1].consent.withdrawn
    assert (s.counted_signatories, s.counted_parties) == (2, 2)
    assert "quoted" in s.title and "& more" in s.title
    assert s.end_notes[0].text == "For the Kingdom of Belgium."


def test_xml_does_not_resolve_entities_or_load_anything():
    evil = XML.replace(
        b'<?xml version="1.0" encoding="iso-8859-1"?>',
        b'<?xml version="1.0" encoding="iso-8859-1"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    ).replace(b"For the Kingdom of Belgium.", b"&x;")
    s = parse_page(evil)
    assert "root:" not in s.end_notes[0].text


def test_xml_header_only_file_gives_zero_participants_and_declared_counts():
    head = XML[: XML.index(b"<Participants>")] + b"</Treaty></Document>"
    s = parse_page(head)
    assert s.participants == () and (s.declared_signatories, s.declared_parties) == (2, 2)
    assert all("lists no participants" in r for r in s.reconciliation)


# Found by the property tests (tests/parse/test_properties.py): a header row stripped of its cells used to
# raise IndexError instead of ParseError.


def test_xml_header_row_without_cells_is_a_parse_error():
    page = (
        b"<?xml version='1.0'?><Document><Treaty><Header><Chapter><Header>CHAPTER XXVI</Header></Chapter>"
        b"<ExternalData><Numsect>9</Numsect></ExternalData></Header><Participants><Table><TGroup>"
        b"<Thead><Row></Row></Thead><Tbody><Rows><Row><Entry>Algeria</Entry></Row></Rows></Tbody>"
        b"</TGroup></Table></Participants></Treaty></Document>"
    )
    with pytest.raises(ParseError, match="header row has no cells"):
        parse_page(page)


def test_html_header_row_without_cells_is_a_parse_error():
    page = re.sub(
        rb'<tr class="thead-one">.*?</tr>',
        b'<tr class="thead-one"></tr>',
        status_page(rows=[["Belgium<br>", cell("6", "Sep", "2000"), EMPTY]]),
    )
    with pytest.raises(ParseError, match="header row has no cells"):
        parse_page(page)


def test_declaration_heading_footnotes_and_line_breaks():
    page = status_page(
        rows=[["Belgium<br>", cell("6", "Sep", "2000"), cell("17", "Mar", "2006")]],
        status="Signatories : 1. Parties : 1",
        declarations=[
            (
                "Belgium <SUP><A onclick='ShowNoteAll()' href='#1' class='noteIndex'>1</A></SUP>",
                "<p align=left><i>Upon signature:<br></i></p><i>Declaration:</i><br>This signature is binding.",
            )
        ],
        notes=[("1", "denounce.<br><i>Netherlands (6 August 1999):</i><br>Objection.")],
    )
    s = parse_page(page)
    (d,) = s.declarations
    assert d.participant == "Belgium"
    assert d.text == "Upon signature: Declaration: This signature is binding."
    assert s.end_notes[0].text == "denounce. Netherlands (6 August 1999): Objection."
