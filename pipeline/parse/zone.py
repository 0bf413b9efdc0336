"""The UN's clock: a STATUS AS AT time is US Eastern (EDT in summer, EST in winter), never UTC.

The status page prints "03-02-2026 10:16:18 EST"; the parser reads it with its offset, and the store keeps
that local time without the zone (store/writer.to_naive). Anything that shows such a time with an offset
(the Atom feeds' <updated> and <published>, report/feeds.py `_utc`) must put the zone back with
`un_time`, not label the local time +00:00, which is four or five hours off.

The rule is the US one in force since 2007 (second Sunday of March, 02:00, to the first Sunday of
November, 02:00), written here so that no time zone database is needed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

EST = timezone(timedelta(hours=-5), "EST")
EDT = timezone(timedelta(hours=-4), "EDT")


def _nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def un_zone(local: datetime) -> timezone:
    """EDT or EST for a naive US Eastern wall-clock time (in the hour that repeats in November, EDT)."""
    start = datetime.combine(_nth_sunday(local.year, 3, 2), datetime.min.time()).replace(hour=2)
    end = datetime.combine(_nth_sunday(local.year, 11, 1), datetime.min.time()).replace(hour=2)
    return EDT if start <= local.replace(tzinfo=None) < end else EST


def un_time(value: datetime) -> datetime:
    """A stored STATUS AS AT (naive, the UN's local time) as an aware datetime with the UN's offset; an
    aware value is returned as it is."""
    if value.tzinfo is not None:
        return value
    return value.replace(tzinfo=un_zone(value))
