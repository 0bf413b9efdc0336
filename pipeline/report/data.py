"""The thin layer between the store and the report: plain frames pulled once; templates never touch the db."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from pipeline import mtdsg, vocab
from pipeline.frame_values import is_missing, to_date
from pipeline.vocab import Status

# A participant's status on one treaty: the one vocabulary (pipeline.vocab), under the names the site uses.
STATUS_PARTY: str = Status.PARTY
STATUS_SIGNATORY: str = Status.SIGNATORY  # signed, not (yet) bound
STATUS_WITHDRAWN: str = Status.WITHDRAWN
STATUS_NONE: str = Status.NO_ACTION
# The snapshot does not list participants (the 2018 MTDSG XML of e.g. the Rome Statute, XVIII-10, gives
# only the UN's declared totals): who participates is unknown, which is not the same as "no action".
STATUS_UNKNOWN: str = Status.UNKNOWN

# How each status is shown in legends and badges, in the words of the headline: a "signatory" in a
# headline ("122 signatories") counts everyone who signed, parties included; the map's and the matrix's
# orange means signed and not (yet) a party, so it never says just "signatory".
STATUS_LABELS: dict[str, str] = {
    STATUS_PARTY: "party",
    STATUS_SIGNATORY: "signed, not a party",
    STATUS_WITHDRAWN: "withdrawn",
    STATUS_NONE: "no action",
    STATUS_UNKNOWN: "unknown: participants not listed in this snapshot",
}


class StoreLike(Protocol):
    """The part of pipeline.store.Store the report reads (see the store's public contract)."""

    def treaties(self) -> pd.DataFrame: ...
    def snapshots(self, mtdsg_no: str) -> pd.DataFrame: ...
    def participants(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame: ...
    def end_notes(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame: ...
    def diff(self, mtdsg_no: str, from_date: date | None = None, to_date: date | None = None) -> Any: ...
    def diffs(self, mtdsg_no: str, pairs: Sequence[tuple[date | None, date | None]]) -> Sequence[Any]: ...
    def matrix(self) -> pd.DataFrame: ...
    def acceptances(self, *, on: date | None = None, iso3: str | None = None) -> Sequence[Any]: ...


@dataclass(frozen=True)
class ChangeRow:
    iso3: str | None
    name: str
    change: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class ChangeSet:
    """What changed for one treaty between two snapshots (a plain copy of the store's Diff)."""

    from_: date | None
    to: date | None
    counts_before: dict[str, int | None]
    counts_after: dict[str, int | None]
    changes: tuple[ChangeRow, ...]
    # Set when who changed cannot be known: one of the two snapshots lists no participants.
    unlisted: date | None = None


@dataclass
class TreatyData:
    """Everything the report shows about one treaty."""

    info: dict[str, Any]  # one row of Store.treaties()
    snapshots: pd.DataFrame
    participants: pd.DataFrame
    end_notes: pd.DataFrame
    changes: list[ChangeSet] = field(default_factory=list)  # newest first
    rows_cache: list[dict[str, Any]] | None = field(default=None, repr=False)

    @property
    def mtdsg_no(self) -> str:
        return str(self.info["mtdsg_no"])

    @property
    def participants_listed(self) -> bool:
        return participants_listed(self.info)


def participants_listed(info: dict[str, Any]) -> bool:
    """Does the treaty's latest snapshot list its participants? (False for a header-only page.)"""
    flag = info.get("participants_complete")
    return bool(flag) and not is_missing(flag)


@dataclass
class SiteData:
    treaties: pd.DataFrame
    per_treaty: dict[str, TreatyData]


def frame_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as dicts: df.to_dict("records") without its per-column indexing (it took a
    third of a full build on ~400 treaties)."""
    cols = [str(c) for c in df.columns]
    return [dict(zip(cols, row, strict=True)) for row in df.to_numpy(dtype=object).tolist()]


def participant_status(row: dict[str, Any] | pd.Series) -> str:
    """party / signatory / withdrawn / no action for one participants-table row (the one rule: vocab)."""
    return vocab.participant_status(row)


def footnote_list(value: Any) -> list[str]:
    """The store gives footnotes as a list or a comma string; always a list of marker strings."""
    if is_missing(value):
        return []
    if isinstance(value, str):
        return [p.strip() for p in value.split(",") if p.strip()]
    try:
        return [str(v).strip() for v in value if str(v).strip()]
    except TypeError:
        return [str(value)]


def _copy_diff(diff: Any) -> ChangeSet:
    changes = tuple(
        ChangeRow(
            iso3=getattr(c, "iso3", None),
            name=str(getattr(c, "name", "")),
            change=str(getattr(c, "change", "")),
            before=None if is_missing(getattr(c, "before", None)) else str(c.before),
            after=None if is_missing(getattr(c, "after", None)) else str(c.after),
        )
        for c in getattr(diff, "changes", ()) or ()
    )
    return ChangeSet(
        from_=to_date(getattr(diff, "from_", None)),
        to=to_date(getattr(diff, "to", None)),
        counts_before=dict(getattr(diff, "counts_before", {}) or {}),
        counts_after=dict(getattr(diff, "counts_after", {}) or {}),
        changes=changes,
    )


def _snapshot_counts(records: list[dict[str, Any]], day: date) -> tuple[dict[str, int | None], bool]:
    """The totals of the snapshot of that day (counted, else declared) and whether it lists participants."""
    for r in records[::-1]:
        if to_date(r.get("as_at")) == day:
            counts = {}
            for key in ("parties", "signatories"):
                v = r.get(f"counted_{key}")
                v = r.get(f"declared_{key}") if is_missing(v) else v
                counts[key] = None if v is None or is_missing(v) else int(v)
            listed = r.get("participants_complete")
            return counts, bool(listed) and not is_missing(listed)
    return {"parties": None, "signatories": None}, False


def _change_sets(
    store: StoreLike, mtdsg_no: str, snapshots: pd.DataFrame, pairs: list[tuple[date, date]]
) -> list[ChangeSet]:
    """One change set per pair of snapshot dates; the store's diffs of the pairs that both list
    participants are read in one call (one pass over the treaty's history)."""
    records = frame_records(snapshots)
    out: list[ChangeSet | None] = []
    listed: list[tuple[date, date]] = []
    for a, b in pairs:
        before, listed_a = _snapshot_counts(records, a)
        after, listed_b = _snapshot_counts(records, b)
        if listed_a and listed_b:
            listed.append((a, b))
            out.append(None)
        else:
            # Store.diff compares only snapshots with participants: it would answer with one snapshot
            # against itself ("3 February 2026 to 3 February 2026, 0 changes"). Only the totals compare.
            out.append(ChangeSet(a, b, before, after, (), unlisted=a if not listed_a else b))
    found = iter(_copy_diff(d) for d in (store.diffs(mtdsg_no, listed) if listed else []))
    return [c if c is not None else next(found) for c in out]


def load_treaty(store: StoreLike, info: dict[str, Any]) -> TreatyData:
    mtdsg_no = str(info["mtdsg_no"])
    snapshots = store.snapshots(mtdsg_no)
    if "as_at" in snapshots.columns and len(snapshots):
        snapshots = snapshots.sort_values("as_at", kind="stable").reset_index(drop=True)
    participants = store.participants(mtdsg_no)
    end_notes = store.end_notes(mtdsg_no)
    # One change set per pair of consecutive snapshot dates, newest first.
    dates = sorted({d for d in (to_date(v) for v in snapshots.get("as_at", [])) if d is not None})
    changes = _change_sets(store, mtdsg_no, snapshots, list(zip(dates, dates[1:], strict=False)))
    changes.reverse()
    return TreatyData(
        info=info, snapshots=snapshots, participants=participants, end_notes=end_notes, changes=changes
    )


def sorted_treaties(treaties: pd.DataFrame) -> pd.DataFrame:
    if len(treaties):
        treaties = treaties.sort_values("mtdsg_no", key=_mtdsg_sort_key).reset_index(drop=True)
    return treaties


def _canonical(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value  # most cells: read every build for every treaty's fingerprint, so tested first
    if is_missing(value):
        return None
    if isinstance(value, (date,)):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


# The code whose output the site is: a change to any of these rebuilds every page.
# The store is in: its answers (participants, diffs, change events) are what the pages and feeds show.
_CODE_MODULES = (
    "pipeline.report",
    "pipeline.store",
    "pipeline.catalog",
    "pipeline.mtdsg",
    "pipeline.parse.reconcile",
)


def code_digest() -> str:
    """Fingerprint of the report's code (and what it reads of other modules): see _CODE_MODULES."""
    return _code_digest()


@functools.cache
def _code_digest() -> str:
    import importlib  # lazy: only to digest the report code

    h = hashlib.sha256()
    files: list[Path] = []
    for name in _CODE_MODULES:
        module = importlib.import_module(name)
        origin = Path(str(module.__file__))
        if origin.name == "__init__.py":
            files += sorted(p for p in origin.parent.rglob("*") if p.is_file() and p.suffix != ".pyc")
        else:
            files.append(origin)
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def site_inputs(treaties: pd.DataFrame, *, feeds: bool = False) -> str:
    """Fingerprint of everything a site is built from: the store's treaty rows, the report's code and
    whether it has feeds (a site built without them is not the site asked for with them).

    Store.treaties() names each treaty's latest snapshot, the one before it and how many it holds, and
    a snapshot's content never changes once stored (a changed page is a new snapshot; an unchanged
    refresh only adds an observation, which the report does not show). So equal treaty rows mean equal
    participants, end notes, diffs and matrix, and the pages need not even be rendered.
    """
    rows = [
        {str(k): _canonical(v) for k, v in sorted(r.items())}
        for r in frame_records(sorted_treaties(treaties))
    ]
    h = hashlib.sha256(_code_digest().encode())
    h.update(b"feeds" if feeds else b"no feeds")
    h.update(json.dumps(rows, sort_keys=True, ensure_ascii=True).encode())
    return h.hexdigest()


def treaty_inputs(info: dict[str, Any], code: str, *, feeds: bool) -> str:
    """Fingerprint of what one treaty's pages are made from: its row of Store.treaties() (which names its
    latest snapshot, the one before and how many there are: see site_inputs), the report's code and
    whether pages link feeds."""
    row = {str(k): _canonical(v) for k, v in sorted(info.items())}
    payload = json.dumps([code, feeds, row], sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def _mtdsg_sort_key(s: pd.Series) -> pd.Series:
    return s.map(lambda v: mtdsg.sort_key(str(v)))
