"""The names people use for treaties (Ottawa Treaty, Mine Ban Treaty, CTBT...), from names.csv."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from pipeline.catalog import KINDS as CATALOG_KINDS
from pipeline.mtdsg import normalise as normalise_mtdsg_no

NAMES_CSV = Path(__file__).parent.parent / "catalog" / "treaty_names.csv"  # the one treaty name table
KINDS = frozenset(CATALOG_KINDS)  # the kinds of the one name table (pipeline/catalog)


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


# Treaties people name beside the UN's that are deposited elsewhere (the NPT, the Geneva Conventions...):
# known by name so that their figures are not given to a UN treaty named nearby, and listed unread.
OUTSIDE_CSV = Path(__file__).with_name("outside_treaties.csv")
OUTSIDE_PREFIX = "outside:"


def is_outside(mtdsg_no: str | None) -> bool:
    """Is this the key of a treaty outside the UN's collection (see load_outside_treaties)?"""
    return bool(mtdsg_no) and str(mtdsg_no).startswith(OUTSIDE_PREFIX)


@cache
def load_outside_treaties(path: Path = OUTSIDE_CSV) -> dict[str, tuple[str, tuple[str, ...]]]:
    """ "outside:<id>" -> (its title or "", its other names), from outside_treaties.csv. Raises
    NameTableError on a bad row (no id or name, an unknown kind, a name given to two treaties)."""
    titles: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), 2):
            key, name, kind = (row.get(k, "").strip() for k in ("id", "name", "kind"))
            if not key or not name or kind not in KINDS - {"short"}:
                raise NameTableError(f"{path.name} line {n}: bad row {row!r}")
            if seen.setdefault(name.casefold(), key) != key:
                raise NameTableError(
                    f"{path.name} line {n}: {name!r} names both {seen[name.casefold()]} and {key}"
                )
            if kind == "title" and key not in titles:
                titles[key] = name
            else:
                names.setdefault(key, []).append(name)
    keys = dict.fromkeys([*titles, *names])
    return {OUTSIDE_PREFIX + k: (titles.get(k, ""), tuple(names.get(k, ()))) for k in keys}
