"""A protocol's title told with its parent's short name: "Optional Protocol to the CRC on a communications
procedure", "the Optional Protocol to CEDAW", "Protocol V to the CCW on Explosive Remnants of War".

The UN titles a protocol by its parent's full title ("Optional Protocol to the Convention on the Rights of
the Child on a communications procedure"); texts often put the parent's short name in its place. Each such
name is made from the two titles and the parent's short names, so no table lists them one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# A parent's short name fit to stand in a title: an acronym ("CRC", "CEDAW", "ICCPR"), no common name.
_ACRONYM = re.compile(r"[A-Z][A-Z0-9-]{1,9}")
_TO_THE = re.compile(r"\bto\s+the\s+", re.I)


def names_with_parents(
    titles: Mapping[str, str], short_names: Mapping[str, Iterable[str]]
) -> dict[str, tuple[str, ...]]:
    """mtdsg_no -> the names of that treaty made from its title with a parent's acronym in place of the
    parent's title ("Optional Protocol to the CRC on a communications procedure" and "... to CRC ...").
    `titles` maps each number to its UN title, `short_names` each number to its short names."""
    parents = {t.casefold(): no for no, t in titles.items() if t and len(t) > 12}
    out: dict[str, list[str]] = {}
    for no, title in titles.items():
        if not title:
            continue
        folded = title.casefold()
        for m in _TO_THE.finditer(title):
            rest = folded[m.end() :]
            for parent_title, parent in parents.items():
                if parent == no or not rest.startswith(parent_title):
                    continue
                after = title[m.end() + len(parent_title) :]
                if after and after[0].isalnum():
                    continue  # the parent's title must end where a word does
                out.setdefault(no, []).extend(_by_subject(title[: m.start()], after))
                for short in short_names.get(parent, ()):
                    if _ACRONYM.fullmatch(short):
                        head = title[: m.start()]
                        out.setdefault(no, []).extend(
                            (f"{head}to the {short}{after}".strip(), f"{head}to {short}{after}".strip())
                        )
    return {no: tuple(dict.fromkeys(names)) for no, names in out.items()}


def _by_subject(head: str, after: str) -> list[str]:
    """A protocol named by its subject with its parent left out ("the protocol on the involvement of
    children in armed conflict", "its Optional Protocol on the sale of children"): the title's head and the
    words after the parent's title, whole and up to their first comma, when they tell a subject of three
    words or more ("on a communications procedure")."""
    subject = after.strip()
    if not re.match(r"on\s+\S+\s+\S+\s+\S+", subject, re.I):
        return []
    subjects = dict.fromkeys((subject, subject.split(",")[0].strip()))
    heads = dict.fromkeys((head.strip(), re.sub(r"^Optional\s+", "", head.strip())))
    return [f"{h} {s}" for h in heads for s in subjects if len(s.split()) >= 3]


__all__ = ["names_with_parents"]
