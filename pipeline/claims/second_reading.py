"""A second reading for a dated count the record puts far from its figure.

A text's count is usually near the UN's figure: of the dated claims the evaluation set's dev half judges
wrong, all but two are within a tenth of it. A dated count judged wrong by more than that has more often
been read against the wrong treaty or day (the Convention for its Optional Protocol; a day told in the
paragraph about the opening for signature rather than the day the text was written) than misstated. This
stage tries the other readings the text itself allows, in this order, and takes the first under which
the record bears the figure out exactly:

1. the other treaties of the claim's family (its parent, its protocols) that the text names;
2. the day the text was written (the --written-on date, or the byline), for a claim dated otherwise;
3. a count of parties, for a count of signatories told with the verb ("192 nations have signed" a
   convention 192 states had joined: the everyday verb for joining);
4. after the undated reading below, for a claim its own sentence does not date: another day the text tells
   (date_source "text"; "One year ago today, the Convention was opened for signature, on March 30, 2007
   ... 'There were 82 signatories'" in a post of 2008).

In a text with no date of its own, a count more than 30% off that an earlier sentence's day dated (not
its own sentence's) is read again undated, and kept so when it is within a tenth of today's figure ("The
CTBT opened for signature on 24 September 1996. ... As of now, 178 countries have signed it").

A reading the record does not bear out is left as it was, judged wrong: the stage never invents a
treaty or a day the text does not give, and never touches a claim within a tenth of the record, an
undated claim, a threshold or a count of one way of joining. The claim that was re-read says so in its
notes, with the first reading and its figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from pipeline.claims.dates import DateMention
from pipeline.claims.measures import (
    MEASURE_PARTIES,
    MEASURE_SIGNATORIES,
    MEASURE_SIGNED_NOT_PARTIES,
    SIGN_WORD,
)
from pipeline.claims.model import KIND_COUNT, KIND_THRESHOLD, REASON_FAR, WRITTEN_ON, Claim, Unread
from pipeline.claims.record_reading import bears_out
from pipeline.claims.results import ClaimCheck
from pipeline.claims.sentences import CLAUSE_MARK, DASH_ASIDE
from pipeline.claims.thresholds import tells_entry
from pipeline.claims.treaties import TitleIndex
from pipeline.claims.verdicts import VERDICT_THRESHOLD_WRONG, VERDICT_WRONG

# A claim dated by the text's day, a byline or a day told earlier in its paragraph, not by its own sentence,
# may be re-read on another day the text tells; at most this many readings are tried for one claim.
_NOT_ITS_OWN_DAY = ("written-on", "byline", "paragraph")
_MOST_TRIES = 8
# How far from the record a dated count must be before another reading is tried: a tenth of the UN's
# figure, and more than a few states (a text one or two off is misstated, not misread).
FAR_SHARE = 0.1
FAR_MIN = 3

Checker = Callable[[Claim], ClaimCheck]
# "92 have signed on to the treaty", "signed up to": the idiom read as joining, which may be signing.
_SIGNED_ON = re.compile(r"\bsign(?:s|ed|ing)?\s+(?:on|up)\b", re.I)
_SIGNING = re.compile(
    r"\b(?:signing|signature)\s+(?:ceremony|in|at|on)\b|\bat\s+the\s+(?:treaty\s+)?signing\b", re.I
)


def is_far(check: ClaimCheck, share: float = FAR_SHARE) -> bool:
    """A dated count judged wrong, by more than `share` of the UN's figure and FAR_MIN states."""
    then = check.figure_then
    if check.verdict != VERDICT_WRONG or then is None or check.claim.claimed_on is None:
        return False
    if check.claim.mode is not None:
        return False
    gap = abs(check.claim.figure - then)
    return gap > FAR_MIN and gap > share * then


def family(no: str, named: Sequence[str], index: TitleIndex) -> list[str]:
    """The treaties of `no`'s family that the text names, in the order it names them: `no`'s parent, its
    protocols, and its parent's other protocols."""
    parent = index.parent_of(no)
    root = parent or no
    out: list[str] = []
    for other in named:
        if other == no or other in out:
            continue
        if other == root or index.parent_of(other) == root:
            out.append(other)
    return out


