"""A running total dated by the acts it adds up (the claim reader's dating by the record, for a text with no
date of its own): "Indonesia, Sierra Leone and the Solomon Islands handed over their instruments of
ratification. This brings the total number of signatories to 94, and the number of countries that have
ratified the Treaty to 73"; "three more countries have ratified the agreement, bringing the total number of
parties to 65. Cabo Verde, Grenada and Timor-Leste deposited their instruments ... on 20 June".

A count told as a running total ("bringing the total to", "This brings the number to") in a text with no
date of its own, or dated only by the text's own day, is of the day of the acts its sentence and the
sentences just before and after it report (the eval set's date rule 2: the UN's day for acts the text names
without their year, before the text's own day): the latest day on which each state they name had done what
the words tell (signed, joined) within the month before; acts further apart, the last of them when the
record's count that day is the total told. A day the text tells for the acts must lie within a month of it
(in a text with a date of its own, the day told stands). A state the record shows no act of (named for
another reason) leaves the count as it was, and so does a state that did not do what the words tell
("Chile's ratification brings the number of parties to 5" of a Chile that only signed).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pipeline.claims.acts import ACT_WORDS
from pipeline.claims.anchors import count_on
from pipeline.claims.model import KIND_COUNT, TEXT_DAY_SOURCES, Claim, dated_by_record
from pipeline.claims.ordinal_days import day_agrees, tells_day
from pipeline.claims.scope import RUNNING_TOTAL
from pipeline.claims.sentences import Spans, split_sentences
from pipeline.claims.state_names import state_spans
from pipeline.claims.store_view import StoreLike
from pipeline.frame_values import to_date

# (The dates a running total may take the acts' day over are TEXT_DAY_SOURCES: none, or only the text's own;
# the acts it names come first, date rule 2, unless the text tells their day itself.)
# A state named as where something happened, not who acted: "signed by 122 countries in Ottawa, Canada".
_PLACE = re.compile(r"\b(?:[Ii]n|[Aa]t)\s+(?:[A-Z][\w'.-]*\s+){0,2}(?:[A-Z][\w'.-]*,\s+)?$")
# How far apart the acts of one running total may lie: a ceremony's deposits, a week's news.
_MONTH = 31


def running_totals(claims: Sequence[Claim], text: str, store: StoreLike) -> list[Claim]:
    """Each running total, undated or dated only by its text's own day, dated by the acts of the states named
    around it."""
    if all(c.date_source not in TEXT_DAY_SOURCES for c in claims):
        return list(claims)
    sentences = Spans(split_sentences(text))
    return [_dated(c, text, store, sentences) or c for c in claims]


def _dated(c: Claim, text: str, store: StoreLike, sentences: Spans) -> Claim | None:
    if c.kind != KIND_COUNT or c.mtdsg_no is None or c.date_source not in TEXT_DAY_SOURCES:
        return None
    i = sentences.index(c.number_start)
    brings = RUNNING_TOTAL.search(text, sentences.spans[i][0], c.number_start) if i >= 0 else None
    if brings is None:
        return None
    around = [sentences.spans[j] for j in (i - 1, i, i + 1) if 0 <= j < len(sentences.spans)]
    said = " ".join(text[lo:hi] for lo, hi in around)
    # The acts the words tell, before the total's own nouns ("... to 94 signatories"): signing, joining, or
    # both (each state's act of those kinds counts).
    acts_told = " ".join(
        text[lo : min(hi, brings.start()) if lo == sentences.spans[i][0] else hi] for lo, hi in around
    )
    told = {m.lastgroup for m in ACT_WORDS.finditer(acts_told)}
    kinds = [
        column for group, column in (("sign", "signature_date"), ("consent", "consent_date")) if group in told
    ]
    states = list(dict.fromkeys(iso3 for lo, _, iso3 in state_spans(said) if not _PLACE.search(said, 0, lo)))
    if not states:
        return None
    rows = store.participants(c.mtdsg_no)
    acts: dict[str, list[date]] = {}  # each state's acts (signature, consent), by the UN's name of it
    for iso3 in states:
        found = rows[rows["iso3"] == iso3]
        if found.empty:
            return None
        row = found.iloc[0]
        known = [
            d for d in (to_date(row[k]) for k in kinds or ("signature_date", "consent_date")) if d is not None
        ]
        if not known:
            return None
        name = row.get("name")
        acts[name if isinstance(name, str) and name else iso3] = known
    # The latest day on which every state named had acted within the month before: the day the total speaks
    # of ("Sierra Leone (signed)" in 2022 stays that day though it ratified in 2024).
    every = sorted({d for days in acts.values() for d in days}, reverse=True)
    fits = [d for d in every if all(any(0 <= (d - a).days <= _MONTH for a in days) for days in acts.values())]
    if not fits:
        # Acts months apart ("Since April 2014, seven States have become parties, bringing the total to 20"):
        # the last of them, when the record's count that day is the total told.
        fits = [d for d in every[:1] if count_on(store, c, d) == c.figure]
    if not fits:
        return None
    day = fits[0]
    if tells_day(said) and (c.claimed_on is not None or not day_agrees(said, day, undated=True)):
        return None  # a day the text tells for the acts: its own (date rule 2), when the text has a date
    return dated_by_record(c, day, f"the acts of the states it adds up ({', '.join(sorted(acts))})")


__all__ = ["running_totals"]
