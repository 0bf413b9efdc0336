"""Twenty-ninth pass (issue 21). One test per rule, on hand-written sentences of the shapes real texts
took: dev/'s misses read for a general cause, and round 11 of the probes of strangers' prose (rare
predicates, numbers in unusual forms, questions and holdouts, protocols by their titles, public
repositories, time-anchored sentences), read for their shapes only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.claims.bylines import find_byline
from pipeline.claims.other_languages import LexiconError, is_foreign, load_lexicon
from tests.claims.readers import checks as _checks
from tests.claims.readers import report as _report
from tests.claims.readers import unread as _unread


def test_a_day_that_marks_an_anniversary_at_the_head_of_a_statement_is_the_text_s_own(eval_db: Path) -> None:
    said = (
        "Statement on the anniversary of the Convention on Cluster Munitions\n"
        "Thursday, 1 August 2019 marks the ninth year since the Convention on Cluster Munitions entered "
        "into force.\n"
        "The Convention has 106 States Parties and 14 signatories.\n"
    )
    assert _checks(eval_db, said) == [
        (106, "parties", "XXVI-6", "2019-08-01"),
        (14, "signed_not_party", "XXVI-6", "2019-08-01"),
    ]
    # a day the treaty's event happened on, told inside a sentence, is not the text's own
    told = "The Convention entered into force on 1 August 2010. It has 106 States Parties.\n"
    assert find_byline(told) is None
    # nor a day that marks something other than an anniversary
    other = (
        "1 August 2019 marks a turning point: the Convention on Cluster Munitions has 106 States Parties.\n"
    )
    assert find_byline(other) is None


def test_a_number_in_a_sentence_in_another_language_is_listed_unread_not_in_english(eval_db: Path) -> None:
    said = (
        "The Convention on the Rights of Persons with Disabilities has 193 States Parties.\n"
        "Hasta la fecha, 153 países han ratificado la Convención, vigente desde el 3 de mayo de 2008.\n"
        "Il 50esimo Paese a ratificare il trattato è stato l'Honduras, dopo la ratifica di 49 Stati.\n"
        "حالة : الأطراف: 106 ، وفقاً للمادة 2 من البروتوكول\n"
    )
    found = _report(eval_db, said, date(2024, 1, 1))
    assert [(c.claim.figure, c.mtdsg_no) for c in found.checks] == [(193, "IV-15")]
    # every figure of the other languages' sentences, and none of their days, articles or years
    assert [(u.figure, u.line, u.reason) for u in found.unread] == [
        (153, 2, "not in English"),
        (50, 3, "not in English"),
        (49, 3, "not in English"),
        (106, 4, "not in English"),
    ]
    # an English sentence with a foreign name in it is English
    for english in (
        "The Convention has been ratified by 153 States, El Salvador and Costa Rica among them, in 2008.",
        "Published in the original Spanish as La Voz Global de la Ninez by El Mundo on January 29, 2009.",
    ):
        assert not is_foreign(english, load_lexicon()), english


def test_the_other_languages_lexicon_is_data_and_a_bad_row_fails_loudly(tmp_path: Path) -> None:
    lexicon = load_lexicon()
    assert lexicon.treaty.search("ratificado") and lexicon.treaty.search("批准")
    bad = tmp_path / "other_languages.csv"
    bad.write_text("language,kind,word,note\nes,verb,ratific,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="line 2"):
        load_lexicon.__wrapped__(bad)
    twice = tmp_path / "twice.csv"
    twice.write_text("language,kind,word,note\nes,treaty,tratado,\npt,treaty,tratado,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="listed twice"):
        load_lexicon.__wrapped__(twice)


def test_signatories_that_are_not_yet_states_parties_are_those_who_signed_only(eval_db: Path) -> None:
    for said in (
        "The Arms Trade Treaty has 26 signatories that are not yet States Parties.",
        "The Arms Trade Treaty has 26 signatories which are not yet a State Party.",
    ):
        assert _checks(eval_db, said, date(2024, 1, 1)) == [(26, "signed_not_party", "XXVI-8", "2024-01-01")]
    # signatories alone are everyone who signed
    said = "The Arms Trade Treaty has 130 signatories."
    assert _checks(eval_db, said, date(2024, 1, 1)) == [(130, "signatories", "XXVI-8", "2024-01-01")]


def test_states_that_have_banned_the_use_of_a_treaty_s_weapon_are_its_parties(eval_db: Path) -> None:
    said = (
        "While over 100 nations have banned their use, some key countries have not joined the Convention "
        "on Cluster Munitions."
    )
    assert _checks(eval_db, said, date(2024, 1, 1)) == [(100, "parties", "XXVI-6", "2024-01-01")]
    said = "Some 160 countries have banned landmines under the Ottawa Treaty."
    assert _checks(eval_db, said, date(2024, 1, 1)) == [(160, "parties", "XXVI-5", "2024-01-01")]
    # a ban of something else is no joining
    said = (
        "Forty countries have banned corporal punishment, as the Convention on the Rights of the Child asks."
    )
    assert _checks(eval_db, said, date(2024, 1, 1)) == []


def test_a_count_told_before_a_when_clause_of_the_treaty_s_event_is_of_that_event_s_day(
    eval_db: Path,
) -> None:
    for said in (
        "The Ottawa Convention gained 122 country signatures when it opened for signing on 3 December 1997.",
        "The Ottawa Convention was signed by 122 countries when it opened for signature on 3 December 1997.",
    ):
        assert _checks(eval_db, said, date(2015, 1, 14)) == [(122, "signatories", "XXVI-5", "1997-12-03")]
    said = "The Ottawa Convention had 66 parties when it entered into force on 1 March 1999."
    assert _checks(eval_db, said, date(2015, 1, 14)) == [(66, "parties", "XXVI-5", "1999-03-01")]
    # a present count is of the text's day, whatever the clause after it tells
    said = "The Ottawa Convention now has 162 parties, twice as many as when it entered into force on 1 March 1999."
    assert _checks(eval_db, said, date(2015, 1, 14)) == [(162, "parties", "XXVI-5", "2015-01-14")]


def test_a_headline_opening_with_its_count_and_a_verb_in_the_present_is_a_count(eval_db: Path) -> None:
    said = "51 ratify the UN Treaty on the Prohibition of Nuclear Weapons, but not Australia\n"
    assert _checks(eval_db, said, date(2021, 1, 22)) == [(51, "parties", "XXVI-9", "2021-01-22")]
    said = "Some 120 sign the Arms Trade Treaty\n"
    assert _checks(eval_db, said, date(2013, 9, 30)) == [(120, "signatories", "XXVI-8", "2013-09-30")]
    # inside a sentence, or before no treaty's name, the bare number is no headline's count
    said = "The Arms Trade Treaty opened on Monday, and 51 ratify the idea of it.\n"
    assert [c[0] for c in _checks(eval_db, said, date(2013, 9, 30))] == []


def test_countries_signing_or_ratifying_a_treaty_told_by_a_participle_are_a_count(eval_db: Path) -> None:
    said = "The UK is among over 100 countries signing the Convention on Cluster Munitions today."
    assert _checks(eval_db, said, date(2008, 12, 3)) == [(100, "signatories", "XXVI-6", "2008-12-03")]
    said = "There are now 110 countries ratifying the Convention on Cluster Munitions."
    assert _checks(eval_db, said, date(2020, 9, 30)) == [(110, "parties", "XXVI-6", "2020-09-30")]


def test_since_a_treaty_came_into_effect_its_consents_are_its_total(eval_db: Path) -> None:
    said = (
        "The Convention on the Rights of the Child came into effect in 1990 once 20 countries had ratified "
        "it. Since that time, 193 member nations have signed the treaty."
    )
    assert (193, "signatories", "IV-11", "2016-08-12") in _checks(eval_db, said, date(2016, 8, 12))
    # since another event, the count is what the span added
    said = "Chile ratified the Convention on the Rights of the Child in 1990. Since that time, 19 nations have signed it."
    assert _unread(eval_db, said, date(2016, 8, 12)) == [(19, "yearly change")]


def test_today_s_figure_in_brackets_after_a_count_or_a_threshold_is_a_count_of_the_text_s_day(
    eval_db: Path,
) -> None:
    said = (
        "The Treaty on the Prohibition of Nuclear Weapons enters into force today following the earlier "
        "ratification of the treaty by 50 states (now 51!)."
    )
    found = _checks(eval_db, said, date(2021, 1, 22))
    assert (51, "parties", "XXVI-9", "2021-01-22") in found
    said = "The Arms Trade Treaty had 130 signatories (now 142) when this report was first written."
    assert (142, "signatories", "XXVI-8", "2024-01-01") in _checks(eval_db, said, date(2024, 1, 1))


def test_parties_that_declared_something_a_letter_s_signers_a_campaign_s_countries_and_thousands_are_no_counts(
    eval_db: Path,
) -> None:
    said = (
        "The Chemical Weapons Convention has 193 States Parties. Fourteen states parties declared chemical "
        "weapons production facilities."
    )
    assert _checks(eval_db, said, date(2020, 1, 1)) == [(193, "parties", "XXVI-3", "2020-01-01")]
    assert _unread(eval_db, said, date(2020, 1, 1)) == [(14, "subset")]
    # "declared" as an adjective is no deed of the parties
    said = (
        "The Chemical Weapons Convention, with 192 States Parties, has verified the destruction of 95 percent "
        "of all declared chemical weapons stockpiles."
    )
    assert _checks(eval_db, said, date(2017, 4, 29)) == [(192, "parties", "XXVI-3", "2017-04-29")]
    said = (
        "In November 2006 a letter co-signed by 22 States which have expressed consent to be bound by "
        "Protocol V on Explosive Remnants of War was addressed to the Secretary-General."
    )
    assert [c[0] for c in _checks(eval_db, said)] == []
    said = "NRCAT delivered 5,568 signatures on its petition calling for the President to sign OPCAT."
    assert [c[0] for c in _checks(eval_db, said, date(2012, 11, 27))] == []
    said = "By 1997, 1,000 organisations from 60 countries had joined the campaign for the Ottawa Treaty."
    assert [c[0] for c in _checks(eval_db, said, date(2019, 1, 1))] == []


def test_a_senate_s_two_thirds_is_no_threshold_of_the_treaty(eval_db: Path) -> None:
    said = (
        "The Convention on the Rights of Persons with Disabilities needs the votes of two more senators to "
        "secure the necessary two thirds senate majority."
    )
    assert _checks(eval_db, said, date(2012, 12, 4)) == []
    # the treaty's own number so named is
    said = "The Convention on the Rights of Persons with Disabilities has now received the necessary 20 ratifications."
    assert [c[:3] for c in _checks(eval_db, said, date(2008, 4, 3))] == [(20, "parties", "IV-15")]


def test_an_entry_into_force_with_the_backing_of_n_parties_dates_them(eval_db: Path) -> None:
    said = (
        "On January 22, 2021, the Treaty on the Prohibition of Nuclear Weapons entered into force, with the "
        "backing of 51 states parties."
    )
    assert _checks(eval_db, said, date(2021, 2, 1)) == [(51, "parties", "XXVI-9", "2021-01-22")]


def test_states_that_had_adhered_and_a_further_n_signatories_are_parties_and_those_who_signed_only(
    eval_db: Path,
) -> None:
    said = (
        "As of 30 November 2010, 45 States had adhered to the Convention on Cluster Munitions and a further "
        "63 were signatories."
    )
    assert _checks(eval_db, said, date(2012, 1, 1)) == [
        (45, "parties", "XXVI-6", "2010-11-30"),
        (63, "signed_not_party", "XXVI-6", "2010-11-30"),
    ]


def test_a_number_of_reservations_is_no_count_of_parties(eval_db: Path) -> None:
    said = (
        "With at least 23 of the 100 states parties to CEDAW making a total of 88 substantive reservations, "
        "the Convention is the most reserved treaty."
    )
    assert 88 not in [c[0] for c in _checks(eval_db, said, date(1990, 4, 1))]
    assert (88, "frame not understood") in _unread(eval_db, said, date(1990, 4, 1))


def test_a_group_s_own_members_told_by_its_name_before_the_number_are_a_subset(eval_db: Path) -> None:
    said = (
        "35 of the European Blind Union's 41 member countries have now ratified the UN's Convention on the "
        "Rights of Persons with Disabilities."
    )
    assert _checks(eval_db, said, date(2014, 1, 1)) == []
    assert _unread(eval_db, said, date(2014, 1, 1)) == [(35, "subset"), (41, "subset")]
    # the treaty's own, so told, are its parties
    said = "The Chemical Weapons Convention's 193 States Parties have destroyed their stockpiles."
    assert [c[:2] for c in _checks(eval_db, said, date(2020, 1, 1))] == [(193, "parties")]
