"""Never a silent drop: every number in a sentence about a treaty that the reader did not take as a claim,
with the reason, so a person can check what the tool could not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.claims.dates import DateMention
from pipeline.claims.model import (
    REASON_CHANGE,
    REASON_CONDITION,
    REASON_DENOMINATOR,
    REASON_NO_TREATY_WORD,
    REASON_NOT_UNDERSTOOD,
    REASON_SUBSET,
    REASON_THRESHOLD,
    Skipped,
    Unread,
)
from pipeline.claims.numbers import ANY_NUMBER, ORD, is_year, ordinal_of, parse_number
from pipeline.claims.sentences import Cover, Lines, Spans, split_sentences
from pipeline.claims.treaties import TreatyMention
from pipeline.text import MONTH_NAMES, TENS, UNIT_ORDINALS

# A sentence is about a treaty when it names one or uses one of these words.
TREATY_WORDS = re.compile(
    r"\b(?:ratif\w*|sign\w*|part(?:y|ies|icipants?)|acce(?:de|ded|ding|ssions?|pt|pted|ptance)\w*|join\w*|bound|"
    r"binding|adher\w*|approv(?:ed|al)|consent\w*|members?|membership|instruments?|"
    r"treaty|treaties|convention|protocol|covenant|statute|agreement|pacts?|accords?|ban(?:s|ned)?)\b",
    re.I,
)
# "It now has 110 States.", "WHEREAS, it has now been adopted by more than 180 countries": a sentence whose
# subject is "it", after one about a treaty, is about it too.
_IT_LEADS = re.compile(
    r"\s*[\"“‘']?(?:(?:and|but|so|yet|today|now|since\s+then|whereas|currently|to\s+date|so\s+far),?\s+)?"
    r"(?:it|its)\b(?!\s+(?:is|was|has\s+been|had\s+been)\s+(?:estimated|said|reported|thought|believed|feared|expected|hoped)\b)",
    re.I,
)

# "More than 100 countries have endorsed it": states that took "it" up, the treaty told before.
_IT_TAKEN_UP = re.compile(r"\b(?:endorsed|adopted|embraced|backed|supported)\s+it\b", re.I)


def treaty_word_before(text: str, sentences: Spans, i: int) -> bool:
    """Does the sentence before sentence i, in the same paragraph, use a treaty word ("The Convention needed
    twenty ratifications. Guatemala provided the twentieth.")?"""
    if i == 0:
        return False
    lo, hi = sentences.spans[i - 1]
    return "\n\n" not in text[hi : sentences.spans[i][0]] and TREATY_WORDS.search(text, lo, hi) is not None


def _told_of_it(text: str, sentences: Spans, i: int, named: set[int]) -> bool:
    """Is sentence i's subject "it" (or do its states take "it" up), and the sentence before it, in the
    same paragraph, about a treaty (it uses a treaty word or is one of those that name one, `named`)?"""
    lo, hi = sentences.spans[i] if i >= 1 else (0, 0)
    if i < 1 or not (_IT_LEADS.match(text, lo) or _IT_TAKEN_UP.search(text, lo, hi)):
        return False
    same_paragraph = "\n\n" not in text[sentences.spans[i - 1][1] : lo]
    return treaty_word_before(text, sentences, i) or (same_paragraph and i - 1 in named)


# Numbers that name something rather than count it: "Article 5", "resolution 61/106", "[2]", "5%", "1.5"
# ("number 5" names; "now number 150", "sits at number 77", "was number 111", "and number 113" count).
# A word's full stop ends its sentence ("... ratified the protocol. Thirty other countries"); only an
# abbreviation's stays with the label ("Art. 5", "No. 12").
_LABEL_BEFORE = re.compile(
    r"\b(?:(?:art|arts|para|no|nos|pp|p|vol)\.?|article|articles|paragraph|resolution|"
    r"(?<!now\s)(?<!still\s)(?<!currently\s)(?<!today\s)(?<!,\s)(?<!\bat\s)(?<!\bwas\s)(?<!\bis\s)(?<!\band\s)number|"
    r"chapter|section|page|annex|rule|principle|goal|sdg|table|figure|volume|series|session|ccw|protocol)\s*$",
    re.I,
)
_NOT_A_FIGURE_AFTER = re.compile(
    r"^(?:\s*(?:%|per\s*cent|percent|\.\d|,\d|/\d|:\d|-\d)|\s+(?:years?|months?|weeks?|days?|"
    r"hours?|million|billion|articles?|paragraphs?|times|per\s+cent)\b)",
    re.I,
)
# A day of a date told without its year ("NEW YORK, 12 May -", "On 10 May", "May 12"): not a figure. A
# month's name starts with a capital ("12 may join" is no day).
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_NAMES})\b", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?P<month>{MONTH_NAMES})\.?\s+$", re.I)
_AGE_BEFORE = re.compile(
    r"\b(?:age\s+of|aged|ages|under|younger\s+than|older\s+than|over\s+the\s+age\s+of)\s*$", re.I
)
_CITATION = re.compile(r"\[\s*$")
_TENS_VALUES = frozenset(TENS.values())
# A count of states told in brackets after its noun: "most countries (188 in 2010) are".
_STATES_BRACKET = re.compile(r"\b(?:countries|states|nations)\s*\(\s*$", re.I)
_ORDINAL_AFTER = re.compile(r"[\s-]+(?:" + "|".join(UNIT_ORDINALS) + r")\b", re.I)
# A count of states: the words after its number ("10 countries", "100 States", "52 UN member states"). A
# number so followed is listed even in a sentence with no treaty word when the text names a treaty, and
# the record may read it (record_reading.counted_states).
STATES_AFTER = re.compile(
    r"\s+(?:(?:UN|U\.N\.|member|sovereign|other|more|further|additional|African|European|Asian|Arab|Pacific|"
    r"Caribbean|island)\s+){0,2}(?:states|countries|nations|governments|parties|signatories)\b",
    re.I,
)
# A number whose noun is left out, as a sentence that follows one about a treaty tells its count ("That
# number has since risen to 150.", "Since then, 113 have followed", "By 2020, 110 had done so"): nothing
# after it but a mark or a word that is no noun. Listed, as a count of states is, in a text that names a
# treaty ("300 people", "5 years" name what they count and are left alone).
ELIDED_AFTER = re.compile(
    r"\s*(?:[.,;:!?)\]—–]|$)|\s+(?:have|has|had|are|were|is|was|did|do|does|will|would|could|may|now|already|"
    r"so\s+far|to\s+date|in\s+all|in\s+total|altogether|more|others?|remain|remained|"
    r"signed|ratified|joined|acceded|followed|as\s+(?:of|at)|(?:by|at)\s+(?:the\s+end|now)|today)\b",
    re.I,
)
_DAY_BEFORE_YEAR = re.compile(rf"(?:,?\s*|\.?\s+(?:{MONTH_NAMES})\.?,?\s+)(?:1[89]|20)\d\d\b", re.I)
# A count glued to the word before it, as a page's markup lost its space: "ratified by only13 States".
_GLUED = re.compile(r"(?-i:(?<=[a-z]))\d{1,3}(?=" + STATES_AFTER.pattern + ")", re.I)
# ... or to its noun after it: "ratified by 89states".
_GLUED_NOUN = re.compile(
    r"\b\d{1,3}(?=(?:states|countries|nations|governments|parties|signatories|ratifications)\b)", re.I
)
# Why a number a pattern did not take is not a claim, from the words around it.
_CHANGE = re.compile(
    r"\b(?:(?:rose|grew|increased|climbed|up)\s+from|since\s+(?:last|the\s+last|the\s+previous)\s+(?:year|report|month|session)|this\s+year|last\s+year|"
    r"in\s+the\s+past\s+(?:year|\w+\s+(?:years|months))|(?:during|over)\s+the\s+(?:year|period|past)|"
    r"(?:more|new)\s+(?:states|countries|ratifications|signatures|signatories)\b)",
    re.I,
)
_OUT_OF = re.compile(r"\b(?:out\s+of|of\s+(?:the|all)?)\s*$", re.I)
_SUBSET_WORDS = re.compile(r"\b(?:of\s+the|among\s+the|including|of\s+which\s+in)\b|\bannex\s*\d", re.I)
_CONDITION_WORDS = re.compile(r"\b(?:until|unless|if|once|when|requires?|required|needs?|needed)\b", re.I)