def reread(
    check: ClaimCheck,
    *,
    named: Sequence[str],
    index: TitleIndex,
    written_on: date | None,
    check_claim: Checker,
    days: Sequence[DateMention] = (),
) -> ClaimCheck:
    """`check` as it was, or the first other reading (family treaty, then the text's own day, then another
    day the text tells) under which the record bears its figure out, with a note saying what was read first.
    `days`: the days the text tells, in text order."""
    if not is_far(check):
        return check
    claim = check.claim
    tries: list[tuple[Claim, str]] = []
    for other in family(str(check.mtdsg_no), named, index):
        tries.append((replace(claim, mtdsg_no=other), f"the treaty {other}"))
    if written_on is not None and claim.claimed_on != written_on:
        dated = replace(
            claim,
            claimed_on=written_on,
            date_text=f"{WRITTEN_ON} {written_on.isoformat()}",
            date_source="written-on",
        )
        tries.append((dated, f"the day the text was written, {written_on.isoformat()}"))
    if claim.measure == MEASURE_SIGNATORIES and SIGN_WORD.search(claim.phrase):
        # "A total of 192 nations have already signed" of a convention 192 states had joined: the everyday
        # verb for "joined" (the noun "signatories" is the UN's own term, and stays one).
        tries.append((replace(claim, measure=MEASURE_PARTIES), 'a count of parties ("signed" for "joined")'))
    if claim.measure == MEASURE_PARTIES and (
        _SIGNED_ON.search(claim.phrase) or _SIGNING.search(claim.sentence or "")
    ):
        # "A total of 68 nations have ratified the treaty ... and 92 have signed on to the treaty": the
        # idiom of joining used for signing, set against the ratifications told before it; "Fifty-seven
        # countries joined at the treaty signing in Paris": joined the signing
        tries.append(
            (
                replace(claim, measure=MEASURE_SIGNATORIES),
                "a count of signatories (joining's words, for signing)",
            )
        )
    later: list[tuple[Claim, str]] = []
    if claim.date_source in _NOT_ITS_OWN_DAY:
        # "One year ago today, the Convention was opened for signature ... 'There were 82 signatories'" in a
        # post of a year later: a count dated by the text's day, or a day told for something else, that the
        # record bears out exactly on another day the text tells (the nearest first, those before it first).
        for d in sorted(
            days, key=lambda d: (d.start > claim.number_start, abs(d.start - claim.number_start))
        ):
            if d.on != claim.claimed_on and len(later) < _MOST_TRIES:
                dated = replace(claim, claimed_on=d.on, date_text=d.text, date_source="text")
                later.append((dated, f"of {d.on.isoformat()}, a day the text tells ({d.text!r})"))
    second = _borne_out(check, tries, check_claim)
    if second is not None:
        return second
    if written_on is None and claim.date_source == "paragraph" and is_far(check, SET_ASIDE_SHARE):
        # A text with no date of its own: a day an earlier sentence told for something else ("opened for
        # signature on 24 September 1996") dated a count the record puts far from it; near today's figure, it
        # is the text's undated present. (A day its own sentence tells is kept: the text's error.)
        second = check_claim(replace(claim, claimed_on=None, date_text=None, date_source=None))
        now = second.figure_now
        if now and abs(claim.figure - now) <= FAR_SHARE * now:
            first = (
                f"read first as of {claim.claimed_on} ({check.figure_then} then, far from it); the text has "
                "no date of its own, so read again undated, near today's figure"
            )
            return replace(second, notes=(first, *second.notes))
    return _borne_out(check, later, check_claim) or check


def _borne_out(
    check: ClaimCheck, tries: Sequence[tuple[Claim, str]], check_claim: Checker
) -> ClaimCheck | None:
    """The check of the first of `tries` the record bears out, its notes saying what was read first."""
    for other_claim, what in tries:
        second = check_claim(other_claim)
        if bears_out(second):
            first = (
                f"read first as {check.mtdsg_no} on {check.claim.claimed_on} ({check.figure_then} then, "
                f"judged wrong); read again as {what}, which the record bears out"
            )
            return replace(second, notes=(first, *second.notes))
    return None


# A dated count judged wrong by more than this share of the UN's figure (and FAR_MIN states) below it, that
# no other reading bears out, is listed unread: of the dated claims dev/ judges wrong, one in twenty is far.
SET_ASIDE_SHARE = 0.3


def _overstates(check: ClaimCheck) -> bool:
    """A figure far above the UN's, on a day the treaty had some: no part of the parties (a region, a year's
    tally, a group is smaller than the whole), but the text overstating them ("Around 81 countries have
    already ratified" of a treaty with 13), which is worth judging."""
    then = check.figure_then
    return then is not None and 0 < then < check.claim.figure


def set_aside_far(
    checks: Sequence[ClaimCheck], unread: Sequence[Unread]
) -> tuple[list[ClaimCheck], tuple[Unread, ...]]:
    """The checks kept, and the unread figures with the far ones added ("far from the record"): a figure that
    far below the UN's on its date (or dated before the treaty had any) is more often not a count of the
    treaty at all (a group, a region, a year's tally) than a count that wrong, so it is listed for a reader
    to check, not judged. One far above it overstates the parties and is judged (_overstates)."""
    kept: list[ClaimCheck] = []
    out = list(unread)
    for k in checks:
        c = k.claim
        # Not a count dated by the act its sentence names ("Japan became the 15th State Party"): that sentence
        # is about the treaty, and a figure that far off is the text's error, worth judging.
        if is_far(k, SET_ASIDE_SHARE) and c.date_source != "record" and not _overstates(k):
            out.append(Unread(c.figure, c.line, REASON_FAR, c.sentence, c.number_start, c.number_end))
        else:
            kept.append(k)
    return kept, tuple(sorted(out, key=lambda u: u.start))


