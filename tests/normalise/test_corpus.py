"""All 437 saved pages: every participant string resolves, codes are unique per page, renames keep codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.normalise.codes import resolve
from pipeline.normalise.frames import participants_frame
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


def test_frame_of_the_whole_corpus_validates(snapshots) -> None:
    xml, html = snapshots
    frame = participants_frame([*xml.values(), *html.values()])
    assert len(frame) == sum(len(s.participants) for s in [*xml.values(), *html.values()])
    assert frame["iso3"].notna().all()
    # Non-state participants exist in the set (EU, organisations, territories) and are flagged.
    assert set(frame.loc[~frame["is_state"], "iso3"]) >= {"EUU", "HKG", "XUN"}
    consent = frame["consent_date"].dropna()
    assert (consent == consent.dt.normalize()).all() and consent.min().year >= 1945
    # HTML pages carry their status time, MTDSG XML does not.
    assert frame["status_as_at"].notna().sum() == sum(len(s.participants) for s in html.values())


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
