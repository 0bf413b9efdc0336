"""The store's read model: what its queries answer, as frozen dataclasses (vocabulary: pipeline.vocab)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pipeline.mtdsg import citable_url
from pipeline.vocab import ChangeKind, Status
from pipeline.vocab import participant_status as participant_status  # the store's readers import it here


class StoreError(RuntimeError):
    """Something the store cannot do with the data it was given; the message is one line for the user."""


class StoreLocked(StoreError):
    """Another process holds the database open for writing."""


@dataclass(frozen=True)
class PageProvenance:
    """Where a page to import came from (the keyword arguments of Store.import_page)."""

    source: str
    raw_sha256: str
    captured_at: date | datetime | None = None
    parser_version: str | None = None


@dataclass(frozen=True)
class ImportResult:
    mtdsg_no: str
    outcome: str  # "saved" | "unchanged"
    snapshot_id: int
    as_at: datetime
    # The page's own totals, so callers can report them without parsing the page again.
    declared_signatories: int | None = None
    declared_parties: int | None = None


# The status vocabulary and its one rule live at the bottom layer (pipeline.vocab); these names stay so
# that readers written against the store keep working.
PARTY = Status.PARTY
SIGNATORY = Status.SIGNATORY
WITHDRAWN = Status.WITHDRAWN
NO_ACTION = Status.NO_ACTION
UNKNOWN = Status.UNKNOWN
STATUSES = tuple(Status)
CHANGE_KINDS = tuple(ChangeKind)


@dataclass(frozen=True)
class Change:
    iso3: str | None
    name: str
    change: str  # one of CHANGE_KINDS
    before: str | None
    after: str | None
    # A withdrawal's effective date and the rule that dated it ("effect", "notified", "notified+3 months",
    # "snapshot", "known event"); None for other changes.
    effective: date | None = None
    rule: str | None = None


@dataclass(frozen=True)
class Uncertain:
    """A participation seen in one snapshot and gone from the next without brackets or an end note."""

    iso3: str
    name: str
    role: str  # "consent" | "signature"
    between: tuple[date, date]

    def to_dict(self) -> dict[str, Any]:
        return {
            "iso3": self.iso3,
            "name": self.name,
            "role": self.role,
            "between": [self.between[0].isoformat(), self.between[1].isoformat()],
        }


@dataclass(frozen=True)
class KnownEvent:
    """A treaty action the status pages do not show, from the curated table (known_events.csv), cited."""

    mtdsg_no: str
    iso3: str
    name: str
    role: str  # "consent" | "signature"
    action: str  # e.g. "revocation of ratification"; "ends" actions end the role, "begins" ones start it
    ends: bool
    effective: date
    action_date: date | None  # the date of the participation it ends, where the pages once showed it
    source: str  # a citable address: a depositary notification or the UN's own page
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "mtdsg_no": self.mtdsg_no,
            "iso3": self.iso3,
            "name": self.name,
            "role": self.role,
            "action": self.action,
            "effective": self.effective.isoformat(),
            "action_date": self.action_date.isoformat() if self.action_date else None,
            "source": self.source,
            "note": self.note,
        }


@dataclass(frozen=True)
class Scheduled:
    """A change an end note announces for after its snapshot ("The withdrawal will take effect for Poland
    on 20 February 2026"), read from the snapshot as at `announced_in`."""

    mtdsg_no: str
    iso3: str
    name: str
    role: str  # "consent" | "signature"
    change: str  # "withdrawal"
    effective: date
    announced_in: date  # the status date of the snapshot whose end note announces it
    note: str  # the end note's number

    def text(self) -> str:
        return f"{self.name}'s {self.change} effective {self.effective.isoformat()}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "mtdsg_no": self.mtdsg_no,
            "iso3": self.iso3,
            "name": self.name,
            "role": self.role,
            "change": self.change,
            "effective": self.effective.isoformat(),
            "announced_in": self.announced_in.isoformat(),
            "note": self.note,
        }


@dataclass(frozen=True)
class AsOf:
    mtdsg_no: str
    date: date
    parties: int | None
    signatories: int | None
    basis: str
    snapshot_id: int | None
    signed_not_party: int | None = None
    uncertain: tuple[Uncertain, ...] = ()
    participants_listed: bool = True
    # The lowest and highest counts the record allows (equal when nothing is uncertain); None where the
    # count is None (no signature procedure: the treaty has no signature column).
    parties_range: tuple[int, int] | None = None
    signatories_range: tuple[int, int] | None = None
    scheduled: tuple[Scheduled, ...] = ()  # changes announced by end notes, applied after the snapshot
    known_events: tuple[KnownEvent, ...] = ()  # the cited events of known_events.csv this answer used
    caveats: tuple[str, ...] = ()  # "a projection: ... is after today", "before the treaty's adoption"
    has_signature_procedure: bool = True

    def range_text(self, role: str = "parties") -> str:
        """ "178-179 (uncertain: Russian Federation)", or the count alone when nothing is uncertain."""
        count = self.parties if role == "parties" else self.signatories
        span = self.parties_range if role == "parties" else self.signatories_range
        if count is None:
            return "none (no signature procedure)" if role == "signatories" else "unknown"
        if span is None or span[0] == span[1]:
            return str(count)
        key = "consent" if role == "parties" else "signature"
        who = ", ".join(u.name for u in self.uncertain if u.role == key)
        return f"{span[0]}-{span[1]} (uncertain: {who})"

    @property
    def un_url(self) -> str:
        """The treaties.un.org status page to cite for this treaty."""
        return citable_url(self.mtdsg_no, None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mtdsg_no": self.mtdsg_no,
            "un_url": self.un_url,
            "date": self.date.isoformat(),
            "parties": self.parties,
            "signatories": self.signatories,
            "signed_not_party": self.signed_not_party,
            "participants_listed": self.participants_listed,
            "basis": self.basis,
            "snapshot_id": self.snapshot_id,
            "uncertain": [u.to_dict() for u in self.uncertain],
            "parties_range": list(self.parties_range) if self.parties_range else None,
            "signatories_range": list(self.signatories_range) if self.signatories_range else None,
            "scheduled": [s.to_dict() for s in self.scheduled],
            "known_events": [k.to_dict() for k in self.known_events],
            "caveats": list(self.caveats),
            "has_signature_procedure": self.has_signature_procedure,
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
    known_events: tuple[KnownEvent, ...] = ()  # cited events of known_events.csv dated in the range

    @property
    def un_url(self) -> str:
        """The treaties.un.org status page to cite for this treaty."""
        return citable_url(self.mtdsg_no, None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mtdsg_no": self.mtdsg_no,
            "un_url": self.un_url,
            "from": self.from_.isoformat() if self.from_ else None,
            "to": self.to.isoformat() if self.to else None,
            "counts_before": self.counts_before,
            "counts_after": self.counts_after,
            "changes": [
                {
                    "iso3": c.iso3,
                    "name": c.name,
                    "change": c.change,
                    "before": c.before,
                    "after": c.after,
                    "effective": c.effective.isoformat() if c.effective else None,
                    "rule": c.rule,
                }
                for c in self.changes
            ],
            "from_snapshot_id": self.from_snapshot_id,
            "to_snapshot_id": self.to_snapshot_id,
            "note": self.note,
            "known_events": [k.to_dict() for k in self.known_events],
        }
