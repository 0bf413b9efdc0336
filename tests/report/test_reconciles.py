"""The index's "reconciles with UN counts" column: equal, differing (with the reason), or nothing to count."""

from __future__ import annotations

from pipeline.report.site import reconciles_text


def _info(**kw):
    base = {
        "parties": 178,
        "signatories": 122,
        "declared_parties": 178,
        "declared_signatories": 122,
        "counted_parties": 178,
        "counted_signatories": 122,
        "participants_complete": True,
        "reconciliation": "counted totals match the page's",
    }
    return {**base, **kw}


def test_equal_counts_reconcile():
    assert reconciles_text(_info())[0] == "yes"


def test_an_explained_difference_is_still_a_difference():
    state, reason = reconciles_text(
        _info(
            counted_parties=10,
            declared_parties=12,
            reconciliation="parties: counted 10, declared 12: 2 provisional",
        )
    )
    assert state == "no" and "provisional" in reason


def test_header_only_page_has_nothing_to_count():
    state, reason = reconciles_text(
        _info(
            participants_complete=False,
            counted_parties=None,
            counted_signatories=None,
            reconciliation="header-only page: no participants table, the page's declared totals only",
        )
    )
    assert state == "n/a" and "header-only" in reason


def test_no_declared_signatories_is_not_a_difference():
    assert reconciles_text(_info(counted_signatories=0, declared_signatories=None))[0] == "yes"


def test_no_declared_figure_at_all_is_never_yes():
    state, reason = reconciles_text(_info(declared_parties=None, declared_signatories=None))
    assert state == "n/a" and "declares no totals" in reason


def test_the_one_rule_decides():
    """The report asks pipeline.parse.reconcile.reconciles, and agrees with it on every combination."""
    from itertools import product

    from pipeline.parse.reconcile import reconciles

    for listed, dp, cp in product((True, False), (None, 5, 6), (None, 5)):
        info = _info(
            participants_complete=listed,
            declared_parties=dp,
            counted_parties=cp,
            declared_signatories=None,
            counted_signatories=None,
        )
        expected = reconciles(
            participants_listed=listed,
            declared_signatories=None,
            counted_signatories=None,
            declared_parties=dp,
            counted_parties=cp,
        )
        assert reconciles_text(info)[0] == expected
