"""Ninth pass (issue 21). One test per rule, on hand-written sentences."""

from __future__ import annotations

from pipeline.claims.model import REASON_NOT_UNDERSTOOD
from tests.claims.test_reading import _unread


def test_every_verb_of_consent_makes_a_sentence_about_a_treaty() -> None:
    # "accepted", "approval", "adhered", "members": ways of joining the lexicon knows; a number beside them
    # that no frame reads is listed, never dropped in silence.
    for text in (
        "In less than four years, over 150 nations accepted these standards for children.",
        "Some 150 nations adhered to the text within a decade of its adoption.",
        "The body now counts 150 members from every region.",
    ):
        assert _unread(text) == [(150, REASON_NOT_UNDERSTOOD)], text
    assert _unread("In less than four years, over 150 nations built new schools.") == []


def test_a_label_word_ending_a_sentence_does_not_hide_the_next_number() -> None:
    # "protocol. Thirty": the full stop ends the sentence; "Protocol 2" and "Art. 5" stay labels.
    text = "Spain has ratified the protocol. Thirty other countries are expected to sign it, the UN says."
    assert [f for f, _ in _unread(text)] == [30]
    assert _unread("Art. 5 of the Convention binds the parties to report.") == []


def test_an_ordinal_without_a_noun_after_becoming_the_nth() -> None:
    from pipeline.claims.loose_ordinals import loose_ordinals
    from pipeline.claims.measures import MEASURE_PARTIES, MEASURE_SIGNATORIES
    from pipeline.claims.sentences import Spans, split_sentences

    def read(text: str) -> list[tuple[int, str]]:
        return [(f, m) for f, m, *_ in loose_ordinals(text, Spans(split_sentences(text)), ())]

    assert read("Germany was due to sign the treaty shortly, making it the 63rd.") == [
        (63, MEASURE_SIGNATORIES)
    ]
    assert read("Armenia becomes the 47th to ratify the Protocol!") == [(47, MEASURE_PARTIES)]
    assert read("Chile ratified the treaty, becoming the 35th to do so.") == [(35, MEASURE_PARTIES)]
    assert read("The treaty was signed on the 3rd of May, making it the 2nd anniversary.") == []


def test_yesterday_in_a_text_without_a_date_leaves_the_day_to_the_record(keepers_db) -> None:
    from datetime import date

    from pipeline.claims.check import check_text
    from pipeline.store import open_store
    from tests.claims.conftest import KEEPERS

    text = f"Japan acceded to the {KEEPERS} yesterday. This brings the number of parties to 5."
    with open_store(keepers_db, read_only=True) as store:
        undated = check_text(text, store, name="t.txt").checks
    assert [(c.claim.figure, c.claim.claimed_on) for c in undated] == [(5, date(2022, 7, 7))]
    assert undated[0].claim.date_text == "dated by Japan's accession, 2022-07-07"


def test_a_protocol_numbered_in_roman_figures_is_that_protocol_not_its_parent() -> None:
    from pipeline.claims.extract import extract_claims
    from pipeline.claims.treaties import TitleIndex, TreatyName

    weapons = "Convention on Certain Weapons which may be deemed to be Excessively Injurious"
    index = TitleIndex(
        [
            TreatyName("XXVI-90", f"{weapons} (with Protocols I, II and III)", ("CCW",)),
            TreatyName(
                "XXVI-90-a",
                f"Additional Protocol to the {weapons} (Protocol IV, entitled Protocol on Lasers)",
            ),
            TreatyName(
                "XXVI-90-b",
                f"Protocol on Mines as amended on 3 May 1996 (Protocol II, as amended on 3 May 1996) annexed to the {weapons}",
            ),
            TreatyName("XXVI-90-d", f"Protocol on Explosive Remnants of War to the {weapons} (Protocol V)"),
        ]
    )

    def treaty(text: str) -> list[str | None]:
        return [c.mtdsg_no for c in extract_claims(text, index)]

    assert treaty("Amended Protocol II of the CCW has 106 parties.") == ["XXVI-90-b"]
    assert treaty("Protocol II, as amended, of the CCW has 106 parties.") == ["XXVI-90-b"]
    assert treaty("Protocol IV to the CCW has 100 parties.") == ["XXVI-90-a"]
    assert treaty("The CCW's Protocol V has 98 parties.") == ["XXVI-90-d"]
    assert treaty(f"Protocol V on Explosive Remnants of War to the {weapons} has 98 parties.") == [
        "XXVI-90-d"
    ]
    # the original Protocol II is part of the Convention itself, and the Convention is itself
    assert treaty("Protocol II of the CCW has 106 parties.") == ["XXVI-90"]
    assert treaty("The CCW has 126 parties.") == ["XXVI-90"]


