"""The site is rebuilt incrementally: unchanged inputs touch no file, stale pages go, writes are atomic."""

from __future__ import annotations

import errno
import os
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report import ReportWriteError, render_site, site_size
from pipeline.report.charts import render_timeline_svg, year_ticks
from pipeline.report.output import MANIFEST
from tests.report.conftest import FakeStore


def _stats(site: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in site.rglob("*")
        if p.is_file()
    }


def test_second_build_over_unchanged_store_rewrites_no_file(tmp_path: Path) -> None:
    site = tmp_path / "site"
    render_site(FakeStore(), site)
    before = _stats(site)
    calls: list[tuple[int, int, str]] = []
    render_site(FakeStore(), site, progress=lambda done, total, label: calls.append((done, total, label)))
    assert _stats(site) == before  # same inode, same mtime, no file added or removed
    # Every file was checked and reported, none written.
    assert [c[0] for c in calls] == list(range(1, len(before)))  # the manifest itself is not a page
    assert {c[2] for c in calls} == set(before) - {MANIFEST}


def test_unchanged_pages_keep_their_files_even_with_a_damaged_manifest(tmp_path: Path) -> None:
    """With the manifest unreadable every page is rendered again, but bytes equal to the disk's are not
    written (the XLSX included: its timestamps are fixed). (With no manifest at all the folder is not
    the site's: see test_anywhere.)"""
    site = tmp_path / "site"
    render_site(FakeStore(), site)
    (site / MANIFEST).write_text("{damaged")
    before = {k: v for k, v in _stats(site).items() if k != MANIFEST}
    render_site(FakeStore(), site)
    after = _stats(site)
    assert {k: v for k, v in after.items() if k != MANIFEST} == before


def test_a_changed_treaty_rewrites_only_what_shows_it(tmp_path: Path) -> None:
    site = tmp_path / "site"
    render_site(FakeStore(), site)
    before = _stats(site)
    store = FakeStore()
    store._treaties.loc[store._treaties["mtdsg_no"] == "IV-2", "declared_parties"] = 2
    render_site(store, site)
    after = _stats(site)
    changed = {k for k in after if after[k] != before.get(k)}
    assert {"treaty/IV-2.html", "index.html", "README.md", MANIFEST} <= changed
    assert "treaty/IV-99.html" not in changed and "country/FRA.html" not in changed
    assert "static/world.js" not in changed and "matrix.xlsx" not in changed


def test_stale_pages_are_removed_and_other_files_kept(tmp_path: Path) -> None:
    site = tmp_path / "site"
    render_site(FakeStore(), site)
    (site / "treaty" / "notes.svg").write_text("<svg/>")  # the user's file among the site's pages
    (site / "notes.txt").write_text("mine")  # the user's own file beside the site
    store = FakeStore()
    store._treaties = store._treaties[store._treaties["mtdsg_no"] != "IV-2"].reset_index(drop=True)
    render_site(store, site)
    assert not (site / "treaty" / "IV-2.html").exists()
    assert not (site / "treaty" / "IV-2-timeline.svg").exists()
    # Only files the manifest lists are removed: the user's files stay, even in the site's folders.
    assert (site / "treaty" / "notes.svg").read_text() == "<svg/>"
    assert (site / "treaty" / "IV-99.html").exists()
    assert (site / "notes.txt").read_text() == "mine"


def test_a_manifest_never_removes_files_outside_the_folder(tmp_path: Path) -> None:
    import json

    site = tmp_path / "site"
    render_site(FakeStore(), site)
    outside = tmp_path / "precious.txt"
    outside.write_text("keep")
    manifest = json.loads((site / MANIFEST).read_text())
    manifest["inputs"] = "edited"
    manifest["files"]["../precious.txt"] = {"sha256": "", "size": 4}
    manifest["files"][str(outside)] = {"sha256": "", "size": 4}
    (site / MANIFEST).write_text(json.dumps(manifest))
    render_site(FakeStore(), site)
    assert outside.read_text() == "keep"


def test_site_size_counts_bytes_and_files(tmp_path: Path) -> None:
    site = render_site(FakeStore(), tmp_path / "site").parent
    size = site_size(site)
    files = [p for p in site.rglob("*") if p.is_file()]
    assert size.files == len(files) and size.bytes == sum(p.stat().st_size for p in files)


def test_progress_counts_up_to_its_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    render_site(FakeStore(), tmp_path / "site", progress=lambda d, t, label: calls.append((d, t, label)))
    written = [c for c in calls if not c[2].startswith("read ")]
    assert written[-1][0] == written[-1][1] == len(written)
    assert [c[2] for c in calls if c[2].startswith("read ")] == ["read IV-2", "read IV-99", "read V-2"]


