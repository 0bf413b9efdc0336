"""The index's "reconciles with UN counts" column: equal, differing (with the reason), or nothing to count."""

from __future__ import annotations

from pipeline.report.site import reconciles_text


def _info(**kw):
    base = {
        "parties": 178,
        "signatories": 122,
        "declared_parties": 178,
        "declared_signatories": 122,
        "reconciliation": "counted totals match the page's",
    }
    return {**base, **kw}


def test_equal_counts_reconcile():
    assert reconciles_text(_info())[0] == "yes"


def test_an_explained_difference_is_still_a_difference():
    state, reason = reconciles_text(
        _info(
            parties=10, declared_parties=12, reconciliation="parties: counted 10, declared 12: 2 provisional"
        )
    )
    assert state == "no" and "provisional" in reason


def test_header_only_page_has_nothing_to_count():
    state, _ = reconciles_text(
        _info(reconciliation="header-only page: no participants table, the page's declared totals only")
    )
    assert state == "n/a"


def test_no_declared_signatories_is_not_a_difference():
    assert reconciles_text(_info(signatories=0, declared_signatories=None))[0] == "yes"
