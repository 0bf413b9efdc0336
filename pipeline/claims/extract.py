"""The claim reader's last stage: tie each count to its date and treaty, and list the figures left unread.

Pure: text in, claims out, no I/O. The stages it calls, each a module of one job: sentences (units of
text), numbers, frames and thresholds (what a number counts), measures (measures.csv), dates and
treaties (titles, names, generic references). The README's "Claim checker" section states the rules;
tests/claims/test_patterns.py has one test per rule.

Treaty linking, in order of preference: the override (--treaty); a treaty named right after the count
("71 signatories to the Optional Protocol"); a title or name in its own sentence before the number; the
treaty a generic reference in its sentence points back to ("the Optional Protocol", "its Optional
Protocol", "the treaty"); a title later in its sentence; the treaty of the claim before it in the
paragraph; the nearest mention before it; the first mention after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from pipeline.claims.anniversaries import with_anniversaries
from pipeline.claims.bylines import find_byline
from pipeline.claims.count_days import ahead, of_the_treaty, simple_past_day, status_date_at, told_as_of_now
from pipeline.claims.count_days import dated_by_words as _dated
from pipeline.claims.count_days import simple_past as _simple_past
from pipeline.claims.count_days import since_day as _since_day
from pipeline.claims.dates import DateIndex, DateMention, date_for, find_dates
from pipeline.claims.dating import consequence_day
from pipeline.claims.echoes import echoes
from pipeline.claims.entry import entry_day, entry_told_next
from pipeline.claims.frames import find_counts, read_counts
from pipeline.claims.gapped_lists import gapped_lists
from pipeline.claims.layout import plain_layout
from pipeline.claims.links import Mentions as _Mentions
from pipeline.claims.links import Ref, restated
from pipeline.claims.links import link as _link
from pipeline.claims.loose_counts import loose_counts
from pipeline.claims.loose_ordinals import loose_ordinals, stray_ordinals
from pipeline.claims.measures import (
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    MEASURE_WORDS,
    MODE_ACCESSION,
    MODE_RATIFICATION,
)
from pipeline.claims.model import (
    KIND_COUNT,
    KIND_THRESHOLD,
    REASON_NO_TREATY_WORD,
    REASON_NOT_UNDERSTOOD,
    REASON_OUTSIDE,
    Claim,
    CountMatch,
    Skipped,
    Unread,
)
from pipeline.claims.names import is_outside
from pipeline.claims.numbers import ANY_FIGURE, parse_number
from pipeline.claims.record_reading import (
    ORDINAL_SOURCE,
    RECORD_REASONS,
    THRESHOLD_REASONS,
    counted_states,
    counts_people,
)
from pipeline.claims.references import GENERIC_REF, LABEL_REF, find_generic_refs
from pipeline.claims.relative_days import day_told
from pipeline.claims.sentences import Lines, Spans, first_sentence_end, split_paragraphs, split_sentences
from pipeline.claims.status_dates import row_day
from pipeline.claims.thresholds import tells_entry
from pipeline.claims.topics import subject_link, text_subject
from pipeline.claims.treaties import TitleIndex, TreatyMention, TreatyName
from pipeline.claims.unread import find_unread, unread_at


def _topic(mentions: Sequence[TreatyMention], sentences: Spans, text: str) -> TreatyMention | None:
    """The treaty a text is about: the one its heading or first sentence names first, or None."""
    if not mentions or not sentences.spans:
        return None
    first = mentions[0]
    return first if first.start < first_sentence_end(text, sentences.spans) else None


def _is_parent(parent: str, protocol: TreatyMention) -> bool:
    """Is `parent` the treaty `protocol` is a protocol to ("IV-15" of "IV-15-a": the UN's numbering)?"""
    return protocol.kind in ("protocol", "optional protocol") and protocol.mtdsg_no.startswith(parent + "-")


# "The parent convention has 196 parties": the sentence itself speaks of the parent.
_PARENT_WORD = re.compile(
    r"\b(?:parent|mother|main|underlying)\s+(?:convention|treaty|covenant|instrument)\b", re.I
)
# Generic references that say no kind of treaty: "the agreement", "the treaty", "the accord".
_ANY_KIND = frozenset({"treaty", "agreement", "accord"})


# The tool's own annotations (render_annotated): never read back as claims.
_ANNOTATION = re.compile(r"\[\^(?:claim|unread)-\d+\](?::[^\n]*)?")


def strip_annotations(text: str) -> str:
    """The text without check-claims footnote marks and footnotes (blanked, so positions stay)."""
    return _ANNOTATION.sub(lambda m: " " * len(m.group(0)), text)


def _named_in_passing(text: str, found: _Mentions, no: str, pos: int, sentences: Spans) -> bool:
    """Was the last mention of `no` before `pos` told in passing (an object: "the fifth Protocol to the
    Convention on ...", "its parent Convention"), not as its sentence's subject ("The Convention against
    Torture was adopted in 1984. It has 174 parties": "it" is the Convention)?"""
    last = [m for m in found.ending_by(pos) if m.mtdsg_no == no]
    if not last:
        return True  # an infobox row under a heading: no mention to be the subject of
    m = last[-1]
    lead = text[sentences.containing(m.start)[0] : m.start]
    return not re.fullmatch(r"[\s\W]*(?:the|this|that)?\s*", lead, re.I)


def _said_kind(said: str | None) -> str:
    """The kind a generic reference says ("the agreement" -> "agreement")."""
    return re.sub(r"\s+", " ", said or "").lower().split(" ")[-1]


@dataclass(frozen=True)
class Reading:
    """What the reader made of a text: the claims, and the figures it saw in sentences about a treaty and
    did not read as claims."""

    claims: tuple[Claim, ...]
    unread: tuple[Unread, ...]
    # The text read (annotations stripped), for the stages of check.py that date claims by the record.
    text: str = field(default="", compare=False, repr=False)
    # Unread figures tied to a date and a treaty as a claim would be, for the record to read (record_reading).
    candidates: tuple[Claim, ...] = field(default=(), compare=False, repr=False)
    # The treaties the text names, in order (none under --treaty), for the second reading (second_reading).
    named: tuple[str, ...] = field(default=(), compare=False, repr=False)
    # The day the text's byline or dateline gives itself, for the stages that need the text's own day.
    byline_day: date | None = field(default=None, compare=False, repr=False)


def read_text(
    text: str,
    treaties: Iterable[TreatyName] | TitleIndex = (),
    *,
    treaty: str | None = None,
    written_on: date | None = None,
) -> Reading:
    """Every count claim in `text`, dated and linked to a treaty (or `treaty` if given), and every figure
    left unread with its reason. An undated claim takes `written_on`, else a byline or dateline."""
    given, text = text, plain_layout(strip_annotations(text))
    if ANY_FIGURE.search(text) is None:
        # No digit, number word or ordinal: nothing to read (a long page is quick).
        return Reading((), (), text)
    index = treaties if isinstance(treaties, TitleIndex) else TitleIndex(treaties)
    sentences = Spans(split_sentences(text))
    counts, skipped = read_counts(text, sentences)
    dates = find_dates(text, own_day=written_on)
    byline = find_byline(text, dates)
    if written_on is None and byline is not None:
        # The text's own date from its byline stands for --written-on: a day told without its year is of
        # the byline's year, and a date after the byline's day is ahead of the text.
        dates = find_dates(text, own_day=byline.on)
        byline = find_byline(text, dates) or byline
    own_day = written_on or (byline.on if byline is not None else None)
    dates = with_anniversaries(dates, text, own_day)
    paragraphs = Spans(split_paragraphs(text))
    lines = Lines(given)  # the lines of the text as given (the layout joins hard-wrapped ones)
    mentions = [] if treaty else index.find_mentions(text, sentences=sentences.spans)
    refs: list[Ref] = sorted(
        (m.start(), m.end(), re.sub(r"\s+", " ", m.group("kind").lower()), m.group("det"), m.group(0))
        for m in (*GENERIC_REF.finditer(text), *LABEL_REF.finditer(text))
    )
    found = _Mentions(mentions, refs)
    topic = _topic(mentions, sentences, text)
    subject = None if treaty or mentions else text_subject(text, index)
    usable = DateIndex([d for d in dates if byline is None or d.start != byline.start])
    all_dates = DateIndex(dates)
    claims: list[Claim] = []

    def to_claim(c: CountMatch, candidate: bool = False) -> Claim | None:
        """The count tied to its date and treaty (None for a treaty outside the UN's collection)."""
        sentence = sentences.containing(c.number_start)
        paragraph = paragraphs.containing(c.number_start)
        # An infobox row ("Parties 112") is dated by the text's own date, never by a row above it.
        own_date = c.kind == KIND_THRESHOLD or c.source == "infobox"
        # ... unless the row gives its own status date: "Parties 140 (as of 19 September 2007)"
        d = row_day(text, c.number_end, all_dates) if c.source == "infobox" else None
        if not own_date:
            d = day_told(text, c.number_start, sentence, paragraph, all_dates, usable)
        d = _since_day(text, c, sentence, all_dates, d)
        if d is None and not own_date and _simple_past(text, c):
            # "The Convention was signed by 94 states in Oslo on 3 December 2008", "opened for signature
            # on 3 December 2008, when 94 states signed it": a count told of the event is of its day.
            d = simple_past_day(text, c, sentence, sentences.before(c.number_start, paragraph), all_dates)
        if d is None and not own_date:
            d = consequence_day(text, c.number_start, sentence, all_dates)
        if d is not None and ahead(text, d, (c.number_start, c.number_end), sentence[1], own_day):
            d = None  # a day to come ("... entry into force on 22 December", "... when 90 parties will meet")
        if (
            d is not None
            and d.start > c.number_start
            and told_as_of_now(text, sentence[0], c.number_start)
            and not status_date_at(text, d.start)
        ):
            # "As of now, it has been signed by 133 States ... declared April 4 as ...": today's; but "182
            # have so far signed, of which 154 have ratified (as of June 2011)" is of its "as of".
            d = None
        if d is not None and d.start > c.number_end and of_the_treaty(text, c.number_end, d.start):
            d = None  # "becomes the 107th party to the Pact approved by the General Assembly in 2013"
        claimed_on, date_text, date_source = _dated(c, d, sentence, written_on, byline)
        mtdsg_no: str | None
        if treaty:
            mtdsg_no, treaty_text, link, via = treaty, None, "override", None
        else:
            mtdsg_no, treaty_text, link, via = _link(
                c.number_start, sentence, found, index, c.end, text, c.start
            )
            prev = claims[-1] if claims and not candidate else None
            if (
                link == "before"
                and prev is not None
                and prev.mtdsg_no is not None
                and paragraph[0] <= prev.number_start
                and not found.starting(prev.number_start + 1, c.number_start)
            ):
                # "173 states are party to the protocol. A further 7 states have signed but not ratified
                # it.": "it" is what the claim before spoke of, not the last title named before both.
                mtdsg_no, treaty_text, via = prev.mtdsg_no, prev.treaty_text, prev.treaty_via
                link = "previous"
            if (
                topic is not None
                and mtdsg_no is not None
                and _is_parent(mtdsg_no, topic)
                and not _PARENT_WORD.search(text, sentence[0], sentence[1])
                and _named_in_passing(text, found, mtdsg_no, c.number_start, sentences)
                and (
                    c.source == "infobox"
                    or link in ("before", "previous")
                    or (link == "reference" and _said_kind(treaty_text) in _ANY_KIND)
                )
            ):
                # A text about a protocol names its parent in passing ("It is the fifth Protocol to the
                # Convention on ...", "entered into force with its parent Convention"); "it", "the
                # agreement" and the infobox's rows still speak of the protocol the heading names.
                mtdsg_no, treaty_text, via, link = topic.mtdsg_no, topic.text, topic.via, "topic"
        if mtdsg_no is None and (told := subject_link(text, sentence, c.number_start, subject, index)):
            (mtdsg_no, treaty_text), link, via = told, "subject", None  # the text's subject (topics.py)
        if is_outside(mtdsg_no):  # "The NPT has 191 parties": a treaty the UN does not hold, listed unread
            if not candidate:
                skipped.append(Skipped(c.number_start, c.number_end, REASON_OUTSIDE))
            return None
        said_refs = found.refs_starting(sentence[0], c.number_start)
        ref_text = said_refs[-1][4] if said_refs else None
        return Claim(
            figure=c.figure,
            measure=c.measure,
            comparison=c.comparison,
            qualifier=c.qualifier,
            noun=c.noun,
            phrase=c.phrase,
            start=c.start,
            end=c.end,
            number_start=c.number_start,
            number_end=c.number_end,
            sentence=re.sub(r"\s+", " ", text[sentence[0] : sentence[1]].strip()),
            claimed_on=claimed_on,
            date_text=date_text,
            mtdsg_no=mtdsg_no,
            treaty_text=treaty_text if treaty_text is not None else ref_text,
            link=link,
            line=lines.line(c.number_start),
            kind=c.kind,
            mode=c.mode,
            source=c.source,
            date_source=date_source,
            treaty_via=via,
            event_on=entry_day(text, sentence, all_dates)
            if c.kind == KIND_THRESHOLD
            else entry_told_next(text, sentence, sentences, all_dates),
        )

    for c in counts:
        claim = to_claim(c)
        if claim is not None:
            claims.append(claim)
    unread = find_unread(
        text,
        sentences=sentences,
        lines=lines,
        read=[(c.number_start, c.number_end) for c in claims],
        skipped=skipped,
        mentions=mentions,
        dates=dates,
    )
    # "... had 125 High Contracting Parties, Amended Protocol II 104": a list's bare figures (gapped_lists.py)
    claims, unread = gapped_lists(text, claims, unread, sentences, found, to_claim)
    # (figure, start, end, kind) of each figure the record may read (record_reading.py)
    spans = [(u.figure, u.start, u.end, KIND_COUNT) for u in unread if u.reason in RECORD_REASONS]
    if mentions:  # a text that names a treaty: its counts of states in sentences that name none too
        told = (
            {c.number_start for c in claims}
            | {u.start for u in unread if u.reason != REASON_NO_TREATY_WORD}
            | {k.number_start for k in skipped}
        )
        spans += [(n, a, b, KIND_COUNT) for n, a, b in counted_states(text) if a not in told]
    not_understood = {u.start for u in unread if u.reason == REASON_NOT_UNDERSTOOD}
    spans = [
        s for s in spans if 10 <= s[0] and not 1900 <= s[0] <= 2100 and not counts_people(text, s[2], s[1])
    ]
    # "It will enter into force once fifty states have done so": a number in a sentence of the treaty's
    # entry into force, tried as the number of consents that brought it in force.
    spans += [
        (u.figure, u.start, u.end, KIND_THRESHOLD)
        for u in unread
        if u.reason in THRESHOLD_REASONS and 2 <= u.figure < 1900 and tells_entry(u.sentence)
    ]
    # "Honduras becomes 50th nation to ratify": an ordinal the frames left, for the record to read; one a
    # frame set aside ("will become the 194th nation to ratify, once it is signed") is listed with its reason.
    why = {k.number_start: k.reason for k in skipped}
    every = loose_ordinals(text, sentences, {c.number_start for c in claims} | {u.start for u in unread})
    unread += [
        unread_at(text, sentences, lines, n, (a, b), why.get(a, REASON_NOT_UNDERSTOOD))
        for n, _, _, _, a, b in every
    ]
    # every other ordinal in a sentence about a treaty, listed so that none goes unseen (loose_ordinals.py)
    listed = {c.number_start for c in claims} | {u.start for u in unread}
    covered = [(d.start, d.end) for d in dates] + [(m.start, m.end) for m in mentions]
    unread += [
        unread_at(text, sentences, lines, n, (a, b), why.get(a, REASON_NOT_UNDERSTOOD))
        for n, a, b in stray_ordinals(text, sentences, listed, covered)
    ]
    ordinals = [o for o in every if o[4] not in why]
    # "With 195 states, it is the most widely ratified": states no frame understood (loose_counts.py)
    loose = loose_counts(
        text,
        [(n, a, b) for n, a, b, k in spans if k == KIND_COUNT and a in not_understood],
        sentences,
        [c.number_start for c in claims],
    )
    candidates = [to_claim(c, True) for c in loose]
    loose_starts = {c.number_start for c in loose}
    candidates += [
        to_claim(replace(CountMatch.exact(text, n, MEASURE_PARTIES, (a, b), (a, b)), kind=kind), True)
        for n, a, b, kind in spans
        if kind != KIND_COUNT or a not in loose_starts
    ]
    candidates += [
        to_claim(replace(CountMatch.exact(text, n, measure, (lo, hi), (a, b)), source=ORDINAL_SOURCE), True)
        for n, measure, lo, hi, a, b in ordinals
    ]
    found_by_record = tuple(c for c in candidates if c is not None and c.mtdsg_no is not None)
    named = tuple(m.mtdsg_no for m in mentions)
    claims, unread = echoes(text, claims, sorted(unread, key=lambda u: u.start), sentences, lines)
    byline_day = byline.on if byline is not None else None
    return Reading(tuple(restated(claims, text)), tuple(unread), text, found_by_record, named, byline_day)


def extract_claims(
    text: str,
    treaties: Iterable[TreatyName] | TitleIndex = (),
    *,
    treaty: str | None = None,
    written_on: date | None = None,
) -> list[Claim]:
    """Every count claim in `text`, dated and linked to a treaty (or `treaty` if given)."""
    return list(read_text(text, treaties, treaty=treaty, written_on=written_on).claims)


__all__ = [
    "KIND_COUNT",
    "KIND_THRESHOLD",
    "MEASURE_PARTIES",
    "MEASURE_SIGNATORIES",
    "MEASURE_SIGNED_NOT_PARTIES",
    "MEASURE_WORDS",
    "MODE_ACCESSION",
    "MODE_RATIFICATION",
    "Claim",
    "CountMatch",
    "DateMention",
    "Reading",
    "TitleIndex",
    "TreatyMention",
    "TreatyName",
    "Unread",
    "date_for",
    "extract_claims",
    "find_byline",
    "find_counts",
    "find_dates",
    "find_generic_refs",
    "parse_number",
    "read_text",
    "split_paragraphs",
    "split_sentences",
    "strip_annotations",
]
