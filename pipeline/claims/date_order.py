"""Which order a text writes its numeric days in ("12/06/2004": 12 June or December 6?), from the text itself:
a text keeps one convention, so a numeric day it writes plainly ("18/12/2007", day first; "10/17/2011",
month first) tells the order of the ones it writes ambiguously; failing that, its spelling does
("organisation", "programme", "defence" in a text that writes days first, as the Commonwealth and most of
the world do; "program", "defense", "color" in an American one). A text that tells neither, or both, leaves
an ambiguous day unread, as before.
"""

from __future__ import annotations

import re

_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(?:19|20)\d\d\b")
_DAY_FIRST_WORDS = re.compile(
    r"\b(?:colours?|favour(?:s|ed)?|honours?|labour|behaviours?|neighbours?|centres?|programmes?|defence|"
    r"licence|organisations?|recognised|criticised|realised|travelled|judgement)\b",
    re.I,
)
# (not "labor": the Australian Labor Party; not "program", which British English writes of software)
_MONTH_FIRST_WORDS = re.compile(
    r"\b(?:colors?|favor(?:s|ed)?|honors?|behaviors?|neighbors?|centers?|defense|traveled)\b", re.I
)


def numeric_order(text: str) -> str | None:
    """ "dmy" or "mdy": the order of the day and month the text's slashed days follow; None when it does not
    say, or says both."""
    told = {
        "dmy" if int(a) > 12 else "mdy" for a, b in _SLASHED.findall(text) if (int(a) > 12) != (int(b) > 12)
    }
    if len(told) == 1:
        return told.pop()
    if told:
        return None
    first, second = bool(_DAY_FIRST_WORDS.search(text)), bool(_MONTH_FIRST_WORDS.search(text))
    return "dmy" if first and not second else "mdy" if second and not first else None


def day_month(a: int, b: int, sep: str, order: str | None) -> tuple[int, int] | None:
    """(day, month) of a numeric day "a/b/yyyy" or "a.b.yyyy" (dots: always day first), in the text's
    `order` (numeric_order) when both could be a month; None when it could be either and the text does not
    say which."""
    if sep != "/" or a > 12 or a == b:
        return a, b
    if b > 12 or order == "mdy":
        return b, a
    return (a, b) if order == "dmy" else None


__all__ = ["day_month", "numeric_order"]
