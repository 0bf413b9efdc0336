"""Verdicts on extracted claims: the UN figure on the claimed date, the figure now, and who joined since."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Any, Protocol

import pandas as pd

from pipeline.catalog import ALIASES, resolve_treaty
from pipeline.claims.extract import (
    KIND_THRESHOLD,
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    MEASURE_WORDS,
    Claim,
    TitleIndex,
    TreatyName,
    extract_claims,
)
from pipeline.claims.facts import (
    consent_count,
    consents_by_mode,
    entry_into_force,
    nth_consent,
    ordinal,
    signed_not_party,
    withdrawn,
)
from pipeline.claims.names import load_common_names
from pipeline.frame_values import is_missing as _missing
from pipeline.frame_values import to_date as _as_date
from pipeline.mtdsg import citable_url
from pipeline.normalise.codes import load_entries
from pipeline.store import StoreError

VERDICT_STALE = "correct at its date, now stale"
VERDICT_CURRENT = "correct and current"
VERDICT_WRONG = "wrong at its date"
VERDICT_UNDATED = "undated: now {now}"
VERDICT_NO_TREATY = "no treaty: the text names none the database holds (use --treaty)"
VERDICT_THRESHOLD_RIGHT = "threshold right"
VERDICT_THRESHOLD_WRONG = "threshold wrong"
# A threshold is the count of consents that brought a treaty into force; treaties enter into force
# from 30 days to six months after the Nth deposit (the CWC 180 days, the CCM six months).
MAX_ENTRY_DELAY_DAYS = 200
_ENTRY_WORDS = re.compile(r"\b(?:force|effect|effective|operational|binding|condition)\b", re.I)

# Words a text uses for what the UN counts as parties. The UN's parties are participants, which can
# include non-state entities (the European Union, the Cook Islands, Niue, the State of Palestine).
_STATE_WORDS = frozenset(
    "countries country states state nations nation governments government jurisdictions economies".split()
)


class StoreLike(Protocol):
    """The slice of pipeline.store.Store the checker reads."""

    def treaties(self) -> pd.DataFrame: ...
    def participants(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame: ...
    def asof(self, mtdsg_no: str, on: date) -> Any: ...
    def snapshots(self, mtdsg_no: str) -> pd.DataFrame: ...


class CachedStore:
    """A StoreLike that asks the store once per question: a text checks many claims on few treaties,
    and the evaluation set asks the same questions across texts."""

    def __init__(self, store: StoreLike) -> None:
        self.store = store
        self._treaties: pd.DataFrame | None = None
        self._participants: dict[tuple[str, int | None], pd.DataFrame] = {}
        self._asof: dict[tuple[str, date], Any] = {}
        self._snapshots: dict[str, pd.DataFrame] = {}
        self._index: TitleIndex | None = None

    def treaties(self) -> pd.DataFrame:
        if self._treaties is None:
            self._treaties = self.store.treaties()
        return self._treaties

    def participants(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame:
        key = (mtdsg_no, snapshot_id)
        if key not in self._participants:
            self._participants[key] = self.store.participants(mtdsg_no, snapshot_id)
        return self._participants[key]

    def asof(self, mtdsg_no: str, on: date) -> Any:
        key = (mtdsg_no, on)
        if key not in self._asof:
            try:
                self._asof[key] = self.store.asof(mtdsg_no, on)
            except StoreError as e:
                self._asof[key] = e
        found = self._asof[key]
        if isinstance(found, StoreError):
            raise found
        return found

    def title_index(self) -> TitleIndex:
        """The treaties' titles and names, indexed once."""
        if self._index is None:
            self._index = TitleIndex(treaty_names(self.treaties()))
        return self._index

    def snapshots(self, mtdsg_no: str) -> pd.DataFrame:
        if mtdsg_no not in self._snapshots:
            self._snapshots[mtdsg_no] = self.store.snapshots(mtdsg_no)
        return self._snapshots[mtdsg_no]


@dataclass(frozen=True)
class Newcomer:
    """A participant that joined (consent) or signed after the claimed date, per the latest snapshot."""

    name: str
    iso3: str | None
    is_state: bool | None
    change: str  # "joined" or "signed"
    action: str | None  # the UN's word: ratification, accession, succession, signature...
    on: date


