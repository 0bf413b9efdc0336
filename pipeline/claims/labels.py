"""Counts a text tells as labels rather than in sentences, for the frame stage (pipeline/claims/frames.py):
a list's heading with its count in brackets ("Signed but not yet ratified (12): Fiji, Gambia, ..."), a
table's column under a measure's heading ("Treaty | Parties | Signatories" over "CAT | 175 | 83").

Not read here: a milestone named by its ordinal in a headline ("reaches 30th ratification milestone"); the
checker makes an ordinal a threshold when that consent brought the treaty into force, and the evaluation
set lists the same headline once as a count and once not at all."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.claims.asides import aside_matches
from pipeline.claims.elided import elided_matches
from pipeline.claims.measures import MEASURE_SIGNED_NOT_PARTIES, measure_for
from pipeline.claims.model import CountMatch
from pipeline.claims.numbers import (
    DIGIT_NUMBER,
    QUALIFIERS,
    WORD_NUMBER,
    parse_number,
    qualified,
)
from pipeline.text import alternation

# A list's heading at a line's start: a measure's words, its count in brackets, then a colon, the line's end
# or the first state named ("States Parties (110) Afghanistan, Albania, ...", "Ratified (176)").
_LIST_HEADING = re.compile(
    r"^[ \t*•·>-]*(?P<label>signed(?:\s+but|\s+and|,)?\s+not\s+(?:yet\s+)?ratified|signed\s+only|signatories|"
    r"signatures|states?[\s-]+parties|parties|ratifications|ratified|acceded|accessions)"
    r"[ \t]*\([ \t]*(?P<num>\d{1,3})[ \t]*\)(?:[ \t]*:|[ \t]*$|(?=[ \t]+(?-i:[A-Z][a-z]+)\b(?!\s*\()))",
    re.I | re.M,
)


def _row(text: str, figure: int, measure: str, span: tuple[int, int], number: tuple[int, int]) -> CountMatch:
    """A figure told as a row of data (a label's, a table's, a list's), read as an infobox's row is: dated by
    its own "as of", else its caption's, else the text's own day (status_dates.row_day)."""
    return replace(CountMatch.exact(text, figure, measure, span, number), source="infobox")


def label_matches(text: str) -> list[CountMatch]:
    """The counts told by list headings."""
    out = []
    for m in _LIST_HEADING.finditer(text):
        label = re.sub(r"\s+", " ", m.group("label").lower())
        # "Signed only (9):", "Signed but not ratified (12):": those that signed and are not parties.
        measure = MEASURE_SIGNED_NOT_PARTIES if label.startswith("signed") else measure_for(label, "")
        span = (m.start("label"), m.end())
        out.append(CountMatch.exact(text, int(m.group("num")), measure, span, m.span("num")))
    return out


# A label, its colon and its count, as a fact sheet prints them: "Ratified: 113", "Countries that have
# ratified: 113", "Signatories not yet party: 14", "Signatories that have not yet ratified: 28",
# "Ratifications/accessions: 113", "Arms Trade Treaty — Parties: 113, Signatories: 130", "(parties: 113)".
# At a line's start, or after a dash, a bracket, a list's comma or semicolon or a heading's colon ("Status:
# Signatories: 130. Parties: 110."); the colon is what makes it a label ("ratified 113 ..." at a line's
# start is a sentence).
_SIGNED_ONLY = (
    r"(?P<only>(?:signatories|signatory\s+states|signed)(?:\s*,)?\s+(?:but\s+|(?:that|which|who)\s+have\s+)?"
    r"not\s+(?:yet\s+)?"
    r"(?:a\s+)?(?:party|parties|ratified)|signed\s+only)"
)
# A treaty's word, in a label's name before it and in a bulleted list's line.
_TREATY_NOUN = r"\b(?:convention|treaty|protocol|covenant|statute)\b"
_COLON_LABEL = re.compile(
    r"(?:^|(?<=[.;,:(—–]\s)|(?<=[(—–]))[ \t*•·-]*"
    # ("Convention on Cluster Munitions ratifications: 90": the treaty's name before its label)
    r"(?P<named>(?=(?-i:[A-Z]))[A-Za-z'’ -]{0,80}?"
    + _TREATY_NOUN
    # (then its name's words)
    + r"(?:\s+(?:on|of|the|against|for|to|and|(?-i:[A-Z])[\w'’-]*|\([\w-]+\))){0,8}\s+)?"
    + r"(?P<label>"
    + _SIGNED_ONLY
    + r"|(?:(?:states|countries|nations)\s+(?:that\s+have\s+)?)?(?:ratified|signed|acceded)|"
    r"ratifications?(?:\s*(?:/|and|or|&)\s*accessions?|\s+count)?|signatories|signatures|states?[\s-]+parties|parties)"
    # "Parties to the First Optional Protocol (individual complaints): 116", "Ratifications of the Convention
    # on Cluster Munitions: 90": the treaty in the label
    r"(?:\s+(?:to|of|for)\s+(?:the\s+|its\s+)?(?:(?-i:[A-Z])[^:\n]{2,100}?|"
    # (or a name in small letters that ends in a treaty's word: "Ratifications of the nuclear ban treaty: 50")
    r"[\w'’ -]{2,60}?" + _TREATY_NOUN + r"))?"
    # (or a dash for the colon: "Parties to the Convention on Cluster Munitions – 90")
    r"(?:[ \t]*:|(?P<dash>[ \t]+[-–—]))[ \t]*(?P<num>\d{1,3})\b"
    r"(?![ \t]*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|[.,]\d)",
    re.I | re.M,
)


# A group of states named with the treaty before a label ("Convention on Cluster Munitions African
# ratifications").
_GROUP_NAMED = re.compile(
    r"\b(?:EU|European|African|Asian|Arab|American|Caribbean|Pacific|Nordic|regional|other)\b", re.I
)
_COLON_NUMBER = re.compile(r"(?:[ \t]*:|[ \t]+[-–—])[ \t]*\d{1,3}\b")


def _labels_at_colons(text: str) -> list[re.Match[str]]:
    """The label matches, looked for only before a colon and its number (tried at every character, the
    label's pattern cost prose 0.05 ms a kB; so, next to nothing)."""
    found = []
    for c in _COLON_NUMBER.finditer(text):
        lo = max(text.rfind("\n", 0, c.start()) + 1, c.start() - 130)
        found += [m for m in _COLON_LABEL.finditer(text, lo, c.end() + 24) if m.end("num") == c.end()]
    return found


def colon_label_matches(text: str) -> list[CountMatch]:
    """The counts told by a label and its colon ("Ratified: 113"), each as a row of data."""
    out = []
    for m in _labels_at_colons(text):
        if m.group("named") and _GROUP_NAMED.search(m.group("named")):
            continue  # the count of a group, not the treaty's
        if m.group("dash") and re.search(r"[(),;]", text[m.start("label") : m.start("dash")]):
            continue  # a dash in prose: "Ratification (with a number of countries – 62 at the time)"
        label = re.sub(r"\s+", " ", m.group("label").lower())
        if m.group("only"):  # "Signatories not yet party: 14", "Signed only: 9"
            measure = MEASURE_SIGNED_NOT_PARTIES
        else:
            measure = measure_for("signatories" if re.search(r"\bsign", label) else "parties", "")
        out.append(_row(text, int(m.group("num")), measure, (m.start("label"), m.end()), m.span("num")))
    return out


# "By the numbers" lists, the figure first: "162 - states parties", "196: States parties", "1: signatory yet
# to ratify (the United States)".
_NUMBER_FIRST = re.compile(
    r"^[ \t*•·-]*(?P<num>\d{1,3})[ \t]*(?::|[-–—])[ \t]+(?P<label>states?[\s-]+parties|parties|ratifications|"
    r"signatories|signatures|(?P<only>signator(?:y|ies)\s+(?:yet\s+to|that\s+(?:has|have)\s+(?:yet\s+to|not))\s+ratif\w*|"
    r"signed\s+but\s+not\s+(?:yet\s+)?ratified))\b"
    # (a label, not a sentence: "2 - Parties shall take measures" is an article's paragraph)
    r"(?=[ \t]*(?:$|[(,;.]|(?:by|as\s+of|as\s+at|in|at|since|to)\b))",
    re.I | re.M,
)


def number_first_matches(text: str) -> list[CountMatch]:
    """The counts of "by the numbers" lists, each as a row of data."""
    return [
        _row(
            text,
            int(m.group("num")),
            MEASURE_SIGNED_NOT_PARTIES if m.group("only") else measure_for(m.group("label"), ""),
            m.span(),
            m.span("num"),
        )
        for m in _NUMBER_FIRST.finditer(text)
    ]


# A table's header row: cells between "|" or tabs, at least one of them a measure's words.
_CELL = re.compile(r"[^|\t\n]+")
_MEASURE_HEADER = re.compile(
    r"(?:no\.?\s+of\s+|number\s+of\s+)?(?P<label>states?[\s-]+parties|(?:high\s+)?contracting\s+parties|parties|"
    r"signatories|signatures|"
    r"ratifications(?:\s*(?:/|and|or|&)\s*accessions)?|ratified|signed|accessions|acceded)(?:\s*\([^()]*\))?",
    re.I,
)
_RULE_ROW = re.compile(r"^[\s|:+-]*$")
# (a note's mark may follow the figure: "97a", "48*", "137[2]")
_FIGURE_CELL = re.compile(r"(?P<n>\d{1,3})(?:[a-z]|\*{1,3}|†|\[\d{1,2}\])?")


# A row whose columns are aligned by spaces, two or more apart: "CCW (1980)      1980      50      125".
_SPACED_CELL = re.compile(r"\S+(?: \S+)*")


def _cells(line: str) -> list[tuple[str, int]] | None:
    """The cells of a table's row ("| a | b |", "a | b", "a<TAB>b", "a   b" aligned by spaces), each with
    where it starts in the line, or None for a line that is none."""
    if "|" not in line and "\t" not in line:
        if "  " not in line.strip():
            return None
        cells = [(m.group(0), m.start()) for m in _SPACED_CELL.finditer(line)]
        return cells if len(cells) >= 2 else None
    cells = []
    for m in _CELL.finditer(line):
        cell = m.group(0).strip()
        if cell:
            cells.append((cell, m.start() + m.group(0).index(cell)))
        elif 0 < m.start() and m.end() < len(line):
            cells.append(("", m.start()))  # an empty cell between two bars
    return cells if len(cells) >= 2 else None


def _column_measure(heading: str) -> str:
    """The measure of a column's heading: its label's, and "signed but not ratified" by what follows it."""
    m = _MEASURE_HEADER.fullmatch(heading)
    return measure_for(m.group("label") if m else heading, heading[m.end("label") :] if m else "")


def table_matches(text: str) -> list[CountMatch]:
    """ "Treaty | Parties | Signatories" over "Arms Trade Treaty | 116 | 26": each figure under a measure's
    heading is a count of that measure, of the treaty its row names (the rows under the heading, up to the
    first line that is no row of as many cells)."""
    if "|" not in text and "\t" not in text and "   " not in text:
        return []
    out = []
    columns: dict[int, str] = {}
    width = 0
    at = 0
    for line in text.split("\n"):
        line_start, at = at, at + len(line) + 1
        cells = _cells(line)
        if cells is None:
            columns = {}
            continue
        heads = {k: h for k, (c, _) in enumerate(cells) if (h := _MEASURE_HEADER.fullmatch(c))}
        if heads and not any(_FIGURE_CELL.fullmatch(c) for c, _ in cells):
            # ("Signatories (not yet ratified)": the words after the label tell the measure too)
            columns = {k: re.sub(r"\s+", " ", h.group(0).lower()) for k, h in heads.items()}
            width = len(cells)
            continue
        if _RULE_ROW.match(line):
            continue
        if not columns or len(cells) != width:
            columns = {}
            continue
        for k, label in columns.items():
            cell, start = cells[k]
            if figure := _FIGURE_CELL.fullmatch(cell):
                number = (line_start + start, line_start + start + figure.end("n"))
                out.append(
                    _row(text, int(figure["n"]), _column_measure(label), (line_start, number[1]), number)
                )
    return out


# A line of a list whose figures stand after dot leaders: "ICESCR ........ 160", "Convention - signatories
# ...... 160", "Chemical Weapons Convention ......... 192 States parties".
_LEADER_LINE = re.compile(
    r"^[ \t*•·-]*(?P<label>\S[^\n]{1,160}?)[ \t]*(?:\.{3,}|…+)[ \t]*(?P<num>\d{1,3})"
    r"(?P<noun>[ \t]+[A-Za-z][A-Za-z ]{0,30}?)?[ \t]*$",
    re.M,
)
_LIST_MEASURE = re.compile(
    r"\b(?P<sign>signatories|signatures|signed)\b|\b(?P<join>parties|ratif\w*|acce\w*|contracting)", re.I
)


def _measure_told(words: str) -> str | None:
    """The measure a list's label or heading tells (a count of joining before one of signing), or None."""
    found = [m for m in _LIST_MEASURE.finditer(words)]
    if any(m.group("join") for m in found):
        return measure_for("parties", "")
    return measure_for("signatories", "") if found else None


def _block_above(text: str, start: int) -> list[str]:
    """The lines of the paragraph above `start`, back to a blank line."""
    return text[:start].rstrip("\n").split("\n\n")[-1].split("\n")


def _heading_measure(block: list[str], item: re.Pattern[str]) -> str | None:
    """The measure the heading of a list tells: the block's last three lines that are not its `item`s."""
    return _measure_told(" ".join([line for line in block if not item.match(line)][-3:]))


def leader_matches(text: str) -> list[CountMatch]:
    """ "Number of States parties (as at 31 December 1995)" over "ICERD ........ 146": each figure after dot
    leaders is a count of the treaty its line names, of the measure its line tells, else its list's heading
    (the lines above the list, up to three, back to a blank line); none when neither tells one."""
    out = []
    for m in _LEADER_LINE.finditer(text):
        measure = _measure_told(m.group("label") + (m.group("noun") or ""))
        if measure is None:
            measure = _heading_measure(_block_above(text, m.start()), _LEADER_LINE)
        if measure is not None:
            out.append(_row(text, int(m.group("num")), measure, (m.start("label"), m.end()), m.span("num")))
    return out + bullet_matches(text) + acronym_list_matches(text)


# A label of a measure and its treaties' figures after it, each after the treaty's acronym: "Ratifications:
# CRC 196, CEDAW 189, CAT 173", "Number of States parties: CRC 196; CEDAW 189". Two items at least.
_ACRONYM_ITEM = r"(?-i:[A-Z][A-Z-]{2,7})[ \t]+\d{1,3}\b"
_ACRONYM_LIST = re.compile(
    r"(?:^|(?<=[.;]\s))[ \t*•·-]*(?P<label>(?:number\s+of\s+)?(?:ratifications|(?:states?[\s-]+)?parties|"
    rf"signatories|signatures))[ \t]*:[ \t]*(?P<items>{_ACRONYM_ITEM}(?:[ \t]*[,;][ \t]*{_ACRONYM_ITEM})+)"
    r"[ \t]*(?:[.;]|$)",
    re.I | re.M,
)


def acronym_list_matches(text: str) -> list[CountMatch]:
    """Each figure of a labelled list of acronyms and figures (_ACRONYM_LIST), of the label's measure."""
    out = []
    for m in _ACRONYM_LIST.finditer(text):
        measure = _measure_told(m.group("label"))
        if measure is None:
            continue
        for item in re.finditer(r"(?P<name>[A-Z][A-Z-]+)[ \t]+(?P<num>\d{1,3})", m.group("items")):
            at = m.start("items")
            number = (at + item.start("num"), at + item.end("num"))
            out.append(_row(text, int(item.group("num")), measure, (at + item.start(), number[1]), number))
    return out


# A bulleted line that names a treaty and gives its bare figure after a colon, a dash or in brackets:
# "- Convention against Torture: 158", "* Convention on the Rights of the Child (195)". Its measure is its
# list's heading's ("Core treaties and their parties:"), else that of the list's line above that tells one
# ("- Convention on the Rights of the Child: 195 States parties").
_BULLET_LINE = re.compile(
    r"^[ \t]*(?:[*•·-]|\d{1,2}[.)])[ \t]+(?P<label>[^\n:()]{2,160}?)[ \t]*(?::|[ \t]+[-–—]|(?=\())[ \t]*"
    r"\(?(?P<num>\d{1,3})\)?[ \t]*$",
    re.M,
)
# (a treaty's word: an acronym alone may name a meeting or a body as well, "- MSP: 12")
_NAMES_TREATY = re.compile(_TREATY_NOUN, re.I)
_TOLD_LINE = re.compile(r"^[ \t]*(?:[*•·-]|\d{1,2}[.)])[ \t]+[^\n]*$", re.M)


def bullet_matches(text: str) -> list[CountMatch]:
    """The bare figures of a bulleted list of treaties, each a count of its line's treaty (_BULLET_LINE)."""
    out: list[CountMatch] = []
    for m in _BULLET_LINE.finditer(text):
        if not _NAMES_TREATY.search(m.group("label")):
            continue
        block = _block_above(text, m.start())
        measure = _heading_measure(block, _TOLD_LINE) or next(
            (told for line in reversed(block) if _TOLD_LINE.match(line) and (told := _measure_told(line))),
            None,
        )
        if measure is None and out and text[out[-1].end : m.start()].strip() == "":
            measure = out[-1].measure  # the next item of a list whose heading, a blank line above, told it
        if measure is not None:
            out.append(_row(text, int(m.group("num")), measure, (m.start("label"), m.end()), m.span("num")))
    return out


# A question and its answer: "How many countries have ratified the CRC? Short answer: 196.", "Q: How many
# states have signed it? A: 133.", "How many signatures does the Convention have now? A: A hundred and
# eight.", "How many States are parties today? 178, which ...", and the question that follows one with its
# noun alone: "Q: And ratifications? A: A hundred, exactly."
_NOUNS = r"signatures|signatories|ratifications|accessions|parties|states?[\s-]+parties"
_QUESTION = re.compile(
    r"\bhow\s+many\s+(?:(?:(?:countries|states|nations|governments)\s+)?(?:have|has)\s+"
    r"(?:now\s+|so\s+far\s+|already\s+)?"
    r"(?P<verb>signed|ratified|joined|acceded|become\s+part(?:y|ies)|banned)\b|"
    r"(?:countries|states|nations)\s+(?:are|were)\s+(?:now\s+|actually\s+)?"
    r"(?P<noun>part(?:y|ies)|states?[\s-]+parties|in|on\s+board|bound\s+by)\b|"
    rf"(?P<owned>{_NOUNS})\s+(?:does|do|did|has|have|had)\b)"
    r"(?P<tail>[^?\n]{0,120})\?|"
    rf"^[ \t]*(?:q\s*[:.]\s*)?(?:and|what\s+about|how\s+about)\s+(?P<more>{_NOUNS})\s*\?",
    re.I | re.M,
)
_NUM_WORDS = rf"{DIGIT_NUMBER}|{WORD_NUMBER}"
_ANSWER = re.compile(
    r"[ \t\n]*(?:(?:short\s+)?answer\s*:\s*|a\s*[:.]\s*|(?-i:[A-Z][A-Za-z .]{1,30}):[ \t]*)?"
    # ("As of 2023, 186.", "Um, eighty-eight, I think": what opens a spoken or written answer)
    r"(?:(?:as\s+(?:of|at)\s+[^,.?\n]{1,40}|currently|today|so\s+far|to\s+date|at\s+present|well|um|uh|"
    r"at\s+(?:the\s+)?last\s+count)"
    r"\s*,\s*)*"
    # ("A: Only around 60, mostly countries of origin")
    r"(?:(?:only|just)\s+)?(?:(?P<qual>" + alternation(QUALIFIERS) + r")\s+)?"
    r"(?:a\s+(?=hundred\b))?(?P<num>" + _NUM_WORDS + r")(?:[ \t]+(?:countries|states|nations|governments))?"
    r"(?=[ \t]*(?:[.;,!]|$)|[ \t]+(?:at\s+the\s+time|now|today|so\s+far|in\s+all|exactly)\b)",
    re.I | re.M,
)


def answer_matches(text: str) -> list[CountMatch]:
    """The number that answers a "How many countries have ratified ...?" question, of the measure its verb
    or noun tells ("signed", "signed but not ratified", "ratified", "signatures"; "banned" for a ban
    treaty's parties). A question of its noun alone ("And ratifications?") only after a "how many" one."""
    out = []
    asked = False
    for q in _QUESTION.finditer(text):
        if q.group("more") is None:
            asked = True
        elif not asked:
            continue
        a = _ANSWER.match(text, q.end())
        if a is None or a.group("num").lower() in ("a", "one"):
            continue
        word = q.group("verb") or q.group("noun") or q.group("owned") or q.group("more")
        measure = measure_for("ratified" if word.lower() == "banned" else word, q.group("tail") or "")
        told = CountMatch.exact(
            text, parse_number(a.group("num")), measure, (q.start(), a.end()), a.span("num")
        )
        out.append(qualified(told, a.group("qual")))
    return out


def told_apart(text: str) -> list[CountMatch]:
    """The counts told apart from sentences: list headings, a table's columns, dot-leader lists, a label and
    its colon, a count told aside in brackets (asides.py), and one told with its verb left out (elided.py)."""
    return [
        *label_matches(text),
        *table_matches(text),
        *leader_matches(text),
        *answer_matches(text),
        *colon_label_matches(text),
        *number_first_matches(text),
        *aside_matches(text),
        *elided_matches(text),
    ]


__all__ = ["colon_label_matches", "label_matches", "leader_matches", "table_matches", "told_apart"]