def test_high_contracting_parties_are_parties() -> None:
    from pipeline.claims.frames import read_counts
    from pipeline.claims.measures import MEASURE_PARTIES

    text = "The Protocol has 98 High Contracting Parties."
    assert [(c.figure, c.measure) for c in read_counts(text)[0]] == [(98, MEASURE_PARTIES)]


def test_an_ordinal_beside_the_one_state_its_sentence_names_is_of_that_states_act(keepers_db) -> None:
    from datetime import date

    from pipeline.claims.check import check_text
    from pipeline.store import open_store
    from tests.claims.conftest import KEEPERS

    def dates(text: str, written_on: date | None = None) -> list[tuple[int, date | None]]:
        with open_store(keepers_db, read_only=True) as store:
            checks = check_text(text, store, name="t.txt", written_on=written_on).checks
        return [(c.claim.figure, c.claim.claimed_on) for c in checks]

    # A text with no date of its own (date rule 2): no "became" needed, the apposition tells the act, even
    # when the text has the order wrong (Japan's accession was the 5th consent).
    text = f"Japan was one of the first countries to welcome the {KEEPERS}, the 16th country to ratify it."
    assert dates(text) == [(16, date(2022, 7, 7))]
    text = f"A letter stressed the step taken by Japan, the 16th state party to the {KEEPERS} worldwide."
    assert dates(text) == [(16, date(2022, 7, 7))]
    # Two states named: which one's act is not told.
    text = f"Japan and Germany welcomed the step, the 16th state party to the {KEEPERS} worldwide."
    assert dates(text) == [(16, None)]


def test_a_running_total_takes_the_day_of_the_acts_told_around_it() -> None:
    from datetime import date
    from typing import Any

    import pandas as pd

    from pipeline.claims.extract import TitleIndex, TreatyName, extract_claims
    from pipeline.claims.running_totals import running_totals
    from tests.claims.conftest import KEEPERS, KEEPERS_NO

    class Record:
        def participants(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame:
            rows: list[dict[str, Any]] = [
                # Ghana signed long ago and ratified on 2 May 2024; Togo signed on 2 May 2024 and ratified later
                {
                    "iso3": "GHA",
                    "name": "Ghana",
                    "signature_date": date(2017, 9, 20),
                    "consent_date": date(2024, 5, 2),
                },
                {
                    "iso3": "TGO",
                    "name": "Togo",
                    "signature_date": date(2024, 5, 2),
                    "consent_date": date(2025, 3, 3),
                },
                {"iso3": "PER", "name": "Peru", "signature_date": date(2021, 11, 11), "consent_date": None},
            ]
            return pd.DataFrame(rows)

        def asof(self, mtdsg_no: str, on: date) -> Any:  # the record's count: never the 60 told
            return type("AsOf", (), {"parties": 59, "signatories": 70})()

    index = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS)])

    def dates(text: str) -> list[tuple[int, date | None]]:
        claims = running_totals(extract_claims(text, index), text, Record())  # type: ignore[arg-type]
        return [(c.figure, c.claimed_on) for c in claims]

    # An undated text: the states are named in the next sentence, one ratifying and one signing, with a day
    # but no year: the day on which both had just acted (eval conventions, date rule 2).
    lead = f"Two more countries acted on the {KEEPERS}, bringing the total number of parties to 60."
    assert dates(f"{lead} Ghana ratified and Togo signed at a ceremony on 3 May.") == [(60, date(2024, 5, 2))]
    # Acts years apart (Peru signed in 2021) are no one total's, unless the record's count on the last of
    # them is the total told; a day told months away is another day.
    assert dates(f"{lead} Ghana and Peru acted this year.") == [(60, None)]
    assert dates(f"{lead} Ghana ratified and Togo signed at a ceremony on 3 October.") == [(60, None)]

    class Counted(Record):
        def asof(self, mtdsg_no: str, on: date) -> Any:
            return type("AsOf", (), {"parties": 60 if on >= date(2024, 5, 2) else 59, "signatories": 70})()

    text = f"Since 2021, two States have become parties to the {KEEPERS}, bringing the total to 60. "
    # (the steps, not "the ratifications": Peru only signed, and a state that did not do what the words
    # tell leaves the total as it was; the two sentences were one before "to 60." ended a sentence)
    text += "I welcome the steps taken by Peru and Ghana."
    claims = running_totals(extract_claims(text, index), text, Counted())  # type: ignore[arg-type]
    assert [(c.figure, c.claimed_on) for c in claims] == [(60, date(2024, 5, 2))]
    # A text with its own date: the acts it names come first (date rule 2 before rule 4), unless it tells
    # their day itself.
    text = f"{lead} Ghana ratified and Togo signed."
    claims = running_totals(extract_claims(text, index, written_on=date(2024, 6, 1)), text, Record())  # type: ignore[arg-type]
    assert [(c.figure, c.claimed_on) for c in claims] == [(60, date(2024, 5, 2))]
    text = f"{lead} Ghana ratified and Togo signed today."
    claims = running_totals(extract_claims(text, index, written_on=date(2024, 6, 1)), text, Record())  # type: ignore[arg-type]
    assert [(c.figure, c.claimed_on) for c in claims] == [(60, date(2024, 6, 1))]
    # Peru only signed: a ratification the record lacks dates nothing.
    assert dates(f"Peru's ratification brings the number of parties to the {KEEPERS} to 60.") == [(60, None)]
    # Not a running total: the count stays undated.
    text = f"The {KEEPERS} has 60 parties. Ghana ratified and Togo signed at a ceremony on 3 May."
    assert dates(text) == [(60, None)]