def _reason(text: str, start: int, end: int, sentence: tuple[int, int], named: Cover | None = None) -> str:
    """Why the number at start:end is no claim; words inside a title or a date (`named`) are not read for it
    ("ratified by 193 nations" after "the Convention on the Rights of the Child" is no subset)."""
    before = text[max(sentence[0], start - 40) : start]
    clause = text[sentence[0] : sentence[1]]
    if _OUT_OF.search(before) and re.match(
        r"\s+(?:UN\s+|member\s+)?(?:states|countries|nations|parties)", text[end : end + 30], re.I
    ):
        whole = re.match(r"\s+(?:UN\s+|member\s+)*(?:states|countries|nations)\b", text[end : end + 30], re.I)
        return REASON_DENOMINATOR if whole or re.search(r"\bout\s+of\s*$", before, re.I) else REASON_SUBSET
    after = text[end : end + 40]
    if re.match(r"\s+of\s+(?:which|whom|them|these|those)\b", after, re.I):
        return REASON_SUBSET  # "97 States are party, 30 of which are African"
    if re.match(r"\s+(?:\w+\s+)?(?:needed|required|necessary)\b", after, re.I):
        return REASON_THRESHOLD  # "five more than the 30 needed for it to enter into force"
    if _CHANGE.search(clause):
        return REASON_CHANGE
    lo = max(sentence[0], start - 60)
    if any(named is None or lo + m.start() not in named for m in _SUBSET_WORDS.finditer(text[lo : end + 30])):
        return REASON_SUBSET
    if _CONDITION_WORDS.search(before):
        return REASON_CONDITION
    return REASON_NOT_UNDERSTOOD


