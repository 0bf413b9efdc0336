"""Thirty-sixth pass (issue 21). One test per rule, on hand-written sentences of everyday shapes that probes
found unread or misread: the heads of press releases, parliaments and government papers ("For immediate
release: 12 March 2015", "HC Deb 12 March 2015 vol 594 c123", "Answered: 12 March 2015", a heading with its
date in brackets); several treaties in one sentence (figures told "respectively" before or after the
treaties, or after "have" with the word left out; a sister treaty's bare count after a comparison, an aside,
in brackets, or in a chain of sentences; a protocol's rank whatever subject follows it); lists (numbered,
labelled lists of acronyms, an encyclopedia's infobox rows, a list's first rows under a heading); parties
counted by what else they did (paid, sent; inspections in them; a part taken in a process) and every party
named after "whose" or a possessive mark; shares with a slash; a fraction's numerator; a campaign's goal;
names texts use ("the landmine ban", "CRoC"); and two from `dev/`'s misses (a clause describing those a
treaty was ratified by, a count in apposition between commas)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.frames import read_counts
from pipeline.claims.layout import plain_layout
from tests.claims.readers import byline as _byline
from tests.claims.readers import checks as _checks
from tests.claims.readers import counts as _counts
from tests.claims.readers import unread as _unread

CCM = "the Convention on Cluster Munitions"


def test_a_press_releases_and_a_debates_head_give_the_texts_date() -> None:
    for head in (
        "For immediate release: 12 March 2015",
        "FOR RELEASE 12 March 2015",
        "HC Deb 12 March 2015 vol 594 c123",
        "HL Deb 12 March 2015, vol 760, cc1455-7",
    ):
        assert _byline(head) == date(2015, 3, 12), head
    # a volume and column after any other date is no citation of a debate
    assert _byline("Signed 12 March 2015 vol 594 c123") is None


def test_parties_that_paid_or_sent_something_are_a_part(eval_db: Path) -> None:
    for said in (
        "The Arms Trade Treaty Secretariat reported that 75 States Parties had paid their contributions in full.",
        "Only 40 States Parties to the Arms Trade Treaty have paid their assessed contributions.",
        "In 2015, 60 States Parties to the Arms Trade Treaty sent delegations to Geneva.",
    ):
        assert _checks(eval_db, said + "\n") == [], said


def test_every_party_named_after_whose_or_a_names_possessive_mark(eval_db: Path) -> None:
    said = "Under the Arms Trade Treaty, whose 110 states parties meet each August, exporters must assess risks.\n"
    assert _checks(eval_db, said) == [(110, "parties", "XXVI-8", None)]
    said = f"{CCM[4:]}' 90 States Parties have destroyed 1.4 million cluster munitions.\n"
    assert _checks(eval_db, said) == [(90, "parties", "XXVI-6", None)]
    # a part still, when no possessive names them all
    said = f"Of the parties to {CCM}, 30 States Parties have destroyed their stockpiles.\n"
    assert _checks(eval_db, said) == []


def test_a_treatys_members_told_in_its_relative_clause() -> None:
    assert _counts("The Mine Ban Treaty, which counts 164 members, meets in Geneva this week.") == [
        (164, "parties")
    ]
    # a body's members, told after it, are not the treaty's
    assert _counts("The Convention, which set up a committee that has 18 members, is widely ratified.") == []


def test_the_landmine_ban_names_its_treaty(eval_db: Path) -> None:
    assert _checks(eval_db, "Some 164 countries are bound by the landmine ban.\n") == [
        (164, "parties", "XXVI-5", None)
    ]


def test_a_label_that_names_its_treaty_in_small_letters(eval_db: Path) -> None:
    for said in (
        "Ratifications of the nuclear weapons ban treaty: 50.",
        "Ratifications of the nuclear weapons ban treaty: 50 and counting.",
    ):
        assert _checks(eval_db, said + "\n") == [(50, "parties", "XXVI-9", None)], said


def test_a_treatys_membership_of_so_many_states() -> None:
    assert _counts(f"{CCM[4:]} now has a membership of 90 states.") == [(90, "parties")]
    assert _counts(f"{CCM[4:]}' membership stands at 90.") == [(90, "parties")]
    # a committee's membership is not the treaty's
    assert _counts("The Committee on the Rights of the Child has a membership of 18 experts.") == []


def test_figures_told_respectively_of_both_treaties_are_one_each(eval_db: Path) -> None:
    for said in (
        "Both CEDAW and the CRC are widely ratified, with 189 and 196 parties respectively.",
        "Both CEDAW and the CRC have 189 and 196 parties respectively.",
    ):
        assert _checks(eval_db, said + "\n") == [
            (189, "parties", "IV-8", None),
            (196, "parties", "IV-11", None),
        ]
    # one figure told of both is each one's
    assert sorted(_checks(eval_db, "Both the CCM and the ATT have 110 parties.\n")) == [
        (110, "parties", "XXVI-6", None),
        (110, "parties", "XXVI-8", None),
    ]


def test_a_protocols_rank_tells_which_whatever_subject_follows(eval_db: Path) -> None:
    said = "Whereas the CRC was ratified by 196 states, its third Optional Protocol on communications has 50 parties.\n"
    assert _checks(eval_db, said) == [(196, "parties", "IV-11", None), (50, "parties", "IV-11-d", None)]


def test_a_sister_treatys_bare_count_after_a_comparison_an_aside_or_in_brackets(eval_db: Path) -> None:
    for said, second in (
        ("While the Mine Ban Treaty has 164 parties, its cousin, the CCM, has 110.", (110, "XXVI-6")),
        (
            "Modelled on the Mine Ban Treaty, which has 164 parties, the CCM has attracted 110.",
            (110, "XXVI-6"),
        ),
        ("The Mine Ban Treaty (164 States Parties) and the CCM (110) both meet in Geneva.", (110, "XXVI-6")),
        ("The CCM has 110 parties, fewer than the Mine Ban Treaty's 164.", (164, "XXVI-5")),
    ):
        found = [(n, t) for n, m, t, _ in _checks(eval_db, said + "\n") if m == "parties"]
        assert second in found, said
        assert len(found) == 2, said
    # a bracket after a count told without one is a note's mark, no count
    said = "The Mine Ban Treaty has 164 States Parties and the CCM (12) is younger.\n"
    assert _checks(eval_db, said) == [(164, "parties", "XXVI-5", None)]


def test_a_figure_before_another_treaty_named_past_its_article(eval_db: Path) -> None:
    for said in (
        "The Mine Ban Treaty counts 164 parties against 110 for the Convention on Cluster Munitions.",
        "The Mine Ban Treaty has 164 states parties versus 110 for the cluster munitions convention.",
    ):
        assert _checks(eval_db, said + "\n") == [
            (164, "parties", "XXVI-5", None),
            (110, "parties", "XXVI-6", None),
        ]


def test_a_labelled_list_of_acronyms_and_their_figures(eval_db: Path) -> None:
    said = "Ratifications: CRC 196, CEDAW 189, CAT 173, CRPD 191.\n"
    assert [(n, t) for n, _, t, _ in _checks(eval_db, said)] == [
        (196, "IV-11"),
        (189, "IV-8"),
        (173, "IV-9"),
        (191, "IV-15"),
    ]
    said = "Signatories: CRC 140; CEDAW 98.\n"
    assert _checks(eval_db, said) == [(140, "signatories", "IV-11", None), (98, "signatories", "IV-8", None)]
    # one item alone, or names that are no acronyms, make no such list
    assert _counts("Ratifications: CRC 196.") == []
    assert _counts("Parties: Austria 12, France 30.") == []


def test_figures_told_respectively_before_the_treaties_they_count(eval_db: Path) -> None:
    said = "196 and 189 states have ratified the CRC and CEDAW respectively.\n"
    assert _checks(eval_db, said) == [(196, "parties", "IV-11", None), (189, "parties", "IV-8", None)]
    # years told together are no run of counts: the figures after them are
    said = "In 2010 and 2015, 196 and 189 states had ratified the CRC and CEDAW respectively.\n"
    assert [(n, t) for n, _, t, _ in _checks(eval_db, said)] == [(196, "IV-11"), (189, "IV-8")]


def test_a_list_items_verb_set_off_by_a_comma(eval_db: Path) -> None:
    for said in (
        "The Mine Ban Treaty, with 164 parties, and the Convention on Cluster Munitions, with 110, are both "
        "humanitarian disarmament treaties.",
        "The Convention on Cluster Munitions, at 110 parties, is growing; the Mine Ban Treaty, at 164, is older.",
    ):
        assert sorted(n for n, _, _, _ in _checks(eval_db, said + "\n")) == [110, 164], said


def test_figures_after_have_paired_with_the_treaties_listed_before(eval_db: Path) -> None:
    said = "The CRPD and its Optional Protocol have 191 and 104 parties.\n"
    assert _checks(eval_db, said) == [(191, "parties", "IV-15", None), (104, "parties", "IV-15-a", None)]
    said = "Two of the treaties, the CRC and CEDAW, have 196 and 189 parties.\n"
    assert [(n, t) for n, _, t, _ in _checks(eval_db, said)] == [(196, "IV-11"), (189, "IV-8")]
    # one treaty told with two figures of different nouns is no such pair
    said = "The CRC has 196 parties and 140 signatories.\n"
    assert _checks(eval_db, said) == [(196, "parties", "IV-11", None), (140, "signatories", "IV-11", None)]


def test_a_protocol_glossed_in_brackets_before_its_parent(eval_db: Path) -> None:
    said = "The Optional Protocol (OP) to the CRPD has 104 States Parties.\n"
    assert _checks(eval_db, said) == [(104, "parties", "IV-15-a", None)]


def test_an_encyclopedias_infobox_rows_under_its_condition_row(eval_db: Path) -> None:
    said = (
        "Convention on the Rights of the Child\nSigned 20 November 1989\nLocation New York\n"
        "Effective 2 September 1990\nCondition 20 ratifications\nSignatories 140\nParties 196\n"
        "Depositary Secretary-General of the United Nations\n"
    )
    assert [(n, m, t) for n, m, t, _ in _checks(eval_db, said)] == [
        (20, "parties", "IV-11"),
        (140, "signatories", "IV-11"),
        (196, "parties", "IV-11"),
    ]


def test_the_opcws_members_told_in_its_relative_clause() -> None:
    said = "The Convention is implemented by the OPCW, which has 193 member states."
    assert _counts(said) == [(193, "parties")]


def test_a_fractions_numerator_is_no_count(eval_db: Path) -> None:
    said = "The Mine Ban Treaty has been ratified by more than four-fifths of the world's countries.\n"
    assert _checks(eval_db, said) == []
    # a number word joined by a hyphen to another number word is still one number
    said = "The Mine Ban Treaty has been ratified by one hundred and sixty-four states.\n"
    assert _checks(eval_db, said) == [(164, "parties", "XXVI-5", None)]


def test_upward_of_and_circa_qualify_a_count() -> None:
    for said, comparison in (
        ("Upward of 160 states have ratified the Mine Ban Treaty.", ">"),
        ("Circa 160 states have ratified the Mine Ban Treaty.", "~"),
    ):
        assert [(c.figure, c.comparison) for c in read_counts(said)[0]] == [(160, comparison)], said


def test_where_something_was_done_and_who_took_part_are_no_counts(eval_db: Path) -> None:
    for said in (
        "The CWC's verification regime has carried out more than 4,000 inspections in 86 States Parties.",
        "More than 90 countries took part in the Oslo Process that produced the Convention on Cluster Munitions.",
        "Some 120 countries participated in the conference that adopted the Convention on Cluster Munitions.",
    ):
        assert _checks(eval_db, said + "\n") == [], said
    # a loose count of states with no such deed is still judged by the record
    said = "The Convention on Cluster Munitions, supported by 110 countries, bans the weapons outright.\n"
    assert _checks(eval_db, said) == [(110, "parties", "XXVI-6", None)]


def test_a_paragraphs_short_first_line_is_a_row_of_its_own(eval_db: Path) -> None:
    # (the first line's length was measured from the text's start, so a list under a long heading had its
    # first two rows read as one sentence, and the first count linked to the second row's treaty)
    said = (
        "Treaty status at a glance, for readers who want the figures\n\n"
        "ICERD - 182 parties\nICCPR - 173 parties\nICESCR - 171 parties\nCEDAW - 189 parties\n"
        "CAT - 171 parties\nCRC - 196 parties\n"
    )
    assert [(n, t) for n, _, t, _ in _checks(eval_db, said)] == [
        (182, "IV-2"),
        (173, "IV-4"),
        (171, "IV-3"),
        (189, "IV-8"),
        (171, "IV-9"),
        (196, "IV-11"),
    ]


def test_an_authors_byline_with_a_comma_before_its_label() -> None:
    assert _byline("By A. Writer, posted 8 March 2016") == date(2016, 3, 8)
    assert _byline("By Jane Doe, published 8 March 2016") == date(2016, 3, 8)


def test_first_published_and_an_author_after_the_date_and_a_comma() -> None:
    assert _byline("First published on Fri 1 Mar 2019 10.00 GMT") == date(2019, 3, 1)
    assert _byline("Friday 1 March 2019, by the editors") == date(2019, 3, 1)
    assert _byline("Posted on March 1, 2019 in Disarmament | Leave a comment") == date(2019, 3, 1)


def test_more_names_texts_give_their_treaties(eval_db: Path) -> None:
    for name, no in (
        ("The Convention on the Right of the Child", "IV-11"),
        ("The CRoC", "IV-11"),
        ("The anti-torture treaty", "IV-9"),
        ("The Apartheid Convention", "IV-7"),
    ):
        assert _checks(eval_db, f"{name} has been ratified by 150 states.\n") == [
            (150, "parties", no, None)
        ], name


def test_a_numbered_list_of_treaties_under_a_heading_a_blank_line_above(eval_db: Path) -> None:
    said = (
        "Human rights treaties and their parties\n\n1. Convention on the Rights of the Child - 196\n"
        "2. Convention on the Elimination of All Forms of Discrimination against Women - 189\n"
        "3. Convention against Torture - 173\n"
    )
    assert [(n, m, t) for n, m, t, _ in _checks(eval_db, said)] == [
        (196, "parties", "IV-11"),
        (189, "parties", "IV-8"),
        (173, "parties", "IV-9"),
    ]
    # a list under a heading that tells no measure counts nothing, however long
    said = "Meetings so far\n\n1. Convention on Cluster Munitions - 12\n2. Mine Ban Treaty - 20\n"
    assert _counts(said) == []


def test_members_now_those_who_participate_and_in_effect() -> None:
    for said in (
        "110 states are now members of the Arms Trade Treaty.",
        "110 states participate in the Arms Trade Treaty.",
        "The Arms Trade Treaty is in effect in 110 states.",
    ):
        assert _counts(said) == [(110, "parties")], said
    # those who take part in a meeting are no parties counted
    assert _counts("120 States participate in the Meeting of States Parties to the Convention.") == []


def test_ratifiers_adherents_and_full_members_are_parties() -> None:
    for noun in ("ratifiers", "adherents", "full members"):
        assert _counts(f"The Arms Trade Treaty now has 110 {noun}.") == [(110, "parties")], noun


def test_a_government_papers_heads_give_its_date() -> None:
    for head in (
        "Government response to the Committee's report, published 12 March 2015",
        "Answer to written question E-001234/2015 given on behalf of the Commission (12 March 2015)",
        "Question No. 123\nAnswered: 12 March 2015",
        "Landmine ban at 20 (12 March 2015)",
    ):
        assert _byline(head) == date(2015, 3, 12), head
    # a heading that tells an event or names a treaty keeps that date its own
    assert _byline("Iceland deposits its instrument of ratification (12 March 2015)") is None
    assert _byline("Convention on Cluster Munitions (30 May 2008)") is None


def test_an_answer_at_the_last_count() -> None:
    said = "Senator ROE: How many countries have ratified the arms trade treaty?\n\nMr Bloggs: At the last count, 89."
    assert _counts(said) == [(89, "parties")]


def test_a_campaigns_goal_and_its_call_to_become_the_nth_are_no_counts(eval_db: Path) -> None:
    for said in (
        "Take action: urge your government to become the 100th state to ratify the TPNW.",
        "Our goal: 100 ratifications of the TPNW by 2025.",
    ):
        assert _checks(eval_db, said + "\n") == [], said
    # the one that becomes the nth is told so
    said = "Honduras became the 50th state to ratify the TPNW.\n"
    assert [(n, t) for n, _, t, _ in _checks(eval_db, said)] == [(50, "XXVI-9")]


def test_a_note_marked_at_the_end_of_the_counts_sentence_dates_it(eval_db: Path) -> None:
    for said in (
        f"As of this writing, 90 states have ratified {CCM}.[12]\n\n12. UN Treaty Collection, accessed 12 March 2015.",
        f"As of this writing, 90 states have ratified {CCM}.12\n\n12 See treaties.un.org (last visited Mar. 12, 2015).",
        f"{CCM[4:]} has 90 States Parties.1\n\n1 Information retrieved on 12 March 2015 from the UN Treaty Collection.",
    ):
        assert _checks(eval_db, said + "\n") == [(90, "parties", "XXVI-6", "2015-03-12")], said
    # a number after a full stop and a space opens the next sentence; no note
    said = f"{CCM[4:]} has 90 States Parties. 12 more have signed.\n\n12 states met on 1 May 2015.\n"
    assert (90, "parties", "XXVI-6", None) in _checks(eval_db, said)


def test_a_clause_describing_those_a_treaty_was_ratified_by_keeps_the_whole() -> None:
    said = "The Convention on the Rights of the Child has been ratified by 193 nations who have used it to guide policy."
    assert _counts(said) == [(193, "parties")]
    # a deed's clause after the parties themselves still makes them a part
    assert _counts("None of the 17 States Parties that produced cluster munitions has used them.") == []


def test_a_count_in_apposition_between_commas_before_its_verb() -> None:
    said = "By 2003, well over three-fourths of the world, 174 nations, have agreed to be bound by the Convention."
    assert _counts(said) == [(174, "parties")]


def test_a_two_line_paragraph_whose_first_line_runs_on_is_wrapped(eval_db: Path) -> None:
    said = (
        "North Korea has also not signed.\n\nBy the end of 1993 only 4 states—Fiji, Mauritius, the Seychelles and\n"
        "Sweden—had ratified the Chemical Weapons Convention.\n"
    )
    assert _checks(eval_db, said) == [(4, "parties", "XXVI-3", "1993-12-31")]
    # a heading over its one line stays a heading
    said = "Chemical Weapons Convention\nSweden was among the first 4 states to ratify it.\n"
    assert plain_layout(said) == said


def test_a_share_written_with_a_slash_or_of_the_members_of_the_united_nations(eval_db: Path) -> None:
    said = "110/193 states have ratified the Convention on Cluster Munitions.\n"
    assert _checks(eval_db, said) == [(110, "parties", "XXVI-6", None)]
    assert _unread(eval_db, said) == [(193, "denominator")]
    said = f"A total of 110 out of the 193 members of the United Nations have ratified {CCM}.\n"
    assert _checks(eval_db, said) == [(110, "parties", "XXVI-6", None)]
    # a resolution's number keeps its slash: no figure
    assert (
        _unread(eval_db, f"The General Assembly adopted resolution 63/117; 42 States have signed {CCM}.\n")
        == []
    )


def test_a_chain_of_sister_treaties_bare_counts_sentence_after_sentence(eval_db: Path) -> None:
    said = "The CRC has 196 parties. Its Optional Protocol on child soldiers has 173. CEDAW has 189. Its Optional Protocol has 115.\n"
    assert [(n, t) for n, _, t, _ in _checks(eval_db, said)] == [
        (196, "IV-11"),
        (173, "IV-11-b"),
        (189, "IV-8"),
        (115, "IV-8-b"),
    ]


def test_a_bare_figure_after_several_protocols_is_no_parents_count(eval_db: Path) -> None:
    said = "The ICCPR has 173 parties; its two optional protocols have 116 and 90.\n"
    assert _checks(eval_db, said) == [(173, "parties", "IV-4", None)]
    assert [n for n, _ in _unread(eval_db, said)] == [2, 116, 90]
    # one protocol's is read
    said = "The ICCPR has 173 parties; its First Optional Protocol has 116.\n"
    assert _checks(eval_db, said) == [(173, "parties", "IV-4", None), (116, "parties", "IV-5", None)]


def test_states_that_participate_in_the_treaty_are_a_loose_count(eval_db: Path) -> None:
    said = "The Mine Ban Treaty, in which 164 states participate, bans landmines.\n"
    assert [(n, t) for n, _, t, _ in _checks(eval_db, said)] == [(164, "XXVI-5")]


def test_a_numbered_lists_first_item_is_no_value_of_the_label_above(eval_db: Path) -> None:
    said = (
        "Human rights treaties, number of States parties:\n1. Convention on the Rights of the Child - 196\n"
        "2. Convention against Torture - 173\n"
    )
    assert [(n, t) for n, _, t, _ in _checks(eval_db, said)] == [(196, "IV-11"), (173, "IV-9")]
    # a value alone on the next line still is
    assert _counts("Convention on the Rights of the Child\nNumber of parties:\n196\n") == [(196, "parties")]
