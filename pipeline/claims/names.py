"""The names people use for treaties (Ottawa Treaty, Mine Ban Treaty, CTBT...), from names.csv."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from pipeline.mtdsg import normalise as normalise_mtdsg_no

NAMES_CSV = Path(__file__).parent.parent / "catalog" / "treaty_names.csv"  # the one treaty name table
KINDS = frozenset({"acronym", "city", "popular", "short", "title"})


class NameTableError(ValueError):
    """A bad row in names.csv (unknown kind, malformed number, a name given to two treaties)."""


@cache
def load_common_names(path: Path = NAMES_CSV) -> dict[str, tuple[str, ...]]:
    """mtdsg_no -> the common names of that treaty, in file order. Raises NameTableError on a bad row."""
    out: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), 2):
            name, no, kind = (row.get(k, "").strip() for k in ("name", "mtdsg_no", "kind"))
            if not name or normalise_mtdsg_no(no) != no or kind not in KINDS:
                raise NameTableError(f"{path.name} line {n}: bad row {row!r}")
            key = name.casefold()
            if key in seen and seen[key] != no:
                raise NameTableError(f"{path.name} line {n}: {name!r} names both {seen[key]} and {no}")
            seen[key] = no
            out.setdefault(no, []).append(name)
    return {no: tuple(names) for no, names in out.items()}
