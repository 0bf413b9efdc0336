"""The acceptance table and objections on a database of the real saved pages (2018 XML, then 2026 HTML)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.normalise.countries import lookup_country
from pipeline.store import open_store
from pipeline.store.procedures import ACCEPTED, NOT_PARTY, acceptances, objections, read_objections

pytestmark = pytest.mark.corpus

TREATIES = ["IV-2", "IV-3", "IV-3-a", "IV-4", "IV-5", "IV-8", "IV-8-b", "IV-9", "IV-11", "IV-11-d", "IV-13",
            "IV-15", "IV-15-a", "IV-16"]  # fmt: skip
CORE = ("IV-2", "IV-3", "IV-4", "IV-8", "IV-9", "IV-11", "IV-13", "IV-15", "IV-16")

# Individual complaints accepted since (None: not accepted), per core treaty in CORE's order, written from
# the saved 2026 pages by a separate reading (a regex over the participants tables of the complaints
# protocols and over the "declarations under article" grids, not this project's parser), then checked by
# eye where the two readings differed: Brazil's CERD declaration names "article XIV" and Uruguay's CAT
# declaration "the said articles [21 and 22]", which the separate reading had missed; CMW keeps its
# article 77 declarations in its ordinary grid, read by eye: Mexico "15 September 2008 Declaration under
# article 77", Uruguay "13 April 2012 Declaration under article 77".
SAMPLE = {
    "France": ('1982-08-16', '2015-03-18', '1984-02-17', '2000-06-09', '1988-06-23', '2016-01-07', None, '2010-02-18', '2008-12-09'),
    "Germany": ('2001-08-30', '2023-04-20', '1993-08-25', '2002-01-15', '2001-10-19', '2013-02-28', None, '2009-02-24', '2009-09-24'),
    "United Kingdom": (None, None, None, '2004-12-17', None, None, None, '2009-08-07', None),
    "United States": (None, None, None, None, None, None, None, None, None),
    "China": (None, None, None, None, None, None, None, None, None),
    "Russian Federation": ('1991-10-01', None, '1991-10-01', '2004-07-28', '1991-10-01', None, None, None, None),
    "India": (None, None, None, None, None, None, None, None, None),
    "Brazil": ('2002-06-17', None, '2009-09-25', '2002-06-28', '2006-06-26', '2017-09-29', None, '2008-08-01', None),
    "South Africa": ('1998-12-10', None, '2002-08-28', '2005-10-18', '1998-12-10', None, None, '2007-11-30', None),
    "Japan": (None, None, None, None, None, None, None, None, None),
    "Mexico": ('2002-03-15', None, '2002-03-15', '2002-03-15', '2002-03-15', None, '2008-09-15', '2007-12-17', '2020-10-02'),
    "Argentina": ('2007-02-05', '2011-10-24', '1986-08-08', '2007-03-20', '1986-09-24', '2015-04-14', None, '2008-09-02', '2008-06-11'),
    "Nigeria": (None, None, None, '2004-11-22', None, None, None, '2010-09-24', None),
    "Egypt": (None, None, None, None, None, None, None, None, None),
    "Australia": ('1993-01-28', None, '1991-09-25', '2008-12-04', '1993-01-28', None, None, '2009-08-21', None),
    "Canada": (None, None, '1976-05-19', '2002-10-18', '1989-11-13', None, None, '2018-12-03', None),
    "Türkiye": (None, None, '2006-11-24', '2002-10-29', '1988-08-02', '2017-12-26', None, '2015-03-26', None),
    "Senegal": ('1982-12-03', None, '1978-02-13', '2000-05-26', '1996-10-16', None, None, None, None),
    "Uruguay": ('1972-09-11', '2013-02-05', '1970-04-01', '2001-07-26', '1988-07-27', '2015-02-23', '2012-04-13', '2011-10-28', '2009-03-04'),
    "Azerbaijan": ('2001-09-27', None, '2001-11-27', '2001-06-01', '2002-02-04', None, None, '2009-01-28', None),
}  # fmt: skip


@pytest.fixture(scope="module")
def procedures_db(tmp_path_factory: pytest.TempPathFactory, html_dir: Path, xml_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("procedures") / "p.duckdb"
    runner = CliRunner()
    xml = [str(xml_dir / f"{m}.xml") for m in TREATIES]
    html = [str(html_dir / f"{m}.html") for m in TREATIES]
    for args in (["import", *xml, "--captured", "2018-01-15"], ["import", *html]):
        result = runner.invoke(app, [*args, "--db", str(db)])
        assert result.exit_code == 0, result.output
    return db


def test_individual_complaints_of_twenty_states_match_the_hand_checked_sample(procedures_db: Path) -> None:
    with open_store(procedures_db, read_only=True) as store:
        rows = acceptances(store.con)
    got = {(r.iso3, r.core): r for r in rows if r.procedure == "individual"}
    wrong = []
    for state, expected in SAMPLE.items():
        iso3 = lookup_country(state).iso3
        for core, since in zip(CORE, expected, strict=True):
            r = got.get((iso3, core))
            mine = r.since.isoformat() if r is not None and r.accepted == ACCEPTED and r.since else None
            if mine != since:
                wrong.append((state, core, since, mine, r.basis if r else None))
    assert wrong == []


def test_as_of_a_date_counts_acceptances_from_their_dates(procedures_db: Path) -> None:
    with open_store(procedures_db, read_only=True) as store:
        now = acceptances(store.con, iso3="COL")
        before = acceptances(store.con, iso3="COL", on=date(2022, 9, 6))
    ced = {r.procedure: r for r in now if r.core == "IV-16"}
    assert (ced["individual"].accepted, ced["individual"].since) == (ACCEPTED, date(2022, 9, 7))
    assert ced["individual"].un_url.startswith("https://treaties.un.org/Pages/ViewDetails.aspx")
    assert {r.procedure: r.accepted for r in before if r.core == "IV-16"}["individual"] == "no"
    # The 2018 file lists 22 article-31 declarations; read as of its date, the 2026 page gives the same.
    with open_store(procedures_db, read_only=True) as store:
        then = acceptances(store.con, on=date(2018, 1, 15))
    assert (
        sum(r.core == "IV-16" and r.procedure == "individual" and r.accepted == ACCEPTED for r in then) == 22
    )
    assert all(r.accepted == NOT_PARTY for r in then if r.iso3 == "BGD" and r.core == "IV-16")


def test_sixteen_states_objected_to_qatars_reservations_to_cedaw(procedures_db: Path) -> None:
    with open_store(procedures_db, read_only=True) as store:
        found = objections(store.con, "IV-8", against="QAT")
    assert len(found) == 16
    assert {o.reserving_iso3 for o in found} == {"QAT"}
    assert [(o.objecting_iso3, o.objected_on) for o in found[:3]] == [
        ("SVK", date(2009, 7, 28)), ("CZE", date(2009, 11, 10)), ("ESP", date(2009, 11, 13)),
    ]  # fmt: skip
    assert all(o.objected_on is not None for o in found)


def test_an_objection_entry_is_split_by_its_dated_parts_and_names_resolved() -> None:
    text = (
        "26 October 1994 With regard to the reservations made by Maldives upon accession: “The"
        " reservation made by the Maldives is incompatible ...” 12 February 2010 With regard to the reservations"
        " made by Qatar upon accession: “The Government of Austria has examined ...” 28 January 2011 “The"
        " Government of Austria has examined the reservations made by the State of Qatar ...” 3 May 2012 Objection"
        " to the reservations made by Brunei Darussalem upon accession: ..."
    )
    found = read_objections("IV-8", "Austria", "AUT", text)
    assert [(o.reserving_iso3, o.objected_on) for o in found] == [
        ("MDV", date(1994, 10, 26)), ("QAT", date(2010, 2, 12)), ("QAT", date(2011, 1, 28)),
        ("BRN", date(2012, 5, 3)),
    ]  # fmt: skip
    nothing = read_objections("IV-8", "Austria", "AUT", "Austria objects to it.")
    assert [(o.reserving, o.reserving_iso3) for o in nothing] == [("?", None)]  # kept, not dropped


def test_cli_procedures_and_objections_in_every_format(procedures_db: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(app, ["procedures", "France", "--db", str(procedures_db)])
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0] == "France (FRA): complaint procedures on the latest snapshots"
    assert any(
        line.split()[:4] == ["CAT", "individual", "yes", "1988-06-23"] for line in table.output.splitlines()
    )
    js = runner.invoke(app, ["procedures", "France", "--format", "json", "--db", str(procedures_db)])
    records = json.loads(js.output)
    assert {r["core"] for r in records} == set(CORE) and all(r["un_url"] for r in records)
    rows = list(csv.DictReader(io.StringIO(
        runner.invoke(app, ["procedures", "--format", "csv", "--db", str(procedures_db)]).output
    )))  # fmt: skip
    assert len({r["iso3"] for r in rows}) > 190 and {r["accepted"] for r in rows} <= {
        "yes",
        "no",
        "not party",
        "unknown",
    }
    obj = runner.invoke(app, ["objections", "CEDAW", "--against", "Qatar", "--db", str(procedures_db)])
    assert obj.exit_code == 0 and obj.output.splitlines()[0] == "IV-8: 16 objections by 16 participants"
    jl = runner.invoke(
        app, ["objections", "IV-8", "--by", "Austria", "--format", "jsonl", "--db", str(procedures_db)]
    )
    assert all(json.loads(line)["objecting_iso3"] == "AUT" for line in jl.output.splitlines())
    unknown = runner.invoke(app, ["procedures", "Atlantis", "--db", str(procedures_db)])
    assert (
        unknown.exit_code == 1
        and unknown.output.startswith("error: ")
        and len(unknown.output.splitlines()) == 1
    )


def test_jsonl_and_csv_carry_the_same_records_for_every_command(procedures_db: Path) -> None:
    runner = CliRunner()
    for args in (
        ["procedures", "Mexico"],
        ["objections", "IV-8", "--against", "QAT"],
        ["reservations", "IV-4"],
    ):
        base = [*args, "--db", str(procedures_db)]
        doc = json.loads(runner.invoke(app, [*base, "--format", "json"]).output)
        lines = [json.loads(x) for x in runner.invoke(app, [*base, "--format", "jsonl"]).output.splitlines()]
        rows = list(csv.DictReader(io.StringIO(runner.invoke(app, [*base, "--format", "csv"]).output)))
        assert doc == lines and len(rows) == len(lines) > 0, args
        for row, record in zip(rows, lines, strict=True):
            assert list(row) == list(record), args
            for k, v in record.items():
                expected = "" if v is None else ("true" if v else "false") if isinstance(v, bool) else str(v)
                assert row[k] == expected, (args, k)
        assert all(r["un_url"].startswith("https://treaties.un.org/") for r in lines)


def test_diff_and_events_report_the_competence_declarations_made_between_the_snapshots(
    procedures_db: Path,
) -> None:
    """CED (IV-16): Colombia (2022), Mexico (2020) and Luxembourg (2023) declared under article 31 between
    the 2018 file and the 2026 page; the 24 declarations already in 2018 differ only in their rendering
    (XML text vs HTML) and are not reported again."""
    with open_store(procedures_db, read_only=True) as store:
        d = store.diff("IV-16")
        events = store.events(treaty="IV-16")
    found = {(c.iso3, c.after, c.effective) for c in d.changes if c.change == "competence_recognised"}
    assert ("COL", "article 31 of IV-16 (individual complaints, 2022-09-07)", date(2022, 9, 7)) in found
    assert ("MEX", "article 31 of IV-16 (individual complaints, 2020-10-02)", date(2020, 10, 2)) in found
    assert ("LUX", "article 32 of IV-16 (inter-state complaints, 2023-02-20)", date(2023, 2, 20)) in found
    assert {i for i, _, _ in found} == {"COL", "MEX", "LUX", "HRV", "FIN", "POL", "KOR", "SVN"}
    assert not [c for c in d.changes if c.change == "competence_withdrawn"]
    competence = events[events["kind"] == "competence_recognised"]
    assert set(competence["iso3"]) == {i for i, _, _ in found}
    colombia = competence[competence["iso3"] == "COL"].iloc[0]
    assert colombia["action_date"] == pd.Timestamp("2022-09-07")


def test_a_competence_change_on_hand_written_rows() -> None:
    from pipeline.store.compare import compare_participants

    before = [{"iso3": "ATL", "name": "Atlantis", "consent_date": date(2001, 1, 1), "declarations": None}]
    text = (
        "[under_article] 3 March 2005 Article 22 The Government recognizes ... on behalf of individuals ..."
    )
    after = [{**before[0], "declarations": text}]
    [c] = [
        x for x in compare_participants(before, after, mtdsg_no="IV-9") if x.change.startswith("competence")
    ]
    assert (c.change, c.after, c.effective) == (
        "competence_recognised",
        "article 22 of IV-9 (individual complaints, 2005-03-03)",
        date(2005, 3, 3),
    )
    back = compare_participants(after, before, mtdsg_no="IV-9")
    assert [x.change for x in back if x.change.startswith("competence")] == ["competence_withdrawn"]
    assert not [x for x in compare_participants(before, after) if x.change.startswith("competence")]


def test_the_site_shows_the_procedures_page_and_each_countrys_section(
    procedures_db: Path, tmp_path: Path
) -> None:
    from pipeline.report import render_site

    with open_store(procedures_db, read_only=True) as store:
        index = render_site(store, tmp_path / "site")
    page = (index.parent / "procedures.html").read_text(encoding="utf-8")
    row = next(line for line in page.splitlines() if 'href="country/FRA.html"' in line)
    cells = [c.split(">", 1)[1] for c in row.split("<td")[2:-1]]
    # CERD, ICESCR, ICCPR, CEDAW, CAT, CRC, CMW, CRPD, CED: the year individual complaints were accepted
    assert [c.split("<", 1)[0] for c in cells] == [
        "1982", "2015", "1984", "2000", "1988", "2016", "\u2013", "2010", "2008",
    ]  # fmt: skip
    assert 'href="procedures.html"' in (index.parent / "index.html").read_text(encoding="utf-8")
    france = (index.parent / "country" / "FRA.html").read_text(encoding="utf-8")
    assert 'id="country-procedures"' in france and "declaration under article 22 of IV-9" in france


def test_a_date_after_today_is_said_to_be_a_projection(procedures_db: Path) -> None:
    out = CliRunner().invoke(
        app, ["procedures", "France", "--asof", "2999-01-01", "--db", str(procedures_db)]
    )
    assert out.exit_code == 0 and out.output.splitlines()[0] == (
        "note: 2999-01-01 is after today: a projection from the latest snapshots, not a record"
    )
    now = CliRunner().invoke(app, ["procedures", "France", "--db", str(procedures_db)])
    assert not now.output.startswith("note:")
