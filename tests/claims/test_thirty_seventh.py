"""Thirty-seventh pass (issue 21). One test per rule, on hand-written sentences of everyday shapes that probes
found unread or misread."""

from __future__ import annotations

from pathlib import Path

from tests.claims.readers import checks as _checks
from tests.claims.readers import unread as _unread


def test_a_share_after_ratified_by_is_no_count_of_states(eval_db: Path) -> None:
    for said in (
        "The ATT has been ratified by nearly 60% of UN members.",
        "The ATT has been ratified by 60 % of UN members.",
        "The ATT has been ratified by 3/5 of UN members.",
        "The ATT has been ratified by roughly 60pc of countries.",
    ):
        assert _checks(eval_db, said + "\n") == [], said
    # the count told beside the share is read
    said = "The ATT has been ratified by nearly 60% of UN members, 110 states.\n"
    assert _checks(eval_db, said) == [(110, "parties", "XXVI-8", None)]
    # "1 in 2 countries" is a share; neither number is a count, both are listed
    said = "The Arms Trade Treaty, ratified by 1 in 2 countries, is in force.\n"
    assert _checks(eval_db, said) == []
    assert sorted(u[0] for u in _unread(eval_db, said)) == [1, 2]
