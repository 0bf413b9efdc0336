"""Facts the claim checker needs beyond the store's counts, computed from one participants frame.

Everything here reads only `StoreLike.participants()` rows (signature_date, consent_date, consent_type,
signature_withdrawn, consent_withdrawn...), so that each function can later become a store query.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from pipeline.claims.model import Claim
from pipeline.claims.results import Newcomer
from pipeline.frame_values import is_missing
from pipeline.frame_values import to_date as as_date
from pipeline.normalise.codes import load_entries

# How the UN's consent types group into the ways prose counts them: "ratified" covers the forms of
# consent that follow a signature (acceptance, approval and formal confirmation are ratification by
# another name); "acceded" is accession alone. Successions are neither.
_RATIFICATION_TYPES = frozenset({"ratification", "acceptance", "approval", "formal confirmation"})
_ACCESSION_TYPES = frozenset({"accession"})


def withdrawn(row: dict[str, Any], role: str) -> bool:
    """Is this role's action bracketed (withdrawn)? Stores may keep one flag per role or one per row."""
    value = row.get(f"{role}_withdrawn")
    if is_missing(value):
        value = row.get("withdrawn") if role == "consent" else None
    return bool(value) and not is_missing(value)


def signed_not_party(rows: Sequence[dict[str, Any]], on: date | None) -> int:
    """Signatories without consent on `on` (None: as the latest page shows them)."""
    n = 0
    for r in rows:
        sig, con = as_date(r.get("signature_date")), as_date(r.get("consent_date"))
        if sig is None or withdrawn(r, "signature") or (on is not None and sig > on):
            continue
        if con is not None and not withdrawn(r, "consent") and (on is None or con <= on):
            continue
        n += 1
    return n


def consents_by_mode(rows: Sequence[dict[str, Any]], mode: str, on: date | None) -> int:
    """Consents of one kind ("ratification" or "accession") dated on or before `on` (None: all),
    leaving out withdrawn ones (an approximation before the withdrawal took effect)."""
    types = _RATIFICATION_TYPES if mode == "ratification" else _ACCESSION_TYPES
    n = 0
    for r in rows:
        d = as_date(r.get("consent_date"))
        kind = str(r.get("consent_type") or "").strip().lower()
        if d is None or withdrawn(r, "consent") or kind not in types or (on is not None and d > on):
            continue
        n += 1
    return n


@dataclass(frozen=True)
class Deposit:
    """The Nth consent deposited with the depositary."""

    n: int
    on: date
    name: str
    action: str | None


def consents_in_order(rows: Sequence[dict[str, Any]]) -> list[Deposit]:
    """Every consent to be bound ever deposited, by date (withdrawn ones too: they were deposited and
    counted towards entry into force). Ties on one day keep the table's order."""
    dated = []
    for i, r in enumerate(rows):
        d = as_date(r.get("consent_date"))
        if d is not None:
            action = r.get("consent_type")
            dated.append((d, i, str(r.get("name")), None if is_missing(action) else str(action).lower()))
    dated.sort()
    return [Deposit(n, d, name, action) for n, (d, _, name, action) in enumerate(dated, 1)]


def nth_consent(rows: Sequence[dict[str, Any]], n: int) -> Deposit | None:
    """The Nth consent to be bound ever deposited (consents_in_order); None if fewer than N."""
    order = consents_in_order(rows)
    return order[n - 1] if 1 <= n <= len(order) else None


def consent_count(rows: Sequence[dict[str, Any]]) -> int:
    """How many consents were ever deposited (withdrawn ones included)."""
    return sum(1 for r in rows if as_date(r.get("consent_date")) is not None)


_DAY = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]+)\.?\s+(\d{4})\b")
_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}


def entry_into_force(text: Any) -> date | None:
    """The first day-month-year date in the UN's entry-into-force cell ("22 January 2021, in accordance
    with article 15(1)"), or None (not yet in force, or no date given)."""
    if is_missing(text):
        return None
    m = _DAY.search(str(text))
    if not m or m.group(2).lower() not in _MONTHS:
        return None
    try:
        return date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None


