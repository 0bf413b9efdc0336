"""Rules of the second pass (issue 21), each on hand-written sentences about made-up treaties: what a
phrase means in English and in the UN's counting, never one text's wording."""

from __future__ import annotations

from datetime import date

from pipeline.claims.extract import (
    KIND_COUNT,
    KIND_THRESHOLD,
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    TitleIndex,
    TreatyName,
    extract_claims,
    read_text,
)
from pipeline.claims.facts import nth_consent
from pipeline.claims.model import (
    REASON_CHANGE,
    REASON_CONDITION,
    REASON_DENOMINATOR,
    REASON_SUBSET,
    REASON_THRESHOLD,
)
from pipeline.claims.verdicts import VERDICT_THRESHOLD_RIGHT, VERDICT_THRESHOLD_WRONG, threshold_verdict
from tests.claims.conftest import FOGHORN, FOGHORN_NO, KEEPERS, KEEPERS_NO

INDEX = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS), TreatyName(FOGHORN_NO, FOGHORN)])
OP = "Optional Protocol to the Convention on the Protection of Lighthouse Keepers"


def test_a_text_about_a_protocol_keeps_its_claims_when_the_parent_is_named_in_passing() -> None:
    # The heading names the protocol; the parent is named as its parent; "it" and "the agreement" and
    # the infobox rows speak of the protocol.
    text = (
        f"{FOGHORN}\n\nCondition 10 ratifications and entry into force of the {KEEPERS}\nParties 12\n\nThe protocol is the first to the {KEEPERS}. It entered into force "
        f"with its parent {KEEPERS} in 2005. As of May 2016, it has 14 parties. As of June 2017, there are "
        "15 state parties to the agreement."
    )
    claims = extract_claims(text, INDEX)
    assert [(c.figure, c.mtdsg_no, c.link) for c in claims] == [
        (10, FOGHORN_NO, "topic"),
        (12, FOGHORN_NO, "topic"),
        (14, FOGHORN_NO, "topic"),
        (15, FOGHORN_NO, "topic"),
    ]


def test_the_parent_named_in_the_claims_own_sentence_is_still_the_parent() -> None:
    text = f"{FOGHORN}\n\nThe protocol supplements the {KEEPERS}, to which 180 states are party."
    [c] = extract_claims(text, INDEX)
    assert (c.figure, c.mtdsg_no) == (180, KEEPERS_NO)


def test_a_text_about_the_parent_is_not_moved_to_a_protocol() -> None:
    text = f"{KEEPERS}\n\nThe {FOGHORN} was adopted in 2001. As of 2020, the convention has 90 parties."
    [c] = extract_claims(text, INDEX)
    assert c.mtdsg_no == KEEPERS_NO


def test_the_conventions_optional_protocol_is_the_protocol() -> None:
    index = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS), TreatyName("IV-90-b", OP)])
    text = f"In 2007, 80 countries signed the {KEEPERS}. 44 states also signed the Convention's Optional Protocol."
    a, b = extract_claims(text, index)
    assert (a.mtdsg_no, a.measure) == (KEEPERS_NO, MEASURE_SIGNATORIES)
    assert (b.figure, b.mtdsg_no, b.link, b.measure) == (44, "IV-90-b", "reference", MEASURE_SIGNATORIES)
    assert MEASURE_PARTIES != b.measure


def test_a_forecast_is_not_a_count() -> None:
    text = f"The {KEEPERS} opened for signature on Friday and is expected to be signed by more than 70 countries."
    reading = read_text(text, INDEX)
    assert reading.claims == ()
    assert [(u.figure, u.reason) for u in reading.unread] == [(70, REASON_CONDITION)]


