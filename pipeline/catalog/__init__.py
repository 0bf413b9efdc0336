"""The names people give treaties (numbers, short names, popular names, UN titles), read from the one
name table `treaty_names.csv`, and the resolution of what a user types to the UN's MTDSG number."""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline import mtdsg

# The one table of treaty names, used by the CLI, watchlists, the report and the claim checker; it sits in
# this package so that the report's code fingerprint (report.data, which hashes the package's files)
# changes with it and a renamed treaty rebuilds the pages that show the name. Kinds:
# short (the one short name reports show, one per treaty), title (the UN's own title), acronym, popular,
# city (named after where it was signed). The UN itself uses no acronyms or popular names: these are the
# ones treaty bodies, governments and the press use.
TREATY_NAMES_CSV = Path(__file__).with_name("treaty_names.csv")
KINDS = ("short", "title", "acronym", "popular", "city")

# Words every treaty name shares: they say nothing about which treaty is meant, so the nearest-name
# suggestions weigh the other words.
_GENERIC = frozenset(
    "the a an of on to for and in with by at from against relating concerning convention treaty "
    "protocol optional international agreement united nations un statute".split()
)


class UnknownTreaty(LookupError):
    """A treaty name that is neither a known MTDSG number nor a name in the table; the message suggests
    the nearest names."""


class TreatyNameError(ValueError):
    """A bad row in the treaty name table (unknown kind, malformed number, a name given to two treaties)."""


@dataclass(frozen=True)
class TreatyName:
    name: str
    mtdsg_no: str
    kind: str
    note: str


def _key(text: str) -> str:
    """Names compare without case, spaces, punctuation or a leading "the" ("op-cedaw" == "OP CEDAW")."""
    key = re.sub(r"[^0-9a-z]", "", text.lower())
    return key.removeprefix("the") if re.match(r"\s*the\s", text.lower()) else key


@cache
def load_treaty_names(path: Path = TREATY_NAMES_CSV) -> tuple[TreatyName, ...]:
    """Every row of the name table; raises TreatyNameError naming the line of a bad one."""
    rows: list[TreatyName] = []
    owner: dict[str, str] = {}
    shorts: set[str] = set()
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), 2):
            name, no, kind, note = (
                str(row.get(k) or "").strip() for k in ("name", "mtdsg_no", "kind", "note")
            )
            if not name or mtdsg.normalise(no) != no or kind not in KINDS:
                raise TreatyNameError(f"{path.name} line {n}: bad row {row!r}")
            key = _key(name)
            if owner.get(key, no) != no:
                raise TreatyNameError(f"{path.name} line {n}: {name!r} names both {owner[key]} and {no}")
            if kind == "short":
                if no in shorts:
                    raise TreatyNameError(f"{path.name} line {n}: a second short name for {no}")
                shorts.add(no)
            owner[key] = no
            rows.append(TreatyName(name, no, kind, note))
    return tuple(rows)


def _names_by_number(kinds: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in sorted(load_treaty_names(), key=lambda r: r.kind != "short"):
        if row.kind in kinds:
            out.setdefault(row.mtdsg_no, []).append(row.name)
    return {no: tuple(names) for no, names in out.items()}


# MTDSG number -> every name of the table, the short name first (the display short name).
NAMES: dict[str, tuple[str, ...]] = _names_by_number(KINDS)
# MTDSG number -> its short name and acronyms ("OPSC", "OP-CRC-SC"): what a text may use as a label.
ALIASES: dict[str, tuple[str, ...]] = _names_by_number(("short", "acronym"))
_BY_NAME: dict[str, str] = {_key(a): no for no, names in NAMES.items() for a in names}


def short_name(mtdsg_no: str) -> str | None:
    """The display short name of a treaty (e.g. "OPSC" for IV-11-c), or None."""
    names = NAMES.get(mtdsg_no)
    return names[0] if names else None


def number_of(name: str) -> str | None:
    """The MTDSG number a user's text names (a number in any spelling, or a name of the table), or None."""
    text = name.strip()
    return mtdsg.normalise(text) or _BY_NAME.get(_key(text))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[0-9a-z]+", text.lower()) if w not in _GENERIC}


def nearest_names(text: str, numbers: Iterable[str] | None = None, n: int = 4) -> list[str]:
    """The names (and numbers) of the table closest to `text`, best first: shared distinctive words
    count most ("Refugees Convention" -> "Refugee Convention"), spelling next ("Otawa Treaty")."""
    allowed = None if numbers is None else set(numbers)
    labels = [(label, no) for no, names in NAMES.items() for label in (no, *names)]
    if allowed is not None:
        labels = [(lab, no) for lab, no in labels if no in allowed]
        labels += [(no, no) for no in sorted(allowed - set(NAMES))]
    words = _words(text)
    folded = text.strip().casefold()
    scored = []
    for label, no in labels:
        spelling = difflib.SequenceMatcher(None, folded, label.casefold()).ratio()
        theirs = _words(label)
        # Shared distinctive words, a misspelt one ("refugess") counting when it is nearly the same.
        near = sum(1 for w in words if difflib.get_close_matches(w, theirs, n=1, cutoff=0.8))
        shared = near / max(len(words), len(theirs)) if words and theirs else 0.0
        score = 0.3 + 0.6 * shared + 0.4 * spelling if shared else spelling
        if score >= 0.7:
            scored.append((score, label, no))
    scored.sort(key=lambda s: -s[0])
    out: list[str] = []
    seen_numbers: set[str] = set()
    for score, label, no in scored:
        if score < 0.8 * scored[0][0] or len(out) >= n:
            break
        if no in seen_numbers:
            continue  # one name per treaty: its best match
        seen_numbers.add(no)
        out.append(label if label == no else f"{label} ({no})")
    return out


def resolve_treaty(name: str, known: Iterable[str]) -> str:
    """The MTDSG number named by `name` (a number or any name of the table) among the `known` numbers.

    Raises UnknownTreaty, suggesting the nearest names among the known treaties.
    """
    known_set = set(known)
    text = name.strip()
    candidate = text if text in known_set else number_of(text)
    if candidate is not None and candidate in known_set:
        return candidate
    if candidate is not None:
        msg = f"treaty {name!r} ({candidate}) is not in the database"
    else:
        msg = f"unknown treaty {name!r}"
    close = nearest_names(text, known_set)
    if close:
        msg += "; did you mean " + ", ".join(close) + "?"
    elif not known_set:
        msg += "; the database holds no treaties yet (run `treaties import` or `treaties refresh`)"
    elif candidate is not None:
        msg += f"; fetch it with `treaties refresh {candidate}`"
    return _raise(msg)


def _raise(msg: str) -> str:
    raise UnknownTreaty(msg)


def lookup_number(name: str) -> str:
    """A treaty number from a number or any name of the table, without a database ("opsc" -> "IV-11-c",
    "Ottawa Treaty" -> "XXVI-5"), for commands and watchlists that name what the database may not hold
    yet. Raises UnknownTreaty with the nearest names."""
    found = number_of(name)
    if found is not None:
        return found
    close = nearest_names(name)
    msg = (
        f"{name.strip()!r} is neither an MTDSG treaty number (like IV-11-c) nor a treaty name the tool knows"
    )
    return _raise(msg + (f"; did you mean {', '.join(close)}?" if close else ""))
