"""Claim-checker fixtures: a small store of two hand-made treaties, and one of real saved pages."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest

from pipeline.parse.model import (
    ROLE_CONSENT,
    ROLE_SIGNATURE,
    SOURCE_HTML,
    Action,
    Column,
    Participant,
    TreatyStatus,
)
from pipeline.store import open_store
from tests.conftest import require_pages
from tests.store_import import import_status

# Made-up treaties under real-looking numbers, so the tests depend on nothing but the store.
KEEPERS_NO = "IV-90"
KEEPERS = "Convention on the Protection of Lighthouse Keepers"
FOGHORN_NO = "IV-90-a"
FOGHORN = "Optional Protocol to the Convention on the Protection of Lighthouse Keepers on foghorn maintenance"
AS_AT = datetime(2026, 2, 3, 10, 16, 18)

_COLUMNS = (
    Column(1, "Signature", ROLE_SIGNATURE, (("", "signature"),)),
    Column(
        2,
        "Ratification, Accession(a), Formal confirmation(c)",
        ROLE_CONSENT,
        (("", "ratification"), ("a", "accession"), ("c", "formal confirmation")),
    ),
)
_TYPES = {"": "ratification", "a": "accession", "c": "formal confirmation"}


def _row(n: int, name: str, signed: date | None, joined: date | None, code: str = "") -> Participant:
    return Participant(
        name=name,
        row=n,
        signature=Action(signed, "signature") if signed else None,
        consent=Action(joined, _TYPES[code], code) if joined else None,
    )


def _status(no: str, title: str, rows: list[tuple]) -> TreatyStatus:
    participants = tuple(_row(i, *r) for i, r in enumerate(rows, 1))
    return TreatyStatus(
        mtdsg_no=no,
        title=title,
        source_kind=SOURCE_HTML,
        chapter="IV",
        status_as_at=AS_AT,
        declared_signatories=sum(p.is_signatory for p in participants),
        declared_parties=sum(p.is_party for p in participants),
        columns=_COLUMNS,
        participants=participants,
    )


# On 2020-12-31: parties France, Germany, European Union, Holy See (4); signatories France, Germany,
# Chile (3); signed but not parties: Chile (1). Now: 5 parties (+Japan 2022), 4 signatories (+Peru 2021),
# signed but not parties: Chile, Peru (2).
KEEPERS_ROWS = [
    ("France", date(2001, 1, 10), date(2005, 3, 1)),
    ("Germany", date(2001, 1, 10), date(2019, 6, 1)),
    ("Chile", date(2002, 2, 2), None),
    ("Japan", None, date(2022, 7, 7), "a"),
    ("European Union", None, date(2010, 1, 1), "c"),
    ("Holy See", None, date(2008, 1, 1), "a"),
    ("Peru", date(2021, 11, 11), None),
]
# Parties: France (2012), Chile (2024): 1 on 2020-12-31, 2 now.
FOGHORN_ROWS = [
    ("France", None, date(2012, 5, 5), "a"),
    ("Chile", None, date(2024, 4, 4), "a"),
]


@pytest.fixture(scope="session")
def keepers_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("claims") / "keepers.duckdb"
    with open_store(path) as store:
        for no, title, rows in ((KEEPERS_NO, KEEPERS, KEEPERS_ROWS), (FOGHORN_NO, FOGHORN, FOGHORN_ROWS)):
            import_status(store, _status(no, title, rows), source=f"test:{no}", raw_sha256="0" * 64)
    return path


@pytest.fixture(scope="session")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's shape on a few treaties: the 2018 XML (captured 2018-01-15), then the 2026 HTML."""
    pages = require_pages()
    from pipeline.parse import parse_page
    from pipeline.parse.model import SourceRef

    path = tmp_path_factory.mktemp("claims-real") / "real.duckdb"
    with open_store(path) as store:
        for no in ("IV-11", "IV-11-b", "IV-11-c", "IV-11-d", "IV-4"):
            for f, captured in (
                (pages / "xml-2018-01-15" / f"{no}.xml", datetime(2018, 1, 15)),
                (pages / "html-2026-02-03" / f"{no}.html", None),
            ):
                data = f.read_bytes()
                sha = hashlib.sha256(data).hexdigest()
                status = parse_page(data, source=SourceRef(str(f), sha))
                import_status(store, status, source=str(f), raw_sha256=sha, captured_at=captured)
    return path


@pytest.fixture(scope="session")
def eval_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database `make demo` builds: all 407 XML files of 2018, then the 30 pages of 2026. Every title
    of the collection is a candidate for a text's words, as it is for a user. Imported as `treaties import`
    does (a batch at a time) and built once per test run: with several workers, the first builds it under
    a lock in the run's shared temporary folder and the others read the same file."""
    pages = require_pages()
    from filelock import FileLock

    from pipeline.fetch.rawstore import RawStore
    from pipeline.runs.importing import import_files

    shared = tmp_path_factory.getbasetemp().parent  # one folder per run, shared by the xdist workers
    path = shared / "claims-eval.duckdb"
    done = shared / "claims-eval.done"
    with FileLock(str(shared / "claims-eval.lock")):
        if not done.exists():
            path.unlink(missing_ok=True)
            raw = RawStore(shared / "claims-eval-raw")
            with open_store(path) as store:
                for folder, captured in (("xml-2018-01-15", date(2018, 1, 15)), ("html-2026-02-03", None)):
                    files = sorted((pages / folder).glob("*.xml" if captured else "*.html"))
                    report = import_files(files, store, raw, captured_at=captured)
                    assert report.ok, report.summary()
            done.write_text("built\n")
    return path


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "heldout: reads the held-out half of the claims evaluation set (tests/claims/eval/test); "
        "deselect with -m 'not heldout' when writing rules",
    )