def test_must_be_ratified_by_n_states_to_enter_into_force_is_a_threshold() -> None:
    [c] = extract_claims(f"The {KEEPERS} needs to be ratified by 20 countries to enter into force.", INDEX)
    assert (c.figure, c.kind, c.mtdsg_no) == (20, KIND_THRESHOLD, KEEPERS_NO)
    # Without words of entry into force it is no threshold; a number of named states is none either.
    assert not [
        c
        for c in extract_claims(f"The {KEEPERS} must be ratified by 20 countries, the minister said.", INDEX)
        if c.kind == KIND_THRESHOLD
    ]
    text = f"The {KEEPERS} must be ratified by 44 states listed in its annex to enter into force."
    assert not [c for c in extract_claims(text, INDEX) if c.kind == KIND_THRESHOLD]


def test_being_the_twentieth_after_a_verb_of_joining_is_the_twentieth_consent() -> None:
    text = (
        f"As of January 2011, France, Chile and Mali have ratified the {KEEPERS}, Mali being the twentieth."
    )
    [c] = extract_claims(text, INDEX)
    # a count of the day (the checker makes it the threshold when the 20th consent brought the treaty into
    # force: test_sixteenth)
    assert (c.figure, c.kind) == (20, KIND_COUNT)
    assert extract_claims(f"Austria hosted the {KEEPERS} meeting, being the twentieth.", INDEX) == []


def test_the_convention_does_not_point_back_to_a_treaty_the_text_called_a_treaty() -> None:
    names = [
        TreatyName(KEEPERS_NO, KEEPERS),
        TreatyName("XXVI-90", "Convention on Foghorns", (), ("Foghorn Ban Treaty",)),
    ]
    text = (
        f"The {KEEPERS} was opened today; the Foghorn Ban Treaty was praised. The Convention has 12 parties."
    )
    [c] = extract_claims(text, TitleIndex(names))
    assert (c.figure, c.mtdsg_no) == (12, KEEPERS_NO)


def _rows(*consents: tuple[str, date, str]) -> list[dict[str, object]]:
    return [{"name": n, "consent_date": d, "consent_type": t} for n, d, t in consents]


def test_a_threshold_counts_successions_that_stand_for_predecessors_instruments() -> None:
    # Two consents by entry into force in today's table; the successors of a state that no longer
    # exists joined later, by succession: the third consent as the UN counted then may be its own.
    rows = _rows(
        ("France", date(1975, 1, 1), "ratification"),
        ("Chile", date(1975, 6, 1), "ratification"),
        ("Japan", date(1976, 6, 1), "accession"),
        ("Slovakia", date(1993, 5, 28), "succession"),
        ("Czechia", date(1993, 2, 22), "succession"),
    )
    eif = date(1976, 3, 23)
    verdict, then, why, notes = threshold_verdict(rows, 3, nth_consent(rows, 3), eif, "entry into force", "X")
    assert (verdict, then) == (VERDICT_THRESHOLD_RIGHT, 3)
    assert "2 successions dated later" in why and notes == [
        "the record allows 3 to 4 consents before 23 March 1976"
    ]
    # Beyond what the successions can explain, and without successions, it stays wrong.
    assert (
        threshold_verdict(rows, 5, nth_consent(rows, 5), eif, "entry into force", "X")[0]
        == VERDICT_THRESHOLD_WRONG
    )
    plain = [{**r, "consent_type": "ratification"} for r in rows]
    assert (
        threshold_verdict(plain, 3, nth_consent(plain, 3), eif, "entry into force", "X")[0]
        == VERDICT_THRESHOLD_WRONG
    )


def test_the_total_number_of_countries_having_ratified_is_a_count_and_a_goal_is_not() -> None:
    text = (
        f"The number of countries that have ratified the {KEEPERS} has inched closer to 150. Liberia's "
        f"ratification brings the total number of countries having ratified the {KEEPERS} to 149."
    )
    [c] = extract_claims(text, INDEX)
    assert (c.figure, c.measure, c.mtdsg_no) == (149, MEASURE_PARTIES, KEEPERS_NO)


def test_counts_told_as_shares_of_a_regions_states_are_a_subset() -> None:
    text = f"The {KEEPERS} has 51 signatures and 37 ratifications out of the 53 countries on the continent."
    reading = read_text(text, INDEX)
    assert reading.claims == ()
    assert {(u.figure, u.reason) for u in reading.unread} >= {(51, REASON_SUBSET), (37, REASON_SUBSET)}
    # A share of the world's states is a count of the whole.
    [c] = extract_claims(f"120 out of 193 countries have ratified the {KEEPERS}.", INDEX)
    assert c.figure == 120


