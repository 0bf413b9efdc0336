"""The states a text names, found by the UN's own spellings and the names people write for them: a text
stage of the claim reader (no store), shared by the stages that date a count by a named state's act
(ordinal_days.py, anchors.py, running_totals.py) and by the one that reads "Chile was the first state to
ratify" (nth.py).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache
from pathlib import Path

from pipeline.normalise.codes import load_entries
from pipeline.normalise.countries import load_aliases

CAPITALS_CSV = Path(__file__).with_name("capitals.csv")
DEMONYMS_CSV = Path(__file__).with_name("demonyms.csv")

# Abbreviations prose writes with their stops or in capitals ("the U.S. became the 142nd"), which the alias
# table leaves to lookup_country's folding of punctuation.
_WRITTEN = (("U.S.", "USA"), ("U.S.A.", "USA"), ("US", "USA"), ("USA", "USA"), ("U.K.", "GBR"))
# A name the alias table gives a state (a misspelling, "Columbia") that is also a place or an institution's.
_NOT_THE_STATE = re.compile(r"\b(?:British|District\s+of)\s+\Z")
_NOT_THE_STATE_AFTER = re.compile(r"\s+(?:University|College|Law\s+School|Journalism|Business\s+School)\b")


@cache
def _state_names() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """A pattern for each spelling of a state the UN uses (and its name without the bracket: "Bolivia"), and
    each name people write for one (the project's aliases: "Moldova", "Iran", "Russia"; an alias of two
    states, "Korea", is none), longest first, with its code."""
    names: dict[str, str] = {}
    states = {e.iso3 for e in load_entries() if e.is_state}
    for e in load_entries():
        if not e.is_state:
            continue
        for n in (e.name, re.sub(r"\s*\(.*?\)\s*", " ", e.name).strip()):
            if len(n) >= 4:
                names.setdefault(n, e.iso3)
    codes: dict[str, set[str]] = {}
    for a in load_aliases():
        codes.setdefault(a.alias, set()).add(a.iso3)
    for alias, of in codes.items():
        iso3 = next(iter(of))
        if len(of) == 1 and iso3 in states and "," not in alias and (len(alias) >= 4 or alias.isupper()):
            names.setdefault(alias, iso3)
    for written, iso3 in _WRITTEN:
        names.setdefault(written, iso3)
    ordered = sorted(names, key=len, reverse=True)
    return tuple((_key(n), re.compile(rf"(?<![\w-]){_written_as(n)}(?![\w-])"), names[n]) for n in ordered)


# What follows a capital written for its state's government: a joining act or a place in the order of those
# who joined, maybe after ", which" or an adverb or a day ("Bangkok, which ratified ...", "Tokyo on Friday
# signed", "Canberra became the 90th").
_GOVERNMENT_ACT = (
    r"(?=(?:,\s+which|\s+(?:has|had|have|also|then|now|formally|officially|finally|quickly|yesterday|today|"
    r"on\s+\w+(?:\s+\d{1,2})?|in\s+\w+(?:\s+\d{4})?))*\s+(?:ratif|sign|acced|accept|approv|join|deposit|"
    r"became|becomes|is\s+the|was\s+the))"
)


def _state_table(path: Path, column: str) -> list[tuple[str, str]]:
    """(name, code) of each row of a lexicon of names written for states (capitals.csv, demonyms.csv).
    Raises ValueError on a row whose code is no state's."""
    states = {e.iso3 for e in load_entries() if e.is_state}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    out = []
    for n, row in enumerate(csv.DictReader(lines), 2):
        name, iso3 = row[column].strip(), row["iso3"].strip()
        if not name or iso3 not in states:
            raise ValueError(f"{path.name} row {n}: {name!r} needs a state's code, not {iso3!r}")
        out.append((name, iso3))
    return out


@cache
def _capitals() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """(longest word, pattern, code) of each capital of capitals.csv, as the subject of a joining act only
    (_GOVERNMENT_ACT). Raises ValueError on a row whose code is no state's."""
    place = r"(?<![\w-])(?<!the )(?<!in )(?<!at )(?<!of )(?<!from )(?<!to )"  # not "in Vienna"
    return tuple(
        (_key(name), re.compile(place + _written_as(name) + _GOVERNMENT_ACT), iso3)
        for name, iso3 in _state_table(CAPITALS_CSV, "capital")
    )


