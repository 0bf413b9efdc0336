"""Figures the grammar left unread, read by the record (pipeline/claims/record_reading.py), on the real pages of
the Convention on the Rights of the Child and its protocols (tests/claims/conftest.py's real_db): on
2015-12-31 the Convention had 196 parties; its protocol on children in armed conflict 14 signatories that
were not yet parties."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from pipeline.claims.check import check_text
from pipeline.cli import app
from pipeline.store import open_store

CRC = "the Convention on the Rights of the Child"
OPAC = "the Optional Protocol on the involvement of children in armed conflict"


def _report(db: Path, text: str, written_on: date | None = None):
    with open_store(db, read_only=True) as store:
        return check_text(text, store, name="t.txt", written_on=written_on)


def test_a_figure_set_aside_that_the_record_bears_out_on_its_date_is_read(real_db: Path) -> None:
    report = _report(real_db, f"By the end of 2015 {CRC} counted 196 States among its members.")
    [c] = report.checks
    assert (c.claim.figure, c.claim.measure, c.mtdsg_no, c.claim.claimed_on) == (
        196,
        "parties",
        "IV-11",
        date(2015, 12, 31),
    )
    assert c.claim.source == "record" and c.verdict == "correct and current"
    assert c.notes[0] == (
        "read by the record: the words around 196 were not read as a count (frame not understood); it is the "
        "UN's figure of parties on 2015-12-31"
    )
    assert report.unread == ()


def test_a_figure_the_record_does_not_bear_out_stays_unread_with_its_reason(real_db: Path) -> None:
    text = f"By the end of 2015 {CRC} counted 150 States among the parties that had reported on time."
    report = _report(real_db, text)
    assert report.checks == ()
    assert [(u.figure, u.reason) for u in report.unread] == [(150, "subset")]


def test_an_undated_figure_is_never_read_by_the_record(real_db: Path) -> None:
    # 196 is also today's count: with no date to tie it to, that is no evidence.
    report = _report(real_db, f"{CRC} counts 196 States among the parties that have reported on time.")
    assert report.checks == ()
    assert [(u.figure, u.reason) for u in report.unread] == [(196, "subset")]


def test_signatories_not_yet_parties_only_where_the_sentence_says_what_is_not_done(real_db: Path) -> None:
    text = f"By the end of 2015 {OPAC} still waited on 14 of those that had put their names to it without ratifying."
    [c] = _report(real_db, text).checks
    assert (c.claim.measure, c.mtdsg_no, c.claim.source) == ("signed_not_party", "IV-11-b", "record")
    assert c.notes[0].endswith("it is the UN's figure of signatories not yet parties on 2015-12-31")
    text = f"By the end of 2015 {OPAC} still waited on 14 of those that had put their names to it."
    report = _report(real_db, text)
    assert report.checks == () and [u.figure for u in report.unread] == [14]


def test_the_json_report_says_the_record_read_the_figure(real_db: Path, tmp_path: Path) -> None:
    src = tmp_path / "t.txt"
    src.write_text(f"By the end of 2015 {CRC} counted 196 States among its members.", encoding="utf-8")
    result = CliRunner().invoke(app, ["check-claims", str(src), "--db", str(real_db), "-f", "json"])
    assert result.exit_code == 0, result.output
    [claim] = json.loads(result.output)["claims"]
    assert claim["read_from"] == "record" and claim["notes"][0].startswith("read by the record")
    assert json.loads(result.output)["unread"] == []


def test_a_count_of_states_in_a_sentence_that_names_no_treaty_is_read_in_a_text_that_names_one(
    real_db: Path,
) -> None:
    text = f"{OPAC[0].upper()}{OPAC[1:]} sets 18 as the minimum age. By the end of 2015, 162 countries had taken that step."
    [c] = _report(real_db, text).checks
    assert (c.claim.figure, c.mtdsg_no, c.claim.source) == (162, "IV-11-b", "record")
    assert "(no treaty word in its sentence)" in c.notes[0]
    # Not in a text that names no treaty, and not a figure the record does not bear out.
    assert _report(real_db, "By the end of 2015, 162 countries had taken that step.").checks == ()
    assert _report(real_db, text.replace("162", "150")).checks == ()


def test_a_number_in_a_sentence_of_entry_into_force_is_read_as_the_threshold_the_record_shows(
    real_db: Path,
) -> None:
    # The Convention entered into force on 2 September 1990, 30 days after its 20th consent (3 August 1990,
    # with the 21st and 22nd the same day).
    text = f"{CRC[0].upper()}{CRC[1:]} came into force in 1990, twenty countries having taken that step."
    [c] = _report(real_db, text).checks
    assert (c.claim.figure, c.claim.kind, c.claim.source, c.verdict) == (
        20,
        "threshold",
        "record",
        "threshold right",
    )
    assert c.notes[0].endswith("it is the number of consents that brought the treaty into force")
    # A number the record does not show bringing it into force stays unread; so does one in a sentence that
    # does not tell of the entry into force.
    assert _report(real_db, text.replace("twenty", "25")).checks == ()
    assert (
        _report(real_db, f"{CRC[0].upper()}{CRC[1:]}: twenty countries having taken that step.").checks == ()
    )


def test_a_number_of_votes_or_members_is_never_read_by_the_record(real_db: Path) -> None:
    # 196 is the Convention's count at the end of 2015; as votes or members of a body it is no count of it.
    for told in ("196 affirmative votes", "196 independent experts"):
        report = _report(real_db, f"By the end of 2015 {CRC} was backed by {told}.")
        assert report.checks == (), told
    report = _report(real_db, f"By the end of 2015 {CRC} counted 196 member states.")
    assert [c.claim.figure for c in report.checks] == [196]