@dataclass(frozen=True)
class ClaimCheck:
    """One claim and what the UN's figures say about it."""

    claim: Claim
    mtdsg_no: str | None
    short_name: str | None
    title: str | None
    figure_then: int | None  # the UN figure, same measure, on the claimed date
    then_date: date | None
    then_basis: str | None
    figure_now: int | None
    now_as_at: date | None  # status date of the latest snapshot
    declared_now: int | None  # what the UN page itself declares (parties or signatories)
    source: str | None
    verdict: str
    explanation: str
    word_note: str | None = None
    non_state_parties: tuple[str, ...] = ()
    newcomers: tuple[Newcomer, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        return {
            "phrase": c.phrase,
            "sentence": c.sentence,
            "figure": c.figure,
            "qualifier": c.qualifier,
            "measure": c.measure,
            "mode": c.mode,
            "kind": c.kind,
            "read_from": c.source,
            "text_word": c.noun,
            "claimed_on": c.claimed_on.isoformat() if c.claimed_on else None,
            "date_text": c.date_text,
            "date_source": c.date_source,
            "mtdsg_no": self.mtdsg_no,
            "short_name": self.short_name,
            "title": self.title,
            "treaty_text": c.treaty_text,
            "treaty_link": c.link,
            "treaty_name_source": c.treaty_via,
            "figure_then": self.figure_then,
            "then_date": self.then_date.isoformat() if self.then_date else None,
            "then_basis": self.then_basis,
            "figure_now": self.figure_now,
            "now_as_at": self.now_as_at.isoformat() if self.now_as_at else None,
            "declared_now": self.declared_now,
            "source": self.source,
            "verdict": self.verdict,
            "explanation": self.explanation,
            "word_note": self.word_note,
            "non_state_parties": list(self.non_state_parties),
            "since": [
                {
                    "name": n.name,
                    "iso3": n.iso3,
                    "is_state": n.is_state,
                    "change": n.change,
                    "action": n.action,
                    "date": n.on.isoformat(),
                }
                for n in self.newcomers
            ],
            "notes": list(self.notes),
            "line": c.line,
            "span": [c.start, c.end],
        }


@dataclass(frozen=True)
class ClaimReport:
    """Every claim found in one text, checked."""

    name: str  # the file the text came from
    checks: tuple[ClaimCheck, ...] = field(default_factory=tuple)

    @property
    def message(self) -> str | None:
        if not self.checks:
            return f"{self.name}: no treaty figures found (nothing to check)"
        return None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.name, "claims": [c.to_dict() for c in self.checks], "message": self.message}


# ---------------------------------------------------------------------------------------------------


def _int(value: Any) -> int | None:
    return None if _missing(value) else int(value)


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


def treaty_names(treaties: pd.DataFrame) -> list[TreatyName]:
    """The treaties the store holds, with their catalogue short names, as candidates for a text."""
    out = []
    common = load_common_names()
    for row in treaties.to_dict("records"):
        no = str(row["mtdsg_no"])
        aliases = list(ALIASES.get(no, ()))
        if not _missing(row.get("short_name")) and row["short_name"] not in aliases:
            aliases.insert(0, str(row["short_name"]))
        names = tuple(n for n in common.get(no, ()) if n not in aliases)
        title = "" if _missing(row.get("title")) else str(row["title"])
        out.append(TreatyName(no, title, tuple(aliases), names))
    return out


def _newcomers(rows: Sequence[dict[str, Any]], since: date) -> list[Newcomer]:
    out = []
    roles = (("consent", "joined"), ("signature", "signed"))
    for r in rows:
        for role, change in roles:
            d = _as_date(r.get(f"{role}_date"))
            if d is None or d <= since or withdrawn(r, role):
                continue
            out.append(
                Newcomer(
                    name=str(r.get("name")),
                    iso3=None if _missing(r.get("iso3")) else str(r.get("iso3")),
                    is_state=None if _missing(r.get("is_state")) else bool(r.get("is_state")),
                    change=change,
                    action=None if _missing(r.get(f"{role}_type")) else str(r.get(f"{role}_type")).lower(),
                    on=d,
                )
            )
    return sorted(out, key=lambda n: (n.on, n.name))


@cache
def _kinds() -> dict[str, str]:
    """iso3 -> kind of participant (state, observer_state, associated_state, organisation...)."""
    return {e.iso3: e.kind for e in load_entries()}


def _word_note(
    claim: Claim, parties_now: int | None, non_state: Sequence[str], non_member: Sequence[str]
) -> str | None:
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


