"""History: counts "as of" a date and the changes between two snapshots, from the store's snapshots."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import pandas as pd

from pipeline.frame_values import is_missing as missing
from pipeline.frame_values import to_date as as_date
from pipeline.store.model import AsOf, Change, Diff, StoreError
from pipeline.store.queries import Queries, snapshot_counts

# The UN tells a denunciation only in an end note ("... notified the Secretary-General of its decision
# to denounce the Optional Protocol with effect from 26 August 1998"); the table just brackets the date.
_EFFECT_RE = re.compile(
    r"(?:with effect (?:from|as of|on)|effective (?:as of |from |on )?|took effect on|takes effect on|"
    r"taking effect on|shall take effect on|will take effect on)\s*(\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})"
)


def _parse_day(text: str) -> date | None:
    for fmt in ("%d %B %Y", "%d %b %Y", "%d %b. %Y"):
        try:
            return datetime.strptime(re.sub(r"\s+", " ", text), fmt).date()
        except ValueError:
            continue
    return None


# Some notes give only the notification ("On 23 October 1997, the Government of Jamaica notified the
# Secretary-General of its denunciation of the Protocol"): the effect follows by a treaty-specific delay.
_NOTIFIED_RE = re.compile(
    r"On (\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}),?[^.]{0,200}?(?:denounc|denunciation|withdr)", re.IGNORECASE
)


def withdrawal_effect_date(
    footnotes: Any, notes: dict[str, str], after: date | None
) -> tuple[date, str] | None:
    """When a bracketed participation ended, read from the participant's end notes.

    The latest "with effect from" date not before `after` ("effect"); failing that, the latest date on
    which a denunciation or withdrawal was notified ("notified"), a lower bound of the effect date.
    """
    markers = [m.strip() for m in str(footnotes or "").split(",") if m.strip()]
    effect: list[date] = []
    notified: list[date] = []
    for m in markers:
        text = notes.get(m)
        if not text or not re.search(r"denounc|denunciation|withdr", text, re.IGNORECASE):
            continue
        for hit in _EFFECT_RE.findall(text):
            d = _parse_day(hit)
            if d is not None and (after is None or d >= after):
                effect.append(d)
        for hit in _NOTIFIED_RE.findall(text):
            d = _parse_day(hit)
            if d is not None and (after is None or d >= after):
                notified.append(d)
    if effect:
        return max(effect), "effect"
    if notified:
        return max(notified), "notified"
    return None


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


def _as_of_basis(snap_day: str, on: date, after: bool, how: dict[str, int]) -> str:
    if after:
        basis = (
            f"action dates in the snapshot as at {snap_day} (the earliest on or after {on.isoformat()}):"
            f" consents and signatures dated on or before {on.isoformat()}"
        )
    else:
        basis = f"the latest snapshot, as at {snap_day}: changes after {snap_day} are unknown to this store"
    if any(how.values()):
        basis += (
            "; bracketed (withdrawn) entries end on the effective date in their end note"
            f" ({how['effect']}), else on the notified date of the denunciation ({how['notified']}),"
            f" else at the first snapshot that shows them bracketed ({how['snapshot']})"
        )
    return basis


def asof(q: Queries, mtdsg_no: str, on: date) -> AsOf:
    """Parties and signatories on a date, reconstructed from the action dates of one snapshot."""
    snaps = q.all_snapshots(mtdsg_no, listed_only=True)
    if not snaps:
        raise StoreError(
            f"{mtdsg_no} has no snapshot with a participants table (header-only pages give no action dates)"
        )
    after = [s for s in snaps if s["as_at"].date() >= on]
    snap = after[0] if after else snaps[-1]
    parts = q.participants(mtdsg_no, snap["snapshot_id"])
    notes = {str(n): str(t) for n, t in q.end_notes(mtdsg_no, snap["snapshot_id"]).itertuples(index=False)}
    first_withdrawn = {k: v.date() for k, v in q.first_seen_withdrawn(mtdsg_no).items()}
    parties, signatories, how = reconstruct_counts(parts, on, notes, first_withdrawn)
    basis = _as_of_basis(snap["as_at"].date().isoformat(), on, bool(after), how)
    return AsOf(mtdsg_no, on, parties, signatories, basis, int(snap["snapshot_id"]))


def diff(q: Queries, mtdsg_no: str, from_date: date | None = None, to_date: date | None = None) -> Diff:
    """What changed between two snapshots with participants (by default the two latest)."""
    snaps = q.all_snapshots(mtdsg_no, listed_only=True)

    def at(d: date) -> dict[str, Any] | None:
        # The snapshot in force on that date: the latest taken on or before it.
        on_or_before = [s for s in snaps if s["as_at"].date() <= d]
        return on_or_before[-1] if on_or_before else None

    to_snap = at(to_date) if to_date is not None else (snaps[-1] if snaps else None)
    if from_date is not None:
        from_snap = at(from_date) or (snaps[0] if snaps else None)
    else:
        earlier = [s for s in snaps if to_snap is not None and s["seq"] < to_snap["seq"]]
        from_snap = earlier[-1] if earlier else None
    if from_snap is None or to_snap is None:
        n_all = len(q.all_snapshots(mtdsg_no))
        note = (
            f"{mtdsg_no}: fewer than two snapshots with a participants table in that range"
            f" ({len(snaps)} with participants, {n_all} in all); header-only pages cannot be compared"
        )
        only = to_snap or from_snap
        counts = snapshot_counts(only) if only else {"parties": None, "signatories": None}
        day = only["as_at"].date() if only else None
        sid = int(only["snapshot_id"]) if only else None
        return Diff(mtdsg_no, day, day, counts, counts, [], sid, sid, note)
    before = q.participants(mtdsg_no, from_snap["snapshot_id"])
    after = q.participants(mtdsg_no, to_snap["snapshot_id"])
    changes = (
        compare_participants(before, after) if from_snap["snapshot_id"] != to_snap["snapshot_id"] else []
    )
    return Diff(
        mtdsg_no,
        from_snap["as_at"].date(),
        to_snap["as_at"].date(),
        snapshot_counts(from_snap),
        snapshot_counts(to_snap),
        changes,
        int(from_snap["snapshot_id"]),
        int(to_snap["snapshot_id"]),
        None,
    )
