"""Reader of the MTDSG XML form of a status page ("VIEW XML": doc/Publication/MTDSG/.../IV-11-c.en.xml)."""

from __future__ import annotations

import codecs
import re

from lxml import etree

from pipeline.mtdsg import InvalidTreatyNumber, validate
from pipeline.parse.clean import clean_parsed
from pipeline.parse.model import (
    SOURCE_XML,
    Column,
    Declaration,
    EndNote,
    ParseError,
    Participant,
    SourceRef,
    TreatyStatus,
)
from pipeline.parse.table import RawRow, build_participants, fold, parse_columns, split_footnotes

# Saved MTDSG files are often not well-formed: raw C0 control characters used as quote marks (0x1C/0x1D),
# bare "&", iso-8859-1 (declared, so honoured). We repair those two known faults before parsing; after that
# every one of the 407 saved files is well-formed, so the parse is strict: anything else wrong, above all a
# file cut short, is refused rather than recovered (recovery would silently drop the lost end notes and
# declarations). Entities are never resolved and the network never touched.
_C0 = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BARE_AMP = re.compile(rb"&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);)")
_PARSER = etree.XMLParser(
    recover=False,
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=True,
    remove_comments=True,
)
# Inline markup arrives as escaped text: "Belgium<superscript>1</superscript>", "<i>Treaty Series</i>".
_SUPERSCRIPT = re.compile(r"<superscript>(.*?)</superscript>", re.S | re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ROMAN = re.compile(r"CHAPTER\s+([IVXLC]+)", re.I)


def looks_like_mtdsg_xml(data: bytes) -> bool:
    head = data[:2048].lstrip()
    return head.startswith(b"<?xml") and b"<Document" in data[:4096] or head.startswith(b"<Document")


def _strip_markup(text: str) -> str:
    return fold(_TAG.sub("", text))


def _name_and_footnotes(text: str) -> tuple[str, tuple[str, ...]]:
    notes: list[str] = []
    for m in _SUPERSCRIPT.finditer(text):
        notes.extend(split_footnotes(_TAG.sub("", m.group(1))))
    return _strip_markup(_SUPERSCRIPT.sub(" ", text)), tuple(notes)


def _joined(el: etree._Element | None, path: str) -> str:
    if el is None:
        return ""
    return fold(" ".join(_strip_markup("".join(t.itertext())) for t in el.findall(path)))


def _first(el: etree._Element, path: str) -> str | None:
    found = el.find(path)
    if found is None:
        return None
    t = _strip_markup("".join(found.itertext()))
    return t or None


def _count(text: str | None) -> int | None:
    # "121", "-" (none declared), or nothing.
    if text is None:
        return None
    m = re.match(r"^\s*(\d+)", text)
    return int(m.group(1)) if m else None


def _declared_text(status: etree._Element | None) -> tuple[str | None, int | None]:
    """The free-text status of some 2018 files, and the number of parties it gives, if it gives one."""
    if status is None:
        return None, None
    custom = status.find("CustomText")
    if custom is None:
        return None, None
    text = _strip_markup("".join(custom.itertext())) or None
    m = _CUSTOM_COUNT.search(text or "")
    return text, int(m.group(1)) if m else None


# "States parties having accepted the jurisdiction of the Court: 66." and "144 Members. See also ...":
# a count after a colon or at the very start; "Parties*" carries none.
_CUSTOM_COUNT = re.compile(r"(?::\s*|^)(\d+)\b")


def _read_tree(data: bytes, page: str, charset: str | None) -> etree._Element:
    repaired = _BARE_AMP.sub(b"&amp;", _C0.sub(b" ", data))
    parser = _PARSER if charset is None else _parser_for(charset, page)
    try:
        return etree.fromstring(repaired, parser)
    except etree.XMLSyntaxError as exc:
        # libxml2 says "Premature end of data" (or fails on the last line) when the file stops early.
        last_line = repaired.rstrip().count(b"\n") + 1
        if "Premature end of data" in str(exc) or (exc.lineno or 0) >= last_line:
            raise ParseError(f"{page}: truncated XML document, cut before its end ({exc})") from exc
        raise ParseError(f"{page}: not well-formed XML after the known repairs ({exc})") from exc


def _parser_for(charset: str, page: str) -> etree.XMLParser:
    try:
        codecs.lookup(charset)
    except LookupError as exc:
        raise ParseError(f"{page}: unknown charset {charset!r}") from exc
    return etree.XMLParser(
        encoding=charset,
        recover=False,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
        remove_comments=True,
    )


def parse_xml(data: bytes, *, source: SourceRef | None = None, charset: str | None = None) -> TreatyStatus:
    """`charset` (an HTTP header's) overrides the XML declaration's encoding, honoured otherwise."""
    page = source.location if source else "<xml file>"
    root = _read_tree(data, page, charset)
    if root is None or root.tag != "Document" or root.find("Treaty") is None:
        raise ParseError(f"{page}: not an MTDSG document (no Document/Treaty)")
    treaty = root.find("Treaty")
    header = treaty.find("Header")
    ext = header.find("ExternalData") if header is not None else None
    if header is None or ext is None:
        raise ParseError(f"{page}: not a treaty status page (no Header/ExternalData)")

    chapter, mtdsg_no = _treaty_number(header, ext, page)
    title = _first(ext, "Titlesect") or _first(ext, "Subtitlesect") or ""
    title = _SUPERSCRIPT.sub("", ext.findtext("Titlesect") or ext.findtext("Subtitlesect") or title)

    # A real MTDSG document may have no status block and no participants (a treaty not yet in force, one
    # whose participation is told in special tables, or the 19 header-only files of the 2018 set): it is
    # still that treaty's status, with no participants, not an error.
    status = ext.find("Status")
    declared_text, declared_count = _declared_text(status)
    declared_parties = _count(status.findtext("Parties")) if status is not None else None
    if declared_parties is None:
        declared_parties = declared_count
    table = treaty.find("Participants/Table")

    columns: tuple[Column, ...] = ()
    participants: tuple[Participant, ...] = ()
    if table is not None:
        columns, participants = _read_participants(treaty, table, page)

    status = TreatyStatus(
        mtdsg_no=mtdsg_no,
        title=fold(_strip_markup(title)),
        source_kind=SOURCE_XML,
        chapter=chapter,
        chapter_title=_first(header, "Chapter/Name"),
        conclusion=_first(ext, "Conclusion"),
        entry_into_force=_first(ext, "EIF/Labeltext"),
        registration=_first(ext, "Registration/Labeltext"),
        status_as_at=None,  # the XML carries no status date; the importer supplies the capture date
        declared_signatories=_count(status.findtext("Signatories")) if status is not None else None,
        declared_parties=declared_parties,
        declared_text=declared_text,
        columns=columns,
        participants=participants,
        end_notes=tuple(
            EndNote(number=fold(n.findtext("index") or ""), text=_note_text(n))
            for n in treaty.iterfind("EndNotes/Note")
        ),
        declarations=_xml_declarations(treaty, "Declarations/Declaration", "declaration")
        + _xml_declarations(treaty, "Objections/Objection", "objection")
        + _xml_declarations(treaty, "DeclarationsUnderArticle/Declaration", "under_article"),
        source=source,
    )
    return clean_parsed(status, page=page)  # controls and bidi overrides out, sizes bounded


def _treaty_number(header: etree._Element, ext: etree._Element, page: str) -> tuple[str, str]:
    """(chapter, MTDSG number) from the header's chapter, sub-chapter and section numbers."""
    chapter_m = _ROMAN.search(_first(header, "Chapter/Header") or "")
    chapter = chapter_m.group(1).upper() if chapter_m else None
    sub = _first(header, "SubChapter/Header")
    numsect = _first(ext, "Numsect")
    subnum = _first(ext, "Subnumsect")
    if not chapter or not numsect:
        raise ParseError(f"{page}: no chapter or section number in the header")
    raw_no = "-".join(p for p in (chapter, sub, numsect, subnum) if p)
    try:
        return chapter, validate(raw_no)
    except InvalidTreatyNumber as exc:
        raise ParseError(f"{page}: the header's treaty number is invalid: {exc}") from exc


def _read_participants(
    treaty: etree._Element, table: etree._Element, page: str
) -> tuple[tuple[Column, ...], tuple[Participant, ...]]:
    """The participants table's columns and rows, each row marked when it has declarations."""
    head_rows = table.findall("TGroup/Thead/Row")
    if not head_rows:
        raise ParseError(f"{page}: participants table has no header row")
    labels = ["".join(e.itertext()) for e in head_rows[0].findall("Entry")]
    if not labels:
        raise ParseError(f"{page}: participants table header row has no cells")
    labels[0] = _name_and_footnotes(labels[0])[0]
    columns = parse_columns([_strip_markup(x) for x in labels], page=page)
    raw_rows = []
    for row in table.iterfind("TGroup/Tbody/Rows/Row"):
        entries = ["".join(e.itertext()) for e in row.findall("Entry")]
        if not entries:
            continue
        name, notes = _name_and_footnotes(entries[0])
        raw_rows.append(RawRow(name=name, footnotes=notes, has_declarations=False, cells=tuple(entries[1:])))
    declared_names = _declaring_participants(treaty)
    raw_rows = [
        RawRow(r.name, r.footnotes, r.name in declared_names, r.cells) if r.name in declared_names else r
        for r in raw_rows
    ]
    return columns, build_participants(columns, raw_rows, page=page)


def _note_text(note: etree._Element) -> str:
    """A note's text with its tables in place, a row's cells separated by spaces, as the HTML page prints
    them: "... on the dates indicated hereinafter: Participant: Date of notification: Date of effect:
    Canada 3 Dec 1992 31 Dec 1993 ..." (the withdrawal dates of X-9, XIX-21, XIX-35, XXVII-7-a live there)."""
    parts = []
    for child in note:
        if child.tag == "text":
            parts.append(_strip_markup("".join(child.itertext())))
        elif child.tag == "table":
            for row in child.iterfind("row"):
                parts.extend(_strip_markup("".join(col.itertext())) for col in row.iterfind("col"))
    return fold(" ".join(p for p in parts if p))


def _declaring_participants(treaty: etree._Element) -> set[str]:
    return {
        _name_and_footnotes(p.text or "")[0]
        for p in treaty.iterfind("Declarations/Declaration/Participant")
        if p.text
    }


def _xml_declarations(treaty: etree._Element, path: str, kind: str) -> tuple[Declaration, ...]:
    out = []
    for d in treaty.iterfind(path):
        who = _name_and_footnotes("".join(d.findtext("Participant") or ""))[0]
        out.append(Declaration(participant=who, text=_joined(d, "text"), kind=kind))
    return tuple(out)
