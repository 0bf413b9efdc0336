"""The text's layout made plain before anything reads it, one character for one, so positions stay.

Text copied from a web page carries no-break and thin spaces between a number and its noun ("164 States");
text copied from a PDF, an e-mail or a parliamentary record is hard-wrapped, so a sentence runs over line
breaks that say nothing ("ratified by\\n45 States"); text copied as Markdown or from an encyclopedia
carries marks ("**164** countries", "[Treaty](address)", "164 countries[4] have"). All are layout, not
words: a no-break space reads as a space, a mark as spaces, and a line break inside a block of wrapped lines
as a space. Line breaks that do say something stay: a heading, an infobox or table row, a list item, a
short line of a block whose lines are not all of one measure, a sentence's end before a footnote mark.
"""

from __future__ import annotations

import re

from pipeline.claims.numbers import ORDINAL_WORD
from pipeline.text import MONTH_NAMES, NUMBER_WORDS, ORDINAL_SUFFIX, WEEKDAY_NAMES, parse_ordinal

# No-break, figure, thin, hair, narrow no-break and other fixed-width spaces; a carriage return.
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\r]")
# A line that starts an item of its own: a table or infobox row, a bullet, a numbered item, a Markdown
# heading or quote, a label and its colon ("Signed only (2): Somalia, South Sudan").
# A label and its colon at a line's start ("Optional Protocol: 90 signatures"): an item of its own.
LABEL_COLON = r"[A-Z][\w ()/-]{0,40}:\s"
_ITEM = re.compile(r"\s*(?:[|!*\-–—•#>{]|\d{1,2}[.)]\s|" + LABEL_COLON + ")")
# An encyclopedia's infobox row, its field's name and its value ("Signatories 140", "Effective 2 September
# 1990"): a row of its own, never the rest of a wrapped line ("Condition 20 ratifications" above it).
_ROW = re.compile(
    r"(?:Signatories|Parties|Ratifications)[ \t]+\d{1,3}\b|"
    r"(?:Signed|Sealed|Effective|Condition|Location|Depositary|Languages?|Expiration)[ \t]+[A-Z0-9]"
)
# A word no heading ends with, a sentence's middle: "... the Seychelles and" (a wrapped line, not a title).
_ENDS_MID_SENTENCE = re.compile(r"\b(?:and|or|of|the|to|in|on|by|with|for|a|an|from|that|which|than)$", re.I)
# Dot leaders before a figure at a line's end: a row of a list, never a wrapped line.
_LEADERS = re.compile(r"(?:\.{3,}|…)[ \t]*\d{1,3}\b[^\n.]{0,40}$")
# Columns aligned by spaces inside a line (three or more between two cells).
ALIGNED = re.compile(r"\S {3,}\S")
# A bar between two cells of a row.
_CELL_BAR = re.compile(r"\S[ \t]*\|[ \t]*\S")
# A date alone on its line: "March 6, 2025", "Friday, 2 July 2010", "Dec. 24, 2014 10:32 AM", "2014-12-24",
# "02.07.2010", "Posted on May 3, 2010 by admin", "By Staff Writer | May 3, 2010".
_DATE_LINE = re.compile(
    r"(?:by\s+[\w.' -]{1,40}?\s*[|·•–—]\s*)?"
    r"(?:(?:posted|published|updated|last\s+updated|dated?)(?:\s+on)?:?\s+)?"
    rf"(?:(?:{WEEKDAY_NAMES}),?\s+)?(?:\d{{1,2}}\s+(?:{MONTH_NAMES})\.?,?\s+\d{{4}}|(?:{MONTH_NAMES})\.?\s+\d{{1,2}}"
    rf"(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d\d-\d\d|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})(?:,?\s+\d{{1,2}}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?)?"
    r"(?:\s+by\s+[\w.' -]{1,40})?",
    re.I,
)
# The measure of a wrapped block: its longest line is at least this long and at most the longest (a
# paragraph written on one line is longer, and has no line break to read)...
_SHORTEST_MEASURE, _LONGEST_MEASURE = 45, 120
# ... and every line but its last is within this many characters of it (a word too long for the end of a
# line goes to the next).
_RAGGED = 25


