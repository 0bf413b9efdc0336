"""Content checks on a parsed page before it is stored: is what it says possible at all (pure, no I/O)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pipeline.mtdsg import InvalidTreatyNumber, validate
from pipeline.parse.model import ParseError, TreatyStatus

# The page's clock (US Eastern) and ours may disagree by hours, never by more than a day.
_SLACK = timedelta(days=1)


def check_plausible(status: TreatyStatus, *, fetched_at: datetime | None, now: datetime) -> None:
    """Raise ParseError when a page cannot be what it claims: a status date later than its fetch time (or,
    when that is unknown, than `now`) plus one day ("STATUS AS AT 03-02-2099"), or an invalid treaty number.

    Naive datetimes are taken as UTC. The importer calls this after parse_page and before storing.
    """
    page = status.source.location if status.source else status.mtdsg_no
    try:
        validate(status.mtdsg_no)
    except InvalidTreatyNumber as exc:
        raise ParseError(f"{page}: {exc}") from exc
    if status.status_as_at is None:
        return
    limit = _aware(fetched_at if fetched_at is not None else now) + _SLACK
    if _aware(status.status_as_at) > limit:
        against = "fetched at" if fetched_at is not None else "now is"
        raise ParseError(
            f"{page}: status date {status.status_as_at.isoformat()} is in the future"
            f" ({against} {_aware(fetched_at or now).isoformat()})"
        )


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)
