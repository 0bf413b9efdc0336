"""The content-addressed raw store and its append-only manifest."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pipeline.fetch.rawstore import ManifestEntry, RawStore, RawStoreError


def test_put_is_content_addressed_atomic_and_idempotent(tmp_path: Path) -> None:
    raw = RawStore(tmp_path)
    sha = raw.put(b"<html>page</html>")
    assert sha == hashlib.sha256(b"<html>page</html>").hexdigest()
    assert raw.object_path(sha) == tmp_path / "objects" / sha[:2] / sha
    assert raw.put(b"<html>page</html>") == sha
    assert raw.get(sha) == b"<html>page</html>"
    assert [p.name for p in (tmp_path / "objects" / sha[:2]).iterdir()] == [sha]  # no temp files left


def test_a_corrupted_object_is_an_error_when_read_back(tmp_path: Path) -> None:
    raw = RawStore(tmp_path)
    sha = raw.put(b"original")
    raw.object_path(sha).write_bytes(b"tampered")
    with pytest.raises(RawStoreError, match="corrupt"):
        raw.get(sha)
    raw.append(
        ManifestEntry(url="http://x/", fetched_at="2026-02-03T00:00:00+00:00", sha256=sha, outcome="saved")
    )
    assert any("corrupt" in p for p in raw.verify())


def test_missing_object(tmp_path: Path) -> None:
    raw = RawStore(tmp_path)
    with pytest.raises(RawStoreError, match="missing"):
        raw.get("0" * 64)
    with pytest.raises(RawStoreError, match="missing object"):
        raw.append(ManifestEntry(url="http://x/", fetched_at="2026-02-03T00:00:00+00:00", sha256="0" * 64))


def test_manifest_is_append_only_and_survives_a_torn_last_line(tmp_path: Path) -> None:
    raw = RawStore(tmp_path)
    sha = raw.put(b"a")
    e1 = ManifestEntry(url="http://x/1", fetched_at="2026-02-03T00:00:00+00:00", sha256=sha, outcome="saved")
    raw.append(e1)
    with open(raw.manifest_path, "ab") as f:
        f.write(b'{"url": "http://x/2", "fetch')  # a run killed mid-write
    assert list(raw.entries()) == [e1]
    e3 = ManifestEntry(
        url="http://x/3", fetched_at="2026-02-03T00:00:01+00:00", sha256=sha, outcome="unchanged"
    )
    raw.append(e3)
    assert list(raw.entries()) == [e1, e3]
    assert raw.last_ok("http://x/3") == e3 and raw.last_ok("http://x/2") is None
    assert raw.verify() == []


def test_a_corrupt_line_in_the_middle_fails_loudly(tmp_path: Path) -> None:
    raw = RawStore(tmp_path)
    raw.root.mkdir(parents=True, exist_ok=True)
    raw.manifest_path.write_text('["not", "an", "entry"]\n{"url": "u", "fetched_at": "t"}\n')
    with pytest.raises(RawStoreError, match="manifest.jsonl:1"):
        list(raw.entries())


def test_last_ok_ignores_failed_and_non_treaty_entries(tmp_path: Path) -> None:
    raw = RawStore(tmp_path)
    good, junk = raw.put(b"treaty"), raw.put(b"junk")
    ok = ManifestEntry(
        url="u", fetched_at="2026-02-03T00:00:00+00:00", sha256=good, outcome="saved", etag='"e"'
    )
    raw.append(ok)
    raw.append(
        ManifestEntry(url="u", fetched_at="2026-02-04T00:00:00+00:00", sha256=junk, outcome="not_treaty")
    )
    raw.append(
        ManifestEntry(url="u", fetched_at="2026-02-05T00:00:00+00:00", outcome="failed", error="HTTP 500")
    )
    assert raw.last_ok("u") == ok
