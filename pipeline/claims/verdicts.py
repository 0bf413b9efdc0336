"""How a claim's figure is judged against the UN's: the verdicts, when figures match, the explanations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pipeline.claims.extract import (
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    MEASURE_WORDS,
    Claim,
)
from pipeline.claims.facts import Deposit, consent_count, consents_in_order, ordinal
from pipeline.claims.results import Newcomer
from pipeline.frame_values import is_missing
from pipeline.frame_values import to_date as _as_date

VERDICT_STALE = "correct at its date, now stale"
VERDICT_CURRENT = "correct and current"
VERDICT_WRONG = "wrong at its date"
VERDICT_UNDATED = "undated: now {now}"
VERDICT_NO_TREATY = "no treaty: the text names none the database holds (use --treaty)"
VERDICT_THRESHOLD_RIGHT = "threshold right"
VERDICT_THRESHOLD_WRONG = "threshold wrong"
# The record itself leaves the figure uncertain (a participation gone from a later page without a note)
# and the claim is inside the range it allows: never "wrong".
VERDICT_CONSISTENT = "consistent with the record (uncertain: {names})"


@dataclass(frozen=True)
class RecordRange:
    """The figures the record allows on a date, and the participations that make it uncertain."""

    low: int
    high: int
    uncertain: tuple[str, ...]


# A threshold is the count of consents that brought a treaty into force; treaties enter into force
# from 30 days to six months after the Nth deposit (the CWC 180 days, the CCM six months).
MAX_ENTRY_DELAY_DAYS = 200
_ENTRY_WORDS = re.compile(r"\b(?:force|effect|effective|operational|binding|condition)\b", re.I)

# Words a text uses for what the UN counts as parties. The UN's parties are participants, which can
# include non-state entities (the European Union, the Cook Islands, Niue, the State of Palestine).
_STATE_WORDS = frozenset(
    "countries country states state nations nation governments government jurisdictions economies".split()
)


def matches(claimed: int, actual: int, comparison: str) -> bool:
    """Does `actual` bear out a claim of `claimed` with its qualifier ("more than", "about"...)?"""
    if comparison == ">":
        return actual > claimed
    if comparison == ">=":
        return actual >= claimed
    if comparison == "<":
        return actual < claimed
    if comparison == "~":
        return abs(actual - claimed) <= tolerance(claimed)
    if comparison == "<~":
        # "nearly 180", "almost 200": close below (within 10%), not any smaller figure.
        return claimed * 0.9 <= actual < claimed
    return actual == claimed


def tolerance(claimed: int) -> int:
    """How far "about N" / "some N" may be from the figure: half the rounding N shows ("some 165" is a
    multiple of 5: 163 to 167; "about 170": 165 to 175), at most 5% of N, at least 1."""
    unit = next((u for u in (100, 50, 10, 5) if claimed % u == 0), 1)
    return max(1, min(unit // 2, round(claimed * 0.05)))


def word_note(
    claim: Claim, parties_now: int | None, non_state: Sequence[str], non_member: Sequence[str]
) -> str | None:
    """What the text's word ("countries", "states") leaves out of the UN's parties, if it is such a word."""
    if claim.noun is None or parties_now is None or claim.measure != MEASURE_PARTIES:
        return None
    word = claim.noun.split()[-1]
    if word not in _STATE_WORDS:
        return None
    head = f'the text says "{claim.noun}", the UN counts parties'
    if non_state:
        head += (
            f": {len(non_state)} of the {parties_now} current parties are not states ({', '.join(non_state)})"
        )
    else:
        head += f"; all {parties_now} current parties are states in the depositary's practice"
    if non_member:
        # Observer and associated States (Holy See, State of Palestine, Cook Islands, Niue) are states
        # to the depositary but not what every reader means by "countries".
        head += f", {len(non_member)} of them not UN member states ({', '.join(non_member)})"
    return head


def figure_for(measure: str, parties: int | None, signatories: int | None, snp: int | None) -> int | None:
    """The figure of the claim's measure: parties, signatories, or signatories not (yet) parties."""
    if measure == MEASURE_PARTIES:
        return parties
    if measure == MEASURE_SIGNATORIES:
        return signatories
    return snp


