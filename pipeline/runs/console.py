"""What a run prints: a progress bar for long steps, only on a terminal, and one line per treaty when piped.

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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline import config
from pipeline.mtdsg import is_loopback
from pipeline.runs.results import FAILED, SKIPPED, TreatyResult

Reporter = Callable[[TreatyResult], None]


def contact_notice(base_url: str) -> str | None:
    """One line asking the operator for a contact, when a run is about to ask a real site (not a loopback
    mirror) without one: the User-Agent is then only the tool's name and version."""
    if is_loopback(base_url) or config.contact_url() is not None or config.user_agent_override():
        return None
    return (
        "note: set TREATIES_CONTACT_URL to a page or mailto: address where the site's operators can reach "
        "you; it goes in the User-Agent of every request"
    )


def say(out: TextIO, text: str) -> None:
    print(text, file=out, flush=True)


class Advance:
    """The callable `progress` yields: advance(n=1, detail="") moves the bar; note(text) prints a line."""

    def __init__(self, bar: Any = None, task: Any = None, label: str = "", stream: TextIO | None = None):
        self._bar = bar
        self._task = task
        self._label = label
        self._stream = stream
        self.done = 0

    @property
    def on_terminal(self) -> bool:
        return self._bar is not None

    def __call__(self, n: int = 1, detail: str = "") -> None:
        self.done += n
        if self._bar is not None:
            description = f"{self._label} {detail}" if detail else self._label
            self._bar.update(self._task, advance=n, description=description)

    def update(self, done: int, total: int, detail: str = "") -> None:
        """Set the bar to `done` of `total` (for steps that count their own work)."""
        self.done = done
        if self._bar is not None:
            description = f"{self._label} {detail}" if detail else self._label
            self._bar.update(self._task, completed=done, total=total, description=description)

    def note(self, text: str) -> None:
        """A line of its own: above the bar on a terminal, else written plainly to the stream."""
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False)
        elif self._stream is not None:
            print(text, file=self._stream, flush=True)


@contextmanager
def progress(total: int | None, label: str, *, stream: TextIO | None = None) -> Iterator[Advance]:
    """Yield an Advance; a rich bar (total None: an open-ended one) shows only if `stream` is a terminal."""
    out = stream if stream is not None else sys.stderr
    console = Console(file=out)
    if not console.is_terminal:
        yield Advance(stream=out)
        return
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


@contextmanager
def progress_reporter(
    total: int, label: str, *, stream: TextIO | None = None, failures_only: bool = False
) -> Iterator[Reporter]:
    """Per-treaty results of a run: a bar on a terminal, else one line per treaty (only failures with
    `failures_only`); failures are always printed as lines."""
    out = stream or sys.stdout
    with progress(total, label, stream=out) as advance:

        def report(r: TreatyResult) -> None:
            detail = f": {r.detail}" if r.detail and r.outcome in (FAILED, SKIPPED) else ""
            line = f"{r.outcome:<9} {r.mtdsg_no}{detail}"
            if r.outcome == FAILED and not advance.on_terminal:
                print(line, file=sys.stderr, flush=True)  # a failure is an error: stderr when piped
            elif r.outcome == FAILED or (not advance.on_terminal and not failures_only):
                advance.note(line)
            advance(detail=r.mtdsg_no)

        yield report
