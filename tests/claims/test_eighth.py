"""Eighth pass (issue 21): frames written from dev/'s misses. One test per rule, on hand-written
sentences."""

from __future__ import annotations

from datetime import date

from pipeline.claims.frames import read_counts
from pipeline.claims.measures import MEASURE_PARTIES, MEASURE_SIGNATORIES
from pipeline.claims.verdicts import VERDICT_WRONG


def _counts(text: str) -> list[tuple[int, str]]:
    return [(c.figure, c.measure) for c in read_counts(text)[0]]


def test_a_headline_verb_before_the_nth_ratification() -> None:
    assert _counts("Disability Convention Receives 100th Ratification") == [(100, MEASURE_PARTIES)]
    assert _counts("The Convention reached its 50th ratification.") == [(50, MEASURE_PARTIES)]


def test_the_nth_country_told_as_the_subject_of_its_act() -> None:
    text = "The UN announced that a 30th country had signed on to the Convention."
    assert _counts(text) == [(30, MEASURE_PARTIES)]  # "signed on to" a treaty: joined it
    assert _counts("The 100th state signed the Convention on Monday.") == [(100, MEASURE_SIGNATORIES)]
    assert _counts("The 100th state ratified the Convention on Monday.") == [(100, MEASURE_PARTIES)]
    assert _counts("A third country signed the Convention on Monday.") == []  # an event, not a count


def test_a_count_in_a_when_clause_after_a_day_is_of_that_day() -> None:
    from datetime import date

    from pipeline.claims.extract import read_text

    text = (
        "2013-03-14: The Convention was adopted in 2006. The Convention was opened for signature on "
        "30 March 2007, when there were 82 Signatories to the Convention."
    )
    [claim] = read_text(text, written_on=date(2013, 3, 14)).claims
    assert (claim.figure, claim.measure, claim.claimed_on) == (82, MEASURE_SIGNATORIES, date(2007, 3, 30))


def test_one_of_n_countries_that_are_a_party() -> None:
    text = "New Zealand is one of 177 countries that are a party to the Convention."
    assert _counts(text) == [(177, MEASURE_PARTIES)]


def test_a_share_of_those_who_did_not_is_no_count() -> None:
    from pipeline.claims.model import REASON_NOT_UNDERSTOOD
    from tests.claims.test_reading import _claims, _unread

    text = "Bangladesh is one of the twelve countries in the world that has not ratified the CCM."
    assert _claims(text, written_on=None) == []  # not "1 party"
    assert _unread(text) == [(12, REASON_NOT_UNDERSTOOD)]


def test_the_fields_of_a_wiki_template() -> None:
    text = "{{Infobox treaty| name = The Treaty| signatories = 79| parties = 33| depositor = The Secretary-General}}"
    assert _counts(text) == [(79, MEASURE_SIGNATORIES), (33, MEASURE_PARTIES)]


def test_signed_by_the_delegates_of_n_countries() -> None:
    assert _counts("The Treaty was signed by delegates from 121 countries in Ottawa.") == [
        (121, MEASURE_SIGNATORIES)
    ]


def test_an_ordinal_with_a_copied_superscript() -> None:
    assert _counts("Papua New Guinea has become the 178^th State to ratify the Treaty.") == [
        (178, MEASURE_PARTIES)
    ]
    from pipeline.text import parse_ordinal

    assert parse_ordinal("178^th") == 178  # the one ordinal parser reads it too ("the 22nd and 178^th")


def test_the_nth_party_an_entry_into_force_for_one_state_makes_is_a_count() -> None:
    from pipeline.claims.model import KIND_COUNT
    from tests.claims.test_reading import _read

    text = (
        "The Second Optional Protocol to the ICCPR will enter into force on 3 August 2024, making "
        "Côte d'Ivoire the 91st State party to this instrument."
    )
    [claim] = _read(text).claims
    assert (claim.figure, claim.kind, str(claim.claimed_on)) == (91, KIND_COUNT, "2024-08-03")


