"""Store.import_pages and runs.importing.import_files: a batch in one transaction gives exactly the rows of
importing the pages one by one, and a bad page fails alone."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from pipeline.fetch.rawstore import RawStore
from pipeline.normalise.page import normalise_page
from pipeline.runs.importing import import_files
from pipeline.store import Store, open_store
from pipeline.store.db import PageProvenance
from tests.store.helpers import person, rat, resolver, status, v2018, v2026
from tests.store_import import import_status

CAPTURED = datetime(2018, 1, 15)
TABLES = ("treaties", "snapshots", "observations", "participations", "declarations", "end_notes")
# Columns that differ between two imports of the same pages: when they ran.
WHEN = {"imported_at"}


def dump(s: Store) -> dict[str, list[tuple]]:
    out = {}
    for t in TABLES:
        cols = [r[0] for r in s.con.execute(f"DESCRIBE {t}").fetchall() if r[0] not in WHEN]
        out[t] = sorted(s.con.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall(), key=repr)
    return out


def later(st, day: int, **kw):
    return replace(st, status_as_at=datetime(2026, 3, day, 9, 0), **kw)


def other_treaty(m: str):
    return status((person("Chile", 1, consent=rat(2001, 1, 1)),), mtdsg_no=m)


# New treaties, the same treaty twice, an unchanged refresh, an older page arriving after a newer one.
MIXED = [
    (v2026(), "b" * 64, None),
    (other_treaty("IV-1"), "c" * 64, None),
    (v2018(), "a" * 64, CAPTURED),
    (other_treaty("IV-2"), "d" * 64, None),
    (later(v2026(), 1), "e" * 64, None),
    (later(v2026(), 2), "f" * 64, None),
    (later(other_treaty("IV-1"), 3), "1" * 64, None),
]


def one_by_one(path: Path, pages) -> dict:
    with open_store(path, resolver=resolver) as s:
        for st, sha, cap in pages:
            import_status(s, st, source=sha[:1], raw_sha256=sha, captured_at=cap)
        return dump(s)


def batched(path: Path, pages) -> tuple[dict, list]:
    with open_store(path, resolver=resolver) as s:
        batch = [(normalise_page(st, resolver), PageProvenance(sha[:1], sha, cap)) for st, sha, cap in pages]
        results = s.import_pages(batch)
        return dump(s), results


def test_a_batch_writes_exactly_the_rows_of_one_page_at_a_time(tmp_path: Path) -> None:
    expected = one_by_one(tmp_path / "a.duckdb", MIXED)
    got, results = batched(tmp_path / "b.duckdb", MIXED)
    assert got == expected
    assert [r.outcome for r in results] == [
        "saved",
        "saved",
        "saved",
        "saved",
        "unchanged",
        "unchanged",
        "unchanged",
    ]


def test_a_batch_on_top_of_an_existing_history(tmp_path: Path) -> None:
    expected = one_by_one(tmp_path / "a.duckdb", MIXED + MIXED[:3])
    with open_store(tmp_path / "b.duckdb", resolver=resolver) as s:
        for st, sha, cap in MIXED[:3]:
            import_status(s, st, source=sha[:1], raw_sha256=sha, captured_at=cap)
    with open_store(tmp_path / "b.duckdb", resolver=resolver) as s:
        rest = MIXED[3:] + MIXED[:3]
        s.import_pages(
            [(normalise_page(st, resolver), PageProvenance(sha[:1], sha, cap)) for st, sha, cap in rest]
        )
        assert dump(s) == expected


def test_a_bad_page_fails_alone_and_leaves_nothing_half_written(tmp_path: Path, monkeypatch) -> None:
    import pipeline.store.writer as writer

    real = writer._write_row_versions

    def fail_on_iv2(con, m, new_id, w):
        if m == "IV-2":
            raise RuntimeError("disk full")
        return real(con, m, new_id, w)

    header_only = status((), mtdsg_no="IV-2", as_at=datetime(2020, 1, 1))
    dumps = []
    for name in ("one", "batch"):
        with open_store(tmp_path / f"{name}.duckdb", resolver=resolver) as s:
            # IV-2 already has a snapshot, so its page goes the one-page way inside the batch and fails there.
            import_status(s, header_only, source="x", raw_sha256="9" * 64)
            monkeypatch.setattr(writer, "_write_row_versions", fail_on_iv2)
            if name == "one":
                outcomes = []
                for st, sha, cap in MIXED:
                    try:
                        import_status(s, st, source=sha[:1], raw_sha256=sha, captured_at=cap)
                        outcomes.append("ok")
                    except RuntimeError:
                        outcomes.append("failed")
            else:
                pages = [
                    (normalise_page(st, resolver), PageProvenance(sha[:1], sha, cap))
                    for st, sha, cap in MIXED
                ]
                results = s.import_pages(pages)
                outcomes = ["failed" if isinstance(r, Exception) else "ok" for r in results]
                assert "disk full" in str(results[3])
            monkeypatch.setattr(writer, "_write_row_versions", real)
            assert outcomes == ["ok", "ok", "ok", "failed", "ok", "ok", "ok"]
            assert s.con.execute("SELECT count(*) FROM snapshots WHERE mtdsg_no = 'IV-2'").fetchall() == [
                (1,)
            ]
            dumps.append(dump(s))
    assert dumps[0] == dumps[1]


@pytest.mark.parametrize("xml_first", [True, False])
def test_import_files_in_batches_matches_one_page_at_a_time(
    tmp_path: Path, untc_pages: Path, xml_first
) -> None:
    html = sorted((untc_pages / "html-2026-02-03").glob("*.html"))[:6]
    # The same treaties' 2018 XML (the demo imports it first; the bench after the 2026 pages, so that older
    # pages arrive late and intervals are rebuilt), and a few treaties seen only in 2018.
    xml_dir = untc_pages / "xml-2018-01-15"
    xml = [xml_dir / f"{p.stem}.xml" for p in html if (xml_dir / f"{p.stem}.xml").exists()]
    xml += sorted(xml_dir.glob("*.xml"))[:4]
    assert len(xml) >= 8
    files = [*xml, *html] if xml_first else [*html, *xml]
    files.append(tmp_path / "missing.html")
    dumps = []
    for name, size in (("one", 1), ("batch", 5)):
        with open_store(tmp_path / f"{name}.duckdb") as s:
            report = import_files(
                files, s, RawStore(tmp_path / f"raw-{name}"), captured_at=CAPTURED, batch_pages=size
            )
            dumps.append((dump(s), [(r.mtdsg_no, r.outcome, r.snapshot_id) for r in report.results]))
    assert dumps[0] == dumps[1]
    assert dumps[1][1][-1][:2] == ("missing.html", "failed")
    assert sum(o == "saved" for _m, o, _i in dumps[1][1]) == len(files) - 1


def test_a_parse_failure_in_a_batch_is_reported_and_the_rest_saved(tmp_path: Path, untc_pages: Path) -> None:
    html = sorted((untc_pages / "html-2026-02-03").glob("*.html"))[:3]
    junk = tmp_path / "junk.html"
    junk.write_bytes(b"<html><body>Not a treaty</body></html>")
    with open_store(tmp_path / "t.duckdb") as s:
        report = import_files([html[0], junk, *html[1:]], s, RawStore(tmp_path / "raw"), captured_at=None)
        assert [r.outcome for r in report.results] == ["saved", "failed", "saved", "saved"]
        assert s.table_counts()["snapshots"] == 3


def test_an_empty_batch_writes_nothing(store: Store) -> None:
    assert store.import_pages([]) == []