def measure_words(claim: Claim) -> str:
    """The claim's measure in words: "parties", "signatories not yet parties", "ratifications"."""
    return f"{claim.mode}s" if claim.mode else MEASURE_WORDS[claim.measure]


def _consents_before(rows: Sequence[dict[str, Any]], on: date) -> int:
    return sum(1 for r in rows if (d := _as_date(r.get("consent_date"))) is not None and d <= on)


def _successions_after(rows: Sequence[dict[str, Any]], on: date) -> int:
    """Consents by succession dated after `on` (each may stand for a predecessor's earlier instrument)."""
    return sum(
        1
        for r in rows
        if not is_missing(r.get("consent_type"))
        and str(r.get("consent_type")).lower() == "succession"
        and (d := _as_date(r.get("consent_date"))) is not None
        and d > on
    )


def count_verdict(
    claim: Claim,
    what: str,
    no: str,
    *,
    then: int | None,
    now: int | None,
    as_at: date | None,
    allowed: RecordRange | None = None,
) -> tuple[str, str]:
    """The verdict on a count claim and the sentence that explains it."""
    on = claim.claimed_on
    claimed = f"{claim.qualifier + ' ' if claim.qualifier else ''}{claim.figure}"
    if now is None:
        return "no figure", f"the database has no {what} count for {no}"
    if on is None:
        right = "matches" if matches(claim.figure, now, claim.comparison) else "does not match"
        return (
            VERDICT_UNDATED.format(now=now),
            f"the text gives no date; {claimed} {right} the latest {now} {what} (as at {as_at})",
        )
    if then is None:
        return "no figure", f"no {what} figure for {no} on {on}"
    if matches(claim.figure, then, claim.comparison):
        if matches(claim.figure, now, claim.comparison):
            return VERDICT_CURRENT, f"{claimed} {what} on {on}, still {now} as at {as_at}"
        return VERDICT_STALE, f"{what} were {then} on {on}; now {now} as at {as_at}"
    if allowed is not None and any(
        matches(claim.figure, v, claim.comparison) for v in range(allowed.low, allowed.high + 1)
    ):
        names = ", ".join(allowed.uncertain)
        return (
            VERDICT_CONSISTENT.format(names=names),
            f"the record allows {allowed.low} to {allowed.high} {what} on {on} ({names}: gone from a later "
            f"page without a note); {claimed} is inside that range; now {now} as at {as_at}",
        )
    return (
        VERDICT_WRONG,
        f"the text says {claimed}, the UN's {what} were {then} on {on}; now {now} as at {as_at}",
    )


def balance_note(
    claim: Claim, no: str, *, then: int | None, now: int | None, newcomers: Sequence[Newcomer]
) -> str | None:
    """A note when the figure then plus the newcomers since is not the figure now (withdrawals...)."""
    on = claim.claimed_on
    if (
        on is None
        or then is None
        or now is None
        or claim.measure == MEASURE_SIGNED_NOT_PARTIES
        or claim.mode is not None
    ):
        return None
    gained = sum(
        1 for n in newcomers if n.change == ("joined" if claim.measure == MEASURE_PARTIES else "signed")
    )
    if then + gained == now:
        return None
    return (
        f"{then} + {gained} new since {on} is not {now}: withdrawals or corrections too "
        f"(see `treaties diff {no}`)"
    )


def threshold_event(claim: Claim, eif: date | None) -> tuple[date | None, str]:
    """The date a threshold claim's Nth deposit is measured against, and what that date is."""
    about_entry = bool(_ENTRY_WORDS.search(claim.sentence)) or claim.source == "infobox"
    event, event_what = claim.event_on, "the date the text gives"
    if event is None and about_entry and eif is not None:
        event, event_what = eif, "entry into force (UN page)"
    return event, event_what


