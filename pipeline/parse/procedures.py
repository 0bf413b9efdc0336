"""Complaint procedures: the curated table of which article opens which procedure, and declarations made
under those articles read as dated recognitions of a committee's competence."""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType

from pipeline.parse.endnotes import DATE_PATTERN, parse_day
from pipeline.parse.model import ParseError

PROCEDURES_FILE = Path(__file__).with_name("procedures.csv")

INDIVIDUAL = "individual"
INTER_STATE = "inter-state"
INQUIRY = "inquiry"
PROCEDURE_KINDS = (INDIVIDUAL, INTER_STATE, INQUIRY)

# How a participant comes to accept a procedure: by a declaration under the article; by being a party
# (a complaints protocol, or a procedure open between all parties); or by being a party that did not
# declare under the opt-out article that it does not recognise the committee's competence.
BY_DECLARATION = "declaration"
BY_PARTY = "party"
BY_PARTY_UNLESS_OPTED_OUT = "party-unless-opted-out"
_HOW = (BY_DECLARATION, BY_PARTY, BY_PARTY_UNLESS_OPTED_OUT)


@dataclass(frozen=True)
class Procedure:
    """One row of procedures.csv: the treaty whose status page records acceptance (`mtdsg_no`), the
    article (None: the whole protocol), the procedure, the core treaty it belongs to, and how it is
    accepted."""

    mtdsg_no: str
    article: int | None
    procedure: str
    core: str
    how: str
    opt_out_article: int | None
    note: str


@dataclass(frozen=True)
class CompetenceDeclaration:
    """One participant's declaration recognising a committee's competence under one article.

    `declared_on` is the date the entry gives; None where it gives none, which on these pages means
    "made upon ratification, accession or succession" (the grid's own heading says so)."""

    mtdsg_no: str
    participant: str
    article: int | None  # None: the entry has no text and the grid covers several articles
    procedure: str | None
    declared_on: date | None
    text: str


@cache
def load_procedures(path: Path = PROCEDURES_FILE) -> tuple[Procedure, ...]:
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            if row["procedure"] not in PROCEDURE_KINDS or row["how"] not in _HOW:
                raise ValueError(f"{path.name} line {n}: unknown procedure or way of acceptance: {row}")
            out.append(
                Procedure(
                    mtdsg_no=row["mtdsg_no"],
                    article=int(row["article"]) if row["article"] else None,
                    procedure=row["procedure"],
                    core=row["core"],
                    how=row["how"],
                    opt_out_article=int(row["opt_out_article"]) if row["opt_out_article"] else None,
                    note=row["note"],
                )
            )
    return tuple(out)


@cache
def declaration_articles(mtdsg_no: str) -> Mapping[int, Procedure]:
    """The articles of one treaty under which a declaration opens a procedure: article -> procedure
    (read once per treaty: every diff of every treaty asks)."""
    return MappingProxyType(
        {
            p.article: p
            for p in load_procedures()
            if p.mtdsg_no == mtdsg_no and p.how == BY_DECLARATION and p.article is not None
        }
    )


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if token and all(c in _ROMAN for c in token):
        total = 0
        for a, b in zip(token, token[1:] + " ", strict=True):
            v = _ROMAN[a]
            total += -v if b in _ROMAN and _ROMAN[b] > v else v
        return total
    return None


