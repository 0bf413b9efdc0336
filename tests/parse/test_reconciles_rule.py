"""The one "reconciles" rule: yes / no / n/a."""

from __future__ import annotations

from pipeline.parse.reconcile import reconciles


def _r(
    listed: bool = True, ds: int | None = 2, cs: int | None = 2, dp: int | None = 3, cp: int | None = 3
) -> str:
    return reconciles(
        participants_listed=listed,
        declared_signatories=ds,
        counted_signatories=cs,
        declared_parties=dp,
        counted_parties=cp,
    )


def test_equal_totals_reconcile() -> None:
    assert _r() == "yes"


def test_any_difference_is_no() -> None:
    assert _r(dp=4) == "no"
    assert _r(ds=1) == "no"


def test_only_declared_totals_are_compared() -> None:
    assert _r(ds=None, cs=5) == "yes"


def test_nothing_to_compare_is_na() -> None:
    assert _r(ds=None, dp=None) == "n/a"
    assert _r(listed=False, cs=0, cp=0) == "n/a"
