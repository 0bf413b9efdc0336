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


def test_the_python_example_runs(tmp_path: Path, monkeypatch) -> None:
    from pipeline.cli import app as cli_app
    from tests.store.test_cli import page

    code = README.split("## Python", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "old.html").write_bytes(page("15-01-2018 09:00:00 EST", fiji=False))
    (pages / "new.html").write_bytes(page("03-02-2026 10:16:18 EDT", fiji=True))
    monkeypatch.chdir(tmp_path)
    from typer.testing import CliRunner

    assert CliRunner().invoke(cli_app, ["import", str(pages), "--db", "data/treaties.duckdb"]).exit_code == 0
    scope: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), scope)  # noqa: S102 - the README's own example
    assert scope["opsc"] == "IV-11-c" and scope["then"].parties == 3
    assert len(scope["people"]) == 4 and set(scope["bahamas"]["status"]) >= {"party"}
    # The computations: OPSC grew from 2 parties (15 January 2018) to 3; Fiji joined in 2021.
    top = scope["top5"].iloc[0]
    assert (top["mtdsg_no"], top["in_2018"], top["parties"], top["grew"]) == ("IV-11-c", 2, 3, 1)
    assert scope["per_year"].iloc[-1] == 3 and scope["per_year"].index[-1] == 2021
    assert scope["pending"].empty and scope["recent"]["iso3"].tolist() == ["FJI"]