# Markdown emphasis around words ("**164** countries", "_Arms Trade Treaty_"), on one line, and a link's
# brackets and address ("[Arms Trade Treaty](its address)"): marks, not words.
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*|_)(?=[^\s*_])([^\n*_]{1,200}?)(?<=[^\s*_])\1(?![\w*])")
# A reference mark copied from an encyclopedia page inside a line ("164 countries[4] have", "[citation
# needed]"); at a line's end it stays, a row's value mark ("13 January 1993[1]": a row, not a dateline).
_CITATION = re.compile(
    r"\[(?:\d{1,3}|[a-z]|citation needed|note \d{1,3}|nb \d{1,3})\](?=(?:\[[^\]\n]{1,20}\])*[ \t]*[^\s\[])",
    re.I,
)
# A note's mark in brackets glued to its word ("12 member States(1) have ratified"): no figure.
_GLUED_NOTE = re.compile(r"(?<=[^\W\d])\(\d{1,2}\)(?=[\s,.;:])")
_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\((?:https?://|/|www\.)[^()\s]{0,500}\)")


# A note's mark in superscript digits, as text copied from a journal or a book keeps it ("in December
# 1997,⁴⁷ and entered into force", "civil society.⁴⁶ It drew").
_SUPERSCRIPTS = re.compile("[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+")


# Inline HTML a copied page kept ("ratified by <b>110</b> countries", "<strong>State</strong>s", "<br />", a
# note's "<sup>3</sup>", "&nbsp;"): the tags and entities as spaces (a note mark's digits too, a line break's
# tag as one), the words kept.
_HTML = re.compile(
    r"<sup>[^<>\n]{0,12}</sup>|</?(?:b|strong|i|em|u|span|a|font|small|sup|sub|p|div)\b[^<>\n]{0,300}>|<br\s*/?>|"
    r"&(?:nbsp|#160|#xa0|amp|quot|#39);",
    re.I,
)

_GLUED_TAG = re.compile(r"(?<=\w)(</?(?:b|strong|i|em|u|span|font|small)\b[^<>\n]{0,300}>)(\w+)", re.I)


# A month's abbreviation's dot before its day ("Jan. 4, 1969"), which ends no sentence: a space, so that what
# reads within a sentence ("[^.]") reads past it.
_MONTH_DOT = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.(?=[ \t]+\d)")
# A typing slip before a status date: "ratified it to 34 as off 2006".
_AS_OFF = re.compile(r"\b([Aa]s[ \t]+of)f(?=[ \t]+(?:\d|the\b|(?-i:[A-Z])))")

# An e-mail's (or Markdown's) quotation marks at a line's start ("> > 150 States have ratified"), and
# Markdown's heading marks ("## Status").
# (not ">150 countries", a sign for "more than")
_LINE_MARKS = re.compile(r"^(?:[ \t]*>(?!\d))+[ \t]?|^[ \t]*#{1,6}[ \t]+(?=\S)", re.M)


def plain_marks(text: str) -> str:
    """`text` with quotation and heading marks at lines' starts, Markdown's emphasis marks, link addresses,
    reference marks ("[4]", "States(1)"), note marks in superscript digits and inline HTML as spaces, the
    words they mark kept (and "as off 2006" read "as of 2006")."""
    text = _SUPERSCRIPTS.sub(lambda m: " " * len(m.group(0)), text)
    if "." in text:
        text = _MONTH_DOT.sub(r"\1 ", text)
    if "s off" in text:
        text = _AS_OFF.sub(r"\1 ", text)
    if ">" in text or "#" in text:
        text = _LINE_MARKS.sub(lambda m: " " * len(m.group(0)), text)
    if "<" in text or "&" in text:
        # ("<strong>State</strong>s": the word's end moved up to its start, the tag's room after it)
        text = _GLUED_TAG.sub(lambda m: m.group(2) + " " * len(m.group(1)), text)
        text = _HTML.sub(
            lambda m: ("\n" if m.group(0)[:3].lower() == "<br" else " ").ljust(len(m.group(0))), text
        )
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(1)), text)
    if "[" in text:
        text = _CITATION.sub(lambda m: " " * len(m.group(0)), text)
    if "(" in text:
        text = _GLUED_NOTE.sub(lambda m: " " * len(m.group(0)), text)
    if "](" in text:
        text = _LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group(0)) - len(m.group(1)) - 1), text)
    return text


