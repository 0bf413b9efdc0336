"""Figures the grammar left unread, read by the record: a number in a sentence about a treaty whose words
the frames did not understand ("frame not understood"), or set aside as a part, a change or a condition, is
a count of that treaty when the UN's own figure on the claim's date is exactly that number, for parties,
signatories or signatories not yet parties (tried in that order). A figure with no date is never read so.

Only figures of 10 and more, not years, tied to a treaty the way a claim there would be (its date and
treaty as pipeline/claims/extract.py reads them). The claim says so: `read_from` is "record" and its first
note names the words left unread, so a reader can check the sentence. A figure the record does not bear
out stays unread with its reason: this stage never finds a wrong figure, only a right one the words hid.

An ordinal no frame read ("Honduras becomes 50th nation to ratify", loose_ordinals.py; from the 2nd on) is
read as the threshold when that consent brought the treaty into force, else as the count of the day of the
act of a state its sentence names when that state was the Nth, else as the count on the sentence's date.
Numbers of votes, experts or members of a body ("22 affirmative votes") are never read by the record.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from pipeline.claims.loose_counts import LOOSE_SOURCE, NEAR_SHARE
from pipeline.claims.measures import (
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    MEASURE_WORDS,
)
from pipeline.claims.model import (
    KIND_THRESHOLD,
    REASON_CHANGE,
    REASON_CONDITION,
    REASON_NO_TREATY_WORD,
    REASON_NOT_UNDERSTOOD,
    REASON_SUBSET,
    REASON_THRESHOLD,
    Claim,
    Unread,
)
from pipeline.claims.numbers import WORD_NUMBER, parse_number
from pipeline.claims.results import ClaimCheck
from pipeline.claims.unread import STATES_AFTER
from pipeline.claims.verdicts import VERDICT_CURRENT, VERDICT_STALE

# The source of the candidates loose_ordinals.py finds.
ORDINAL_SOURCE = "ordinal"
# The reasons whose figures the record may read: not thresholds, totals of two measures, denominators or
# treaties outside the UN's collection, which are no count of a treaty's parties or signatories.
RECORD_REASONS = frozenset({REASON_NOT_UNDERSTOOD, REASON_SUBSET, REASON_CHANGE, REASON_CONDITION})
# A number in a sentence of the treaty's entry into force may be the consents that brought it in: what is
# needed and conditions too ("It will enter into force after 20 ratifications").
THRESHOLD_REASONS = RECORD_REASONS | {REASON_THRESHOLD}
_MEASURES = (MEASURE_PARTIES, MEASURE_SIGNATORIES, MEASURE_SIGNED_NOT_PARTIES)
# Signatories not yet parties only where the sentence says what is not done: "81 countries and the European
# Community signed" on the day one of them also ratified is no count of those that only signed.
_NOT = re.compile(r"\b(?:not|yet|without|only)\b|n't\b", re.I)


# A number of states in a sentence that names no treaty and no treaty word ("OPCW now has 193 member states",
# "only 46 countries have taken that step"): read by the record only, in a text that names a treaty.
_STATES_COUNTED = re.compile(
    rf"(?:\b(?P<num>\d{{2,3}})|(?P<words>{WORD_NUMBER}))" + STATES_AFTER.pattern, re.I
)


# Words after a number that count people or votes, not states: "adopted by 22 affirmative votes", "the
# Committee's ten members", "18 independent experts".
_PEOPLE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:votes?|experts?|judges?|seats?|delegates?|representatives|persons|people|"
    r"individuals|members\b(?!\s+states))",
    re.I,
)


# "after all 44 states ... - as listed in Annex 2 of the Treaty - have ratified it": the states of a list the
# treaty annexes, not its parties on a day.
_ANNEX_AFTER = re.compile(r"[^.;!?]{0,80}\bannex\s*(?:\d|[IVX]+\b)", re.I)


# "was negotiated by 107 states": those who made the text, not its parties or signatories (whose number may
# be the same: the Convention on Cluster Munitions has 107 signatories). Not "adopted by", "supported by":
# texts write them for joining ("the covenant is adopted by 170 States").
_MADE_BY_BEFORE = re.compile(
    # (an adoption told in the past is the vote: "The Convention was adopted in Dublin by 107 states")
    r"\b(?:negotiated|drafted|sponsored|co-sponsored|voted\s+for|(?<=\bwas\s)(?:\w+ly\s+)?adopted)"
    r"\s+(?:[\w,-]+\s+){0,5}?by\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)


def counts_people(text: str, end: int, start: int | None = None) -> bool:
    """Does the number ending at `end` count people or votes ("22 affirmative votes", "ten members"), the
    states of a treaty's annex ("44 states ... listed in Annex 2"), or (the number starting at `start`)
    those who negotiated or drafted the text ("negotiated by 107 states")?"""
    if start is not None and _MADE_BY_BEFORE.search(text, max(0, start - 80), start):
        return True
    return _PEOPLE_AFTER.match(text, end) is not None or _ANNEX_AFTER.match(text, end) is not None


def counted_states(text: str) -> list[tuple[int, int, int]]:
    """(figure, start, end) of each number of states told in digits or words ("only seventy-seven countries
    have embraced this vital document")."""
    out = []
    for m in _STATES_COUNTED.finditer(text):
        group = "num" if m.group("num") else "words"
        try:
            out.append((parse_number(m.group(group)), m.start(group), m.end(group)))
        except ValueError:
            continue
    return out


def bears_out(check: ClaimCheck) -> bool:
    """The record gives exactly the claim's figure on its date. An undated figure is never read so: equal to
    today's count, it is as likely a vote, a list's length or a year's tally that happens to be the same (the
    107 states that adopted the Convention on Cluster Munitions, and its 107 signatories today)."""
    return check.claim.claimed_on is not None and check.verdict in (VERDICT_CURRENT, VERDICT_STALE)


def _noted(got: ClaimCheck, why: str, it_is: str) -> ClaimCheck:
    """The check with its first note saying the record read it, and why the words did not."""
    figure = got.claim.figure
    note = f"read by the record: the words around {figure} were not read as a count ({why}); it is {it_is}"
    return replace(got, notes=(note, *got.notes))


def _ordinal(
    cand: Claim,
    check: Callable[[Claim], ClaimCheck],
    brought: Callable[[Claim], bool],
    by_state: Callable[[Claim], list[Claim]],
) -> tuple[ClaimCheck, str] | None:
    """An ordinal candidate ("Honduras becomes 50th nation to ratify") the record bears out: the consent
    that brought the treaty into force, else the act of a state its sentence names that was the Nth, else
    the count on the sentence's date."""
    if cand.measure == MEASURE_PARTIES and brought(cand):
        return check(cand), "the consent that brought the treaty into force"
    for dated in [*by_state(cand), cand]:
        got = check(dated)
        if bears_out(got):
            return got, f"the UN's figure of {MEASURE_WORDS[cand.measure]} on {dated.claimed_on}"
    return None


def _near(check: ClaimCheck) -> bool:
    """The UN's figure on the claim's date (today's when it has none) is within NEAR_SHARE of its figure."""
    un = check.figure_then if check.claim.claimed_on is not None else check.figure_now
    return un is not None and abs(check.claim.figure - un) <= NEAR_SHARE * un


def _loose_noted(got: ClaimCheck, why: str) -> ClaimCheck:
    """A loose count's check, its first note saying how it was read (loose_counts.py)."""
    note = (
        f"read as a count of parties: the words around {got.claim.figure} were not read as a count ({why}); "
        f"a number of states in a sentence about the treaty, near the UN's figure"
    )
    return replace(got, notes=(note, *got.notes))


def read_by_record(
    candidates: Sequence[Claim],
    unread: Sequence[Unread],
    check: Callable[[Claim], ClaimCheck],
    brought: Callable[[Claim], bool],
    by_state: Callable[[Claim], list[Claim]] = lambda c: [],
) -> tuple[list[ClaimCheck], tuple[Unread, ...]]:
    """The candidates the record bears out, as checks (one measure each, the first that fits), and the
    unread figures left. `brought(claim)`: was its figure the number of consents that brought its treaty
    into force (verdicts.brought_into_force)? A threshold candidate is tried first. `by_state(claim)`: an
    ordinal candidate dated by the act of each state its sentence names (anchors.by_named_state)."""
    reasons = {u.start: u.reason for u in unread}
    found: list[ClaimCheck] = []
    # (a figure told of several treaties at once is a candidate of each: each_treaty.py)
    taken: set[tuple[int, str | None]] = set()
    for cand in sorted(candidates, key=lambda c: c.kind != KIND_THRESHOLD):
        if (cand.number_start, cand.mtdsg_no) in taken:
            continue
        why = reasons.get(cand.number_start, REASON_NO_TREATY_WORD)
        if cand.source == ORDINAL_SOURCE:  # "Honduras becomes 50th nation to ratify" (loose_ordinals.py)
            read = _ordinal(replace(cand, source="record"), check, brought, by_state)
            if read is not None:
                found.append(_noted(read[0], why, read[1]))
                taken.add((cand.number_start, cand.mtdsg_no))
            continue
        if cand.kind == KIND_THRESHOLD:
            if brought(cand):
                it_is = "the number of consents that brought the treaty into force"
                found.append(_noted(check(replace(cand, source="record")), why, it_is))
                taken.add((cand.number_start, cand.mtdsg_no))
            continue
        for measure in _MEASURES if _NOT.search(cand.sentence) else _MEASURES[:2]:
            # the UN's figure exactly: "at least 38 states" is no count the record bears out by being more
            exact = replace(cand, measure=measure, source="record", comparison="=", qualifier=None)
            got = check(exact)
            if bears_out(got):
                it_is = f"the UN's figure of {MEASURE_WORDS[measure]} on {cand.claimed_on}"
                found.append(_noted(got, why, it_is))
                taken.add((cand.number_start, cand.mtdsg_no))
                break
        else:
            if cand.source == LOOSE_SOURCE:
                got = check(cand)
                if _near(got):
                    found.append(_loose_noted(got, why))
                    taken.add((cand.number_start, cand.mtdsg_no))
    starts = {start for start, _ in taken}
    return found, tuple(u for u in unread if u.start not in starts)


__all__ = [
    "ORDINAL_SOURCE",
    "RECORD_REASONS",
    "THRESHOLD_REASONS",
    "bears_out",
    "counted_states",
    "counts_people",
    "read_by_record",
]
