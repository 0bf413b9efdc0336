"""Saved pages on disk: expand files and folders into page files and read them with their provenance."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from pipeline.parse.model import SourceRef

# Saved status pages keep the site's own name (ViewDetails.aspx) as often as a .html one.
PAGE_SUFFIXES = (".html", ".htm", ".aspx", ".xml")


class SourceError(ValueError):
    """A path the user gave that holds no page."""


def iter_page_files(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given, folders expanded (recursively, sorted) to their page files (PAGE_SUFFIXES)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
            if not found:
                raise SourceError(f"{path}: folder holds no pages (.html, .htm, .aspx or .xml)")
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            raise SourceError(f"{path}: no such file or folder")
    return out


def read_page(path: Path) -> tuple[bytes, SourceRef]:
    data = path.read_bytes()
    return data, SourceRef(location=str(path), sha256=hashlib.sha256(data).hexdigest())
