"""Dating by the record: a count of signatures told in the simple past ("Fifty-seven countries signed the U.N
treaty", "The UN said 62 countries signed in the morning") in a text written in the days just after the treaty
opened for signature, and dated by nothing but the text's own day, is of the opening day: the signing ceremony
the news reports (eval Conventions, date rule 3: a count in the simple past told of the event its paragraph
dates, the UN's day for it; the UN's page gives the day of the first signatures).

Not a count in the perfect ("70 countries have signed so far" is of the text's day), nor one that a date of
its own dates or whose sentence tells a day the reader could not place ("on the first day of the summit"), nor
one in a text written more than two weeks after the opening (its signings may be later ones), nor a headline's
present ("Twenty States sign new Optional Protocol!" is dated as its body dates the count, which may be in the
perfect)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pipeline.claims.anchors import first_signature
from pipeline.claims.measures import MEASURE_SIGNATORIES
from pipeline.claims.model import KIND_COUNT, Claim, dated_by_record
from pipeline.claims.store_view import StoreLike
from pipeline.text import WEEKDAY_NAMES

# The text's own day: --written-on, or a byline or dateline the reader found.
_TEXT_DAY = frozenset({"written-on", "byline"})
_SIGNED = re.compile(r"\bsigned\b", re.I)
# The perfect, a modal or a count still to come: not the ceremony's ("have signed", "has been signed by",
# "will sign", "are expected to sign").
_NOT_SIMPLE_PAST = re.compile(
    r"\b(?:have|has|had|having|been|will|would|could|may|might|expected|to|now|so\s+far|to\s+date)\b", re.I
)
_WITHIN_DAYS = 14
# A day of its own the sentence tells, which the reader could not place: "on the first day of the summit",
# "on Monday", "last week" (not "in the morning").
_A_DAY_OF_ITS_OWN = re.compile(rf"\b(?:days?|weeks?|{WEEKDAY_NAMES})\b", re.I)


def _told_in_the_simple_past(c: Claim) -> bool:
    said = c.sentence or ""
    at = said.find(c.phrase) if c.phrase else -1
    if at < 0 or not _SIGNED.search(c.phrase):
        return False
    return not (
        _NOT_SIMPLE_PAST.search(said, max(0, at - 30), at + len(c.phrase)) or _A_DAY_OF_ITS_OWN.search(said)
    )


def ceremony_days(claims: Sequence[Claim], store: StoreLike) -> list[Claim]:
    """Each signature count of a signing ceremony's news dated by the treaty's opening day."""
    out = []
    opening: dict[str, date | None] = {}
    for c in claims:
        if (
            c.kind == KIND_COUNT
            and c.measure == MEASURE_SIGNATORIES
            and c.mtdsg_no is not None
            and c.date_source in _TEXT_DAY
            and c.claimed_on is not None
            and _told_in_the_simple_past(c)
        ):
            if c.mtdsg_no not in opening:
                opening[c.mtdsg_no] = first_signature(store, c.mtdsg_no)
            day = opening[c.mtdsg_no]
            if day is not None and 0 < (c.claimed_on - day).days <= _WITHIN_DAYS:
                c = dated_by_record(c, day, "the opening for signature")
        out.append(c)
    return out


__all__ = ["ceremony_days"]
