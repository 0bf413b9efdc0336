"""Twenty-eighth pass (issue 21). One test per rule, on hand-written sentences of the shapes real texts
took: dev/'s misses read for a general cause, and round 7 of the probes of strangers' prose (parliaments
and governments, teaching material, legal writing, regional and wire news, public repositories, agencies
and foundations), read for their shapes only."""

from __future__ import annotations

from pathlib import Path

from tests.claims.readers import checks as _checks
from tests.claims.readers import unread as _unread


def test_now_after_a_period_tells_totals_for_the_rest_of_the_sentence(eval_db: Path) -> None:
    said = (
        "Thanks to efforts made over the past five years, the OPSC is now in force in 169 countries, while "
        "the OPAC has been ratified by 159 states."
    )
    assert [c[:3] for c in _checks(eval_db, said)] == [
        (169, "parties", "IV-11-c"),
        (159, "parties", "IV-11-b"),
    ]
    # without the "now", the period's counts are what it added
    added = "Over the past five years, the OPAC has been ratified by 19 more states."
    assert _unread(eval_db, added) == [(19, "yearly change")]
