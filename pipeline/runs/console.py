"""What a run prints: lines, and a progress bar on a terminal (plain lines when piped)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.runs.results import FAILED, SKIPPED, TreatyResult

Reporter = Callable[[TreatyResult], None]


def say(out: TextIO, text: str) -> None:
    print(text, file=out, flush=True)


@contextmanager
def progress_reporter(
    total: int, label: str, *, stream: TextIO | None = None, failures_only: bool = False
) -> Iterator[Reporter]:
    """A rich progress bar on a terminal, plain lines otherwise (only failures with `failures_only`);
    failures are always printed as lines."""
    out = stream or sys.stdout
    if out.isatty():
        console = Console(file=out)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        ) as bar:
            task = bar.add_task(label, total=total)

            def on_bar(r: TreatyResult) -> None:
                if r.outcome == FAILED:
                    bar.console.print(
                        f"[red]failed[/red] {r.mtdsg_no}: {r.detail}", markup=True, highlight=False
                    )
                bar.update(task, advance=1, description=f"{label} {r.mtdsg_no}")

            yield on_bar
        return

    def on_line(r: TreatyResult) -> None:
        if failures_only and r.outcome != FAILED:
            return
        detail = f": {r.detail}" if r.detail and r.outcome in (FAILED, SKIPPED) else ""
        print(f"{r.outcome:<9} {r.mtdsg_no}{detail}", file=out, flush=True)

    yield on_line
