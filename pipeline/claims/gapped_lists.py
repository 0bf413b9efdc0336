"""A list of treaties and their counts, each count after the first told with its noun and verb left out.

"As at 1 November 2017, the Convention had 125 High Contracting Parties, Amended Protocol II 104, Protocol IV
108", "87 States have consented to be bound by Protocol V, compared with 102 for Amended Protocol II",
"Twenty-five States have ratified the Convention and 16 the Optional Protocol", "the protocol on children
in armed conflict has 173 states parties and the protocol on the sale of children 178": a bare figure set
right after another treaty's name (or right before it, joined by "for", "by", "to"), in a sentence whose
count of the same kind was read, counts that other treaty as the first count counts its own. It is read
only when it links to a treaty other than the first count's: a figure the sentence ties to the same treaty
is no item of such a list ("had 125 parties, 50 of them in Africa").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.claims.links import Mentions
from pipeline.claims.model import KIND_COUNT, REASON_NOT_UNDERSTOOD, Claim, CountMatch, Unread
from pipeline.claims.numbers import QUAL_BEFORE, QUALIFIERS, qualified
from pipeline.claims.sentences import Spans
from pipeline.text import alternation

# Between a treaty's name and its figure: an aside in brackets or between commas, a verb of having or
# binding, a colon or a dash, a qualifier, which the figure's claim keeps ("Protocol V on explosive remnants
# of war 94", "the second, abolishing the death penalty, 83", "OPSC has 178", "OPIC: 46", "Protocol IV,
# just over 110").
_GAP = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?(?:,[^,;()\d]{0,90},\s*)?"
    # (", with 110", ", at 164": the verb set off by a comma)
    r"(?:(?:,\s*)?(?:now\s+|still\s+|only\s+|just\s+)?(?:has|had|have|binds|bound|counts|counted|with|at|on|stands\s+at|"
    r"stood\s+at)\s+|[:–—-]\s*|,\s*)?"
    r"(?:(?:only|just)\s+)?(?:" + alternation(QUALIFIERS) + r"\s+)?",
    re.I,
)
# Between a figure and the treaty named after it: "102 for Amended Protocol II", "164 by its sister
# treaty", "16 the Optional Protocol" (the verb left out too).
_JOIN_AFTER = re.compile(r"\s+(?:(?:for|by|to|in|under)\s+)?", re.I)
# What may follow a list's figure: the end of its item.
_ITEM_ENDS = re.compile(
    r"\s*(?:[.,;)\]]|$|\s(?:and|while|but|whereas|against|compared|respectively|states|countries|parties|"
    r"high|HCPs|members)\b)",
    re.I,
)


def _named_before(text: str, found: Mentions, lo: int, start: int) -> bool:
    """Is a treaty named or referred to just before the figure at `start`, in its sentence (from `lo`)?"""
    ends = [m.end for m in found.ending_by(start) if m.start >= lo]
    ends += [r[1] for r in found.refs_starting(lo, start) if r[1] <= start]
    return bool(ends) and _GAP.fullmatch(text, max(ends), start) is not None


def _named_after(text: str, found: Mentions, end: int, hi: int) -> bool:
    """Is a treaty named or referred to right after the figure ending at `end`?"""
    join = _JOIN_AFTER.match(text, end)
    at = join.end() if join else end
    # (a name may start past its article: "110 for the Convention on Cluster Munitions")
    return bool(found.starting(at, at + 5) or found.refs_starting(at, min(hi, at + 5)))


def gapped_lists(
    text: str,
    claims: list[Claim],
    unread: Sequence[Unread],
    sentences: Spans,
    found: Mentions,
    to_claim: Callable[[CountMatch, bool], Claim | None],
) -> tuple[list[Claim], list[Unread]]:
    """The claims with each list item read (in text order), and the unread figures left."""
    read: list[Claim] = []
    by_sentence: dict[int, list[Claim]] = {}  # the counts read, by sentence (a long text has many)
    for c in claims:
        if c.kind == KIND_COUNT and c.mtdsg_no:
            by_sentence.setdefault(sentences.index(c.number_start), []).append(c)
    for u in unread:
        i = sentences.index(u.start)
        if u.reason != REASON_NOT_UNDERSTOOD or not 2 <= u.figure <= 250 or i < 0 or i not in by_sentence:
            continue
        lo, hi = sentences.spans[i]
        told = by_sentence[i]
        before = [c for c in told if c.number_start < u.start]
        anchor = before[-1] if before else told[0]
        if not (
            (_ITEM_ENDS.match(text, u.end) and _named_before(text, found, lo, u.start))
            or _named_after(text, found, u.end, hi)
        ):
            continue
        count = CountMatch.exact(text, u.figure, anchor.measure, (u.start, u.end), (u.start, u.end))
        qual = QUAL_BEFORE.search(text[max(lo, u.start - 40) : u.start])  # "..., and the CCM just over 110"
        count = qualified(count, qual.group("qual") if qual else None)
        claim = to_claim(count, True)
        if claim is not None and claim.mtdsg_no is not None and claim.mtdsg_no != anchor.mtdsg_no:
            read.append(claim)
    if not read:
        return claims, list(unread)
    starts = {c.number_start for c in read}
    merged = sorted([*claims, *read], key=lambda c: c.number_start)
    return merged, [u for u in unread if u.start not in starts]


__all__ = ["gapped_lists"]
