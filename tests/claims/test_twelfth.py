"""Twelfth pass (issue 21). One test per rule, on hand-written sentences."""

from __future__ import annotations

from pipeline.claims.nth import nth_to_matches


def _nth(text: str) -> list[tuple[int, str]]:
    return [(c.figure, c.measure) for c in nth_to_matches(text)]


def test_an_aside_between_an_ordinals_noun_and_its_verb_is_passed_over() -> None:
    assert _nth(
        "Nigeria became the fifth country – and first in Africa – to ratify the Arms Trade Treaty."
    ) == [(5, "parties")]
    assert _nth("Guyana was the 50th state, and the first in the Caribbean, to ratify it.") == [
        (50, "parties")
    ]
    assert _nth("Mauritania became the 100th state (the first in the region) to sign the treaty.") == [
        (100, "signatories")
    ]
    # An aside longer than a passing remark is not one: the ordinal's noun and verb are too far apart.
    long = "It was the fifth country, after long debates in parliament and among the public, to ratify it."
    assert _nth(long) == []


def test_its_nth_state_party_is_a_count_of_parties() -> None:
    assert _nth("The Convention welcomed its 160th State Party on Monday.") == [(160, "parties")]


def test_a_day_followed_by_this_year_takes_the_texts_year_and_so_do_those_after_it() -> None:
    from pipeline.claims.dates import find_dates

    text = (
        "The Optional Protocol was adopted on 18 December 2002. It was opened for signature on 4 February this "
        "year, and as of 19 September had been signed by seven countries."
    )
    days = [(d.text, d.on.isoformat()) for d in find_dates(text, default_year=2003)]
    assert days == [
        ("18 December 2002", "2002-12-18"),
        ("4 February", "2003-02-04"),
        ("19 September", "2003-09-19"),
    ]
    # Without "this year", a day and month take the year told before them in their paragraph.
    plain = text.replace(" this year", "")
    assert [d.on.isoformat() for d in find_dates(plain, default_year=2003)][1:] == [
        "2002-02-04",
        "2002-09-19",
    ]


def test_a_count_far_from_the_record_on_the_texts_day_is_read_on_another_day_the_text_tells(eval_db) -> None:
    from datetime import date

    from pipeline.claims.check import check_text
    from pipeline.store import open_store

    text = (
        "One year ago today, on March 30, 2007, the Convention on the Rights of Persons with Disabilities was "
        'opened for signature.\n\nAt the ceremony, "There were 82 signatories to the Convention on the Rights '
        'of Persons with Disabilities," said the chair.'
    )
    with open_store(eval_db, read_only=True) as store:
        [c] = check_text(text, store, name="t", written_on=date(2008, 3, 30)).checks
        # Told of the day of writing, when the UN counted far more, the same figure is not read again.
        alone = text.split("\n\n")[1]
        [d] = check_text(alone, store, name="t", written_on=date(2008, 3, 30)).unread
    assert (c.claim.figure, c.claim.measure, c.claim.claimed_on) == (82, "signatories", date(2007, 3, 30))
    assert c.figure_then == 82 and c.claim.date_source == "text" and "a day the text tells" in c.notes[0]
    assert (d.figure, d.reason) == (82, "far from the record")


def test_a_day_told_before_the_count_in_a_clause_of_another_verb_dates_that_clause() -> None:
    from datetime import date

    from pipeline.claims.extract import TitleIndex, read_text
    from tests.claims.test_extract import CAT

    text = (
        "Vietnam deposited its instrument of ratification of the CAT on February 5, 2015 and became the 158th "
        "State Party to the Convention on March 7, 2015."
    )
    [c] = read_text(text, TitleIndex([CAT])).claims
    assert (c.figure, c.claimed_on, c.date_text) == (158, date(2015, 3, 7), "March 7, 2015")
    # With no day told after the count, the day before it still dates it.
    [d] = read_text(text.replace(" on March 7, 2015", ""), TitleIndex([CAT])).claims
    assert d.claimed_on == date(2015, 2, 5)


