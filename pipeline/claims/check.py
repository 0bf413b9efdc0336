"""Verdicts on extracted claims: the UN figure on the claimed date, the figure now, and who joined since."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any

from pipeline.catalog import resolve_treaty
from pipeline.claims.dates import find_dates
from pipeline.claims.extract import (
    KIND_THRESHOLD,
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    Claim,
    Reading,
    read_text,
)
from pipeline.claims.facts import (
    consents_by_mode,
    entry_into_force,
    newcomers_since,
    not_the_nth,
    nth_consent,
    parties_not_states,
    signed_not_party,
    told_apart,
)
from pipeline.claims.layout import as_given
from pipeline.claims.numbers import tells_nth
from pipeline.claims.other_languages import not_in_english
from pipeline.claims.record_ordinals import by_named_state
from pipeline.claims.record_reading import read_by_record
from pipeline.claims.results import ClaimCheck, ClaimReport, Newcomer
from pipeline.claims.second_reading import SecondLook, set_aside_far, text_day
from pipeline.claims.sentences import Lines
from pipeline.claims.stages import after_reading, record_dates
from pipeline.claims.store_view import CachedStore, StoreLike, participant_records, treaty_names
from pipeline.claims.unread import unread_ordinals
from pipeline.claims.verdicts import (
    MAX_ENTRY_DELAY_DAYS,
    VERDICT_CONSISTENT,
    VERDICT_CURRENT,
    VERDICT_NO_TREATY,
    VERDICT_STALE,
    VERDICT_THRESHOLD_RIGHT,
    VERDICT_THRESHOLD_WRONG,
    VERDICT_UNDATED,
    VERDICT_WRONG,
    RecordRange,
    balance_note,
    brought_into_force,
    count_verdict,
    figure_for,
    matches,
    measure_words,
    threshold_event,
    threshold_verdict,
    tolerance,
    word_note,
)
from pipeline.frame_values import is_missing as _missing
from pipeline.frame_values import to_date as _as_date
from pipeline.mtdsg import citable_url
from pipeline.store import StoreError

# The checker's names as they were before the results and the verdicts got modules of their own:
# callers import them from here.
__all__ = [
    "MAX_ENTRY_DELAY_DAYS",
    "VERDICT_CONSISTENT",
    "VERDICT_CURRENT",
    "VERDICT_NO_TREATY",
    "VERDICT_STALE",
    "VERDICT_THRESHOLD_RIGHT",
    "VERDICT_THRESHOLD_WRONG",
    "VERDICT_UNDATED",
    "VERDICT_WRONG",
    "CachedStore",
    "ClaimCheck",
    "ClaimReport",
    "Newcomer",
    "StoreLike",
    "check_claim",
    "check_reading",
    "read_claims",
    "record_dates",
    "record_range",
    "check_text",
    "matches",
    "tolerance",
    "treaty_names",
]


def _int(value: Any) -> int | None:
    return None if _missing(value) else int(value)


def check_claim(claim: Claim, store: StoreLike, latest: dict[str, Any] | None) -> ClaimCheck:
    """The verdict on one claim, given the store and the treaty's row of Store.treaties()."""
    if claim.mtdsg_no is None or latest is None:
        return _no_treaty(claim)
    no = claim.mtdsg_no
    rows = participant_records(store, no)
    eif = entry_into_force(latest.get("entry_into_force"))
    if (
        claim.kind != KIND_THRESHOLD
        and claim.measure == MEASURE_PARTIES
        and claim.mode is None
        # an ordinal ("the 50th", "the first 50 states to ratify"), or a count followed by the treaty's own
        # entry into force (the UN's day)
        and (
            tells_nth(claim.phrase, claim.sentence, claim.figure)
            or (claim.event_on is not None and claim.event_on == eif)
        )
        and brought_into_force(rows, claim.figure, eif)
        and not not_the_nth(rows, claim)  # "Tuvalu became the 50th": its consent was the 47th
    ):
        # "Honduras was the 50th country to ratify the treaty", "the tenth country to ratify", "On 25
        # September 2014, 50 states ratified the ATT. On 24 December 2014, it entered into force.": the Nth
        # consent, which brought the treaty into force, is a fact about that consent, not a count on a day.
        claim = replace(claim, kind=KIND_THRESHOLD, claimed_on=None, date_text=None, date_source=None)
    if claim.kind == KIND_THRESHOLD:
        return _check_threshold(claim, rows, latest)
    what = measure_words(claim)
    parties_now = _int(latest.get("parties"))
    now = _figure_now(claim, rows, latest)
    declared = _declared_now(claim, latest)
    as_at = _as_date(latest.get("as_at"))
    # A date the record gave: say which act, so a reader can check it ("dated by South Sudan's accession").
    notes: list[str] = [claim.date_text] if claim.date_source == "record" and claim.date_text else []
    if declared is not None and now is not None and declared != now:
        notes.append(
            f"the UN page declares {declared} {what}, {now} counted from its table"
            + (f" ({latest.get('reconciliation')})" if not _missing(latest.get("reconciliation")) else "")
        )
    non_state, non_member = parties_not_states(rows)
    then = then_basis = then_date = allowed = None
    newcomers: tuple[Newcomer, ...] = ()
    on = claim.claimed_on
    if on is not None:
        then, then_date, then_basis, missing, allowed = _figure_then(claim, no, store, rows, on)
        notes.extend(missing)
        newcomers = tuple(newcomers_since(rows, on))
        if as_at is not None and on > as_at:
            notes.append(f"the claimed date {on} is after the latest status date {as_at}")
    then, now, apart = told_apart(claim.phrase, claim.left_out, claim.measure, rows, on, then, now)
    notes.extend(apart)
    verdict, explanation = count_verdict(claim, what, no, then=then, now=now, as_at=as_at, allowed=allowed)
    notes.extend(n for n in [balance_note(claim, no, then=then, now=now, newcomers=newcomers)] if n)
    title, short = _names(latest)
    return ClaimCheck(
        claim=claim,
        mtdsg_no=no,
        short_name=short,
        title=title,
        figure_then=then,
        then_date=then_date,
        then_basis=then_basis,
        then_range=(allowed.low, allowed.high) if allowed else None,
        uncertain=allowed.uncertain if allowed else (),
        figure_now=now,
        now_as_at=as_at,
        declared_now=declared,
        source=_source(no, latest),
        verdict=verdict,
        explanation=explanation,
        word_note=word_note(claim, parties_now, non_state, non_member),
        non_state_parties=non_state,
        newcomers=newcomers,
        notes=tuple(notes),
    )