def test_a_count_that_brought_the_treaty_into_force_told_with_its_entry_is_the_threshold(real_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store

    opic = "the Optional Protocol to the Convention on the Rights of the Child on a communications procedure"

    def read(text: str) -> list[tuple[int, str, str]]:
        with open_store(real_db, read_only=True) as store:
            checks = check_text(text, store, name="t.txt").checks
        return [(c.claim.figure, c.claim.kind, c.verdict) for c in checks]

    # The 10th consent (Costa Rica, 2014-01-14) brought it into force on 2014-04-14: a count the record bears
    # out on its day, told with the entry into force, is the number that brought the treaty into force.
    text = f"By January 2014, 10 countries had ratified {opic}, so it will become binding in April."
    assert read(text) == [(10, "threshold", "threshold right")]
    # A bound stays a count.
    text = f"By January 2014, more than 9 countries had ratified {opic}, so it will become binding in April."
    assert [(f, k) for f, k, _ in read(text)] == [(9, "count")]


def test_a_count_in_a_present_clause_of_its_own_is_not_of_the_day_told_before_it() -> None:
    from datetime import date

    from pipeline.claims.extract import TitleIndex, TreatyName, extract_claims
    from tests.claims.conftest import KEEPERS, KEEPERS_NO

    index = TitleIndex([TreatyName(KEEPERS_NO, KEEPERS)])

    def dates(text: str) -> list[tuple[int, date | None]]:
        return [(c.figure, c.claimed_on) for c in extract_claims(text, index)]

    assert dates(f"The {KEEPERS} was finalized in 1997 and has been signed by over 160 countries.") == [
        (160, None)
    ]
    text = f"The {KEEPERS} was approved on 2 April 2013, and it already has over 100 signatories."
    assert dates(text) == [(100, None)]
    # An "as of" date opening the sentence dates both counts; a past clause keeps the day told.
    text = f"As of May 2016, 12 states have ratified the {KEEPERS} and 30 have signed it."
    assert dates(text) == [(12, date(2016, 5, 31)), (30, date(2016, 5, 31))]
    text = f"The {KEEPERS} opened on 2 April 2013, and 60 states had signed it by the evening."
    assert dates(text) == [(60, date(2013, 4, 2))]


def test_a_treatys_title_a_blank_line_above_its_adoption_date_still_makes_it_no_dateline() -> None:
    from pipeline.claims.bylines import find_byline

    title = "International Convention on the Elimination of All Forms of Racial Discrimination"
    text = (
        f"{title}\n\n21 Dec 1965\n\nThe Convention has three signatories, and 182 countries have ratified it."
    )
    assert find_byline(text) is None
    # A date a blank line under a line that is no treaty's title is still the text's own.
    text = "Press release\n\n12 March 2019\n\nChile ratified the Convention today."
    byline = find_byline(text)
    assert byline is not None and byline.text == "12 March 2019"


def test_states_counted_with_the_european_union_told_apart(keepers_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.claims.frames import read_counts
    from pipeline.claims.measures import MEASURE_PARTIES, MEASURE_SIGNATORIES
    from pipeline.store import open_store
    from tests.claims.conftest import KEEPERS

    def counts(text: str) -> list[tuple[int, str]]:
        return [(c.figure, c.measure) for c in read_counts(text)[0]]

    assert counts("81 countries and the European Community signed the Convention.") == [
        (81, MEASURE_SIGNATORIES)
    ]
    assert counts("Eighty countries plus the European Commission signed the treaty.") == [
        (80, MEASURE_SIGNATORIES)
    ]
    assert counts("160 States and the European Union take part in the Convention.") == [
        (160, MEASURE_PARTIES)
    ]
    # On 2020-12-31 the UN lists 4 parties: France, Germany, the Holy See and the European Union. Three
    # states and the Union told apart is right; "4 states" would be the UN's figure.
    text = f"As of December 2020, 3 states and the European Union take part in the {KEEPERS}."
    with open_store(keepers_db, read_only=True) as store:
        [c] = check_text(text, store, name="t.txt").checks
    assert (c.figure_then, c.verdict) == (3, "correct at its date, now stale")
    assert any("European Union apart" in n for n in c.notes)


def test_signatories_beside_parties_are_all_who_signed_when_the_record_says_so(keepers_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store
    from tests.claims.conftest import KEEPERS

    def measures(text: str) -> list[tuple[int, str]]:
        with open_store(keepers_db, read_only=True) as store:
            checks = check_text(text, store, name="t.txt").checks
        return [(c.claim.figure, c.claim.measure) for c in checks]

    # Today 4 have signed (France, Germany, Chile, Peru), 2 of them without joining (Chile, Peru).
    assert measures(f"The {KEEPERS} has 5 States Parties and 4 signatories.") == [
        (5, "parties"),
        (4, "signatories"),
    ]
    assert measures(f"The {KEEPERS} has 5 States Parties and 2 signatories.") == [
        (5, "parties"),
        (2, "signed_not_party"),
    ]
    # Neither borne out: the words' reading stands.
    assert measures(f"The {KEEPERS} has 5 States Parties and 3 signatories.") == [
        (5, "parties"),
        (3, "signed_not_party"),
    ]


def test_signing_up_to_a_treaty_is_joining_it() -> None:
    from pipeline.claims.frames import read_counts
    from pipeline.claims.measures import MEASURE_PARTIES, MEASURE_SIGNATORIES, measure_of

    def counts(text: str) -> list[tuple[int, str]]:
        return [(c.figure, c.measure) for c in read_counts(text)[0]]

    assert counts("Eighty-six countries have signed up to this torture prevention treaty.") == [
        (86, MEASURE_PARTIES)
    ]
    assert counts("Angola will become the 192nd state to sign up to the Convention.") == [
        (192, MEASURE_PARTIES)
    ]
    assert counts("Eighty-six countries have signed this torture prevention treaty.") == [
        (86, MEASURE_SIGNATORIES)
    ]
    word = measure_of("signed up")
    assert word is not None and word.measure == MEASURE_PARTIES


def test_a_named_list_after_including_and_ordinals_told_respectively() -> None:
    from pipeline.claims.frames import read_counts
    from pipeline.claims.measures import MEASURE_PARTIES

    def counts(text: str) -> list[tuple[int, str]]:
        return [(c.figure, c.measure) for c in read_counts(text)[0]]

    assert counts("So far 40 states including SVG and Jamaica have ratified the treaty.") == [
        (40, MEASURE_PARTIES)
    ]
    assert counts("So far 40 states including Chile, Peru and Jamaica have ratified it.") == [
        (40, MEASURE_PARTIES)
    ]
    text = "New Zealand and Belgium deposited, making them the 25th and 26th countries respectively to ratify it."
    assert counts(text) == [(25, MEASURE_PARTIES), (26, MEASURE_PARTIES)]


def test_accepting_the_document_is_joining_it() -> None:
    from pipeline.claims.frames import read_counts
    from pipeline.claims.measures import MEASURE_PARTIES

    text = "In less than four years, over 150 nations accepted the document as a minimum standard."
    assert [(c.figure, c.measure) for c in read_counts(text)[0]] == [(150, MEASURE_PARTIES)]
    # The competence of a committee is no treaty.
    assert read_counts("Some 60 states accepted the Committee's competence.")[0] == []