def test_states_worldwide_have_signed() -> None:
    [c] = extract_claims(f"To date, 181 States worldwide have signed the {KEEPERS}.", INDEX)
    assert (c.figure, c.measure) == (181, MEASURE_SIGNATORIES)


def test_n_of_which_have_ratified_after_a_count_of_signatories() -> None:
    text = f"A total of 177 states have signed the {KEEPERS}, 140 of which have ratified it."
    a, b = extract_claims(text, INDEX)
    assert (a.figure, a.measure) == (177, MEASURE_SIGNATORIES)
    assert (b.figure, b.measure) == (140, MEASURE_PARTIES)


def test_a_year_told_in_passing_does_not_date_a_later_count_but_a_deposit_day_does() -> None:
    text = f"The US signed the {KEEPERS} in 1996, but has withheld ratification. 140 states have ratified it."
    [c] = extract_claims(text, INDEX)
    assert c.claimed_on is None
    text = f"Chile deposited its instrument on 23 May 2006. Thus the {KEEPERS} has been ratified by twenty states."
    [c] = extract_claims(text, INDEX)
    assert c.claimed_on == date(2006, 5, 23)
    text = f"As of 2019 the {KEEPERS} was in good health. Chile joined in 2018. It has 90 parties."
    [c] = extract_claims(text, INDEX)
    assert c.claimed_on == date(2019, 12, 31)


def test_an_aside_saying_where_the_counted_come_from() -> None:
    text = (
        f"Fifty-seven states, primarily from Europe, Africa and Latin America, signed the {KEEPERS} in 2007."
    )
    [c] = extract_claims(text, INDEX)
    assert (c.figure, c.measure) == (57, MEASURE_SIGNATORIES)


def test_the_number_still_required_is_what_is_missing() -> None:
    text = f"Jamaica ratified the {KEEPERS}, bringing the number of ratifications still required to 19."
    reading = read_text(text, INDEX)
    assert reading.claims == () and [(u.figure, u.reason) for u in reading.unread] == [(19, REASON_THRESHOLD)]


def test_since_then_makes_a_change() -> None:
    text = f"Chile took the chair of the {KEEPERS} in 2018. Three signatories have ratified it since then."
    reading = read_text(text, INDEX)
    assert reading.claims == () and [(u.figure, u.reason) for u in reading.unread] == [(3, REASON_CHANGE)]


def test_parties_narrowed_by_what_else_they_did_are_a_subset() -> None:
    text = f"None of the 17 States Parties that produced foghorns have violated the {KEEPERS}."
    reading = read_text(text, INDEX)
    assert reading.claims == () and [(u.figure, u.reason) for u in reading.unread] == [(17, REASON_SUBSET)]
    [c] = extract_claims(f"There are 17 States Parties that have ratified the {KEEPERS}.", INDEX)
    assert c.figure == 17


def test_a_rule_tied_to_the_nth_ratification_other_than_entry_into_force_is_no_threshold() -> None:
    text = f"After the 50th ratification of the {KEEPERS}, its committee shall grow from 10 to 25 members."
    assert [c for c in extract_claims(text, INDEX) if c.kind == KIND_THRESHOLD] == []
    text = f"The {KEEPERS} will enter into force after the 50th ratification."
    [c] = extract_claims(text, INDEX)
    assert (c.figure, c.kind) == (50, KIND_THRESHOLD)


def test_signatories_to_states_parties_to_bound_by_binds_and_accepted_by() -> None:
    cases = [
        (f"112 countries are signatories to the {KEEPERS}.", 112, MEASURE_SIGNATORIES),
        (f"168 countries are now States Parties to the {KEEPERS}.", 168, MEASURE_PARTIES),
        (f"168 States are now bound by the {KEEPERS}.", 168, MEASURE_PARTIES),
        (f"The {KEEPERS} binds 168 states.", 168, MEASURE_PARTIES),
        (f"The {KEEPERS} has been accepted by 130 states.", 130, MEASURE_PARTIES),
    ]
    for text, figure, measure in cases:
        [c] = extract_claims(text, INDEX)
        assert (c.figure, c.measure, c.mtdsg_no) == (figure, measure, KEEPERS_NO), text


