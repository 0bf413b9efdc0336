"""progress(): a rich bar on a terminal, nothing at all elsewhere; notes are always printed."""

from __future__ import annotations

import io
import re
import sys

import pytest

from pipeline.runs.console import progress

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture(autouse=True)
def _no_terminal_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")


def test_not_a_terminal_prints_nothing() -> None:
    buf = io.StringIO()
    with progress(3, "import", stream=buf) as advance:
        for name in ("IV-11-b", "IV-11-c", "IV-11-d"):
            advance(detail=name)
    assert buf.getvalue() == ""
    assert advance.done == 3


def test_default_stream_is_stderr_and_silent_when_captured(capsys: pytest.CaptureFixture[str]) -> None:
    with progress(None, "screenshots") as advance:
        advance(2)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert advance.done == 2


def test_a_note_is_a_plain_line_when_not_a_terminal() -> None:
    buf = io.StringIO()
    with progress(2, "import", stream=buf) as advance:
        advance()
        advance.note("failed XXVI-8: no table")
    assert buf.getvalue() == "failed XXVI-8: no table\n"


def test_terminal_shows_a_bar_with_label_count_and_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich: Console(file=...).is_terminal is true
    buf = io.StringIO()
    with progress(3, "import", stream=buf) as advance:
        advance(detail="IV-11-b")
        advance.note("failed IV-11-c: [no table]")
        advance(2, detail="IV-11-d")
    out = ANSI.sub("", buf.getvalue())
    assert "import IV-11-d" in out
    assert "3/3" in out
    assert "failed IV-11-c: [no table]" in out  # not read as markup


def test_terminal_without_a_total(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    buf = io.StringIO()
    with progress(None, "reports", stream=buf) as advance:
        advance(4)
    assert "4/?" in ANSI.sub("", buf.getvalue())


def test_an_error_in_the_job_propagates_and_stops_the_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    buf = io.StringIO()
    with pytest.raises(RuntimeError, match="boom"), progress(2, "import", stream=buf) as advance:
        advance()
        raise RuntimeError("boom")
    assert "1/2" in ANSI.sub("", buf.getvalue())
    assert sys.stdout is sys.__stdout__ or not hasattr(sys.stdout, "rich_proxied_file")


def test_update_sets_done_of_total_and_shows_labels_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    buf = io.StringIO()
    with progress(None, "report", stream=buf) as advance:
        assert advance.on_terminal
        advance.update(1, 3, "read IV-11-c")
        advance.update(3, 3, "treaty/[bold]x.html")  # a label is shown as text, never as rich markup
    out = ANSI.sub("", buf.getvalue())
    assert advance.done == 3 and "[bold]x.html" in out and "3/3" in out
    monkeypatch.delenv("TTY_COMPATIBLE")
    quiet = io.StringIO()
    with progress(None, "report", stream=quiet) as advance:
        advance.update(2, 2, "index.html")
    assert quiet.getvalue() == "" and advance.done == 2
