"""Fifth pass (issue 21): dating by the record (pipeline/claims/anchors.py). Hand-written sentences on the
made-up Convention on the Protection of Lighthouse Keepers, checked against the small store of
tests/claims/conftest.py: Japan acceded on 2022-07-07, Peru signed on 2021-11-11, France and Germany
signed on 2001-01-10 (the first signatures), the Holy See acceded on 2008-01-01, Chile only signed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from pipeline.claims.check import check_text
from pipeline.claims.render import render_text
from pipeline.cli import app
from pipeline.store import open_store
from tests.claims.conftest import KEEPERS


def _checks(db: Path, text: str, written_on: date | None = None):
    with open_store(db, read_only=True) as store:
        return check_text(text, store, name="t.txt", written_on=written_on)


def _dates(db: Path, text: str, written_on: date | None = None) -> list[tuple[int, date | None]]:
    return [(c.claim.figure, c.claim.claimed_on) for c in _checks(db, text, written_on).checks]


def test_an_undated_count_takes_the_day_of_the_act_its_sentence_names(keepers_db: Path) -> None:
    text = f"Japan's accession brings the number of parties to the {KEEPERS} to 5."
    report = _checks(keepers_db, text)
    [c] = report.checks
    assert c.claim.claimed_on == date(2022, 7, 7)
    assert c.claim.date_text == "dated by Japan's accession, 2022-07-07"
    assert "dated by Japan's accession, 2022-07-07" in render_text(report)
    text = f"With the accession of Japan, 5 States are now parties to the {KEEPERS}."
    assert _dates(keepers_db, text) == [(5, date(2022, 7, 7))]


def test_a_count_of_signatories_takes_the_signature_day(keepers_db: Path) -> None:
    text = f"Peru's signature brings the number of signatories of the {KEEPERS} to 4."
    assert _dates(keepers_db, text) == [(4, date(2021, 11, 11))]
    # Peru has not joined: a count of parties is not dated by its signature.
    text = f"With the signature of Peru, the {KEEPERS} has 5 parties."
    assert _dates(keepers_db, text) == [(5, None)]


def test_several_states_acting_on_one_day_date_the_count_to_that_day(keepers_db: Path) -> None:
    text = f"France and Germany signed the {KEEPERS}, bringing the number of signatories to 3."
    assert _dates(keepers_db, text) == [(3, date(2001, 1, 10))]
    text = f"The signatures of France and Germany brought the number of signatories of the {KEEPERS} to 3."
    [c] = _checks(keepers_db, text).checks
    assert c.claim.date_text == "dated by France and Germany's signatures, 2001-01-10"
    # Acts of different days (2008, 2022): the last of them when the record's count that day is the total
    # told (running_totals.py; eval conventions, date rule 2), else undated.
    text = f"The Holy See and Japan acceded to the {KEEPERS}, bringing the number of parties to 5."
    assert _dates(keepers_db, text) == [(5, date(2022, 7, 7))]
    text = f"The Holy See and Japan acceded to the {KEEPERS}, bringing the number of parties to 6."
    assert _dates(keepers_db, text) == [(6, None)]


def test_this_brings_points_back_to_the_act_told_just_before(keepers_db: Path) -> None:
    text = f"Japan acceded to the {KEEPERS}. This brings the number of parties to 5."
    assert _dates(keepers_db, text) == [(5, date(2022, 7, 7))]
    # The text tells the act's day without its year: the record dates it only when its day is the one told
    # (Japan's accession is of Thursday 7 July 2022), and so gives the year.
    text = f"Japan acceded to the {KEEPERS} at a ceremony on 7 July. This brings the number of parties to 5."
    assert _dates(keepers_db, text) == [(5, date(2022, 7, 7))]
    text = f"Japan acceded to the {KEEPERS} on Thursday. This brings the number of parties to 5."
    assert _dates(keepers_db, text) == [(5, date(2022, 7, 7))]
    for told in ("on 9 July", "on Monday"):  # no year told: the record's day (within a month of the day told)
        text = f"Japan acceded to the {KEEPERS} {told}. This brings the number of parties to 5."
        assert _dates(keepers_db, text) == [(5, date(2022, 7, 7))], told
    text = f"Japan acceded to the {KEEPERS} on 9 October. This brings the number of parties to 5."
    assert _dates(keepers_db, text) == [(5, None)]
    # "today" in a text with no date of its own tells no year: the record's day of the act dates it (eval
    # README, "Conventions", date rule 2); in a dated text "today" is the text's day.
    text = f"Japan acceded to the {KEEPERS} today. This brings the number of parties to 5."
    assert _dates(keepers_db, text) == [(5, date(2022, 7, 7))]
    assert _dates(keepers_db, text, date(2022, 7, 9)) == [(5, date(2022, 7, 9))]
    # Without the pointer, a sentence that names no act is not dated by the one before.
    text = f"Japan acceded to the {KEEPERS}. The Convention has 5 parties."
    assert _dates(keepers_db, text) == [(5, None)]


def test_a_text_with_its_own_date_keeps_it(keepers_db: Path) -> None:
    text = f"With the accession of Japan, 5 States are now parties to the {KEEPERS}."
    assert _dates(keepers_db, text, date(2023, 1, 1)) == [(5, date(2023, 1, 1))]


def test_an_act_the_record_lacks_or_denied_dates_nothing(keepers_db: Path) -> None:
    no_consent = f"Chile's ratification brings the number of parties to the {KEEPERS} to 5."
    assert _dates(keepers_db, no_consent) == [(5, None)]
    denied = f"Japan has not yet acceded to the {KEEPERS}, which has 5 parties."
    assert _dates(keepers_db, denied) == [(5, None)]
    # States that acted on different days: the later day, only when the record's count then is the figure
    # (eval Conventions, date rule 2: "the UN's day for the later one"; thirty-second pass)
    two_states = f"After the Holy See acceded and Japan acceded, 5 States were parties to the {KEEPERS}."
    assert _dates(keepers_db, two_states) == [(5, date(2022, 7, 7))]
    assert _dates(keepers_db, two_states.replace("5 States", "6 States")) == [(6, None)]


def test_a_day_the_sentence_tells_without_its_year_is_the_records_day_of_the_act(keepers_db: Path) -> None:
    # A text with no date of its own: the day told without a year is the UN's day of the act (eval README,
    # "Conventions", date rule 2) when it is within a month of it; further off, it is another act.
    text = f"Japan's accession on Monday brings the number of parties to the {KEEPERS} to 5."
    assert _dates(keepers_db, text) == [(5, date(2022, 7, 7))]
    text = f"Japan's accession on 9 July brings the number of parties to the {KEEPERS} to 5."
    assert _dates(keepers_db, text) == [(5, date(2022, 7, 7))]
    text = f"Japan's accession on 9 October brings the number of parties to the {KEEPERS} to 5."
    assert _dates(keepers_db, text) == [(5, None)]


def test_the_latest_state_to_act_dates_the_undated_counts_of_the_text(keepers_db: Path) -> None:
    text = f"The {KEEPERS} has 5 parties.\n\nJapan is the latest state to have acceded to the Convention."
    assert _dates(keepers_db, text) == [(5, date(2022, 7, 7))]
    text = f"The {KEEPERS} now has 5 parties. The latest, Japan, acceded to it in the summer."
    assert _dates(keepers_db, text) == [(5, date(2022, 7, 7))]
    # A first act told in the lead is no "latest": the text stays undated.
    text = f"Japan acceded to the {KEEPERS} long ago.\n\nThe Convention now has 5 parties."
    assert _dates(keepers_db, text) == [(5, None)]


def test_a_day_without_its_year_takes_the_year_of_the_named_act(keepers_db: Path) -> None:
    told_before = f"The Holy See acceded to the {KEEPERS} on 1 January 2008."
    text = f"{told_before} With the accession of Japan on 7 July, the Convention has 5 parties."
    assert _dates(keepers_db, text) == [(5, date(2022, 7, 7))]
    # Another day and month than the record's: the year told before stays.
    text = f"{told_before} With the accession of Japan on 9 July, the Convention has 5 parties."
    assert _dates(keepers_db, text) == [(5, date(2008, 7, 9))]


def test_signatures_of_the_opening_day_take_the_first_signature_day(keepers_db: Path) -> None:
    text = f"Two states signed the {KEEPERS} on its opening day, and more followed."
    assert _dates(keepers_db, text) == [(2, date(2001, 1, 10))]
    text = f"In a ceremony on 10 January, the {KEEPERS} was opened for signature and signed by 2 countries."
    assert _dates(keepers_db, text) == [(2, date(2001, 1, 10))]
    text = f"Two states signed the {KEEPERS} on the first day of the conference."
    assert _dates(keepers_db, text) == [(2, None)]
    # A different day told in the sentence: not the record's opening day.
    text = f"In a ceremony on 12 March, the {KEEPERS} was opened for signature and signed by 2 countries."
    assert _dates(keepers_db, text) == [(2, None)]


def test_an_ordinal_dated_by_the_record_says_which_act_dated_it(keepers_db: Path) -> None:
    [c] = _checks(keepers_db, f"Japan became the 15th State Party to the {KEEPERS}.").checks
    assert (c.claim.claimed_on, c.claim.date_text) == (
        date(2022, 7, 7),
        "dated by Japan's accession, 2022-07-07",
    )


def test_a_name_people_write_is_found_through_the_projects_aliases(keepers_db: Path) -> None:
    text = f"The Vatican's accession brought the number of parties to the {KEEPERS} to 3."
    [c] = _checks(keepers_db, text).checks
    assert (c.claim.claimed_on, c.claim.date_text) == (
        date(2008, 1, 1),
        "dated by Holy See's accession, 2008-01-01",
    )


def test_an_act_that_opens_a_span_of_time_dates_nothing(keepers_db: Path) -> None:
    text = f"Since Japan acceded to the {KEEPERS}, the number of parties has grown to 9."
    assert _dates(keepers_db, text) == [(9, None)]
    text = f"Since France and Germany signed the {KEEPERS}, the number of signatories has grown to 9."
    assert _dates(keepers_db, text) == [(9, None)]
    text = f"Japan acceded to the {KEEPERS}, and the number of parties has grown to 9."
    assert _dates(keepers_db, text) == [(9, date(2022, 7, 7))]


def test_the_command_dates_by_the_record_with_the_store_closed_while_reading(
    keepers_db: Path, tmp_path: Path
) -> None:
    # The command reads the text with the store closed and opens it again to check: the record's dates (an
    # ordinal's state, a named act) come then, not while reading (which failed: "Connection already closed").
    f = tmp_path / "note.md"
    f.write_text(
        f"Japan became the 15th State Party to the {KEEPERS}.\n\n"
        f"Peru's signature brings the number of signatories of the {KEEPERS} to 4.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check-claims", str(f), "--db", str(keepers_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    claims = json.loads(result.output)["claims"]
    assert [(c["figure"], c["claimed_on"], c["date_source"]) for c in claims] == [
        (15, "2022-07-07", "record"),
        (4, "2021-11-11", "record"),
    ]
    assert claims[1]["notes"][0] == "dated by Peru's signature, 2021-11-11"


def test_a_count_dated_by_its_text_takes_the_day_of_the_act_it_names_when_the_record_bears_it_out(
    keepers_db: Path,
) -> None:
    # Written 13 days after Japan's accession, of the count that accession made: the count is of its day.
    text = f"With the accession of Japan, 5 States are now parties to the {KEEPERS}."
    [c] = _checks(keepers_db, text, date(2022, 7, 20)).checks
    assert (c.claim.claimed_on, c.claim.date_source) == (date(2022, 7, 7), "record")
    assert c.claim.date_text == "dated by Japan's accession, 2022-07-07"
    # Not when the act is more than a month before the text, nor when the record's count that day differs.
    assert _dates(keepers_db, text, date(2022, 9, 20)) == [(5, date(2022, 9, 20))]
    text = f"With the accession of Japan, 6 States are now parties to the {KEEPERS}."
    assert _dates(keepers_db, text, date(2022, 7, 20)) == [(6, date(2022, 7, 20))]