def test_what_is_still_needed_and_counts_of_people_are_no_counts_of_states() -> None:
    reading = read_text(f"The {KEEPERS} needs 3 more ratifications to enter into force.", INDEX)
    assert reading.claims == () and [(u.figure, u.reason) for u in reading.unread] == [(3, REASON_THRESHOLD)]
    assert extract_claims(f"The {KEEPERS} was signed by 2 million people in a petition.", INDEX) == []
    assert extract_claims(f"The {KEEPERS} has been ratified by 80 per cent of UN members.", INDEX) == []


def test_a_simple_past_within_a_span_of_time_is_a_change() -> None:
    for text in (
        f"During 2010, 12 states ratified the {KEEPERS}.",
        f"In the first year, 12 states ratified the {KEEPERS}.",
    ):
        reading = read_text(text, INDEX)
        assert reading.claims == () and [(u.figure, u.reason) for u in reading.unread] == [
            (12, REASON_CHANGE)
        ]
    # A total told with a status date, or with "had", stays a count.
    [c] = extract_claims(f"By 2010, 12 states had ratified the {KEEPERS}.", INDEX)
    assert c.figure == 12
    [c] = extract_claims(f"In the first year, 12 states had ratified the {KEEPERS}.", INDEX)
    assert c.figure == 12


def test_signatories_that_still_need_to_ratify_have_signed_without_ratifying() -> None:
    [c] = extract_claims(
        f"Progress is slow among the 14 signatories that still need to ratify the {KEEPERS}.", INDEX
    )
    assert (c.figure, c.measure) == (14, MEASURE_SIGNED_NOT_PARTIES)


def test_a_share_of_the_un_members_that_are_party() -> None:
    text = f"Currently, 164 of the 193 UN member states are party to the {KEEPERS}."
    reading = read_text(text, INDEX)
    assert [(c.figure, c.measure) for c in reading.claims] == [(164, MEASURE_PARTIES)]
    assert [(u.figure, u.reason) for u in reading.unread] == [(193, REASON_DENOMINATOR)]


def test_all_but_one_counts_those_left_out() -> None:
    reading = read_text(
        f"All but one UN member state (the United States) have ratified the {KEEPERS}.", INDEX
    )
    assert reading.claims == () and [u.figure for u in reading.unread] == [1]


def test_the_parent_convention_told_as_such_stays_the_parent() -> None:
    text = f"{FOGHORN}\n\nThe protocol supplements the {KEEPERS}. The parent convention has 180 parties."
    [c] = extract_claims(text, INDEX)
    assert (c.figure, c.mtdsg_no) == (180, KEEPERS_NO)


def test_and_n_of_them_have_ratified_and_n_of_which_are_parties() -> None:
    for text in (
        f"108 states have signed the {KEEPERS}, and 100 of them have ratified it.",
        f"The {KEEPERS} has 108 signatory states, 100 of which are parties.",
    ):
        a, b = extract_claims(text, INDEX)
        assert [(a.figure, a.measure), (b.figure, b.measure)] == [
            (108, MEASURE_SIGNATORIES),
            (100, MEASURE_PARTIES),
        ], text


def test_a_number_told_after_the_signatories_does_not_make_them_signed_not_ratified() -> None:
    c, rest = extract_claims(f"Of the 108 signatories, 8 have yet to ratify the {KEEPERS}.", INDEX)
    assert (c.figure, c.measure) == (108, MEASURE_SIGNATORIES)
    # (the 8 are those signatories that are not parties: pairs.signed_not_yet)
    assert (rest.figure, rest.measure) == (8, MEASURE_SIGNED_NOT_PARTIES)


