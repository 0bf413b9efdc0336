"""Reader of the live UNTC HTML status page (Pages/ViewDetails.aspx), built on lxml."""

from __future__ import annotations

import codecs
import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html

from pipeline.mtdsg import InvalidTreatyNumber, validate
from pipeline.parse.clean import clean_parsed
from pipeline.parse.model import (
    SOURCE_HTML,
    Column,
    Declaration,
    EndNote,
    ParseError,
    Participant,
    SourceRef,
    TreatyStatus,
)
from pipeline.parse.table import RawRow, build_participants, fold, parse_columns, split_footnotes
from pipeline.parse.trim import without_furniture, without_viewstate

# ASP.NET WebForms prefixes every server control id; it changed around 2019
# (ctl00_ContentPlaceHolder1_ -> ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_), so ids are
# matched by what follows the prefix.
_ID_PREFIX = re.compile(r"^(?:ctl00_)+ContentPlaceHolder1_(?:ContentPlaceHolderInnerPage_)?")
# The prefix of every id of today's pages, all of which the pattern above removes: cut without a regex.
_PREFIX_NOW = "ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_"
_MTDSG_IN_URL = re.compile(r"mtdsg_no=([A-Za-z0-9-]+)")
_STATUS_AT = re.compile(
    r"STATUS AS AT\s*:\s*(\d{2})-(\d{2})-(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*([A-Z]{2,4})?"
)
# US Eastern time, as the page prints it. Anything else is unexpected and raises.
_ZONES = {"EDT": -4, "EST": -5, "ET": -5}
_SIGNATORIES = re.compile(r"Signatories\s*:\s*(\d+)")
_PARTIES = re.compile(r"Parties\s*:\s*(\d+)")
_ROMAN = re.compile(r"CHAPTER\s+([IVXLC]+)", re.I)


def _string(el: etree._Element) -> str:
    """XPath's string(el): the text of every text node under `el`, in order. lxml's text serialiser takes it
    from libxml2 in one call, without evaluating an XPath expression (twice as fast per call, and there is
    one per table cell)."""
    text: str = etree.tostring(el, method="text", encoding=str, with_tail=False)
    return text


# The charset a page declares: <meta charset="..."> or <meta http-equiv="Content-Type" content="...;
# charset=...">, within the head (the live pages declare utf-8 at byte 86).
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_UTF8 = frozenset({"utf-8", "utf8"})


def declared_charset(data: bytes, charset: str | None = None) -> str:
    """The page's charset: the HTTP header's (passed in) first, then the page's own <meta>, else UTF-8."""
    if charset:
        return charset.strip().strip("\"'").lower()
    m = _META_CHARSET.search(data, 0, 8192)
    return m.group(1).decode("ascii").lower() if m else "utf-8"


@lru_cache(maxsize=8)
def tree_parser(charset: str) -> etree.HTMLParser:
    """The HTML parser a page in `charset` is read with (the bench's floor builds its tree with the same
    parser, so that the ratio measures what is done with the tree, not a cheaper way to build it).

    Plain etree elements: lxml.html's HtmlElement classes are looked up in Python for every element touched.
    """
    return etree.HTMLParser(encoding=charset, remove_comments=True, no_network=True, collect_ids=False)


_PARSER = tree_parser("utf-8")


def _readable_parser(encoding: str, known: str, page: str) -> etree.HTMLParser:
    # Python and libxml2 spell some charsets differently ("latin-1" is Python's alone): try the page's
    # own name, then Python's canonical one ("iso8859-1").
    for name in dict.fromkeys((encoding, known)):
        try:
            return tree_parser(name)
        except LookupError:
            continue
    raise ParseError(f"{page}: charset {encoding!r} is not one the HTML parser can read")


# A complete status page ends with the closing of its document: "...</script>\r\n</body>\r\n</html>\r\n".
# A page cut short (a dropped connection, a size cap) still parses, silently without its end notes and
# declarations, so the end is required.
_TAIL = 1024
_END_OF_PAGE = re.compile(rb"</html\s*>\s*$", re.I)


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def _text_without_sup(el: etree._Element) -> str:
    """Text of an element leaving out <sup> footnote markers (a naive text gives "Belgium 1")."""
    parts: list[str] = []
    _walk_without_sup(el, parts)
    return fold("".join(parts))


def _walk_without_sup(node: etree._Element, parts: list[str]) -> None:
    # The HTML parser gives lower-case tag names. An element without children adds its text directly:
    # a Python call per element is most of the cost of a walk.
    text = node.text
    if text:
        parts.append(text)
    for child in node:
        tag = child.tag
        if tag.__class__ is str and tag != "sup":
            if len(child):
                _walk_without_sup(child, parts)
            else:
                text = child.text
                if text:
                    parts.append(text)
        text = child.tail
        if text:
            parts.append(text)


