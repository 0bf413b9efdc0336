"""The report step of a run: the static site with its feeds, and screenshots for readers without a browser."""

from __future__ import annotations

import filecmp
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from pipeline.errors import one_line
from pipeline.report import SiteBuild, build_site, current_site
from pipeline.report.browser import BrowserUnavailable, save_screenshots
from pipeline.runs.console import progress, say
from pipeline.store import Store
from pipeline.store.events import treaty_events


@contextmanager
def staged_site(out_dir: Path) -> Iterator[Path]:
    """A copy of the site to build in; when the block succeeds, the files whose bytes changed go into
    out_dir by rename (the others are not touched) and files it removed are removed. When it fails,
    out_dir is exactly the last good site."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_orphan_stages(out_dir)
    stage = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-{os.getpid()}-", dir=out_dir.parent))
    try:
        before = {p.relative_to(out_dir) for p in out_dir.rglob("*") if p.is_file()}
        for rel in before:
            (stage / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(out_dir / rel, stage / rel)
        yield stage
        after = {p.relative_to(stage) for p in stage.rglob("*") if p.is_file()}
        for rel in sorted(after):
            src, dest = stage / rel, out_dir / rel
            if rel in before and filecmp.cmp(src, dest, shallow=False):
                continue  # unchanged: not touched at all
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dest)
        for rel in before - after:
            (out_dir / rel).unlink(missing_ok=True)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _remove_orphan_stages(out_dir: Path) -> None:
    """Staging copies left by a run that was killed (its process is gone): each is a whole site's size."""
    for stage in out_dir.parent.glob(f".{out_dir.name}.staging-*"):
        owner = stage.name.removeprefix(f".{out_dir.name}.staging-").split("-", 1)[0]
        if not owner.isdigit() or not _alive(int(owner)):
            shutil.rmtree(stage, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def build_reports(store: Store, out_dir: Path, out: TextIO | None = None) -> SiteBuild:
    """Write the report site with its Atom feeds, incrementally: only files whose bytes changed are
    rewritten, and a failed build leaves the last good site as it was (see staged_site)."""
    if out_dir.is_dir():
        _remove_orphan_stages(out_dir)  # a killed run's copy goes even when there is nothing to build
    current = current_site(store, out_dir, feeds=True)
    if current is not None:
        return current  # nothing to render: no staging copy of the whole site either
    with progress(None, "report", stream=out or sys.stderr) as advance, staged_site(out_dir) as stage:
        build = build_site(
            store,
            stage,
            progress=advance.update,
            events=lambda mtdsg_no: treaty_events(store, mtdsg_no),
        )
    return replace(build, index=out_dir / "index.html")


def render_reports(store: Store, out_dir: Path, out: TextIO | None = None) -> Path:
    """build_reports, returning the path of index.html."""
    return build_reports(store, out_dir, out).index


def write_reports(store: Store, out_dir: Path, out: TextIO, *, screenshots: bool = False) -> Path:
    where = render_reports(store, out_dir, out)
    say(out, f"reports: {where}")
    if screenshots:
        # Needs Debian's chromium, and is skipped (saying so) without it.
        try:
            shots = save_screenshots(where)
        except BrowserUnavailable as exc:
            say(out, f"screenshots: skipped ({exc})")
        except Exception as exc:  # noqa: BLE001 - pictures are a convenience: say why, keep the reports
            say(out, f"screenshots: failed ({type(exc).__name__}: {one_line(exc)})")
        else:
            say(out, f"screenshots: {', '.join(str(p) for p in shots)}")
    return where
