"""Twenty-sixth pass (issue 21). One test per rule, on hand-written sentences of the shapes real texts
from hosts outside the evaluation set took (a probe of strangers' prose, read for its shapes only)."""

from __future__ import annotations

from tests.claims.readers import counts as _counts


def test_the_number_of_states_bound_by_or_party_to_a_treaty_is_a_count_of_its_parties() -> None:
    for said in (
        "The number of States bound by the Convention now stands at 150.",
        "The number of States party to the Convention is 150.",
        "The number of countries that are party to the Convention reached 150 in 2014.",
    ):
        assert _counts(said) == [(150, "parties")], said
    # the number of states still to be bound is no count of those bound
    assert _counts("The number of States bound by the Convention could rise to 150.") == []
