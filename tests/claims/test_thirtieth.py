"""Thirtieth pass (issue 21). One test per rule, on hand-written sentences of the shapes real texts took:
round 15 of the probes of strangers' prose (where a count's date comes from), read for their shapes only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.claims.readers import report as _report


def test_a_figure_read_as_a_claim_is_never_also_listed_unread(eval_db: Path) -> None:
    # "became the 142nd": a claim reads the number inside an ordinal's words ("the 142nd"), which the last
    # stage of the unread list must not list again as an ordinal no stage took
    said = (
        "Ghana was the second country to ratify the Convention on the Rights of the Child. "
        "The U.S. became the 142nd.\n"
    )
    found = _report(eval_db, said, date(2024, 1, 1))
    assert [c.claim.figure for c in found.checks] == [2, 142]
    assert [u.figure for u in found.unread] == []
    # alone, with nothing before it to tell what it ranks, the ordinal is listed, not dropped
    alone = _report(
        eval_db,
        "The United States signed the Convention on the Rights of Persons with Disabilities on 30 July 2009. "
        "The U.S. became the 142nd.\n",
        date(2024, 1, 1),
    )
    assert (alone.checks, [(u.figure, u.reason) for u in alone.unread]) == (
        (),
        [(142, "frame not understood")],
    )