def _no_treaty(claim: Claim) -> ClaimCheck:
    return ClaimCheck(
        claim=claim,
        mtdsg_no=claim.mtdsg_no,
        short_name=None,
        title=None,
        figure_then=None,
        then_date=None,
        then_basis=None,
        figure_now=None,
        now_as_at=None,
        declared_now=None,
        source=None,
        verdict=VERDICT_NO_TREATY,
        explanation="the claim could not be tied to a treaty in the database",
    )


def _figure_now(claim: Claim, rows: Sequence[dict[str, Any]], latest: dict[str, Any]) -> int | None:
    """The claim's measure in the latest snapshot (a mode, "ratifications", is counted from the table)."""
    parties_now, signatories_now = _int(latest.get("parties")), _int(latest.get("signatories"))
    now = figure_for(claim.measure, parties_now, signatories_now, signed_not_party(rows, None))
    if claim.mode is not None and rows:
        now = consents_by_mode(rows, claim.mode, None)
    return now


def _declared_now(claim: Claim, latest: dict[str, Any]) -> int | None:
    """What the UN page itself declares for the claim's measure (nothing for a mode)."""
    if claim.mode:
        return None
    return {
        MEASURE_PARTIES: _int(latest.get("declared_parties")),
        MEASURE_SIGNATORIES: _int(latest.get("declared_signatories")),
    }.get(claim.measure)


