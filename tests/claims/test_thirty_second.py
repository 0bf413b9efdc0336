"""Thirty-second pass (issue 21). One test per rule, on hand-written sentences of the shapes that dev/ took
when re-read with states named as prose names them: a typographer's apostrophe, "St" for "Saint", a space
for a hyphen, a common misspelling, a capital written for its government."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.claims import state_names
from pipeline.claims.state_names import state_spans
from tests.claims.readers import checks as _checks

CRPD = "the Convention on the Rights of Persons with Disabilities"
TPNW = "the Treaty on the Prohibition of Nuclear Weapons"


def _named(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], code) for a, b, code in state_spans(text)]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Côte d’Ivoire", "CIV"),  # a typographer's apostrophe
        ("Cote d'Ivoire", "CIV"),  # no accent
        ("St Lucia", "LCA"),  # "St" without its stop
        ("Saint Lucia", "LCA"),
        ("St Vincent and the Grenadines", "VCT"),
        ("Timor Leste", "TLS"),  # a space for the hyphen
        ("São Tomé and Príncipe", "STP"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
    ],
)
def test_a_state_is_found_as_prose_writes_its_name(written: str, code: str) -> None:
    said = f"In 2014 {written} ratified the treaty."
    assert _named(said) == [(written, code)]


def test_a_states_name_written_otherwise_dates_its_ordinal_by_its_act(eval_db: Path) -> None:
    # each ordinal is dated by the day the UN records for the named state's consent (date rule 2)
    said = f"Côte d’Ivoire became the 140th country to ratify {CRPD}.\n"
    assert _checks(eval_db, said) == [(140, "parties", "IV-15", "2014-01-10")]
    said = f"St Lucia became the 20th state to ratify {TPNW}.\n"
    assert _checks(eval_db, said) == [(20, "parties", "XXVI-9", "2019-01-23")]
    said = f"Timor Leste became the 186th state to ratify {CRPD}.\n"
    assert _checks(eval_db, said) == [(186, "parties", "IV-15", "2023-01-17")]


def test_a_common_misspelling_names_its_state_but_not_the_places_that_share_it(eval_db: Path) -> None:
    said = f"Columbia is the 100th country to ratify the United Nations {CRPD[4:]}.\n"
    assert _checks(eval_db, said) == [(100, "parties", "IV-15", "2011-05-10")]
    assert _named("The Phillipines and Luxemburg signed it.") == [
        ("Phillipines", "PHL"),
        ("Luxemburg", "LUX"),
    ]
    for place in (
        "British Columbia ratified it",
        "the District of Columbia signed",
        "a Columbia University study",
    ):
        assert _named(place) == []


def test_a_capital_written_for_its_government_is_its_state_when_it_acts(eval_db: Path) -> None:
    said = (
        "The Comprehensive Nuclear-Test-Ban Treaty Organization welcomed the news. Bangkok, which ratified the "
        "treaty in September, became the 167th state to do so.\n"
    )
    # Thailand's ratification, as the UN records it, is the day of the 167th
    assert _checks(eval_db, said) == [(167, "parties", "XXVI-4", "2018-09-25")]
    for acting in ("Tokyo on Friday signed the pact", "Canberra became the 90th", "Washington signed it"):
        assert len(_named(acting)) == 1
    # a capital as a place, or as a treaty's name, is no state
    for place in (
        "the Ottawa Convention was signed by 122 states",
        "In Vienna, states signed the treaty",
        "talks in Paris signed off on it",
        "the Bangkok Treaty was signed in 1995",
    ):
        assert _named(place) == []


def test_every_capital_of_the_table_is_a_states(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = state_names._capitals()
    assert len(rows) > 100 and {code for _, _, code in rows} >= {"THA", "JPN", "USA", "CAN"}
    bad = tmp_path / "capitals.csv"
    bad.write_text("# comment\ncapital,iso3\nAtlantis,XXX\n", encoding="utf-8")
    monkeypatch.setattr(state_names, "CAPITALS_CSV", bad)
    state_names._capitals.cache_clear()
    try:
        with pytest.raises(ValueError, match="Atlantis"):
            state_names._capitals()
    finally:
        state_names._capitals.cache_clear()


def test_a_day_without_its_year_takes_the_one_year_whose_count_that_day_is_the_figure(eval_db: Path) -> None:
    said = f"As of Sept. 25, 53 countries have signed {TPNW} and three have ratified it.\n"
    # no signature is dated 25 September in any year; the UN's counts that day were 53 and 3 in 2017 only
    assert _checks(eval_db, said) == [
        (53, "signatories", "XXVI-9", "2017-09-25"),
        (3, "parties", "XXVI-9", "2017-09-25"),
    ]
    # a weekday told is the year's too: 25 September 2017 was a Monday
    assert _checks(eval_db, said.replace("Sept. 25", "Monday, Sept. 25"))[0][3] == "2017-09-25"
    assert _checks(eval_db, said.replace("Sept. 25", "Tuesday, Sept. 25"))[0][3] is None
    # a figure no year's count bears out that day, or a sentence told of the text's own time, stays undated
    assert _checks(eval_db, said.replace("53 countries", "54 countries"))[0][3] is None
    now = f"As of now, 53 countries have signed {TPNW}, which opened on Sept. 25\n"
    assert _checks(eval_db, now)[0][3] is None


def test_a_count_whose_sentence_points_back_is_dated_by_the_act_told_before_it(eval_db: Path) -> None:
    # "This means", "With this," point back to the state's act the sentence before tells: the UN's day for it
    for pointer in ("This means that the Convention now has", "With this, the Convention now has"):
        said = f"Colombia ratified {CRPD}. {pointer} 100 States Parties.\n"
        assert _checks(eval_db, said) == [(100, "parties", "IV-15", "2011-05-10")]
    # without a pointer, a present count in a text with no date of its own is undated
    said = f"Colombia ratified {CRPD}. The Convention now has 100 States Parties.\n"
    assert _checks(eval_db, said) == [(100, "parties", "IV-15", None)]


def test_a_count_tied_to_acts_of_several_days_is_of_the_later_day_when_the_record_bears_it_out(
    eval_db: Path,
) -> None:
    said = "With recent ratifications by Ukraine and Haiti, there are now 149 States Parties to the Mine Ban Treaty.\n"
    # Ukraine's ratification of 2005-12-27, Haiti's of 2006-02-15: 149 consents on the later day
    assert _checks(eval_db, said) == [(149, "parties", "XXVI-5", "2006-02-15")]
    # a figure the record does not give that day leaves the count undated: which day, the text does not say
    assert _checks(eval_db, said.replace("149", "150")) == [(150, "parties", "XXVI-5", None)]


def test_the_whole_a_share_told_with_an_entry_into_force_is_of_that_day_too(eval_db: Path) -> None:
    said = (
        "On 1 August 2010, the Convention on Cluster Munitions entered into force being ratified by 37 of the "
        "107 signatory States.\n"
    )
    assert _checks(eval_db, said) == [
        (37, "parties", "XXVI-6", "2010-08-01"),
        (107, "signatories", "XXVI-6", "2010-08-01"),
    ]


def test_more_subjects_name_their_treaty_and_a_protocols_subject_its_protocol(eval_db: Path) -> None:
    said = "A treaty that bans holding people in secret detention was signed by 57 countries on 6 February 2007.\n"
    assert _checks(eval_db, said) == [(57, "signatories", "IV-16", "2007-02-06")]
    # a protocol's own subject: "the Optional Protocol" is that protocol, not its parent's protocol
    said = (
        "Campaigners against the use of child soldiers say 150 states have ratified the Optional Protocol.\n"
    )
    assert [c[:3] for c in _checks(eval_db, said)] == [(150, "parties", "IV-11-b")]
    # a treaty's subject and its protocol's, in one text: the treaty's
    said = "Children's rights groups say 196 states are party to the Convention; child soldiers are banned.\n"
    assert [c[:3] for c in _checks(eval_db, said)] == [(196, "parties", "IV-11")]
    # two treaties' subjects: none ("the Convention" may be either)
    said = "Landmines and cluster munitions: 164 states are party to the Convention.\n"
    assert [c[2] for c in _checks(eval_db, said)] == [None]


def test_a_bare_weekday_after_the_verb_is_of_the_texts_week(eval_db: Path) -> None:
    said = (
        "PARIS — Nearly 60 countries signed a treaty Tuesday that bans holding people in secret detention.\n"
    )
    # a text of Wednesday 7 February 2007: "Tuesday" is the day before
    assert _checks(eval_db, said, date(2007, 2, 7)) == [(60, "signatories", "IV-16", "2007-02-06")]
    # a weekday's possessive ("Tuesday's ceremony") tells no day of the count: the text's own
    said = "By Tuesday's ceremony, 57 countries had signed a treaty against secret detention.\n"
    assert _checks(eval_db, said, date(2007, 2, 7)) == [(57, "signatories", "IV-16", "2007-02-07")]


def test_a_states_move_that_brings_a_count_is_the_act_the_count_tells(eval_db: Path) -> None:
    said = "Samoa's move brings to 40 the number of states which have ratified the Arms Trade Treaty.\n"
    # a text of the day after Samoa's ratification (2014-06-03), the 40th with seven others that day
    assert _checks(eval_db, said, date(2014, 6, 4)) == [(40, "parties", "XXVI-8", "2014-06-03")]
    # a move that brings nothing tells no act
    said = "Samoa's move was welcomed; 40 states have ratified the Arms Trade Treaty.\n"
    assert _checks(eval_db, said, date(2014, 6, 4)) == [(40, "parties", "XXVI-8", "2014-06-04")]


def test_an_ambiguous_numeric_day_is_read_in_the_order_the_text_keeps(eval_db: Path) -> None:
    from pipeline.claims.dates import find_dates

    def days(text: str) -> list[str]:
        return [d.on.isoformat() for d in find_dates(text) if d.precision == "day"]

    # told plainly elsewhere in the text: "18/12/2007" is day first, so "12/06/2004" is 12 June
    assert days("Adopted 18/12/2007. Status on 12/06/2004.") == ["2007-12-18", "2004-06-12"]
    assert days("Adopted 12/18/2007. Status on 12/06/2004.") == ["2007-12-18", "2004-12-06"]
    # by its spelling: a Commonwealth "organisation", an American "Center"
    assert days("The organisation's page, as at 12/06/2004.") == ["2004-06-12"]
    assert days("Center for Nonproliferation Studies. Last Update: 09/03/2018.") == ["2018-09-03"]
    # neither, or both: unread, as before; dots are always day first
    assert days("Status on 12/06/2004.") == []
    assert days("The Center and the organisation, 12/06/2004.") == []
    assert days("Status on 12.06.2004.") == ["2004-06-12"]
    # and a count dated so is checked on that day
    said = "As at 09/03/2018, 166 States have ratified the CTBT (Center for Nonproliferation Studies).\n"
    assert _checks(eval_db, said)[0][3] == "2018-09-03"


def test_a_typing_slip_before_a_status_date_is_read_through(eval_db: Path) -> None:
    cmw = "the International Convention on the Protection of the Rights of All Migrant Workers"
    said = f"The number of states that have ratified {cmw} rose to 34 as off 2006.\n"
    assert _checks(eval_db, said) == [(34, "parties", "IV-13", "2006-12-31")]
    # "such as off the coast": no date, nothing changed
    said = f"34 States have ratified {cmw}, such as off the coast of Africa.\n"
    assert _checks(eval_db, said) == [(34, "parties", "IV-13", None)]
