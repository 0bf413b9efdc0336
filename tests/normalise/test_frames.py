"""participants_frame: typed columns, schema check, and the clear errors it raises."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pandera.errors
import pytest

from pipeline.normalise.codes import UnknownParticipant
from pipeline.normalise.frames import COLUMNS, PARTICIPANTS_SCHEMA, DuplicateCode, participants_frame
from pipeline.parse.model import (
    ROLE_CONSENT,
    ROLE_SIGNATURE,
    SOURCE_HTML,
    SOURCE_XML,
    Action,
    Column,
    Participant,
    SourceRef,
    TreatyStatus,
)

EDT = timezone(timedelta(hours=-4), "EDT")
COLUMNS_OF_PAGE = (
    Column(1, "Signature", ROLE_SIGNATURE, (("", "signature"),)),
    Column(2, "Ratification, Accession(a)", ROLE_CONSENT, (("", "ratification"), ("a", "accession"))),
)


def _status(*participants: Participant, mtdsg_no: str = "IV-11-c", html: bool = True) -> TreatyStatus:
    return TreatyStatus(
        mtdsg_no=mtdsg_no,
        title="Convention on Testing",
        source_kind=SOURCE_HTML if html else SOURCE_XML,
        status_as_at=datetime(2026, 2, 3, 10, 16, 18, tzinfo=EDT) if html else None,
        columns=COLUMNS_OF_PAGE,
        participants=participants,
        source=SourceRef(location=f"saved/{mtdsg_no}.html"),
    )


BAHAMAS = Participant(
    name="Bahamas (The)",
    row=1,
    footnotes=("7", "8"),
    has_declarations=True,
    signature=Action(date(2000, 9, 7), "signature"),
    consent=Action(date(2002, 9, 19), "accession", "a"),
)
NIGER = Participant(name="Niger", row=2, signature=Action(date(2001, 1, 2), "signature", withdrawn=True))
EU = Participant(name="European Union", row=3, consent=Action(date(2010, 12, 23), "ratification"))


def test_one_typed_row_per_participant() -> None:
    frame = participants_frame([_status(BAHAMAS, NIGER, EU)])
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == 3
    dtypes = frame.dtypes.astype(str).to_dict()
    assert (
        dtypes["signature_date"] == dtypes["consent_date"] == dtypes["provisional_date"] == "datetime64[ns]"
    )
    assert dtypes["status_as_at"] == "datetime64[ns, UTC]"
    assert all(dtypes[c] == "category" for c in ("signature_type", "consent_type", "provisional_type"))
    assert dtypes["iso3"] == dtypes["mtdsg_no"] == dtypes["name"] == dtypes["footnotes"] == "string"
    assert all(dtypes[c] == "bool" for c in ("is_state", "withdrawn", "has_declarations"))

    bahamas = frame.iloc[0]
    assert (bahamas["iso3"], bahamas["is_state"]) == ("BHS", True)
    assert bahamas["consent_date"] == pd.Timestamp("2002-09-19")
    assert bahamas["consent_type"] == "accession"
    assert bahamas["footnotes"] == "7,8"
    assert bahamas["has_declarations"] and not bahamas["withdrawn"]
    # 10:16:18 EDT is 14:16:18 UTC.
    assert bahamas["status_as_at"] == pd.Timestamp("2026-02-03 14:16:18", tz="UTC")

    niger = frame.iloc[1]
    assert niger["iso3"] == "NER" and niger["withdrawn"]
    assert pd.isna(niger["consent_date"]) and pd.isna(niger["consent_type"])
    assert niger["footnotes"] == ""

    eu = frame.iloc[2]
    assert (eu["iso3"], eu["is_state"]) == ("EUU", False)
    assert list(frame["consent_type"].cat.categories) == ["accession", "ratification"]


def test_xml_pages_have_no_status_time_and_two_treaties_can_share_a_state() -> None:
    frame = participants_frame(
        [_status(BAHAMAS, mtdsg_no="IV-11-c"), _status(NIGER, mtdsg_no="IV-4", html=False)]
    )
    assert list(frame["mtdsg_no"]) == ["IV-11-c", "IV-4"]
    assert pd.isna(frame.iloc[1]["status_as_at"])


def test_renamed_participant_keeps_its_code() -> None:
    old = Participant(name="Bahamas", row=1, consent=Action(date(2002, 9, 19), "accession", "a"))
    frame = participants_frame([_status(old, html=False), _status(BAHAMAS)])
    assert list(frame["iso3"]) == ["BHS", "BHS"]
    assert list(frame["name"]) == ["Bahamas", "Bahamas (The)"]


def test_two_spellings_of_one_state_on_a_page_is_an_error() -> None:
    czechia = Participant(name="Czechia", row=4)
    czech_republic = Participant(name="Czech Republic", row=9)
    with pytest.raises(DuplicateCode, match=r"IV-11-c .*'Czechia' and 'Czech Republic' \(row 9\).*CZE"):
        participants_frame([_status(czechia, czech_republic)])


def test_unknown_name_names_the_page() -> None:
    with pytest.raises(UnknownParticipant, match=r"'Ruritania' on page IV-11-c \(saved/IV-11-c.html\)"):
        participants_frame([_status(Participant(name="Ruritania", row=1))])


def test_empty_input_gives_an_empty_valid_frame() -> None:
    frame = participants_frame([])
    assert frame.empty and list(frame.columns) == list(COLUMNS)


def test_schema_rejects_bad_frames() -> None:
    good = participants_frame([_status(BAHAMAS, NIGER)])
    bad_code = good.copy()
    bad_code.loc[0, "iso3"] = "bhs"
    with pytest.raises(pandera.errors.SchemaError):
        PARTICIPANTS_SCHEMA.validate(bad_code)

    type_without_date = good.copy()
    type_without_date.loc[0, "consent_date"] = pd.NaT
    with pytest.raises(pandera.errors.SchemaError, match="type without a date"):
        PARTICIPANTS_SCHEMA.validate(type_without_date)

    duplicated = pd.concat([good, good.iloc[[0]]], ignore_index=True)
    with pytest.raises(pandera.errors.SchemaError):
        PARTICIPANTS_SCHEMA.validate(duplicated)

    extra = good.assign(note="x")
    with pytest.raises(
        (pandera.errors.SchemaError, pandera.errors.SchemaErrors), match="not in DataFrameSchema"
    ):
        PARTICIPANTS_SCHEMA.validate(extra)

    too_early = good.copy()
    too_early.loc[0, "signature_date"] = pd.Timestamp("1900-01-01")
    with pytest.raises(pandera.errors.SchemaError):
        PARTICIPANTS_SCHEMA.validate(too_early)
