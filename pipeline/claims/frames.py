"""The frame stage of the claim reader: a number, the noun it counts, the predicate it belongs to, and what
turns it into something other than a count of the whole (negation, subsets, conditions, what is needed).

The grammar is data where it can be: measures from measures.csv (measures.py), numbers from numbers.py."""

from __future__ import annotations

import re
from bisect import insort
from dataclasses import replace

from pipeline.claims import clauses as cl
from pipeline.claims.clauses import ADJUNCTS, ADVERB_WORDS, STATES
from pipeline.claims.facts import UNION_BESIDE
from pipeline.claims.infobox import infobox_matches
from pipeline.claims.labels import told_apart
from pipeline.claims.measures import MEASURE_SIGNED_NOT_PARTIES, measure_for
from pipeline.claims.model import (
    KIND_COUNT,
    KIND_THRESHOLD,
    REASON_NOT_UNDERSTOOD,
    REASON_TOTAL,
    CountMatch,
    Skipped,
)
from pipeline.claims.not_counts import NOT_STATES_AFTER, why_not_a_count
from pipeline.claims.noun_frames import AND_TO as _AND_TO
from pipeline.claims.noun_frames import ARE as _ARE
from pipeline.claims.noun_frames import BINDS as _BINDS
from pipeline.claims.noun_frames import BRINGING as _BRINGING
from pipeline.claims.noun_frames import HAS as _HAS
from pipeline.claims.noun_frames import IN_FORCE as _IN_FORCE
from pipeline.claims.noun_frames import NATION_TREATY as _NATION_TREATY
from pipeline.claims.noun_frames import NEEDS as _NOUN_NEEDS
from pipeline.claims.noun_frames import NUMBER_OF as _NUMBER_OF
from pipeline.claims.noun_frames import OPENED_BY as _OPENED_BY
from pipeline.claims.noun_frames import STATES_ACTS as _STATES_ACTS
from pipeline.claims.noun_frames import TIMES as _TIMES
from pipeline.claims.noun_frames import TREATY_MEMBERS as _TREATY_MEMBERS
from pipeline.claims.noun_frames import WHOSE_NUMBER as _WHOSE_NUMBER
from pipeline.claims.noun_frames import done_before, points_back
from pipeline.claims.nth import nth_to_matches
from pipeline.claims.numbers import EXTRA as _EXTRA
from pipeline.claims.numbers import MOST_OF as _MOST_OF
from pipeline.claims.numbers import NUM as _NUM
from pipeline.claims.numbers import QUAL as _QUAL
from pipeline.claims.numbers import comparison_after, comparison_for, is_year, parse_number, qualifier_key
from pipeline.claims.pairs import by_mode, signatories_beside_parties, told_together
from pipeline.claims.scope import set_aside
from pipeline.claims.sentences import DASH_ASIDE, Spans, split_sentences
from pipeline.claims.shares import is_label, share_matches
from pipeline.claims.thresholds import threshold_matches

_ADJ = (
    r"(?:(?:UN|U\.N\.|United\s+Nations|other|more|additional|further|member|sovereign|independent|"
    r"contracting|signatory|signing|ratifying|acceding|participating|"
    r"european|african|asian|world|EU|E\.U\.|NATO|OECD|nordic|arab|caribbean|pacific|"
    r"latin\s+american|annex\s*\d+)\s+)*"
)
_NOUN = (
    _ADJ
    + r"(?P<noun>countries|contries|country|states|state|sates|nations|nation|governments|government|govts|"
    r"parties|party|signatories|signatory|participants|"
    r"jurisdictions|economies|members)(?:[\s-]+(?:parties|party)\b|\s+and\s+territories\b)?"
)
_NEGATED = re.compile(r"\b(?:not|yet\s+to|never|without)\b|n['’]t\b", re.I)

