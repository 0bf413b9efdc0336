"""Reading history out of snapshots: counts "as of" a date and the changes between two snapshots (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from pipeline.frame_values import is_missing as missing
from pipeline.frame_values import to_date as as_date
from pipeline.parse.endnotes import read_withdrawal

CHANGE_KINDS = (
    "joined",
    "signed",
    "withdrew",
    "renamed",
    "corrected",
    "declarations_changed",
    "footnotes_changed",
)


@dataclass(frozen=True)
class Change:
    iso3: str | None
    name: str
    change: str  # one of CHANGE_KINDS
    before: str | None
    after: str | None


@dataclass(frozen=True)
class AsOf:
    mtdsg_no: str
    date: date
    parties: int
    signatories: int
    basis: str
    snapshot_id: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "mtdsg_no": self.mtdsg_no,
            "date": self.date.isoformat(),
            "parties": self.parties,
            "signatories": self.signatories,
            "basis": self.basis,
            "snapshot_id": self.snapshot_id,
        }


@dataclass(frozen=True)
class Diff:
    mtdsg_no: str
    from_: date | None
    to: date | None
    counts_before: dict[str, int | None]
    counts_after: dict[str, int | None]
    changes: list[Change] = field(default_factory=list)
    from_snapshot_id: int | None = None
    to_snapshot_id: int | None = None
    note: str | None = None  # why nothing could be compared, e.g. only header-only snapshots

    def to_dict(self) -> dict[str, Any]:
        return {
            "mtdsg_no": self.mtdsg_no,
            "from": self.from_.isoformat() if self.from_ else None,
            "to": self.to.isoformat() if self.to else None,
            "counts_before": self.counts_before,
            "counts_after": self.counts_after,
            "changes": [
                {"iso3": c.iso3, "name": c.name, "change": c.change, "before": c.before, "after": c.after}
                for c in self.changes
            ],
            "from_snapshot_id": self.from_snapshot_id,
            "to_snapshot_id": self.to_snapshot_id,
            "note": self.note,
        }


def withdrawal_effect_date(
    footnotes: Any,
    notes: dict[str, str],
    after: date | None,
    *,
    participant: str | None = None,
    role: str = "consent",
) -> tuple[date, str] | None:
    """When a bracketed participation ended, read from the participant's end notes.

    Delegates to pipeline.parse.endnotes.read_withdrawal, which reads every phrasing of the saved pages:
    ("effect") the latest effective date not before `after`, also one derived from a delay the note states
    ("notified+N months", reported here as "effect"); else ("notified") the latest notification date, a
    lower bound of the effect. `footnotes` is the stored "1, 4" string (or a sequence of markers). Give
    `participant` (the row's name) and `role` where known: without a name, a note telling several states'
    withdrawals (a note table, X-9, XIX-21) cannot be read for one of them.
    """
    if isinstance(footnotes, str) or footnotes is None:
        markers = [m.strip() for m in str(footnotes or "").split(",") if m.strip()]
    else:
        markers = [str(m).strip() for m in footnotes if str(m).strip()]
    found = read_withdrawal(markers, notes, participant=participant, role=role, after=after)
    if found is None:
        return None
    return found.date, ("notified" if found.rule == "notified" else "effect")


def reconstruct_counts(
    participants: pd.DataFrame,
    on: date,
    notes: dict[str, str],
    first_seen_withdrawn: dict[str, date],
) -> tuple[int, int, dict[str, int]]:
    """Parties and signatories on `on` from one snapshot's action dates.

    A bracketed (withdrawn) action counts until its withdrawal took effect: the effective date in the
    participant's end note when one can be read, otherwise until the first snapshot that shows it
    bracketed. Returns (parties, signatories, how many withdrawals were dated each way).
    """
    parties = signatories = 0
    how = {"effect": 0, "notified": 0, "snapshot": 0}
    for row in participants.to_dict("records"):
        for role in ("consent", "signature"):
            d = as_date(row.get(f"{role}_date"))
            if d is None or d > on:
                continue
            if bool(row.get(f"{role}_withdrawn")) and not missing(row.get(f"{role}_withdrawn")):
                found = withdrawal_effect_date(row.get("footnotes"), notes, d)
                if found is not None:
                    how[found[1]] += 1
                    if found[0] <= on:
                        continue
                else:
                    how["snapshot"] += 1
                    seen = first_seen_withdrawn.get(str(row.get("iso3")))
                    if seen is None or seen <= on:
                        continue
            if role == "consent":
                parties += 1
            else:
                signatories += 1
    return parties, signatories, how


def _action_text(row: dict[str, Any], role: str) -> str | None:
    d = as_date(row.get(f"{role}_date"))
    if d is None:
        return None
    kind = row.get(f"{role}_type") or role
    text = f"{str(kind).lower()} {d.isoformat()}"
    if bool(row.get(f"{role}_withdrawn")) and not missing(row.get(f"{role}_withdrawn")):
        text = f"[{text}] (withdrawn)"
    return text


def _is_on(row: dict[str, Any], role: str) -> bool:
    return as_date(row.get(f"{role}_date")) is not None and not (
        bool(row.get(f"{role}_withdrawn")) and not missing(row.get(f"{role}_withdrawn"))
    )


def _text(value: Any) -> str | None:
    return None if missing(value) else str(value)


def compare_participants(before: pd.DataFrame, after: pd.DataFrame) -> list[Change]:
    """Who joined, signed, withdrew, was renamed or corrected, or had footnotes/declarations change.

    Rows are matched by ISO code, so "Bahamas" and "Bahamas (The)" are one participant renamed.
    """
    a = {str(r["iso3"]): r for r in before.to_dict("records")}
    b = {str(r["iso3"]): r for r in after.to_dict("records")}
    changes: list[Change] = []
    for iso3 in sorted(set(a) | set(b), key=lambda k: str((b.get(k) or a.get(k) or {}).get("name"))):
        old, new = a.get(iso3), b.get(iso3)
        if old is None and new is not None:
            name = str(new["name"])
            if _is_on(new, "consent"):
                changes.append(Change(iso3, name, "joined", None, _action_text(new, "consent")))
            if _is_on(new, "signature"):
                changes.append(Change(iso3, name, "signed", None, _action_text(new, "signature")))
            if not _is_on(new, "consent") and not _is_on(new, "signature"):
                kind = "withdrew" if bool(new.get("withdrawn")) else "corrected"
                after_text = _action_text(new, "consent") or _action_text(new, "signature") or name
                changes.append(Change(iso3, name, kind, None, after_text))
            continue
        if new is None and old is not None:
            changes.append(Change(iso3, str(old["name"]), "withdrew", _participant_text(old), None))
            continue
        assert old is not None and new is not None
        name = str(new["name"])
        if str(old["name"]) != name:
            changes.append(Change(iso3, name, "renamed", str(old["name"]), name))
        for role, gained in (("consent", "joined"), ("signature", "signed")):
            was, now = _is_on(old, role), _is_on(new, role)
            before_text, after_text = _action_text(old, role), _action_text(new, role)
            if not was and now:
                changes.append(Change(iso3, name, gained, before_text, after_text))
            elif was and not now:
                changes.append(Change(iso3, name, "withdrew", before_text, after_text))
            elif before_text != after_text:
                changes.append(Change(iso3, name, "corrected", before_text, after_text))
        for key in ("provisional", "other_actions"):
            bt = _action_text(old, key) if key == "provisional" else _text(old.get(key))
            at = _action_text(new, key) if key == "provisional" else _text(new.get(key))
            if bt != at:
                changes.append(Change(iso3, name, "corrected", bt, at))
        if _text(old.get("footnotes")) != _text(new.get("footnotes")):
            changes.append(
                Change(
                    iso3, name, "footnotes_changed", _text(old.get("footnotes")), _text(new.get("footnotes"))
                )
            )
        if _text(old.get("declarations")) != _text(new.get("declarations")) or bool(
            old.get("has_declarations")
        ) != bool(new.get("has_declarations")):
            changes.append(
                Change(
                    iso3,
                    name,
                    "declarations_changed",
                    _short(old.get("declarations"), old.get("has_declarations")),
                    _short(new.get("declarations"), new.get("has_declarations")),
                )
            )
    return changes


def _participant_text(row: dict[str, Any]) -> str:
    parts = [t for t in (_action_text(row, "signature"), _action_text(row, "consent")) if t]
    return "; ".join(parts) or str(row.get("name"))


def _short(text: Any, flag: Any) -> str | None:
    if missing(text):
        return "declarations (text not on page)" if bool(flag) and not missing(flag) else None
    s = str(text)
    return s if len(s) <= 120 else s[:117] + "..."