# The institutions a state's adjective names it by: "the Thai government", "the Ghanaian parliament".
_INSTITUTION = (
    r"(?=[\s\u00a0]+(?:government|parliament|senate|cabinet|authorities|legislature|national\s+assembly|"
    r"congress|president|presidency|foreign\s+ministry|ministry\s+of\s+foreign\s+affairs|lawmakers|state)\b)"
)


@cache
def _demonyms() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """(longest word, pattern, code) of each word of demonyms.csv, before a state's institution only
    (_INSTITUTION). Raises ValueError on a row whose code is no state's."""
    out = [
        (_key(word), re.compile(r"(?<![\w-])" + _written_as(word) + _INSTITUTION), iso3)
        for word, iso3 in _state_table(DEMONYMS_CSV, "demonym")
    ]
    return tuple(sorted(out, key=lambda x: -len(x[1].pattern)))  # "South Sudanese" before "Sudanese"


@cache
def _every_name() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    return _state_names() + _demonyms() + _capitals()


def _plain_char(ch: str) -> str:
    """`ch` without its accent ("ô" -> "o"), a typographer's apostrophe as a plain one; else `ch` itself."""
    if ch == "\u2019":
        return "'"
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


def _plain(text: str) -> str:
    """`text` letter for letter without accents ("São Tomé" -> "Sao Tome"), its length kept, so that a
    name found in it is found at the same place in `text`."""
    return "".join(_plain_char(c) if ord(c) > 127 else c for c in text)


def _key(name: str) -> str:
    """The longest word of `name` ("Ivoire" of "Côte d'Ivoire"): a clause that lacks it cannot name the
    state, so the pattern is not tried (a plain look, far cheaper)."""
    words = [w for w in re.findall(r"[A-Za-z]+", _plain(name)) if w not in ("Saint", "St")]
    return max(words, key=len) if words else name


def _written_as(name: str) -> str:
    """A pattern for `name` (without accents, as _plain writes the text it is matched in) as prose writes
    it: "St", "St." or "Saint" ("St Lucia"), with a stop or none ("St Kitts"), a space or a hyphen between
    words ("Timor Leste", "Guinea Bissau")."""
    out = []
    for word in re.split(r"[\s-]+", _plain(name)):
        if word in ("Saint", "St.", "St"):
            out.append(r"(?:Saint|St\.?)")
        else:
            out.append(re.escape(word).replace(r"\.", r"\.?"))
    return r"[\s\u00a0-]+".join(out)


def state_spans(clause: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of each state named in `clause` (the project's name table), in text order,
    without overlaps."""
    taken: list[tuple[int, int, str]] = []
    plain = _plain(clause)
    for key, pattern, iso3 in _every_name():
        if key not in plain:
            continue  # a pattern matches only where its longest word is written: a plain look first
        for m in pattern.finditer(plain):
            if m.group() == "US" and (
                clause[m.end() : m.end() + 1] == "$"
                or not re.search(r"[a-z]", clause[max(0, m.start() - 12) : m.end() + 12])
            ):
                continue  # "HELP US NOW": a headline in capitals, the pronoun; "US$ 5 million": a currency
            if _NOT_THE_STATE.search(plain, 0, m.start()) or _NOT_THE_STATE_AFTER.match(plain, m.end()):
                continue  # "British Columbia", "Columbia University": not the misspelt state
            if not any(m.start() < e and s < m.end() for s, e, _ in taken):
                taken.append((m.start(), m.end(), iso3))
    return sorted(taken)


# What stands between two names of one list: "Chile, Peru", "Chile and Peru", "Chile, and the Philippines".
LIST_JOINER = re.compile(r"\s*(?:,\s*(?:(?:and|&)\s+)?|(?:and|&)\s+)(?:the\s+)?", re.I)


def in_one_list(clause: str, spans: list[tuple[int, int, str]]) -> list[bool]:
    """For each name of `spans` but the last (state_spans of `clause`): does the next stand in its list?"""
    return [
        bool(LIST_JOINER.fullmatch(clause[e : spans[i + 1][0]])) for i, (_, e, _) in enumerate(spans[:-1])
    ]


def carried_along(flags: list[bool], listed: list[bool]) -> list[bool]:
    """`flags` (one per name), each carried to the names after it in one list (`listed`, in_one_list):
    "including Chile, Peru and Japan" tells all three as those counted."""
    out = list(flags)
    for i, joined in enumerate(listed):
        out[i + 1] = out[i + 1] or (joined and out[i])
    return out


__all__ = ["LIST_JOINER", "carried_along", "in_one_list", "state_spans"]
