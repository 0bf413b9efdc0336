"""Dating by the record: a count that names, as one of those counted, a state whose act the text reports
before it ("The commission welcomed a new signing by Tuvalu. ... Including Tuvalu, the pact has been signed
by 184 countries"; "Saint Vincent and Jamaica ratified the treaty on Tuesday ... So far 40 states including
Saint Vincent and Jamaica have ratified it") is of the day of that act, which the UN's table holds (eval
Conventions, date rule 2: an act the sentence ties the figure to).

A state told as one of those counted with no act reported ("182 countries, including Fiji, had ratified
it") dates nothing (pipeline/claims/anchors.py); nor does this stage date a count its words already date,
one whose sentence tells a day, one whose list names a state with no act reported, or one whose states
acted on different days. A count dated only by the text's own day takes the act's day when
that act came at most a month before it and the record's count that day is the figure told (as anchors.py
does for an act its sentence names)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.claims.acts import MEMBER_BEFORE, acts_named
from pipeline.claims.anchors import fits_own_day, one_act
from pipeline.claims.model import KIND_COUNT, Claim, dated_by_record
from pipeline.claims.ordinal_days import tells_day
from pipeline.claims.sentences import Spans, split_sentences
from pipeline.claims.state_names import carried_along, in_one_list, state_spans
from pipeline.claims.store_view import StoreLike

# The words that tell a state as one of those counted (anchors.MEMBER_BEFORE, without its colon).
_INCLUDING = re.compile(r"\b(?:including|such\s+as|among\s+them|notably)\b", re.I)


def included_states(sentence: str) -> list[str]:
    """The states the sentence names as among those counted: after "including", "such as", and the rest of
    their list ("including Saint Vincent and Jamaica")."""
    if not _INCLUDING.search(sentence):
        return []
    spans = state_spans(sentence)
    leads = [MEMBER_BEFORE.search(sentence, max(0, s - 30), s) for s, _, _ in spans]
    told = carried_along(
        [m is not None and ":" not in m.group(0) for m in leads], in_one_list(sentence, spans)
    )
    return [iso3 for (_, _, iso3), t in zip(spans, told, strict=True) if t]


def included_news(claims: Sequence[Claim], text: str, store: StoreLike) -> list[Claim]:
    """Each count dated by the act, reported earlier in the text, of a state it names as one of those
    counted."""
    sentences: Spans | None = None
    acts: list[set[tuple[str, str]]] = []  # the acts each sentence names, in order, as far as needed
    out = []
    for c in claims:
        undated = c.date_source is None
        by_own_day = c.date_source in ("written-on", "byline") and c.claimed_on is not None
        states = included_states(c.sentence or "") if c.kind == KIND_COUNT and (undated or by_own_day) else []
        if states and sentences is None:
            sentences = Spans(split_sentences(text))
        i = sentences.index(c.number_start) if states and sentences is not None else -1
        if i <= 0 or sentences is None:
            out.append(c)
            continue
        while len(acts) < i:
            lo, hi = sentences.spans[len(acts)]
            acts.append(acts_named(text[lo:hi]))
        reported = set().union(*acts[:i])
        acted = {(iso3, kind) for iso3, kind in reported if iso3 in states}
        # (every state of the list reported acting, and no day told in the count's sentence: "As of Sept. 25,
        # 53 countries have signed and three have ratified it, including the Holy See" is of 25 September)
        whole = {iso3 for iso3, _ in acted} == set(states) and not tells_day(c.sentence or "")
        act = one_act(store, c, acted) if whole else None
        if act is not None and by_own_day and not fits_own_day(store, c, act[2]):
            act = None
        out.append(c if act is None else dated_by_record(c, act[2], f"{act[0]}'s {act[1]}"))
    return out


__all__ = ["included_news", "included_states"]
