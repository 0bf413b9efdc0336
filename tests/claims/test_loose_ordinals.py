"""Ordinals the frames leave unread, read by the record (pipeline/claims/loose_ordinals.py and
record_reading.py), on the real pages of the Convention on the Rights of the Child's protocol on a
communications procedure (tests/claims/conftest.py's real_db): its 10th consent, Costa Rica's ratification
of 2014-01-14, brought it into force; its 30th was Paraguay's ratification of 2017-01-20."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.check import check_text
from pipeline.claims.extract import read_text
from pipeline.claims.loose_ordinals import loose_ordinals
from pipeline.claims.measures import MEASURE_PARTIES, MEASURE_SIGNATORIES
from pipeline.claims.sentences import Spans, split_sentences
from pipeline.store import open_store
from tests.claims.test_extract import TREATIES

OPIC = "the Optional Protocol to the Convention on the Rights of the Child on a communications procedure"


def _report(db: Path, text: str, written_on: date | None = None):
    with open_store(db, read_only=True) as store:
        return check_text(text, store, name="t.txt", written_on=written_on)


def _found(text: str) -> list[tuple[int, str]]:
    return [(n, measure) for n, measure, *_ in loose_ordinals(text, Spans(split_sentences(text)), ())]


def test_an_ordinal_of_states_or_acts_without_its_article_is_found() -> None:
    assert _found("Honduras becomes 50th nation to ratify the treaty.") == [(50, MEASURE_PARTIES)]
    assert _found("Achieving the 100th ratification of the Convention.") == [(100, MEASURE_PARTIES)]
    assert _found("It has been ratified by a fiftieth country.") == [(50, MEASURE_PARTIES)]


def test_an_ordinal_of_signing_counts_signatories() -> None:
    assert _found("Malta became the 84th UN member state to sign the treaty.") == [(84, MEASURE_SIGNATORIES)]
    assert _found("Chile is the 12th signatory of the Protocol.") == [(12, MEASURE_SIGNATORIES)]


def test_an_ordinal_of_anything_else_or_outside_a_treaty_sentence_is_not_taken() -> None:
    assert _found("Vietnam signed the treaty at the 72nd United Nations General Assembly.") == []
    assert _found("It marks the 20th anniversary of the treaty.") == []
    assert _found("Honduras became the 50th nation to win the cup.") == []  # no treaty word in the sentence


def test_an_ordinal_the_named_state_bears_out_is_dated_by_its_act(real_db: Path) -> None:
    report = _report(real_db, f"Paraguay becomes 30th nation to ratify {OPIC}.")
    [c] = report.checks
    assert (c.claim.figure, c.claim.measure, c.mtdsg_no, c.claim.claimed_on, c.claim.source) == (
        30,
        "parties",
        "IV-11-d",
        date(2017, 1, 20),
        "record",
    )
    assert c.verdict == "correct at its date, now stale"
    assert c.notes[0].startswith("read by the record: the words around 30 were not read as a count")
    assert report.unread == ()


def test_the_ordinal_consent_that_brought_the_treaty_into_force_is_a_threshold(real_db: Path) -> None:
    [c] = _report(
        real_db, f"{OPIC[0].upper()}{OPIC[1:]} has been ratified by a 10th country, Costa Rica."
    ).checks
    assert (c.claim.figure, c.mtdsg_no, c.claim.kind, c.verdict) == (
        10,
        "IV-11-d",
        "threshold",
        "threshold right",
    )


def test_an_ordinal_the_record_does_not_bear_out_stays_unread(real_db: Path) -> None:
    report = _report(real_db, f"Paraguay becomes 31st nation to ratify {OPIC}.")
    assert report.checks == ()
    assert [(u.figure, u.reason) for u in report.unread] == [(31, "frame not understood")]


def test_an_ordinal_a_state_pledged_to_become_is_not_taken() -> None:
    assert _found("Peru pledged that it will accede to the convention to become the 163rd state.") == []
    # "will" alone may tell of a deposit already made: "will take effect three months after this tenth
    # instrument of ratification was deposited".
    assert _found("It will take effect three months after this tenth instrument of ratification.") == [
        (10, MEASURE_PARTIES)
    ]


def test_an_ordinal_told_with_a_day_without_its_year_takes_the_year_of_the_act_when_the_day_agrees(
    real_db: Path,
) -> None:
    # Paraguay's ratification is of 20 January 2017: the record gives the year the text leaves out.
    [c] = _report(real_db, f"On 20 January, Paraguay became the 30th State to ratify {OPIC}.").checks
    assert (c.claim.claimed_on, c.claim.date_source) == (date(2017, 1, 20), "record")
    # With no date of its own, a day told without a year near the record's stands for the record's (date
    # rule 2); a day months away is another act.
    [c] = _report(real_db, f"On 21 January, Paraguay became the 30th State to ratify {OPIC}.").checks
    assert (c.claim.claimed_on, c.claim.date_source) == (date(2017, 1, 20), "record")
    [c] = _report(real_db, f"On 21 May, Paraguay became the 30th State to ratify {OPIC}.").checks
    assert c.claim.date_source != "record"


def test_an_ordinal_out_of_the_whole_and_one_a_frame_set_aside_are_listed() -> None:
    assert _found("Kazakhstan became the 90th out of 193 UN Member States to accede to the Protocol.") == [
        (90, MEASURE_PARTIES)
    ]
    # Set aside by a frame (a condition), the ordinal is listed with the frame's reason, never dropped.
    text = (
        "South Sudan may be the 194th nation to ratify the Convention on the Rights of the Child, once it is "
        "signed by the President."
    )
    reading = read_text(text, TREATIES)
    assert reading.claims == () and [(u.figure, u.reason) for u in reading.unread] == [(194, "condition")]


def test_an_unread_ordinal_spans_its_whole_token() -> None:
    # An annotation goes after "31st", not between "31" and "st".
    text = "Paraguay becomes 31st nation to ratify the Convention on the Rights of the Child."
    [u] = read_text(text, TREATIES).unread
    assert (u.figure, text[u.start : u.end]) == (31, "31st")