def _elided_count(text: str, start: int, end: int, figure: int, *, alone: bool) -> bool:
    """Can the number at start:end, its noun left out in a sentence with no treaty word, be a count of
    states: 2 to 250, not a line's first word in digits (a note's or an item's number) unless it is all of
    its line (`alone`: a table's cell), not a day ("Nov 11, 2018", "Julho 14, 2024"), not a range's end or
    start ("1989–91", "100–200 million") and not "one person out of 35"?"""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return (
        2 <= figure <= 250
        and (bool(line.strip()) or alone or not text[start].isdigit())  # "Ninety-one. That's how many ..."
        and not _DAY_BEFORE_YEAR.match(text, end)
        and not re.match(r"\s*[–—-]\s*\d", text[end : end + 4])
        and not re.search(r"\d\s*[–—-]\s*$|\bout\s+of\s+$", line, re.I)
    )


def _alone(text: str, start: int, end: int) -> bool:
    """Is the number at start:end all of its line: a table's cell copied one to a line ("Signatories" over
    "165" and "72")? (Only a line's width either side is looked at: a longer line has more in it.)"""
    lo = text.rfind("\n", max(0, start - _CELL_PAD), start) + 1
    hi = text.find("\n", end, end + _CELL_PAD)
    if (lo == 0 and start > _CELL_PAD) or (hi < 0 and len(text) - end > _CELL_PAD):
        return False
    return not text[lo:start].strip() and not text[end : len(text) if hi < 0 else hi].strip()


_CELL_PAD = 160


def _restated(text: str, start: int, figure: int) -> bool:
    """Is the number at `start` the figure just before it told again in brackets: "fifty (50)"?"""
    if not text[max(0, start - 3) : start].rstrip().endswith("("):
        return False
    before = re.search(r"(\S+(?:[\s-]+\S+){0,3})\s*\(\s*$", text[max(0, start - 60) : start])
    if before is None:
        return False
    words = [w for w in ANY_NUMBER.finditer(before.group(1))]
    try:
        return (
            bool(words)
            and words[-1].end() == len(before.group(1))
            and parse_number(words[-1].group(0)) == figure
        )
    except ValueError:
        return False


