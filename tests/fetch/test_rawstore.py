"""The content-addressed raw store and its append-only manifest."""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import time
from pathlib import Path

import pytest

from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.mirror import MirrorServer
from pipeline.fetch.rawstore import ManifestEntry, RawStore, RawStoreError
from pipeline.mtdsg import status_page_url


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


def test_unreadable_lines_are_skipped_and_counted(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # Issue 25: one bad line (not an entry, a fetch time that is no ISO time) used to stop every refresh.
    raw = RawStore(tmp_path)
    raw.root.mkdir(parents=True, exist_ok=True)
    raw.manifest_path.write_text(
        '["not", "an", "entry"]\n{"url": "u", "fetched_at": "t"}\n'
        '{"url": "u", "fetched_at": "2026-02-03T00:00:00+00:00"}\nnot json at all\n'
    )
    assert [e.fetched_at for e in raw.entries()] == ["2026-02-03T00:00:00+00:00"]
    assert raw.unreadable == 3
    assert sum("an unreadable one" in r.getMessage() for r in caplog.records) == 3


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


# --- repair, stray files, verify(fix), torn tails, write errors (issue 16) ---------------------------


def _entry(url: str, sha: str | None, at: str = "2026-02-03T00:00:00+00:00") -> ManifestEntry:
    return ManifestEntry(url=url, fetched_at=at, sha256=sha, outcome="saved" if sha else "failed")


def test_the_same_bytes_arriving_again_repair_an_altered_object(tmp_path: Path) -> None:
    raw = RawStore(tmp_path)
    sha = raw.put(b"original!")
    raw.object_path(sha).write_bytes(b"tampered!")  # same size: a size check would not see it
    assert raw.put(b"original!") == sha
    assert raw.get(sha) == b"original!"
    assert [p.name for p in raw.object_path(sha).parent.iterdir()] == [sha]


def test_validators_are_not_offered_for_an_altered_or_missing_object(tmp_path: Path) -> None:
    raw = RawStore(tmp_path)
    sha = raw.put(b"page")
    raw.append(_entry("u", sha))
    assert raw.last_ok("u") is not None
    raw.object_path(sha).write_bytes(b"gone")
    assert raw.last_ok("u") is None  # so the next fetch is a full GET, whose 200 repairs the object
    raw.object_path(sha).unlink()
    assert raw.last_ok("u") is None


def test_old_temporary_files_are_removed_on_open_and_fresh_ones_kept(tmp_path: Path) -> None:
    raw = RawStore(tmp_path)
    sha = raw.put(b"x")
    folder = raw.object_path(sha).parent
    old, fresh = folder / ".tmp-killed", folder / ".tmp-live"
    old.write_bytes(b"half")
    fresh.write_bytes(b"half")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    RawStore(tmp_path)
    assert not old.exists() and fresh.exists()  # a fresh one may be another process's write in progress


def test_verify_reports_missing_altered_and_stray_and_fix_removes_them(tmp_path: Path) -> None:
    raw = RawStore(tmp_path)
    good, bad = raw.put(b"good"), raw.put(b"bad")
    raw.append(_entry("u1", good))
    raw.append(_entry("u2", bad))
    with open(raw.manifest_path, "a") as f:  # written by hand: its object never existed
        f.write(_entry("u3", "f" * 64).to_json() + "\n")
    raw.object_path(bad).write_bytes(b"altered")
    stray = raw.objects_dir / "zz" / "notes.txt"
    stray.parent.mkdir()
    stray.write_text("?")
    tmp = raw.object_path(good).parent / ".tmp-old"
    tmp.write_bytes(b"")
    os.utime(tmp, (0, 0))

    report = raw.verify()
    assert report.missing == ["f" * 64]
    assert report.altered == [raw.object_path(bad)]
    assert sorted(report.stray) == sorted([stray, tmp])
    assert len(report) == 4 and report.removed == []
    assert raw.object_path(bad).exists()  # reporting changes nothing

    fixed = raw.verify(fix=True)
    assert sorted(fixed.removed) == sorted([raw.object_path(bad), stray, tmp])
    after = raw.verify()
    assert after.altered == [] and after.stray == []
    assert sorted(after.missing) == sorted([bad, "f" * 64])  # to be fetched again
    assert raw.get(good) == b"good"


@pytest.mark.parametrize(
    "tail",
    [
        b'{"url": "http://x/2", "fetch',  # cut mid-write
        b'{"url": "http://x/2", "fe}',  # cut where a "}" happened to be
        b"\0" * 512,  # a crash that left the file's new size zero-filled
        b'{"url": "http://x/2", "fetched_at": "20\0\0\0\0',
    ],
    ids=["cut", "cut-at-brace", "nul-run", "cut-then-nul"],
)
def test_a_torn_tail_is_skipped_with_a_warning(
    tmp_path: Path, tail: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    raw = RawStore(tmp_path)
    sha = raw.put(b"a")
    e1, e3 = _entry("http://x/1", sha), _entry("http://x/3", sha, "2026-02-04T00:00:00+00:00")
    raw.append(e1)
    with open(raw.manifest_path, "ab") as f:
        f.write(tail)
    with caplog.at_level(logging.WARNING, logger="pipeline.fetch.rawstore"):
        assert list(raw.entries()) == [e1]
        raw.append(e3)  # the torn line is now in the middle: still skipped, a fresh line follows it
        assert list(raw.entries()) == [e1, e3]
        assert raw.last_ok("http://x/3") == e3
    warnings = [r for r in caplog.records if "torn manifest line" in r.getMessage()]
    assert len(warnings) == 1  # once per line, not once per read


def test_a_disk_error_while_storing_names_the_path_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = RawStore(tmp_path)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(RawStoreError, match="cannot write raw object .*: No space left on device") as err:
        raw.put(b"page")
    assert err.value.errno == errno.ENOSPC and err.value.path == raw.object_path(sha256(b"page"))
    assert list(raw.objects_dir.rglob("*.tmp-*")) == [] and list(raw.objects_dir.rglob(".tmp-*")) == []
    with pytest.raises(RawStoreError, match=r"cannot append to manifest .*manifest.jsonl: No space left"):
        raw.append(_entry("u", None))


def test_an_unwritable_store_is_a_raw_store_error(tmp_path: Path) -> None:
    (tmp_path / "objects").write_text("a file where the folder should be")
    raw = RawStore(tmp_path)
    with pytest.raises(RawStoreError, match="cannot write raw object"):
        raw.put(b"x")
    raw.manifest_path.mkdir()
    with pytest.raises(RawStoreError, match="cannot append to manifest"):
        raw.append(_entry("u", None))
    with pytest.raises(RawStoreError, match="cannot read manifest"):
        list(raw.entries())


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def test_a_refetch_after_corruption_is_a_full_get_that_repairs_the_object(
    fetcher: Fetcher, mirror: MirrorServer
) -> None:
    url = status_page_url("IV-91", mirror.base_url)
    first = fetcher.fetch(url, "IV-91")
    fetcher.record(first, "saved")
    path = fetcher.raw.object_path(first.sha256)
    path.write_bytes(b"x" * path.stat().st_size)
    again = fetcher.fetch(url, "IV-91")  # before: a 304, then "corrupt" on every refresh, for ever
    assert again.response.status == 200 and "If-None-Match" not in mirror.log[-1].headers
    assert again.sha256 == first.sha256 and fetcher.raw.get(first.sha256) == first.body
    assert fetcher.raw.verify() == []


def test_verify_lists_every_malformed_sha256_not_only_the_first(tmp_path: Path) -> None:
    raw = RawStore(tmp_path)
    good = raw.put(b"page")
    lines = [
        ManifestEntry(url="u1", fetched_at="2026-02-03T00:00:00+00:00", sha256="zz" * 32),
        ManifestEntry(url="u2", fetched_at="2026-02-03T00:00:00+00:00", sha256="0123"),
        ManifestEntry(url="u3", fetched_at="2026-02-03T00:00:00+00:00", sha256=good),
    ]
    # Written by hand: append() refuses such lines; a damaged or foreign manifest may hold them.
    raw.manifest_path.write_text("".join(e.to_json() + "\n" for e in lines))
    report = raw.verify()
    assert sorted(report.missing) == ["0123", "zz" * 32]
    assert sum("malformed sha256" in line for line in report) == 2
