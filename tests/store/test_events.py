"""Change events from consecutive snapshots: kinds, action dates, the baseline, what is not news."""

from __future__ import annotations

from datetime import date, datetime

from pipeline.mtdsg import status_page_url
from pipeline.store import open_store
from pipeline.store.events import (
    EVENT_COLUMNS,
    FIRST_SNAPSHOT,
    all_events,
    event_kind,
    events_frame,
    participation_history,
    snapshot_provenance,
    treaty_events,
)
from pipeline.store.model import Change
from tests.store.helpers import person, rat, resolver, sig, status, v2018
from tests.store.test_store import CAPTURED, load_both
from tests.store_import import import_status


def test_events_of_two_snapshots(store):
    load_both(store)
    events = treaty_events(store, "IV-11-c")
    baseline, *news = events
    assert baseline.kind == FIRST_SNAPSHOT and baseline.iso3 is None
    assert baseline.first_seen == datetime(2018, 1, 15) and "4 parties, 3 signatories" in (
        baseline.after or ""
    )
    got = {(e.iso3, e.kind, e.action_date) for e in news}
    # Turkey's footnote marker is not news; Jamaica's denunciation is dated from its end note.
    assert got == {
        ("BHS", "renamed", None),
        ("TUR", "renamed", None),
        ("CHL", "joined", date(2020, 3, 1)),
        ("FJI", "joined", date(2021, 3, 9)),
        ("JAM", "withdrew", date(2023, 6, 1)),
    }
    for e in news:
        assert e.first_seen == datetime(2026, 2, 3, 10, 16, 18)
        assert e.previous_snapshot_id == baseline.snapshot_id and e.snapshot_id != baseline.snapshot_id
        # The snapshots came from saved files: the UN's own page is what a reader cites.
        assert e.source_url == status_page_url("IV-11-c")


def test_only_the_new_snapshots_events(store):
    load_both(store)
    newest = int(store.snapshots("IV-11-c")["snapshot_id"].iloc[-1])
    events = treaty_events(store, "IV-11-c", snapshot_ids=[newest])
    assert len(events) == 5 and FIRST_SNAPSHOT not in {e.kind for e in events}


def test_a_vanished_row_is_removed_without_notice(store):
    import_status(store, v2018(), source="a", raw_sha256="a" * 64, captured_at=CAPTURED)
    later = status(
        (
            person("Albania", 1, consent=rat(2008, 2, 5, code="a")),
            person("Bahamas", 2, consent=rat(2015, 9, 28, code="a")),
            person("Chile", 3, signature=sig(2000, 9, 6)),
            person("Turkey", 4, signature=sig(2000, 9, 8), consent=rat(2002, 8, 19), has_declarations=True),
        ),
        declarations=v2018().declarations,
    )
    import_status(store, later, source="https://treaties.un.org/x", raw_sha256="c" * 64)
    [e] = treaty_events(store, "IV-11-c", baseline=False)
    assert (e.iso3, e.kind, e.before, e.after) == ("JAM", "removed_without_notice", e.before, None)
    assert e.source_url == "https://treaties.un.org/x"  # a real page is cited as read


def test_change_kinds_map_to_events():
    def c(kind: str, after: str | None = None) -> Change:
        return Change("JAM", "Jamaica", kind, "x", after)

    assert event_kind(c("withdrew", "[ratification 2002-08-26] (withdrawn)")) == "withdrew"
    assert event_kind(c("withdrew", None)) == "removed_without_notice"
    assert event_kind(c("removed_without_notice")) == "removed_without_notice"
    assert event_kind(c("footnotes_changed")) is None and event_kind(c("corrected")) is None


def test_event_ids_are_stable_and_the_frame_has_the_columns(store, tmp_path):
    load_both(store)
    events = all_events(store)
    df = events_frame(events)
    assert list(df.columns) == EVENT_COLUMNS and len(df) == 6
    assert df["event_id"].is_unique
    with open_store(tmp_path / "other.duckdb", resolver=resolver) as other:
        load_both(other)
        assert [e.event_id for e in all_events(other)] == [e.event_id for e in events]
    # newest first
    assert events[-1].kind == FIRST_SNAPSHOT


def test_history_and_provenance_tables(store):
    load_both(store)
    hist = participation_history(store)
    jam = hist[hist["iso3"] == "JAM"].reset_index(drop=True)
    assert len(jam) == 2
    assert jam.loc[0, "valid_from"] == datetime(2018, 1, 15) and jam.loc[0, "valid_to"] == datetime(
        2026, 2, 3, 10, 16, 18
    )
    assert jam.loc[1, "valid_to"] is None and bool(jam.loc[1, "consent_withdrawn"]) is True
    prov = snapshot_provenance(store)
    assert list(prov["raw_sha256"]) == ["a" * 64, "b" * 64]
    assert set(prov["citable_url"]) == {status_page_url("IV-11-c")}
