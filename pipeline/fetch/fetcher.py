"""HTTP + raw store: conditional GETs whose complete bodies are kept by hash, with their manifest lines."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from pipeline.errors import one_line
from pipeline.fetch.http import FetchError, HttpClient, Response
from pipeline.fetch.rawstore import OUTCOME_FAILED, ManifestEntry, RawStore


@dataclass(frozen=True)
class Fetched:
    """A complete body for a URL, now in the raw store (a 304 reuses the stored body, re-hashed)."""

    url: str
    mtdsg_no: str
    kind: str
    response: Response
    body: bytes
    sha256: str


class Fetcher:
    """Fetch into the raw store and write one manifest line per fetch, whatever became of it."""

    def __init__(self, client: HttpClient, raw: RawStore, base_url: str) -> None:
        self.client = client
        self.raw = raw
        self.base_url = base_url.rstrip("/")

    def fetch(self, url: str, mtdsg_no: str, kind: str = "status_page") -> Fetched:
        """GET `url`, conditionally if a treaty page is stored for it; FetchError/RawStoreError on failure."""
        prev = self.raw.last_ok(url)
        resp = self.client.get(
            url, etag=prev.etag if prev else None, last_modified=prev.last_modified if prev else None
        )
        if resp.not_modified:
            if prev is None or prev.sha256 is None:
                raise FetchError(url, "HTTP 304 to a request that carried no validators", status=304)
            body = self.raw.get(prev.sha256)  # re-hashed: a corrupt object fails here, loudly
            # A 304 may omit validators; the previous ones still describe the body.
            resp = replace(
                resp,
                etag=resp.etag or prev.etag,
                last_modified=resp.last_modified or prev.last_modified,
                content_type=prev.content_type,
            )
            return Fetched(url, mtdsg_no, kind, resp, body, prev.sha256)
        assert resp.body is not None
        sha = self.raw.put(resp.body)
        return Fetched(url, mtdsg_no, kind, resp, resp.body, sha)

    def record(
        self, f: Fetched, outcome: str, *, snapshot_id: int | None = None, error: str | None = None
    ) -> None:
        r = f.response
        self.raw.append(
            ManifestEntry(
                url=f.url,
                fetched_at=r.fetched_at.isoformat(),
                mtdsg_no=f.mtdsg_no,
                kind=f.kind,
                status=r.status,
                sha256=f.sha256,
                size=len(f.body),
                etag=r.etag,
                last_modified=r.last_modified,
                content_type=r.content_type,
                outcome=outcome,
                snapshot_id=snapshot_id,
                error=error,
                final_url=r.final_url if r.final_url and r.final_url != f.url else None,
            )
        )

    def record_failure(self, url: str, mtdsg_no: str, kind: str, exc: Exception) -> None:
        self.raw.append(
            ManifestEntry(
                url=url,
                fetched_at=datetime.now(UTC).isoformat(),
                mtdsg_no=mtdsg_no,
                kind=kind,
                status=getattr(exc, "status", None),
                outcome=OUTCOME_FAILED,
                error=one_line(exc),
            )
        )