def plain_spaces(text: str) -> str:
    """`text` with every fixed-width or no-break space as a plain space ("\\r" too), and a hyphen typed as
    its own character (U+2010) or as a no-break one (U+2011) as the keyboard's ("forty-five" either way)."""
    return _SPACES.sub(" ", text).translate(_HYPHENS)


_HYPHENS = str.maketrans("\u2010\u2011", "--")


def _soft_breaks(lines: list[str]) -> list[bool]:
    """For each line break of one paragraph (between lines[i] and lines[i + 1]): is it a wrap?"""
    widths = [len(line.rstrip()) for line in lines]
    # A row of columns (a page's footer: "APLC/MSP.9/2008/xx        4") is no line of the text's measure.
    measure = max((w for w, line in zip(widths, lines, strict=True) if not ALIGNED.search(line)), default=0)
    if not _SHORTEST_MEASURE <= measure <= _LONGEST_MEASURE or any("\t" in line for line in lines):
        return [False] * (len(lines) - 1)
    full = [w >= measure - _RAGGED for w in widths]
    block = all(full[:-1])  # every line but the last of one measure: a wrapped block
    soft = []
    for i in range(len(lines) - 1):
        # (a line that ends in a colon opens what follows: a list, a table)
        item = (
            _ITEM.match(lines[i]) is not None
            or _ITEM.match(lines[i + 1]) is not None
            or _ROW.match(lines[i + 1]) is not None
            or lines[i].rstrip().endswith(":")
            or _LEADERS.search(lines[i]) is not None  # a list's row: "ICESCR ........ 160"
            # a table's row, its columns aligned by spaces: "CCW (1980)      1980      50"
            or ALIGNED.search(lines[i]) is not None
            or ALIGNED.search(lines[i + 1]) is not None
            # a table's row, its cells between bars: "Arms Trade Treaty (ATT) | 130 | 110"
            or _CELL_BAR.search(lines[i]) is not None
            or _CELL_BAR.search(lines[i + 1]) is not None
            # a byline's date alone on its line under a headline: "March 6, 2025", "Friday, 2 July 2010"
            or _DATE_LINE.fullmatch(lines[i + 1].strip()) is not None
        )
        # Outside a block of one measure, a full line runs on into a line that cannot open a row of its
        # own: one that starts with a small letter ("... has been signed\nby 88 States").
        # A full line inside a run of full lines runs on too (a wrapped paragraph under a heading line).
        # It must end in a word or a comma: a row of an infobox ends in its value ("(Article 22)", "[1]"),
        # a sentence with a footnote mark in its number ("by 23 States.1").
        in_run = ((i > 0 and full[i - 1]) or (i + 2 < len(lines) and full[i + 1])) and re.search(
            r"[A-Za-z,;]$", lines[i].rstrip()
        ) is not None
        runs_on = block or in_run or lines[i + 1][:1].islower()
        # A first line that is full but ends without a stop over a capital is a wrap only when the block
        # has a third line to show its measure (a heading over one line of text is not a block).
        # (a line that ends in a word that runs on is no heading: "... the Seychelles and" / "Sweden—had")
        heading = i == 0 and len(lines) == 2 and re.search(r"[A-Za-z0-9]$", lines[0].rstrip()) is not None
        heading = heading and _ENDS_MID_SENTENCE.search(lines[0].rstrip()) is None
        # A footnote mark after a full stop ends a sentence where the page had its note ("States.1").
        noted = re.search(r"[.!?][\"'”’)]?\d{1,3}$", lines[i].rstrip()) is not None
        soft.append(
            full[i] and runs_on and not item and not noted and not (heading and not lines[1][:1].islower())
        )
    return soft


