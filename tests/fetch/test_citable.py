"""What a report or claim check cites: the UN's own page, never a saved file or the loopback mirror."""

from __future__ import annotations

from pipeline.fetch.untc import citable_url

UN = "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-11-c&chapter=4&clang=_en"


def test_a_real_site_url_is_cited_as_is():
    assert citable_url("IV-11-c", UN) == UN


def test_loopback_mirror_and_files_cite_the_canonical_page():
    assert citable_url("IV-11-c", "http://127.0.0.1:8765/Pages/ViewDetails.aspx?mtdsg_no=IV-11-c") == UN
    assert citable_url("IV-11-c", "../shared/untc-pages/xml-2018-01-15/IV-11-c.xml") == UN
    assert citable_url("IV-11-c", None) == UN
