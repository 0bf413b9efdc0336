"""Twenty-third pass (issue 21). One test per rule, on hand-written sentences.

This pass's rules come from real texts new to the evaluation set: six batches collected from hosts that
neither half had used, read by two readers and adjudicated; the `dev/` half of them was read to write these
rules, the `test/` half was not. Each rule is a shape, tried here on sentences of other treaties.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.claims.readers import checks as _checks


def test_a_count_with_a_part_of_it_told_aside(eval_db: Path) -> None:
    # ", twelve of which are in Africa," stands between the count and its verb: the count is read, the part
    # is not a claim
    text = "Forty-six states, twelve of which are in Africa, have signed the Optional Protocol to the ICESCR."
    assert _checks(eval_db, text, date(2014, 5, 1)) == [(46, "signatories", "IV-3-a", "2014-05-01")]


def test_signed_up_set_against_a_ratification_is_signing(eval_db: Path) -> None:
    text = (
        "Eighty countries have signed up to the Convention on Enforced Disappearance, but only nine have "
        "ratified it."
    )
    assert _checks(eval_db, text, date(2009, 3, 1)) == [
        (80, "signatories", "IV-16", "2009-03-01"),
        (9, "parties", "IV-16", "2009-03-01"),
    ]
    # told alone, "signed up to" a treaty is joining it
    text = "Eighty countries have signed up to the Arms Trade Treaty."
    assert _checks(eval_db, text, date(2015, 12, 1)) == [(80, "parties", "XXVI-8", "2015-12-01")]


def test_so_far_only_n_have_ratified(eval_db: Path) -> None:
    text = "Of the 193 Member States, so far only 12 have ratified the Optional Protocol on a communications procedure."
    assert _checks(eval_db, text) == [(12, "parties", "IV-11-d", None)]
    text = "Thus far just 7 have ratified the Optional Protocol to the ICESCR."
    assert _checks(eval_db, text) == [(7, "parties", "IV-3-a", None)]


def test_a_month_this_year_takes_the_texts_year_or_none(eval_db: Path) -> None:
    text = "Chile signed the Arms Trade Treaty in 2013. By June this year, it had been ratified by 80 states."
    # the text's own year, not the year told before it in the paragraph
    assert _checks(eval_db, text, date(2015, 9, 1)) == [(80, "parties", "XXVI-8", "2015-06-30")]
    # a text with no date of its own: "this year" tells no year, so the count is undated
    assert _checks(eval_db, text) == [(80, "parties", "XXVI-8", None)]


def test_the_latest_of_n_states_is_dated_by_that_states_act(eval_db: Path) -> None:
    text = "Botswana is the latest of 104 states to ratify the Arms Trade Treaty."
    assert _checks(eval_db, text) == [(104, "parties", "XXVI-8", "2019-06-07")]
    text = "Guyana became one of 90 countries to have ratified the Arms Trade Treaty."
    assert [c[3] for c in _checks(eval_db, text)] == ["2013-07-04"]
    # "one of the first 50 states to ratify ...": the number entry into force asked for, no state's act
    text = (
        "Malta becomes one of the first 50 states to ratify the Treaty on the Prohibition of Nuclear Weapons, "
        "the minimum number required for the treaty to enter into force."
    )
    assert [c[3] for c in _checks(eval_db, text)] == [None]


def test_n_states_must_ratify_it_to_come_into_operation(eval_db: Path) -> None:
    text = (
        "Under article 39, twenty states must ratify the Convention on Enforced Disappearance for it to come "
        "into operation."
    )
    assert _checks(eval_db, text) == [(20, "parties", "IV-16", None)]
    # a treaty not yet in force, and the states that still must ratify it: what is missing, no threshold
    text = "The CTBT is not yet in force, as eight states must ratify it before it can take effect."
    assert _checks(eval_db, text) == []


def test_the_parties_a_procedure_concerns_are_all_of_them(eval_db: Path) -> None:
    # "petitions concerning the N States parties to X": every party of X, a count
    text = "The Committee hears complaints concerning the 116 States parties to the ICCPR's First Optional Protocol."
    assert _checks(eval_db, text) == [(116, "parties", "IV-5", None)]
    # "communications concerning N States parties": those some communication concerned, a part
    text = "The Committee has registered 2,646 communications concerning 92 States parties to the Optional Protocol to the ICCPR."
    assert _checks(eval_db, text) == []


def test_those_of_the_signatories_who_ratified_told_with_a_list(eval_db: Path) -> None:
    # "with only N of these states, <names>, having thus far ratified": of the signatories counted before,
    # the ones who joined
    text = (
        "So far 45 states have signed the Optional Protocol to the ICESCR, with only eight of these states, "
        "Argentina, Bolivia, Ecuador, El Salvador, Mongolia, Portugal, Slovakia and Spain, having thus far "
        "ratified the Protocol."
    )
    assert _checks(eval_db, text) == [(45, "signatories", "IV-3-a", None), (8, "parties", "IV-3-a", None)]


def test_a_count_told_with_the_entry_into_force_as_its_participle(eval_db: Path) -> None:
    # "entered into force, having been ratified by N": the count of the day of the entry into force
    text = "On 1 August 2010, the Convention on Cluster Munitions entered into force, having been ratified by 38 States."
    assert _checks(eval_db, text) == [(38, "parties", "XXVI-6", "2010-08-01")]
    text = "On 1 August 2010, the Convention on Cluster Munitions entered into force being ratified by 38 States."
    assert _checks(eval_db, text) == [(38, "parties", "XXVI-6", "2010-08-01")]


def test_becoming_international_law_is_entry_into_force(eval_db: Path) -> None:
    # "became international law ... following ratification by 40 countries": the threshold
    text = (
        "The Mine Ban Treaty became international law on 1 March 1999 following ratification by 40 countries."
    )
    assert _checks(eval_db, text) == [(40, "parties", "XXVI-5", None)]
    # ... but not the vote that adopted it
    text = (
        "The Treaty on the Prohibition of Nuclear Weapons became international law on Friday, three years "
        "after 122 countries voted to approve it."
    )
    assert _checks(eval_db, text) == []


def test_reportedly_between_the_auxiliary_and_its_participle(eval_db: Path) -> None:
    text = "There are 45 countries that have reportedly ratified the Treaty on the Prohibition of Nuclear Weapons."
    assert _checks(eval_db, text) == [(45, "parties", "XXVI-9", None)]


def test_the_nations_that_belong_to_a_treaty_whatever_the_year(eval_db: Path) -> None:
    # "the N nations that belong to X": its members; a "this year" of the sentence is the year of what
    # they said, not a change in their number
    text = (
        "This year, a majority of the 125 nations that belong to the Convention on Certain Conventional "
        "Weapons said they wanted curbs on killer robots."
    )
    assert _checks(eval_db, text) == [(125, "parties", "XXVI-2", None)]
    # ... while "this year, 12 nations ratified" is the year's change
    assert (
        _checks(eval_db, "This year, 12 nations ratified the Convention on Certain Conventional Weapons.")
        == []
    )
