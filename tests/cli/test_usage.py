"""Usage errors are one `error:` line plus the usage line (exit 2); help is plain, grouped by job, has one
placeholder style and says what each command writes."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

import pipeline.cli  # noqa: F401 - registers every command on the app
from pipeline.cli.app import app
from pipeline.cli.help import COMMAND_GROUPS, COMMAND_WRITES

runner = CliRunner()
BOX = re.compile("[\u2500-\u257f]")  # box drawing


@pytest.mark.parametrize(
    ("args", "error", "usage"),
    [
        (["asof", "OPSC"], "error: missing argument DATE", "Usage: treaties asof [OPTIONS] TREATY DATE"),
        (
            ["status", "OPSC", "--format", "xml"],
            "error: --format / -f: 'xml' is not one of table, json, jsonl, csv",
            "Usage: treaties status [OPTIONS] TREATY",
        ),
        (["status"], "error: missing argument TREATY", "Usage: treaties status [OPTIONS] TREATY"),
        (["status", "OPSC", "--bogus"], "error: no such option --bogus", "Usage: treaties status"),
        (["diff", "OPSC", "--from"], "error: option '--from' requires an argument", "Usage: treaties diff"),
        (["frobnicate"], "error: no such command 'frobnicate'", "Usage: treaties [OPTIONS] COMMAND"),
        (
            ["crawl", "--min-interval", "abc"],
            "error: --min-interval: 'abc' is not a number",
            "Usage: treaties crawl",
        ),
        (["watch", "--cycles", "x"], "error: --cycles: 'x' is not a whole number", "Usage: treaties watch"),
        (["drop-snapshot", "abc"], "error: ID: 'abc' is not a whole number", "Usage: treaties drop-snapshot"),
    ],
)
def test_a_usage_error_is_one_line_and_the_usage(args: list[str], error: str, usage: str) -> None:
    result = runner.invoke(app, args, prog_name="treaties")
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 2, result.output
    assert lines[0] == error
    assert lines[1].startswith(usage)
    assert not BOX.search(result.output) and "Traceback" not in result.output


def _commands() -> list[str]:
    return [name for _, names in COMMAND_GROUPS for name in names]


def test_the_tables_name_every_command_once() -> None:
    registered = {c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands}
    assert sorted(_commands()) == sorted(registered) == sorted(COMMAND_WRITES)
    assert _commands()[-1] == "bench"


def test_top_help_groups_commands_by_job_with_bench_last() -> None:
    result = runner.invoke(app, ["--help"], prog_name="treaties")
    assert result.exit_code == 0
    text = result.output
    heads = [line for line in text.splitlines() if line and not line.startswith(" ") and line.endswith(":")]
    assert heads == ["Options:"] + [f"{title}:" for title, _ in COMMAND_GROUPS]
    positions = [text.index(f"\n  {name} ") for name in _commands()]
    assert positions == sorted(positions)
    assert not BOX.search(text) and "<bool>" not in text


@pytest.mark.parametrize("command", sorted(COMMAND_WRITES))
def test_every_command_help_is_plain_and_says_what_it_writes(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], prog_name="treaties")
    assert result.exit_code == 0, result.output
    text = result.output
    assert "Writes: " in text
    assert not BOX.search(text)
    # One placeholder style: UPPER-CASE words or [a|b] choices; no <type>, no {name}.
    assert not re.search(r"<(bool|str|path|int|float)>|\{[a-z]+\}", text), text
    usage = text.splitlines()[0]
    assert re.fullmatch(r"Usage: treaties [a-z-]+( \[OPTIONS\])?( \[?[A-Z|.]+\]?(\.\.\.)?)*", usage), usage


def test_help_piped_from_the_real_command_has_no_box_drawing() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from pipeline.cli import main; main()", "status", "--help"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "Usage: " in done.stdout
    assert not BOX.search(done.stdout) and "<bool>" not in done.stdout
