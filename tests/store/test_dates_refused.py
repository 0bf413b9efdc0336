"""Dates that cannot be: refused in one line with a non-zero exit and nothing stored, or explained."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.store import open_store
from pipeline.store.dates import check_not_future
from pipeline.store.model import StoreError
from tests.store.second_ring import build

runner = CliRunner()


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def one_error_line(result) -> str:
    assert result.exit_code != 0
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def snapshot_count(path: Path) -> int:
    if not path.exists():
        return 0
    with duckdb.connect(str(path), read_only=True) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        return con.execute("SELECT count(*) FROM snapshots").fetchone()[0] if "snapshots" in tables else 0


@pytest.fixture(scope="module")
def db(tmp_path_factory, xml_dir, html_dir):
    return build(tmp_path_factory.mktemp("dates") / "d.duckdb", ["IV-11-c", "V-2"], xml_dir, html_dir)


@pytest.mark.corpus
def test_a_capture_date_before_the_pages_latest_action_is_refused(tmp_path, xml_dir):
    path = tmp_path / "t.duckdb"
    r = run("import", xml_dir / "IV-11-c.xml", "--captured", "1990-01-01", "--db", path)
    assert r.exit_code != 0
    failed = [x for x in r.output.splitlines() if x.startswith("failed")]
    assert (
        len(failed) == 1 and "capture date 1990-01-01 is earlier than the page's latest action" in failed[0]
    )
    assert "2017-12-29" in failed[0] and "Traceback" not in r.output
    assert snapshot_count(path) == 0
    # The day the file was saved is accepted.
    assert run("import", xml_dir / "IV-11-c.xml", "--captured", "2018-01-15", "--db", path).exit_code == 0
    assert snapshot_count(path) == 1


@pytest.mark.corpus
def test_asof_before_adoption_says_the_treaty_did_not_exist(db):
    r = run("asof", "IV-11-c", "1990-01-01", "--db", db)
    assert r.exit_code == 0
    assert "0 parties" in r.output and "before the treaty's adoption on 2000-05-25" in r.output
    with open_store(db, read_only=True) as s:
        listed = s.asof("IV-11-c", date(1990, 1, 1))
        header_only = s.asof("V-2", date(1950, 1, 1))  # participants not listed: no longer an error
    assert (listed.parties, listed.signatories) == (0, 0)
    assert header_only.parties == 0 and "1951-07-28" in header_only.caveats[0]


@pytest.mark.corpus
def test_asof_after_today_says_it_is_a_projection(db):
    with open_store(db, read_only=True) as s:
        future = s.asof("IV-11-c", date(2030, 1, 1), today=date(2026, 12, 4))
        past = s.asof("IV-11-c", date(2026, 3, 1), today=date(2026, 12, 4))
    assert future.caveats == (
        "a projection: 2030-01-01 is after today (2026-12-04); later actions are unknown",
    )
    assert past.caveats == ()
    r = run("asof", "IV-11-c", "2999-01-01", "--db", db)
    assert r.exit_code == 0 and "note: a projection: 2999-01-01 is after today" in r.output


@pytest.mark.corpus
def test_diff_from_later_than_to_is_refused_with_a_hint(db):
    line = one_error_line(run("diff", "IV-11-c", "--from", "2026-02-03", "--to", "2018-01-15", "--db", db))
    assert "--from 2026-02-03 is later than --to 2018-01-15" in line
    assert "did you mean --from 2018-01-15 --to 2026-02-03?" in line
    ok = run("diff", "IV-11-c", "--from", "2018-01-15", "--to", "2026-02-03", "--db", db)
    assert ok.exit_code == 0 and "parties 174 -> 178" in ok.output


def test_a_future_written_on_is_refused_by_the_helper():
    with pytest.raises(
        StoreError, match=r"^--written-on 2031-01-01 is in the future \(today is 2026-12-04\)$"
    ):
        check_not_future(date(2031, 1, 1), "--written-on", today=date(2026, 12, 4))
    check_not_future(date(2026, 12, 4), "--written-on", today=date(2026, 12, 4))  # today itself is fine
