"""The measure stage of the claim reader: which UN figure a predicate or noun counts (measures.csv)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.text import NUMBER_WORDS

# What a claimed figure corresponds to on the UN's page.
MEASURE_PARTIES = "parties"
MEASURE_SIGNATORIES = "signatories"
MEASURE_SIGNED_NOT_PARTIES = "signed_not_party"
MEASURES = (MEASURE_PARTIES, MEASURE_SIGNATORIES, MEASURE_SIGNED_NOT_PARTIES)
# Words for each measure in prose ("4 signatories not yet parties", not "4 signed_not_party").
MEASURE_WORDS = {
    MEASURE_PARTIES: "parties",
    MEASURE_SIGNATORIES: "signatories",
    MEASURE_SIGNED_NOT_PARTIES: "signatories not yet parties",
}
# A count of one way of joining: "66 states have ratified it, and another 4 have acceded".
MODE_RATIFICATION = "ratification"
MODE_ACCESSION = "accession"
MODES = (MODE_RATIFICATION, MODE_ACCESSION)

LEXICON = Path(__file__).with_name("measures.csv")


class LexiconError(ValueError):
    """A row of measures.csv names a measure or mode the checker does not know."""


@dataclass(frozen=True)
class MeasureWord:
    phrase: str  # folded: lower case, single spaces
    measure: str
    mode: str | None


def fold_phrase(text: str) -> str:
    """ "States-Parties", "states  parties", "signed, but not ratified," -> "states parties", "signed but not
    ratified"."""
    return re.sub(r"[\s,-]+", " ", text.strip(" \t\n,").lower())


@cache
def load_measures(path: Path = LEXICON) -> dict[str, MeasureWord]:
    """phrase -> its measure and mode. Raises LexiconError on an unknown measure or mode."""
    out: dict[str, MeasureWord] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), 2):
            phrase, measure, mode = fold_phrase(row["phrase"]), row["measure"].strip(), row["mode"].strip()
            if measure not in MEASURES:
                raise LexiconError(f"{path.name} line {n}: unknown measure {measure!r} for {phrase!r}")
            if mode and mode not in MODES:
                raise LexiconError(f"{path.name} line {n}: unknown mode {mode!r} for {phrase!r}")
            if phrase in out:
                raise LexiconError(f"{path.name} line {n}: {phrase!r} is listed twice")
            out[phrase] = MeasureWord(phrase, measure, mode or None)
    return out


def measure_of(words: str) -> MeasureWord | None:
    """The lexicon entry for a predicate or noun: the whole phrase, else its longest listed opening
    ("ratified it" -> "ratified"), else its longest listed ending ("UN member states parties")."""
    lexicon = load_measures()
    folded = fold_phrase(words)
    if folded in lexicon:
        return lexicon[folded]
    parts = folded.split()
    for n in range(len(parts) - 1, 0, -1):
        head, tail = " ".join(parts[:n]), " ".join(parts[-n:])
        if head in lexicon:
            return lexicon[head]
        if tail in lexicon:
            return lexicon[tail]
    return None


# Tails that turn "have signed" into "have signed but not ratified" ("signed, but not yet ratified",
# "signed the treaty but not ratified it", "signatories without ratification"); "signed and ratified"
# is not one of them.
NOT_RATIFIED = re.compile(
    # the words skipped are the object ("the treaty,"), never a new subject: "one of 118 countries that
    # have signed the treaty, but it has not yet ratified it" counts everyone who signed.
    # nor a number ("Of the 83 signatories, nine have not yet ratified": nine is the new subject); up to 14
    # words, a treaty's whole title ("signed the International Convention on ... Discrimination without")
    # ("signed it but not ratified": "it" right after the verb is its object)
    r"^(?:\s+(?:it|them)\b)?[\s,]*(?:(?!(?:but|it|he|she|they|we|"
    + "|".join(NUMBER_WORDS)
    + r")\b)[^\W\d]+,?\s+){0,14}?"
    # "and just haven't got round to ratifying": the contraction, and the words that put the act off
    r"(?:(?:but|and|yet)\s+(?:which\s+|who\s+|that\s+)?(?:just\s+|simply\s+)?(?:have\s+|has\s+|had\s+|are\s+|were\s+)?"
    r"(?:not\s+(?:yet\s+)?|(?:have|has|had|are|were)n['’]t\s+(?:yet\s+)?|yet\s+to\s+|never\s+|still\s+not\s+)"
    r"(?:got(?:ten)?\s+(?:a)?round\s+to\s+|managed\s+to\s+|gone\s+on\s+to\s+|proceeded\s+to\s+)?|without\s+(?:any\s+|going\s+on\s+to\s+|yet\s+|then\s+|subsequently\s+)?|"
    r"(?:\(\s*)?not\s+(?:yet\s+)?|(?:have\s+|has\s+)?yet\s+to\s+|(?:are\s+|is\s+)?still\s+to\s+|"
    r"(?:that|which|who)\s+(?:still\s+)?(?:need|needs|have|has)\s+to\s+|(?:still\s+)?(?:pending|awaiting)\s+)"
    # "signatories but not yet parties": the noun as the predicate
    # "but not yet completed the ratification process"
    # ("signed ... but are not yet bound by it", "28 signatures pending ratification")
    r"(?:ratif|join|acced|become\s+(?:a\s+)?part|been\s+(?:a\s+)?part|consent|deposit|(?:an?\s+)?(?:states?[\s-]+)?part(?:y|ies)\b|bound\b|"
    r"complet\w*\s+(?:the\s+|their\s+|its\s+)?(?:ratification|accession))",
    re.I,
)


# "39 states have signed up to the protocol but just seven have ratified it": a ratification set against it
# The verb of signing in any form ("sign", "signs", "signed", "signing"), not "signatories" or "signature".
SIGN_WORD = re.compile(r"\bsign(?:s|ed|ing)?\b", re.I)
_BUT_RATIFIED = re.compile(r"^[^.;\n]{0,120}?\bbut\b[^.;\n]{0,60}?\bratif", re.I)


def measure_for(verb_or_noun: str, tail: str) -> str:
    """The measure of a predicate or noun (measures.csv); "signed" followed by "but not ratified" in the
    words after it counts the signatories that are not parties. The idiom of joining "signed up / on to"
    set against a ratification in its sentence ("but only 7 have ratified it") is signing."""
    word = measure_of(verb_or_noun)
    measure = word.measure if word else MEASURE_PARTIES
    if word and word.phrase.startswith("signed") and measure == MEASURE_PARTIES and _BUT_RATIFIED.match(tail):
        measure = MEASURE_SIGNATORIES
    if measure == MEASURE_SIGNATORIES and NOT_RATIFIED.match(tail):
        return MEASURE_SIGNED_NOT_PARTIES
    return measure


__all__ = [
    "MEASURES",
    "MEASURE_PARTIES",
    "MEASURE_SIGNATORIES",
    "MEASURE_SIGNED_NOT_PARTIES",
    "MEASURE_WORDS",
    "MODES",
    "MODE_ACCESSION",
    "MODE_RATIFICATION",
    "LexiconError",
    "MeasureWord",
    "fold_phrase",
    "load_measures",
    "NOT_RATIFIED",
    "SIGN_WORD",
    "measure_for",
    "measure_of",
]
