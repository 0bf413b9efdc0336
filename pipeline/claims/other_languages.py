"""Never a silent drop, in other languages too. The reader reads English; a number in a sentence written in
another language that speaks of a treaty ("Hasta la fecha, 153 países han ratificado la Convención", "Il
50esimo Paese a ratificare il trattato", "Unterzeichner108[3]", "تصديق 50 دولة") is listed unread with the
reason "not in English", and a number such a sentence had listed for another reason takes this one: the
reader sees what the tool could not check, and why. The words that tell a language and a treaty are data:
other_languages.csv (a language's treaty words, its small words, its months).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from pipeline.claims.model import REASON_NOT_ENGLISH, Unread
from pipeline.claims.sentences import Cover, Lines, Spans, split_sentences
from pipeline.claims.unread import TREATY_WORDS, unread_at
from pipeline.text import MONTH_NAMES

LEXICON_CSV = Path(__file__).with_name("other_languages.csv")
KINDS = frozenset({"treaty", "small", "month"})
# Scripts whose words are not set off by spaces or take prefixes (Arabic "والمعاهدة", Chinese "缔约国"):
# their treaty words are found inside words.
_INSIDE_WORDS = re.compile(r"[\u0600-\u06ff\u3400-\u9fff]")


class LexiconError(ValueError):
    """A bad row in other_languages.csv."""


@dataclass(frozen=True)
class Lexicon:
    treaty: re.Pattern[str]  # a treaty's words, each the start of a word ("ratific" of "ratificado")
    small: re.Pattern[str]  # the small words that tell a language ("los", "und", "della")
    day_after: re.Pattern[str]  # a month's name after a day: "3 de mayo", "14. Januar", "1er mars", "12 May"
    day_before: re.Pattern[str]  # a month's name before a day: "May 12", "Januar 14"


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def load_lexicon(path: Path = LEXICON_CSV) -> Lexicon:
    """The words of other_languages.csv. Raises LexiconError on a bad row (no word, an unknown kind, a word
    listed twice)."""
    words: dict[str, list[str]] = {k: [] for k in KINDS}
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), 2):
            kind, word = (row.get("kind") or "").strip(), (row.get("word") or "").strip().casefold()
            if kind not in KINDS or not word or not (row.get("language") or "").strip():
                raise LexiconError(f"{path.name} line {n}: bad row {row!r}")
            if word in seen:
                raise LexiconError(f"{path.name} line {n}: {word!r} is listed twice")
            seen.add(word)
            words[kind].append(word)
    months = f"{_alternation(words['month'])}|{MONTH_NAMES}"  # (and English's)
    inside = [w for w in words["treaty"] if _INSIDE_WORDS.search(w)]
    spaced = [w for w in words["treaty"] if w not in inside]
    treaty = rf"(?<!\w)(?:{_alternation(spaced)})" + (f"|{_alternation(inside)}" if inside else "")
    return Lexicon(
        treaty=re.compile(treaty, re.I),
        small=re.compile(rf"(?<!\w)(?:{_alternation(words['small'])})(?!\w)", re.I),
        day_after=re.compile(rf"(?:º|°|er|\.)?\s*(?:(?:de|del|di|du|of)\s+)?(?:{months})(?!\w)", re.I),
        day_before=re.compile(rf"(?<!\w)(?:{months})\.?\s*$", re.I),
    )


# The small words of English: a sentence with more of these than of another language's is English.
_ENGLISH_SMALL = re.compile(
    r"\b(?:the|of|and|to|has|have|had|by|is|are|was|were|been|with|that|which|its|it|this|from|for|in|on|as|at|an?|"
    r"be|or|not|will|who|their|after|since)\b",
    re.I,
)
# A number of one to three digits, whatever is glued to it ("Parteien110", "50º", "50esimo", "der 30.")
# but not a part of a longer number, a date, an hour or a name ("24.10.2020", "10:16", "1,300", "COVID-19").
_NUMBER = re.compile(r"(?<![\d.,/:-])\d{1,3}(?!\d|[.,:/]\d)")  # (not "COVID-19")
_NOT_A_FIGURE_BEFORE = re.compile(
    r"(?:\[|\b(?:art(?:[íi]culo|icolo|igo|ikel|icle)?|n[º°o]|§|p[áa]rrafo|paragraph|anexo|anhang|annexe?|"
    r"protocol\w*|no)\.?\s*|\w*مادة\s*)$",  # (and the Arabic article, "للمادة 2")
    re.I,
)
_NOT_A_FIGURE_AFTER = re.compile(r"\s*(?:\]|%|por\s+ciento|per\s+cento|pour\s+cent|prozent)", re.I)


_URL = re.compile(r"\S+://\S+|www\.\S+", re.I)


def is_foreign(sentence: str, lexicon: Lexicon) -> bool:
    """Is `sentence` written in another language than English: mostly in another script, or with more of
    another language's small words than of English's (at least two)?"""
    sentence = _URL.sub(" ", sentence)  # ("firma-il-trattato" in an address is no Italian sentence)
    letters = [c for c in sentence if c.isalpha()]
    if not letters:
        return False
    if sum(1 for c in letters if ord(c) > 0x24F) * 10 >= len(letters) * 3:
        return True
    theirs = len(lexicon.small.findall(sentence))
    return theirs >= 2 and theirs > len(_ENGLISH_SMALL.findall(sentence))


def _is_day(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Is the number at start:end the day of a date, in any of the lexicon's languages or English ("3 de
    mayo", "14. Januar", "le 1er mars", "May 12")?"""
    return bool(
        lexicon.day_after.match(text[end : end + 30])
        or lexicon.day_before.search(text[max(0, start - 14) : start])
    )


