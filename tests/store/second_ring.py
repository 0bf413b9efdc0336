"""Helper for the second-ring tests: a database of real saved pages (2018 XML, then 2026 HTML), in place."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from pipeline.parse import SourceRef, parse_page
from pipeline.store import open_store
from tests.store_import import import_status

CAPTURED_2018 = date(2018, 1, 15)


def build(path: Path, treaties: list[str], xml_dir: Path, html_dir: Path) -> Path:
    """Import each treaty's 2018 file (where there is one) and its 2026 page into a fresh database."""
    with open_store(path) as store:
        for folder, captured, suffix in ((xml_dir, CAPTURED_2018, "xml"), (html_dir, None, "html")):
            for m in treaties:
                f = folder / f"{m}.{suffix}"
                if not f.is_file():
                    continue
                data = f.read_bytes()
                sha = hashlib.sha256(data).hexdigest()
                status = parse_page(data, source=SourceRef(str(f), sha))
                import_status(store, status, source=str(f), raw_sha256=sha, captured_at=captured)
    return path
