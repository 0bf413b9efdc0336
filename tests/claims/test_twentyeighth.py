"""Twenty-eighth pass (issue 21). One test per rule, on hand-written sentences of the shapes real texts
took: dev/'s misses read for a general cause, and round 7 of the probes of strangers' prose (parliaments
and governments, teaching material, legal writing, regional and wire news, public repositories, agencies
and foundations), read for their shapes only."""

from __future__ import annotations

from pathlib import Path

from tests.claims.readers import checks as _checks
from tests.claims.readers import unread as _unread


def test_now_after_a_period_tells_totals_for_the_rest_of_the_sentence(eval_db: Path) -> None:
    said = (
        "Thanks to efforts made over the past five years, the OPSC is now in force in 169 countries, while "
        "the OPAC has been ratified by 159 states."
    )
    assert [c[:3] for c in _checks(eval_db, said)] == [
        (169, "parties", "IV-11-c"),
        (159, "parties", "IV-11-b"),
    ]
    # without the "now", the period's counts are what it added
    added = "Over the past five years, the OPAC has been ratified by 19 more states."
    assert _unread(eval_db, added) == [(19, "yearly change")]


def test_a_span_after_the_treaty_s_adoption_or_entry_into_force_dates_the_count_by_the_record(
    eval_db: Path,
) -> None:
    # the UN's page: the Arms Trade Treaty concluded at New York on 2 April 2013; the CRPD in force 3 May 2008
    said = "A year after the Arms Trade Treaty was adopted by the UN General Assembly, 31 countries have ratified it."
    assert _checks(eval_db, said) == [(31, "parties", "XXVI-8", "2014-04-02")]
    said = "Ten years after its entry into force, the Convention on the Rights of Persons with Disabilities had 170 parties."
    assert _checks(eval_db, said) == [(170, "parties", "IV-15", "2018-05-03")]
    said = "Two years after the adoption of the Arms Trade Treaty, 60 countries had ratified it."
    assert _checks(eval_db, said) == [(60, "parties", "XXVI-8", "2015-04-02")]
    # loosely told, told of the text's own day, or with the event's own day: no day from the record
    for said in (
        "Almost four years after its adoption, the Arms Trade Treaty had 60 States parties.",
        "Forty years after its adoption, the Arms Trade Treaty now has 60 States parties.",
        "Thirty years after its adoption on 2 April 2013, the Arms Trade Treaty had 60 States parties.",
    ):
        assert _checks(eval_db, said) == [(60, "parties", "XXVI-8", None)], said