def record_range(asof: Any, measure: str, mode: str | None) -> RecordRange | None:
    """The figures the record allows for a measure on `asof`'s date: `AsOf.parties_range` /
    `signatories_range` (lowest and highest the record allows, where participations are uncertain: gone
    from a later page without brackets or an end note and not explained by a cited known event), with the
    names of those who make the difference. None when nothing is uncertain. The one home of this rule in
    the checker."""
    if mode is not None or measure not in (MEASURE_PARTIES, MEASURE_SIGNATORIES):
        return None
    role = "consent" if measure == MEASURE_PARTIES else "signature"
    span = asof.parties_range if measure == MEASURE_PARTIES else asof.signatories_range
    if span is None or span[0] == span[1]:
        return None
    doubtful = tuple(str(u.name) for u in asof.uncertain if u.role == role)
    return RecordRange(span[0], span[1], doubtful)


def _figure_then(
    claim: Claim, no: str, store: StoreLike, rows: Sequence[dict[str, Any]], on: date
) -> tuple[int | None, date | None, str | None, list[str], RecordRange | None]:
    """(figure, its date, its basis, notes, the range the record allows) for the claim's measure on the
    claimed date."""
    try:
        a = store.asof(no, on)
    except StoreError as e:
        # Header-only pages (some MTDSG XML) carry counts but no dates to count back from.
        return None, None, None, [f"no figure on {on}: {e}"], None
    then_date, then_basis = a.date, a.basis
    then: int | None
    if claim.mode is not None:
        then = consents_by_mode(rows, claim.mode, on)
        then_basis = f"{claim.mode}s dated on or before {on} in the latest snapshot (withdrawn left out)"
    elif claim.measure == MEASURE_SIGNED_NOT_PARTIES:
        # the store's count (withdrawals counted until they took effect), else the latest snapshot's rows
        then = a.signed_not_party if a.signed_not_party is not None else signed_not_party(rows, on)
        if a.signed_not_party is None:
            then_basis = "counted from the latest snapshot's signature and consent dates"
    else:
        then = figure_for(claim.measure, a.parties, a.signatories, None)
    return then, then_date, then_basis, [], record_range(a, claim.measure, claim.mode)


def _names(latest: dict[str, Any]) -> tuple[str | None, str | None]:
    """The treaty's title and short name from its row of Store.treaties()."""
    title = None if _missing(latest.get("title")) else str(latest.get("title"))
    short = None if _missing(latest.get("short_name")) else str(latest.get("short_name"))
    return title, short


def _source(no: str, latest: dict[str, Any]) -> str:
    return citable_url(no, None if _missing(latest.get("source")) else str(latest.get("source")))


def _check_threshold(claim: Claim, rows: Sequence[dict[str, Any]], latest: dict[str, Any]) -> ClaimCheck:
    """ "Entered into force after it had been ratified by 50 states": a fact about the Nth deposit.

    Right when the Nth consent was deposited and, where the text or the UN page gives the date of
    entry into force (or of the event the sentence tells), that date falls from the Nth deposit to
    MAX_ENTRY_DELAY_DAYS after it.
    """
    no = str(claim.mtdsg_no)
    n = claim.figure
    deposit = nth_consent(rows, n)
    as_at = _as_date(latest.get("as_at"))
    event, event_what = threshold_event(claim, entry_into_force(latest.get("entry_into_force")))
    verdict, then, explanation, notes = threshold_verdict(rows, n, deposit, event, event_what, no)
    title, short = _names(latest)
    return ClaimCheck(
        claim=claim,
        mtdsg_no=no,
        short_name=short,
        title=title,
        figure_then=then,
        then_date=deposit.on if deposit else None,
        then_basis="consents ordered by deposit date in the latest snapshot (withdrawn ones included)",
        figure_now=None,
        now_as_at=as_at,
        declared_now=None,
        source=_source(no, latest),
        verdict=verdict,
        explanation=explanation,
        notes=tuple(notes),
    )