def text_day(claims: Sequence[Claim], written_on: date | None) -> date | None:
    """The day the text was written: the --written-on date, else its byline's day."""
    if written_on is not None:
        return written_on
    return next((c.claimed_on for c in claims if c.date_source in ("written-on", "byline")), None)


_THRESHOLD_NOTE = (
    "read first as a count, which the record does not bear out; read again as the number of consents that "
    "brought the treaty into force ({}), which it does"
)


# ", which was adopted in 2017 and entered into force in 2021": the treaty's story, told after the count
# (not ", which triggered its entry into force", ", which will result in its becoming law": its doing).
_ITS_RELATIVE = re.compile(
    CLAUSE_MARK
    + r"which\s+(?!(?:will|would|shall|is\s+to|(?:\w+\s+)?(?:triggered|brought|allowed|enabled|meant|means|"
    r"led|paved|result\w*))\b)",
    re.I,
)


def _before_its_relative(c: Claim) -> str:
    """The claim's sentence up to a relative clause told after its phrase ("Indonesia is one of 50
    signatories to the treaty, which ... entered into force on Jan. 22, 2021")."""
    at = c.sentence.find(c.phrase)
    if at < 0:
        return c.sentence
    m = _ITS_RELATIVE.search(c.sentence, at + len(c.phrase))
    return c.sentence[: m.start()] if m else c.sentence


def as_threshold(check: ClaimCheck, brought: Callable[[Claim], bool]) -> Claim | None:
    """ "The Protocol will enter into force after having been ratified by 20 states", "reaches 30th
    ratification milestone - will become binding", read as a count in a sentence of the treaty's entry into
    force: the threshold, when the record shows that number of consents brought the treaty into force (the
    eval set's conventions: how many consents brought the treaty into force is a threshold row); else None.
    A count the record bears out with a qualifier ("over 50 States have ratified ... and it came into
    effect") is a bound, and stays a count."""
    c = check.claim
    if (
        c.kind != KIND_COUNT
        or c.mode is not None
        or c.measure == MEASURE_SIGNED_NOT_PARTIES  # "once 50 states have signed it": consents meant
        or not tells_entry(_before_its_relative(c))
    ):
        return None
    if c.date_source == "record" and check.verdict == VERDICT_WRONG:
        # "Tuvalu became the 50th country to ratify" of a treaty whose 50th consent was another state's: the
        # sentence says which consent Tuvalu's was (dated by it: eval Conventions, date rule 2), and is wrong
        return None
    if _HAS_DONE.search(c.sentence) and not _BECAUSE.search(c.sentence):
        # "has been ratified by 50 nations and will enter into force on 22 January", "50 countries have now
        # ratified the Treaty, which comes into force today": a count of the day told beside the entry into
        # force, which the sentence does not say it brought (eval Conventions, "Entry into force")
        return None
    undated_off = c.claimed_on is None and check.figure_now is not None and check.figure_now != c.figure
    borne_out = check.verdict != VERDICT_WRONG and not undated_off
    if borne_out and c.comparison != "=":
        return None  # "over 50 States have ratified ... and it came into effect": a bound, not the Nth
    threshold = replace(
        c, kind=KIND_THRESHOLD, measure=MEASURE_PARTIES, claimed_on=None, date_text=None, date_source=None
    )
    return threshold if brought(threshold) else None


# A count told in the present perfect ("have now ratified", "has been ratified by"), and words saying that
# the count is what brought the treaty into force ("meaning", "triggering", "the required").
_HAS_DONE = re.compile(
    rf"\b(?:has|have)\s+(?:now\s+|already\s+|so\s+far\s+|finally\s+)?(?:{DASH_ASIDE})?"
    r"(?:been\s+)?(?:ratified|joined|acceded)\b",  # ("have now – as of last week – ratified": an aside)
    re.I,
)
_BECAUSE = re.compile(
    r"\b(?:means?|meaning|trigger\w*|thereby|thus|so\s+that|enabl\w+|allow\w*|paving|needed|required|"
    r"necessary|minimum|threshold|sufficient|enough|qualif\w*|as\s+a\s+result|therefore|hence|result\w*|"
    r"so\s+(?:it|that|the)|lead(?:s|ing)?\s+to|"
    r"(?:after|once|upon|following|when)\s+(?:it\s+|the\s+\w+\s+)?(?:has|have|had)|with\s+(?:the|its|this))\b",
    re.I,
)


