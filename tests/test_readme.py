"""The README documents every command and every option of the CLI (as git-history checks its own)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer.main

from pipeline.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, Any]:
    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in _commands() if f"treaties {name}" not in README]
    assert missing == []


def test_every_option_is_in_the_readme() -> None:
    missing = []
    for name, command in _commands().items():
        for param in command.params:
            if param.param_type_name != "option":
                continue
            longs = [o for o in param.opts + param.secondary_opts if o.startswith("--")]
            if longs and not any(o in README for o in longs):
                missing.append(f"{name} {longs[0]}")
    assert missing == []


def test_version_is_in_the_readme() -> None:
    assert "treaties --version" in README