def _is_day(text: str, end: int, before: str) -> bool:
    """Is the number ending at `end` (after `before`) the day of a date: a capitalised month's name
    right after it or right before it?"""
    month = _MONTH_AFTER.match(text, end) or _MONTH_BEFORE.search(before)
    return month is not None and month.group("month")[0].isupper()


def find_unread(
    text: str,
    *,
    sentences: Spans,
    lines: Lines,
    read: Sequence[tuple[int, int]],
    skipped: Sequence[Skipped],
    mentions: Sequence[TreatyMention],
    dates: Sequence[DateMention],
) -> list[Unread]:
    """The numbers in sentences about a treaty that are neither read as claims (`read`: their number
    spans) nor part of a date, a title or a label; each with the reason it was not read."""
    taken = {s for s, _ in read}
    covered = Cover([*((d.start, d.end) for d in dates), *((m.start, m.end) for m in mentions)])
    why_skipped = {k.number_start: k.reason for k in skipped}
    about: dict[int, bool] = {}
    mention_sentences = {sentences.index(m.start) for m in mentions}
    out: list[Unread] = []
    glued = [*_GLUED.finditer(text), *_GLUED_NOUN.finditer(text)]
    for m in sorted([*ANY_NUMBER.finditer(text), *glued], key=lambda m: m.start()):
        if m.start() in taken:
            continue
        i = sentences.index(m.start())
        if i < 0:
            continue
        if i not in about:
            s, e = sentences.spans[i]
            about[i] = i in mention_sentences or bool(TREATY_WORDS.search(text, s, e))
        counted = about[i] or (
            mentions
            and (
                STATES_AFTER.match(text, m.end())
                or _STATES_BRACKET.search(text, max(0, m.start() - 30), m.start())
            )
        )
        alone = _alone(text, m.start(), m.end())
        if not counted and not (mentions and (alone or ELIDED_AFTER.match(text, m.end()))):
            continue
        if m.start() in covered:
            continue  # a date's day or year, or a number inside a treaty's name
        try:
            figure = parse_number(m.group(0))
        except ValueError:
            continue
        if not counted and not _elided_count(text, m.start(), m.end(), figure, alone=alone):
            continue
        before = text[max(0, m.start() - 20) : m.start()]
        if is_year(figure, m.group(0)) or _LABEL_BEFORE.search(before) or _CITATION.search(before):
            continue
        line_start = max(text.rfind("\n", max(0, m.start() - 200), m.start()) + 1, m.start() - 200)
        if (
            not text[line_start : m.start()].strip()
            and text[m.end() : m.end() + 1] in (".", ")")
            and m.group(0)[0].isdigit()
        ):
            continue  # a list item's number: "4. As of October 2012" (not "Ninety-one. That's how many")
        if _AGE_BEFORE.search(before):
            continue
        if m.group(0).isdigit() and _is_day(text, m.end(), before):
            continue  # a day: "NEW YORK, 12 May -"
        if _ORDINAL_AFTER.match(text, m.end()) and figure in _TENS_VALUES:
            continue  # "forty" of "forty-fifth": an ordinal's first word (not "two" of "the two first")
        if _restated(text, m.start(), figure):
            continue  # "fifty (50) States": the figure in words, told again
        if figure < 10 and text[m.end() : m.end() + 1] == ")":
            continue  # an item's or a note's number: "(2)", "3)"; "most countries (189)" is a figure
        if figure == 1 and re.match(r"\s+(?:of|on)\b", text[m.end() : m.end() + 4]):
            continue  # "one of only 4 countries", "One on the involvement of children ...": a word
        if (
            _NOT_A_FIGURE_AFTER.match(text[m.end() : m.end() + 12])
            or text[max(0, m.start() - 1) : m.start()] in (".", "/", "-", ":")
        ) and why_skipped.get(m.start()) != REASON_DENOMINATOR:  # (not "110/193 states": a share's whole)
            continue
        if not about[i] and not _told_of_it(text, sentences, i, mention_sentences):
            reason = REASON_NO_TREATY_WORD
        else:
            reason = why_skipped.get(m.start()) or _reason(
                text, m.start(), m.end(), sentences.spans[i], covered
            )
        out.append(unread_at(text, sentences, lines, figure, (m.start(), m.end()), reason))
    return out


