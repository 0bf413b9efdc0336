"""Twenty-ninth pass (issue 21). One test per rule, on hand-written sentences of the shapes real texts
took: dev/'s misses read for a general cause, and round 11 of the probes of strangers' prose (rare
predicates, numbers in unusual forms, questions and holdouts, protocols by their titles, public
repositories, time-anchored sentences), read for their shapes only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.bylines import find_byline
from tests.claims.readers import checks as _checks


def test_a_day_that_marks_an_anniversary_at_the_head_of_a_statement_is_the_text_s_own(eval_db: Path) -> None:
    said = (
        "Statement on the anniversary of the Convention on Cluster Munitions\n"
        "Thursday, 1 August 2019 marks the ninth year since the Convention on Cluster Munitions entered "
        "into force.\n"
        "The Convention has 106 States Parties and 14 signatories.\n"
    )
    assert _checks(eval_db, said) == [
        (106, "parties", "XXVI-6", "2019-08-01"),
        (14, "signed_not_party", "XXVI-6", "2019-08-01"),
    ]
    # a day the treaty's event happened on, told inside a sentence, is not the text's own
    told = "The Convention entered into force on 1 August 2010. It has 106 States Parties.\n"
    assert find_byline(told) is None
    # nor a day that marks something other than an anniversary
    other = (
        "1 August 2019 marks a turning point: the Convention on Cluster Munitions has 106 States Parties.\n"
    )
    assert find_byline(other) is None


def test_signatories_that_are_not_yet_states_parties_are_those_who_signed_only(eval_db: Path) -> None:
    for said in (
        "The Arms Trade Treaty has 26 signatories that are not yet States Parties.",
        "The Arms Trade Treaty has 26 signatories which are not yet a State Party.",
    ):
        assert _checks(eval_db, said, date(2024, 1, 1)) == [(26, "signed_not_party", "XXVI-8", "2024-01-01")]
    # signatories alone are everyone who signed
    said = "The Arms Trade Treaty has 130 signatories."
    assert _checks(eval_db, said, date(2024, 1, 1)) == [(130, "signatories", "XXVI-8", "2024-01-01")]


def test_states_that_have_banned_the_use_of_a_treaty_s_weapon_are_its_parties(eval_db: Path) -> None:
    said = (
        "While over 100 nations have banned their use, some key countries have not joined the Convention "
        "on Cluster Munitions."
    )
    assert _checks(eval_db, said, date(2024, 1, 1)) == [(100, "parties", "XXVI-6", "2024-01-01")]
    said = "Some 160 countries have banned landmines under the Ottawa Treaty."
    assert _checks(eval_db, said, date(2024, 1, 1)) == [(160, "parties", "XXVI-5", "2024-01-01")]
    # a ban of something else is no joining
    said = "Forty countries have banned corporal punishment, as the Convention on the Rights of the Child asks."
    assert _checks(eval_db, said, date(2024, 1, 1)) == []
