"""Thirty-sixth pass (issue 21). One test per rule, on hand-written sentences of everyday shapes that probes
found unread or misread: a press release's and a parliament's heads ("For immediate release: 12 March
2015", "HC Deb 12 March 2015 vol 594 c123"); parties counted as those who paid or sent something; every
party named after "whose" or a name's possessive mark ("the Convention on Cluster Munitions' 90 States
Parties"); a treaty's members in its relative clause ("which counts 164 members"); "the landmine ban"; a
label that names its treaty in small letters ("Ratifications of the nuclear weapons ban treaty: 50"); a
treaty's membership "of 90 states" or after a possessive mark alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.bylines import find_byline
from tests.claims.readers import checks as _checks
from tests.claims.readers import counts as _counts

CCM = "the Convention on Cluster Munitions"


def _byline(head: str) -> date | None:
    found = find_byline(f"{head}\n\n{CCM[4:]} has 90 States Parties.\n")
    return None if found is None else found.on


def test_a_press_releases_and_a_debates_head_give_the_texts_date() -> None:
    for head in (
        "For immediate release: 12 March 2015",
        "FOR RELEASE 12 March 2015",
        "HC Deb 12 March 2015 vol 594 c123",
        "HL Deb 12 March 2015, vol 760, cc1455-7",
    ):
        assert _byline(head) == date(2015, 3, 12), head
    # a volume and column after any other date is no citation of a debate
    assert _byline("Signed 12 March 2015 vol 594 c123") is None