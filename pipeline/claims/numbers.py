"""The number stage of the claim reader: figures in digits or words, ordinals and the qualifiers before them.

Every pattern here is built so that it cannot backtrack over a long run of words: a number in words is
an atomic group of at most eight words, so a page of "one one one ..." costs the same per word as prose.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.text import (
    FIRST_NUMBER_WORDS_PATTERN,
    NUMBER_WORDS,
    NUMBER_WORDS_PATTERN,
    ORDINAL_SUFFIX,
    TENS,
    TENS_ORDINALS,
    UNIT_ORDINALS,
    alternation,
    parse_ordinal,
)
from pipeline.text import parse_number as _parse_words

if TYPE_CHECKING:
    from pipeline.claims.model import CountMatch

_W = r"(?:" + NUMBER_WORDS_PATTERN + r")\b"
_W_FIRST = r"(?:" + FIRST_NUMBER_WORDS_PATTERN + r")\b"
# "one hundred and seventy-seven": at most eight words, taken whole (atomic) so a failure after it
# does not retry every shorter run. A dash may join the words as a hyphen does ("Twenty—eight", "forty–two"),
# and a hyphen a copied page broke at its line's end or left a space after ("eighty-\ntwo", "eighty- two").
# ("two dozen" is 24; "a dozen", "half a dozen", "more than a dozen governments" tell no number)
# ("a hundred and forty-odd states" is 140, its article one of its words; "over a hundred" is 100 as before)
WORD_NUMBER = (
    rf"\b(?>(?:a\s+(?=hundred\s+and\s))?{_W_FIRST}(?:(?:\s+and\s+|\s+|[-—–][ \t]*\n?[ \t]*){_W}){{0,7}})"
    # (never a fraction's numerator: "four-fifths of the world's countries")
    r"(?![-—–](?:halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b)"
)
DIGIT_NUMBER = r"\b(?>\d{1,3}(?:,\d{3})+|\d+)\b(?!-(?:st|nd|rd|th)\b)"  # "57-th" is an ordinal (ORD)
# "170-odd countries", "170+ countries", "170-plus states": the figure and a suffix saying "or more"
# (read_counts gives such a count the comparison ">=", see comparison_after; "25 or more", "110 +" too).
NUM = rf"(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})(?:\+|-(?:odd|plus)\b)?"
OR_MORE_AFTER = re.compile(r"[ \t]?\+|-(?:odd|plus)\b|\s+(?:or\s+more|plus|and\s+counting)\b", re.I)
# "25 or so states", "25 or thereabouts": about the figure.
_ABOUT_AFTER = re.compile(r"\s+or\s+(?:so|thereabouts)\b", re.I)


def comparison_after(text: str, end: int) -> str | None:
    """The comparison the words right after a figure ending at `end` give it: ">=" ("170-odd", "170+", "25
    or more", "25 and counting"), "~" ("25 or so"), else None."""
    if OR_MORE_AFTER.match(text, end):
        return ">="
    return "~" if _ABOUT_AFTER.match(text, end) else None


# Any number, for the stage that lists the figures left unread.
ANY_NUMBER = re.compile(rf"{DIGIT_NUMBER}|{WORD_NUMBER}", re.I)

ORDINAL_WORD = (
    # "one hundred and sixty-fourth", "a hundred and first", "the hundred and twentieth": the hundreds first
    r"(?:(?:(?:a|one|two)[\s-]+)?hundred(?:[\s-]+and)?[\s-]+)?"
    # ("thirty-fifth": a tens word before a unit's ordinal; "the two first governments" is no ordinal)
    r"(?:(?:"
    + "|".join(sorted(TENS, key=len, reverse=True))
    + r")[\s-]+)?(?:"
    + "|".join(sorted([*UNIT_ORDINALS, *TENS_ORDINALS], key=len, reverse=True))
    + r")\b"
)
# "the 30th ratification", "the fiftieth instrument", "the thirty-fifth instrument" (and "the 178^th State",
# "the 57-th State": pipeline.text.ORDINAL_SUFFIX).
ORD = r"(?P<num>\d{1,3})" + ORDINAL_SUFFIX + r"\b|(?P<word>" + ORDINAL_WORD + ")"
# An ordinal without named groups, for patterns that hold two: "the 22nd and 23rd countries".
ORDINAL = r"(?:\d{1,3}" + ORDINAL_SUFFIX + r"\b|" + ORDINAL_WORD + ")"

# Whether a text holds any figure at all (a digit, a number word, an ordinal word): every stage of the
# reader starts from one, so a text without any holds no claim and no unread figure.
ANY_FIGURE = re.compile(
    r"\d|\b(?:"
    + "|".join(sorted([*NUMBER_WORDS, *UNIT_ORDINALS, *TENS_ORDINALS], key=len, reverse=True))
    + ")",
    re.I,
)

# Qualifiers change what a figure claims: "more than 170" is right for 178.
QUALIFIERS = {
    "more than": ">",
    "over": ">",
    "just over": ">",
    "upwards of": ">",
    "upward of": ">",
    "in excess of": ">",
    "well over": ">",
    "well above": ">",
    "no fewer than": ">=",
    "no less than": ">=",
    "not less than": ">=",
    "not quite": "<~",
    "close to": "~",
    "a mere": "=",
    "barely": "=",
    "at least": ">=",
    "fewer than": "<",
    "less than": "<",
    "under": "<",
    "just under": "<~",
    "just shy of": "<~",
    "just short of": "<~",
    "a little under": "<~",
    "slightly under": "<~",
    "well under": "<",
    "a little over": ">",
    "a little more than": ">",
    "slightly more than": ">",
    "slightly over": ">",
    "nearly": "<~",
    "almost": "<~",
    "about": "~",
    "around": "~",
    "approximately": "~",
    "roughly": "~",
    "circa": "~",
    "c.": "~",
    "ca.": "~",
    "approx.": "~",
    "some": "~",
    "exactly": "=",
    "a total of": "=",
}
# QUAL and EXTRA begin with a test that a word starts here (a figure always follows them): at every other
# place of a long text, a pattern that starts with them fails at once. ("over a hundred": 100, qualified)
STARTS_WORD = r"\b(?=\w)"
QUAL = STARTS_WORD + r"(?:(?P<qual>" + alternation(QUALIFIERS) + r")\s+(?:a\s+(?=hundred\b))?)?"
# The qualifier told right before a number, in the text before it: "just over [110]", "some [a] hundred".
QUAL_BEFORE = re.compile(r"\b(?P<qual>" + alternation(QUALIFIERS) + r")\s+(?:a\s+)?$", re.I)
# "another nine states", "a further 12 countries", "a record 67 states": the figure is the number itself.
EXTRA = STARTS_WORD + r"(?:(?:another|a\s+further|an\s+additional|a\s+record|only|just|now|currently)\s+)?"
# "ratified by the greatest number of nations (196)": the count told in brackets after a superlative.
MOST_OF = (
    r"(?:the\s+(?:greatest|largest|highest|biggest)\s+number\s+of\s+(?:states|countries|nations)\s*\(\s*)?"
)


def qualifier_key(qual: str | None) -> str | None:
    """ "More  than" -> "more than" (a key of QUALIFIERS), None for no qualifier."""
    return re.sub(r"\s+", " ", qual.lower()) if qual else None


def comparison_for(qual: str | None) -> str:
    """The test a qualifier sets: "=", ">", ">=", "<", "<~" (close below) or "~" (about)."""
    key = qualifier_key(qual)
    return QUALIFIERS[key] if key else "="


def qualified(told: CountMatch, qual: str | None) -> CountMatch:
    """A count read with the qualifier told before its number ("around eighty-three"), if any."""
    return replace(told, comparison=comparison_for(qual), qualifier=qualifier_key(qual)) if qual else told


def parse_number(text: str) -> int:
    """pipeline.text.parse_number, with a dash between number words read as a hyphen ("Twenty—eight",
    "eighty- two") and the article of "a hundred and forty" left out."""
    return _parse_words(re.sub(r"(?<=[A-Za-z])[—–-]\s*(?=[A-Za-z])", "-", _A_HUNDRED.sub("", text)))


_A_HUNDRED = re.compile(r"^\s*a\s+(?=hundred\b)", re.I)


def is_number(text: str) -> bool:
    try:
        parse_number(text)
    except ValueError:
        return False
    return True


def is_year(figure: int, written: str) -> bool:
    """ "in 2009 states ...": a year written in digits, not a count."""
    return 1900 <= figure <= 2100 and written.strip().isdigit()


def ordinal_of(m: re.Match[str]) -> tuple[int, str]:
    """(value, group) of a match of ORD: its digits ("160th", group "num") or its word ("fifteenth", group
    "word"). Raises ValueError for a word that is no ordinal."""
    if m.group("word"):
        return parse_ordinal(m.group("word")), "word"
    return int(m.group("num")), "num"


_TELLS_ORDINAL = re.compile(r"\b(?:" + ORD + r")", re.I)


def tells_nth(phrase: str, sentence: str, figure: int) -> bool:
    """Does the claim tell which consents ("the 50th", "the first 50 states to ratify"), not how many there
    were on a day?"""
    return bool(_TELLS_ORDINAL.search(phrase) or re.search(rf"\bfirst\s+{figure}\b", sentence))


__all__ = [
    "tells_nth",
    "comparison_after",
    "OR_MORE_AFTER",
    "ANY_NUMBER",
    "DIGIT_NUMBER",
    "EXTRA",
    "NUM",
    "ORD",
    "ANY_FIGURE",
    "ORDINAL",
    "QUAL",
    "STARTS_WORD",
    "QUALIFIERS",
    "WORD_NUMBER",
    "comparison_for",
    "is_number",
    "is_year",
    "ordinal_of",
    "parse_number",
    "parse_ordinal",
    "qualified",
    "qualifier_key",
]
