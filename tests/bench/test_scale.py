"""The SYNTHETIC scale history, with tiny parameters: labelled synthetic, consistent with the store's rules."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from benchmarks.corpus import corpus_files, import_corpus
from benchmarks.scale import START, add_one_day, build_scale_db, measure_queries, synthetic_number
from pipeline.store import open_store


@pytest.fixture(scope="module")
def corpus_db(untc_pages: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("scale") / "corpus.duckdb"
    files = [f for f in corpus_files(untc_pages) if f[0].name in {"IV-11-c.html", "IV-3-a.html", "IV-1.xml"}]
    import_corpus(db, files)
    return db


def test_synthetic_history_is_labelled_and_consistent(corpus_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "scale.duckdb"
    build = build_scale_db(corpus_db, db, treaties=5, years=2)
    with open_store(db, read_only=True) as store:
        treaties = store.treaties()
        assert list(treaties["mtdsg_no"]) == [synthetic_number(i) for i in range(5)]
        assert all(t.startswith("Synthetic treaty") for t in treaties["title"])
        (sources,) = store.con.execute("SELECT bool_and(source LIKE 'synthetic:%') FROM snapshots").fetchone()
        assert sources
        (seen,) = store.con.execute("SELECT sum(seen) FROM observations").fetchone()
        assert seen == build.unchanged_refreshes
        assert build.snapshots + build.unchanged_refreshes == 5 * build.days  # one page a day per treaty
        m = synthetic_number(0)
        last = START + timedelta(days=build.days - 1)
        info = store.treaties().set_index("mtdsg_no").loc[m]
        asof = store.asof(m, last)
        assert asof.snapshot_id == info["snapshot_id"] and asof.parties == info["parties"]
    assert add_one_day(db, build) >= 1
    times = measure_queries(db, build, calls=2, heavy_calls=1)
    assert all(len(v) >= 1 for v in times.ms.values())