def _figure(measure: str, parties: int | None, signatories: int | None, snp: int | None) -> int | None:
    if measure == MEASURE_PARTIES:
        return parties
    if measure == MEASURE_SIGNATORIES:
        return signatories
    return snp


def check_claim(claim: Claim, store: StoreLike, latest: dict[str, Any] | None) -> ClaimCheck:
    """The verdict on one claim, given the store and the treaty's row of Store.treaties()."""
    if claim.mtdsg_no is None or latest is None:
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
    no = claim.mtdsg_no
    rows = store.participants(no).to_dict("records")
    if claim.kind == KIND_THRESHOLD:
        return _check_threshold(claim, rows, latest)
    what = _what(claim)
    parties_now, signatories_now = _int(latest.get("parties")), _int(latest.get("signatories"))
    now = _figure(claim.measure, parties_now, signatories_now, signed_not_party(rows, None))
    if claim.mode is not None and rows:
        now = consents_by_mode(rows, claim.mode, None)
    declared = (
        None
        if claim.mode
        else {
            MEASURE_PARTIES: _int(latest.get("declared_parties")),
            MEASURE_SIGNATORIES: _int(latest.get("declared_signatories")),
        }.get(claim.measure)
    )
    as_at = _as_date(latest.get("as_at"))
    notes: list[str] = []
    if declared is not None and now is not None and declared != now:
        notes.append(
            f"the UN page declares {declared} {what}, {now} counted from its table"
            + (f" ({latest.get('reconciliation')})" if not _missing(latest.get("reconciliation")) else "")
        )
    parties_rows = [r for r in rows if _as_date(r.get("consent_date")) and not withdrawn(r, "consent")]
    non_state = tuple(str(r.get("name")) for r in parties_rows if r.get("is_state") is False)
    kinds = _kinds()
    non_member = tuple(
        str(r.get("name"))
        for r in parties_rows
        if r.get("is_state") is not False and kinds.get(str(r.get("iso3")), "state") != "state"
    )
    then = then_basis = then_date = None
    newcomers: tuple[Newcomer, ...] = ()
    on = claim.claimed_on
    if on is not None:
        try:
            a = store.asof(no, on)
        except StoreError as e:
            # Header-only pages (some MTDSG XML) carry counts but no dates to count back from.
            notes.append(f"no figure on {on}: {e}")
        else:
            then_date, then_basis = a.date, a.basis
            if claim.mode is not None:
                then = consents_by_mode(rows, claim.mode, on)
                then_basis = (
                    f"{claim.mode}s dated on or before {on} in the latest snapshot (withdrawn left out)"
                )
            elif claim.measure == MEASURE_SIGNED_NOT_PARTIES:
                then = signed_not_party(rows, on)
                then_basis = "counted from the latest snapshot's signature and consent dates"
            else:
                then = _figure(claim.measure, a.parties, a.signatories, None)
        newcomers = tuple(_newcomers(rows, on))
        if as_at is not None and on > as_at:
            notes.append(f"the claimed date {on} is after the latest status date {as_at}")
    claimed = f"{claim.qualifier + ' ' if claim.qualifier else ''}{claim.figure}"
    if now is None:
        verdict, explanation = "no figure", f"the database has no {what} count for {no}"
    elif on is None:
        verdict = VERDICT_UNDATED.format(now=now)
        right = "matches" if matches(claim.figure, now, claim.comparison) else "does not match"
        explanation = f"the text gives no date; {claimed} {right} the latest {now} {what} (as at {as_at})"
    elif then is None:
        verdict, explanation = "no figure", f"no {what} figure for {no} on {on}"
    elif matches(claim.figure, then, claim.comparison):
        if matches(claim.figure, now, claim.comparison):
            verdict = VERDICT_CURRENT
            explanation = f"{claimed} {what} on {on}, still {now} as at {as_at}"
        else:
            verdict = VERDICT_STALE
            explanation = f"{what} were {then} on {on}; now {now} as at {as_at}"
    else:
        verdict = VERDICT_WRONG
        explanation = f"the text says {claimed}, the UN's {what} were {then} on {on}; now {now} as at {as_at}"
    if (
        on is not None
        and then is not None
        and now is not None
        and claim.measure != MEASURE_SIGNED_NOT_PARTIES
        and claim.mode is None
    ):
        gained = sum(
            1 for n in newcomers if n.change == ("joined" if claim.measure == MEASURE_PARTIES else "signed")
        )
        if then + gained != now:
            notes.append(
                f"{then} + {gained} new since {on} is not {now}: withdrawals or corrections too "
                f"(see `treaties diff {no}`)"
            )
    title = None if _missing(latest.get("title")) else str(latest.get("title"))
    short = None if _missing(latest.get("short_name")) else str(latest.get("short_name"))
    return ClaimCheck(
        claim=claim,
        mtdsg_no=no,
        short_name=short,
        title=title,
        figure_then=then,
        then_date=then_date,
        then_basis=then_basis,
        figure_now=now,
        now_as_at=as_at,
        declared_now=declared,
        source=citable_url(no, None if _missing(latest.get("source")) else str(latest.get("source"))),
        verdict=verdict,
        explanation=explanation,
        word_note=_word_note(claim, parties_now, non_state, non_member),
        non_state_parties=non_state,
        newcomers=newcomers,
        notes=tuple(notes),
    )


