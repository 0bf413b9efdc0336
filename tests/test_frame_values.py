"""One rule for reading the store's frame cells, shared by the store, the reports and the claim checker."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from pipeline.frame_values import is_missing, to_date


def test_missing_values():
    for v in (None, float("nan"), pd.NaT, pd.NA):
        assert is_missing(v)
    for v in (0, "", [], ["1"], "2020-01-01", date(2020, 1, 1)):
        assert not is_missing(v)


def test_dates_from_every_shape_a_frame_holds():
    want = date(2021, 9, 30)
    for v in (want, datetime(2021, 9, 30, 10, 16), pd.Timestamp("2021-09-30"), "2021-09-30"):
        assert to_date(v) == want
    assert to_date(None) is None and to_date(pd.NaT) is None