def test_a_day_without_a_year_takes_a_status_dates_year_over_an_events_told_after_it() -> None:
    from pipeline.claims.dates import find_dates

    text = (
        "The Secretary-General said on Tuesday Dec 23,2014 that it opens a new chapter. The ATT was adopted "
        "April 2, 2013 by the General Assembly. As of Dec 23, 60 states have ratified the treaty."
    )
    assert [(d.text, d.on.isoformat()) for d in find_dates(text)] == [
        ("Dec 23,2014", "2014-12-23"),  # a comma without a space before the year
        ("April 2, 2013", "2013-04-02"),
        ("Dec 23", "2014-12-23"),
    ]
    # Events alone: the last one told gives the year ("adopted on 13 December 2006 ... opened for signature
    # on 30 March 2007. On 30 March, 81 states signed").
    events = "It was adopted on 13 December 2006 and opened for signature on 30 March 2007. On 30 March, 81 signed."
    assert [d.on.isoformat() for d in find_dates(events)][-1] == "2007-03-30"


def test_a_count_after_by_the_time_is_of_the_day_its_clause_tells() -> None:
    from datetime import date

    from pipeline.claims.extract import TitleIndex, read_text
    from tests.claims.test_extract import CRC

    # The clause's date is of an event (an adoption), which alone never dates a count.
    text = "By the time the Rome Statute was adopted in July 1998, 191 countries had ratified the CRC."
    [c] = read_text(text, TitleIndex([CRC])).claims
    assert (c.figure, c.claimed_on) == (191, date(1998, 7, 31))
    # Told in the present, the count is of the text's own day, not of the event.
    [d] = read_text(text.replace("had ratified", "have ratified"), TitleIndex([CRC])).claims
    assert d.claimed_on is None


def test_a_headline_without_the_bodys_qualifier_is_dated_as_the_body_dates_it() -> None:
    from datetime import date

    from pipeline.claims.extract import TitleIndex, extract_claims
    from pipeline.claims.treaties import TreatyName
    from tests.claims.conftest import KEEPERS, KEEPERS_NO

    index = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS)])
    text = (
        f"22 countries sign the {KEEPERS}\n\nOn 7 October 2009, more than 22 countries signed the {KEEPERS}."
    )
    head, body = extract_claims(text, index, written_on=date(2009, 10, 14))
    assert (head.figure, head.comparison, head.claimed_on, head.date_source) == (
        22,
        "=",
        date(2009, 10, 7),
        "body",
    )
    assert (body.comparison, body.claimed_on) == (">", date(2009, 10, 7))


def test_signed_but_not_yet_completed_the_ratification_counts_those_not_yet_parties() -> None:
    from pipeline.claims.measures import measure_for

    tail = " the protocol but not yet completed the ratification process."
    assert measure_for("have signed", tail) == "signed_not_party"
    assert (
        measure_for("have signed", " the protocol and completed the ratification process.") == "signatories"
    )


def test_op3_names_the_crcs_third_optional_protocol(eval_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store

    text = (
        'The complaint mechanism of the Convention on the Rights of the Child ("OP3") has 50 States Parties.'
    )
    with open_store(eval_db, read_only=True) as store:
        [c] = check_text(text, store, name="t").checks
    assert (c.claim.figure, c.mtdsg_no) == (50, "IV-11-d")


def test_the_opcws_members_are_the_chemical_weapons_conventions_parties(eval_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store

    with open_store(eval_db, read_only=True) as store:
        [c] = check_text("The OPCW now has 193 member states.", store, name="t").checks
    assert (c.claim.figure, c.claim.measure, c.mtdsg_no) == (193, "parties", "XXVI-3")


def test_the_states_a_clause_names_each_once_the_longest_name_first() -> None:
    from pipeline.claims.state_names import state_spans

    text = (
        "Guinea-Bissau and Guinea, Niger and Nigeria, the Democratic Republic of the Congo and the Congo, "
        "Bolivia and Russia signed; guinea did not."
    )
    assert [(text[a:b], code) for a, b, code in state_spans(text)] == [
        ("Guinea-Bissau", "GNB"),
        ("Guinea", "GIN"),
        ("Niger", "NER"),
        ("Nigeria", "NGA"),
        ("Democratic Republic of the Congo", "COD"),
        ("Congo", "COG"),
        ("Bolivia", "BOL"),  # the UN's "Bolivia (Plurinational State of)" without its bracket
        ("Russia", "RUS"),  # a name people write
    ]
