"""Dates that cannot be: a capture date before the page's own latest action, a claim written in the future."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pipeline.parse.model import TreatyStatus
from pipeline.store.model import StoreError

__all__ = ["check_capture_date", "check_not_future", "latest_action"]


def latest_action(status: TreatyStatus) -> tuple[date, str] | None:
    """The page's latest dated action (any column, bracketed or not) and who made it; None if none."""
    found = [
        (a.date, p.name)
        for p in status.participants
        for a in (p.signature, p.consent, p.provisional, *p.others)
        if a is not None
    ]
    return max(found) if found else None


def check_capture_date(status: TreatyStatus, captured_at: date | datetime | None) -> None:
    """A page that carries no status date (MTDSG XML) takes its capture date; a capture date earlier than
    an action the page records cannot be (it would date a snapshot before the facts it shows)."""
    if status.status_as_at is not None or captured_at is None:
        return
    day = captured_at.date() if isinstance(captured_at, datetime) else captured_at
    latest = latest_action(status)
    if latest is not None and latest[0] > day:
        raise StoreError(
            f"{status.mtdsg_no}: capture date {day.isoformat()} is earlier than the page's latest action"
            f" ({latest[1]}, {latest[0].isoformat()}): give the date the page was saved"
        )


def check_not_future(day: date, option: str, today: date | None = None) -> None:
    """Refuse a date after today where only a past date makes sense (`--written-on`: a text cannot have
    been written tomorrow). `option` names the option in the one-line message."""
    today = today or datetime.now(UTC).date()
    if day > today:
        raise StoreError(f"{option} {day.isoformat()} is in the future (today is {today.isoformat()})")
