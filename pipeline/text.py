"""Words for numbers, ordinals, months, counts and durations in English prose: one home for the parsers,
the claim checker and what the command line prints."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TypeAlias

_Tree: TypeAlias = "dict[str, _Tree]"  # the words that go on after a beginning, by next letter


def alternation(words: Iterable[str]) -> str:
    """A regex matching exactly the strings of `words`, as `"|".join(words)` longest first would, built as
    a tree of shared beginnings ("fi(?:ft(?:een|y)|ve)"): the engine tries each letter once at a position,
    not every word, which makes a pattern tried at every word of a long text several times faster. Where
    one word begins another ("eight", "eighteen") the longer is tried first, as in a longest-first list."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Tree) -> str:
        branches = [re.escape(ch) + emit(rest) for ch, rest in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return (body if len(branches) > 1 or len(branches[0]) == 1 else f"(?:{body})") + "?"

    return f"(?:{emit(tree)})"


# Month names as pages and prose write them, lower case: full names and the abbreviations in use
# ("Sept" as well as "Sep").
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
# The month names as one regex alternation (longer first: "september" before "sep"), for patterns.
MONTH_NAMES = alternation(MONTHS)
# The days of the week in datetime.weekday() order (Monday 0), and as one regex alternation.
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NAMES = "|".join(WEEKDAYS)
# The three-letter abbreviations exactly as the UN's status tables print them ("19 Sep 2002").
MONTH_ABBREVIATIONS: dict[str, int] = {m.title(): n for m, n in MONTHS.items() if len(m) == 3}

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
    "fourty": 40, "ninty": 90,  # (misspelt so often that a text's "fourty-two" is 42)
}  # fmt: skip
# ("two dozen" is 24, "a dozen" 12)
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "dozen": 12}
NUMBER_WORDS: tuple[str, ...] = tuple(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
# The number words as one regex alternation: a tens word with a unit optionally run together with it, as
# a typo or a lost hyphen writes them ("fiftytwo", "twentyone"), then every other number word. (The unit
# hangs on the tens word so that a position without one costs no more tries than before.)
_TENS_WORDS = "|".join(TENS)
_DIGIT_WORD_LIST = [w for w, n in UNITS.items() if 1 <= n <= 9]
_DIGIT_WORDS = "|".join(_DIGIT_WORD_LIST)


NUMBER_WORDS_PATTERN = alternation(
    [
        *(t + u for t in TENS for u in ("", *_DIGIT_WORD_LIST)),
        *(w for w in NUMBER_WORDS if w not in TENS),
    ]
)
# The same, for a number's first word: "dozen" is one only after another ("two dozen"; "a dozen" is none).
FIRST_NUMBER_WORDS_PATTERN = alternation(
    [
        *(t + u for t in TENS for u in ("", *_DIGIT_WORD_LIST)),
        *(w for w in NUMBER_WORDS if w not in TENS and w != "dozen"),
    ]
)
_RUN_TOGETHER = re.compile(f"({_TENS_WORDS})({_DIGIT_WORDS})")

# Ordinals in words: "first" .. "nineteenth", "twentieth" .. "ninetieth", "hundredth"; compounds
# ("thirty-fifth", "twenty first") are a tens word and a unit ordinal.
UNIT_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}  # fmt: skip
TENS_ORDINALS: dict[str, int] = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
# An ordinal's suffix after its digits: "178th", "178^th" (a copied superscript), "57-th" (a translation's).
ORDINAL_SUFFIX = r"[\^-]?(?:st|nd|rd|th)"
_DIGIT_ORDINAL = re.compile(rf"(\d{{1,4}}){ORDINAL_SUFFIX}")


def parse_number(text: str) -> int:
    """177, "1,234", "nine", "seventy-seven", "one hundred and seventy-seven" -> int; ValueError otherwise."""
    t = text.strip().lower()
    if _DIGITS.fullmatch(t):
        return int(t.replace(",", ""))
    words = [w for w in re.split(r"[\s-]+", t) if w and w != "and"]
    if not words:
        raise ValueError(f"not a number: {text!r}")
    total, current = 0, 0
    for w in words:
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif run := _RUN_TOGETHER.fullmatch(w):
            current += TENS[run.group(1)] + UNITS[run.group(2)]
        elif w in ("hundred", "dozen"):
            current = (current or 1) * SCALES[w]
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            raise ValueError(f"not a number: {text!r}")
    return total + current


def parse_ordinal(text: str) -> int:
    """ "30th", "twentieth", "thirty-fifth", "one hundred and first", "a hundred and fortieth" -> int;
    ValueError otherwise."""
    t = text.strip().lower()
    m = _DIGIT_ORDINAL.fullmatch(t)
    if m:
        return int(m.group(1))
    words = [w for w in re.split(r"[\s-]+", t) if w and w != "and"]
    if not words:
        raise ValueError(f"not an ordinal: {text!r}")
    if words[0] == "a" and len(words) > 2:
        words[0] = "one"  # "a hundred and first"
    last = words[-1]
    value = UNIT_ORDINALS.get(last, TENS_ORDINALS.get(last))
    if value is None:
        raise ValueError(f"not an ordinal: {text!r}")
    if last == "hundredth":
        head = parse_number(" ".join(words[:-1])) if len(words) > 1 else 1
        return head * 100
    head = parse_number(" ".join(words[:-1])) if len(words) > 1 else 0
    return head + value


def month_before(day: date | None) -> date:
    """The last day of the month before `day`'s ("last month" in a text of `day`); ValueError without one."""
    if day is None:
        raise ValueError("no day to count the month back from")
    return day.replace(day=1) - timedelta(days=1)


__all__ = [
    "ORDINAL_SUFFIX",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "NUMBER_WORDS",
    "NUMBER_WORDS_PATTERN",
    "FIRST_NUMBER_WORDS_PATTERN",
    "alternation",
    "SCALES",
    "TENS",
    "TENS_ORDINALS",
    "UNITS",
    "UNIT_ORDINALS",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
    "duration_words",
    "month_before",
    "parse_number",
    "parse_ordinal",
    "plural",
]


# Counts and durations in words, as the CLI and the runs print them.


def plural(n: int, one: str, many: str | None = None) -> str:
    """ "1 treaty", "2 treaties": a count with its noun agreeing (many defaults to one + "s")."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def duration_words(seconds: float) -> str:
    """A duration as people say it: "5 seconds", "30 minutes", "6 hours", "1 day and 2 hours"."""
    if seconds < 1:
        return f"{max(seconds, 0):g} seconds"
    left = round(seconds)
    parts = []
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute"), (1, "second")):
        if left >= size:
            parts.append(plural(left // size, unit))
            left %= size
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
