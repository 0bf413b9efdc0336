"""render_table: fitted to a terminal without cutting a value; plain and complete when piped; cell text."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from pipeline.cli.tables import format_value, render_table

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
BOX = set("─│┃━┌┐└┘├┤┬┴┼╇╈╋═║╭╮╯╰")
LONG_TITLE = (
    "Optional Protocol to the Convention on the Rights of the Child on the sale of children, "
    "child prostitution and child pornography"
)


@pytest.fixture(autouse=True)
def _no_terminal_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests decide themselves whether the console is a terminal and how wide it is."""
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


def as_terminal(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    # rich's own switches: TTY_COMPATIBLE=1 makes Console(file=...).is_terminal true, COLUMNS its width.
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", str(columns))


def render(data, **kwargs) -> str:
    buf = io.StringIO()
    render_table(data, stream=buf, **kwargs)
    return ANSI.sub("", buf.getvalue())


def treaty_frame() -> pd.DataFrame:
    """Six columns of treaty numbers, codes and dates, as `treaties country` shows them."""
    return pd.DataFrame(
        {
            "mtdsg_no": ["IV-11-c", "III-2-1", "XXVII-7-a", "IV-11-b", "XXVI-8"],
            "iso3": ["GBR", "GBR", "GBR", "GBR", "GBR"],
            "signature_date": [date(2000, 9, 7), date(1961, 12, 11), None, date(2000, 9, 7), None],
            "consent_date": [date(2009, 2, 20), date(1964, 9, 1), date(2016, 11, 18), None, None],
            "consent_type": ["ratification", "ratification", "ratification", None, None],
            "as_at": pd.to_datetime(
                ["2018-01-15", "2026-02-03 10:16", "2026-02-03 10:16", None, "2018-01-15"], format="ISO8601"
            ),
        }
    )


EXPECTED_VALUES = [
    "IV-11-c",
    "III-2-1",
    "XXVII-7-a",
    "IV-11-b",
    "XXVI-8",
    "2000-09-07",
    "1961-12-11",
    "2009-02-20",
    "1964-09-01",
    "2016-11-18",
    "2018-01-15",
    "2026-02-03 10:16",
]


def test_terminal_80_columns_keeps_every_date_and_code_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    as_terminal(monkeypatch, 80)
    out = render(treaty_frame(), title="GBR")
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    for value in EXPECTED_VALUES:
        assert any(value in line for line in lines), f"{value} cut or wrapped:\n{out}"
    assert "…" not in out and "T00:00" not in out
    assert "─" in out  # it is the rich table, not the plain fallback


def test_terminal_too_narrow_for_every_column_drops_the_lowest_priority_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    as_terminal(monkeypatch, 60)
    out = render(treaty_frame(), priorities={"as_at": 1, "iso3": 2})
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 60
    assert lines[-1].startswith("not shown at width 60: as at")
    assert "iso3" not in lines[-1]  # dropping as_at was enough
    for value in ["XXVII-7-a", "1961-12-11", "2016-11-18", "ratification"]:
        assert value in out
    assert "…" not in out


def test_a_narrower_column_dropped_after_a_wide_one_is_taken_back(monkeypatch: pytest.MonkeyPatch) -> None:
    # iso3 (priority 1) goes first but is not enough; as_at (2) goes too; then iso3 fits again.
    as_terminal(monkeypatch, 62)
    out = render(treaty_frame(), priorities={"iso3": 1, "as_at": 2})
    assert "GBR" in out
    assert out.splitlines()[-1].startswith("not shown at width 62: as at")


def test_wide_text_wraps_between_words_rather_than_cutting(monkeypatch: pytest.MonkeyPatch) -> None:
    as_terminal(monkeypatch, 70)
    rows = [
        {"mtdsg_no": "IV-11-c", "title": LONG_TITLE, "consent_date": date(2002, 9, 6)},
        {"mtdsg_no": "XXVII-7-d", "title": "Paris Agreement", "consent_date": date(2016, 11, 4)},
    ]
    out = render(rows)
    assert max(len(line) for line in out.splitlines()) <= 70
    words = " ".join(out.split())
    for word in LONG_TITLE.split():
        assert word in words
    assert "…" not in out
    assert "2002-09-06" in out and "XXVII-7-d" in out
    assert sum("Optional" in line or "pornography" in line for line in out.splitlines()) == 2  # wrapped


def test_piped_output_is_plain_and_complete() -> None:
    df = treaty_frame()
    df["title"] = LONG_TITLE
    out = render(df, title="GBR", priorities={"title": 1, "as_at": 1})  # piped: priorities do not apply
    lines = out.splitlines()
    assert lines[0] == "GBR"
    assert lines[1].split() == [
        "mtdsg_no",
        "iso3",
        "signature_date",
        "consent_date",
        "consent_type",
        "as_at",
        "title",
    ]
    assert len(lines) == 2 + len(df)
    assert not BOX & set(out) and "…" not in out and "not shown" not in out
    for value in [*EXPECTED_VALUES, LONG_TITLE]:
        assert value in out
    assert "T00:00:00" not in out and "00:00" not in out


def test_piped_columns_are_aligned() -> None:
    out = render([{"code": "IV-11-c", "n": 178}, {"code": "XXVII-7-a", "n": 5}])
    lines = out.splitlines()
    assert lines == ["code         n", "IV-11-c    178", "XXVII-7-a    5"]


def test_huge_terminal_shows_everything_unwrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    as_terminal(monkeypatch, 1000)
    df = treaty_frame()
    df["title"] = LONG_TITLE
    out = render(df, priorities={"title": 1})
    assert LONG_TITLE in out and "not shown" not in out
    for value in EXPECTED_VALUES:
        assert value in out


def test_essential_columns_wider_than_the_window_fall_back_to_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    as_terminal(monkeypatch, 30)
    out = render(treaty_frame())  # no priorities: nothing may be dropped, and nothing may be cut
    assert not BOX & set(out)
    for value in EXPECTED_VALUES:
        assert value in out


def test_explicit_width_and_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    as_terminal(monkeypatch, 200)
    out = render(treaty_frame(), width=50, columns={"mtdsg_no": "treaty", "consent_date": "joined"})
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 50
    assert lines[0].split() == ["treaty", "joined"]


def test_cells_are_not_read_as_markup(monkeypatch: pytest.MonkeyPatch) -> None:
    as_terminal(monkeypatch, 80)
    out = render([{"signature": "[26 Feb 1999 ]", "note": "[bold]x[/bold] [a]"}])
    assert "[26 Feb 1999 ]" in out and "[bold]x[/bold] [a]" in out


def test_rows_as_sequences_need_columns_and_unknown_columns_are_errors() -> None:
    assert "IV-11-c" in render([("IV-11-c", 3)], columns=["mtdsg_no", "n"])
    with pytest.raises(ValueError, match="need `columns`"):
        render([("IV-11-c", 3)])
    with pytest.raises(ValueError, match="'nope'"):
        render(treaty_frame(), columns=["mtdsg_no", "nope"])


def test_empty_table_prints_its_header() -> None:
    out = render(pd.DataFrame({"iso3": pd.Series(dtype=object), "name": pd.Series(dtype=object)}))
    assert out.split() == ["iso3", "name"]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (date(2018, 1, 15), "2018-01-15"),
        (datetime(2018, 1, 15), "2018-01-15"),
        (pd.Timestamp("2018-01-15T00:00:00"), "2018-01-15"),
        (np.datetime64("2018-01-15T00:00:00"), "2018-01-15"),
        (datetime(2026, 2, 3, 10, 16, 42), "2026-02-03 10:16"),
        ("2018-01-15T00:00:00", "2018-01-15"),
        ("2026-02-03T10:16:00", "2026-02-03 10:16"),
        (None, ""),
        (float("nan"), ""),
        (pd.NaT, ""),
        (pd.NA, ""),
        (True, "yes"),
        (False, "no"),
        (np.int64(178), "178"),
        (178.0, "178"),
        (0.5, "0.5"),
        (["1", "3"], "1, 3"),
        ([], ""),
        ("a\n\nb  c", "a b c"),
        ("III-2-1", "III-2-1"),
    ],
)
def test_format_value(value, text: str) -> None:
    assert format_value(value) == text


@pytest.mark.parametrize(("switch", "console_loaded"), [(None, False), ("TTY_COMPATIBLE", True)])
def test_piped_output_loads_no_console_unless_a_switch_asks_rich(
    switch: str | None, console_loaded: bool
) -> None:
    # Piped and with no switch of rich's set, the plain table is written without importing rich's console
    # (start-up time); with a switch, rich's console decides (here: a terminal, so a drawn table).
    probe = (
        "import io, sys\n"
        "from pipeline.cli.tables import render_table\n"
        "buf = io.StringIO()\n"
        "render_table([{'iso3': 'FJI', 'name': 'Fiji'}], stream=buf)\n"
        "print(repr(buf.getvalue()))\n"
        "print('rich.console' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_INTERACTIVE")}
    env.pop("TTY_COMPATIBLE", None)
    if switch:
        env[switch] = "1"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    table, loaded = done.stdout.strip().splitlines()
    assert "Fiji" in table
    assert loaded == str(console_loaded)
    assert ("─" in table) is console_loaded