# "article 14", "article 14 (1)", "article 14, paragraph 1", "articles 21 and 22", "article[s] 31",
# "Article XIV" (Brazil on CERD), "article 41 (1)".
_ARTICLES = re.compile(
    r"\barticles?(?:\[s\])?\s+\[?((?:\d+|[IVXLC]+\b)(?:\s*\(\d+\))?"
    r"(?:\s*(?:,|and|&|or)\s*(?:paragraphs?\s+\d+\s*(?:,|and)?\s*)?(?:\d+|[IVXLC]+\b)(?:\s*\(\d+\))?)*)",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\(\d+\)|\d+|[IVXLC]+\b")
# What each procedure's recognition says when it names no article ("... recognizes the competence of
# the Committee to receive and consider communications from or on behalf of individuals ...").
_CUES = {
    INTER_STATE: re.compile(
        r"another (?:State )?Party|State Part(?:y|ies) (?:claims?|claiming|that another)|from a State Party"
        r"|inter-?State",
        re.I,
    ),
    INDIVIDUAL: re.compile(
        r"individual|on behalf of|petitions|complaints of human rights violations"
        r"|denunciations of violations",
        re.I,
    ),
    INQUIRY: re.compile(r"\binquiry|\benquiry", re.I),
}
_LEADING_DATE = re.compile(rf"^\s*({DATE_PATTERN})\b")


def mentioned_articles(text: str) -> set[int]:
    """Every article number a text names ("articles 21 and 22" -> {21, 22}); paragraph numbers left out."""
    found: set[int] = set()
    for m in _ARTICLES.finditer(text):
        span = re.sub(r"paragraphs?\s+\d+(?:\s*(?:,|and)\s*\d+)*", " ", m.group(1), flags=re.I)
        for tok in _TOKEN.findall(span):
            if tok.startswith("("):
                continue
            n = _number(tok.upper()) if not tok.isdigit() else int(tok)
            if n is not None:
                found.add(n)
    return found


def read_competence(
    mtdsg_no: str, participant: str, text: str, *, page: str = "<page>"
) -> tuple[CompetenceDeclaration, ...]:
    """The recognitions one entry of the "declarations under article" grid makes, one per article.

    Articles are those the text names among the treaty's declaration articles (procedures.csv); an entry
    that names none is read from what it says it recognises (communications from individuals, from
    another State Party, an inquiry). A treaty not in the table gives (): its grid is something else
    (provisional application under XXVI-5's article 18, a federal clause...). An entry of a treaty in the
    table that cannot be read either way is a ParseError naming it: the table or the reading is wrong."""
    articles = declaration_articles(mtdsg_no)
    if not articles:
        return ()
    if not text.strip():
        # The entry is only a heading with a footnote marker: what was declared is told in an end note.
        # A grid of one article says which; a grid of several cannot, and the record says so (article None).
        only = sorted(articles) if len(articles) == 1 else [None]
        return tuple(
            CompetenceDeclaration(
                mtdsg_no=mtdsg_no,
                participant=participant,
                article=a,
                procedure=articles[a].procedure if a is not None else None,
                declared_on=None,
                text="",
            )
            for a in only
        )
    # Articles the text names, and the procedures it says it recognises (a paragraph that names no
    # article: "2. ... recognizes the competence of the Committee ... from or on behalf of individuals").
    by_procedure = {p.procedure: a for a, p in articles.items()}
    named = (mentioned_articles(text) & set(articles)) | {
        by_procedure[k] for k, cue in _CUES.items() if k in by_procedure and cue.search(text)
    }
    if not named:
        raise ParseError(
            f"{page}: {participant}'s declaration under article names no article of "
            f"{sorted(articles)} and says no procedure it recognises: {text[:120]!r}"
        )
    m = _LEADING_DATE.match(text)
    declared_on = parse_day(m.group(1)) if m else None
    return _recognitions(mtdsg_no, participant, text, dict.fromkeys(named, declared_on))


def _recognitions(
    mtdsg_no: str, participant: str, text: str, dated: dict[int, date | None]
) -> tuple[CompetenceDeclaration, ...]:
    """One record per article recognised, in article order, each with its date (None: upon consent)."""
    articles = declaration_articles(mtdsg_no)
    return tuple(
        CompetenceDeclaration(mtdsg_no, participant, a, articles[a].procedure, dated[a], text)
        for a in sorted(dated)
    )


# In a declaration or reservation text (the ordinary grid): "15 September 2008 Declaration under article 77:
# The United Mexican States recognizes as fully binding the competence of the Committee ..." (CMW keeps its
# article 76 and 77 declarations there, not in a grid of their own).
_RECOGNITION = re.compile(r"\b(?:recogni[sz]\w*|accept\w*)\b[^.;]{0,200}?\bcompeten", re.I)
# Not a recognition: "does not recognize", "withdraws", "Turkey will recognize the competence ... at a later
# time".
_NEGATION = re.compile(
    r"\b(?:not|no longer)\s+(?:to\s+)?(?:recogni[sz]e|accept)|\bwithdraw|\bwill\s+recogni|\bat a later\b"
    r"|\bintends?\b",
    re.I,
)
# A date that opens a dated part of an entry ("... legislation. 15 September 2008 Declaration under article
# 77: ..."), not one told in passing ("adopted in New York on 18 December 1990").
_BLOCK_DATE = re.compile(rf"(?:^|[.:;\"”)\]]\s+|\s{{2,}})({DATE_PATTERN})(?=\s+[A-Z“\"])")


def recognitions_in_text(mtdsg_no: str, participant: str, text: str) -> tuple[CompetenceDeclaration, ...]:
    """Recognitions of a committee's competence made inside an ordinary declaration: each sentence that
    recognises or accepts the competence, is not negated, and names one of the treaty's declaration
    articles (or says which procedure, as read_competence does). Dated by the nearest date before it in
    the text (the entry's own dated parts), else None (made upon consent)."""
    articles = declaration_articles(mtdsg_no)
    if not articles or not text:
        return ()
    by_procedure = {p.procedure: a for a, p in articles.items()}
    found: dict[int, date | None] = {}
    start = 0
    for sentence in re.split(r"(?<=[.;])\s+", text):
        at = text.find(sentence, start)
        start = max(start, at)
        said = _RECOGNITION.search(sentence)
        if said is None or _NEGATION.search(sentence):
            continue
        # The heading before the sentence ("Declaration under article 77:") names the article too.
        context = text[max(0, at - 80) : at] + " " + sentence
        named = mentioned_articles(context) & set(articles)
        if not named:
            named = {
                by_procedure[k] for k, cue in _CUES.items() if k in by_procedure and cue.search(sentence)
            }
            if not (mentioned_articles(sentence) & set(articles)) and not re.search(
                r"\barticle", context, re.I
            ):
                named = set()  # a cue alone, with no article near it, is too weak in a free-form text
        dates = _BLOCK_DATE.findall(text[: at + said.start()])
        day = parse_day(dates[-1]) if dates else None
        for a in named:
            known = found.get(a)
            if a not in found or (day is not None and (known is None or day < known)):
                found[a] = day
    return _recognitions(mtdsg_no, participant, text, found)
