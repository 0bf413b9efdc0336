"""The `treaties` console script: `--version` answers at once; everything else goes to the typer app."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # The answer needs nothing of the command line's machinery (typer and every command module).
        from pipeline import __version__  # lazy: nothing else is loaded for --version

        print(f"treaties {__version__}")
        return
    from pipeline.cli import main as run  # lazy: the typer app and its commands, for every other call

    run()
