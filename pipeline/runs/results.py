"""What a run did: one result per treaty, and the run's summary line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.store.events import Event

SAVED = "saved"
UNCHANGED = "unchanged"
SKIPPED = "skipped"
FAILED = "failed"


@dataclass(frozen=True)
class TreatyResult:
    """What happened to one treaty in a run."""

    mtdsg_no: str
    outcome: str  # SAVED | UNCHANGED | SKIPPED | FAILED
    url: str = ""
    detail: str = ""
    sha256: str | None = None
    snapshot_id: int | None = None
    declared_signatories: int | None = None
    declared_parties: int | None = None


@dataclass
class RunReport:
    results: list[TreatyResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # failures not tied to one treaty (e.g. discovery)
    events: list[Event] = field(default_factory=list)  # what the run's new snapshots show, newest first

    @property
    def changed(self) -> bool:
        """Something a reader would be told about (for `refresh --exit-code`)."""
        return bool(self.events)

    def count(self, outcome: str) -> int:
        return sum(r.outcome == outcome for r in self.results)

    @property
    def failed(self) -> list[TreatyResult]:
        return [r for r in self.results if r.outcome == FAILED]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.problems

    def summary(self) -> str:
        parts = [f"saved {self.count(SAVED)}", f"unchanged {self.count(UNCHANGED)}"]
        if self.count(SKIPPED):
            parts.append(f"skipped {self.count(SKIPPED)} (fetched recently)")
        parts.append(f"failed {len(self.failed) + len(self.problems)}")
        return ", ".join(parts)
