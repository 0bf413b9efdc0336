"""The report is written anywhere: onto another filesystem, never into someone else's folder, and every
write error is one line naming the path."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report import render_site
from pipeline.report.output import MANIFEST, ForeignFolder
from pipeline.runs import reports as run_reports
from tests.report.conftest import FakeStore

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]


def _one_error_line(output: str) -> str:
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), output
    assert "Traceback" not in output and "Errno" not in output
    return lines[0]


def _can_mount() -> str | None:
    """None when this machine lets a test mount a tmpfs in its own namespace, else the reason it cannot."""
    if shutil.which("unshare") is None:
        return "no unshare command to mount a tmpfs in a private namespace"
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", 'd=$(mktemp -d) && mount -t tmpfs none "$d" && umount "$d"'],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return f"cannot mount a tmpfs here ({probe.stderr.strip() or probe.returncode})"
    return None


# Runs inside a private mount namespace: the site onto the root of a fresh tmpfs (the case where the
# folder beside the target is another filesystem), twice, then onto a read-only tmpfs.
SCRIPT = r"""
mount -t tmpfs none "$SITE" || exit 90
mkdir -p "$RO" && mount -t tmpfs -o ro none "$RO" || exit 91
run() { "$PY" -c 'from pipeline.cli import main; main()' report --db "$DB" --out "$1"; }
run "$SITE"; echo "first-exit=$?"
run "$SITE"; echo "second-exit=$?"
test -s "$SITE/index.html" && echo "index-ok"
test -s "$SITE/treaty/IV-11-c.html" && echo "treaty-ok"
ls -a "$SITE" | grep -c staging | sed 's/^/staging-left=/'
run "$RO"; echo "ro-exit=$?"
"""


def test_report_onto_a_second_filesystem_and_a_read_only_one(real_db: Path, tmp_path: Path) -> None:
    reason = _can_mount()
    if reason is not None:
        pytest.skip(reason)
    site, ro = tmp_path / "mnt", tmp_path / "ro"
    site.mkdir()
    env = {**os.environ, "SITE": str(site), "RO": str(ro), "DB": str(real_db), "PY": sys.executable}
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", SCRIPT], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    out, err = done.stdout, done.stderr
    assert done.returncode == 0, (out, err)
    assert "first-exit=0" in out and "second-exit=0" in out, (out, err)
    assert f"report: {site / 'index.html'}" in out and "written 0, unchanged" in out
    assert "index-ok" in out and "treaty-ok" in out and "staging-left=0" in out, (out, err)
    assert "ro-exit=1" in out, (out, err)
    assert err.strip().splitlines() == [f"error: cannot write the report folder {ro}: Read-only file system"]
    assert "Invalid cross-device link" not in err


def test_a_rename_across_filesystems_falls_back_to_a_copy(
    real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where a rename from the staging copy into the site fails with EXDEV (a bind mount), files are
    copied in and renamed within the target folder."""
    real_replace = os.replace
    crossed: list[str] = []

    def replace(src: str | os.PathLike[str], dest: str | os.PathLike[str]) -> None:
        if "staging" in str(src) and "staging" not in str(dest):
            crossed.append(str(dest))
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(src, dest)

    monkeypatch.setattr(run_reports.os, "replace", replace)
    out = tmp_path / "reports"
    result = runner.invoke(app, ["report", "--db", str(real_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert crossed and (out / "index.html").stat().st_size > 0
    assert "178 parties and 122 signatories" in (out / "treaty" / "IV-11-c.html").read_text()
    assert [p for p in out.rglob("*") if p.name.endswith(".tmp") or "staging" in p.name] == []


def test_out_naming_a_file_is_one_line(real_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "site.html"
    target.write_text("mine")
    result = runner.invoke(app, ["report", "--db", str(real_db), "--out", str(target)])
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    assert line == f"error: cannot write the report folder {target}: it is a file, not a folder"
    assert target.read_text() == "mine"


def test_a_folder_it_did_not_make_is_refused_and_nothing_deleted(real_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "photos"
    (out / "treaty").mkdir(parents=True)
    (out / "treaty" / "old.html").write_text("mine")
    (out / "index.html").write_text("my own index")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    result = runner.invoke(app, ["report", "--db", str(real_db), "--out", str(out)])
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    assert (
        str(out) in line and "not empty (2 entries)" in line and "was not made by `treaties report`" in line
    )
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["photos"]  # no staging copy left beside it
    with pytest.raises(ForeignFolder):
        render_site(FakeStore(), out)


def test_an_empty_folder_is_taken_and_then_the_site_owns_it(tmp_path: Path) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    (out / ".gitkeep").write_text("")  # a fresh checkout's reports/: empty but for the placeholder
    render_site(FakeStore(), out)
    assert (out / MANIFEST).is_file()
    (out / "country" / "mine.txt").write_text("mine")
    render_site(FakeStore(), out)  # a folder it made, with a file of the user's: fine, and kept
    assert (out / "country" / "mine.txt").read_text() == "mine"
    assert (out / ".gitkeep").exists()


def test_a_build_that_fails_half_way_keeps_its_claim_on_the_folder(tmp_path: Path) -> None:
    """A direct (unstaged) build that dies leaves a manifest without inputs: never up to date, still
    the site's folder, and its files still known (so the next build may replace them)."""
    import json

    out = tmp_path / "site"
    render_site(FakeStore(), out)
    listed = set(json.loads((out / MANIFEST).read_text())["files"])
    store = FakeStore()
    store._treaties.loc[store._treaties["mtdsg_no"] == "IV-2", "declared_parties"] = 5

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("killed")

    from pipeline.report import output

    writer_finish = output.SiteWriter.finish
    try:
        output.SiteWriter.finish = broken  # type: ignore[method-assign]
        with pytest.raises(RuntimeError):
            render_site(store, out)
    finally:
        output.SiteWriter.finish = writer_finish  # type: ignore[method-assign]
    pending = json.loads((out / MANIFEST).read_text())
    assert pending["inputs"] is None and set(pending["files"]) == listed
    render_site(store, out)
    assert json.loads((out / MANIFEST).read_text())["inputs"] is not None
