"""Counts told together in one sentence: ratifications and accessions apart ("66 states have ratified it,
and another 4 have acceded"), signatories beside parties ("173 States Parties and 7 signatories")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from pipeline.claims.clauses import ADVERBS
from pipeline.claims.gapped import (
    accepted_under,
    and_to,
    count_before,
    now_in_brackets,
    past_bare,
    semicolon_gap,
    series,
    told_after,
)
from pipeline.claims.measures import (
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    MODE_ACCESSION,
    MODE_RATIFICATION,
    load_measures,
)
from pipeline.claims.model import KIND_COUNT, CountMatch
from pipeline.claims.numbers import DIGIT_NUMBER, WORD_NUMBER, is_year, parse_number
from pipeline.claims.sentences import Spans
from pipeline.claims.sisters import sisters


def _modes_named(phrase: str) -> set[str]:
    """The ways of joining a phrase names, by the modes of its words in measures.csv."""
    lexicon = load_measures()
    return {e.mode for w in re.findall(r"[a-z]+", phrase.lower()) if (e := lexicon.get(w)) and e.mode}


def by_mode(text: str, counts: list[CountMatch], sentences: Spans) -> list[CountMatch]:
    """ "70 parties: 66 states have ratified it, and another 4 have acceded": counts of one way of
    joining when a sentence counts ratifications and accessions apart (the modes of measures.csv)."""
    out = list(counts)
    groups: dict[int, list[int]] = {}
    for i, c in enumerate(out):
        if c.kind == KIND_COUNT and c.measure == MEASURE_PARTIES:
            groups.setdefault(sentences.index(c.number_start), []).append(i)
    for inside in groups.values():
        modes = {i: _modes_named(out[i].phrase) for i in inside}
        acc = [i for i, m in modes.items() if m == {MODE_ACCESSION}]
        rat = [i for i, m in modes.items() if m == {MODE_RATIFICATION}]
        if acc and rat:
            for i in acc:
                out[i] = replace(out[i], mode=MODE_ACCESSION)
            for i in rat:
                out[i] = replace(out[i], mode=MODE_RATIFICATION)
    return out


# Told before the parties, a count of signatories is everyone who signed ("has 80 signatories and 115
# parties": accessions make parties outnumber signatories) unless it is far too small for that.
_SIGNATORIES_FIRST_SHARE = 0.25


# "14 States were signatories": the noun of the predicate.
_SIGNATORIES_PREDICATE = re.compile(r"\b(?:are|were)\s+(?:now\s+)?signatories\s*$", re.I)


def signatories_beside_parties(text: str, counts: list[CountMatch], sentences: Spans) -> list[CountMatch]:
    """A sentence counting parties and "signatories" both. After the parties, fewer signatories than
    parties are those that signed and are not parties ("173 States Parties and 7 signatories", as treaty
    monitors write), as many or more are everyone who signed ("40 ratifications and 100 signatories").
    Before the parties, signatories are everyone who signed ("80 signatories and 115 parties") unless
    fewer than a quarter of the parties ("has two signatories, and 170 countries have ratified it")."""
    out = list(counts)
    parties: dict[int, list[CountMatch]] = {}
    for c in out:
        if c.kind == KIND_COUNT and c.measure == MEASURE_PARTIES and c.mode is None:
            parties.setdefault(sentences.index(c.number_start), []).append(c)
    for i, c in enumerate(out):
        if (
            c.kind != KIND_COUNT
            or c.measure != MEASURE_SIGNATORIES
            or not ((c.noun or "").startswith("signator") or _SIGNATORIES_PREDICATE.search(c.phrase))
        ):
            continue
        beside = parties.get(sentences.index(c.number_start), [])
        before = [p.figure for p in beside if p.number_start < c.number_start]
        after = [p.figure for p in beside if p.number_start > c.number_start]
        if (before and c.figure < min(before)) or (
            not before and after and c.figure < _SIGNATORIES_FIRST_SHARE * min(after)
        ):
            out[i] = replace(c, measure=MEASURE_SIGNED_NOT_PARTIES)
    # "50 have ratified and 30 have signed": right after a count of parties, those who only signed.
    # The treaty may be named in between: "110 states had ratified the CCM, while 13 others had signed".
    joined = re.compile(
        r"(?:\s+(?:to\s+)?(?:it|the\s+[^.;:\d,]{1,80}?))?\s*,?\s*(?:and|plus|with|while|whereas)\s+"
        r"(?:signed\s+by\s+(?=a\s+further|another|an\s+additional))?(?:a\s+further\s+|another\s+|an\s+additional\s+)?",
        re.I,
    )
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.measure != MEASURE_PARTIES or b.measure != MEASURE_SIGNATORIES or a.kind != KIND_COUNT:
            continue
        between = text[a.end : b.number_start]
        further = re.search(r"\b(?:another|further|additional)\s+$", between, re.I)
        other = _OTHER.match(text, b.number_end)  # "ratified by 84 States and 2 other States have signed it"
        # "ratified by 113 countries and signed by 28 more"
        more = other is not None and re.fullmatch(r"\s*,?\s*and\s+signed\s+by\s+", between, re.I)
        if more or (
            (b.noun is None or further or other) and len(between) < 120 and joined.fullmatch(between)
        ):
            out[i] = replace(b, measure=MEASURE_SIGNED_NOT_PARTIES)
        # "17 countries have ratified the Protocol: Albania, ... and Uruguay. Another 34 countries have signed
        # it": the next sentence, opened by "another", counts those who only signed.
        n = sentences.index(b.number_start)
        if n > 0 and sentences.index(a.number_start) == n - 1:
            lead = text[sentences.spans[n][0] : b.number_start]
            if re.fullmatch(r"\W*(?:another|a\s+further|an\s+additional)\s+", lead, re.I):
                out[i] = replace(b, measure=MEASURE_SIGNED_NOT_PARTIES)
    for i, b in enumerate(out):
        # "Spain, Ecuador and Mongolia have ratified the protocol. Thirty other countries have signed it":
        # after a sentence of who joined, and none of who signed, the others signed only.
        n = sentences.index(b.number_start)
        if (
            b.measure != MEASURE_SIGNATORIES
            or b.kind != KIND_COUNT
            or n < 1
            or not _OTHER.match(text, b.number_end)
        ):
            continue
        lead = text[sentences.spans[n][0] : b.number_start]
        told = text[sentences.spans[n - 1][0] : sentences.spans[n - 1][1]]
        if not lead.strip(' \t\n"“') and _JOINED.search(told) and not _SIGNED.search(told):
            out[i] = replace(b, measure=MEASURE_SIGNED_NOT_PARTIES)
    return out


_OTHER = re.compile(r"\s+(?:other|more)\b", re.I)
_JOINED = re.compile(r"\b(?:ratif\w*|acce(?:de|ded|ssions?)|part(?:y|ies)|joined)\b", re.I)
_SIGNED = re.compile(r"\bsign\w*", re.I)


# "bringing the total number of States Parties to 157 and 147 respectively", "had 190 and 150 parties
# respectively", "ratified by 190 and 150 states respectively": figures told together, then paired.
_FIGURE = rf"(?:{DIGIT_NUMBER}|{WORD_NUMBER})"
# (a run right after "have", "had", "been ratified by": told without "respectively" when a noun closes it)
_TOLD_AFTER = r"(?P<h>(?<=\bhave\s)|(?<=\bhad\s)|(?<=\bbeen\sratified\sby\s)|(?<=\bbeen\ssigned\sby\s))?"
_RESPECTIVE_RUN = re.compile(
    _TOLD_AFTER + rf"{_FIGURE}(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+){_FIGURE}){{1,6}}"
    r"(?:[ \t]+(?P<noun>states?[\s-]+parties|states|countries|nations|parties|signatories|ratifications|"
    r"signatures))?"
    # ("196 and 189 states have ratified the CRC and CEDAW respectively": the treaties between; or "The CRPD
    # and its Optional Protocol have 191 and 104 parties", "... have been ratified by 191 and 106 states", the
    # word left out after "have" and a noun)
    r"(?:(?:[ \t]+[^.;:!?\n\d]{0,80}?)?[ \t]*,?[ \t]+respectively\b|(?(h)(?(noun)\b|(?!))|(?!)))",
    re.I,
)
_ONE_FIGURE = re.compile(_FIGURE, re.I)
# The same run of digits for the treaty linker (pipeline/claims/links.py), which pairs each figure with a
# treaty: "... ratified the OPSC and 15 ... the OPAC, bringing the totals to 157 and 147 respectively".
DIGITS_RUN = re.compile(
    _TOLD_AFTER + r"\b\d[\d,]*(?:(?:\s*,\s*|\s*,?\s+and\s+)\d[\d,]*)+"
    r"(?:\s+(?P<noun>(?:states?[\s-]+)?parties|states|countries|nations|signatories|ratifications|signatures))?"
    r"(?:(?:\s+[^.;:!?\n\d]{0,80}?)?\s*,?\s+respectively\b|(?(h)(?(noun)\b|(?!))|(?!)))",
    re.I,
)
_BARE_BEFORE = re.compile(r"\b(?:had|has|have|with|counted|count|numbered|number)\s+$", re.I)
# The word each pattern below needs, looked for first: a search for it costs a hundredth of the pattern's
# over a text without it (the pattern tries a number at every word).
# ("have"/"had" right before a figure: the run told without "respectively", "have 191 and 104 parties", "have
# been ratified by 191 and 106 states")
_RESPECTIVELY = re.compile(
    rf"respectively|\bha(?:ve|d)\s(?:been\s(?:ratified|signed)\sby\s)?(?={_FIGURE})", re.I
)


def respective(text: str, counts: list[CountMatch]) -> list[CountMatch]:
    """The figures told together and closed by "respectively" ("... to 157 and 147 respectively"): when
    the reader found one of them as a count, each other counts what it counts (of the treaty the linker
    pairs it with, in order)."""
    if not _RESPECTIVELY.search(text):
        return []
    at = {c.number_start: c for c in counts if c.kind == KIND_COUNT}
    out = []
    for run in _RESPECTIVE_RUN.finditer(text):
        figures = list(_ONE_FIGURE.finditer(text, run.start(), run.end()))
        read = next((at[f.start()] for f in figures if f.start() in at), None)
        fresh = read is None and _BARE_BEFORE.search(text, max(0, run.start() - 12), run.start()) is not None
        if fresh:
            # "the Convention had 196 States parties, and its three Optional Protocols ... had 173, 178 and
            # 52 respectively": bare figures after the verb count what the count before them in the
            # sentence counts
            lo = max(text.rfind(".", 0, run.start()), text.rfind("\n\n", 0, run.start()))
            read = max(
                (c for c in at.values() if lo < c.start and c.end <= run.start()),
                default=None,
                key=lambda c: c.start,
            )
        if read is None:
            continue
        for f in figures:
            figure = parse_number(f.group(0))
            if (f.start() in at and not fresh) or is_year(figure, f.group(0)):
                continue
            start = run.start() if fresh else min(read.start, f.start())
            end = run.end() if fresh else max(read.end, f.end())
            out.append(
                replace(
                    read,
                    figure=figure,
                    start=start,
                    end=end,
                    number_start=f.start(),
                    number_end=f.end(),
                    phrase=re.sub(r"\s+", " ", text[start:end].strip()),
                )
            )
    return out


# "In 51 of those member states, it was ratified", "51 of these states have ratified it".
_OF_THOSE = re.compile(
    rf"\b(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})\s+of\s+(?:those|these|them)"
    r"(?:\s+(?:(?:UN\s+)?member\s+)?(?:states|countries|nations|signatories|signatory\s+states))?\s*,?\s+"
    r"(?:(?:it|the\s+(?:treaty|convention|protocol|covenant))\s+(?:was|has\s+been|had\s+been|is)\s+|"
    r"(?:have|had|has)\s+)" + ADVERBS + r"(?P<verb>ratified|acceded)\b",
    re.I,
)
_OF_THOSE_WORDS = re.compile(r"of\s+th(?:ose|ese|em)\b", re.I)
# How far back "those" looks for the count it points to: the sentence before, at most.
_THOSE_REACH = 250


def of_those(text: str, counts: list[CountMatch]) -> list[CountMatch]:
    """ "There are 86 signatories to the treaty. In 51 of those member states, it was ratified": of all
    the signatories counted just before, those that ratified are the parties (a count of parties, where
    "40 of those Annex 2 States" after a group stays a subset)."""
    if not _OF_THOSE_WORDS.search(text):
        return []
    out = []
    for m in _OF_THOSE.finditer(text):
        at = m.start()
        whole = count_before(counts, at, reach=_THOSE_REACH)
        if whole is None or whole.measure != MEASURE_SIGNATORIES:
            continue
        if is_year(figure := parse_number(m.group("num")), m.group("num")) or figure > whole.figure:
            continue
        span = (m.start("num"), m.end())
        out.append(
            CountMatch.exact(text, figure, MEASURE_PARTIES, span, m.span("num"), phrase_from=m.start())
        )
    return out


# "Eighteen States have ratified the Convention. Of these eighteen States, only 5 have recognized ...": the
# count told again as the head of a part of it.
_OF_THESE_AGAIN = re.compile(
    rf"\b(?:of|among)\s+(?:these|those)\s+(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})\s+"
    r"(?:states(?:\s+parties)?|countries|nations|parties|signatories)\b",
    re.I,
)


def told_again(text: str, counts: list[CountMatch]) -> list[CountMatch]:
    """ "Of these eighteen States" right after a count of 18: that count told again, with its measure (a
    count that was none, "the 44 states whose ratification is needed", has nothing to repeat)."""
    if not _OF_THOSE_WORDS.search(text):
        return []
    out = []
    for m in _OF_THESE_AGAIN.finditer(text):
        at = m.start()
        told = count_before(counts, at, reach=_THOSE_REACH)
        figure = parse_number(m.group("num"))
        if told is None or told.figure != figure:
            continue
        out.append(CountMatch.exact(text, figure, told.measure, m.span(), m.span("num")))
    return out


# "83 states have signed it, but nine have yet to ratify it", "Of the 83 signatories, nine have not yet
# ratified it": after a count of everyone who signed, those who have not ratified.
_NOT_YET = re.compile(
    rf"(?:[,;]\s*(?:but\s+|while\s+|whereas\s+)?|\b(?:but|while|whereas)\s+)(?:only\s+|just\s+)?"
    rf"(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})\s+(?:of\s+(?:them|these|those)\s+)?(?:have|has|had|are|were)\s+"
    r"(?:still\s+)?(?:not\s+(?:yet\s+)?ratified|yet\s+to\s+ratify|still\s+to\s+ratify|never\s+ratified)\b",
    re.I,
)


def signed_not_yet(text: str, counts: list[CountMatch], sentences: Spans) -> list[CountMatch]:
    """The signatories not yet parties told right after a count of all signatories, in its sentence."""
    return [
        CountMatch.exact(text, figure, MEASURE_SIGNED_NOT_PARTIES, (m.start("num"), m.end()), m.span("num"))
        for m, whole, figure in told_after(text, counts, sentences, _NOT_YET)
        if whole.measure == MEASURE_SIGNATORIES and figure < whole.figure
    ]


def told_together(text: str, counts: list[CountMatch], sentences: Spans) -> list[CountMatch]:
    """The counts the frames did not find that the counts they found tell (in text order): the rest of a
    "respectively" run, "N of those" after all signatories, "Of these N States" after a count of N, a
    protocol's bare count after its parent's ("and its Optional Protocol by 108"), "but N have yet to ratify
    it"."""
    return [
        *respective(text, counts),
        *of_those(text, counts),
        *told_again(text, counts),
        *sisters(text, counts, sentences),
        *signed_not_yet(text, counts, sentences),
        *series(text, counts, sentences),
        *past_bare(text, counts, sentences),
        *and_to(text, counts, sentences),
        *accepted_under(text, counts, sentences),
        *semicolon_gap(text, counts, sentences),
        *now_in_brackets(text, counts),
    ]


def split_in_two(
    c: CountMatch, counts: Sequence[CountMatch], starts: list[int], sentence: tuple[int, int]
) -> bool:
    """ "123 states have joined the convention, of which 110 are States Parties and the remaining 13 are
    signatories": a count the sentence then splits into parties and signatories counts both. `starts`: the
    counts' number starts, sorted (the counts of the sentence are found by bisection)."""
    if c.measure != MEASURE_PARTIES:
        return False
    later = counts[bisect_left(starts, c.number_end) : bisect_left(starts, sentence[1])]
    parties = {k.figure for k in later if k.measure == MEASURE_PARTIES and k.mode is None}
    others = {k.figure for k in later if k.measure in (MEASURE_SIGNATORIES, MEASURE_SIGNED_NOT_PARTIES)}
    return any(c.figure - p in others for p in parties)


__all__ = [
    "DIGITS_RUN",
    "split_in_two",
    "by_mode",
    "of_those",
    "respective",
    "signatories_beside_parties",
    "signed_not_yet",
    "told_together",
]
