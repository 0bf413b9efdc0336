"""Counted vs declared totals: every difference gets a reason naming the column or rows responsible."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from pipeline.parse.model import ROLE_CONSENT, ROLE_SIGNATURE, Column, Participant, TreatyStatus


def _names(ps: Iterable[Participant]) -> str:
    names = [p.name for p in ps]
    shown = ", ".join(names[:8])
    return shown + (f" and {len(names) - 8} more" if len(names) > 8 else "")


def _signatory_rules(s: TreatyStatus) -> list[tuple[int, str]]:
    """Candidate explanations as (change to the counted figure, reason)."""
    rules = []
    withdrawn = [p for p in s.participants if p.signature is not None and p.signature.withdrawn]
    if withdrawn:
        rules.append(
            (
                len(withdrawn),
                f"{len(withdrawn)} bracketed (withdrawn) signatures still counted by the UN"
                f" (rows: {_names(withdrawn)})",
            )
        )
    succ = [
        p
        for p in s.participants
        if p.signature is not None and p.is_signatory and p.signature.type == "succession_to_signature"
    ]
    if succ:
        rules.append(
            (
                -len(succ),
                f"{len(succ)} successions to signature (d) not counted as signatories by the UN"
                f" (rows: {_names(succ)})",
            )
        )
    definitive = [
        p
        for p in s.participants
        if p.signature is None
        and p.consent is not None
        and p.is_party
        and p.consent.type == "definitive_signature"
    ]
    if definitive:
        rules.append(
            (
                len(definitive),
                f"{len(definitive)} definitive signatures (s) in the consent column counted"
                f" as signatories by the UN (rows: {_names(definitive)})",
            )
        )
    other_sig = [
        p
        for p in s.participants
        if p.signature is None
        and any(
            a.type.startswith(("signature", "confirmation_of_signature")) and not a.withdrawn
            for a in p.others
        )
    ]
    if other_sig:
        rules.append(
            (
                len(other_sig),
                f"{len(other_sig)} signatures recorded in a non-signature column (rows: {_names(other_sig)})",
            )
        )
    return rules


def _party_rules(s: TreatyStatus) -> list[tuple[int, str]]:
    rules = []
    withdrawn = [p for p in s.participants if p.consent is not None and p.consent.withdrawn]
    if withdrawn:
        rules.append(
            (
                len(withdrawn),
                f"{len(withdrawn)} bracketed (withdrawn) consents still counted by the UN"
                f" (rows: {_names(withdrawn)})",
            )
        )
    provisional = [
        p for p in s.participants if not p.is_party and p.provisional and not p.provisional.withdrawn
    ]
    if provisional:
        rules.append(
            (
                len(provisional),
                f"{len(provisional)} provisional applications without consent counted as"
                f" parties by the UN (rows: {_names(provisional)})",
            )
        )
    others = [p for p in s.participants if not p.is_party and any(not a.withdrawn for a in p.others)]
    if others:
        rules.append(
            (
                len(others),
                f"{len(others)} participants with only notifications/other entries counted as"
                f" parties by the UN (rows: {_names(others)})",
            )
        )
    return rules


def _dateless(s: TreatyStatus) -> list[tuple[int, str]]:
    # A row with no dates but footnotes: its participation is told only in the notes (e.g. China in V-3,
    # whose signature was made on behalf of the Republic of China); the UN may count it.
    rows = [p for p in s.participants if p.signature is None and p.consent is None and p.footnotes]
    if not rows:
        return []
    return [
        (
            len(rows),
            f"{len(rows)} rows without dates whose participation is told only in end notes, counted"
            f" by the UN (rows: {_names(rows)})",
        )
    ]


def _explain(what: str, counted: int, declared: int, rules: list[tuple[int, str]], s: TreatyStatus) -> str:
    diff = declared - counted
    if not s.participants:
        return f"{what}: counted {counted}, declared {declared}: the page lists no participants"
    for n in (1, 2):
        for combo in combinations(rules, n):
            if sum(d for d, _ in combo) == diff:
                return f"{what}: counted {counted}, declared {declared}: " + "; ".join(r for _, r in combo)
    role = ROLE_SIGNATURE if what == "signatories" else ROLE_CONSENT
    if what == "signatories" and not s.has_signature_column:
        return (
            f"{what}: counted {counted}, declared {declared}: the page has no signature column"
            f" (its columns: {_columns(s.columns)})"
        )
    hint = (
        "; ".join(r for _, r in rules) or "no bracketed, provisional, dateless or other entries on the page"
    )
    suspects = [
        p for p in s.participants if p.footnotes and (p.is_party if what == "parties" else p.is_signatory)
    ]
    blame = (
        f"; the rows the UN may count differently are the footnoted ones (rows: {_names(suspects)})"
        if diff < 0 and suspects
        else ""
    )
    counted_in = _columns([c for c in s.columns if c.role == role])
    return (
        f"{what}: counted {counted}, declared {declared}: the page's declared figure differs by {diff:+d}"
        f" from its own table ({counted_in}; checked: {hint}){blame}"
    )


def _columns(columns: Iterable[Column]) -> str:
    """How a reason names columns: "column 2 'Ratification, Accession(a)'"."""
    return ", ".join(f"column {c.index} {c.label!r}" for c in columns)


def reconcile(s: TreatyStatus) -> tuple[str, ...]:
    """Reasons, one per differing total; empty when every declared total equals the counted one."""
    out = []
    if s.declared_signatories is not None and s.declared_signatories != s.counted_signatories:
        out.append(
            _explain(
                "signatories",
                s.counted_signatories,
                s.declared_signatories,
                _signatory_rules(s) + _dateless(s),
                s,
            )
        )
    if s.declared_parties is not None and s.declared_parties != s.counted_parties:
        out.append(
            _explain("parties", s.counted_parties, s.declared_parties, _party_rules(s) + _dateless(s), s)
        )
    return tuple(out)


RECONCILES_YES, RECONCILES_NO, RECONCILES_NA = "yes", "no", "n/a"


def reconciles(
    *,
    participants_listed: bool,
    declared_signatories: int | None,
    counted_signatories: int | None,
    declared_parties: int | None,
    counted_parties: int | None,
) -> str:
    """The one "does it reconcile" rule, for parse output, store, export and report alike.

    "yes" when every total the page declares equals the one counted from its table; "no" when one
    differs (an explained difference is still a difference: the reason says why); "n/a" when there is
    nothing to compare (no participants listed, or no total declared).
    """
    if not participants_listed:
        return RECONCILES_NA
    pairs = [
        (declared, counted)
        for declared, counted in (
            (declared_signatories, counted_signatories),
            (declared_parties, counted_parties),
        )
        if declared is not None
    ]
    if not pairs:
        return RECONCILES_NA
    return RECONCILES_YES if all(d == c for d, c in pairs) else RECONCILES_NO


def status_reconciles(s: TreatyStatus) -> str:
    """`reconciles` for a parsed page."""
    return reconciles(
        participants_listed=bool(s.participants),
        declared_signatories=s.declared_signatories,
        counted_signatories=s.counted_signatories,
        declared_parties=s.declared_parties,
        counted_parties=s.counted_parties,
    )
