"""Thirtieth pass (issue 21). One test per rule, on hand-written sentences of the shapes real texts took:
round 15 of the probes of strangers' prose (where a count's date comes from), read for their shapes only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.claims.readers import checks as _checks
from tests.claims.readers import report as _report
from tests.claims.readers import unread as _unread


def test_a_figure_read_as_a_claim_is_never_also_listed_unread(eval_db: Path) -> None:
    # "became the 142nd": a claim reads the number inside an ordinal's words ("the 142nd"), which the last
    # stage of the unread list must not list again as an ordinal no stage took
    said = (
        "Ghana was the second country to ratify the Convention on the Rights of the Child. "
        "The U.S. became the 142nd.\n"
    )
    found = _report(eval_db, said, date(2024, 1, 1))
    assert [c.claim.figure for c in found.checks] == [2, 142]
    assert [u.figure for u in found.unread] == []
    # alone, with no noun to tell what it ranks, the ordinal is listed, not dropped, when the record does not
    # bear it out (the U.S. signature was the 142nd: the thirty-seventh pass reads "became the 142nd" so)
    alone = _report(
        eval_db,
        "The United States signed the Convention on the Rights of Persons with Disabilities on 30 July 2009. "
        "The U.S. became the 150th.\n",
        date(2024, 1, 1),
    )
    assert (alone.checks, [(u.figure, u.reason) for u in alone.unread]) == (
        (),
        [(150, "frame not understood")],
    )


def test_a_signing_count_in_the_simple_past_just_after_the_opening_is_of_the_opening_day(
    eval_db: Path,
) -> None:
    said = (
        "The treaty against enforced disappearance was presented for signing in Paris. Fifty-seven countries "
        "signed the International Convention for the Protection of All Persons from Enforced Disappearance.\n"
    )
    # three days after the UN's first signatures (2007-02-06): the count is the ceremony's
    assert _checks(eval_db, said, date(2007, 2, 9)) == [(57, "signatories", "IV-16", "2007-02-06")]
    # in the perfect, of the text's own day
    perfect = said.replace("countries signed", "countries have signed")
    assert _checks(eval_db, perfect, date(2007, 2, 9)) == [(57, "signatories", "IV-16", "2007-02-09")]
    # more than two weeks after the opening, the signings may be later ones: the text's day
    assert _checks(eval_db, said, date(2007, 3, 9)) == [(57, "signatories", "IV-16", "2007-03-09")]
    # a headline's present is dated as its body dates the count
    headline = (
        "Fifty-seven countries sign the International Convention for the Protection of All Persons from "
        "Enforced Disappearance\n"
    )
    assert _checks(eval_db, headline, date(2007, 2, 9)) == [(57, "signatories", "IV-16", "2007-02-09")]


def test_joining_other_countries_that_have_signed_or_by_signing_counts_signatories(eval_db: Path) -> None:
    crpd = "the Convention on the Rights of Persons with Disabilities"
    for said in (
        f"The United States is pleased to join the 141 other countries that have signed {crpd}.",
        f"The United States joins 141 other nations who have already signed {crpd}.",
        f"The United States joined 141 other nations by signing {crpd}.",
    ):
        assert [(f, m, t) for f, m, t, _ in _checks(eval_db, said + "\n", date(2009, 8, 1))] == [
            (141, "signatories", "IV-15")
        ], said
    # those who have ratified are still parties
    ratified = f"Peru joins 29 other countries that have ratified {crpd}.\n"
    assert [(f, m) for f, m, _, _ in _checks(eval_db, ratified, date(2009, 8, 1))] == [(29, "parties")]


def test_an_ordinal_takes_the_day_the_text_gives_for_the_state_s_act_in_another_sentence(
    eval_db: Path,
) -> None:
    # the UN's table dates Syria's accession 2013-09-14; the text tells the day itself (date rule 2)
    said = (
        "On 14 October 2013 Syria joined the Chemical Weapons Convention. "
        "Syria is the 190th country to join the convention.\n"
    )
    assert _checks(eval_db, said) == [(190, "parties", "XXVI-3", "2013-10-14")]
    # a day told of something else than the act is not the act's: the record's day stands
    announced = (
        "The announcement by the United Nations on 21 August 2012 of Ghana's ratification was welcomed. "
        "Ghana became the 119th country to ratify the Convention on the Rights of Persons with Disabilities.\n"
    )
    assert _checks(eval_db, announced) == [(119, "parties", "IV-15", "2012-07-31")]
    in_force = (
        "The Convention will take effect for Bangladesh on September 29, 2024, thirty days after the deposit "
        "of the instrument. Bangladesh becomes the 76th party to the International Convention for the "
        "Protection of All Persons from Enforced Disappearance.\n"
    )
    assert _checks(eval_db, in_force) == [(76, "parties", "IV-16", "2024-08-30")]


def test_the_last_paragraph_of_a_hard_wrapped_text_is_unwrapped_though_the_text_ends_with_a_line_break(
    eval_db: Path,
) -> None:
    from pipeline.claims.layout import plain_layout

    # text copied from an e-mail: the last paragraph's lines are of one measure but its last; the text's own
    # final line break is no line of the paragraph (it made every break of that paragraph a hard one)
    said = (
        "Sometimes referred to as the Ottawa Convention, the Mine Ban Treaty is officially titled\n"
        "the Convention on the Prohibition of Anti-Personnel Mines. It was adopted in 1997 and\n"
        "it entered into force on 1 March 1999. It is one of the most widely accepted treaties:\n"
        "most of the world's countries have joined it. There are currently 162\n"
        "States Parties. Only 35 states remain outside.\n"
    )
    assert "currently 162 States Parties" in plain_layout(said)
    assert _checks(eval_db, said, date(2026, 1, 1)) == [(162, "parties", "XXVI-5", "2026-01-01")]


def test_a_count_of_states_in_words_in_a_sentence_without_a_treaty_word_is_read_as_one_in_digits_is(
    eval_db: Path,
) -> None:
    head = "The UN rights chief urged nations to ratify the Convention on Enforced Disappearance. "
    for number in ("77", "seventy-seven"):
        said = head + f"He lamented that only {number} countries have embraced this vital document.\n"
        # the record reads it: near the UN's figure of that day (77 consents on 2025-04-02)
        assert _checks(eval_db, said, date(2025, 4, 2)) == [(77, "parties", "IV-16", "2025-04-02")], number
    # far from the record, a number in words is listed unread, with the reason one in digits has
    far = head + "He lamented that only {} countries have embraced this vital document.\n"
    listed = [_unread(eval_db, far.format(n), date(2025, 4, 2)) for n in ("27", "twenty-seven")]
    assert listed == [[(27, "no treaty word in its sentence")]] * 2
    assert _checks(eval_db, far.format("twenty-seven"), date(2025, 4, 2)) == []


def test_a_date_alone_on_its_line_under_a_headline_is_the_text_s_byline(eval_db: Path) -> None:
    from pipeline.claims.layout import plain_layout

    # a headline that ends in a full stop or a bracket, and its byline's date on the line below: two lines of
    # a heading, never one wrapped line (joined, the date was no longer alone on its line)
    for headline in (
        "Historic Arms Trade Treaty comes into force today.",
        "EU urged to ratify the Arms Trade Treaty (CAMPAIGN)",
    ):
        for day in (
            "December 24, 2014",
            "Wednesday, 24 December 2014",
            "2014-12-24",
            "24.12.2014",
            "Posted on December 24, 2014 by admin",
        ):
            said = f"{headline}\n{day}\n\nThe treaty has been ratified by 60 states and 130 states have signed it.\n"
            assert f"\n{day}\n" in plain_layout(said), (headline, day)
            assert _checks(eval_db, said) == [
                (60, "parties", "XXVI-8", "2014-12-24"),
                (130, "signatories", "XXVI-8", "2014-12-24"),
            ], (headline, day)


def test_a_date_under_a_news_headline_that_names_a_convention_is_its_byline() -> None:
    from pipeline.claims.bylines import find_byline

    # a headline that tells news of a convention (a verb: "ratify", "launched"), its date on the line below,
    # an article that names a later year (a goal): the date is the news's, not the convention's adoption
    news = (
        "On International Migrants Day: new campaign to ratify UN convention launched\n"
        "December 18, 2014\n\n"
        "The Convention has been ratified by 47 States. The campaign aims at 60 ratifications by 2020.\n"
    )
    found = find_byline(news)
    assert found is not None and found.on.isoformat() == "2014-12-18"
    # a treaty's title over its adoption date is still no byline
    title = (
        "Convention against Torture\n10 Dec 1984\n\nAs of 2019, 170 states are parties to the Convention.\n"
    )
    assert find_byline(title) is None


def test_state_parties_and_states_parties_with_a_hyphen_read_as_states_parties(eval_db: Path) -> None:
    ccm = "To date 123 states have joined the Convention on Cluster Munitions, of which 110 are {} and 13 are signatories.\n"
    expected = [(110, "parties", "XXVI-6", "2023-01-01"), (13, "signed_not_party", "XXVI-6", "2023-01-01")]
    for noun in ("States Parties", "State Parties", "states-parties", "States-Parties"):
        assert _checks(eval_db, ccm.format(noun), date(2023, 1, 1)) == expected, noun
        # the 123 is the two measures' total, never read as parties
        assert (123, "total of two measures") in _unread(eval_db, ccm.format(noun), date(2023, 1, 1)), noun
    heading = "The Convention on Cluster Munitions.\n\n{} (110)\nAfghanistan\n"
    for noun in ("States Parties", "State Parties"):
        assert [c[:2] for c in _checks(eval_db, heading.format(noun), date(2023, 1, 1))] == [
            (110, "parties")
        ], noun


def test_member_states_are_read_where_countries_are(eval_db: Path) -> None:
    crc = "The Convention on the Rights of the Child is the most widely approved treaty, with ratifications from {}."
    for states in ("191 countries", "191 member states"):
        assert _checks(eval_db, crc.format(states) + "\n", date(1996, 1, 1)) == [
            (191, "parties", "IV-11", "1996-01-01")
        ], states
    tpnw = "The Treaty on the Prohibition of Nuclear Weapons required {} to ratify it.\n"
    for states in ("50 countries", "50 member states"):
        found = _report(eval_db, tpnw.format(states), date(2018, 1, 1)).checks
        assert [(c.claim.figure, c.claim.kind, c.verdict) for c in found] == [
            (50, "threshold", "threshold right")
        ], states
