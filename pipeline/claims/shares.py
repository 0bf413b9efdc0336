"""Shares for the claim reader: "120 out of 193 countries have ratified it", "150 of the 190 parties ... have
also joined its Optional Protocol" (the first number is the count, the second its denominator), "Two of
the five permanent members" (a group), "80 of 197 states have acted" (a total of two measures); and
numbers that name something ("Annex 2 States", "Article 14")."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.claims.clauses import ADVERBS, ALL_BUT, STATES
from pipeline.claims.measures import MEASURE_SIGNED_NOT_PARTIES, measure_for, measure_of
from pipeline.claims.model import (
    REASON_DENOMINATOR,
    REASON_NOT_UNDERSTOOD,
    REASON_SUBSET,
    REASON_TOTAL,
    CountMatch,
    Skipped,
)
from pipeline.claims.numbers import (
    DIGIT_NUMBER,
    NUM,
    QUAL,
    STARTS_WORD,
    WORD_NUMBER,
    comparison_for,
    is_year,
    parse_number,
    qualifier_key,
)

# "120 out of 193 countries have ratified it", "150 of the 190 parties ... have also joined its Optional
# Protocol", "In all 80 of 197 states have acted".
_SHARE = re.compile(
    STARTS_WORD
    + r"(?<![\d,.])(?<!\b(?:latest|newest|recent)\s)"
    + r"(?!one\s+of\s+(?:only\s+|just\s+)?(?:the\s+)?"
    + rf"(?:{DIGIT_NUMBER}|{WORD_NUMBER})\s+"
    + r""
    + STATES
    + r"\s+(?:that|which|who|to)\b)"
    + QUAL
    + NUM
    + r"(?:\s+(?:(?P<pre>states|countries|nations)\s+)?"  # "146 States of the 192 Member States"
    # ("16 of the EU's 27 member states", "of the world's 195 countries")
    + r"(?:out\s+)?of\s+(?:(?:the\s+)?(?:world|EU|E\.U\.|European\s+Union|Union|region|continent|"
    r"(?-i:[A-Z][\w-]+))[’']s\s+|the\s+|all\s+|a\s+total\s+of\s+)?|/)"  # ("110/193 states": a slash for "of")
    # (the whole's words may be initials with their stops: "of the 193 U.N. Member States")
    # ("the world's states (130 of 193) have ratified": the share in brackets, its whole told before them)
    # ("About 90 per cent of states - 173 of 193 - have ratified": the share between dashes)
    rf"(?P<den>{DIGIT_NUMBER}|{WORD_NUMBER})(?P<shut>\)|\s+[–—-](?=\s))?\s+(?P<whole>(?:(?:U\.N\.|U\.S\.|E\.U\.|[\w-]+)\s+){{0,12}}?)"
    r"(?:\([^()\n]{1,30}\)\s+)?"  # "167 out of 197 states (85%) have ratified it": the share, told aside
    r"(?:(?:have|has|had)\s+)?"
    r"(?:(?:are|were)\s+)?(?:(?:also|now|already|so\s+far|since|all|currently)\s+)*"
    r"(?P<verb>signed\s+or\s+ratified|acceded\s+to\s+or\s+ratified|ratified\s+or\s+acceded(?:\s+to)?|ratified|acceded|"
    r"joined|signed|acted|taken\s+(?:legal\s+)?action|become\s+part(?:y|ies)|"
    r"been\s+part(?:y|ies)|(?<=are\s)part(?:y|ies)|(?<=now\s)part(?:y|ies)|(?<=are\s)signatories|"
    r"(?:(?<=are\s)|(?<=now\s))bound\s+by|"
    r"(?<=are\s)states?[\s-]+parties)\b",
    re.I,
)
# "the 71 States which have ratified the Covenant": the whole told by what it did, a relative clause.
_WHOLE_WHO = re.compile(
    r"^(?:states|countries|nations)\s*,?\s+(?:which|that|who)\s+(?:have\s+|had\s+)?$", re.I
)
# The main predicate after such a whole: "... have accepted the competence of the Committee ... by ratifying
# or acceding to the Optional Protocol", "... have also joined its Optional Protocol".
_MAIN_VERB = re.compile(
    r"[^.;:!?]{1,80}?\s+(?:have|has|had)\s+" + ADVERBS + r"(?:[^.;:!?]{0,120}?\b)??"
    r"(?P<verb>(?:ratifying|acceding|joining|ratified|acceded|joined)(?:\s+or\s+(?:ratifying|acceding|ratified|acceded))?)"
    r"(?:\s+to)?\b",
    re.I,
)
# What a share is taken of when it speaks of the whole: states, countries, nations or a treaty's parties.
_ALL_OF = re.compile(
    r"(?:eligible\s+)?(?:UN\s+|U\.N\.\s+|United\s+Nations\s+)?(?:member\s+)?(?:states|countries|nations|parties|"
    r"states?[\s-]+parties|signatories|governments)\b|(?:UN\s+|U\.N\.\s+|United\s+Nations\s+)members\b|"
    r"members\s+of\s+the\s+(?:United\s+Nations|UN|U\.N\.)",
    re.I,
)
# The whole of a share in brackets (or dashes), told before them: "About 90 per cent of states (174 of 193)".
_ALL_BEFORE = re.compile(r"\b(?:states|countries|nations)\s*(?:\(|\s[–—-])\s*$", re.I)
# A whole that is itself a treaty's measure: "148 of the 174 signatories have ratified", "150 of the 190
# parties to the Convention have also joined its Optional Protocol": the whole counts everyone who signed
# (or every party), a claim of its own, not a denominator to set aside.
_WHOLE_MEASURE = re.compile(
    r"(?:states?[\s-]+|high\s+)?(?:contracting\s+)?(?P<noun>part(?:y|ies)|signatories|signatory\s+states)"
    r"(?=\s+(?:to|of)\b|\s*$|\s*,)",
    re.I,
)
_NOT_DONE = re.compile(r"\b(?:not|never|yet\s+to)\s+$", re.I)
_SIGNATORIES_WHOLE = re.compile(r"(?:signatories|signatory\s+(?:states|countries))\b", re.I)
_JOINS = re.compile(r"(?:ratified|acceded|joined)\b", re.I)
# A number that is part of a name: "Annex 2 States", "Group 77", "Article 14".
_LABEL_BEFORE = re.compile(
    r"\b(?:annex|group|article|art\.|list|schedule|category|tier|phase|chapter|no\.)\s*$", re.I
)


# A share told by a word, of a whole told by its number: "nearly all of the 193 UN member states", "most of
# the 193 states", "almost all 193 countries", "half of the 190 nations", "all but 16 of the 193 UN member
# states", "58% of the 193 UN members". The number is the whole, no count of those that acted ("all 193
# states have ratified" counts them all, and is read as a count).
# (Found from the whole's noun, then the words before it: a number tried at every word cost a text of number
# words 0.35 ms a kB.)
_WHOLE_NOUN = re.compile(
    r"\b(?:(?:U\.N\.\s+|UN\s+|United\s+Nations\s+)?(?:member\s+)?(?:states|countries|nations|governments)|"
    r"(?:U\.N\.\s+|UN\s+|United\s+Nations\s+)members)\b"
    # "many of the 47 States parties to the Convention": the whole is every party, a count of its own;
    # "some of the 150 states that have ratified": a count of parties
    r"(?![\s-]+parties)(?!\s*,?\s+(?:that|which|who)\b)",
    re.I,
)
_WORD_SHARE_BEFORE = re.compile(
    r"\b(?:(?:(?:nearly|almost|virtually|practically|just\s+about|not\s+quite|not)\s+all|most|half|"
    r"(?:a|the)\s+(?:vast\s+|large\s+|great\s+)?majority|two[\s-]thirds|three[\s-]quarters|a\s+(?:third|quarter))"
    r"(?:\s+of)?|(?:some|many|several|few|a\s+few|none|each|any|a\s+number|the\s+rest)\s+of|"
    rf"all\s+but\s+(?:{DIGIT_NUMBER}|{WORD_NUMBER})\s+of|\d{{1,3}}(?:\.\d+)?\s*(?:%|per\s*cent|percent)\s+of)"
    rf"\s+(?:the\s+|all\s+|those\s+)?(?P<den>{DIGIT_NUMBER}|{WORD_NUMBER})\s+$",
    re.I,
)


def share_matches(text: str) -> tuple[list[CountMatch], list[Skipped]]:
    """The numerators of shares, as counts of the verb's measure; their denominators, set aside."""
    counts: list[CountMatch] = []
    skipped = [
        Skipped(share.start("den"), share.end("den"), REASON_DENOMINATOR)
        for m in _WHOLE_NOUN.finditer(text)
        if (share := _WORD_SHARE_BEFORE.search(text, max(0, m.start() - 80), m.start()))
    ]
    for m in _SHARE.finditer(text):
        try:
            figure = parse_number(m.group("num"))
        except ValueError:
            continue
        if is_year(figure, m.group("num")) or is_label(text, m.start("num")):
            continue
        try:
            if is_year(parse_number(m.group("den")), m.group("den")):
                continue  # "2 of the 1997 Convention": a year, not a denominator
        except ValueError:
            continue
        den = Skipped(m.start("den"), m.end("den"), REASON_DENOMINATOR)
        if ALL_BUT.search(text[max(0, m.start("num") - 16) : m.start("num")]):
            # "All but 16 of the 193 UN member states have ratified": 16 are those left out
            skipped += [Skipped(m.start("num"), m.end("num"), REASON_NOT_UNDERSTOOD), den]
            continue
        if _NOT_DONE.search(m.group("whole")):
            if _SIGNATORIES_WHOLE.match(m.group("whole")) and _JOINS.match(m.group("verb")):
                # "one of 26 signatories to the treaty that have not ratified it": those who signed only
                skipped.append(Skipped(m.start("num"), m.end("num"), REASON_NOT_UNDERSTOOD))
                counts.append(
                    replace(
                        _count(text, m.start("den"), m.end("den"), None, m.end(), "signed"),
                        measure=MEASURE_SIGNED_NOT_PARTIES,
                    )
                )
                continue
            # "one of the twelve countries that has not ratified": those who did not, no count the UN gives
            skipped += [Skipped(m.start(g), m.end(g), REASON_NOT_UNDERSTOOD) for g in ("num", "den")]
            continue
        whole_measure = _WHOLE_MEASURE.match(m.group("whole"))
        verb = re.sub(r"\s+", " ", m.group("verb").lower())
        told_whole = _WHOLE_WHO.match(m.group("whole")) is not None
        main = _MAIN_VERB.match(text, m.end(), m.end() + 300) if told_whole else None
        if told_whole and main is None:
            # "Two of the 40 states that have signed the treaty made a declaration", "Eight of the 31
            # countries that have ratified it are from the region": the whole is a count of what its own
            # clause tells (40 signatories); the part is chosen by something else, a group ("Two of
            # the five").
            whole = _count(text, m.start("den"), m.end("den"), None, m.end(), verb)
            tail = text[m.end() : m.end() + 200]
            # (with its noun: not a part of the group the sentence's first number is)
            noun = m.group("whole").split()[0].lower()
            counts.append(replace(whole, measure=measure_for(verb, tail), noun=noun))
            skipped += [Skipped(m.start("num"), m.end("num"), REASON_SUBSET)]
            continue
        if main is not None:
            # "Twenty-eight of the 71 States which have ratified the Covenant have ... ratified the Optional
            # Protocol": the whole is a count of what its own clause tells (71 parties to the Covenant),
            # the first number a count of what the main verb tells, of the treaty named after it.
            counts += [
                _count(text, m.start("den"), m.end("den"), None, m.end(), verb),
                _count(text, m.start("num"), m.end("num"), m.group("qual"), main.end(), main.group("verb")),
            ]
            continue
        if (
            not _ALL_OF.match(m.group("whole"))
            and not (m.group("shut") and _ALL_BEFORE.search(text, max(0, m.start() - 40), m.start()))
            # "173 countries out of 193 have ratified": the whole's noun told before "out of"
            and not (m.group("pre") and not m.group("whole"))
        ):
            # "Two of the five permanent members have ratified": a share of a group, not of the world.
            skipped += [Skipped(m.start("num"), m.end("num"), REASON_SUBSET)]
            skipped += [Skipped(m.start("den"), m.end("den"), REASON_SUBSET)]
            continue
        if verb in ("acted", "signed or ratified") or verb.startswith("taken"):  # "have taken legal action"
            skipped += [Skipped(m.start("num"), m.end("num"), REASON_TOTAL), den]
            continue
        if whole_measure is not None:
            whole_end = m.end("whole")
            counts.append(_count(text, m.start("den"), m.end("den"), None, whole_end, whole_measure["noun"]))
        word = measure_of(verb)
        qual = m.group("qual")
        start = m.start("qual") if qual else m.start("num")
        counts.append(
            CountMatch(
                figure=figure,
                measure=word.measure if word else "parties",
                comparison=comparison_for(qual),
                qualifier=qualifier_key(qual),
                noun=None,
                start=start,
                end=m.end(),
                number_start=m.start("num"),
                number_end=m.end("num"),
                phrase=re.sub(r"\s+", " ", text[start : m.end()].strip()),
            )
        )
        if whole_measure is None:
            skipped.append(den)
    return counts, skipped


def _count(text: str, num_start: int, num_end: int, qual: str | None, end: int, verb: str) -> CountMatch:
    word = measure_of(re.sub(r"\s+", " ", verb.lower()).split(" or ")[0])
    start = num_start if qual is None else text.rfind(qual, 0, num_start)
    return CountMatch(
        figure=parse_number(text[num_start:num_end]),
        measure=word.measure if word else "parties",
        comparison=comparison_for(qual),
        qualifier=qualifier_key(qual),
        noun=None,
        start=start,
        end=end,
        number_start=num_start,
        number_end=num_end,
        phrase=re.sub(r"\s+", " ", text[start:end].strip()),
    )


def is_label(text: str, number_start: int) -> bool:
    """ "Annex 2 States", "Article 14": the number names something, it counts nothing."""
    return bool(_LABEL_BEFORE.search(text[max(0, number_start - 12) : number_start]))


__all__ = ["is_label", "share_matches"]
