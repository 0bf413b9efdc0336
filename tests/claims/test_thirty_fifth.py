"""Thirty-fifth pass (issue 21). One test per rule, on hand-written sentences of everyday shapes that probes
found unread: the lines of facts that blogs and news sites print about a text (its author, date, section,
comments, reading time), with the labels and stamps they give its date; a treaty's members told after its
whole name ("The Convention on Cluster Munitions boasts 90 members"); labels that name the treaty or end in
a dash ("Convention on Cluster Munitions ratifications: 90", "Parties to the Convention – 90"); a signing
counted after a "when" clause that tells its month; a protocol's count whose verb is left out ("has 173
parties and its Optional Protocol 30 parties"); those who joined and did something else ("have done so
subject to reservations"); "and its Optional Protocol by 76 States"; number words a copied page broke at a
hyphen ("eighty- two"); a heading of the text's kind and its month ("Newsletter, October 2014"); counts in
a translator's words ("the number of ratifying countries amounts to 90", "is in vigour in 90 States");
"hails 90th ratification"; "At the beginning of 2015"; a bulleted list of treaties and their bare figures;
a number glued to its noun ("89states"); "fourty", "ninty"; a protocol told by its year ("the 2002 Optional
Protocol"), with its count in brackets, or with an aside ("Its third Optional Protocol, on a communications
procedure, has 17")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.bylines import find_byline
from tests.claims.readers import checks as _checks
from tests.claims.readers import counts as _counts
from tests.claims.readers import report as _report
from tests.claims.readers import unread as _unread

CCM = "the Convention on Cluster Munitions"


def _byline(head: str) -> date | None:
    found = find_byline(f"Paraguay joins cluster bomb ban\n{head}\n\n{CCM[4:]} has 90 States Parties.\n")
    return None if found is None else found.on


def test_a_sites_line_of_facts_about_the_text_gives_its_date() -> None:
    for head in (
        "Posted by admin | March 12, 2015 | 3 comments",
        "By admin | March 12, 2015 | News | 0 comments",
        "March 12, 2015 | admin | Leave a comment",
        "Jane Doe · 12 March 2015 · 4 min read",
        "By Jane Doe, Reuters | March 12, 2015",
        "Filed under: News | March 12, 2015",
    ):
        assert _byline(head) == date(2015, 3, 12), head
    # a table's row has no such fact: a participant, a treaty's event, a place
    for head in (
        "Paraguay | 12 March 2015 | Ratification",
        "Signed | 3 December 2008 | Oslo",
        "Albania | 3 Dec 2008 | 16 Jun 2009",
        "Timeline | 30 May 2008 | Adopted in Dublin",
    ):
        assert _byline(head) is None, head


def test_a_dates_labels_and_stamps_on_a_line_of_its_own() -> None:
    for head in (
        "Posted in News on March 12, 2015",
        "Posted on 12 March 2015 in News",
        "Date of publication: 12 March 2015",
        "Date published: 12 March 2015",
        "Publication date: 12.03.2015",
        "Page last updated: 12 March 2015",
        "Added: 12 March 2015",
        "Published 2015-03-12T10:00:00Z",
        "12-Mar-2015",
    ):
        assert _byline(head) == date(2015, 3, 12), head
    # the weekday tells which of the two orders a slashed date is written in (10 March, not 3 October)
    assert _byline("Submitted by admin on Tue, 03/10/2015 - 10:00") == date(2015, 3, 10)
    # both orders fall on a Thursday (12 March and 3 December 2015): no date
    assert _byline("Posted: Thu, 03/12/2015 - 10:00") is None


def test_a_heading_of_the_kind_of_text_and_its_month() -> None:
    assert _byline("Newsletter, October 2014") == date(2014, 10, 31)
    assert _byline("Working paper, March 2010") == date(2010, 3, 31)
    assert _byline("Policy brief – June 2016") == date(2016, 6, 30)
    # a year alone, or a heading that names a treaty, is no date of the text
    assert _byline("Annual report 2012") is None
    assert _byline("Report, Convention on Cluster Munitions, December 2008") is None


def test_a_treatys_members_told_after_its_whole_name_or_a_verb_of_pride() -> None:
    assert _counts(f"{CCM[4:]} now has 90 members.") == [(90, "parties")]
    assert _counts(f"{CCM[4:]} boasts 90 members.") == [(90, "parties")]
    assert _counts("The list of States Parties to the Convention on Cluster Munitions now stands at 90.") == [
        (90, "parties")
    ]
    # a body the treaty set up, named between the treaty and the verb, is not the treaty
    assert _counts("The Convention on the Rights of the Child's Committee has 18 members.") == []
    assert _counts("The Convention, which set up a committee that has 18 members, is widely ratified.") == []


def test_a_label_that_names_the_treaty_before_or_after_it_or_ends_in_a_dash(eval_db: Path) -> None:
    for said in (
        f"Ratifications of {CCM}: 90.",
        f"Ratification count for {CCM}: 90.",
        f"{CCM[4:]} ratifications: 90.",
        f"Parties to {CCM} – 90",
    ):
        assert _checks(eval_db, f"3 March 2015\n\n{said}\n") == [(90, "parties", "XXVI-6", "2015-03-03")], (
            said
        )
    # a group of states named with the treaty is a part; a dash inside prose is no label
    assert _counts(f"{CCM[4:]} African ratifications: 30") == []
    said = f"Ratification of {CCM} (with a growing number of like-minded countries – 62 at the time) matters."
    assert _counts(said) == []


def test_a_signing_counted_after_a_when_clause_that_tells_its_month(eval_db: Path) -> None:
    for said in (
        "When the Mine Ban Treaty was signed in Ottawa in December 1997, 122 governments put their names to it.",
        "When the Mine Ban Treaty was opened for signature in December 1997, it was signed by 122 states.",
    ):
        assert _checks(eval_db, f"The Ottawa Treaty at 25\n\n{said}\n") == [
            (122, "signatories", "XXVI-5", "1997-12-31")
        ], said
    # a month told before the count outside a "when" clause may be another event's
    said = "Adopted in September 1997, the Mine Ban Treaty was signed by 122 states.\n"
    assert _checks(eval_db, f"The Ottawa Treaty at 25\n\n{said}") == [(122, "signatories", "XXVI-5", None)]


def test_a_protocol_named_before_a_count_whose_verb_is_left_out(eval_db: Path) -> None:
    said = (
        "3 February 2026\n\nThe International Covenant on Economic, Social and Cultural Rights has 173 parties "
        "and its Optional Protocol 30 parties.\n"
    )
    assert _checks(eval_db, said) == [
        (173, "parties", "IV-3", "2026-02-03"),
        (30, "parties", "IV-3-a", "2026-02-03"),
    ]


def test_those_who_joined_and_then_did_something_else_are_a_part(eval_db: Path) -> None:
    for said in (
        "Over fifty countries that have ratified the Convention on the Elimination of All Forms of "
        "Discrimination against Women have done so subject to certain declarations, reservations, and objections.",
        "More than 40 States that have ratified the Convention against Torture have not accepted the Committee's "
        "competence under article 22.",
    ):
        assert _checks(eval_db, said + "\n") == [], said
    # every party, named by its number, is the whole
    said = "The 196 countries that have ratified the Convention on the Rights of the Child are obliged to report.\n"
    assert _checks(eval_db, said) == [(196, "parties", "IV-11", None)]


def test_a_protocols_count_by_so_many_states_after_its_parents(eval_db: Path) -> None:
    said = (
        "3 March 2012\n\nThe Convention on the Rights of Persons with Disabilities has been ratified by 126 "
        "States, and its Optional Protocol by 76 States.\n"
    )
    assert _checks(eval_db, said) == [
        (126, "parties", "IV-15", "2012-03-03"),
        (76, "parties", "IV-15-a", "2012-03-03"),
    ]


def test_number_words_a_copied_page_broke_at_a_hyphen() -> None:
    for said in (
        "The Arms Trade Treaty has been ratified by eighty- two states.",
        "The Arms Trade Treaty has been ratified by eighty-\ntwo states.",
    ):
        assert _counts(said) == [(82, "parties")], said


def test_counts_in_the_words_of_a_translation() -> None:
    said = (
        "At present, the number of ratifying countries of the Convention on Cluster Munitions amounts to 90."
    )
    assert _counts(said) == [(90, "parties")]
    assert _counts("The number of signatory countries of the Convention totals 116.") == [
        (116, "signatories")
    ]
    assert _counts(f"{CCM[4:]} is in vigour in 90 States.") == [(90, "parties")]


def test_a_headline_hails_an_ordinal_ratification(eval_db: Path) -> None:
    said = "Geneva, 3 March 2015 -\n\nUN chief hails 90th ratification of cluster munitions ban\n"
    assert _checks(eval_db, said) == [(90, "parties", "XXVI-6", "2015-03-03")]


def test_the_beginning_of_a_year_told_by_its_number_is_its_first_day(eval_db: Path) -> None:
    said = f"Geneva, 12 March 2015 -\n\nAt the beginning of 2015, {CCM[4:]} had 88 States Parties.\n"
    assert _checks(eval_db, said) == [(88, "parties", "XXVI-6", "2015-01-01")]
    said = f"Geneva, 12 March 2015 -\n\nBy the end of 2014, 88 states had ratified {CCM}.\n"
    assert _checks(eval_db, said) == [(88, "parties", "XXVI-6", "2014-12-31")]


def test_a_bulleted_list_of_treaties_and_their_bare_figures(eval_db: Path) -> None:
    said = (
        "Status of ratification, 3 March 2015\n\n"
        "- Convention on the Rights of the Child: 195 States parties\n"
        "- Convention on the Elimination of All Forms of Discrimination against Women: 188\n"
        "- Convention against Torture: 158\n"
    )
    assert [(n, t) for n, _, t, _ in _checks(eval_db, said)] == [(195, "IV-11"), (188, "IV-8"), (158, "IV-9")]
    said = "3 March 2015\n\nCore treaties and their parties:\n* Convention on the Rights of the Child (195)\n"
    assert _checks(eval_db, said) == [(195, "parties", "IV-11", "2015-03-03")]
    # a list that tells no measure, or lines that name no treaty, count nothing
    assert _counts("Meetings so far:\n\n- Convention on Cluster Munitions: 12\n") == []
    assert _counts("With the parties present:\n\n- MSP: 12\n- Article 5: 12\n") == []


def test_a_number_glued_to_its_noun_is_seen(eval_db: Path) -> None:
    # a figure the UN's table bears out is read by the record; another is listed unread, never lost
    said = f"3 March 2015\n\n{CCM[4:]} has been ratified by 89states.\n"
    assert _checks(eval_db, said) == [(89, "parties", "XXVI-6", "2015-03-03")]
    said = f"3 March 2015\n\n{CCM[4:]} has been ratified by 94states.\n"
    assert _checks(eval_db, said) == []
    assert _unread(eval_db, said) == [(94, "frame not understood")]


def test_number_words_as_often_misspelt() -> None:
    assert _counts("The Arms Trade Treaty has been ratified by fourty-two states.") == [(42, "parties")]
    assert _counts("The Arms Trade Treaty has been ratified by ninty states.") == [(90, "parties")]


def test_a_protocol_told_by_its_year_its_brackets_or_an_aside(eval_db: Path) -> None:
    cat = "3 March 2015\n\nThe Convention against Torture has 158 States Parties. "
    said = cat + "The 2002 Optional Protocol has been ratified by 76 states.\n"
    assert (76, "parties", "IV-9-b", "2015-03-03") in _checks(eval_db, said)
    said = "3 March 2015\n\nThe ICESCR (164 parties) and its Optional Protocol (17 parties) protect economic rights.\n"
    assert _checks(eval_db, said) == [
        (164, "parties", "IV-3", "2015-03-03"),
        (17, "parties", "IV-3-a", "2015-03-03"),
    ]
    said = (
        "3 March 2015\n\nThe Convention on the Rights of the Child has 195 States parties. Its third Optional "
        "Protocol, on a communications procedure, has 17.\n"
    )
    assert (17, "parties", "IV-11-d", "2015-03-03") in _checks(eval_db, said)


def test_a_span_after_a_treatys_adoption_never_reaches_past_the_texts_own_day(eval_db: Path) -> None:
    said = (
        "Thirty years after it was adopted, the Convention against Torture has 160 States Parties, and its "
        "Optional Protocol (81 parties) lets monitors visit places of detention.\n"
    )
    found = _report(eval_db, said, written_on=date(2016, 6, 26)).checks
    protocol = [k for k in found if k.mtdsg_no == "IV-9-b"]
    # the protocol's thirtieth year (2032) is after the text's day: the protocol's count is of the text's day,
    # read so at once (no note of a first reading in 2032)
    assert [(k.claim.figure, str(k.claim.claimed_on)) for k in protocol] == [(81, "2016-06-26")]
    assert not any("2032" in note for k in protocol for note in k.notes)