def read_claims(
    text: str, store: StoreLike, *, treaty: str | None = None, written_on: date | None = None
) -> Reading:
    """Read a text against the store's treaty names (the store's treaties and title index only).
    `treaty` (a number or a short name) overrides the treaty the text names; an unknown one raises
    pipeline.catalog.UnknownTreaty."""
    store = store if isinstance(store, CachedStore) else CachedStore(store)
    by_no = store.treaty_rows()
    forced = resolve_treaty(treaty, by_no) if treaty else None
    index = store.title_index()
    return after_reading(
        read_text(text, index, treaty=forced, written_on=written_on), index, written_on, text
    )


def _brought(c: Claim, store: StoreLike, by_no: dict[str, dict[str, Any]]) -> bool:
    """Was the claim's figure the number of consents that brought its treaty into force?"""
    latest = by_no.get(str(c.mtdsg_no))
    if latest is None:
        return False
    rows = participant_records(store, str(c.mtdsg_no))
    return brought_into_force(rows, c.figure, entry_into_force(latest.get("entry_into_force")))


def check_reading(
    reading: Reading,
    store: StoreLike,
    *,
    name: str = "text",
    written_on: date | None = None,
    original: str = "",
) -> ClaimReport:
    """Check every claim of a reading against the store (dated by the record where the text names the act;
    read a second time where the record puts a dated figure far from it); the unread figures go with the
    report. `original`: the text as given, whose lines the report's line numbers count (the reading's text
    has its hard-wrapped lines joined)."""
    store = store if isinstance(store, CachedStore) else CachedStore(store)
    by_no = store.treaty_rows()
    newest = max((d for d in (_as_date(r.get("as_at")) for r in by_no.values()) if d), default=None)
    checks = []
    claims = record_dates(reading.claims, reading.text, store)
    # The text's own day: --written-on, else a claim's byline date, else the byline the reading found (no
    # claim need have taken it: "There are 37 ..." read first of a date its paragraph told).
    own = text_day(claims, written_on) or reading.byline_day
    again = SecondLook(
        reading.named,
        store.title_index(),
        own,
        lambda other: check_claim(other, store, by_no.get(str(other.mtdsg_no))),
        lambda c: _brought(c, store, by_no),
        find_dates(reading.text, own_day=own),
    )
    by_state = partial(by_named_state, store=store, text=reading.text)
    by_record, unread = read_by_record(
        reading.candidates, reading.unread, again.check_claim, again.brought, by_state
    )
    first = [again(check_claim(c, store, by_no.get(c.mtdsg_no) if c.mtdsg_no else None)) for c in claims]
    first, unread = set_aside_far(first, unread)
    for check in sorted([*first, *by_record], key=lambda k: k.claim.number_start):
        if check.now_as_at and newest and (newest - check.now_as_at).days > 31:
            # An XML-only treaty's "now" is its 2018 capture: say so rather than pass it off as today.
            stale = (
                f"{check.mtdsg_no}'s latest status in the database is of {check.now_as_at}, older than "
                f"the newest ({newest}): refresh it for today's figure"
            )
            check = replace(check, notes=(*check.notes, stale))
        checks.append(check)
    # Never a silent drop: an ordinal no stage took is listed too ("Honduras was the 50th state to do so").
    read = [(k.claim.number_start, k.claim.number_end) for k in checks]
    # (line numbers from the text as given: the reading's has its hard-wrapped lines joined)
    lines = Lines(as_given(original, reading.text))
    listed = not_in_english(
        reading.text, read, unread_ordinals(reading.text, read, unread, lines=lines), lines=lines
    )
    return ClaimReport(name=name, checks=tuple(checks), unread=tuple(listed))


def check_text(
    text: str,
    store: StoreLike,
    *,
    name: str = "text",
    treaty: str | None = None,
    written_on: date | None = None,
) -> ClaimReport:
    """Find every claim in `text` and check it against the store. `treaty` (a number or a short name)
    overrides the treaty the text names; an unknown one raises pipeline.catalog.UnknownTreaty.
    `written_on` dates claims the text leaves undated (else a byline or dateline does, else nothing)."""
    store = store if isinstance(store, CachedStore) else CachedStore(store)
    reading = read_claims(text, store, treaty=treaty, written_on=written_on)
    return check_reading(reading, store, name=name, written_on=written_on, original=text)
