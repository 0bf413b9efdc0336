"""What runs and commands print: counts with nouns that agree, durations in words, causes named."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.text import duration_words, plural


@pytest.mark.parametrize(
    ("n", "one", "many", "text"),
    [
        (1, "treaty", "treaties", "1 treaty"),
        (2, "treaty", "treaties", "2 treaties"),
        (0, "problem", None, "0 problems"),
        (1, "problem", None, "1 problem"),
    ],
)
def test_plural(n: int, one: str, many: str | None, text: str) -> None:
    assert plural(n, one, many) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (5, "5 seconds"),
        (1, "1 second"),
        (0.5, "0.5 seconds"),
        (1800, "30 minutes"),
        (6 * 3600, "6 hours"),
        (86400 + 7200, "1 day and 2 hours"),
        (90061, "1 day, 1 hour, 1 minute and 1 second"),
    ],
)
def test_durations_in_words(seconds: float, text: str) -> None:
    assert duration_words(seconds) == text


def test_a_refused_interval_is_named_not_called_unreachable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Refused before anything is opened: no request leaves the machine."""
    monkeypatch.setenv("TREATIES_MIN_INTERVAL", "0.1")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["refresh", "OPSC", "--db", str(tmp_path / "t.duckdb"), "--no-reports"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: TREATIES_MIN_INTERVAL=0.1: expected at least 1 s for treaties.un.org (only a loopback server "
        "may be asked faster)"
    ]
    assert not (tmp_path / "t.duckdb").exists()