def test_a_count_told_of_the_signing_event_takes_its_day() -> None:
    for text in (
        f"The {KEEPERS} was signed by 94 states in Oslo on 3 December 2008.",
        f"The {KEEPERS} opened for signature on 3 December 2008, when 94 states signed it.",
    ):
        [c] = extract_claims(text, INDEX)
        assert (c.figure, c.claimed_on) == (94, date(2008, 12, 3)), text
    # Told in the present perfect, the count is of the text's own day, not the event's.
    [c] = extract_claims(f"The {KEEPERS}, adopted on 30 May 2008, has been signed by 108 states.", INDEX)
    assert c.claimed_on is None


def test_bylines_with_a_label_a_poster_or_a_last_modified_line() -> None:
    for head in (
        "Press release | 12 March 2019\n\n",
        "12 March 2019 | News\n\n",
        "Posted by admin on March 12, 2019\n\n",
    ):
        [c] = extract_claims(f"{head}The {KEEPERS} now has 150 parties.", INDEX)
        assert (c.claimed_on, c.date_source) == (date(2019, 3, 12), "byline"), head
    [c] = extract_claims(f"The {KEEPERS} now has 150 parties.\n\nLast modified: 12 March 2019", INDEX)
    assert c.claimed_on == date(2019, 3, 12)
    # An infobox row of the treaty's own events is no byline.
    [c] = extract_claims(f"{KEEPERS}\nSigned | 3 December 2008\n\nThe convention now has 150 parties.", INDEX)
    assert c.claimed_on is None


def test_parties_counted_as_doing_something_else_are_a_subset() -> None:
    for text in (
        f"Representatives of 120 States Parties attended the meeting of the {KEEPERS}.",
        f"45 States Parties to the {KEEPERS} attended the session.",
        f"In total 33 States Parties to the {KEEPERS} have made the declaration under article 22.",
        f"Some 40 States Parties to the {KEEPERS} still hold stockpiles.",
    ):
        reading = read_text(text, INDEX)
        assert reading.claims == () and [u.reason for u in reading.unread] == [REASON_SUBSET], text
    [c] = extract_claims(
        f"The {KEEPERS} has 45 States Parties and has been used to prosecute pirates.", INDEX
    )
    assert c.figure == 45


def test_the_number_of_a_rule_tied_to_the_nth_ratification_is_listed_not_read() -> None:
    text = f"The {KEEPERS} committee has 10 experts; after 60 ratifications, it will grow to 18."
    reading = read_text(text, INDEX)
    assert reading.claims == () and (60, REASON_THRESHOLD) in [(u.figure, u.reason) for u in reading.unread]


def test_more_qualifiers() -> None:
    cases = {
        "in excess of 150": (150, ">"),
        "well over 150": (150, ">"),
        "no fewer than 150": (150, ">="),
        "not quite 150": (150, "<~"),
        "close to 100": (100, "~"),
        "a mere 12": (12, "="),
    }
    for said, (figure, comparison) in cases.items():
        [c] = extract_claims(f"The {KEEPERS} has been ratified by {said} states.", INDEX)
        assert (c.figure, c.comparison) == (figure, comparison), said


def test_parties_still_affected_overdue_or_helped_are_a_subset() -> None:
    for text in (
        f"23 States Parties to the {KEEPERS} are still affected by mines.",
        f"The {KEEPERS} has 10 States Parties with reports overdue.",
        f"The {KEEPERS} has helped 30 States Parties complete clearance.",
    ):
        reading = read_text(text, INDEX)
        assert reading.claims == () and [u.reason for u in reading.unread] == [REASON_SUBSET], text
    [c] = extract_claims(f"150 States Parties to the {KEEPERS} are bound by it.", INDEX)
    assert c.figure == 150


def test_it_after_the_parent_told_as_a_subject_is_the_parent() -> None:
    text = f"{FOGHORN} ratified by Chile\n\nThe {KEEPERS} was adopted in 1984. It has 174 parties."
    [c] = extract_claims(text, INDEX)
    assert (c.figure, c.mtdsg_no) == (174, KEEPERS_NO)
