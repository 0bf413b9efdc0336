"""What checking a text gives: a ClaimCheck per claim, with the newcomers since its date; a ClaimReport."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pipeline.claims.model import Claim, Unread


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
    then_range: tuple[int, int] | None = None  # the figures the record allows then, when it is uncertain
    uncertain: tuple[str, ...] = ()  # the participations that make it uncertain

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
            "left_out": c.left_out,
            "mtdsg_no": self.mtdsg_no,
            "short_name": self.short_name,
            "title": self.title,
            "treaty_text": c.treaty_text,
            "treaty_link": c.link,
            "treaty_name_source": c.treaty_via,
            "figure_then": self.figure_then,
            "then_date": self.then_date.isoformat() if self.then_date else None,
            "then_basis": self.then_basis,
            "then_range": list(self.then_range) if self.then_range else None,
            "uncertain": list(self.uncertain),
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
    unread: tuple[Unread, ...] = field(default_factory=tuple)  # figures seen and not read as claims

    @property
    def message(self) -> str | None:
        if not self.checks:
            return f"{self.name}: no treaty figures found (nothing to check)"
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.name,
            "claims": [c.to_dict() for c in self.checks],
            "unread": [
                {"figure": u.figure, "line": u.line, "reason": u.reason, "sentence": u.sentence}
                for u in self.unread
            ],
            "message": self.message,
        }