def _what(claim: Claim) -> str:
    """The claim's measure in words: "parties", "signatories not yet parties", "ratifications"."""
    return f"{claim.mode}s" if claim.mode else MEASURE_WORDS[claim.measure]


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
    eif = entry_into_force(latest.get("entry_into_force"))
    about_entry = bool(_ENTRY_WORDS.search(claim.sentence)) or claim.source == "infobox"
    event, event_what = claim.event_on, "the date the text gives"
    if event is None and about_entry and eif is not None:
        event, event_what = eif, "entry into force (UN page)"
    notes: list[str] = []
    if not rows:
        verdict, then, explanation = "no figure", None, f"{no} has no participants table to count deposits in"
    elif deposit is None:
        verdict, then = VERDICT_THRESHOLD_WRONG, None
        explanation = f"only {consent_count(rows)} consents have ever been deposited, fewer than {n}"
    else:
        then = n
        who = f" ({deposit.name}, {deposit.action})" if deposit.action else f" ({deposit.name})"
        head = f"the {ordinal(n)} consent{who} was deposited on {deposit.on:%d %B %Y}"
        if event is None:
            verdict, explanation = VERDICT_THRESHOLD_RIGHT, head
        else:
            lag = (event - deposit.on).days
            if 0 <= lag <= MAX_ENTRY_DELAY_DAYS:
                verdict = VERDICT_THRESHOLD_RIGHT
                explanation = f"{head}, {lag} days before {event_what}, {event:%d %B %Y}"
            else:
                verdict = VERDICT_THRESHOLD_WRONG
                side = "after" if lag < 0 else f"{lag} days before"
                explanation = f"{head}, {side} {event_what}, {event:%d %B %Y}"
                nearest = _consents_before(rows, event)
                notes.append(f"{nearest} consents had been deposited by {event:%d %B %Y}")
    title = None if _missing(latest.get("title")) else str(latest.get("title"))
    short = None if _missing(latest.get("short_name")) else str(latest.get("short_name"))
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
        source=citable_url(no, None if _missing(latest.get("source")) else str(latest.get("source"))),
        verdict=verdict,
        explanation=explanation,
        notes=tuple(notes),
    )


def _consents_before(rows: Sequence[dict[str, Any]], on: date) -> int:
    return sum(1 for r in rows if (d := _as_date(r.get("consent_date"))) is not None and d <= on)


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
    frame = store.treaties()
    by_no = {str(r["mtdsg_no"]): r for r in frame.to_dict("records")}
    forced = resolve_treaty(treaty, by_no) if treaty else None
    claims = extract_claims(text, store.title_index(), treaty=forced, written_on=written_on)
    newest = max((d for d in (_as_date(r.get("as_at")) for r in by_no.values()) if d), default=None)
    checks = []
    for c in claims:
        check = check_claim(c, store, by_no.get(c.mtdsg_no) if c.mtdsg_no else None)
        if check.now_as_at and newest and (newest - check.now_as_at).days > 31:
            # An XML-only treaty's "now" is its 2018 capture: say so rather than pass it off as today.
            stale = (
                f"{check.mtdsg_no}'s latest status in the database is of {check.now_as_at}, older than "
                f"the newest ({newest}): refresh it for today's figure"
            )
            check = replace(check, notes=(*check.notes, stale))
        checks.append(check)
    return ClaimReport(name=name, checks=tuple(checks))
