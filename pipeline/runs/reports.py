"""The report step of a run: the static site with its feeds, and screenshots for readers without a browser."""

from __future__ import annotations

import errno
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
from pipeline.report import ReportWriteError, SiteBuild, build_site, current_site
from pipeline.report.browser import BrowserUnavailable, save_screenshots
from pipeline.report.output import INNER_STAGE_PREFIX, check_site_folder
from pipeline.runs.console import progress, say
from pipeline.store import Store
from pipeline.store.events import treaty_events
from pipeline.text import plural


@contextmanager
def staged_site(out_dir: Path) -> Iterator[Path]:
    """A copy of the site to build in; when the block succeeds, the files whose bytes changed go into
    out_dir by rename (the others are not touched) and files it removed are removed. When it fails,
    out_dir is exactly the last good site.

    The copy sits beside out_dir when that is the same filesystem and writable, else inside out_dir (a
    mount point: a tmpfs, a Docker volume, an NFS share), so that the final renames never cross
    filesystems; should one still fail with EXDEV, the file is copied in and renamed instead. Every
    failure is one ReportWriteError naming the path."""
    check_site_folder(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportWriteError(out_dir, exc, what="folder") from None
    _remove_orphan_stages(out_dir)
    stage = _make_stage(out_dir)
    try:
        before = {p.relative_to(out_dir) for p in _site_files(out_dir)}
        for rel in before:
            _copy(out_dir / rel, stage / rel)
        yield stage
        after = {p.relative_to(stage) for p in _site_files(stage)}
        for rel in sorted(after):
            src, dest = stage / rel, out_dir / rel
            if rel in before and filecmp.cmp(src, dest, shallow=False):
                continue  # unchanged: not touched at all
            _move(src, dest)
        for rel in before - after:
            try:
                (out_dir / rel).unlink(missing_ok=True)
            except OSError as exc:
                raise ReportWriteError(out_dir / rel, exc) from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _outer_stage_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}.staging-"


def _make_stage(out_dir: Path) -> Path:
    pid = os.getpid()
    parent = out_dir.resolve().parent
    try:
        same_fs = parent.stat().st_dev == out_dir.stat().st_dev
    except OSError:
        same_fs = False
    if same_fs:
        try:
            return Path(tempfile.mkdtemp(prefix=f"{_outer_stage_prefix(out_dir)}{pid}-", dir=parent))
        except OSError:
            pass  # the parent is not ours to write (a read-only /mnt): stage inside the folder instead
    try:
        return Path(tempfile.mkdtemp(prefix=f"{INNER_STAGE_PREFIX}{pid}-", dir=out_dir))
    except OSError as exc:
        raise ReportWriteError(out_dir, exc, what="folder") from None


def _site_files(folder: Path) -> Iterator[Path]:
    """Every file under folder but a staging copy kept inside it."""
    for p in folder.iterdir():
        if p.name.startswith(INNER_STAGE_PREFIX):
            continue
        if p.is_dir() and not p.is_symlink():
            yield from _site_files(p)
        elif p.is_file():
            yield p


def _copy(src: Path, dest: Path) -> None:
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)
    except OSError as exc:
        raise ReportWriteError(dest, exc) from None


def _move(src: Path, dest: Path) -> None:
    """Rename src over dest; across filesystems, copy to a temporary file beside dest and rename that."""
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dest)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise ReportWriteError(dest, exc) from None
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        shutil.copy2(src, tmp)
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ReportWriteError(dest, exc) from None


def _remove_orphan_stages(out_dir: Path) -> None:
    """Staging copies left by a run that was killed (its process is gone): each is a whole site's size."""
    prefix = _outer_stage_prefix(out_dir)
    stages = [(s, s.name.removeprefix(prefix)) for s in out_dir.parent.glob(f"{prefix}*")]
    if out_dir.is_dir():
        stages += [
            (s, s.name.removeprefix(INNER_STAGE_PREFIX)) for s in out_dir.glob(f"{INNER_STAGE_PREFIX}*")
        ]
    for stage, rest in stages:
        owner = rest.split("-", 1)[0]
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
    check_site_folder(out_dir)  # a file, or someone else's folder: one line, before anything is read
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
            # Thirteen pictures (each page kind, desktop and phone, and a map): their folder and count.
            folders = sorted({str(p.parent) for p in shots})
            say(out, f"screenshots: {plural(len(shots), 'picture')} in {', '.join(folders)}")
    return where
