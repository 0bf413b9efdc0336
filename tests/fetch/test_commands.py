"""The fetch commands through the CLI: exit codes, one-line errors, crawl --list, demo."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.fetch.mirror import MirrorServer, run_mirror
from pipeline.fetch.rawstore import RawStore
from pipeline.runs import demo as demo_run
from pipeline.runs import inputs as run_inputs
from pipeline.runs import refresh as refresh_run
from pipeline.runs import reports as run_reports
from tests.fetch.conftest import Clients

pytest.importorskip("pipeline.store", reason="pipeline.store (the snapshot store) is not installed")

runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clients: Clients) -> Path:
    monkeypatch.setenv("TREATIES_DB", str(tmp_path / "t.duckdb"))
    monkeypatch.setenv("TREATIES_RAW_DIR", str(tmp_path / "raw"))
    monkeypatch.setenv("TREATIES_REPORTS_DIR", str(tmp_path / "reports"))
    # The commands build their client here; tests get one that counts its waits instead of sleeping.
    monkeypatch.setattr(refresh_run, "make_client", lambda base_url, **kw: clients.make())
    monkeypatch.setattr(demo_run, "make_client", lambda base_url, **kw: clients.make())
    return tmp_path


@pytest.fixture
def real_mirror(html_dir: Path) -> Iterator[MirrorServer]:
    with run_mirror(html_dir) as server:
        yield server


def test_refresh_exits_non_zero_when_one_treaty_fails(env: Path, mirror: MirrorServer) -> None:
    result = runner.invoke(app, ["refresh", "IV-91", "IV-99", "--base-url", mirror.base_url, "--no-reports"])
    assert result.exit_code == 1
    assert "saved     IV-91" in result.output
    assert "failed    IV-99: not a treaty status page" in result.output
    assert "saved 1, unchanged 0, failed 1" in result.output


def test_refresh_of_a_watchlist_file(env: Path, mirror: MirrorServer) -> None:
    wl = env / "mine.txt"
    wl.write_text("# my treaties\nIV-91\niv-92  # lower case is fine\n\n")
    args = ["refresh", "--watchlist", str(wl), "--base-url", mirror.base_url, "--no-reports"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "saved 2, unchanged 0, failed 0" in result.output
    again = runner.invoke(app, args)
    assert "skipped 2 (fetched recently)" in again.output and len(mirror.log) == 3  # 2 pages + 1 probe
    toml = env / "mine.toml"
    toml.write_text('treaties = ["IV-93"]\n')
    result = runner.invoke(app, ["refresh", "--watchlist", str(toml), "--base-url", mirror.base_url])
    assert result.exit_code == 0 and "saved 1" in result.output


def test_bad_input_gives_one_line_errors(env: Path, mirror: MirrorServer) -> None:
    bad = env / "bad.txt"
    bad.write_text("IV-91\nno such treaty\n")  # a name (CEDAW) is a good line since issue 24
    for args, message in [
        (["refresh", "IV-11-c; rm"], "is neither an MTDSG treaty number"),
        (["refresh", "--watchlist", str(bad)], "bad.txt:2"),
        (["refresh", "--watchlist", str(env / "none.txt")], "cannot read watchlist"),
        (["refresh", "IV-91", "--max-age", "soon"], "--max-age"),
        (["crawl", "--chapter", "XXX", "--list"], "not a chapter"),
        (["crawl", "--list"], "--chapter ROMAN"),
        (["mirror", str(env / "nowhere")], "is not a folder"),
    ]:
        result = runner.invoke(app, args)
        assert result.exit_code != 0, args
        assert message in result.output, (args, result.output)
        assert "Traceback" not in result.output


def test_unreachable_site_says_so_and_points_at_make_demo(env: Path) -> None:
    # Port 9 on loopback (discard) has no listener here: connection refused, no traffic leaves the machine.
    result = runner.invoke(app, ["refresh", "IV-91", "--base-url", "http://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach http://127.0.0.1:9" in result.output and "make demo" in result.output
    assert not (env / "t.duckdb").exists()  # nothing was opened, so nothing is left behind
    assert len(result.output.strip().splitlines()) == 1


def test_crawl_of_an_unreachable_site_gives_up_at_once(env: Path) -> None:
    result = runner.invoke(app, ["crawl", "--chapter", "IV", "--list", "--base-url", "http://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("error: cannot reach http://127.0.0.1:9")
    assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""


def test_crawl_chapter_iv_list_prints_its_27_treaties(env: Path, real_mirror: MirrorServer) -> None:
    result = runner.invoke(app, ["crawl", "--chapter", "IV", "--list", "--base-url", real_mirror.base_url])
    assert result.exit_code == 0, result.output
    lines = result.output.split()
    assert len(lines) == 27 and lines[0] == "IV-1" and "IV-11-c" in lines and lines[-1] == "IV-16"
    assert len(real_mirror.log) == 1  # one status page is enough to discover a chapter


def test_crawl_stores_a_chapter_and_resumes(env: Path, real_mirror: MirrorServer) -> None:
    args = ["crawl", "--chapter", "XXVI", "--base-url", real_mirror.base_url]
    first = runner.invoke(app, args)
    # XXVI-7 is listed by the site but not among the saved pages: the mirror answers like the site does.
    assert first.exit_code == 1
    assert "failed    XXVI-7: not a treaty status page" in first.output
    assert "saved 12, unchanged 0, failed 1" in first.output
    assert (
        sum("mtdsg_no=XXVI-1&" in q.path for q in real_mirror.log) == 1
    )  # the seed page is not fetched twice
    n = len(real_mirror.log)
    second = runner.invoke(app, args)
    assert "saved 0, unchanged 0, skipped 12 (fetched recently), failed 1" in second.output
    assert len(real_mirror.log) - n == 2  # discovery (XXVI-1, a 304) and the failed XXVI-7 again
    raw = RawStore(Path(os.environ["TREATIES_RAW_DIR"]))
    assert raw.verify() == []


def test_demo_imports_2018_then_refreshes_2026_through_the_mirror(
    env: Path, html_dir: Path, xml_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A small pages folder of links to the saved pages (links, not copies).
    pages = env / "pages"
    for sub, src, names in [
        ("xml-2018-01-15", xml_dir, ["IV-11-c.xml", "IV-12.xml"]),
        ("html-2026-02-03", html_dir, ["IV-11-c.html", "IV-12.html"]),
    ]:
        (pages / sub).mkdir(parents=True)
        for name in names:
            (pages / sub / name).symlink_to(src / name)
    (env / "wl.txt").write_text("IV-11-c\nIV-12\n")
    monkeypatch.setattr(run_inputs, "default_watchlist_file", lambda: env / "wl.txt")
    monkeypatch.setattr(
        run_reports, "render_reports", lambda store, out_dir, out=None: out_dir / "index.html"
    )
    result = runner.invoke(app, ["demo", "--pages", str(pages)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "importing 2 MTDSG XML files" in out
    assert "saved 2, unchanged 0, failed 0 (2 HTTP requests on 127.0.0.1)" in out
    assert "IV-11-c  parties 174 -> 178 (+4), signatories 121 -> 122" in out
    assert f"reports: {env / 'reports' / 'index.html'}" in out
    from pipeline.store import open_store

    with open_store(env / "t.duckdb", read_only=True) as store:
        assert len(store.snapshots("IV-11-c")) == 2  # 2018 and 2026: history to diff
    rerun = runner.invoke(app, ["demo", "--pages", str(pages)])
    assert rerun.exit_code == 0 and "saved 0, unchanged 2, failed 0" in rerun.output
    raw = RawStore(env / "raw")
    assert [e.outcome for e in raw.entries()].count("imported") == 2  # a re-read file is logged once
    assert raw.verify() == []