def unread_at(
    text: str, sentences: Spans, lines: Lines, figure: int, span: tuple[int, int], reason: str
) -> Unread:
    """The figure at `span` listed unread with its reason and its sentence (whitespace folded)."""
    lo, hi = sentences.containing(span[0])
    sentence = re.sub(r"\s+", " ", text[lo:hi].strip())
    return Unread(figure, lines.line(span[0]), reason, sentence, span[0], span[1])


# An ordinal of states or consents ("Honduras was the 50th state to do so", "the hundredth ratification"):
# a figure too (not "the 50th anniversary", "the second session").
_ORDINAL_COUNT = re.compile(
    r"(?:" + ORD + r")(?=\s+(?:[\w-]+\s+){0,2}?(?:states?|countr(?:y|ies)|nations?|governments?|"
    r"part(?:y|ies)|entit(?:y|ies)|signator(?:y|ies)|ratifications?|accessions?|instruments?|members?)\b|"
    # "takes the 74th place among the States Parties", "the 96th place in the list of the Parties"
    r"\s+place\s+(?:among|in\s+the\s+list)\b|"
    # "the 50th to ratify", "the fiftieth to do so"
    r"\s+to\s+(?:have\s+)?(?:ratif|sign|join|acced|deposit|become|do\s+so|done\s+so))",
    re.I,
)


# "Guatemala supplied the twentieth in March 2003", "..., and Chile the 20th.": an ordinal standing alone (its
# noun told before), from the tenth on.
_ORDINAL_ALONE = re.compile(
    r"(?<!\bin\s)\bthe\s+(?:" + ORD + rf")(?=\s*[.,;:)]|\s+(?:in|on)\s+(?:\d|{MONTH_NAMES}))", re.I
)


def _at_least_tenth(m: re.Match[str]) -> bool:
    try:
        return ordinal_of(m)[0] >= 10
    except ValueError:  # a word ORD takes that is no ordinal
        return False


def unread_ordinals(
    text: str, read: Sequence[tuple[int, int]], unread: Sequence[Unread], *, lines: Lines | None = None
) -> list[Unread]:
    """`unread` with every ordinal of states or consents (in a sentence about a treaty, or a text with a
    claim) that no claim took (`read`: the claims' number spans, after every stage, the record's readings
    too) and no unread entry lists: "frame not understood". The last stage: no stage reads these again."""
    found = [m for m in _ORDINAL_COUNT.finditer(text)]
    found += [m for m in _ORDINAL_ALONE.finditer(text) if _at_least_tenth(m)]
    if not found:
        return list(unread)
    taken = Cover([*read, *((u.start, u.end) for u in unread)])
    sentences = Spans(split_sentences(text))
    lines = lines or Lines(text)
    out = list(unread)
    for m in found:
        if any(p in taken for p in range(m.start(), m.end())):
            continue  # ("became the 142nd": a claim read its number, inside the ordinal's words)
        lo, hi = sentences.containing(m.start())
        if not (read or TREATY_WORDS.search(text, lo, hi)):
            continue  # (a text with a claim is about a treaty: its ordinals of states are its figures)
        try:
            figure, _ = ordinal_of(m)
        except ValueError:
            continue
        out.append(unread_at(text, sentences, lines, figure, (m.start(), m.end()), REASON_NOT_UNDERSTOOD))
    return sorted(out, key=lambda u: u.start)


__all__ = [
    "STATES_AFTER",
    "TREATY_WORDS",
    "find_unread",
    "treaty_word_before",
    "unread_at",
    "unread_ordinals",
]
