"""End notes as history: earlier participations, the treaty's quoted denunciation clause, and a "Date of
effect" in a note the participant's row does not link."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from pipeline.parse import SourceRef, parse_page
from pipeline.parse.endnote_history import (
    RULE_CLAUSE,
    Clause,
    date_withdrawal,
    denunciation_clause,
    earlier_participation,
    withdrawal_effects,
)

# Hand-written in the phrasings of the saved pages (IV-5 notes 2 and 3, an objection, XIX-35 note 1).
GUYANA = (
    "The Government of Guyana had initially acceded to the Optional Protocol on 10 May 1993 (See,"
    " C.N.182.1993.TREATIES-2 of 27 August 1993). On 5 January 1999, the Government of Guyana notified the"
    " Secretary-General that it had decided to denounce the said Optional Protocol with effect from 5 April"
    " 1999. On that same date, the Government of Guyana re-acceded to the Optional Protocol with a reservation."
)
JAMAICA = "On 23 October 1997, the Government of Jamaica notified the Secretary-General of its denunciation of the Protocol."
OBJECTION = (
    'While article 12, paragraph 1, of the Protocol provides that any State Party may denounce the Protocol "at'
    ' any time" and that the denunciation shall take effect "three months after the date of receipt of the'
    ' notification by the Secretary-General", ...'
)
TABLE = (
    "The following Governments notified the Secretary-General that they had decided to withdraw from the"
    " Group as from the dates indicated hereinafter: Participant: Date of notification: Date of effect:"
    " Norway 14 July 2000 12 Sep 2000 Netherlands 1 July 2010 22 June 2010"
)


def test_an_initial_accession_before_a_reaccession_is_an_earlier_participation():
    found = earlier_participation(["2"], {"2": GUYANA}, participant="Guyana", current=date(1999, 1, 5))
    assert found == (date(1993, 5, 10), date(1999, 4, 5), "2")
    # Not for another State, nor when the row's own date is the initial one.
    assert (
        earlier_participation(["2"], {"2": GUYANA}, participant="Jamaica", current=date(1999, 1, 5)) is None
    )
    assert (
        earlier_participation(["2"], {"2": GUYANA}, participant="Guyana", current=date(1993, 5, 10)) is None
    )


def test_the_quoted_clause_gives_the_delay_of_a_bare_notification():
    clause = denunciation_clause([JAMAICA, OBJECTION])
    assert clause is not None and (clause.n, clause.unit) == (3, "month")
    found = date_withdrawal(
        ["3"], {"3": JAMAICA}, participant="Jamaica", after=date(1975, 10, 3), clause=clause
    )
    assert found is not None and found.date == date(1998, 1, 23) and found.notified == date(1997, 10, 23)
    assert RULE_CLAUSE in found.rule and found.rule.startswith("notified+3 months")
    # Without a quoted clause the notification date stays, with its rule named.
    bare = date_withdrawal(["3"], {"3": JAMAICA}, participant="Jamaica", after=date(1975, 10, 3))
    assert bare is not None and (bare.date, bare.rule) == (date(1997, 10, 23), "notified")


def test_quotes_that_disagree_give_no_clause():
    other = OBJECTION.replace("three months", "one year")
    assert denunciation_clause([OBJECTION, other]) is None
    assert denunciation_clause([JAMAICA]) is None
    # A State's own delay ("will take effect sixty days after") is not the treaty's clause.
    assert (
        denunciation_clause(["The denunciation will take effect sixty days after the date of receipt."])
        is None
    )
    assert isinstance(denunciation_clause([OBJECTION]), Clause)


def test_a_date_of_effect_in_a_note_the_row_does_not_link_is_used_when_it_names_the_participant():
    notes = {"1": TABLE, "3": "See note 1 under Netherlands in the Historical Information section."}
    found = date_withdrawal(["3"], notes, participant="Netherlands", after=date(1991, 11, 6))
    assert found is not None and (found.date, found.rule, found.note) == (date(2010, 6, 22), "effect", "1")
    assert "not linked from the row" in found.phrase
    assert date_withdrawal(["3"], notes, participant="Belgium", after=date(1991, 11, 6)) is None


@pytest.mark.corpus
def test_the_saved_pages_withdrawals_by_rule(untc_pages: Path):
    """The README's count: how each of the 118 bracketed actions of the 437 pages is dated."""
    rules: Counter[str] = Counter()
    for path in sorted(untc_pages.glob("*/*")):
        if path.suffix not in (".html", ".xml"):
            continue
        status = parse_page(path.read_bytes(), source=SourceRef(str(path)))
        for effect in withdrawal_effects(status).values():
            if effect is None:
                rules["none"] += 1
            elif RULE_CLAUSE in effect.rule:
                rules["clause"] += 1
            elif "not linked" in effect.phrase:
                rules["unlinked note"] += 1
            elif effect.rule.startswith("notified+"):
                rules["delay in the note"] += 1
            else:
                rules[effect.rule] += 1
    assert rules == {
        "effect": 93,
        "delay in the note": 2,
        "unlinked note": 1,
        "clause": 4,
        "notified": 11,
        "none": 7,
    }