def ordinal(n: int) -> str:
    """1 -> "1st", 22 -> "22nd", 50 -> "50th"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@cache
def _kinds() -> dict[str, str]:
    """iso3 -> kind of participant (state, observer_state, associated_state, organisation...)."""
    return {e.iso3: e.kind for e in load_entries()}


def parties_not_states(rows: Sequence[dict[str, Any]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Current parties that are not states, and those that are states but not UN members."""
    parties_rows = [r for r in rows if as_date(r.get("consent_date")) and not withdrawn(r, "consent")]
    non_state = tuple(str(r.get("name")) for r in parties_rows if r.get("is_state") is False)
    kinds = _kinds()
    non_member = tuple(
        str(r.get("name"))
        for r in parties_rows
        if r.get("is_state") is not False and kinds.get(str(r.get("iso3")), "state") != "state"
    )
    return non_state, non_member


# "81 countries and the European Community signed", "160 States and the European Union take part in": the
# states counted, with the one union the UN also lists told apart.
UNION_BESIDE = (
    r"(?:and|plus)\s+(?:a\s+representative\s+of\s+)?the\s+"
    r"(?:European\s+(?:Community|Union|Commission)|EU|EC)\b"
)
_UNION_APART = re.compile(r"\b" + UNION_BESIDE, re.I)


def _non_states_acted(rows: Sequence[dict[str, Any]], measure: str, on: date | None) -> int:
    """How many participants that are not states (the European Union) had signed (for signatories) or joined
    (otherwise) by `on` (None: ever)."""
    column = "signature_date" if measure == "signatories" else "consent_date"
    return sum(
        1
        for r in rows
        if r.get("is_state") is False
        and (d := as_date(r.get(column))) is not None
        and (on is None or d <= on)
    )


def told_apart(
    phrase: str,
    left_out: str | None,
    measure: str,
    rows: Sequence[dict[str, Any]],
    on: date | None,
    then: int | None,
    now: int | None,
) -> tuple[int | None, int | None, list[str]]:
    """The UN's figures then and now as the text counts, with notes saying so: less the participants that
    are not states when it tells the European Union apart ("81 countries and the European Community
    signed"); less the state (or states) a count of "N other countries" leaves out ("Peru joins 29 other
    countries"), where the record counts it (its consent, or its signature for signatories)."""
    notes: list[str] = []
    if measure not in ("parties", "signatories"):
        return then, now, notes
    if _UNION_APART.search(phrase):
        then = None if then is None else then - _non_states_acted(rows, measure, on)
        now = None if now is None else now - _non_states_acted(rows, measure, None)
        notes.append("the text tells the European Union apart: the UN's figures less participants not states")
    role = "signature" if measure == "signatories" else "consent"
    codes = (left_out or "").split(", ")  # one code, or several: "The UK, Germany, China and 179 others"
    less = []
    for row in (r for r in rows if r.get("iso3") in codes):
        if (acted := as_date(row.get(f"{role}_date"))) is None:
            continue
        if then is not None and on is not None and acted <= on:
            then -= 1
        if now is not None and not withdrawn(row, role):
            now -= 1
        less.append(str(row.get("name") or row.get("iso3")))
    if less:
        notes.append(f"the text counts the others: the UN's figures less {', '.join(less)}")
    return then, now, notes


def newcomers_since(rows: Sequence[dict[str, Any]], since: date) -> list[Newcomer]:
    """The participants that joined (consent) or signed after `since`, withdrawn acts left out."""
    out = []
    roles = (("consent", "joined"), ("signature", "signed"))
    for r in rows:
        for role, change in roles:
            d = as_date(r.get(f"{role}_date"))
            if d is None or d <= since or withdrawn(r, role):
                continue
            out.append(
                Newcomer(
                    name=str(r.get("name")),
                    iso3=None if is_missing(r.get("iso3")) else str(r.get("iso3")),
                    is_state=None if is_missing(r.get("is_state")) else bool(r.get("is_state")),
                    change=change,
                    action=None if is_missing(r.get(f"{role}_type")) else str(r.get(f"{role}_type")).lower(),
                    on=d,
                )
            )
    return sorted(out, key=lambda n: (n.on, n.name))


def not_the_nth(rows: Sequence[dict[str, Any]], claim: Claim) -> bool:
    """An ordinal dated by the act of the state its sentence names ("Tuvalu became the 50th country to
    ratify"), whose day is not the day of the Nth consent: the text says which consent that state's was, and
    is wrong about it (eval Conventions, date rule 2), whatever the Nth consent brought about."""
    if claim.date_source != "record" or claim.claimed_on is None:
        return False
    nth = nth_consent(rows, claim.figure)
    return nth is None or nth.on != claim.claimed_on