def test_a_state_named_in_an_aside_does_not_date_the_count(keepers_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store
    from tests.claims.conftest import KEEPERS

    def dates(text: str) -> list[tuple[int, object]]:
        with open_store(keepers_db, read_only=True) as store:
            return [(c.claim.figure, c.claim.claimed_on) for c in check_text(text, store, name="t").checks]

    # one of those counted, not the act that made the count
    assert dates(f"She said 5 countries, including Japan, had ratified the {KEEPERS}.") == [(5, None)]
    assert dates(f"With the accession of Japan, 5 States are now parties to the {KEEPERS}.") == [
        (5, date(2022, 7, 7))
    ]


def test_disabled_rights_is_the_subject_of_the_disabilities_convention() -> None:
    from pipeline.claims.topics import text_subject

    assert text_subject("UN pact on disabled rights signed. 80 countries signed a UN convention.") == (
        "IV-15",
        "disabled rights",
    )


def test_a_description_told_after_a_treatys_name_describes_that_treaty() -> None:
    from pipeline.claims.extract import read_text
    from pipeline.claims.treaties import TitleIndex, TreatyName
    from tests.claims.test_reading import CTBT

    tpnw = TreatyName(
        "XXVI-9", "Treaty on the Prohibition of Nuclear Weapons", ("TPNW",), ("Nuclear Ban Treaty",)
    )
    index = TitleIndex([CTBT, tpnw])
    text = (
        "The CTBT aims to establish a verifiable global ban on all types of nuclear explosive tests. "
        "Including Tuvalu, the pact has been signed by 184 countries."
    )
    [claim] = read_text(text, index).claims
    assert claim.mtdsg_no == "XXVI-4"  # not the "nuclear ban" treaty the description's first words make
    [claim] = read_text(
        "The treaty, a ban on nuclear weapons, has been signed by 86 countries.", index
    ).claims
    assert claim.mtdsg_no == "XXVI-9"  # a description with no name before it still names its treaty


def test_a_title_word_the_sentence_repeats_later_does_not_stretch_the_title(eval_db) -> None:
    from pipeline.claims.check import CachedStore
    from pipeline.store import open_store

    # every title of the collection competes, as for a user ("Protocol to the International Opium
    # Convention" opens with the same words)
    text = (
        "Under the Optional Protocol to the International Covenant on Civil and\nPolitical Rights, "
        "individuals who claim that any of their rights enumerated in the Covenant have been violated"
    )
    with open_store(eval_db, read_only=True) as store:
        found = CachedStore(store).title_index().find_mentions(text)
    assert [m.mtdsg_no for m in found] == ["IV-5"]


def test_a_count_told_in_a_dash_aside() -> None:
    text = "Two-thirds of all member states – 132 countries – have ratified the Protocol."
    assert _counts(text) == [(132, MEASURE_PARTIES)]


def test_a_share_told_aside_between_the_count_and_its_verb() -> None:
    text = "143 governments, two-thirds of the world's countries, have ratified the Protocol."
    assert _counts(text) == [(143, MEASURE_PARTIES)]


def test_a_fact_sheet_line_of_a_figure_and_what_it_counts() -> None:
    text = "Key facts\n• 187 - The number of countries that have ratified the treaty.\n"
    assert _counts(text) == [(187, MEASURE_PARTIES)]


def test_the_opcws_member_states_are_the_chemical_weapons_conventions_parties() -> None:
    assert _counts("As of today the OPCW has 192 Member States, who work together.") == [
        (192, MEASURE_PARTIES)
    ]
    assert _counts("The OPCW inspected 192 sites.") == []


def test_joins_n_other_members() -> None:
    assert _counts("Timor-Leste now joins 185 other members to the Convention.") == [(185, MEASURE_PARTIES)]


def test_signatures_from_n_states() -> None:
    text = "The Protocol currently has signatures from 92 different states."
    assert _counts(text) == [(92, MEASURE_SIGNATORIES)]


def test_n_nations_that_are_part_of_the_treaty() -> None:
    assert _counts("The 118 nations that are part of the CCW agreed to meet again.") == [
        (118, MEASURE_PARTIES)
    ]


def test_a_running_total_after_states_became_parties() -> None:
    text = "Eight more countries have become parties to Protocol V, bringing the total number to 69."
    assert (69, MEASURE_PARTIES) in _counts(text)


def test_with_n_of_those_also_ratifying() -> None:
    text = "The treaty has been signed by 185 countries, with 168 of those countries also ratifying it."
    assert _counts(text) == [(185, MEASURE_SIGNATORIES), (168, MEASURE_PARTIES)]


def test_signatories_beside_an_entry_into_force_are_no_threshold() -> None:
    from pipeline.claims.model import KIND_COUNT
    from tests.claims.test_reading import _read

    text = (
        "The CCM reached the 30th ratification required to enter into force, and has since gained further "
        "support, with 86 signatories as of the end of January 2011."
    )
    kinds = {c.figure: (c.measure, c.kind) for c in _read(text).claims}
    assert kinds[86] == (MEASURE_SIGNATORIES, KIND_COUNT)


def test_the_nth_member_state_of_a_convention() -> None:
    assert _counts("Vietnam became the 158th member state of the Convention on 7 March.") == [
        (158, MEASURE_PARTIES)
    ]
    assert _counts("Vietnam became the 158th member state of the United Nations.") == []


def test_among_the_n_that_are_party_to_a_treaty() -> None:
    text = "The ten are among the 160 that are already party to the Covenant."
    assert _counts(text) == [(160, MEASURE_PARTIES)]


def test_counts_told_with_the_standing_they_count() -> None:
    from pipeline.claims.measures import MEASURE_SIGNED_NOT_PARTIES

    text = "120 States have committed to the Convention's goals, 106 as States Parties and 14 as signatories."
    assert _counts(text) == [(106, MEASURE_PARTIES), (14, MEASURE_SIGNED_NOT_PARTIES)]


def test_a_threshold_the_record_puts_on_the_linked_treatys_family_member(eval_db) -> None:
    from pipeline.claims.check import CachedStore, check_text
    from pipeline.claims.verdicts import VERDICT_THRESHOLD_RIGHT
    from pipeline.store import open_store

    text = (
        "The Convention on the Rights of Persons with Disabilities and its Optional Protocol were adopted in 2006. "
        "It came into force on May 3, 2008 following the 20th ratification of Convention, and the Optional "
        "Protocol 10 ratifications."
    )
    with open_store(eval_db, read_only=True) as store:
        report = check_text(text, CachedStore(store), name="t")
    twentieth = next(c for c in report.checks if c.claim.figure == 20)
    assert (twentieth.mtdsg_no, twentieth.verdict) == ("IV-15", VERDICT_THRESHOLD_RIGHT)


def test_a_far_count_dated_by_an_earlier_sentence_of_an_undated_text_is_read_undated(keepers_db) -> None:
    from pipeline.claims.check import check_text
    from pipeline.store import open_store
    from tests.claims.conftest import KEEPERS

    text = f"As of 1 March 2006, the {KEEPERS} was open for signature. It has 5 States parties."
    with open_store(keepers_db, read_only=True) as store:
        undated = check_text(text, store, name="t").checks
        # with a date of its own, the text is judged on it: one party then, so 5 overstates it, judged wrong
        dated = check_text(text, store, name="t", written_on=date(2006, 3, 2))
    [c] = undated
    assert (c.claim.figure, c.claim.claimed_on, c.figure_now) == (5, None, 5)
    assert "read again undated" in c.notes[0]
    [d] = dated.checks
    assert (d.claim.claimed_on, d.figure_then, d.verdict) == (date(2006, 3, 1), 1, VERDICT_WRONG)
    assert not dated.unread


def test_the_number_in_brackets_after_the_phrase_it_counts() -> None:
    text = "Its success should not be measured by the number of parties (126) subscribing to it."
    assert _counts(text) == [(126, MEASURE_PARTIES)]
    text = "It received the highest number of signatures ever recorded in one day for a U.N. convention (82)."
    assert _counts(text) == [(82, MEASURE_SIGNATORIES)]
