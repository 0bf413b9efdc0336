"""Usage errors are one `error:` line plus the usage line (exit 2); help is plain, grouped by job, has one
placeholder style and says what each command writes."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
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


def test_each_command_is_loaded_from_the_module_that_registers_it() -> None:
    # `treaties NAME` imports only COMMAND_MODULES[NAME]: the table must name the module that registers it.
    from pipeline.cli import COMMAND_MODULES, command_named

    registered = {c.name or c.callback.__name__.replace("_", "-"): c for c in app.registered_commands}
    assert sorted(COMMAND_MODULES) == sorted(registered)
    for name, command in registered.items():
        assert command.callback.__module__ == f"pipeline.cli.{COMMAND_MODULES[name]}", name
    assert command_named(["--db", "x"]) == "x"  # the root takes no option with a value: a word is a command
    assert command_named(["status", "--help"]) == "status"
    assert command_named(["--help"]) is None


@pytest.mark.parametrize(("command", "other"), [("status", "report"), ("check-claims", "store")])
def test_a_call_builds_only_its_own_command(command: str, other: str) -> None:
    probe = (
        "import sys; from pipeline import cli; sys.argv = ['treaties', *sys.argv[1:]]\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, command, "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"Usage: treaties {command}" in done.stdout
    modules = done.stdout.strip().splitlines()[-1]
    assert f"'pipeline.cli.{cli_module(command)}'" in modules
    assert f"'pipeline.cli.{other}_cmd'" not in modules


def cli_module(command: str) -> str:
    from pipeline.cli import COMMAND_MODULES

    return COMMAND_MODULES[command]


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
