"""The store's typed frames: every public frame has its declared schema, and a notebook computes at once."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pipeline.store import frames
from pipeline.vocab import EventKind, Status
from tests.store.test_store import load_both


@pytest.fixture
def both(store):
    load_both(store)
    return store


def _public_frames(store) -> dict[str, tuple[pd.DataFrame, frames.Schema]]:
    return {
        "treaties": (store.treaties(), frames.TREATIES),
        "participants": (store.participants("IV-11-c"), frames.PARTICIPANTS),
        "latest_status": (store.latest_status(), frames.LATEST_STATUS),
        "country": (store.country("BHS"), frames.COUNTRY),
        "snapshots": (store.snapshots("IV-11-c"), frames.SNAPSHOTS),
        "end_notes": (store.end_notes("IV-11-c"), frames.END_NOTES),
        "events": (store.events(), frames.EVENTS),
    }


def test_every_public_frame_has_its_declared_dtypes(both) -> None:
    for name, (df, schema) in _public_frames(both).items():
        assert len(df) > 0 or name == "end_notes", name
        got = {c: str(t) for c, t in df.dtypes.items()}
        assert got == frames.dtypes(schema), name
    matrix = both.matrix()
    assert list(matrix.columns[:2]) == ["iso3", "name"] and {str(t) for t in matrix.dtypes} == {"object"}


def test_the_declared_kinds_are_the_issue_s(both) -> None:
    t, p = both.treaties(), both.participants("IV-11-c")
    assert pd.api.types.is_datetime64_any_dtype(t["as_at"]) and t["parties"].dtype == "Int64"
    assert t["participants_listed"].dtype == "boolean"
    assert pd.api.types.is_datetime64_any_dtype(p["consent_date"]) and p["withdrawn"].dtype == "boolean"
    status = both.latest_status()["status"]
    assert list(status.cat.categories) == [s.value for s in Status]
    assert list(both.events()["kind"].cat.categories) == [k.value for k in EventKind]


def test_the_notebook_lines_of_the_issue_work(both) -> None:
    treaties = both.treaties()
    assert list(treaties.as_at.dt.year) == [2026]
    assert treaties.nlargest(5, "parties")["mtdsg_no"].tolist() == ["IV-11-c"]
    people = both.participants("IV-11-c")
    recent = people[people.consent_date > "2020-01-01"]
    assert sorted(recent["iso3"]) == ["CHL", "FJI"]


def test_missing_values_are_typed_missing_not_none(both) -> None:
    people = both.participants("IV-11-c")
    unsigned = people[people.signature_date.isna()]
    assert len(unsigned) and all(v is pd.NaT for v in unsigned["signature_date"])
    snaps = both.snapshots("IV-11-c")
    counts = frames.typed_frame([{"n": 3}, {"n": None}], {"n": frames.COUNT})["n"]
    assert str(counts.dtype) == "Int64" and counts[1] is pd.NA and counts.sum() == 3
    assert str(snaps["counted_parties"].dtype) == "Int64"


def test_events_filter_by_treaty_country_and_date(both) -> None:
    every = both.events()
    assert set(every["kind"]) >= {"joined", "renamed"}
    mine = both.events(country="Fiji")
    assert set(mine["iso3"]) == {"FJI"} and list(mine["kind"]) == ["joined"]
    assert both.events(treaty="OPSC").equals(every[every.mtdsg_no == "IV-11-c"].reset_index(drop=True))
    late = both.events(since=date(2021, 1, 1))
    assert "FJI" in set(late["iso3"]) and "CHL" not in set(late["iso3"])  # Chile joined on 2020-03-01
    day = late["action_date"].fillna(late["first_seen"])
    assert (day >= "2021-01-01").all()
    assert (late["un_url"].str.startswith("https://treaties.un.org/")).all()


def test_a_status_outside_the_vocabulary_fails_loudly_and_consent_types_keep_stored_values() -> None:
    with pytest.raises(ValueError, match="status"):
        frames.typed_frame([{"status": "maybe"}], {"status": frames.STATUS})
    types = frames.consent_types(["zz_made_up_combination", None, "ratification"])
    assert types[0] == "acceptance" and types.count("ratification") == 1
    assert types[-1] == "zz_made_up_combination"


def test_plain_values_give_writers_dates_ints_and_none(both) -> None:
    plain = frames.plain_values(both.participants("IV-11-c"))
    row = plain.set_index("iso3").loc["FJI"]
    assert row["consent_date"] == date(2021, 3, 9) and row["signature_date"] is None
    assert row["withdrawn"] is False and row["consent_type"] == "ratification"
    snap = frames.plain_values(both.snapshots("IV-11-c")).iloc[0]
    assert type(snap["snapshot_id"]) is int and snap["as_at"].year == 2018
