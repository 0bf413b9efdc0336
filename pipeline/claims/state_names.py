"""The states a text names, found by the UN's own spellings and the names people write for them: a text
stage of the claim reader (no store), shared by the stages that date a count by a named state's act
(ordinal_days.py, anchors.py, running_totals.py) and by the one that reads "Chile was the first state to
ratify" (nth.py).
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.normalise.codes import load_entries
from pipeline.normalise.countries import load_aliases

# Abbreviations prose writes with their stops or in capitals ("the U.S. became the 142nd"), which the alias
# table leaves to lookup_country's folding of punctuation.
_WRITTEN = (("U.S.", "USA"), ("U.S.A.", "USA"), ("US", "USA"), ("USA", "USA"), ("U.K.", "GBR"))


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
    return tuple((n, re.compile(rf"(?<![\w-]){re.escape(n)}(?![\w-])"), names[n]) for n in ordered)


def state_spans(clause: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of each state named in `clause` (the project's name table), in text order,
    without overlaps."""
    taken: list[tuple[int, int, str]] = []
    for name, pattern, iso3 in _state_names():
        if name not in clause:
            continue  # a pattern matches only where its name is written: a plain look first, far cheaper
        for m in pattern.finditer(clause):
            if name == "US" and (
                clause[m.end() : m.end() + 1] == "$"
                or not re.search(r"[a-z]", clause[max(0, m.start() - 12) : m.end() + 12])
            ):
                continue  # "HELP US NOW": a headline in capitals, the pronoun; "US$ 5 million": a currency
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
