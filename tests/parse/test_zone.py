"""The UN's status times carry US Eastern offsets (EDT/EST), as the pages print them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pipeline.parse import parse_page
from pipeline.parse.model import SourceRef
from pipeline.parse.zone import un_time
from tests.pagemaker import status_page


@pytest.mark.parametrize(
    ("local", "offset"),
    [
        (datetime(2026, 2, 3, 10, 16, 18), "-05:00"),  # winter: EST
        (datetime(2026, 7, 3, 10, 16, 18), "-04:00"),  # summer: EDT
        (datetime(2026, 3, 8, 1, 59), "-05:00"),  # just before the switch
        (datetime(2026, 3, 8, 3, 0), "-04:00"),
        (datetime(2026, 11, 1, 2, 0), "-05:00"),  # back to EST
    ],
)
def test_un_time_gives_the_offset_of_the_day(local: datetime, offset: str) -> None:
    assert un_time(local).isoformat().endswith(offset)


@pytest.mark.parametrize("when", ["03-02-2026 10:16:18 EST", "03-07-2026 10:16:18 EDT"])
def test_the_stored_local_time_gets_back_the_offset_the_page_printed(when: str) -> None:
    parsed = parse_page(status_page(status_at=when), source=SourceRef("p")).status_as_at
    assert parsed is not None
    stored = parsed.replace(tzinfo=None)  # what the store keeps
    assert un_time(stored).astimezone(UTC) == parsed.astimezone(UTC)
