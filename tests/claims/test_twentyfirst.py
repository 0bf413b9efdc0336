"""Twenty-first pass (issue 21). One test per rule, on hand-written sentences.

The rules of this pass came from five fresh blind probe batches (several treaties of one family told
together, whole web pages, histories told in the past tense, speech and interviews, digests and short
items), scored on arrival first; none from `test/`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.claims.readers import checks as _checks


def test_the_convention_itself_after_its_protocol_is_the_parent(eval_db: Path) -> None:
    text = (
        "By the end of 2009, some 90 states had signed or ratified the Optional Protocol to the Convention on "
        "the Rights of Persons with Disabilities, while the Convention itself counted 76 parties."
    )
    assert _checks(eval_db, text) == [(76, "parties", "IV-15", "2009-12-31")]
    text = "The Optional Protocol to CEDAW supplements the Convention, to which 189 States are party."
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text)] == [(189, "IV-8")]
    # (the protocol stays the subject when "itself" is no subject of the count's verb)
    text = (
        "The Optional Protocol to the Convention on the Rights of Persons with Disabilities entered into "
        "force with the Convention itself and has 90 parties."
    )
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text, date(2017, 1, 20))] == [(90, "IV-15-a")]


def test_the_parent_treaty_after_a_protocol(eval_db: Path) -> None:
    text = (
        "Fourteen years after its adoption, the OPCAT counts 83 States Parties, barely half of the 160 States "
        "that have ratified the parent treaty."
    )
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text, date(2017, 1, 20))] == [
        (83, "IV-9-b"),
        (160, "IV-9"),
    ]


def test_other_states_that_are_signatories_are_no_group(eval_db: Path) -> None:
    text = (
        "The Optional Protocol to the Convention on the Rights of the Child on the sale of children, child "
        "prostitution and child pornography has been ratified by 177 States. Eight other States are "
        "signatories that have yet to ratify it."
    )
    assert _checks(eval_db, text, date(2022, 1, 18)) == [
        (177, "parties", "IV-11-c", "2022-01-18"),
        (8, "signed_not_party", "IV-11-c", "2022-01-18"),
    ]
