"""Report fixtures: a contract-shaped fake store on hand-made frames, and a real db built from saved pages."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.report import render_site
from tests.store_import import import_status

# Markup that must come out as text wherever a page's content is shown.
EVIL_NAME = 'Ruritania <script>alert("name")</script>'
EVIL_DECLARATION = '<script>alert("declaration")</script> <img src=x onerror=alert(1)> Reservation.'
EVIL_NOTE = "<b>bold</b> note & more"
# A treaty whose title carries markup and whose snapshot lists no participants.
UNLISTED_TITLE = 'Convention relating to the Status of Refugees <script>alert("title")</script>'


@dataclass
class FakeChange:
    iso3: str | None
    name: str
    change: str
    before: str | None
    after: str | None


@dataclass
class FakeDiff:
    mtdsg_no: str
    from_: date
    to: date
    counts_before: dict[str, int | None]
    counts_after: dict[str, int | None]
    changes: list[FakeChange] = field(default_factory=list)


def _participant(iso3, name, sig=None, consent=None, consent_type=None, withdrawn=False, **kw) -> dict:
    row = {
        "iso3": iso3,
        "name": name,
        "is_state": True,
        "signature_date": sig,
        "signature_type": "signature" if sig else None,
        "consent_date": consent,
        "consent_type": consent_type or ("ratification" if consent else None),
        "provisional_date": None,
        "provisional_type": None,
        "withdrawn": withdrawn,
        "footnotes": [],
        "has_declarations": False,
        "declarations": None,
    }
    row.update(kw)
    return row


class FakeStore:
    """Hand-made frames shaped like pipeline.store's public contract (two treaties, five participants)."""

    def __init__(self) -> None:
        self._participants = {
            "IV-99": pd.DataFrame(
                [
                    _participant("FRA", "France", date(2000, 9, 6), date(2003, 2, 5), footnotes=["1"]),
                    _participant("FJI", "Fiji", date(2005, 1, 3)),
                    _participant(
                        "RUR",
                        EVIL_NAME,
                        date(2001, 1, 1),
                        date(2002, 3, 4),
                        "accession",
                        has_declarations=True,
                        declarations=EVIL_DECLARATION,
                        footnotes="1, 2",
                    ),
                    _participant("DEU", "Germany", date(2000, 1, 1), date(2004, 5, 6), withdrawn=True),
                ]
            ),
            "IV-2": pd.DataFrame([_participant("FRA", "France", None, date(1990, 1, 1), "accession")]),
            # A 2018 MTDSG XML file with the UN's totals only: no participants listed.
            "V-2": pd.DataFrame({c: pd.Series(dtype=object) for c in _participant("X", "X")}),
        }
        self._treaties = pd.DataFrame(
            [
                self._treaty("IV-99", "TEST", "Convention on Testing", 2, 2, "2018-01-15", 1, 1),
                self._treaty("IV-2", None, "Convention <i>Two</i>", 1, 0, None, None, None, sigcol=False),
                self._treaty(
                    "V-2", None, UNLISTED_TITLE, 146, 19, None, None, None, sigcol=False, listed=False
                ),
            ]
        )

    @staticmethod
    def _treaty(
        m, short, title, parties, sigs, prev_at, prev_p, prev_s, sigcol=True, listed=True
    ) -> dict[str, Any]:
        return {
            "mtdsg_no": m,
            "short_name": short,
            "title": title,
            "chapter": "IV",
            "snapshot_id": 7,
            "as_at": datetime(2026, 2, 3, 10, 16, 18) if listed else datetime(2018, 1, 15),
            "source": f"https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no={m}",
            "parties": parties,
            "signatories": sigs,
            "declared_parties": parties,
            "declared_signatories": sigs if sigcol or not listed else None,
            "counted_parties": parties if listed else None,
            "counted_signatories": sigs if listed else None,
            "participants_complete": listed,
            "has_signature_column": sigcol,
            "reconciles": listed,
            "reconciliation": "counted totals match the page's"
            if listed
            else "header-only page: no participants table, the page's declared totals only",
            "previous_as_at": datetime.fromisoformat(prev_at) if prev_at else None,
            "previous_parties": prev_p,
            "previous_signatories": prev_s,
            "snapshot_count": 2 if prev_at else 1,
        }

    def treaties(self) -> pd.DataFrame:
        return self._treaties.copy()

    def acceptances(self, **_: Any) -> list[Any]:
        return []  # no core human-rights treaty in this store: the procedures page says so

    def snapshots(self, mtdsg_no: str) -> pd.DataFrame:
        if mtdsg_no == "V-2":
            return pd.DataFrame(
                [
                    {
                        "snapshot_id": 5,
                        "as_at": datetime(2018, 1, 15),
                        "source_kind": "xml",
                        "counted_parties": None,
                        "counted_signatories": None,
                        "declared_parties": 146,
                        "declared_signatories": 19,
                        "raw_sha256": "ef" * 32,
                        "parser_version": "1",
                        "participants_complete": False,
                    }
                ]
            )
        rows = [
            {
                "snapshot_id": 7,
                "as_at": datetime(2026, 2, 3, 10, 16),
                "source_kind": "html",
                "counted_parties": 2,
                "counted_signatories": 2,
                "declared_parties": 2,
                "raw_sha256": "ab" * 32,
                "parser_version": "1",
                "participants_complete": True,
            }
        ]
        if mtdsg_no == "IV-99":
            rows.insert(
                0,
                {
                    "snapshot_id": 3,
                    "as_at": datetime(2018, 1, 15),
                    "source_kind": "xml",
                    "counted_parties": 1,
                    "counted_signatories": 1,
                    "declared_parties": 1,
                    "raw_sha256": "cd" * 32,
                    "parser_version": "1",
                    "participants_complete": True,
                },
            )
        return pd.DataFrame(rows)

    def participants(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame:
        return self._participants[mtdsg_no].copy()

    def end_notes(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame:
        if mtdsg_no == "V-2":
            return pd.DataFrame({"number": [], "text": []})
        return pd.DataFrame({"number": ["1", "2"], "text": ["For the Kingdom of France.", EVIL_NOTE]})

    def diff(self, mtdsg_no: str, from_date: date | None = None, to_date: date | None = None) -> FakeDiff:
        return FakeDiff(
            mtdsg_no,
            from_date or date(2018, 1, 15),
            to_date or date(2026, 2, 3),
            {"parties": 1, "signatories": 1},
            {"parties": 2, "signatories": 2},
            [
                FakeChange("RUR", EVIL_NAME, "joined", None, "accession 2002-03-04"),
                FakeChange("FRA", "France", "footnotes_changed", "7", "7,8,9"),
                FakeChange("FRA", "France", "declarations_changed", None, "Declaration."),
            ],
        )

    def diffs(self, mtdsg_no: str, pairs: list[tuple[date | None, date | None]]) -> list[FakeDiff]:
        return [self.diff(mtdsg_no, a, b) for a, b in pairs]

    def matrix(self) -> pd.DataFrame:
        df = pd.DataFrame(
            [
                {"iso3": "FJI", "name": "Fiji", "IV-99": "signed 2005", "IV-2": "", "V-2": ""},
                {"iso3": "FRA", "name": "France", "IV-99": "party 2003", "IV-2": "party 1990", "V-2": ""},
                {"iso3": "DEU", "name": "Germany", "IV-99": "withdrawn", "IV-2": "", "V-2": ""},
                {"iso3": "RUR", "name": EVIL_NAME, "IV-99": "party 2002", "IV-2": "", "V-2": ""},
            ]
        )
        known = set(self._treaties["mtdsg_no"])
        return df[[c for c in df.columns if c in ("iso3", "name") or c in known]]


@pytest.fixture(scope="session")
def fake_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site rendered from the fake store; returns index.html."""
    return render_site(FakeStore(), tmp_path_factory.mktemp("fake-site"))


# Real pages imported for the end-to-end tests: the 2018 XML first, then the 2026 HTML.
REAL_XML = ["IV-11-c", "IV-4"]
REAL_HTML = ["IV-11-c", "IV-4", "XXVI-8"]
XML_CAPTURED = date(2018, 1, 15)


@pytest.fixture(scope="session")
def real_db(untc_pages: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small database of real pages (skips when the saved pages are absent)."""
    from pipeline.parse import parse_page
    from pipeline.store import open_store

    path = tmp_path_factory.mktemp("real-db") / "treaties.duckdb"
    files = [(untc_pages / "xml-2018-01-15" / f"{m}.xml", XML_CAPTURED) for m in REAL_XML]
    files += [(untc_pages / "html-2026-02-03" / f"{m}.html", None) for m in REAL_HTML]
    with open_store(path) as store:
        for f, captured in files:
            data = f.read_bytes()
            import_status(
                store,
                parse_page(data),
                source=str(f),
                raw_sha256=hashlib.sha256(data).hexdigest(),
                captured_at=captured,
            )
    return path


@pytest.fixture(scope="session")
def real_site(real_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site rendered from the real-pages database; returns index.html."""
    from pipeline.store import open_store

    with open_store(real_db, read_only=True) as store:
        return render_site(store, tmp_path_factory.mktemp("real-site"))
