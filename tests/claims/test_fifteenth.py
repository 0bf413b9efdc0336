"""Fifteenth pass (issue 21). One test per rule, on hand-written sentences.

The rules of this pass came from sentences written to probe the checker, not from `dev/` misses: a count
told in a sentence after the one that names the treaty, a count in brackets, a fact sheet's "Ratified:
113", and the evaluation's account of a claim whose figure was read once for another claim.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.extract import TreatyName, read_text
from pipeline.claims.labels import colon_label_matches
from tests.claims.readers import checks as _checks
from tests.claims.readers import counts as _counts

ARMS = TreatyName("XXVI-8", "Arms Trade Treaty", ("ATT",))
CRPD = TreatyName("IV-15", "Convention on the Rights of Persons with Disabilities", ("CRPD",))


def _unread(text: str) -> list[tuple[int, str]]:
    """(figure, reason) of each figure the reader lists unread."""
    return [(u.figure, u.reason) for u in read_text(text, [ARMS, CRPD]).unread]


ATT = "The Arms Trade Treaty entered into force in 2014. "


def test_a_count_whose_noun_is_left_out_is_listed_unread() -> None:
    for follow in (
        "Since then, 113 have followed.",
        "By 2020, 110 had done so.",
        "Today the total stands at 113.",
        "That number has since risen to 113.",
        "Today, 113 are on board.",
    ):
        assert read_text(ATT + follow).claims == ()
        assert [f for f, _ in _unread(ATT + follow)] == [110 if "110" in follow else 113], follow
        assert _unread(ATT + follow)[0][1] == "no treaty word in its sentence"


def test_a_number_with_a_noun_of_its_own_is_not_listed_in_a_sentence_without_treaty_words() -> None:
    # "300 people", "5 years": they name what they count
    assert _unread(ATT + "Since then, 300 people have died and 5 years have passed.") == []
    # a text that names no treaty: nothing is listed
    assert _unread("Since then, 113 have followed.") == []


def test_a_left_out_noun_is_not_read_into_days_ranges_notes_or_out_of() -> None:
    for follow in (
        "Posted on Nov 11, 2018.",
        "Monday, 15. August 2022.",
        "During 1989–91, experts met.",
        "Another 100–200 million mines are held.",
        "Today, one person out of 35 is a migrant.",
        "It is one of many.",
    ):
        assert _unread(ATT + follow) == [], follow
    assert _unread(ATT + "\n\n2 As of 3 October 2014.") == []  # a note's number at a line's start


def test_a_count_in_brackets_is_listed_and_a_figure_told_again_is_not() -> None:
    text = "The Convention on the Rights of Persons with Disabilities is ratified by most countries (189)."
    assert _unread(text) == [(189, "frame not understood")]
    # an item's number in brackets is no figure
    assert _unread("The Arms Trade Treaty aims (1) to regulate trade and (2) to stop diversion.") == []
    # "fifty (50) States": one figure, told twice
    text = "As of 20 September, fifty (50) States have signed the Arms Trade Treaty."
    assert [c.figure for c in read_text(text, [ARMS]).claims] == [50]
    assert _unread(text) == []


def test_a_label_and_its_colon_tell_a_count() -> None:
    assert _counts("Arms Trade Treaty\nRatified: 113\nSigned: 130") == [
        (113, "parties"),
        (130, "signatories"),
    ]
    assert _counts("Arms Trade Treaty\nCountries that have ratified: 113") == [(113, "parties")]
    assert _counts("Arms Trade Treaty\nRatifications/accessions: 113") == [(113, "parties")]
    assert _counts("Arms Trade Treaty — Parties: 113, Signatories: 130") == [
        (113, "parties"),
        (130, "signatories"),
    ]
    assert _counts("The Arms Trade Treaty (parties: 113) regulates the arms trade.") == [(113, "parties")]
    # the colon makes it a label: a sentence that starts with "Ratified" is read as a sentence, or not at all
    assert colon_label_matches("Ratified 113 times, it is a record.") == []
    # a date after the colon is no count
    assert colon_label_matches("Ratified: 12 May 2014") == []


def test_a_claim_whose_figure_was_read_for_another_claim_is_not_called_unseen(
    tmp_path: Path, eval_db: Path
) -> None:
    from pipeline.claims.eval_report import missed_kinds
    from pipeline.claims.evaluate import READ_ELSEWHERE, evaluate
    from pipeline.store import open_store

    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(
        "source: hand-written\nkind: news\ncategory: news\ndate: 2020-06-01\n---\n"
        "The Arms Trade Treaty has been ratified by 105 states.\n",
        encoding="utf-8",
    )
    header = "file,figure,treaty,measure,mode,claimed_on,verdict,then,now,note\n"
    rows = (
        "a.txt,105,XXVI-8,parties,,2020-06-01,stale,,,\na.txt,105,XXVI-8,signatories,,2020-06-01,stale,,,\n"
    )
    (tmp_path / "expected.csv").write_text(header + rows, encoding="utf-8")
    with open_store(eval_db, read_only=True) as store:
        result = evaluate(tmp_path, store)
    # one reading of 105, two rows: one is right or misread, the other is missed with its figure read
    assert [m.what for m in result.misses if m.what == "missed"] == ["missed"]
    assert missed_kinds(result) == {READ_ELSEWHERE: 1}


def test_a_share_told_by_a_word_sets_its_whole_aside() -> None:
    for share in (
        "Nearly all of the",
        "Most of the",
        "Almost all",
        "Half of the",
        "The vast majority of the",
    ):
        text = f"{share} 193 UN member states have ratified the Convention on the Rights of Persons with Disabilities."
        assert _counts(text) == [], share
        assert _unread(text) == [(193, "denominator")], share
    # all of them: a count
    text = "All 193 UN member states have ratified the Convention on the Rights of Persons with Disabilities."
    assert _counts(text) == [(193, "parties")]
    # the whole is every party, or those that ratified: a count
    assert _counts("Many of the 47 States parties to the Convention are transit countries.") == [
        (47, "parties")
    ]
    text = "Some of the 150 countries that have ratified the Convention made reservations."
    assert _counts(text) == [(150, "parties")]


def test_a_label_of_those_that_signed_only() -> None:
    text = "OPCAT at a glance\nRatifications/accessions: 92\nSignatories not yet party: 14\nSigned only: 9"
    assert _counts(text) == [(92, "parties"), (14, "signed_not_party"), (9, "signed_not_party")]


def test_a_count_told_aside_in_brackets() -> None:
    text = (
        "By the end of 2008, roughly three quarters of UN Member States (146) had become party to the "
        "Optional Protocol."
    )
    assert _counts(text) == [(146, "parties")]
    text = "The Committee welcomed the growing number of ratifications of the Optional Protocol (83 as at 1 January 2018)."
    assert _counts(text) == [(83, "parties")]
    # a state's order, a region's part, a share: not counts
    assert _counts("In September, Malta (21) and Malaysia (29) ratified the Treaty.") == []
    assert _counts("Africa (17) and Europe (27) have ratified the Treaty most.") == []
    assert _counts("The number of ratifications of the Protocol (85%) is high.") == []


def test_where_and_when_between_a_participle_and_its_agent(eval_db: Path) -> None:
    ccm = "The Convention on Cluster Munitions was signed "
    assert _counts(ccm + "in Oslo in December 2008 by 94 countries.") == [(94, "signatories")]
    # the count told of the signing is of its day: the month's last, as date rule 1 reads it
    for where, day in (
        ("in Oslo in December 2008 by 94 countries.", "2008-12-31"),
        ("on 3 December 2008 by 94 countries.", "2008-12-03"),
        ("in Oslo by 94 countries on 3 December 2008.", "2008-12-03"),
    ):
        assert _checks(eval_db, ccm + where, written_on=date(2020, 1, 1)) == [
            (94, "signatories", "XXVI-6", day)
        ], where
    # no agent after the place: no count
    assert _counts("The Convention was ratified in Ireland by parliament.") == []


def test_that_figure_has_since_risen() -> None:
    before = "The Convention entered into force in 2010, when 30 states had ratified it. "
    assert _counts(before + "That figure has since risen to 100.")[-1] == (100, "parties")
    text = "By 2010, 30 states had signed the Convention, a figure that has since risen to 100."
    assert _counts(text) == [(30, "signatories"), (100, "signatories")]


def test_all_but_some_of_a_whole_sets_the_whole_aside() -> None:
    text = (
        "All but 16 of the 193 UN member states have ratified the Convention on the Rights of Persons with "
        "Disabilities."
    )
    assert read_text(text, [CRPD]).claims == ()
    assert (193, "denominator") in _unread(text)


def test_a_group_urged_and_told_by_its_act_on_the_treaty_is_a_count() -> None:
    text = "The Executive Secretary urged the 13 signatory States that have yet to ratify the CTBT to do so."
    assert _counts(text) == [(13, "signed_not_party")]
    # a group told by something else it does: a part
    assert _counts("The Convention has helped 30 States Parties complete clearance.") == []


def test_a_date_in_the_clause_after_a_semicolon_is_that_clauses(eval_db: Path) -> None:
    text = (
        "Some 170 States are party to the International Covenant on Economic, Social and Cultural Rights; the "
        "Government's position, set out in its answer of 3 March, remains unchanged."
    )
    assert _checks(eval_db, text, written_on=date(2019, 3, 20)) == [(170, "parties", "IV-3", "2019-03-20")]


def test_that_first_day_points_back_to_the_day_told(eval_db: Path) -> None:
    before = "The Mine Ban Treaty opened for signature on 3 December 1997 in Ottawa. "
    for pointer in ("On that first day", "That day", "The same day"):
        text = before + f"{pointer}, 122 states signed it."
        assert _checks(eval_db, text, written_on=date(2020, 1, 1)) == [
            (122, "signatories", "XXVI-5", "1997-12-03")
        ], pointer


def test_a_share_in_per_cent_sets_its_whole_aside() -> None:
    text = "With 113 States Parties, barely 58% of the 193 UN members are bound by the Arms Trade Treaty."
    assert _counts(text) == [(113, "parties")]
    assert _unread(text) == [(193, "denominator")]


def test_a_label_of_signatories_that_have_not_yet_ratified() -> None:
    assert _counts("Arms Trade Treaty\nSignatories that have not yet ratified: 28") == [
        (28, "signed_not_party")
    ]


def test_a_protocol_named_by_its_subject(eval_db: Path) -> None:
    from pipeline.claims.protocol_names import names_with_parents

    titles = {
        "IV-11": "Convention on the Rights of the Child",
        "IV-11-c": (
            "Optional Protocol to the Convention on the Rights of the Child on the sale of children, child "
            "prostitution and child pornography"
        ),
    }
    names = names_with_parents(titles, {"IV-11": ("CRC",)})["IV-11-c"]
    assert "Protocol on the sale of children" in names
    assert "Optional Protocol on the sale of children, child prostitution and child pornography" in names
    text = "The Convention on the Rights of the Child has 196 parties. Its protocol on the sale of children has 173."
    assert [(f, t) for f, _, t, _ in _checks(eval_db, text, written_on=date(2020, 1, 1))] == [
        (196, "IV-11"),
        (173, "IV-11-c"),
    ]
    # named in passing by its subject, it is not what a later "the protocol" points back to
    text = (
        "The Senate backed the Optional Protocol to the Convention on the Rights of the Child on the "
        "involvement of children in armed conflict, and its companion protocol on the sale of children.\n\n"
        "To date, 109 governments have signed the protocol."
    )
    assert [t for _, _, t, _ in _checks(eval_db, text, written_on=date(2002, 6, 19))] == ["IV-11-b"]


def test_what_someone_will_know_is_so_already() -> None:
    text = "Mr Speaker, the hon. Member will know that 173 States are now party to the Covenant."
    assert _counts(text) == [(173, "parties")]
    assert read_text(text, [ARMS]).unread == ()
    # what will be is a condition
    assert _counts("He said the treaty will soon be ratified by 50 states.") == []


def test_a_datelines_date_is_the_texts_whatever_its_first_sentence_tells(eval_db: Path) -> None:
    text = (
        "ICC at 20\n\nTHE HAGUE, 17 July 2018 (AP) - Diplomats adopted the statute creating the International "
        "Criminal Court twenty years ago.\n\nThe court now counts 123 member states."
    )
    assert _checks(eval_db, text) == [(123, "parties", "XVIII-10", "2018-07-17")]


def test_a_sister_treatys_count_with_its_noun_and_verb_left_out() -> None:
    text = "The Convention had 177 States Parties, while its Optional Protocol counted 94."
    assert _counts(text) == [(177, "parties"), (94, "parties")]
    text = "At the end of 1989, the ICCPR counted 87 contracting states and the ICESCR 92."
    assert _counts(text) == [(87, "parties"), (92, "parties")]
    assert _counts("The Convention has 169 parties and the Optional Protocol 90.") == [
        (169, "parties"),
        (90, "parties"),
    ]
    # a day after the treaty's words is no count
    text = "The Convention has 189 parties. The Convention entered into force on September 3, 1981."
    assert _counts(text) == [(189, "parties")]
    assert _counts("The Convention has 189 parties and its Optional Protocol 12 articles.") == [
        (189, "parties")
    ]


def test_of_the_signatory_states_the_ones_that_ratified() -> None:
    text = "Of the 184 signatory states of the CTBT, 168 have ratified it."
    assert _counts(text) == [(184, "signatories"), (168, "parties")]
    # a group named otherwise is a part
    assert _counts("Of the 44 Annex 2 States, 40 have signed the CTBT.") == []


def test_the_icc_treaty_is_the_rome_statute(eval_db: Path) -> None:
    text = "Seven years after it was adopted, the ICC treaty now has 99 States Parties."
    assert [t for _, _, t, _ in _checks(eval_db, text, written_on=date(2005, 7, 18))] == ["XVIII-10"]


def test_the_icc_and_the_cluster_bomb_ban(eval_db: Path) -> None:
    text = "Seventeen years after Rome, some 120-odd states have joined the ICC."
    assert [t for _, _, t, _ in _checks(eval_db, text, written_on=date(2015, 7, 17))] == ["XVIII-10"]
    text = "Cluster bomb ban reaches 30 ratifications, clearing way for entry into force"
    assert [t for _, _, t, _ in _checks(eval_db, text, written_on=date(2010, 2, 17))] == ["XXVI-6"]


def test_a_tables_caption_dates_its_rows(eval_db: Path) -> None:
    table = "Instrument | Signatories | States Parties\nICESCR | 71 | 171\n"
    text = "Status of ratification, as at 15 May 2021\n" + table
    assert [d for *_, d in _checks(eval_db, text, written_on=date(2021, 5, 20))] == [
        "2021-05-15",
        "2021-05-15",
    ]
    # a caption's month is its last day
    text = "Ratification status of the core instruments, December 2014\n\n" + table
    assert [d for *_, d in _checks(eval_db, text, written_on=date(2015, 1, 15))] == [
        "2014-12-31",
        "2014-12-31",
    ]
    # a paragraph of the body above an infobox dates no row of it
    body = (
        "The Covenant entered into force in 1976 after the thirty-fifth ratification, and it applies as of "
        "November 2014 in 162 countries, its status page says.\n"
    )
    assert [d for *_, d in _checks(eval_db, body + table, written_on=date(2015, 1, 15))][-2:] == [
        "2015-01-15",
        "2015-01-15",
    ]


def test_a_table_cell_with_a_notes_mark() -> None:
    text = "Instrument\tSignatures\tRatifications/accessions\nConvention on Cluster Munitions\t108\t48b\n"
    assert _counts(text) == [(108, "signatories"), (48, "parties")]
