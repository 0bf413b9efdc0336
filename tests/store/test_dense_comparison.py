"""As-of against an independent reading of the 30 pages of 2026 (tests/store/independent.py): every
month end 1995-2026 and every action date plus or minus a day. Every difference is explained below.

The whole comparison (20,194 treaty-dates, about nine minutes on a busy machine: 19,568 agree, the 626
others are the one explained case) runs with DENSE_FULL=1; by default a
fixed sample of it: every 15th date of each treaty, and every date around an end the reading dates
(withdrawals, earlier participations, scheduled withdrawals), where the rules differ most."""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest

from pipeline.store import open_store
from tests.store.independent import Page, dense_dates, read_page
from tests.store.second_ring import build

pytestmark = pytest.mark.corpus

TODAY = date(2026, 12, 4)
RUSSIA_CTBT = (date(2000, 6, 30), date(2023, 11, 2))


def explained(mtdsg_no: str, on: date, role: str, got: int | None, want: int) -> bool:
    """The one kind of difference: the Russian Federation's CTBT ratification (30 June 2000), gone from
    the 2026 page without notice. As-of has it from the 2018 file and ends it on 2 November 2023 by the
    cited known event; the 2026 page alone cannot see it."""
    return (
        mtdsg_no == "XXVI-4"
        and role == "consent"
        and got == want + 1
        and RUSSIA_CTBT[0] <= on < RUSSIA_CTBT[1]
    )


def _dates(page: Page) -> list[date]:
    days = dense_dates(page)
    if os.environ.get("DENSE_FULL"):
        return days
    ends = {e.end for p in page.participants for es in p.roles.values() for e in es if e.end is not None}
    near = {d + timedelta(days=k) for d in ends for k in (-1, 0, 1)}
    return sorted(set(days[::15]) | (near & set(days)))


def test_asof_agrees_with_an_independent_reading(tmp_path, xml_dir, html_dir):
    pages = {f.stem: read_page(f) for f in sorted(html_dir.glob("*.html"))}
    assert len(pages) == 30
    db = build(tmp_path / "dense.duckdb", sorted(pages), xml_dir, html_dir)
    compared = agreed = 0
    unexplained = []
    explained_n = 0
    with open_store(db, read_only=True) as s:
        for m, page in pages.items():
            for on in _dates(page):
                a = s.asof(m, on, today=TODAY)
                ok = True
                for role, got in (("consent", a.parties), ("signature", a.signatories)):
                    if role == "signature" and not page.has_signature:
                        ok &= got is None  # no signature procedure: no count
                        continue
                    want = page.count(role, on)
                    assert want is not None, (m, on, role)  # every withdrawal of the 30 pages is dated
                    if got != want:
                        if explained(m, on, role, got, want):
                            explained_n += 1
                        else:
                            unexplained.append((m, on.isoformat(), role, got, want))
                        ok = False
                compared += 1
                agreed += ok
    assert unexplained == []
    assert explained_n > 0 and agreed + explained_n == compared
    print(f"dense comparison: {agreed} of {compared} treaty-dates agree, {explained_n} explained")
