"""Twenty-second pass (issue 21). One test per rule, on hand-written sentences.

This pass's rules are general shapes, each read across a whole class of sentences rather than one
source's wording: an ordinal whose noun is left out, borne out by the record; and a list of treaties with
their counts, the noun and verb of each item after the first left out. None came from `test/`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.claims.readers import checks as _checks
from tests.claims.readers import unread as _unread


def test_an_ordinal_whose_noun_is_left_out_is_the_named_states_place(eval_db: Path) -> None:
    # the state named supplied the Nth consent, whatever the verb; dated by the record's day for its act
    text = (
        "The Optional Protocol to the Convention against Torture has been ratified widely. Tunisia's instrument, "
        "lodged in June 2011, was the sixtieth received."
    )
    assert _checks(eval_db, text) == [(60, "parties", "IV-9-b", "2011-06-29")]
    text = "Ghana supplied the 82nd in 2016, a year of several ratifications of the Optional Protocol to CAT."
    assert _checks(eval_db, text) == [(82, "parties", "IV-9-b", "2016-09-23")]


def test_an_ordinal_told_after_a_sentence_about_the_treaty(eval_db: Path) -> None:
    # the sentence before, in the same paragraph, says what is counted
    text = (
        "The Chemical Weapons Convention is the most widely joined disarmament treaty. Iraq's was the "
        "186th, deposited in January 2009."
    )
    assert _checks(eval_db, text) == [(186, "parties", "XXVI-3", "2009-01-13")]
    # ... not across a paragraph break
    text = (
        "The Chemical Weapons Convention is the most widely joined disarmament treaty.\n\n"
        "Iraq's was the 186th, deposited in January 2009."
    )
    assert _checks(eval_db, text) == []


def test_an_ordinal_that_brought_the_treaty_into_force_is_its_threshold(eval_db: Path) -> None:
    text = (
        "The Enforced Disappearance Convention needed twenty ratifications. Iraq deposited the twentieth "
        "in November 2010."
    )
    assert _checks(eval_db, text) == [(20, "parties", "IV-16", None), (20, "parties", "IV-16", None)]


def test_ordinals_that_rank_no_consent_are_not_read(eval_db: Path) -> None:
    for text in (
        # a day of the month
        "The Optional Protocol to the Convention against Torture was ratified by Ghana on the 23rd.",
        # a word ordinal below "tenth": the second of two protocols
        "Two protocols supplement the ICCPR: the second, aimed at abolishing the death penalty, has been "
        "ratified widely.",
        # a run of years
        "The Arms Trade Treaty conference met for the 10th in a row.",
    ):
        assert _checks(eval_db, text) == [], text


def test_a_list_of_treaties_each_with_its_bare_count(eval_db: Path) -> None:
    text = (
        "As of 1 July 2015, the Optional Protocol on children in armed conflict had 159 States parties, and "
        "the protocol on the sale of children, child prostitution and child pornography 171."
    )
    assert _checks(eval_db, text) == [
        (159, "parties", "IV-11-b", "2015-07-01"),
        (171, "parties", "IV-11-c", "2015-07-01"),
    ]


def test_a_bare_count_joined_to_the_treaty_after_it(eval_db: Path) -> None:
    text = (
        "By the end of 2014, 87 States had consented to be bound by Protocol V to the CCW, against 102 for "
        "Amended Protocol II."
    )
    assert _checks(eval_db, text) == [
        (87, "parties", "XXVI-2-d", "2014-12-31"),
        (102, "parties", "XXVI-2-b", "2014-12-31"),
    ]
    text = (
        "By 3 May 2008, twenty-five States had ratified the Convention on the Rights of Persons with "
        "Disabilities and 16 the Optional Protocol."
    )
    assert _checks(eval_db, text) == [
        (25, "parties", "IV-15", "2008-05-03"),
        (16, "parties", "IV-15-a", "2008-05-03"),
    ]


def test_a_bare_figure_of_the_same_treaty_is_no_list_item(eval_db: Path) -> None:
    text = "The Convention on Cluster Munitions had 100 States Parties in 2016, 40 in Africa."
    assert [f for f, *_ in _checks(eval_db, text)] == [100]
    text = (
        "The Convention on the Rights of Persons with Disabilities had 160 parties at the end of 2015, "
        "up from 60 for the Convention in 2009."
    )
    assert [f for f, *_ in _checks(eval_db, text)] == [160]


def test_the_first_reading_is_unchanged_without_a_list(eval_db: Path) -> None:
    # a count with no second treaty in its sentence keeps its unread neighbour unread
    text = "The Arms Trade Treaty has 110 States Parties, and 2 more in the pipeline."
    assert [f for f, *_ in _checks(eval_db, text, date(2021, 9, 1))] == [110]


def test_a_parents_name_then_protocol_is_its_one_optional_protocol(eval_db: Path) -> None:
    # "the CRPD protocol", "the CEDAW complaints protocol", "the OP to the ICESCR": the parent's only protocol
    text = "The CRPD protocol had been ratified by 94 States by December 2018."
    assert _checks(eval_db, text) == [(94, "parties", "IV-15-a", "2018-12-31")]
    text = "By the end of 2022, 115 States had ratified the CEDAW complaints protocol."
    assert _checks(eval_db, text) == [(115, "parties", "IV-8-b", "2022-12-31")]
    text = "By the end of 2020, 26 States had ratified the OP to the ICESCR."
    assert _checks(eval_db, text) == [(26, "parties", "IV-3-a", "2020-12-31")]
    # a parent of several optional protocols needs a rank: "the ICCPR's second protocol"
    text = "By the end of 2020, 88 States had ratified the ICCPR's second protocol."
    assert _checks(eval_db, text) == [(88, "parties", "IV-12", "2020-12-31")]


def test_words_inside_a_title_give_no_reason_to_set_a_figure_aside(eval_db: Path) -> None:
    # "of the" inside "the Optional Protocol of the ICESCR" makes no subset of the figure after it
    text = (
        "While the Optional Protocol of the ICESCR is ratified by 24 countries, the first (116 countries) and "
        "second (88 countries) Optional Protocols of its twin covenant have far greater acceptance."
    )
    assert _unread(eval_db, text) == [(116, "frame not understood"), (88, "frame not understood")]
    # the words outside a title still do: "Of the 193 UN member states"
    text = "Of the 193 UN member states, 164 have ratified the Ottawa Convention."
    assert (193, "subset") in _unread(eval_db, text)


def test_a_count_beside_a_title_with_of_the_is_read_as_a_count_near_the_record(eval_db: Path) -> None:
    # "of the" inside the CRC's title used to set "150 States among its members" aside as a subset
    text = (
        "By the end of 2015 the Convention on the Rights of the Child counted 150 States among its members."
    )
    assert _checks(eval_db, text) == [(150, "parties", "IV-11", "2015-12-31")]


def test_informal_names_of_three_treaties(eval_db: Path) -> None:
    # names of the lexicon (pipeline/catalog/treaty_names.csv) that texts use and the checker lacked
    text = (
        "By the end of 2022, 58 States had ratified the migrants convention, 91 the torture prevention "
        "protocol and 50 the children's complaints protocol."
    )
    assert [(f, no) for f, _, no, _ in _checks(eval_db, text)] == [
        (58, "IV-13"),
        (91, "IV-9-b"),
        (50, "IV-11-d"),
    ]


def test_a_list_items_qualifier_is_kept(eval_db: Path) -> None:
    # "just over 110" is borne out by 112: read as exactly 110 it was judged wrong
    from pipeline.claims.check import check_text
    from pipeline.store import open_store

    text = (
        "By the end of 2024 the Mine Ban Treaty had 164 States Parties, and the Convention on Cluster "
        "Munitions just over 110."
    )
    with open_store(eval_db, read_only=True) as store:
        found = check_text(text, store, name="t").checks
    assert [(c.claim.figure, c.mtdsg_no, c.claim.qualifier) for c in found] == [
        (164, "XXVI-5", None),
        (110, "XXVI-6", "just over"),
    ]
