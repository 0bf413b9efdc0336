"""Participant names as UNTC spells them -> stable ISO 3166 codes, from the curated table names.csv."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

# UNTC mixes straight and typographic apostrophes ("Côte d'Ivoire" / "Côte d’Ivoire") between pages
# and between the HTML and the MTDSG XML; the modifier letter and prime turn up in pasted text.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\u00b4": "'"})
# \s covers the NBSP and TAB the HTML tables put inside cells.
_SPACES = re.compile(r"\s+")

# Kinds of participant in the table; is_state follows the Secretary-General's depositary practice
# (see README.md): states, observer states, associated states and former states are states.
STATE_KINDS = frozenset({"state", "observer_state", "associated_state", "former_state"})
KINDS = STATE_KINDS | {"territory", "organisation"}


class UnknownParticipant(ValueError):
    """A participant string that is not in names.csv: the table must be extended, never guessed."""

    def __init__(self, name: str, page: str = "") -> None:
        self.name = name
        self.page = page
        where = f" on page {page}" if page else ""
        super().__init__(
            f"unknown participant {name!r}{where}: add its spelling to pipeline/normalise/names.csv"
        )


@dataclass(frozen=True)
class Code:
    """What a participant string resolves to: the code, whether it is a state, and today's UNTC spelling."""

    iso3: str
    is_state: bool
    canonical_name: str


@dataclass(frozen=True)
class NameEntry:
    """One row of names.csv: a spelling UNTC uses or used, with its code and when the name took effect."""

    name: str
    iso3: str
    is_state: bool
    kind: str
    canonical_name: str
    valid_from: date | None
    note: str

    @property
    def code(self) -> Code:
        return Code(self.iso3, self.is_state, self.canonical_name)


def normalise_key(name: str) -> str:
    """The lookup key of a name: NFC, straight apostrophes, collapsed whitespace, casefolded."""
    text = unicodedata.normalize("NFC", name).translate(_APOSTROPHES)
    return _SPACES.sub(" ", text).strip().casefold()


def _parse_bool(value: str, where: str) -> bool:
    if value == "true":
        return True
    if value == "false":
        return False
    raise ValueError(f"{where}: is_state must be true or false, not {value!r}")


@cache
def load_entries() -> tuple[NameEntry, ...]:
    """Every row of names.csv, checked: known kind, three-letter code, ISO date, canonical name listed."""
    text = resources.files("pipeline.normalise").joinpath("names.csv").read_text(encoding="utf-8")
    entries: list[NameEntry] = []
    for line_no, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        where = f"names.csv line {line_no}"
        iso3, kind = row["iso3"], row["kind"]
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise ValueError(f"{where}: iso3 must be three capital letters, not {iso3!r}")
        if kind not in KINDS:
            raise ValueError(f"{where}: unknown kind {kind!r}")
        is_state = _parse_bool(row["is_state"], where)
        if is_state != (kind in STATE_KINDS):
            raise ValueError(f"{where}: is_state {row['is_state']} disagrees with kind {kind}")
        valid_from = date.fromisoformat(row["valid_from"]) if row["valid_from"] else None
        entries.append(
            NameEntry(row["name"], iso3, is_state, kind, row["canonical_name"], valid_from, row["note"])
        )
    _check_consistent(entries)
    return tuple(entries)


def _check_consistent(entries: list[NameEntry]) -> None:
    """One key -> one code; one code -> one canonical name and kind; every canonical name is itself a row."""
    by_key: dict[str, NameEntry] = {}
    by_code: dict[str, NameEntry] = {}
    names = {normalise_key(e.name) for e in entries}
    for e in entries:
        key = normalise_key(e.name)
        if key in by_key:
            raise ValueError(f"names.csv: {e.name!r} is listed twice (as {by_key[key].name!r})")
        by_key[key] = e
        first = by_code.setdefault(e.iso3, e)
        if (first.canonical_name, first.kind) != (e.canonical_name, e.kind):
            raise ValueError(f"names.csv: {e.iso3} has rows that disagree ({first.name!r}, {e.name!r})")
        if normalise_key(e.canonical_name) not in names:
            raise ValueError(f"names.csv: canonical name {e.canonical_name!r} has no row of its own")


@cache
def _table() -> dict[str, Code]:
    return {normalise_key(e.name): e.code for e in load_entries()}


# Raw string -> Code, filled as names are met: resolve runs for every row of every page, and the few
# hundred distinct spellings repeat thousands of times, so most calls are one dict lookup.
_seen: dict[str, Code] = {}


def resolve(name: str, *, page: str = "") -> Code:
    """The code of a participant string; raises UnknownParticipant (naming string and page) if unlisted."""
    code = _seen.get(name)
    if code is None:
        code = _table().get(normalise_key(name))
        if code is None:
            raise UnknownParticipant(name, page)
        _seen[name] = code
    return code


def try_resolve(name: str) -> Code | None:
    """Like resolve, but None for an unlisted name (for listing what is missing, not for the pipeline)."""
    return _table().get(normalise_key(name))


def canonical_names() -> dict[str, str]:
    """iso3 -> today's UNTC spelling, for labelling tables and charts."""
    return {e.iso3: e.canonical_name for e in load_entries()}
