"""The acts a sentence names (a text stage of the claim reader, no store): which states it tells signed or
joined a treaty ("Chile's ratification", "the accession of Chile", "Chile, Peru and Japan ratified it",
"With Somalia, 196 States are now party"), and of which kind, for the stages that date a count by the
record's day of that act (anchors.py, news_acts.py, running_totals.py).
"""

from __future__ import annotations

import re

from pipeline.claims.state_names import carried_along, in_one_list, state_spans

CONSENT, SIGNATURE = "consent", "signature"

# The words of an act: signing, or joining (ratifying, acceding, depositing an instrument, becoming party).
_ACT = (
    r"(?:(?P<sign>sign(?:s|ed|ing|atures?)?)|(?P<consent>ratif\w*|accessions?|acced\w*|joins|joined|joining|notif\w*|"
    r"deposit\w*|instruments?|became\s+(?:a\s+)?party|becomes\s+(?:a\s+)?party|"
    # "Serbia followed in September as the 28th State party": a place among the parties is a joining
    r"the\s+(?:\d+(?:st|nd|rd|th)|[a-z-]+(?:st|nd|rd|th))\s+(?:states?\s+)?part(?:y|ies)))\b"
)
# Each act word in a stretch of text, its kind by the group that matched ("sign" or "consent").
ACT_WORDS = re.compile(r"\b" + _ACT, re.I)
# "Chile's ratification", "Chile has ratified", "Chile is the latest state to have ratified": the act told
# after the state, a few words on and in the same clause.
# "Lebanon is the latest of nearly 100 states to ratify it": the act after the count it is one of.
_ONE_OF = (
    r"\s+(?:is|was|became|becomes|has\s+become)\s+(?:now\s+)?(?:the\s+(?:latest|last|newest)|one)\s+of\s+"
    r"(?:(?!first\b)[^,.;]){1,40}?\s+to"
)
_ACT_AFTER = re.compile(
    r"^(?:(?:['’]s)?(?:\s+(?:[\w-]+))?(?:\s+[\w-]+){0,5}?|" + _ONE_OF + r"(?:\s+have)?)\s+" + _ACT, re.I
)
# "China became one of 107 countries to join it": "join", told so, is the state's joining.
_ONE_OF_TO_JOIN = re.compile("^" + _ONE_OF + r"\s+join\b", re.I)
# A name after "since", "before", "until": its act starts or ends a span of time, not the count's day.
_SPAN_OPENS = re.compile(r"\b(?:since|before|until|till|prior\s+to)\s+(?:the\s+)?$", re.I)
# "including Fiji", "such as Chile", "...: Bhutan, Nauru and Palau": one of those counted, no act of its own.
MEMBER_BEFORE = re.compile(r"(?:\b(?:including|such\s+as|among\s+them|notably)\s+|:\s*)(?:the\s+)?$", re.I)
# "the ratification of Chile", "accession by Chile", "a new signing by the Pacific island nation of Tuvalu".
_APPOSED = r"(?:(?:[\w-]+\s+){0,3}?(?:nation|country|state)\s+of\s+)?"
_ACT_BEFORE = re.compile(rf"\b{_ACT}(?:\s+[\w-]+){{0,2}}?\s+(?:of|by)\s+(?:the\s+)?{_APPOSED}$", re.I)
# "Samoa's move brings to 40 ...": the state's step, the act the rest of the sentence tells.
_ITS_MOVE = re.compile(
    r"['’]s\s+(?:latest\s+|recent\s+)?(?:move|step|decision)\s+(?:brings|takes|raises)\b", re.I
)
# "With Somalia, 196 States are now party": the state that made the count, its act left untold.
_WITH_STATE = re.compile(r"(?:^|[.;]\s+)\W*with\s+(?:the\s+)?$", re.I)
# Words that deny or put off the act: "has not ratified", "yet to sign", "has only signed" (no consent).
_DENIED = re.compile(r"\b(?:not|never|yet|only|neither|nor|no|without|failed|refused)\b", re.I)


def acts_named(sentence: str) -> set[tuple[str, str]]:
    """(state code, kind of act) for each state the sentence names with its own act, not denied. The states
    of a list share its act: "Chile, Peru and Japan ratified it", "the accessions of Chile and Peru"."""
    spans = state_spans(sentence)
    kinds: list[set[str]] = []
    for s, e, _ in spans:
        chunks = re.split(r"[,;:()]", sentence[e : e + 80])
        # "The latest, Peru, deposited its instrument": the act after a name set off by commas.
        rest = chunks[1] if len(chunks) > 1 and not chunks[0].strip() else chunks[0]
        after = _ACT_AFTER.match(rest) or _ONE_OF_TO_JOIN.match(rest)
        lead = re.split(r"[,;:()]", sentence[max(0, s - 60) : s])[-1]
        before = _ACT_BEFORE.search(lead)
        found: set[str] = set()
        for m, words in ((after, rest[: after.end()] if after else ""), (before, lead)):
            if m is not None and not _DENIED.search(words):
                found.add(SIGNATURE if m.re is not _ONE_OF_TO_JOIN and m.group("sign") else CONSENT)
        if not found and _WITH_STATE.search(sentence, 0, s) and sentence[e : e + 3].lstrip().startswith(","):
            found.add(CONSENT)  # "With Somalia, 196 States are now party to the Convention": its joining
        if not found and _ITS_MOVE.match(sentence, e) and (told := ACT_WORDS.search(sentence, e)):
            # "Samoa's move brings to 40 the number of states which have ratified": the act the count tells
            found.add(SIGNATURE if told.group("sign") else CONSENT)
        kinds.append(found)
    listed = in_one_list(sentence, spans)
    for i in reversed(range(len(listed))):  # the act told after the list's last name
        if listed[i] and not kinds[i]:
            kinds[i] = set(kinds[i + 1])
    for i in range(len(listed)):  # the act told before the list's first name
        if listed[i] and not kinds[i + 1]:
            kinds[i + 1] = set(kinds[i])
    # "Since Chile and Peru ratified it, 40 states have joined": the acts of a list after "since" open a span.
    # "182 countries, including Fiji, had ratified it": a state named in an aside is one of those counted.
    opened = carried_along(
        [
            bool(
                _SPAN_OPENS.search(sentence, max(0, s - 30), s)
                or MEMBER_BEFORE.search(sentence, max(0, s - 30), s)
            )
            for s, _, _ in spans
        ],
        listed,
    )
    kinds = [set() if o else k for k, o in zip(kinds, opened, strict=True)]
    return {(iso3, k) for (_, _, iso3), ks in zip(spans, kinds, strict=True) for k in ks}


__all__ = ["ACT_WORDS", "CONSENT", "MEMBER_BEFORE", "SIGNATURE", "acts_named"]