_PASSIVE = re.compile(
    r"\b(?P<verb>ratified\s+or\s+acceded\s+to|ratified\s+and\s+acceded\s+to|ratified/acceded\s+to|"
    r"signed\s+and\s+ratified|signed\s+(?:and/)?or\s+(?:ratified|acceded\s+to)|signed,?\s+but\s+not\s+(?:yet\s+)?ratified,?|"
    r"ratified|acceded\s+to|"
    r"adhered(?:\s+to)?|joined|banned|signed|subscribed(?:\s+to)?|accepted|agreed\s+to)\s+(?:(?:only|now|so\s+far|thus\s+far|to\s+date|already|also|until\s+(?:now|today)|up\s+to\s+now|over\s+time|over\s+the\s+years)\s+)?"
    # "ratified by or acceded to 191 countries"; "has been ratified in 186 countries" (by them)
    rf"{ADJUNCTS}(?:by\s+or\s+acceded\s+to\s+|by\s+{_MOST_OF}|in\s+(?=\d{{1,3}}\s+(?:countries|states|nations)\b))"
    # "signed by delegates from 121 countries": the states their envoys stand for
    r"(?:(?:delegates|delegations|representatives|envoys|ministers|officials|leaders)\s+(?:from|of)\s+)?"
    + _EXTRA
    + _QUAL
    + _NUM
    + rf"(?:[ \t]+{_NOUN})?\b",
    re.I,
)
# Between the participants and the verb, who they are, told in passing: "(the Marshall Islands)", ", including
# Chile,", "that", "which". A name (case-sensitive in any pattern): "Thailand", "Bosnia and Herzegovina,".
_NAME = r"(?-i:(?>[A-Z][\w'’.-]*(?:\s+(?:of\s+|and\s+(?=[A-Z]\w*\s*,))?[A-Z][\w'’.-]*){0,3}))"
_ASIDE = (
    r"(?:\s+from\s+(?:(?:all|every|many|various)\s+(?:continents?|regions?|parts?)(?:\s+of\s+the\s+world)?|"
    r"across\s+the\s+(?:world|globe)|around\s+the\s+world|all\s+over\s+the\s+world))?"
    # "(among the 173 States parties to it)", wrapped over a line; a footnote mark before it ("States 2 (")
    r"(?:[ \t]+\d{1,2}(?=[ \t]*\())?(?:\s*\([^()]{1,60}\))?"
    r"(?:\s*,\s*(?:including|such\s+as|notably|among\s+them|with(?=[^,.;\n]{1,60}\bamong\s+them\b))\b[^,.;\n]{1,80},?)?"
    rf"(?:\s+including\s+{_NAME}(?:\s*,\s*{_NAME}){{0,8}}(?:\s*,?\s+and\s+{_NAME})?)?"
    r"(?:\s*,\s*or\s+[^,.;\n]{1,40},)?"  # "95 countries, or 49% of all states, have ratified"
    # "183 States, representing the vast majority of ..., have signed", "39 states, nine of which are EU ..."
    r"(?:\s*,\s*(?:representing|accounting\s+for|comprising|covering|constituting|making\s+up|"
    r"[\w-]+\s+of\s+(?:which|whom|them)\s+(?:are|were))\b[^,.;\n]{1,100},)?"
    # "The following 102 States, in alphabetical order, have deposited": how the list after it is ordered
    r"(?:\s*,\s*(?:in\s+(?:alphabetical|chronological)\s+order|listed\s+(?:below|above|here))\s*,)?"
    # "143 governments, two-thirds of the world's countries, have ratified": their share, told aside
    r"(?:\s*,\s*(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?(?:\d{1,3}\s*(?:%|per\s*cent)|"
    r"[a-z]+-(?:thirds?|quarters?|fifths?)|half|a\s+third|a\s+quarter)\s+of\s+[^,.;\n]{1,40},)?"
    # "Eight States, Thailand, Gabon, ... and Montenegro have ratified", "One state, the United States, has"
    rf"(?:\s*,\s*(?:the\s+)?{_NAME}(?:(?:\s*,\s*{_NAME}){{0,60}}\s*,?\s+and\s+(?:the\s+)?{_NAME})?\s*,?"
    r"(?=\s+(?:have|has|had|were|are|was|is)\s))?"
    # "..., mainly from Africa, signed", "..., basically Latin American, ...", "..., apart from X, are"
    r"(?:\s*,\s*(?:(?:primarily|mainly|mostly|chiefly|largely|predominantly|basically|essentially)\s+|"
    r"apart\s+from\s+|except\s+(?:for\s+)?|besides\s+|other\s+than\s+)[^.;\n]{1,100}?,)?"
    # "185 countries -- over ninety percent of the members -- are party", "five countries—Jamaica—have"
    r"(?:\s*(?:--|—|–)\s*[^—–.;\n]{1,200}?\s*(?:--|—|–)|\s+-(?=\s)\s*[^—–.;\n]{1,80}?\s*(?<=\s)-(?=\s)|"
    # "Two-thirds of all member states – 132 countries – have ratified": the count told in a dash aside (or
    # between commas: "three-fourths of the world, 174 nations, have agreed to be bound")
    r"\s*(?:--|—|–|,)(?=\s*(?:have|has|had|are|were)\s))?"
    # "one country, Jamaica, ratified": the one counted, named.
    rf"(?:\s*,\s*{_NAME}\s*,(?=\s+(?:have\s+|has\s+|had\s+)?(?:signed|ratified|acceded|joined)\b))?"
    # "81 countries and the European Community signed": the states counted, and the one union beside them
    rf"(?:\s+{UNION_BESIDE})?"
)
_ADVERBS = rf"(?:(?:{ADVERB_WORDS}|only|either)\s+|{DASH_ASIDE})*"  # (an aside: "now – in May – signed")
_BEFORE_AUX = r"(?:(?:already|now|still|currently|also)\s+)?"  # "113 States which already are Party to"
_VERB = (
    r"(?P<verb>signed\s+or\s+(?:acceded|ratified)|ratified\s+or\s+signed|signed\s+and\s+ratified|ratified|acceded|joined\s+in(?=\s*[.,;]|$)|joined|"
    r"signed\s+up(?:\s+(?:to|for))?(?=\s+(?:the|this|its|it)\b)|signed\s+on\s*to(?=\s+(?:the|this|its|it)\b)|signed|"
    r"(?:expressed|notified)\s+(?:their\s+|its\s+)?consent\s+to\s+be\s+bound|come\s+on\s+board|"
    r"(?:become|been)\s+(?:a\s+)?(?:states?[\s-]*)?part(?:y|ies)|done\s+(?:so|this|likewise|the\s+same)|followed\s+suit|"
    r"followed(?=\s*[.;!]|\s*$)|(?:taken|made)\s+(?:that|this|the\s+same)\s+(?:step|commitment)|(?:become|been)\s+signator(?:y|ies)|"
    r"bec[oa]me\s+members?\s+of|put\s+their\s+(?:names|signatures?)\s+to|bound\s+themselves\s+(?:by|to)|"
    r"adhered(?=\s+to\s+(?:the\s+|its\s+)?(?-i:[A-Z])|\s+to\s+(?:it|the\s+(?:treaty|convention|protocol))\b)|"
    # "193 countries have accepted the CRC" (not "accepted the Committee's competence")
    r"accepted(?=\s+(?:the\s+|its\s+)?(?!(?-i:Committee|Court|Commission))(?-i:[A-Z])|\s+it\b|"
    r"\s+the\s+(?:document|text|instrument|treaty|convention|covenant|protocol)\b)|"
    r"agreed\s+to\s+be\s+bound|(?:(?<=have\s)|(?<=has\s)|(?<=had\s))(?:agreed\s+to\s+ban|banned)(?=\s+their\s+use\b|\s+(?:the\s+use\s+of\s+)?(?:anti-?personnel\s+)?(?:land-?\s?mines|mines|"
    r"cluster\s+(?:munitions|bombs)|chemical\s+weapons|nuclear\s+(?:weapons|tests?))\b)|committed\s+to(?=\s+(?:the|this|its)\s+(?-i:[A-Z]))|"
    r"deposit(?:ed|ing)\s+(?:their\s+|its\s+)?(?:instruments?\s+of\s+ratification|ratification\s+instruments?)|"
    # (a headline drops the article before its adjectives: "65 countries sign landmark Arms Trade Treaty")
    r"(?:sign|ratify|join|signing|ratifying|joining)(?=\s+(?:the\b|its\b|it\b|this\b|(?:(?-i:[a-z])[\w-]*\s+){0,2}(?-i:[A-Z])))|"
    # "began to sign yesterday the Convention", "100 countries gathered in Oslo this week to sign a treaty":
    # the signing told as begun, or as what they came for
    r"(?:began|begun|started)\s+(?:to\s+sign|signing)\b|(?:gathered|met|assembled|convened|came\s+together)"
    r"\b[^.;:\n]{0,40}?\s+to\s+sign(?=\s+(?:the|a|an|its|it|this)\b)|"
    # "166 have finished ratification", "have completed the ratification process"
    r"(?:completed|finished)\s+(?:the\s+|their\s+|its\s+)?ratification(?:\s+process(?:es)?)?|"
    r"part(?:y|ies)\s+to|states?[\s-]*part(?:y|ies)\s+to|signator(?:y|ies)\s+(?:to|of)|"
    r"bound\s+by|(?:(?<=\bare\s)|(?<=\bis\s)|(?<=\bwere\s)|(?<=\bwas\s))part(?:y|ies)|"
    r"(?:(?<=\bare\s)|(?<=\bwere\s))part\s+of(?=\s+(?:the|its|this)\s)|"  # "118 nations are part of the CCW"
    # "81 countries in the world are members of the convention" (not "of the European Union"), "160 States
    # take part in the Convention"
    r"(?:(?<=\bare\s)|(?<=\bwere\s)|(?<=\bare\salso\s)|(?<=\bare\snow\s))members\s+of(?=\s+(?:the|its|this)\s)"
    r"(?!\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:union|council|organi[sz]ation|alliance|league|nations|group)\b)|"
    r"take\s+part\s+in(?=\s+(?:the|its|this)\s)|participate\s+in(?=\s+(?:the|its|this)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:treaty|convention|protocol|covenant)\b)|belong\s+to(?=\s+(?:the|its|this|an?)\s)|"
    # "52 countries, including X, who are signatories but not yet parties"
    r"(?:(?<=\bare\s)|(?<=\bwere\s)|(?<=\bnow\s))signatories\b|consented|passed\s+ratifications|deposited\s+(?:their\s+|its\s+)?"
    r"instruments?\s+of\s+ratification)\b"
)
_ACTIVE = re.compile(
    _EXTRA
    + _QUAL
    + _NUM
    + r"(?:[ \t]*\(\d{1,3}\))?"  # "fifty (50) States"
    + rf"[ \t]+{_NOUN}{cl.WHERE}{_ASIDE}(?:\s+|(?<=[—–]))(?:(?:that|which|who)\s+{_BEFORE_AUX})?"
    # "After Wednesday's ceremony, 31 governments will have ratified": the count on the day of the event
    + r"(?:(?:will\s+have|have|has|had|are|were|is|was|having|did)\s+)?"
    + _ADVERBS
    + _VERB,
    re.I,
)
# No noun, the participants told before: "of which 166 have also ratified it", "and 56 others signed".
_BARE = re.compile(
    r"(?:\b(?:and|of\s+which|of\s+whom|of\s+these|of\s+them|while|whereas|but|another|a\s+further|with|the|now|today)"
    r"\s+|[,;:–—]\s*|(?<=[.!?]\s)|^)(?:(?:so|thus)\s+far,?\s+|to\s+date,?\s+)?(?:(?:only|just)\s+)?"
    + _QUAL
    + _NUM
    + r"\s+(?:others\s+(?:(?:that|which|who)\s+)?(?:(?:have|has|had|are|were)\s+)?|"
    r"(?:other\s+|more\s+)?(?:(?:that|which|who)\s+)?(?:(?:have|has|had|having|are|were)\s+))"
    + _ADVERBS
    + _VERB,
    re.I,
)
# "177 states have signed the treaty, 140 of which have ratified it": those of the count before who did more.
_OF_WHICH_AFTER = re.compile(
    r"(?:[,;]\s*|\band\s+)"
    + _QUAL
    + _NUM
    + r"\s+of\s+(?:which|whom|them|these)\s+(?:(?:have|has|had|are|were)\s+)?"
    + _ADVERBS
    + _VERB,
    re.I,
)
# "when one country ratified it": an event of the day ("and 1 Member State ratified it" is a count).
_EVENT_LEAD = re.compile(r"\b(?:when|after|as|once|until|before|if|since)\s+(?:only\s+)?$", re.I)
# A headline's count starts a line (in the 200 characters before it), after spaces, a list mark, a kicker
# ("Torture ban: 150 ...") or a state beside it ("Nigeria and 59 countries sign UN treaty").
_HEADLINE_LEAD = re.compile(
    r"(?:^|\n)[ \t*#>-]*(?:[A-Z][^.:;!?\n]{0,40}:[ \t]+)?(?:[A-Z][\w'’-]*(?:,|\s+and)\s+)?$"
)
# "India stands behind 161 nations, including Pakistan, in ratifying", "joined over 140 countries in signing",
# "joined over 100 other countries by signing", "joins 141 other nations who have already signed".
_BEHIND = re.compile(
    r"\b(?:behind|join(?:s|ed|ing)?(?:\s+the)?)\s+"
    + _QUAL
    + _NUM
    + r"\s+(?:other\s+)?"
    + STATES
    + r"\b"
    + _ASIDE
    + r"\s+(?:in\s+|by\s+(?=signing)|(?:that|who)\s+ha(?:ve|d)\s+(?:already\s+)?(?=signed)|as\s+\w+\s+"
    r"(?:(?:is|are|has|have)\s+(?:yet\s+to|not\s+yet)|(?:is|are|has|have)n['’]t\s+yet)\s+)"
    r"(?P<verb>ratifying|signing|joining|acceding\s+to|ratify|sign|join|accede\s+to|ratified|signed|joined)\b",
    re.I,
)
_NEEDS = {**cl.NEEDS, **_NOUN_NEEDS}
_PATTERNS = (
    cl.SIGNATORIES_NOT,
    cl.NOT_DESPITE,
    _BEHIND,
    cl.JOIN_OTHER_SIGNERS,
    cl.JOIN_OTHERS,
    cl.THAT_NUMBER,
    cl.BROUGHT_TO,
    cl.ACCEPTED_BY_JOINING,
    cl.ONE_OF,
    cl.STAT_LINE,
    cl.OPCW_MEMBERS,
    cl.ACTS_FROM,
    cl.WITH_OF_THOSE,
    cl.AMONG_THE,
    cl.AS_STANDING,
    _BINDS,
    _TREATY_MEMBERS,
    _OPENED_BY,
    cl.NUMBER_WHO,
    _PASSIVE,
    cl.SIGNING_BY,
    _ACTIVE,
    _BARE,
    _OF_WHICH_AFTER,
    _ARE,
    _BRINGING,
    _IN_FORCE,
    cl.FROM_SINCE,
    _NUMBER_OF,
    _WHOSE_NUMBER,
    _TIMES,
    _NATION_TREATY,
    _AND_TO,
    cl.NUMBER_OF_BARE,
    cl.NUMBER_APPOSED,
    cl.NUMBER_BRACKETED,
    cl.TALLY,
    cl.TOTAL_NOW,
    _HAS,
    _STATES_ACTS,
    cl.REACHES,
    cl.FOR_TOTAL,
    cl.FOR_TOTAL_DONE,
    cl.MEMBERSHIP,
    cl.NOUN_NUMBER,
    cl.IN_ALL,
)
# The patterns told by a noun (no verb group): their measure is the noun's (measures.csv).
_NOUN_PATTERNS = frozenset(p for p in _PATTERNS if "verb" not in p.groupindex)
# The patterns whose phrase starts at the number (or its qualifier), not at the words told before it.
_FROM_NUMBER = frozenset(
    (_BINDS, _TREATY_MEMBERS, _BARE, _OF_WHICH_AFTER, _ARE, _IN_FORCE, cl.ONE_OF, cl.TALLY, cl.NUMBER_OF_BARE)
)
_FROM_NUMBER |= {cl.NUMBER_APPOSED, cl.JOIN_OTHERS, cl.JOIN_OTHER_SIGNERS, _BEHIND, cl.IN_ALL}


