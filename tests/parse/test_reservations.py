"""Withdrawals of reservations, declarations and objections, read from end notes as dated events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.parse import SourceRef, parse_page
from pipeline.parse.model import EndNote
from pipeline.parse.reservations import read_withdrawals


def _read(text: str) -> list[tuple[str, date, str, bool]]:
    found, _ = read_withdrawals([EndNote("1", text)])
    return [(w.participant, w.notified_on, w.what, w.partial) for w in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 15 December 2011, the Government of Ireland informed the Secretary-General that it had decided to"
            " withdraw its reservation concerning article 19 paragraph 2 of the Covenant made upon ratification.",
            [("Ireland", date(2011, 12, 15), "reservation", False)],
        ),
        (
            "In a communication received on 17 June 1959, the Government of Spain notified the Secretary-General"
            " of the withdrawal of its reservation made upon accession.",
            [("Spain", date(1959, 6, 17), "reservation", False)],
        ),
        (
            "On 2 July 2012, Denmark notified the Secretary-General that it withdrew the following declaration"
            " made upon signature and confirmed upon ratification: ...",
            [("Denmark", date(2012, 7, 2), "declaration", False)],
        ),
        (
            "On 22 November 2022, the Government of Colombia notified the Secretary-General of its decision to"
            " partially withdraw the following declarations it made upon ratification.",
            [("Colombia", date(2022, 11, 22), "declaration", True)],
        ),
        (
            "On 15 March 1991, 19 January 1993 and 2 April 2007, respectively, the Government of the Republic of"
            " Korea notified the Secretary-General of its decision to withdraw the reservations made in respect of"
            " article 23 (4), of article 14 (7) and of article 22.",
            [
                ("Republic of Korea", date(1991, 3, 15), "reservation", False),
                ("Republic of Korea", date(1993, 1, 19), "reservation", False),
                ("Republic of Korea", date(2007, 4, 2), "reservation", False),
            ],
        ),
        (
            "On 9 December 2014, the Secretary-General was notified of the Government of Oman's decision to"
            " withdraw the reservations to articles 7, 9, 21 and 30 made upon accession.",
            [("Oman", date(2014, 12, 9), "reservation", False)],
        ),
    ],
)
def test_a_withdrawal_is_dated_and_attributed(text: str, expected: list) -> None:
    assert _read(text) == expected


def test_the_text_of_a_withdrawn_reservation_is_not_an_event_and_an_undated_one_is_kept_unread() -> None:
    assert _read("The text of the withdrawn reservation read as follows: “...”") == []
    found, unread = read_withdrawals(
        [EndNote("3", "The reservation to Article 7 (b) was withdrawn in 2000 and partly withdrawn in 2006.")]
    )
    assert found == [] and unread == [
        "note 3: The reservation to Article 7 (b) was withdrawn in 2000 and partly withdrawn in 2006."
    ]


@pytest.mark.corpus
def test_the_saved_pages_end_notes(untc_pages: Path) -> None:
    """Every sentence of the 437 pages' end notes that speaks of withdrawing a reservation, declaration or
    objection is either read (dated, attributed) or returned unread; the README gives these counts."""
    read = unread = treaties = 0
    for path in sorted([*untc_pages.glob("html-*/*.html"), *untc_pages.glob("xml-*/*.xml")]):
        status = parse_page(path.read_bytes(), source=SourceRef(str(path)))
        found, left = read_withdrawals(status.end_notes)
        read, unread, treaties = read + len(found), unread + len(left), treaties + bool(found)
    assert (read, unread, treaties) == (362, 59, 68)
