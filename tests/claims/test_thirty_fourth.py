"""Thirty-fourth pass (issue 21). One test per rule, on hand-written sentences of everyday shapes that probes
found unread: the whole of a share told by its own act or noun, a treaty's membership and members, running
totals told by their noun, "opened for signature by N nations", bylines told as a sentence, a count at the
entry into force, one figure of both treaties of a list, states named by their adjective, "joins 91 others",
"the 50th being Ecuador"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.claims import state_names
from pipeline.claims.bylines import find_byline
from pipeline.claims.state_names import state_spans
from tests.claims.readers import checks as _checks
from tests.claims.readers import counts as _counts
from tests.claims.readers import report as _report
from tests.claims.readers import threshold_verdicts as _threshold_verdicts
from tests.claims.readers import unread as _unread

ATT = "the Arms Trade Treaty"
CAT = "the Convention against Torture"
CCM = "the Convention on Cluster Munitions"
CRPD = "the Convention on the Rights of Persons with Disabilities"


def test_the_whole_of_a_share_told_by_its_act_is_a_count_and_its_part_a_subset(eval_db: Path) -> None:
    said = f"Eight of the 31 countries that have ratified {ATT} are from Latin America."
    assert _counts(said) == [(31, "parties")]
    # signed but not ratified: those who signed only
    said = f"Two of the 9 countries that have signed but not ratified {CAT} are in Asia."
    assert _counts(said) == [(9, "signed_not_party")]
    # the part is listed unread, a subset
    said = f"Just 45 of the 170 countries that have ratified {CRPD} have anti-discrimination laws.\n"
    assert _checks(eval_db, said) == [(170, "parties", "IV-15", None)]
    assert _unread(eval_db, said) == [(45, "subset")]
    # a whole of those who did not: no count the UN gives
    assert _counts(f"Ten of the 30 countries that have not ratified {CRPD} are in Asia.") == []


def test_the_region_of_a_share_is_its_parts_not_its_wholes(eval_db: Path) -> None:
    # "from the region" tells where the eight are, not the 31: the whole, named by its noun, is every party
    for said in (
        "Not in vain, eight out of the thirty one ratifying countries are from the region.",
        f"Eight of the treaty's 31 parties are from Latin America, the {ATT[4:]} secretariat said.",
    ):
        assert _counts(said) == [(31, "parties")]
    # without a share, the region's states are a part
    said = f"31 ratifying states from the region have joined {ATT}, the secretariat said.\n"
    assert (31, "subset") in _unread(eval_db, said)


def test_a_treatys_membership_and_members_are_its_parties() -> None:
    # the running total of a treaty's membership, named after it
    said = f"Ghana is the treaty's newest party, bringing membership of {ATT} to 62."
    assert _counts(said) == [(62, "parties")]
    # "the number of" with the treaty's name before the noun, as headlines write it
    assert _counts("Ghana brings to 62 the number of Arms Trade Treaty States Parties.") == [(62, "parties")]
    # the treaty as subject, "has 62 members"
    assert _counts(f"{ATT[4:]} now has 62 members.") == [(62, "parties")]
    # a body's members are none of these
    assert _counts("The Subcommittee on Prevention under the Optional Protocol has 25 members.") == []
    assert _counts("Ghana joined, bringing membership of the committee to 18.") == []


def test_a_running_total_told_by_its_noun_and_an_ordinal_member(eval_db: Path) -> None:
    # "brings the ATT's signatories to 130": the noun, not the act told before, tells the measure
    said = f"Ghana's ratification brings {ATT[4:]}'s signatories to 130."
    assert _counts(said) == [(130, "signatories")]
    assert _counts("The count of Arms Trade Treaty ratifications rose to 62 with Ghana's.") == [
        (62, "parties")
    ]
    # "becoming its 62nd member": the Nth of those the clause says joined
    said = f"Ghana joined {ATT}, becoming its 62nd member."
    assert _counts(said) == [(62, "parties")]
    # ("becoming the 20th State Party to the Convention that will enable it to enter into force": a threshold)
    said = (
        "Guatemala deposited its ratification of the International Convention on the Protection of the Rights "
        "of All Migrant Workers and Members of Their Families, thus becoming the 20th State Party to the "
        "Convention that will enable it to enter into force on 1 July 2003.\n"
    )
    assert _checks(eval_db, said) == [(20, "parties", "IV-13", None)]
    assert _threshold_verdicts(eval_db, said) == ["threshold right"]


def test_opened_for_signature_by_so_many_states_counts_who_signed(eval_db: Path) -> None:
    said = "The Comprehensive Nuclear-Test-Ban Treaty was opened for signature by 187 nation and ratified by 178.\n"
    assert _checks(eval_db, said) == [(187, "signatories", "XXVI-4", None), (178, "parties", "XXVI-4", None)]
    # the opening to all states counts no one
    assert _counts(f"{CRPD[4:]} is open for signature by all States.") == []


def test_bylines_told_as_a_sentence_or_with_their_source() -> None:
    for head, day in (
        ("Written by Kofi Mensah on 3 March 2015.", date(2015, 3, 3)),
        ("This article was first published on 3 March 2015.", date(2015, 3, 3)),
        ("NEW YORK, 3 March 2015 (UN News)", date(2015, 3, 3)),
        ("BANGKOK, 12 March 2015 (Wire) -", date(2015, 3, 12)),
    ):
        text = f"Ghana ratifies arms treaty\n{head}\n\nSo far 62 countries have ratified {ATT}.\n"
        found = find_byline(text)
        assert found is not None and found.on == day, head
    # a treaty's title with its date and a source is its adoption, no byline
    text = f"Convention against Torture, 10 December 1984 (A/RES/39/46)\n\nAs of 2019, 166 States have ratified {CAT}.\n"
    assert find_byline(text) is None


def test_a_count_at_the_entry_into_force_told_without_its_day_is_of_the_records_day(eval_db: Path) -> None:
    # the ATT entered into force on 24 December 2014 (the UN's page), with 61 parties
    for said in (
        f"At the time of its entry into force, {ATT} had 61 States Parties.",
        f"{ATT[4:]} entered into force with 61 States Parties.",
    ):
        assert _checks(eval_db, f"3 March 2017\n\n{said}\n") == [(61, "parties", "XXVI-8", "2014-12-24")], (
            said
        )
    # a count told later in the sentence, in the present, is of the text's day
    said = f"3 March 2017\n\n{ATT[4:]}, which entered into force with 61 ratifications, now has 92 States Parties.\n"
    assert (92, "parties", "XXVI-8", "2017-03-03") in _checks(eval_db, said)


def test_one_figure_told_of_both_treaties_of_a_list_before_it(eval_db: Path) -> None:
    for said in (
        f"Both {ATT} and {CCM} have 100 States Parties.",
        f"{ATT[4:]} and {CCM} each have about 100 States Parties.",
    ):
        treaties = sorted(t for _, _, t, _ in _checks(eval_db, said + "\n"))
        assert treaties == ["XXVI-6", "XXVI-8"], said
    # "both" of states, not of treaties: one treaty, one claim
    said = "Both India and Pakistan have not signed the Comprehensive Nuclear-Test-Ban Treaty, which 183 states have signed.\n"
    assert [t for _, _, t, _ in _checks(eval_db, said)] == ["XXVI-4"]


def test_a_state_named_by_its_adjective_before_its_institution(eval_db: Path) -> None:
    def named(text: str) -> list[tuple[str, str]]:
        return [(text[a:b], code) for a, b, code in state_spans(text)]

    assert named("The Thai government ratified it.") == [("Thai", "THA")]
    assert named("the South Sudanese parliament approved it") == [("South Sudanese", "SSD")]
    # alone, the adjective names no state's act
    assert named("A Thai lawyer and a Sudanese writer spoke.") == []
    # so an ordinal of the government's act is dated by the UN's day of that state's act (Thailand ratified
    # the CRPD on 29 July 2008)
    said = f"The Thai government has ratified {CRPD}, becoming the 50th country to do so.\n"
    assert _checks(eval_db, said) == [(50, "parties", "IV-15", "2008-07-29")]


def test_every_demonym_of_the_table_is_a_states(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = state_names._demonyms()
    assert len(rows) > 180 and {code for _, _, code in rows} >= {"THA", "GHA", "GBR", "NLD", "SSD"}
    bad = tmp_path / "demonyms.csv"
    bad.write_text("# comment\ndemonym,iso3\nAtlantean,XXX\n", encoding="utf-8")
    monkeypatch.setattr(state_names, "DEMONYMS_CSV", bad)
    state_names._demonyms.cache_clear()
    try:
        with pytest.raises(ValueError, match="Atlantean"):
            state_names._demonyms()
    finally:
        state_names._demonyms.cache_clear()


def test_joining_so_many_others_in_an_act(eval_db: Path) -> None:
    # the others already did it: with the subject, 92 parties on the text's day
    said = f"3 March 2017\n\nGhana joins 91 others in ratifying {ATT}.\n"
    assert _checks(eval_db, said) == [(91, "parties", "XXVI-8", "2017-03-03")]
    assert _report(eval_db, said).checks[0].verdict.startswith("correct at its date")
    # others joined in something else: no count
    assert _counts(f"Ghana joined 30 others in calling for {ATT} to be universal.") == []


def test_the_nth_being_a_state_is_dated_by_that_states_act(eval_db: Path) -> None:
    # Ecuador's signature of the TPNW, 20 September 2017, was its 50th
    said = (
        "TPNW\n21 September 2017\n\nSome 50 governments have signed the Treaty on the Prohibition of Nuclear "
        "Weapons, the 50th being Ecuador.\n"
    )
    assert (50, "signatories", "XXVI-9", "2017-09-20") in _checks(eval_db, said)
    # the act told as being a party
    said = f"Some 62 states are now party to {ATT}, the 62nd being Ghana."
    assert _counts(said) == [(62, "parties"), (62, "parties")]
    # "being" no state: no count
    assert _counts(f"Sixty-two states have ratified {ATT}, the 10th being a surprise.") == [(62, "parties")]