_BROUGHT_NOUN = re.compile(r"\b(?:membership|parties|signatories|ratifications)\b", re.I)


def read_counts(text: str, sentences: Spans | None = None) -> tuple[list[CountMatch], list[Skipped]]:
    """Every count statement in the text, in order, one per number (the first pattern that fits wins),
    and the numbers a pattern fitted but set aside, with the reason."""
    found: dict[int, CountMatch] = {}
    skipped: dict[int, Skipped] = {}
    thresholds, rules = threshold_matches(text)
    for c in [*infobox_matches(text), *nth_to_matches(text), *thresholds]:
        found.setdefault(c.number_start, c)
    shares, set_off = share_matches(text)
    set_off = [*set_off, *rules]
    for c in [*shares, *told_apart(text)]:
        found.setdefault(c.number_start, c)
    blocked = {k.number_start for k in set_off}
    skipped.update({k.number_start: k for k in set_off})
    threshold_ends = sorted(c.end for c in found.values() if c.kind == KIND_THRESHOLD)
    for pattern in _PATTERNS:
        if (need := _NEEDS.get(pattern)) is not None and not need.search(text):
            continue
        for m in pattern.finditer(text):
            num_start = m.start("num")
            if num_start in found or num_start in blocked or is_label(text, num_start):
                continue
            try:
                figure = parse_number(m.group("num"))
            except ValueError:
                continue
            groups = m.groupdict()
            tail = text[(t0 := m.end("verb") if pattern is cl.NUMBER_WHO else m.end()) : t0 + 160]
            why = None
            if pattern in _NOUN_PATTERNS:
                measure = measure_for(groups["noun"], tail)
            else:
                verb = re.sub(r"\s+", " ", groups["verb"])
                if pattern is cl.BROUGHT_TO and (told := _BROUGHT_NOUN.search(m.group(0))):
                    # "bringing membership of the treaty to 62" (a treaty's members are parties), "brings the
                    # ATT's signatories to 130": the noun tells what is counted
                    verb = "parties" if told.group(0).lower() == "membership" else told.group(0)
                elif points_back(verb) or pattern in (cl.THAT_NUMBER, cl.BROUGHT_TO, cl.TOTAL_NOW):
                    # "Ghana signed on 3 May, becoming one of only 4 countries to have done so"
                    if not (verb := done_before(text, m.start(), latest=pattern is cl.THAT_NUMBER)):
                        continue
                not_parties = pattern in (cl.SIGNATORIES_NOT, cl.NOT_DESPITE)
                measure = MEASURE_SIGNED_NOT_PARTIES if not_parties else measure_for(verb, tail)
                auxiliary = re.search(r"\b(?:have|has|had|are|is|were|was)\b", m.group(0), re.I)
                if pattern is _ACTIVE and _NEGATED.search(text[m.start("noun") : m.start("verb")]):
                    why = REASON_NOT_UNDERSTOOD  # "177 states have not ratified" is not a count of parties
                elif re.match(r"signed\s+or\b|ratified\s+or\s+signed", verb, re.I):
                    why = REASON_TOTAL  # "120 countries have signed or acceded": two measures together
                elif (
                    pattern is _ACTIVE
                    and figure == 1
                    and not auxiliary
                    and _EVENT_LEAD.search(text, max(0, num_start - 40), num_start)
                ):
                    why = REASON_NOT_UNDERSTOOD  # "when one country ratified it": an event of the day
                elif (
                    pattern is _ACTIVE
                    and groups["verb"].lower() in ("sign", "ratify", "join")
                    and _HEADLINE_LEAD.search(text, max(0, m.start() - 200), m.start()) is None
                ):
                    continue  # the present tells a past count only in a headline: "67 countries sign the ATT"
            if why:
                skipped.setdefault(num_start, Skipped(num_start, m.end("num"), why))
                continue
            if pattern is _HAS and groups["noun"].lower().startswith("part"):
                # "the two parties agreed", "between two parties": the parties to a dispute, not a count.
                if figure < 3 and re.search(
                    r"\b(?:the|between|both|of)\s+$", text[max(0, m.start() - 12) : m.start()], re.I
                ):
                    continue
            if cl.ALL_BUT.search(text[max(0, num_start - 16) : num_start]):
                # "All but one UN member state have ratified": the count is of those left out.
                skipped.setdefault(num_start, Skipped(num_start, m.end("num"), REASON_NOT_UNDERSTOOD))
                continue
            if NOT_STATES_AFTER.match(text[m.end("num") : m.end("num") + 30]):
                continue  # "signed by 2 million people": not a count of states
            if is_year(figure, m.group("num")):
                continue  # a year ("in 2009 states..."), not a count
            qual = groups.get("qual")
            noun = groups.get("noun")
            start = num_start if pattern in _FROM_NUMBER else m.start()
            if pattern in _FROM_NUMBER and qual:
                start = m.start("qual")
            kind = (
                KIND_THRESHOLD
                if pattern is _BARE and cl.after_threshold(text, threshold_ends, m.start(), m.end())
                else None
            )
            if kind:
                insort(threshold_ends, m.end())
            found[num_start] = CountMatch(
                kind=kind or KIND_COUNT,
                figure=figure,
                measure=measure,
                comparison=comparison_for(qual),
                qualifier=qualifier_key(qual),
                noun=re.sub(r"\s+", " ", noun.lower()) if noun else None,
                start=start,
                end=m.end(),
                number_start=num_start,
                number_end=m.end("num"),
                phrase=re.sub(r"\s+", " ", text[start : m.end()].strip()),
            )
    sentences = Spans(split_sentences(text)) if sentences is None else sentences
    for extra in told_together(text, [found[k] for k in sorted(found)], sentences):
        if extra.number_start not in blocked:
            found.setdefault(extra.number_start, extra)
    counts = []
    for k in sorted(found):
        why = why_not_a_count(text, found[k])
        if why:
            skipped[k] = Skipped(k, found[k].number_end, why)
        elif found[k].qualifier is None and (after := comparison_after(text, found[k].number_end)):
            counts.append(replace(found[k], comparison=after))  # "170-odd countries", "25 or so states"
        else:
            counts.append(found[k])
    counts, aside = set_aside(text, counts, sentences, list(skipped.values()))
    skipped.update({k.number_start: k for k in aside})
    return signatories_beside_parties(text, by_mode(text, counts, sentences), sentences), sorted(
        skipped.values(), key=lambda x: x.number_start
    )


def find_counts(text: str) -> list[CountMatch]:
    """Every count statement in the text, in order; one per number (the first pattern that fits wins)."""
    return read_counts(text)[0]