_BLOCKS = frozenset({"br", "p", "div", "li", "tr", "td", "table"})


def _block_text(el: etree._Element) -> str:
    """Text of a note or declaration with a space wherever the page breaks a line or a block (a naive text
    gives "Upon signature:Declaration:"), leaving out the hidden <p class='invisible'> copy of the name."""
    parts: list[str] = []
    _walk_blocks(el, parts)
    return fold("".join(parts))


def _walk_blocks(node: etree._Element, parts: list[str]) -> None:
    append = parts.append
    text = node.text
    if text:
        append(text)
    for child in node:
        tag = child.tag
        if tag == "br":
            # The most frequent element of a declaration; the HTML parser never gives it content.
            cls = child.get("class")
            if cls is None or "invisible" not in cls:
                append(" ")
        elif tag.__class__ is str:
            cls = child.get("class")
            if cls is None or "invisible" not in cls:
                block = tag in _BLOCKS
                if block:
                    append(" ")
                if len(child):
                    _walk_blocks(child, parts)
                else:
                    text = child.text
                    if text:
                        append(text)
                if block:
                    append(" ")
        text = child.tail
        if text:
            append(text)


def _text(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    t = fold(_string(el))
    return t or None


_TABLE_PARTS = frozenset({"tr", "thead", "tbody", "tfoot", "colgroup", "caption"})


def _table_closed(grid: etree._Element) -> bool:
    """The participants table was closed: lxml closes an open one silently, swallowing what follows it (the
    end notes table, the declarations) as its children, where a closed one holds only its rows. Looking at
    the tree is cheaper than searching the bytes for its </table>."""
    return all(child.tag in _TABLE_PARTS for child in grid)


def parse_html(data: bytes, *, source: SourceRef | None = None, charset: str | None = None) -> TreatyStatus:
    """`charset` is the HTTP header's, if known; otherwise the page's <meta> declaration, else UTF-8."""
    page = source.location if source else "<html page>"
    body = without_furniture(data)
    if body is not None:
        try:
            return _read_status(data, body, charset, source, page)
        except ParseError:
            pass  # read whole below: a trimmed reading that fails is never the answer, nor its error
    return _read_status(data, without_viewstate(data), charset, source, page)


def _read_status(
    data: bytes, body: bytes, charset: str | None, source: SourceRef | None, page: str
) -> TreatyStatus:
    """The status read from `body`, the page `data` trimmed (pipeline.parse.trim): the tree is built from
    it, and the note containers are counted in it."""
    ids, form_no = _index(_read_document(data, body, charset, page))
    grid, status_block, mtdsg_no = _status_page_parts(ids, form_no, data, page)
    status_at = _status_as_at(_text(ids.get("div3")), page)
    if status_at is None:
        raise ParseError(f"{page}: incomplete status page: no 'STATUS AS AT' date")
    chapter_el = ids.get("rptHead_ctl00_tcHead")
    chapter_m = _ROMAN.search(_text(chapter_el) or "")
    title = _title(ids.get("rptTreaty_ctl00_tcTreaty"))
    if not title:
        raise ParseError(f"{page}: incomplete status page: no treaty title")
    status_text = _text_without_sup(status_block)
    sig = _SIGNATORIES.search(status_text)
    par = _PARTIES.search(status_text)

    columns: tuple[Column, ...] = ()
    rows: tuple[Participant, ...] = ()
    if grid is not None:
        columns, raw_rows = _read_grid(grid, page)
        rows = build_participants(columns, raw_rows, page=page)

    status = TreatyStatus(
        mtdsg_no=mtdsg_no,
        title=title,
        source_kind=SOURCE_HTML,
        chapter=chapter_m.group(1).upper() if chapter_m else None,
        chapter_title=_text(ids.get("rptHead_ctl00_tcText")),
        conclusion=_text(ids.get("rptTreaty_ctl00_tcText")),
        entry_into_force=_text_or_none(ids.get("rptEIF_ctl00_tcText")),
        registration=_text_or_none(ids.get("rptRegistration_ctl00_tcText")),
        status_as_at=status_at,
        declared_signatories=int(sig.group(1)) if sig else None,
        declared_parties=int(par.group(1)) if par else None,
        # Kept only when the block gives neither total, so that "n/a" can say what it said instead.
        declared_text=(status_text or None) if sig is None and par is None else None,
        columns=columns,
        participants=rows,
        end_notes=_whole_end_notes(body, ids.get("dgNotesAll"), page),
        declarations=_declarations(ids, "dgDec", "declaration")
        + _declarations(ids, "dgObj", "objection")
        + _declarations(ids, "dgDecUnderArticle", "under_article"),
        source=source,
    )
    return clean_parsed(status, page=page)  # controls and bidi overrides out, sizes bounded


def _read_document(data: bytes, body: bytes, charset: str | None, page: str) -> etree._Element:
    """The tree of `body` (the page `data` trimmed of what no reader looks at), once the page is known to
    be whole and in a charset we can read."""
    if not _END_OF_PAGE.search(data, max(0, len(data) - _TAIL)):
        raise ParseError(f"{page}: truncated page: it does not end with </html>, so its end may be missing")
    encoding = declared_charset(data, charset)
    if encoding in _UTF8:
        parser = _PARSER
    else:
        try:
            known = codecs.lookup(encoding).name
        except LookupError as exc:
            raise ParseError(f"{page}: unknown charset {encoding!r}") from exc
        parser = _readable_parser(encoding, known, page)
    try:
        return lxml_html.document_fromstring(body, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"{page}: not an HTML document ({exc})") from exc


def _status_page_parts(
    ids: dict[str, etree._Element], mtdsg_no: str | None, data: bytes, page: str
) -> tuple[etree._Element | None, etree._Element, str]:
    """(participants table or None, status block, treaty number), or ParseError when the page is not a
    complete status page."""
    grid = ids.get("tblgrid")
    status_block = ids.get("rptStatus_ctl00_tcText")
    if grid is None and status_block is None:
        # The site answers 200 for an unknown treaty with an empty shell of a page.
        raise ParseError(f"{page}: not a treaty status page (no participants table and no status block)")
    if status_block is None:
        raise ParseError(f"{page}: incomplete status page: no status block with the declared totals")
    if grid is not None and not _table_closed(grid):
        raise ParseError(f"{page}: incomplete status page: the participants table is not closed")
    if mtdsg_no is None:
        raise ParseError(f"{page}: no mtdsg_no in the page's form action")
    try:
        return grid, status_block, validate(mtdsg_no)
    except InvalidTreatyNumber as exc:
        raise ParseError(f"{page}: the form action's treaty number is invalid: {exc}") from exc


# Every element this reader looks up by id is a <div> (the repeaters' cells, the declarations) or a <table>
# (the participants, the end notes) on every saved page; walking only those, and the form, makes the index
# a tenth of the page's elements. An id moved to another tag is missed, and the page fails loudly.
_INDEXED_TAGS = ("div", "table", "form")


def _index(root: etree._Element) -> tuple[dict[str, etree._Element], str | None]:
    """One walk of the page's divs, tables and forms: elements by id with the ASP.NET prefix removed (the
    first in document order wins), and the mtdsg_no of the first form whose action carries one."""
    ids: dict[str, etree._Element] = {}
    mtdsg_no = None
    strip = _ID_PREFIX.sub
    now, cut = _PREFIX_NOW, len(_PREFIX_NOW)
    for el in root.iter(*_INDEXED_TAGS):
        value = el.get("id")
        if value is not None:
            if value.startswith(now):
                key = value[cut:]
            else:
                key = strip("", value) if "ContentPlaceHolder1_" in value else value
            if key not in ids:
                ids[key] = el
        if mtdsg_no is None and el.tag == "form":
            # The canonical query sits in the form action: ./ViewDetails.aspx?src=TREATY&mtdsg_no=IV-11-c&...
            m = _MTDSG_IN_URL.search(el.get("action") or "")
            if m:
                mtdsg_no = m.group(1)
    return ids, mtdsg_no


def _text_or_none(el: etree._Element | None) -> str | None:
    return _text_without_sup(el) or None if el is not None else None


def _title(el: etree._Element | None) -> str:
    # "11. c\n   Optional Protocol ...": the first line is the treaty's number within its chapter.
    if el is None:
        return ""
    lines = [fold(line) for line in _string(el).splitlines()]
    lines = [line for line in lines if line]
    if lines and re.fullmatch(r"[\dA-Za-z]{1,4}\.?(\s*[a-z0-9]{1,3}\.?)?", lines[0]):
        lines = lines[1:]
    return fold(" ".join(lines))


def _status_as_at(text: str | None, page: str) -> datetime | None:
    if not text:
        return None
    m = _STATUS_AT.search(text)
    if not m:
        raise ParseError(f"{page}: unreadable status date {text!r}")
    day, month, year, hh, mm, ss, zone = m.groups()
    zone = zone or "ET"
    if zone not in _ZONES:
        raise ParseError(f"{page}: unknown time zone {zone!r} in status date {text!r}")
    tz = timezone(timedelta(hours=_ZONES[zone]), zone)
    try:
        return datetime(int(year), int(month), int(day), int(hh), int(mm), int(ss), tzinfo=tz)
    except ValueError as exc:
        raise ParseError(f"{page}: impossible status date {text!r}") from exc


def _read_grid(grid: etree._Element, page: str) -> tuple[tuple[Column, ...], list[RawRow]]:
    trs = [tr for tr in grid.iter("tr")]
    if not trs:
        raise ParseError(f"{page}: participants table has no rows")
    header = [_string(td) for td in trs[0] if isinstance(td.tag, str) and td.tag in ("td", "th")]
    if not header:
        raise ParseError(f"{page}: participants table header row has no cells")
    # "Participant 3": a footnote on the header cell itself, printed without <sup> in some pages.
    header[0] = re.sub(r"^(Participant)\b.*$", r"\1", fold(header[0]))
    columns = parse_columns(header, page=page)
    rows = []
    string = _string
    for tr in trs[1:]:
        tds = [td for td in tr if td.tag == "td"]
        if not tds:
            continue
        name_cell = tds[0]
        footnotes: list[str] = []
        has_sup = has_decl = False
        # Most name cells are "Afghanistan<br>": a name and an empty <br>, with no marker and no link.
        kids = len(name_cell)
        if kids > 1 or kids == 1 and ((br := name_cell[0]).tag != "br" or len(br)):
            for el in name_cell.iter("sup", "SUP", "a"):
                if el.tag != "a":
                    has_sup = True
                    footnotes.extend(split_footnotes(string(el)))
                elif el.get("href") == "#EndDec" or "ShowDeclarations" in (el.get("onclick") or ""):
                    has_decl = True
        rows.append(
            RawRow(
                # Most names carry no footnote marker: their whole text is the name.
                _text_without_sup(name_cell) if has_sup else fold(_cell_text(name_cell)),
                tuple(footnotes),
                has_decl,
                tuple([_cell_text(td) for td in tds[1:]]),
            )
        )
    return columns, rows


def _cell_text(td: etree._Element) -> str:
    """A cell's text; a bare text or a text and an empty <br> ("Afghanistan<br>", "19 Sep 2002<br>", nearly
    every cell) without a call to libxml2 (the HTML parser gives a <br> no content)."""
    kids = len(td)
    if kids == 0 or kids == 1 and (br := td[0]).tag == "br" and br.tail is None:
        return td.text or ""
    return _string(td)


# An end note's container as the page's bytes show it. libxml2 drops what lies deeper than its nesting
# limit (256) without a word, so a note nested 255 deep took the notes after it along: the notes read are
# checked against the containers in the bytes, and a page whose notes cannot all be read is refused.
_NOTE_DIV = re.compile(rb"<div\b[^>]*\bclass\s*=\s*[\"']?divNotesAll\b", re.I)


def _note_containers(data: bytes) -> int:
    """How many end-note containers the bytes hold: each "divNotesAll" inside a <div ...> tag's class (a
    find per occurrence: a case-blind regex over the whole page cost more than reading the notes)."""
    found, start = 0, 0
    while (at := data.find(b"divNotesAll", start)) >= 0:
        tag = data[data.rfind(b"<", 0, at) : at]
        if tag[:4].lower() == b"<div" and b">" not in tag and _NOTE_DIV.match(tag + data[at : at + 12]):
            found += 1
        start = at + 1
    return found


def _whole_end_notes(body: bytes, table: etree._Element | None, page: str) -> tuple[EndNote, ...]:
    # Counted in the trimmed page the tree was built from (the same count: the trim never cuts a container,
    # and one inside an <input>'s value is never a <div>'s class), which is 40% shorter to search.
    notes = _end_notes(table)
    declared = _note_containers(body)
    if declared > len(notes):
        raise ParseError(
            f"{page}: {declared} end notes in the page, {len(notes)} readable (markup nested too deep?): "
            "not read"
        )
    return notes


def _end_notes(table: etree._Element | None) -> tuple[EndNote, ...]:
    if table is None:
        return ()
    notes = []
    for div in table.iter("div"):
        if "divNotesAll" not in (div.get("class") or ""):
            continue
        anchor = next((a for a in div.iter("a") if a.get("name")), None)
        number = anchor.get("name") if anchor is not None else ""
        text = _block_text(div)
        if number and text.startswith(number):
            text = text[len(number) :].lstrip()
        notes.append(EndNote(number=number, text=text))
    return tuple(notes)


def _declarations(ids: dict[str, etree._Element], grid_id: str, kind: str) -> tuple[Declaration, ...]:
    out = []
    n = 2  # ASP.NET DataGrid item ids start at ctl02
    while True:
        key = f"{grid_id}_ctl{n:02d}"
        who = ids.get(f"{key}_divParticipant")
        if who is None:
            break
        body = ids.get(f"{key}_divText")
        # The heading carries the participant's footnote markers ("Belgium <SUP>1</SUP>"); the body repeats
        # the name in a hidden <p class='invisible'>, which _block_text leaves out.
        name = _text_without_sup(who)
        text = _block_text(body) if body is not None else ""
        out.append(Declaration(participant=name, text=text, kind=kind))
        n += 1
    return tuple(out)