# Words that say the signatories counted did not join: "signed but not ratified", "yet to ratify".
_NOT_JOINED = re.compile(r"\b(?:not|yet|without|only|but|still|pending)\b|n't\b", re.I)
_APART = re.compile(r"\b(?:additional|other|others|further|another|more(?!\s+than))\b", re.I)


def all_who_signed(check: ClaimCheck, check_claim: Checker) -> ClaimCheck | None:
    """ "173 States Parties and 7 signatories": signatories told beside a count of parties were read as those
    who signed without joining. Without a word saying so, when the record's figure of those is not the number
    told (on its date; today's, undated) and its figure of everyone who signed is, the signatories are
    everyone who signed ("Parties 193, signatories 165"; the eval set's conventions, "Measure"). The other
    way too: "Signatories: 11" read as everyone who signed is those not yet parties when only that figure of
    the record is the number told."""
    c = check.claim
    if c.kind != KIND_COUNT or _NOT_JOINED.search(c.phrase):
        return None
    told = check.figure_then if c.claimed_on is not None else check.figure_now
    if told == c.figure or c.measure not in (MEASURE_SIGNED_NOT_PARTIES, MEASURE_SIGNATORIES):
        return None
    # (the words before the count: "and a further 9 States had signed it", "and six others have signed it")
    before = c.sentence[max(0, c.sentence.find(c.phrase) - 25) : c.sentence.find(c.phrase) + len(c.phrase)]
    if c.measure == MEASURE_SIGNATORIES:
        # "Signatories: 11" of a treaty whose 11 signatories not yet parties are the only figure that fits;
        # "26 States had ratified it, and a further 9 States had signed it": those set apart
        if not ((c.noun or "").lower().startswith("signator") or _APART.search(before)):
            return None
        other = check_claim(replace(c, measure=MEASURE_SIGNED_NOT_PARTIES))
        if (other.figure_then if c.claimed_on is not None else other.figure_now) != c.figure:
            return None
        note = f"read first as all who signed ({told} by the record); read again as those not yet parties"
        return replace(other, notes=(note, *other.notes))
    second = check_claim(replace(c, measure=MEASURE_SIGNATORIES))
    everyone = second.figure_then if c.claimed_on is not None else second.figure_now
    if everyone != c.figure and (
        told is None
        or everyone is None
        or abs(everyone - c.figure) >= abs(told - c.figure)
        or _APART.search(before)
    ):
        # neither reading borne out: the words' reading stands, unless everyone who signed is nearer the
        # figure ("38 States had ratified it and 107 had signed", 108 signatures, 70 not yet parties) and
        # no word sets the signatories apart ("An additional 37 states have signed")
        return None
    note = f"read first as signatories not yet parties ({told} by the record); read again as all who signed"
    return replace(second, notes=(note, *second.notes))


class SecondLook:
    """reread() over one text's checks, given the treaties the text names (as the reader found them)."""

    def __init__(
        self,
        named: Sequence[str],
        index: TitleIndex,
        day: date | None,
        check_claim: Checker,
        brought: Callable[[Claim], bool] = lambda c: False,
        days: Sequence[DateMention] = (),
    ) -> None:
        self.named, self.index, self.day, self.check_claim = named, index, day, check_claim
        self.brought, self.days = brought, [d for d in days if d.precision == "day"]

    def __call__(self, check: ClaimCheck) -> ClaimCheck:
        if check.claim.kind == KIND_THRESHOLD and check.verdict == VERDICT_THRESHOLD_WRONG:
            # "The Convention ... entered into force after the 20th ratification", linked to the Optional
            # Protocol named nearer: the family treaty the text names whose 20th consent brought it in.
            for other in family(str(check.mtdsg_no), self.named, self.index):
                moved = replace(check.claim, mtdsg_no=other)
                if self.brought(moved):
                    first = f"read first as {check.mtdsg_no}'s threshold, which the record does not bear out"
                    second = self.check_claim(moved)
                    return replace(second, notes=(f"{first}; read again as {other}'s", *second.notes))
        signed = all_who_signed(check, self.check_claim)
        if signed is not None:
            return signed
        threshold = as_threshold(check, self.brought)
        if threshold is not None:
            second = self.check_claim(threshold)
            return replace(second, notes=(_THRESHOLD_NOTE.format(check.claim.figure), *second.notes))
        return reread(
            check,
            named=self.named,
            index=self.index,
            written_on=self.day,
            check_claim=self.check_claim,
            days=self.days,
        )


__all__ = [
    "FAR_MIN",
    "FAR_SHARE",
    "SET_ASIDE_SHARE",
    "SecondLook",
    "family",
    "is_far",
    "reread",
    "set_aside_far",
    "text_day",
]