def unwrap(text: str) -> str:
    """`text` with every line break inside a hard-wrapped block as a space, and a word hyphenated at such
    a break joined again ("Conven-\ntion" reads "Convention", the hyphen and the break as spaces after it;
    not "forty-\nfive", whose hyphen is the number's)."""
    if "\n" not in text:
        return text
    out = list(text)
    # (a block ends at a blank line or at the text's end: the text's last line break is no break inside it)
    for block in re.finditer(r"[^\n](?:[^\n]|\n(?![ \t]*(?:\n|\Z)))*", text):
        lines = block.group(0).split("\n")
        if len(lines) < 2:
            continue
        pos = block.start()
        for i, (line, soft) in enumerate(zip(lines[:-1], _soft_breaks(lines), strict=True)):
            pos += len(line)
            if soft:
                out[pos] = " "
                head, tail = _HYPHENATED.search(line), _WORD_START.match(lines[i + 1])
                if head is not None and tail is not None and head.group(1).lower() not in NUMBER_WORDS:
                    # The word's second half moves up to its first; what stood between them follows it.
                    cut = pos - (len(line) - head.end(1))
                    out[cut : pos + 1 + tail.end()] = [*tail.group(0), *" " * (pos + 1 - cut)]
            pos += 1
    return "".join(out)


# A word broken at a line's end ("Conven-"), and the rest of it at the next line's start ("tion on").
_HYPHENATED = re.compile(r"(?<![\w-])([A-Za-z]+)-[ \t]*$")
_WORD_START = re.compile(r"[a-z]+")


# An ordinal in words told again in digits in brackets: "the one hundred and eleventh (111th) State Party",
# "the tenth (10th) country" (a translation's or a ministry's habit).
_ORDINAL_RESTATED = re.compile(
    rf"\b(?P<word>{ORDINAL_WORD})[ \t]*\((?P<digits>\d{{1,3}}){ORDINAL_SUFFIX}\)", re.I
)


# A count's share in brackets right after it: "172 (89 per cent) have ratified", "150 (78%) States".
_SHARE_ASIDE = re.compile(r"(?<=\d)[ \t]*\(\d{1,3}(?:[.,]\d{1,2})?[ \t]*(?:%|per[ \t]*cent|percent)\)", re.I)


def plain_restated(text: str) -> str:
    """`text` with an ordinal's restatement in digits after its words as spaces, when the two agree, and a
    count's share in brackets after it as spaces."""
    if "(" not in text:
        return text

    def blank(m: re.Match[str]) -> str:
        if parse_ordinal(m.group("word")) != int(m.group("digits")):
            return m.group(0)
        return m.group("word") + " " * (len(m.group(0)) - len(m.group("word")))

    return _SHARE_ASIDE.sub(lambda m: " " * len(m.group(0)), _ORDINAL_RESTATED.sub(blank, text))


def plain_layout(text: str) -> str:
    """`text` as the reader reads it: plain spaces, no Markdown marks, wrapped blocks unwrapped, an
    ordinal's restatement in brackets blanked; as long as `text`."""
    return plain_restated(unwrap(plain_marks(plain_spaces(text))))


def as_given(original: str, read: str) -> str:
    """The text as given (`original`) when its positions are those of the text read (`read`, its plain
    layout, is as long as it), else the text read: the text whose lines and note marks are counted."""
    return original if len(original) == len(read) else read
