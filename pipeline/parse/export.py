"""The documented JSON form of a parsed page (what `treaties parse --json` prints, one object per page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pipeline.parse.model import Action, Participant, TreatyStatus


def _action(a: Action | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"date": a.date.isoformat(), "type": a.type, "code": a.code, "withdrawn": a.withdrawn}


def participant_to_dict(p: Participant) -> dict[str, Any]:
    return {
        "name": p.name,
        "row": p.row,
        "footnotes": list(p.footnotes),
        "has_declarations": p.has_declarations,
        "signature": _action(p.signature),
        "consent": _action(p.consent),
        "provisional": _action(p.provisional),
        "others": [_action(a) for a in p.others],
        "withdrawn": p.withdrawn,
    }


def status_to_dict(
    s: TreatyStatus, *, code_of: Callable[[str], dict[str, Any]] | None = None
) -> dict[str, Any]:
    """`code_of(name)` may add fields to each participant (the normaliser's iso3 and is_state)."""
    participants = []
    for p in s.participants:
        d = participant_to_dict(p)
        if code_of is not None:
            d.update(code_of(p.name))
        participants.append(d)
    return {
        "mtdsg_no": s.mtdsg_no,
        "title": s.title,
        "source_kind": s.source_kind,
        "source": s.source.location if s.source else None,
        "chapter": s.chapter,
        "conclusion": s.conclusion,
        "entry_into_force": s.entry_into_force,
        "registration": s.registration,
        "status_as_at": s.status_as_at.isoformat() if s.status_as_at else None,
        "declared": {"signatories": s.declared_signatories, "parties": s.declared_parties},
        "declared_text": s.declared_text,
        "counted": {"signatories": s.counted_signatories, "parties": s.counted_parties},
        "reconciliation": list(s.reconciliation),
        "columns": [{"label": c.label, "role": c.role, "legend": dict(c.legend)} for c in s.columns],
        "participants": participants,
        "end_notes": [{"number": n.number, "text": n.text} for n in s.end_notes],
        "declarations": [
            {"participant": d.participant, "kind": d.kind, "text": d.text} for d in s.declarations
        ],
    }
