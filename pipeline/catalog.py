"""Short names for well-known treaties and resolution of a user's treaty name to its MTDSG number."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from pipeline import mtdsg

# Common short names -> the UN's own treaty number (MTDSG). The first alias of each number is its
# display short name. The UN itself uses no acronyms; these are the ones treaty bodies and the press use.
ALIASES: dict[str, tuple[str, ...]] = {
    "IV-1": ("Genocide Convention",),
    "IV-2": ("CERD",),
    "IV-3": ("ICESCR",),
    "IV-3-a": ("OP-ICESCR",),
    "IV-4": ("ICCPR",),
    "IV-5": ("ICCPR-OP1", "OP1-ICCPR"),
    "IV-8": ("CEDAW",),
    "IV-8-b": ("OP-CEDAW",),
    "IV-9": ("CAT",),
    "IV-9-b": ("OPCAT", "OP-CAT"),
    "IV-11": ("CRC",),
    "IV-11-b": ("OPAC", "OP-CRC-AC"),
    "IV-11-c": ("OPSC", "OP-CRC-SC"),
    "IV-11-d": ("OPIC", "OP-CRC-IC"),
    "IV-12": ("ICCPR-OP2", "OP2-ICCPR"),
    "IV-13": ("CMW", "ICRMW"),
    "IV-15": ("CRPD",),
    "IV-15-a": ("OP-CRPD",),
    "IV-16": ("CED", "ICPPED"),
    "XVIII-10": ("Rome Statute", "ICC Statute"),
    "XXVI-1": ("ENMOD",),
    "XXVI-2": ("CCW",),
    "XXVI-3": ("CWC", "Chemical Weapons Convention"),
    "XXVI-4": ("CTBT",),
    "XXVI-5": ("Ottawa Convention", "Mine Ban Treaty", "APMBC"),
    "XXVI-6": ("CCM", "Convention on Cluster Munitions"),
    "XXVI-8": ("ATT", "Arms Trade Treaty"),
    "XXVI-9": ("TPNW",),
    "XXVII-7": ("UNFCCC",),
    "XXVII-7-a": ("Kyoto Protocol",),
    "XXVII-7-d": ("Paris Agreement",),
}


class UnknownTreaty(LookupError):
    """A treaty name that is neither a known MTDSG number nor an alias; the message suggests close matches."""


def _key(text: str) -> str:
    """Alias comparison ignores case, spaces and punctuation ("op-cedaw" == "OP CEDAW")."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


_BY_ALIAS: dict[str, str] = {_key(a): no for no, names in ALIASES.items() for a in names}


def short_name(mtdsg_no: str) -> str | None:
    """The display short name of a treaty (e.g. "OPSC" for IV-11-c), or None."""
    names = ALIASES.get(mtdsg_no)
    return names[0] if names else None


def resolve_treaty(name: str, known: Iterable[str]) -> str:
    """The MTDSG number named by `name` (a number or an alias) among the `known` numbers.

    Raises UnknownTreaty, suggesting close matches among known numbers and aliases.
    """
    known_set = set(known)
    text = name.strip()
    candidate = text if text in known_set else (mtdsg.normalise(text) or _BY_ALIAS.get(_key(text)))
    if candidate is not None and candidate in known_set:
        return candidate
    labels = sorted(known_set) + [a for no in sorted(known_set) for a in ALIASES.get(no, ())]
    close = difflib.get_close_matches(text, labels, n=4, cutoff=0.5)
    close += [x for x in difflib.get_close_matches(text.upper(), [lab.upper() for lab in labels], n=4) if x]
    seen: list[str] = []
    for c in close:
        for lab in labels:
            if lab.upper() == c.upper() and lab not in seen:
                seen.append(lab)
    if candidate is not None:
        msg = f"treaty {name!r} ({candidate}) is not in the database"
    else:
        msg = f"unknown treaty {name!r}"
    if seen:
        msg += "; did you mean " + ", ".join(seen[:4]) + "?"
    elif not known_set:
        msg += "; the database holds no treaties yet (run `treaties import`)"
    return _raise(msg)


def _raise(msg: str) -> str:
    raise UnknownTreaty(msg)


def lookup_number(name: str) -> str:
    """A treaty number from a number or a short name, without a database ("opsc" -> "IV-11-c"), for
    commands that fetch what the database may not hold yet. Raises UnknownTreaty with suggestions."""
    text = name.strip()
    found = mtdsg.normalise(text) or _BY_ALIAS.get(_key(text))
    if found is not None:
        return found
    labels = [a for names in ALIASES.values() for a in names]
    close = difflib.get_close_matches(text.upper(), [lab.upper() for lab in labels], n=4, cutoff=0.6)
    hint = [lab for lab in labels if lab.upper() in close]
    msg = f"{name!r} is neither an MTDSG treaty number (like IV-11-c) nor a known short name"
    return _raise(msg + (f"; did you mean {', '.join(hint)}?" if hint else ""))