def threshold_verdict(
    rows: Sequence[dict[str, Any]],
    n: int,
    deposit: Deposit | None,
    event: date | None,
    event_what: str,
    no: str,
) -> tuple[str, int | None, str, list[str]]:
    """(verdict, figure then, explanation, notes) for "in force after N ratifications"."""
    if not rows:
        return "no figure", None, f"{no} has no participants table to count deposits in", []
    if deposit is None:
        return (
            VERDICT_THRESHOLD_WRONG,
            None,
            f"only {consent_count(rows)} consents have ever been deposited, fewer than {n}",
            [],
        )
    who = f" ({deposit.name}, {deposit.action})" if deposit.action else f" ({deposit.name})"
    head = f"the {ordinal(n)} consent{who} was deposited on {deposit.on:%d %B %Y}"
    if event is None:
        return VERDICT_THRESHOLD_RIGHT, n, head, []
    lag = (event - deposit.on).days
    if 0 <= lag <= MAX_ENTRY_DELAY_DAYS:
        return VERDICT_THRESHOLD_RIGHT, n, f"{head}, {lag} days before {event_what}, {event:%d %B %Y}", []
    nearest = _consents_before(rows, event)
    later = _successions_after(rows, event)
    if lag < 0 and nearest < n <= nearest + later:
        # Today's table has no rows for states that no longer exist (Czechoslovakia, Yugoslavia, the
        # German Democratic Republic): their successors' successions, dated later, stand in the table
        # where the predecessors' instruments counted then. The Nth consent as the UN counted before
        # entry into force may be one of them.
        return (
            VERDICT_THRESHOLD_RIGHT,
            n,
            f"{nearest} consents in today's table are dated by {event_what}, {event:%d %B %Y}; {later} "
            f"successions dated later may stand for predecessor states' instruments that counted then, "
            f"so the {ordinal(n)} consent can have come before it (today's {ordinal(n)}: {deposit.name}, "
            f"{deposit.on:%d %B %Y})",
            [f"the record allows {nearest + 1} to {nearest + later} consents before {event:%d %B %Y}"],
        )
    side = "after" if lag < 0 else f"{lag} days before"
    return (
        VERDICT_THRESHOLD_WRONG,
        n,
        f"{head}, {side} {event_what}, {event:%d %B %Y}",
        [f"{nearest} consents had been deposited by {event:%d %B %Y}"],
    )


# The delays treaties set between the Nth deposit and entry into force: "on the thirtieth day after",
# "ninety days after" (days), "three months after", "six months after" (calendar months), "the first day
# of the sixth month after the month in which ..." (exactly: a day more or less is another deposit's).
_ENTRY_DAYS = (30, 60, 90, 180)
_ENTRY_MONTHS = (1, 2, 3, 6)


def _after_a_set_delay(deposit: date, eif: date) -> bool:
    if (eif - deposit).days in _ENTRY_DAYS:
        return True
    months = (eif.year * 12 + eif.month) - (deposit.year * 12 + deposit.month)
    if months in _ENTRY_MONTHS and eif.day == deposit.day:
        return True
    return eif.day == 1 and months == 6


def brought_into_force(rows: Sequence[dict[str, Any]], n: int, eif: date | None) -> bool:
    """Was the Nth consent the one that brought the treaty into force: entry into force a set delay after
    it, and not already a set delay after an earlier day's consent ("Honduras was the 50th to ratify"
    speaks of the consent that made the treaty enter into force 90 days later; the 51st, a day after,
    does not). Consents deposited on the same day as the Nth are not told apart."""
    order = consents_in_order(rows)
    if eif is None or not 1 <= n <= len(order) or not _after_a_set_delay(order[n - 1].on, eif):
        return False
    nth = order[n - 1]
    if n % 5 and any(d.n % 5 == 0 and d.on == nth.on for d in order[max(0, n - 5) : n + 4]):
        # Eight ATT ratifications deposited on 25 September 2014 took it from 45 to 53: the 50th brought it
        # in (treaties ask for a round number), so "the total number of ratifying states to 53" is a count.
        return False
    before = order[n - 2] if n > 1 else None
    return before is None or before.on == nth.on or not _after_a_set_delay(before.on, eif)
