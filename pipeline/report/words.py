"""How a treaty's figures read on a page: dates, counts, the headline, the change since last time."""

from __future__ import annotations

from typing import Any

from pipeline.frame_values import is_missing, to_date
from pipeline.parse.reconcile import RECONCILES_NA, reconciles
from pipeline.report.data import participants_listed
from pipeline.vocab import ChangeKind

NOT_LISTED = "participants not listed in this snapshot"


def long_date(value: Any) -> str:
    """3 February 2026 (the form a reader quotes), or "" when unknown."""
    d = to_date(value)
    return f"{d.day} {d:%B %Y}" if d else ""


def iso_date(value: Any) -> str:
    d = to_date(value)
    return d.isoformat() if d else ""


def as_int(value: Any) -> int | None:
    """An integer cell of a frame, or None when it is missing."""
    return None if is_missing(value) else int(value)


def as_text(value: Any) -> str:
    """A text cell of a frame, or "" when it is missing."""
    return "" if is_missing(value) else str(value)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def has_signatories(info: dict[str, Any]) -> bool:
    """Amendments and some protocols have no signature column: the UN shows "Parties : 90" only."""
    if not participants_listed(info):
        # A header-only page (2018 MTDSG XML) has no table and so no signature column: its declared
        # "Signatories : N" is all there is, and it is shown.
        return as_int(info.get("declared_signatories")) is not None
    flag = info.get("has_signature_column")
    if not is_missing(flag):
        return bool(flag)
    return as_int(info.get("declared_signatories")) is not None or (as_int(info.get("signatories")) or 0) > 0


def headline(info: dict[str, Any]) -> str:
    """The sentence people quote: "As at 3 February 2026, 178 parties and 122 signatories"."""
    parties = _plural(as_int(info.get("parties")) or 0, "party", "parties")
    text = f"As at {long_date(info.get('as_at'))}, {parties}"
    if has_signatories(info):
        text += " and " + _plural(as_int(info.get("signatories")) or 0, "signatory", "signatories")
    if not participants_listed(info):
        text += f" (the UN's declared totals; {NOT_LISTED})"
    return text


def change_summary(info: dict[str, Any]) -> str:
    """Change since the previous snapshot, e.g. "+3 parties, -1 signatory since 15 January 2018"."""
    if is_missing(info.get("previous_as_at")):
        return "first snapshot"
    parts = []
    for key, one, many in (("parties", "party", "parties"), ("signatories", "signatory", "signatories")):
        now, before = as_int(info.get(key)), as_int(info.get(f"previous_{key}"))
        if now is None or before is None or now == before:
            continue
        delta = now - before
        parts.append(f"{delta:+d} {one if abs(delta) == 1 else many}")
    since = long_date(info.get("previous_as_at"))
    return f"{', '.join(parts)} since {since}" if parts else f"no change since {since}"


def reconciles_text(info: dict[str, Any]) -> tuple[str, str]:
    """("yes" | "no" | "n/a", reason) for one row of Store.treaties(), by the one rule
    (pipeline.parse.reconcile.reconciles); the reason is the store's text, or says why nothing compares."""
    listed = participants_listed(info)
    state = reconciles(
        participants_listed=listed,
        declared_signatories=as_int(info.get("declared_signatories")),
        counted_signatories=as_int(info.get("counted_signatories")),
        declared_parties=as_int(info.get("declared_parties")),
        counted_parties=as_int(info.get("counted_parties")),
    )
    reason = as_text(info.get("reconciliation"))
    if state == RECONCILES_NA and listed:
        reason = "the page declares no totals to compare with"
    return state, reason


# The store's change kinds (snake_case identifiers) in the words a reader expects (their home: vocab).
CHANGE_WORDS = {k.value: k.words for k in ChangeKind}


def change_word(kind: str) -> str:
    return CHANGE_WORDS.get(kind, kind.replace("_", " "))
