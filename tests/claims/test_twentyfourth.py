"""Twenty-fourth pass (issue 21). One test per rule, on hand-written sentences of other treaties than the
`dev/` texts the rules were read from, and the evaluation's pairing of rows that share a figure."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.check import check_text
from pipeline.claims.evaluate import evaluate
from pipeline.store import open_store
from tests.claims.readers import checks as _checks
from tests.claims.readers import unread as _unread


def test_a_present_perfect_count_beside_the_entry_into_force_is_a_count(eval_db: Path) -> None:
    # told beside the entry into force, the count is the day's; told as what brought it, the threshold
    said = "The Convention on Cluster Munitions has been ratified by 30 states"
    assert _checks(eval_db, f"{said} and will enter into force on 1 August 2010.", date(2010, 3, 1)) == [
        (30, "parties", "XXVI-6", "2010-03-01")
    ]
    assert _checks(eval_db, f"{said}, which means that it will enter into force on 1 August 2010.") == [
        (30, "parties", "XXVI-6", None)
    ]
    text = "Fifty countries have now ratified the Arms Trade Treaty, which comes into force today."
    assert _checks(eval_db, text, date(2014, 12, 24)) == [(50, "parties", "XXVI-8", "2014-12-24")]


def test_a_count_above_the_round_number_deposited_the_same_day_is_no_threshold(eval_db: Path) -> None:
    # eight deposits of 25 September 2014 took the ATT from 45 to 53; the 50th brought it into force
    told = "On 25 September 2014 eight states deposited their instruments, bringing the total number of "
    then = " The Arms Trade Treaty will enter into force on 24 December 2014."
    assert _checks(eval_db, f"{told}ratifying states to 53.{then}")[0] == (
        53,
        "parties",
        "XXVI-8",
        "2014-09-25",
    )
    assert _checks(eval_db, f"{told}ratifying states to 50.{then}")[0] == (50, "parties", "XXVI-8", None)


def test_the_number_the_treaty_asks_for_named_so_is_a_threshold(eval_db: Path) -> None:
    text = "Ecuador brought the number of ratifications of the CRPD to the required twenty."
    assert _checks(eval_db, text, date(2008, 5, 1)) == [(20, "parties", "IV-15", None)]
    text = "In 2010 the Convention on Enforced Disappearance reached the 20-state minimum necessary for its entry into force."
    assert _checks(eval_db, text) == [(20, "parties", "IV-16", None)]
    # a span of days is not what it asks for
    text = "The CRPD was ratified by Ecuador, and the necessary 30 days passed before it bound anyone."
    assert (30, "parties", "IV-15", None) not in _checks(eval_db, text)


def test_a_state_that_will_become_the_nth_to_ratify_is_dated_by_its_act(eval_db: Path) -> None:
    # the record dates Ghana's ratification of the CRPD (2012-07-31): which consent it was is checked then
    text = "Ghana will thus become the 150th nation to ratify the CRPD, once it is signed by the President."
    assert _checks(eval_db, text) == [(150, "parties", "IV-15", "2012-07-31")]
    # "will be the first" is a hope, not a count
    text = (
        "Ghana will be the first country to ratify the Convention on the Rights of Persons with Disabilities."
    )
    assert _checks(eval_db, text) == []
    assert _unread(eval_db, text) == [(1, "condition")]


def test_a_day_the_general_assembly_approved_a_treaty_dates_no_count(eval_db: Path) -> None:
    # the day of the vote is an event's; "it already has" is the text's present (here undated)
    text = (
        "The United Nations General Assembly approved the Arms Trade Treaty on April 2, 2013, and it already "
        "has over 100 signatories."
    )
    assert _checks(eval_db, text) == [(100, "signatories", "XXVI-8", None)]


def test_a_dateline_of_day_place_and_paper_in_brackets_is_the_texts_day(eval_db: Path) -> None:
    # the text's day, not the figure's: the figure is dated by the act its sentence names (date rule 2)
    text = (
        "(December 29, 2012, Geneva - New York, Sri Lanka Guardian) Poland has become the 161st State to "
        "ratify the Ottawa Convention."
    )
    assert _checks(eval_db, text, date(2012, 12, 29)) == [(161, "parties", "XXVI-5", "2012-12-27")]


def test_a_treaty_told_beside_the_subject_is_not_what_it_counts(eval_db: Path) -> None:
    text = (
        "The Convention on the Rights of the Child entered into force in 1990. Like the Convention against "
        "Torture, the Convention has been ratified by more than 150 countries."
    )
    assert [c[2] for c in _checks(eval_db, text, date(2000, 1, 1))] == ["IV-11"]
    # told as the subject, the treaty named is the one counted
    text = "The Convention against Torture has been ratified by more than 150 countries."
    assert [c[2] for c in _checks(eval_db, text, date(2000, 1, 1))] == ["IV-9"]


def test_the_other_n_leave_out_the_state_named_before(eval_db: Path) -> None:
    # Iraq's accession of 2010-11-23 was the CED's 20th consent: "the other 19" are right that day
    text = (
        "On 23 November 2010, Iraq acceded to the Convention on Enforced Disappearance and joined the other "
        "19 States Parties."
    )
    with open_store(eval_db, read_only=True) as store:
        [c] = check_text(text, store, name="t").checks
    assert (c.claim.figure, c.claim.left_out, c.figure_then) == (19, "IRQ", 19)


def test_a_day_without_its_year_in_an_undated_text_takes_the_records_year(eval_db: Path) -> None:
    # the record holds ATT consents dated 2 April in 2014 only
    text = "Seventeen other states also ratified the Arms Trade Treaty on 2 April, which means that 31 states have now done so."
    assert (31, "parties", "XXVI-8", "2014-04-02") in _checks(eval_db, text)
    # a day that opens a span, or one with a year relative to the text's, dates no count
    text = "Since it opened for signature on 3 June, 83 countries have signed the Arms Trade Treaty."
    assert _checks(eval_db, text) == [(83, "signatories", "XXVI-8", None)]
    text = "On 2 April last year, 31 states had ratified the Arms Trade Treaty."
    assert _checks(eval_db, text) == [(31, "parties", "XXVI-8", None)]


def test_a_state_told_beside_a_count_leaves_it_a_count(eval_db: Path) -> None:
    # a headline's "Nigeria and 59 countries sign ...", and "Nigeria and 59 other countries signed": the
    # others beside the state named (not a part of some group)
    text = "Nigeria and 59 countries sign UN Arms Trade Treaty\n\nThe treaty opened for signature on Monday."
    assert _checks(eval_db, text, date(2013, 6, 4)) == [(59, "signatories", "XXVI-8", "2013-06-04")]
    text = "Nigeria and 59 other countries signed the Arms Trade Treaty on Monday."
    with open_store(eval_db, read_only=True) as store:
        [c] = check_text(text, store, name="t", written_on=date(2013, 6, 4)).checks
    assert (c.claim.figure, c.claim.measure, c.claim.left_out) == (59, "signatories", "NGA")
    # outside a headline, the present tense tells no count
    text = "The minister said that Nigeria and 59 countries sign the Arms Trade Treaty today."
    assert _checks(eval_db, text, date(2013, 6, 4)) == []


def test_one_ratification_in_a_list_of_counts_is_a_count(eval_db: Path) -> None:
    text = (
        "On 30 March 2007 there were 82 signatories to the CRPD, 44 signatories to its Optional Protocol, and "
        "1 ratification of the Convention."
    )
    assert (1, "parties", "IV-15", "2007-03-30") in _checks(eval_db, text)
    # "one ratification short" is what is missing, not a count
    assert _checks(eval_db, "The CRPD is one ratification short of entering into force.") == []


def test_line_numbers_count_the_lines_of_a_hard_wrapped_text(eval_db: Path) -> None:
    # the reader joins a paragraph's hard-wrapped lines; the report's lines are still the text's own
    text = (
        "GENEVA, 14 March 2019 - Nigeria and 29 other countries signed the Arms Trade Treaty on Monday, the\n"
        "Secretariat said. With Ghana's ratification last week, the Convention on the Rights of Persons with\n"
        "Disabilities now has 177 States Parties, and the Optional Protocol 94. The treaty will enter into\n"
        "force once 40 states ratify it.\n"
    )
    with open_store(eval_db, read_only=True) as store:
        report = check_text(text, store, name="t")
    assert [(k.claim.figure, k.claim.line) for k in report.checks] == [(177, 3), (94, 3), (40, 4)]
    assert [(u.figure, u.line) for u in report.unread] == [(29, 1)]


def test_the_two_first_governments_is_two_and_no_third(eval_db: Path) -> None:
    # "two first" is no ordinal (only a tens word opens one: "twenty-first"); since the thirty-third pass the
    # two is a count of the two states named (listed unread before), and there is no third
    text = "Thailand and Gabon were the two first governments to ratify the Optional Protocol to the CRC on a communications procedure."
    assert _checks(eval_db, text, date(2012, 10, 1)) == [(2, "parties", "IV-11-d", "2012-09-25")]
    assert all(figure not in (2, 3) for figure, _ in _unread(eval_db, text, date(2012, 10, 1)))
    text = "Iraq became the twenty-first state to ratify the Convention on Enforced Disappearance."
    assert [c[0] for c in _checks(eval_db, text)] == [21]


def test_a_count_of_states_in_brackets_after_its_noun_is_listed(eval_db: Path) -> None:
    text = (
        "The Chemical Weapons Convention bans chemical weapons. Every country can become a part of it and "
        "most countries (188 in 2010) are."
    )
    assert (188, "no treaty word in its sentence") in _unread(eval_db, text)


_ROWS = "file,figure,treaty,measure,mode,claimed_on,verdict,then,now,note\n"


def test_rows_of_one_figure_take_the_readings_that_are_right_first(eval_db: Path, tmp_path: Path) -> None:
    # two rows of 50 and one reading, the threshold: it is paired with the second row, which it reads right
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "zz.txt").write_text(
        "source: hand-written for the tests\nkind: test\ncategory: news\ndate: unknown\n---\n"
        "The Arms Trade Treaty will enter into force after 50 ratifications.\n",
        encoding="utf-8",
    )
    (tmp_path / "expected.csv").write_text(
        _ROWS
        + "zz.txt,50,XXVI-8,parties,,2014-09-25,stale,50,117,a row the text does not bear\n"
        + "zz.txt,50,XXVI-8,parties,,,threshold-right,,,the threshold\n",
        encoding="utf-8",
    )
    with open_store(eval_db, read_only=True) as store:
        result = evaluate(tmp_path, store)
    assert (result.expected, result.right) == (2, 1)
    assert [(m.what, m.expected.claimed_on if m.expected else None) for m in result.misses] == [
        ("missed", date(2014, 9, 25))
    ]
