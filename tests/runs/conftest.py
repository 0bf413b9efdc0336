"""Fixtures for the runs tests: IV-11-c as saved in 2018, imported, and its 2026 page behind a mirror."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.fetch.http import HttpClient
from pipeline.fetch.mirror import MirrorServer, run_mirror
from pipeline.fetch.rawstore import RawStore
from pipeline.runs.demo import DEMO_XML_CAPTURED_AT
from pipeline.runs.importing import import_files
from pipeline.runs.refresh import run_refresh
from pipeline.runs.results import RunReport
from pipeline.store import open_store
from tests.fetch.conftest import TEST_SETTINGS


@pytest.fixture
def world(tmp_path: Path, html_dir: Path, xml_dir: Path) -> Path:
    """IV-11-c as saved in 2018, imported; its 2026 page in a folder for the mirror (links, not copies)."""
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "IV-11-c.html").symlink_to(html_dir / "IV-11-c.html")
    (tmp_path / "xml").mkdir()
    (tmp_path / "xml" / "IV-11-c.xml").symlink_to(xml_dir / "IV-11-c.xml")
    with open_store(tmp_path / "t.duckdb") as store:
        done = import_files(
            [tmp_path / "xml" / "IV-11-c.xml"],
            store,
            RawStore(tmp_path / "raw"),
            captured_at=DEMO_XML_CAPTURED_AT,
        )
        assert done.ok
    return tmp_path


@pytest.fixture
def mirror(world: Path) -> Iterator[MirrorServer]:
    with run_mirror(world / "html") as server:
        yield server


def refresh(world: Path, mirror: MirrorServer, notify: list[str], **kw: object) -> tuple[RunReport, str]:
    """run_refresh of IV-11-c from the mirror into the world's database (no site unless asked)."""
    out = io.StringIO()
    options: dict[str, object] = {"write_site": False, "max_age": None, **kw}
    report = run_refresh(
        ["IV-11-c"],
        base_url=mirror.base_url,
        out=out,
        client=HttpClient(TEST_SETTINGS, trust_env=False),
        raw=RawStore(world / "raw"),
        db=world / "t.duckdb",
        notify=notify,
        **options,  # type: ignore[arg-type]
    )
    return report, out.getvalue()