# Letters of other scripts than the Latin ones (Greek, Cyrillic, Hebrew, Arabic, the Indian scripts, Thai,
# kana, Chinese characters, Hangul).
_OTHER_SCRIPT = re.compile(
    r"[\u0370-\u052f\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)


def _may_hold_another_language(text: str, lexicon: Lexicon) -> bool:
    """A letter of another script, or two small words of other languages close together (not one "El
    Salvador" in an English text)?"""
    if _OTHER_SCRIPT.search(text):
        return True
    starts = [m.start() for m in lexicon.small.finditer(text)]
    return any(b - a < 120 for a, b in zip(starts, starts[1:], strict=False))


def not_in_english(
    text: str, read: Sequence[tuple[int, int]], unread: Sequence[Unread], *, lines: Lines | None = None
) -> list[Unread]:
    """`unread` with every number of a sentence in another language that speaks of a treaty, which no claim
    took (`read`: the claims' number spans), listed "not in English" (in place of the reason it had)."""
    lexicon = load_lexicon()
    if not _may_hold_another_language(text, lexicon):
        return list(unread)  # (an English text, read at next to no cost)
    taken = Cover(list(read))
    listed = {u.start: u for u in unread}
    sentences = Spans(split_sentences(text))
    lines = lines or Lines(text)
    urls = Cover([u.span() for u in _URL.finditer(text)])
    for lo, hi in sentences.spans:
        sentence = text[lo:hi]
        if not (lexicon.treaty.search(sentence) or TREATY_WORDS.search(sentence)):
            continue
        if not is_foreign(sentence, lexicon):
            continue
        for m in _NUMBER.finditer(text, lo, hi):
            figure = int(m.group(0))
            if m.start() in taken or figure < 2 or m.start() in urls:
                continue
            if (
                _NOT_A_FIGURE_BEFORE.search(text[max(lo, m.start() - 14) : m.start()])
                or _NOT_A_FIGURE_AFTER.match(text, m.end())
                or _is_day(text, m.start(), m.end(), lexicon)
            ):
                # "Em 24 de outubro de 2020", "للمادة 2": a day or an article's number, which the English
                # reader did not know for one
                listed.pop(m.start(), None)
                continue
            if m.start() in listed:
                listed[m.start()] = replace(listed[m.start()], reason=REASON_NOT_ENGLISH)
            else:
                listed[m.start()] = unread_at(text, sentences, lines, figure, m.span(), REASON_NOT_ENGLISH)
    return sorted(listed.values(), key=lambda u: u.start)


__all__ = ["LEXICON_CSV", "Lexicon", "LexiconError", "is_foreign", "load_lexicon", "not_in_english"]
