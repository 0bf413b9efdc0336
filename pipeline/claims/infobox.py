"""Infobox and fact-sheet rows for the claim reader: "Parties 112", "Signatories: 165[1]", "| parties = 33",
and a condition of entry into force told as a row ("Condition: 20 ratifications")."""

from __future__ import annotations

import re

from pipeline.claims.measures import MEASURE_PARTIES, MEASURE_SIGNATORIES, MEASURE_SIGNED_NOT_PARTIES
from pipeline.claims.model import KIND_THRESHOLD, CountMatch
from pipeline.claims.numbers import WORD_NUMBER, parse_number
from pipeline.claims.thresholds import JOIN_NOUN, exact

# Infobox and list lines as encyclopedias print them: "Signatories133", "Parties | 112 |", "Parties 164
# (Complete List)[1]", "Signatories" with "165[1]" on the line below, "Condition: entry into force after 30
# ratifications".
_INFOBOX = re.compile(
    # (a wiki template's fields too: "| signatories = 79| parties = 33")
    # (and a row after a bullet inside a line: "• Signatories: 88 • States parties: 182")
    r"(?:^|(?<=[.;]\s)|(?<=\|)|(?<=[•·]\s)|(?<=[•·])|(?<=\s[-–—]\s))[ \t|*-]*"
    # ("Number of ratifications/accessions: 150", "CRPD ratifications: 150": a count's name, or its treaty's)
    r"(?:(?:total\s+)?number\s+of\s+|(?-i:[A-Z][A-Z0-9-]{1,7})\s+(?=(?-i:[a-zR])))?"
    r"(?P<label>signatories|signatures|parties|states?[\s-]+parties|"
    r"contracting\s+(?:states|parties)|ratifications(?:\s*(?:/|and|&)\s*accessions)?|ratifiers|membership)"
    r"(?:[ \t]*\((?P<aside>[^()\n]{1,40})\))?"  # "Signatories (not yet ratified): 31"
    r"[ \t]*\|?[ \t]*[:=]?[ \t]*(?:\n[ \t]*)?"  # the value on the label's line, or alone on the next
    r"(?P<num>\d{1,3})\b(?![ \t]*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
    re.I | re.M,
)
# ("Ratifications needed for entry into force: 20", a fact sheet's row)
_CONDITION = re.compile(
    r"^[ \t|*•-]*(?P<lab>conditions?|(?:ratifications?|instruments?(?:\s+of\s+ratification)?)\s+"
    r"(?:needed|required)(?:\s+for\s+entry\s+into\s+force)?)(?:[ \t]*[|:])?[ \t]*(?P<rest>.*)$",
    re.I | re.M,
)
_CONDITION_NUMBER = re.compile(
    # ("Condition | twenty ratifications", "Ratifications by forty states": in words too)
    rf"\b(?P<num>\d{{1,3}}|{WORD_NUMBER})\b(?!\s*(?:days?|months?|years?|weeks?)\b)"
    r"(?P<noun>\s+(?:ratifying\s+)?" + JOIN_NOUN + r")?",
    re.I,
)
_ARTICLE_BEFORE = re.compile(r"\b(?:article|art\.?|paragraph|annex)\s*$", re.I)
_ALL_NAMED = re.compile(r"\ball\s+(?:of\s+)?(?:the\s+)?(?:following\s+)?$", re.I)


def infobox_matches(text: str) -> list[CountMatch]:
    out = []
    for m in _INFOBOX.finditer(text):
        label = re.sub(r"\s+", " ", m.group("label").lower())
        measure = MEASURE_SIGNATORIES if label.startswith("sign") else MEASURE_PARTIES
        if measure == MEASURE_SIGNATORIES and re.search(
            r"\bnot\b|\byet\s+to\b", m.group("aside") or "", re.I
        ):
            measure = MEASURE_SIGNED_NOT_PARTIES
        span = (m.start("label"), m.end("num"))
        out.append(
            exact(
                int(m.group("num")),
                measure,
                span,
                m.span("num"),
                text[span[0] : span[1]],
                noun=label,
                source="infobox",
            )  # fmt: skip
        )
    for m in _CONDITION.finditer(text):
        rest, base = m.group("rest"), m.start("rest")
        told = re.search(r"ratif|accession|instrument|consent|states|parties", rest, re.I)
        if not told and m.group("lab")[:1].lower() == "c":
            continue  # "Conditions in 30 prisons": not a treaty's condition of entry into force
        numbers = [n for n in _CONDITION_NUMBER.finditer(rest) if not re.match(r"\d+\]", rest[n.start() :])]
        # "Ratifications by 40 states", "6 months after 30 ratifications[2]": the count of consents,
        # not the delay, nor a citation mark.
        numbers = [n for n in numbers if rest[max(0, n.start() - 1) : n.start()] != "["]
        numbers = [n for n in numbers if not _ARTICLE_BEFORE.search(rest[: n.start()])]
        # "after it is ratified by all of the following 44 (Annex 2) countries": named states, not a number
        numbers = [n for n in numbers if not _ALL_NAMED.search(rest[: n.start()])]
        if not numbers:
            continue
        n = next((x for x in numbers if x.group("noun")), numbers[-1])
        out.append(
            exact(
                parse_number(n.group("num")),
                MEASURE_PARTIES,
                (m.start(), m.end()),
                (base + n.start("num"), base + n.end("num")),
                m.group(0).strip(" \t|"),
                kind=KIND_THRESHOLD,
                source="infobox",
            )  # fmt: skip
        )
    return out


__all__ = ["infobox_matches"]
