"""Command-line interface: reads options and calls the stages, nothing more (one module per stage).

A call of `treaties` imports only the module of the command it names (`main`): typer builds that command
alone, and no other command's imports are paid at start-up. `app` (what tests and `typer` tools use) is
the application with every command registered.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from importlib import import_module
from typing import TYPE_CHECKING

from pipeline.cli.base import app as _app

if TYPE_CHECKING:
    import typer

# The module (under pipeline.cli) that registers each command; a test checks it against the commands
# registered and against the help's table of commands (pipeline.cli.help.COMMAND_GROUPS).
COMMAND_MODULES: dict[str, str] = {
    "refresh": "fetch_cmd",
    "crawl": "fetch_cmd",
    "demo": "fetch_cmd",
    "mirror": "fetch_cmd",
    "verify-raw": "fetch_cmd",
    "import": "store_cmd",
    "status": "store_cmd",
    "asof": "store_cmd",
    "diff": "store_cmd",
    "country": "store_cmd",
    "snapshots": "store_cmd",
    "export": "store_cmd",
    "drop-snapshot": "store_cmd",
    "watch": "watch_cmd",
    "procedures": "procedures_cmd",
    "objections": "procedures_cmd",
    "reservations": "procedures_cmd",
    "report": "report_cmd",
    "check-claims": "claims_cmd",
    "parse": "parse_cmd",
    "names": "names_cmd",
    "bench": "bench_cmd",
}


def load_commands(names: Iterable[str] | None = None) -> typer.Typer:
    """The app with the modules of `names` imported (each registers its commands), or of every command."""
    wanted = list(COMMAND_MODULES) if names is None else list(names)
    for module in dict.fromkeys(COMMAND_MODULES[n] for n in wanted):
        import_module(f"pipeline.cli.{module}")
    return _app


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        return load_commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def command_named(args: Iterable[str]) -> str | None:
    """The command a command line names: its first word that is not an option (the root takes no value)."""
    return next((a for a in args if not a.startswith("-")), None)


def main() -> None:
    name = command_named(sys.argv[1:])
    # An unknown name, or none (--help): every command, for the list and for "did you mean".
    load_commands([name] if name in COMMAND_MODULES else None)
    _app()
