"""Find a participant from what a person types: a UNTC name, a common name, a former name or an ISO code.

`lookup_country(text)` answers a user's query (`treaties country "UK"`) and names the reserving state
of an objection's text; a page's participants are read by `codes.resolve` and its exact name table
alone. What it accepts, in order:

1. a spelling UNTC prints or printed, from names.csv ("Viet Nam", "Swaziland", "Bahamas (The)"):
   `MatchKind.PAGE_NAME` for today's spelling, `MatchKind.FORMER_NAME` for any other (an earlier
   name, an older page's spelling, or another form UNTC has used such as "Czechia");
2. a name from the curated alias table aliases.csv ("UK", "Russia", "Ivory Coast", "DR Congo");
3. an ISO 3166-1 alpha-3 code, or one of our own codes (EUU, the X.. organisation codes, the
   ISO 3166-3 codes of former states such as SUN or YUG): "gbr", "USA";
4. an ISO 3166-1 alpha-2 code ("GB", "US"), through pycountry.

Case, accents, punctuation and a leading "The" are ignored ("Cote d'Ivoire" = "Côte d'Ivoire",
"u.s.a." = "USA", "The Gambia" = "Gambia", "Trinidad & Tobago" = "Trinidad and Tobago").

Ambiguous names, decided once here and in aliases.csv:
- "Congo" is the Republic of the Congo (COG), because that is what the UN prints for it; the other
  is "Democratic Republic of the Congo" (COD; also "DR Congo", "DRC", "Congo-Kinshasa").
- "Guinea" is Guinea (GIN), the UN's name for it, not Guinea-Bissau, Equatorial Guinea or Papua New
  Guinea.
- "Korea" is refused as ambiguous: `UnknownCountry` suggests both the Republic of Korea and the
  Democratic People's Republic of Korea. An alias listed in aliases.csv with two codes behaves so.

A miss raises `UnknownCountry`, whose one-line message suggests up to four close names; an ISO code or
ISO name of a country that takes part in no treaty this tool knows (say "TW") says exactly that.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from pipeline.normalise.codes import load_entries, normalise_key

MAX_SUGGESTIONS = 4


class MatchKind(StrEnum):
    """How a query found its participant."""

    PAGE_NAME = "page name"  # today's UNTC spelling (canonical_name in names.csv)
    # Any other spelling in names.csv: an earlier name (Swaziland, Burma), an older page's spelling
    # (Bahamas) or another form UNTC has used (Czechia, Saint Lucia).
    FORMER_NAME = "former or other UNTC spelling"
    ALIAS = "alias"  # aliases.csv
    ALPHA3 = "ISO alpha-3"
    ALPHA2 = "ISO alpha-2"


@dataclass(frozen=True)
class CountryMatch:
    """A participant found from a query: its code, its name as UNTC prints it today, and how it matched."""

    iso3: str
    name: str
    matched_by: MatchKind
    matched: str  # the table entry or code the query matched, e.g. "UK" (alias) or "Swaziland"

    def __str__(self) -> str:
        return f"{self.name} ({self.iso3}), by {self.matched_by}"


class UnknownCountry(LookupError):
    """A query that names no participant; the message is one line with up to four suggestions."""

    def __init__(self, query: str, suggestions: tuple[str, ...] = (), *, reason: str = "") -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        self.reason = reason
        super().__init__(self._message())

    def _message(self) -> str:
        if not self.query.strip():
            return "no participant given: give a name such as 'France' or an ISO code such as FRA or FR"
        head = f"{self.query!r} {self.reason}" if self.reason else f"no participant matches {self.query!r}"
        if self.suggestions:
            quoted = [f'"{s}"' for s in self.suggestions]
            options = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
            return f"{head}; did you mean {options}?"
        if self.reason:
            return head
        return (
            f"{head}: give a name as UNTC prints it ('Viet Nam'), a common name ('Vietnam') "
            "or an ISO code (VNM, VN)"
        )


# Dropped outright, so that "u.s.a." is "usa" and "d'Ivoire" is "divoire" whichever apostrophe is used
# (codes.normalise_key has already made typographic apostrophes straight).
_DROPPED = re.compile(r"[.']")
_NON_WORD = re.compile(r"[\W_]+")


def match_key(text: str) -> str:
    """The key names are compared on: no accents, case, punctuation, '&' or leading 'the'."""
    decomposed = unicodedata.normalize("NFKD", normalise_key(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _DROPPED.sub("", plain.replace("&", " and "))
    words = _NON_WORD.sub(" ", plain).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class _Entry:
    iso3: str
    kind: MatchKind
    text: str  # the spelling as written in the table


@dataclass(frozen=True)
class _Index:
    names: dict[str, _Entry]  # names.csv spellings
    aliases: dict[str, tuple[_Entry, ...]]  # aliases.csv; more than one entry = ambiguous
    display: dict[str, str]  # iso3 -> canonical name


@dataclass(frozen=True)
class AliasRow:
    """One row of aliases.csv."""

    alias: str
    iso3: str
    note: str


@cache
def load_aliases() -> tuple[AliasRow, ...]:
    """The rows of aliases.csv (lines starting with '#' are its header comment)."""
    text = resources.files("pipeline.normalise").joinpath("aliases.csv").read_text(encoding="utf-8")
    all_lines = text.splitlines()
    lines = [line for line in all_lines if not line.startswith("#")]
    comments = len(all_lines) - len(lines)  # the header comment is at the top
    rows = []
    for line_no, row in enumerate(csv.DictReader(lines), start=comments + 2):
        alias, iso3 = row["alias"].strip(), row["iso3"].strip()
        if not alias or not re.fullmatch(r"[A-Z]{3}", iso3):
            raise ValueError(f"aliases.csv line {line_no}: need an alias and a three-letter code")
        rows.append(AliasRow(alias, iso3, row["note"].strip()))
    return tuple(rows)


@cache
def _index() -> _Index:
    """Both tables under match_key; a key that would mean two things is an error in the tables."""
    entries = load_entries()
    display = {e.iso3: e.canonical_name for e in entries}
    names: dict[str, _Entry] = {}
    for e in entries:
        kind = MatchKind.PAGE_NAME if e.name == e.canonical_name else MatchKind.FORMER_NAME
        key = match_key(e.name)
        seen = names.get(key)
        if seen is not None and seen.iso3 != e.iso3:
            raise ValueError(f"names.csv: {seen.text!r} and {e.name!r} differ only in accents or punctuation")
        if seen is None or kind is MatchKind.PAGE_NAME:
            names[key] = _Entry(e.iso3, kind, e.name)
    aliases: dict[str, tuple[_Entry, ...]] = {}
    for row in load_aliases():
        key = match_key(row.alias)
        if row.iso3 not in display:
            raise ValueError(
                f"aliases.csv: {row.alias!r} points to {row.iso3}, which names.csv does not have"
            )
        if key in names:
            raise ValueError(
                f"aliases.csv: {row.alias!r} is already a name in names.csv ({names[key].text!r})"
            )
        if any(a.iso3 == row.iso3 for a in aliases.get(key, ())):
            raise ValueError(f"aliases.csv: {row.alias!r} is listed twice for {row.iso3}")
        aliases[key] = (*aliases.get(key, ()), _Entry(row.iso3, MatchKind.ALIAS, row.alias))
    return _Index(names, aliases, display)


def known_codes() -> frozenset[str]:
    """Every code a query can resolve to: the codes of names.csv."""
    return frozenset(_index().display)


def _iso_alpha2(key: str) -> str | None:
    import pycountry  # lazy: pycountry only for a code it does not know

    country = pycountry.countries.get(alpha_2=key.upper())
    return country.alpha_3 if country is not None else None


def _iso_name(text: str) -> tuple[str, str] | None:
    """(alpha-3, ISO name) of an ISO 3166-1 name or code pycountry knows exactly, else None."""
    import pycountry  # lazy: as above

    try:
        country = pycountry.countries.lookup(text.strip())
    except LookupError:
        return None
    return country.alpha_3, country.name


def lookup_country(text: str) -> CountryMatch:
    """The participant a person means by `text`; raises UnknownCountry with suggestions on a miss."""
    index = _index()
    key = match_key(text)
    if not key:
        raise UnknownCountry(text)
    entry = index.names.get(key)
    if entry is not None:
        return CountryMatch(entry.iso3, index.display[entry.iso3], entry.kind, entry.text)
    found = index.aliases.get(key, ())
    if len(found) == 1:
        return CountryMatch(found[0].iso3, index.display[found[0].iso3], MatchKind.ALIAS, found[0].text)
    if len(found) > 1:
        options = tuple(dict.fromkeys(index.display[a.iso3] for a in found))
        raise UnknownCountry(text, options, reason="is ambiguous")
    compact = key.replace(" ", "")
    if len(compact) == 3 and compact.upper() in index.display:
        code = compact.upper()
        return CountryMatch(code, index.display[code], MatchKind.ALPHA3, code)
    if len(compact) == 2 and compact.isalpha():
        alpha3 = _iso_alpha2(compact)
        if alpha3 is not None and alpha3 in index.display:
            return CountryMatch(alpha3, index.display[alpha3], MatchKind.ALPHA2, compact.upper())
    reason = unlisted_places().get(key)  # Kosovo, Taiwan, Macao...: why the UN's pages do not list them
    if reason is not None:
        raise UnknownCountry(text, reason=reason)
    iso = _iso_name(text)
    if iso is not None and iso[0] not in index.display:
        raise UnknownCountry(
            text, reason=f"is {iso[1]} ({iso[0]}), which takes part in no treaty on the UNTC pages we know"
        )
    # An ISO name the tables lack is not taken on trust (the tables decide), but it is suggested first.
    first = (index.display[iso[0]],) if iso is not None else ()
    raise UnknownCountry(text, tuple(dict.fromkeys((*first, *suggest(text))))[:MAX_SUGGESTIONS])


@cache
def unlisted_places() -> dict[str, str]:
    """unlisted.csv: places the UN's status pages do not list (match key -> the reason, in words)."""
    text = resources.files("pipeline.normalise").joinpath("unlisted.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return {match_key(row["name"]): row["reason"].strip() for row in csv.DictReader(lines)}


def suggest(text: str, limit: int = MAX_SUGGESTIONS) -> tuple[str, ...]:
    """Up to `limit` participant names close to `text`: names containing its words first, then difflib."""
    index = _index()
    key = match_key(text)
    if not key:
        return ()
    codes_by_key: dict[str, list[str]] = {k: [e.iso3] for k, e in index.names.items()}
    for k, found in index.aliases.items():
        codes_by_key[k] = [a.iso3 for a in found]
    words = key.split()
    containing = [
        k for k in codes_by_key if len(key) >= 4 and all(w in k.split() for w in words) and k != key
    ]
    containing.sort(key=lambda k: (len(k), k))
    close = difflib.get_close_matches(key, list(codes_by_key), n=limit * 3, cutoff=0.6)
    out: dict[str, None] = {}
    for k in [*containing, *close]:
        for code in codes_by_key[k]:
            out.setdefault(index.display[code])
    return tuple(out)[:limit]
