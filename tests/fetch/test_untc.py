"""UNTC URL shapes, MTDSG numbers and chapter discovery (with a stand-in for the network)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.fetch import untc


def test_status_page_url_matches_the_sites_own_form_action() -> None:
    assert (
        untc.status_page_url("IV-11-c", "https://treaties.un.org/")
        == "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-11-c&chapter=4&clang=_en"
    )
    assert "mtdsg_no=XXVI-2-a&chapter=26" in untc.status_page_url("XXVI-2-a", "http://127.0.0.1:1")


def test_xml_url_volume_i_up_to_chapter_xi_then_volume_ii() -> None:
    base = "https://treaties.un.org"
    assert (
        untc.xml_url("IV-11-c", base)
        == f"{base}/doc/Publication/MTDSG/Volume%20I/Chapter%20IV/IV-11-c.en.xml"
    )
    assert untc.xml_url("XI-A-1", base).endswith("/Volume%20I/Chapter%20XI/XI-A-1.en.xml")
    assert untc.xml_url("XXVI-1", base).endswith("/Volume%20II/Chapter%20XXVI/XXVI-1.en.xml")


@pytest.mark.parametrize("bad", ["", "IV", "XXX-1", "IV 11 c", "4-11-c", "IV-11-c; rm"])
def test_malformed_numbers_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="MTDSG"):
        untc.normalise_mtdsg(bad)


def test_numbers_are_normalised() -> None:
    assert untc.normalise_mtdsg(" iv-11-c ") == "IV-11-c"
    assert untc.chapter_of("III-2-12a") == "III"
    assert untc.chapter_number("xxix") == 29
    with pytest.raises(ValueError):
        untc.chapter_number("XXX")


def test_seed_candidates_known_first_then_the_usual_first_treaty() -> None:
    assert untc.seed_candidates("IV", ["IV-2", "XXVI-1", "IV-2"]) == ["IV-2", "IV-1", "IV-A-1"]


def test_discovery_skips_a_non_treaty_answer_and_uses_the_next_seed(html_dir: Path) -> None:
    asked: list[str] = []

    def get_page(t: str) -> bytes | None:
        asked.append(t)
        if t == "IV-1":
            return (
                b"<html><body>The requested treaty could not be found.</body></html>"  # HTTP 200 on the site
            )
        if t == "IV-A-1":
            return None  # fetch failed
        return (html_dir / f"{t}.html").read_bytes()

    nav, seed = untc.discover_chapter("IV", get_page, known=["IV-11-c"])
    assert seed == "IV-11-c" and asked == ["IV-11-c"]
    assert len(nav.treaties) == 27
    asked.clear()
    with pytest.raises(
        untc.DiscoveryError, match=r"IV-1 \(navigation: no drpChapters.*IV-A-1 \(fetch failed\)"
    ):
        untc.discover_chapter("IV", get_page)
    assert asked == ["IV-1", "IV-A-1"]


def test_discovery_rejects_a_page_about_another_treaty(html_dir: Path) -> None:
    page = (html_dir / "IV-11-c.html").read_bytes()
    with pytest.raises(untc.DiscoveryError, match="page is about IV-11-c"):
        untc.discover_chapter("IV", lambda t: page, known=["IV-2"])


def test_discovery_rejects_a_page_of_another_chapter(html_dir: Path) -> None:
    page = (html_dir / "XXVI-1.html").read_bytes()
    with pytest.raises(untc.DiscoveryError, match="chapter IV.*shows chapter XXVI"):
        untc.discover_chapter("IV", lambda t: page)
