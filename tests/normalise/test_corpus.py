"""All 437 saved pages: every participant string resolves, codes are unique per page, renames keep codes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.normalise.codes import resolve
from pipeline.normalise.page import normalise_page
from pipeline.parse import TreatyStatus, parse_page
from pipeline.sources import iter_page_files, read_page

pytestmark = pytest.mark.corpus

# What UNTC renamed between the Jan 2018 MTDSG files and the Feb 2026 pages (old -> new), read off the
# treaties present in both sets. A change here means a rename appeared or vanished: check it by hand.
EXPECTED_RENAMES = {
    ("Bahamas", "Bahamas (The)"),
    ("Netherlands", "Netherlands (Kingdom of the)"),
    ("Swaziland", "Eswatini"),
    ("The former Yugoslav Republic of Macedonia", "North Macedonia"),
    ("Turkey", "Türkiye"),
}


def _load(folder: Path) -> dict[str, TreatyStatus]:
    out: dict[str, TreatyStatus] = {}
    for path in iter_page_files([folder]):
        data, source = read_page(path)
        status = parse_page(data, source=source)
        out[status.mtdsg_no] = status
    return out


@pytest.fixture(scope="module")
def snapshots(untc_pages: Path) -> tuple[dict[str, TreatyStatus], dict[str, TreatyStatus]]:
    return _load(untc_pages / "xml-2018-01-15"), _load(untc_pages / "html-2026-02-03")


def test_every_participant_string_resolves_and_codes_are_unique_per_page(snapshots) -> None:
    xml, html = snapshots
    assert len(xml) + len(html) == 437
    strings = set()
    for status in [*xml.values(), *html.values()]:
        codes = [resolve(p.name, page=status.mtdsg_no).iso3 for p in status.participants]
        assert len(codes) == len(set(codes)), f"{status.mtdsg_no}: two participants share a code"
        strings.update(p.name for p in status.participants)
    assert len(strings) >= 230  # 235 distinct strings in the saved set


def test_every_page_normalises_and_checks(snapshots) -> None:
    xml, html = snapshots
    pages = [normalise_page(s) for s in [*xml.values(), *html.values()]]
    assert sum(p.participations.num_rows for p in pages) == sum(
        len(s.participants) for s in [*xml.values(), *html.values()]
    )
    frame = pd.concat([p.participations_frame() for p in pages if p.participants_listed])
    assert frame["iso3"].notna().all()
    # Non-state participants exist in the set (EU, organisations, territories) and are flagged.
    assert set(frame.loc[frame["is_state"] == False, "iso3"]) >= {"EUU", "HKG", "XUN"}  # noqa: E712
    assert min(d for d in frame["consent_date"] if d is not None).year >= 1945
    # Header-only pages (no participants table) say nothing about who is in or out.
    assert sum(not p.participants_listed for p in pages) == sum(not s.participants for s in xml.values())


def test_2018_spellings_map_to_the_2026_code(snapshots) -> None:
    xml, html = snapshots
    common = sorted(set(xml) & set(html))
    assert len(common) == 30
    renames = set()
    for mtdsg_no in common:
        old = {resolve(p.name).iso3: p.name for p in xml[mtdsg_no].participants}
        new = {resolve(p.name).iso3: p.name for p in html[mtdsg_no].participants}
        # Nobody who was listed in 2018 has vanished: a rename is not a withdrawal plus an accession.
        assert set(old) <= set(new), f"{mtdsg_no}: {sorted(set(old) - set(new))} vanished"
        renames.update((old[c], new[c]) for c in old if old[c] != new[c])
    assert renames == EXPECTED_RENAMES
    for before, after in renames:
        assert resolve(before).canonical_name == after


def test_names_cli_on_the_corpus_reports_nothing_unmapped(untc_pages: Path) -> None:
    result = CliRunner().invoke(app, ["names", str(untc_pages), "--unmapped"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
