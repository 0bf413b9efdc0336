"""Atom times carry the UN's own offset: a STATUS AS AT is New York time (EST or EDT), not UTC."""

from __future__ import annotations

from datetime import datetime, timedelta

from pipeline.report.feeds import _utc


def test_a_status_time_in_winter_is_est_and_in_summer_edt() -> None:
    assert _utc(datetime(2026, 2, 3, 10, 16, 18)).utcoffset() == timedelta(hours=-5)
    assert _utc(datetime(2025, 7, 1, 9, 0)).utcoffset() == timedelta(hours=-4)
