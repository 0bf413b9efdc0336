"""Known events: cited treaty actions the status pages do not show, applied by asof and diff."""

from __future__ import annotations

import io
from datetime import date

import pytest

from pipeline.store import history, open_store
from pipeline.store.known import COLUMNS, known_events, load_known_events, read_known_events
from pipeline.store.model import StoreError
from tests.store.second_ring import build

HEADER = ",".join(COLUMNS) + "\n"
CTBT_PAGE = "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-4&chapter=26&clang=_en"


def test_the_shipped_table_reads_and_cites_the_un():
    rows = load_known_events()
    assert rows, "the curated table is empty"
    for e in rows:
        assert e.source.startswith("https://treaties.un.org/")
        assert e.action_date is None or e.action_date <= e.effective
    (ctbt,) = known_events("XXVI-4")
    assert (ctbt.iso3, ctbt.role, ctbt.ends, ctbt.effective) == ("RUS", "consent", True, date(2023, 11, 2))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("XXVI 4,RUS,R,consent,revocation,ends,2023-11-02,,https://treaties.un.org/x,", "XXVI 4"),
        ("XXVI-4,Rus,R,consent,revocation,ends,2023-11-02,,https://treaties.un.org/x,", "iso3 'Rus'"),
        ("XXVI-4,RUS,R,party,revocation,ends,2023-11-02,,https://treaties.un.org/x,", "role 'party'"),
        ("XXVI-4,RUS,R,consent,revocation,stops,2023-11-02,,https://treaties.un.org/x,", "effect 'stops'"),
        ("XXVI-4,RUS,R,consent,revocation,ends,2 Nov 2023,,https://treaties.un.org/x,", "not a date"),
        ("XXVI-4,RUS,R,consent,revocation,ends,2023-11-02,,https://example.org/x,", "treaties.un.org"),
        ("XXVI-4,RUS,R,consent,revocation,ends,2023-11-02,2024-01-01,https://treaties.un.org/x,", "after"),
    ],
)
def test_a_bad_row_is_refused_naming_the_line(row, message):
    with pytest.raises(StoreError, match="line 2") as err:
        read_known_events(io.StringIO(HEADER + row + "\n"), "t.csv")
    assert message in str(err.value)


@pytest.mark.corpus
def test_ctbt_2024_is_178_with_the_revocation_cited(tmp_path, xml_dir, html_dir):
    db = build(tmp_path / "k.duckdb", ["XXVI-4"], xml_dir, html_dir)
    with open_store(db, read_only=True) as s:
        a = s.asof("XXVI-4", date(2024, 11, 30))
        before = s.asof("XXVI-4", date(2023, 11, 1))
        on_the_day = s.asof("XXVI-4", date(2023, 11, 2))
        without = history.asof(s, "XXVI-4", date(2024, 11, 30), events=())
        d = s.diff("XXVI-4")
    assert a.parties == 178 and a.parties_range == (178, 178) and a.uncertain == ()
    assert [(e.iso3, e.effective) for e in a.known_events] == [("RUS", date(2023, 11, 2))]
    assert "Russian Federation's revocation of ratification effective 2023-11-02" in a.basis
    assert CTBT_PAGE in a.basis
    assert on_the_day.parties == before.parties - 1  # effective on its day
    assert without.parties == 179  # the table is what makes the difference
    assert [e.iso3 for e in d.known_events] == ["RUS"]
    rus = [c for c in d.changes if c.iso3 == "RUS"]
    assert [(c.change, c.effective, c.rule) for c in rus] == [
        ("withdrew", date(2023, 11, 2), f"known event: {CTBT_PAGE}")
    ]


@pytest.mark.corpus
def test_from_the_2026_page_alone_the_event_restores_the_ratification_before_it(tmp_path, html_dir):
    db = build(tmp_path / "k.duckdb", ["XXVI-4"], tmp_path, html_dir)  # no 2018 file in tmp_path
    with open_store(db, read_only=True) as s:
        with_event = s.asof("XXVI-4", date(2018, 1, 15))
        without = history.asof(s, "XXVI-4", date(2018, 1, 15), events=())
    # The 2018 file declared 166 parties; the 2026 page alone gives 165, the cited event adds Russia back.
    assert (with_event.parties, without.parties) == (166, 165)
    assert [e.iso3 for e in with_event.known_events] == ["RUS"]


@pytest.mark.corpus
def test_the_change_events_tell_the_cited_revocation(tmp_path, xml_dir, html_dir):
    from pipeline.store.events import REMOVED_WITHOUT_NOTICE, WITHDREW, treaty_events

    db = build(tmp_path / "k.duckdb", ["XXVI-4"], xml_dir, html_dir)
    with open_store(db, read_only=True) as s:
        rus = [e for e in treaty_events(s, "XXVI-4") if e.iso3 == "RUS"]
    assert [(e.kind, e.action_date, e.source_url) for e in rus] == [(WITHDREW, date(2023, 11, 2), CTBT_PAGE)]
    assert REMOVED_WITHOUT_NOTICE not in {e.kind for e in rus}
    assert rus[0].headline() == "Russian Federation withdrew from XXVI-4 (2023-11-02)"
