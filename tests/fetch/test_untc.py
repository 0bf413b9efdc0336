"""Chapter discovery (with a stand-in for the network); URL shapes and numbers: tests/domain."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.fetch import untc


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
