"""Shared readers for the per-pass test files: the counts the frames read, and the claims checked against a
database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.claims.frames import read_counts
from pipeline.claims.results import ClaimReport


def counts(text: str) -> list[tuple[int, str]]:
    """(figure, measure) of each count the frames read in `text`."""
    return [(c.figure, c.measure) for c in read_counts(text)[0]]


def report(db: Path, text: str, written_on: date | None = None) -> ClaimReport:
    """The whole report of `text` checked against the database `db` (its checks' claims and treaties)."""
    from pipeline.claims.check import check_text
    from pipeline.store import open_store

    with open_store(db, read_only=True) as store:
        return check_text(text, store, name="t", written_on=written_on)


def checks(
    db: Path, text: str, written_on: date | None = None
) -> list[tuple[int, str, str | None, str | None]]:
    """(figure, measure, treaty, claimed day) of each claim checked in `text` against the database `db`."""
    found = report(db, text, written_on).checks
    return [
        (c.claim.figure, c.claim.measure, c.mtdsg_no, c.claim.claimed_on and c.claim.claimed_on.isoformat())
        for c in found
    ]


def unread(db: Path, text: str, written_on: date | None = None) -> list[tuple[int, str]]:
    """(figure, reason) of each figure listed unread in `text` checked against the database `db`."""
    return [(u.figure, u.reason) for u in report(db, text, written_on).unread]


def threshold_verdicts(db: Path, text: str) -> list[str]:
    """The verdicts of the thresholds checked in `text` against the database `db`."""
    found = report(db, text).checks
    return [c.verdict for c in found if c.verdict.startswith("threshold")]


def byline(head: str) -> date | None:
    """The text's own date find_byline gives when `head` stands over a paragraph with one count."""
    from pipeline.claims.bylines import find_byline

    found = find_byline(f"{head}\n\nThe Convention on Cluster Munitions has 90 States Parties.\n")
    return None if found is None else found.on
