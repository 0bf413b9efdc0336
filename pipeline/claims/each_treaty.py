"""One figure told of several treaties at once: "The Convention on Cluster Munitions and the Arms Trade
Treaty have 110 states parties each", "... and the Arms Trade Treaty, level at 110 each", "the CCM and the
ATT both have 110 parties". The reader links the figure to one treaty; this stage adds the same claim for
each other treaty of the list the figure is told of (eval Conventions: each treaty's count is a claim)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.claims.model import Claim
from pipeline.claims.treaties import TitleIndex, TreatyMention

# "each" or "apiece" told of the treaties, not of states ("each State", "each of them", "each year").
_EACH = re.compile(
    r"\b(?:have|has|had|were|are)\s+each\b|\beach(?=\s*(?:[,.;:)]|$))|\bapiece\b|"
    r"\b(?:both|each)\s+(?:have|had|has|were|are|count|counted|stand|stood|number)\b|"
    # "Both the CCM and the ATT have 110 parties": "both" before the list
    r"^\W*both\s+(?=the\s|(?-i:[A-Z]))",
    re.I,
)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# What stands between two titles of one list: a comma, "and", "as well as".
_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+|&\s*)(?:the\s+|its\s+)?", re.I)


def _listed(sentence: str, mentions: Sequence[TreatyMention], before: int) -> list[TreatyMention]:
    """The last list of titles told before `before` (two or more, one after another)."""
    run: list[TreatyMention] = []
    for m in (m for m in mentions if m.end <= before):
        if run and _JOINER.fullmatch(sentence[run[-1].end : m.start]):
            run.append(m)
        else:
            run = [m]
    return run if len({m.mtdsg_no for m in run}) >= 2 else []


def each_named(claims: Sequence[Claim], text: str, index: TitleIndex) -> list[Claim]:
    """The claims, each followed by the same claim of every other treaty of the list it is told of."""
    out: list[Claim] = []
    for c in claims:
        out.append(c)
        said = c.sentence or ""
        if c.mtdsg_no is None or not _EACH.search(said) or _RESPECTIVELY.search(said):
            continue  # ("Both CEDAW and the CRC have 189 and 196 parties respectively": one figure each)
        start = text.rfind(said, 0, c.number_start + len(said))
        if not 0 <= start <= c.number_start or start + len(said) < c.number_end:
            continue
        run = _listed(said, index.find_mentions(said), c.number_start - start)
        if c.mtdsg_no not in {m.mtdsg_no for m in run}:
            continue
        seen = {c.mtdsg_no}
        for m in run:
            if m.mtdsg_no not in seen:
                seen.add(m.mtdsg_no)
                out.append(
                    replace(c, mtdsg_no=m.mtdsg_no, treaty_text=m.text, treaty_via=m.via, link="named")
                )
    return out


__all__ = ["each_named"]
