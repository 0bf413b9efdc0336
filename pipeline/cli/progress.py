"""A progress bar for long jobs (XML import, report writing, screenshots) that appears only on a terminal.

    with progress(len(files), "import") as advance:
        for f in files:
            ...
            advance(detail=f.name)
        advance.note("failed XXVI-8: ...")  # a line above the bar (or a plain line when not a terminal)

On a terminal (`rich.console.Console(file=stream).is_terminal`) this draws a rich bar with the label,
the last detail, done/total and elapsed time; the bar stays on screen when the job ends. Anywhere else
(a pipe, a file, a test) it prints nothing at all, so redirected output holds only what the command
itself prints. The default stream is stderr: a bar is about the run, not its result, and must not
mix into `treaties ... > file`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO


class Advance:
    """The callable `progress` yields: advance(n=1, detail="") moves the bar; note(text) prints a line."""

    def __init__(self, bar: Any = None, task: Any = None, label: str = "", stream: TextIO | None = None):
        self._bar = bar
        self._task = task
        self._label = label
        self._stream = stream
        self.done = 0

    def __call__(self, n: int = 1, detail: str = "") -> None:
        self.done += n
        if self._bar is not None:
            description = f"{self._label} {detail}" if detail else self._label
            self._bar.update(self._task, advance=n, description=description)

    def note(self, text: str) -> None:
        """A line of its own: above the bar on a terminal, else written plainly to the stream."""
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False)
        elif self._stream is not None:
            print(text, file=self._stream, flush=True)


@contextmanager
def progress(total: int | None, label: str, *, stream: TextIO | None = None) -> Iterator[Advance]:
    """Yield an Advance; a rich bar (total None: an open-ended one) shows only if `stream` is a terminal."""
    from rich.console import Console

    out = stream if stream is not None else sys.stderr
    console = Console(file=out)
    if not console.is_terminal:
        yield Advance(stream=out)
        return

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield Advance(bar, task, label, out)