def test_write_into_a_path_under_a_file_is_one_error_naming_it(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReportWriteError) as err:
        render_site(FakeStore(), blocker / "site")
    assert str(blocker / "site") in str(err.value)


def test_disk_full_leaves_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    render_site(FakeStore(), site)
    old_page = (site / "treaty" / "IV-2.html").read_bytes()
    old_index = (site / "index.html").read_bytes()
    store = FakeStore()
    store._treaties.loc[store._treaties["mtdsg_no"] == "IV-2", "title"] = "Changed title"

    def full(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(ReportWriteError) as err:
        render_site(store, site)
    # The first file the change touches is the treaty's own page.
    assert "no space left on device" in str(err.value) and "treaty/IV-2.html" in str(err.value)
    assert (site / "treaty" / "IV-2.html").read_bytes() == old_page
    assert (site / "index.html").read_bytes() == old_index
    assert not [p for p in site.rglob("*.tmp")]
    # No room to mark the manifest as pending either: it stays as it was (the folder is still the site's,
    # and no page changed), and the next build, from other inputs, is not fooled into keeping it.
    assert (site / MANIFEST).exists()
    monkeypatch.undo()
    render_site(store, site)
    assert "Changed title" in (site / "index.html").read_text()


def test_read_only_folder_is_one_error_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root a chmod does not stop writes, so the refusal is simulated where the file is created."""
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ReportWriteError) as err:
        render_site(FakeStore(), tmp_path / "site")
    assert str(tmp_path / "site" / "static" / "site.css") in str(err.value)
    assert "Read-only file system" in str(err.value)
    assert [p for p in (tmp_path / "site").rglob("*") if p.is_file()] == []


def test_cli_turns_a_write_error_into_one_line(real_db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(app, ["report", "--db", str(real_db), "--out", str(blocker / "site")])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and str(blocker) in lines[0], result.output
    assert "Traceback" not in result.output


def test_year_ticks_are_whole_years_evenly_spaced() -> None:
    for first, last in [(2000, 2027), (1948, 2027), (2016, 2019), (2013, 2014)]:
        ticks = year_ticks(first, last)
        steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
        assert len(steps) == 1 and ticks[0] <= first and ticks[-1] >= last and len(ticks) <= 12


def test_timeline_ticks_sit_under_their_labels() -> None:
    import pandas as pd

    participants = pd.DataFrame(
        [
            {"consent_date": date(2002, 3, 4), "signature_date": None, "withdrawn": False},
            {"consent_date": date(2011, 7, 1), "signature_date": None, "withdrawn": False},
        ]
    )
    svg = render_timeline_svg("IV-99", participants, [(date(2018, 1, 15), 2)]).decode()
    ticks = dict(re.findall(r'data-year="(\d+)" x1="([\d.]+)"', svg))
    labels = dict((y, x) for x, y in re.findall(r'<text class="year" x="([\d.]+)"[^>]*>(\d+)</text>', svg))
    assert ticks and ticks == labels
    years = sorted(int(y) for y in ticks)
    assert years[0] <= 2002 and years[-1] <= 2018  # no year after the last snapshot (2018-01-15)
    # The axis ends at the last snapshot: its point sits on the right end of the x axis.
    axis_end = re.search(r'<line class="a" x1="[\d.]+" x2="([\d.]+)"', svg)
    point = re.search(r'<circle class="d" cx="([\d.]+)"', svg)
    assert axis_end and point and float(axis_end[1]) == float(point[1])
    assert "<script" not in svg


def test_changes_in_words_without_footnote_renumbering(fake_site: Path) -> None:
    html = (fake_site.parent / "treaty" / "IV-99.html").read_text()
    changes = html.split("<h2>Changes between snapshots</h2>")[1].split("<h2>")[0]
    assert "declarations changed" in changes and "_changed" not in changes
    assert "7,8,9" not in changes  # footnote marks alone are not a change
    assert "2 changes." in changes and "Footnote marks changed for 1 participant" in changes


def test_legend_says_what_it_counts(fake_site: Path) -> None:
    html = (fake_site.parent / "treaty" / "IV-99.html").read_text()
    legend = html.split('id="map"')[1].split("</figure>")[0]
    assert "signed, not a party (1)" in legend and "party (2)" in legend
    assert "The headline's 2 signatories are everyone who signed" in legend


def test_unlisted_treaty_shows_declared_totals_not_zero(fake_site: Path) -> None:
    site = fake_site.parent
    html = (site / "treaty" / "V-2.html").read_text()
    assert "146 parties and 19 signatories (the UN&#39;s declared totals; participants not listed" in html
    assert 'id="map"' not in html and 'id="participants"' not in html and "party (0)" not in html
    assert "reconciles: n/a" in html
    row = next(r for r in html_rows(site / "index.html") if "treaty/V-2.html" in r)
    assert "19 signatories, 146 parties" in row and "participants not listed in this snapshot" in row
    assert '<span class="ok">yes</span>' not in row
    assert re.findall(r'<td class="num">(\d*)</td>', row) == ["146", "19"]
    matrix = (site / "matrix.html").read_text()
    assert matrix.count('<td class="u">unknown</td>') == 4 and "1 treaty: the UN" in matrix


def test_index_tells_current_from_older(fake_site: Path) -> None:
    html = fake_site.read_text()
    counts = html.split('id="snapshot-counts">')[1].split("</p>")[0]
    assert "<b>2</b> treaties with the UN's status as at 3 February 2026 (the latest snapshot)" in counts
    assert "1 more last seen in older snapshots" in counts
    assert "As at 15 January 2018: <b>1</b> treaty" in html.split('id="older"')[1]
    assert len(html_rows(fake_site, "treaties")) == 2
    assert [("treaty/V-2.html" in r) for r in html_rows(fake_site, "older-treaties")] == [True]


def html_rows(index: Path, table: str | None = None) -> list[str]:
    """The rows of the index's treaty tables: the latest snapshot's and the older ones' (or one)."""
    rows = []
    for tid in [table] if table else ["treaties", "older-treaties"]:
        parts = index.read_text().split(f'id="{tid}"')
        if len(parts) > 1:
            body = parts[1].split("<tbody>")[1].split("</tbody>")[0]
            rows += re.findall(r"<tr\b.*?</tr>", body, re.S)
    return rows


def test_matrix_headers_are_full_numbers_with_short_names(real_site: Path) -> None:
    html = (real_site.parent / "matrix.html").read_text()
    head = html.split("<thead>")[1].split("</thead>")[0]
    assert '<a href="treaty/IV-11-c.html">OPSC<br><small>IV-11-c</small></a>' in head
    assert '<a href="treaty/IV-4.html">ICCPR<br><small>IV-4</small></a>' in head


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_build_after_a_change_equals_a_fresh_build_and_reads_only_the_changed_treaty(
    real_db: Path, tmp_path: Path
) -> None:
    """The pages kept from the last build and those made from its recorded summaries (country pages,
    matrix) are exactly what a build from scratch writes; only the changed treaty is read again."""
    import shutil

    from pipeline.report import build_site
    from pipeline.report.feeds import feed_files
    from pipeline.store import open_store
    from pipeline.store.events import Event, all_events, treaty_events

    db = tmp_path / "treaties.duckdb"
    shutil.copy(real_db, db)
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    with open_store(db, read_only=True) as store:
        render_site(store, site, events=lambda m: treaty_events(store, m))
    # Undo IV-11-c's 2026 page: its latest snapshot becomes the 2018 one (other counts, other dates,
    # Solomon Islands and Singapore gone), which changes its page, country pages and the matrix.
    with open_store(db) as store:
        latest = store.treaty("IV-11-c")["snapshot_id"]
        store.drop_snapshot(int(latest))
    reads: list[str] = []
    with open_store(db, read_only=True) as store:

        def events(mtdsg_no: str) -> list[Event]:
            reads.append(f"events {mtdsg_no}")
            return treaty_events(store, mtdsg_no)

        build = build_site(
            store,
            site,
            progress=lambda d, t, label: reads.append(label) if label.startswith("read ") else None,
            events=events,
        )
        assert reads == ["read IV-11-c", "events IV-11-c"]
        render_site(store, fresh, events=lambda m: treaty_events(store, m))
        # The feeds made from kept and fresh events are those of all the store's events at once.
        titles = {str(r["mtdsg_no"]): str(r["title"]) for r in store.treaties().to_dict("records")}
        everything = feed_files(all_events(store), titles=titles)
    for rel, atom in everything:
        if rel.startswith("feeds/treaty/") or rel == "feeds/all.atom":
            assert (site / rel).read_bytes() == atom, rel
    assert "treaty/IV-11-c.html" in build.written and "matrix.csv" in build.written
    assert not [w for w in build.written if w.startswith("treaty/") and "IV-11-c" not in w]
    assert _tree(site) == _tree(fresh)


def test_a_site_built_without_feeds_is_not_current_for_one_with_them(tmp_path: Path) -> None:
    site = tmp_path / "site"
    render_site(FakeStore(), site)
    assert not (site / "feeds").exists()
    render_site(FakeStore(), site, events=lambda mtdsg_no: [])
    assert (site / "feeds" / "all.atom").exists()
    assert 'type="application/atom+xml"' in (site / "treaty" / "IV-99.html").read_text()
