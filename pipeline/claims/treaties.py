"""The treaty stage of the claim reader: titles by token overlap, short and common names, generic references
("the Protocol", "its Optional Protocol") and the treaty each of them points to, protocol before parent.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from math import log

from pipeline.claims.alignment import align
from pipeline.claims.protocols import nth_protocol, protocol_mentions, protocols_first, without_glosses
from pipeline.claims.references import described_after_a_name
from pipeline.claims.references import kind_of as _kind_of
from pipeline.claims.sentences import split_sentences

_STOPWORDS = frozenset(
    "the of on to and in for a an by at with its their or concerning relating against between from as "
    "into is are be which that this".split()
)


# A treaty told by what it does: "the treaty regulating the arms trade", "a ban on nuclear weapons".
_BANNING = frozenset({"banning", "outlawing", "prohibiting", "to ban", "to outlaw", "to prohibit"})
_DESCRIBED = re.compile(
    r"\b(?P<head>treaty|convention|ban)\s+(?P<verb>regulating|banning|outlawing|prohibiting|governing|"
    r"to\s+(?:ban|regulate|prohibit|outlaw)|on|of|against)\s+(?:the\s+|all\s+)?"
    r"(?P<np>[\w-]+(?:[ \t]+[\w-]+){0,3})",
    re.I,
)


@dataclass(frozen=True)
class TreatyName:
    """A treaty a text may name: its MTDSG number, the UN's title and its short names (aliases)."""

    mtdsg_no: str
    title: str
    aliases: tuple[str, ...] = ()
    common_names: tuple[str, ...] = ()  # names people use ("Ottawa Treaty"), catalog/treaty_names.csv


@dataclass(frozen=True)
class TreatyMention:
    """Where the text names a treaty, and how well the words fit its title (1.0 for a short name)."""

    mtdsg_no: str
    start: int
    end: int
    text: str
    score: float
    kind: str | None  # "optional protocol", "convention"... the kind of treaty the title names
    via: str = "title"  # how it was recognised: "title", "short name" or "common name"


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def _tokens(s: str) -> list[tuple[str, int, int]]:
    """(word, start, end) in the folded text; positions index the original string (ascii-folding keeps
    one character per character for Latin text, which is all a treaty title needs)."""
    folded = s.lower() if s.isascii() else "".join((_fold(c) or " ")[:1] for c in s)
    return [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[a-z0-9]+", folded)]


def _alternation(names: dict[str, list[tuple[str, str]]], flags: int) -> re.Pattern[str] | None:
    """One pattern for all `names`, longest first, each standing alone (not inside a longer word)."""
    if not names:
        return None
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


class TitleIndex:
    """Token-overlap matching of free text against treaty titles and short names."""

    def __init__(self, treaties: Iterable[TreatyName]):
        self.treaties = list(treaties)
        self._titles: list[tuple[TreatyName, list[str]]] = []
        df: dict[str, int] = {}
        for t in self.treaties:
            words = [w for w, _, _ in _tokens(t.title)]
            self._titles.append((t, words))
            for w in set(words):
                df[w] = df.get(w, 0) + 1
        n = max(len(self.treaties), 1)
        # Rare words ("prostitution") say more about which treaty is meant than common ones ("convention").
        self._weight = {w: log(1 + n / c) for w, c in df.items() if w not in _STOPWORDS}
        self._unknown_weight = log(1 + n)
        self.vocabulary = set(df) | _STOPWORDS
        self._kinds = {t.mtdsg_no: _kind_of(t.title) for t in self.treaties}
        self._parents: dict[str, str | None] = {}  # parent_of's answers
        self._totals = [sum(self.weight(x) for x in words) for _, words in self._titles]
        # How many titles open with each word sequence, to accept an unambiguous opening as a mention.
        self._prefixes: dict[tuple[str, ...], int] = {}
        self._alone: dict[tuple[str, ...], int] = {}  # for an opening of one title: which
        for i, (_, words) in enumerate(self._titles):
            for n in range(1, len(words) + 1):
                key = tuple(words[:n])
                self._prefixes[key] = self._prefixes.get(key, 0) + 1
                self._alone[key] = i
        # Short and common names, in one pattern each: acronyms as written ("CAT" is not "cat"), longer
        # names whatever their case. Each maps to the treaties that use it, in the treaties' order.
        self._acronym_names: dict[str, list[tuple[str, str]]] = {}
        self._names: dict[str, list[tuple[str, str]]] = {}
        for t in self.treaties:
            named = [(a, "short name") for a in t.aliases] + [(a, "common name") for a in t.common_names]
            for alias, via in named:
                if not alias:
                    continue
                if alias.isupper() and len(alias) <= 8:
                    self._acronym_names.setdefault(alias, []).append((t.mtdsg_no, via))
                else:
                    self._names.setdefault(alias.lower(), []).append((t.mtdsg_no, via))
        self._acronyms = _alternation(self._acronym_names, 0)
        self._names_re = _alternation(self._names, re.I)
        self._by_word: dict[str, set[int]] = {}
        for i, (_, words) in enumerate(self._titles):
            for w in words:
                if w in self._weight:
                    self._by_word.setdefault(w, set()).add(i)
        # A title reaches half its weight in a sentence only if the sentence has one of its heaviest
        # words: the words, heaviest first, until those left weigh less than half the title. A sentence
        # asks only the titles keyed by its words ("convention" keys few titles: most have heavier words).
        self._distinct = [{w for w in words if w in self._weight} for _, words in self._titles]
        self._keyed: dict[str, set[int]] = {}
        for i, distinct in enumerate(self._distinct):
            left = sum(self._weight[w] for w in distinct)
            for w in sorted(distinct, key=lambda x: (-self._weight[x], x)):
                if left < 0.5 * self._totals[i] - 1e-9:  # a margin for the sums' rounding: one key too many
                    break
                self._keyed.setdefault(w, set()).add(i)
                left -= self._weight[w]

    def kind(self, mtdsg_no: str) -> str | None:
        return self._kinds.get(mtdsg_no)

    @cached_property
    def _folded(self) -> dict[str, str]:
        """Each treaty's title, folded (lower case, ASCII, stripped): what the relations below compare."""
        return {t.mtdsg_no: _fold(t.title).strip() for t in self.treaties if t.title}

    def protocol_of(self, mtdsg_no: str, ordinal: str = "") -> str | None:
        """The optional protocol of that rank (protocols.nth_protocol)."""
        return nth_protocol(self._folded, mtdsg_no, ordinal)

    def parent_of(self, mtdsg_no: str) -> str | None:
        """The treaty a protocol's title names after "Protocol to the" (the longest title that fits)."""
        if mtdsg_no not in self._parents:  # found once: each claim's link asks again
            titles = self._folded
            _, to, rest = titles.get(mtdsg_no, "").partition("protocol to the ")
            found = [(len(t), m) for m, t in titles.items() if to and m != mtdsg_no and rest.startswith(t)]
            self._parents[mtdsg_no] = max(found)[1] if found else None
        return self._parents[mtdsg_no]

    def amendment_of(self, mtdsg_no: str) -> str | None:
        """The one amendment whose title is "Amendment to <...> of the <this treaty's title>", or None."""
        titles = self._folded
        if mtdsg_no not in titles:
            return None
        parent = re.sub(r"\s*\([^()]*\)\s*$", "", titles[mtdsg_no])  # "(with Protocols I, II and III)"
        found = [m for m, t in titles.items() if m != mtdsg_no and t.startswith("amendment") and parent in t]
        return found[0] if len(found) == 1 else None

    def weight(self, word: str) -> float:
        if word in _STOPWORDS:
            return 0.0
        return self._weight.get(word, self._unknown_weight)

    def _split_glued(self, tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """ "thesale" -> "the", "sale": copy-paste often drops the space between two title words."""
        out = []
        for w, s, e in tokens:
            if w not in self.vocabulary and len(w) >= 5 and not w.isdigit():
                for i in range(2, len(w) - 1):
                    a, b = w[:i], w[i:]
                    if (
                        a in self.vocabulary
                        and b in self.vocabulary
                        and (a in self._weight or b in self._weight)
                    ):
                        out += [(a, s, s + i), (b, s + i, e)]
                        break
                else:
                    out.append((w, s, e))
            else:
                out.append((w, s, e))
        return out

    def _span(
        self, tokens: list[tuple[str, int, int]], k: int, first: int, last: int, s_start: int, text: str
    ) -> tuple[int, int, str]:
        a = s_start + tokens[k + first][1]
        b = s_start + tokens[k + last][2]
        return a, b, text[a:b]

    def _reachable(self, present: set[str]) -> set[int]:
        """The titles whose words found in `present` weigh enough for a full match (the same bound
        _full_match checks per window, once per sentence)."""
        asked: set[int] = set()
        for w in present & self._keyed.keys():
            asked |= self._keyed[w]
        reachable = set()
        for idx in asked:
            got = 0.0
            for w in self._distinct[idx] & present:
                got += self._weight[w]
            if self._totals[idx] and got >= 0.5 * self._totals[idx]:
                reachable.add(idx)
        return reachable

    def _full_match(
        self,
        idx: int,
        window: list[str],
        tokens: list[tuple[str, int, int]],
        k: int,
        s_start: int,
        text: str,
        threshold: float,
    ) -> tuple[float, float, TreatyMention] | None:
        """The title, more or less whole, from window[0]: weighted in-order overlap with F1 >= threshold."""
        treaty, title = self._titles[idx]
        total = self._totals[idx]
        # Cheap bound first: even a perfect alignment cannot reach the threshold.
        if not total or sum(self.weight(x) for x in set(title) & set(window)) < 0.5 * total:
            return None
        matched, precision, first, last, hit_words = align(title, window, self.weight)
        if first != 0:
            return None  # a mention starts where the title's first matched word is
        kind = self.kind(treaty.mtdsg_no)
        if kind and not set(kind.split()) <= hit_words:
            return None  # "United Nations" alone does not name the Charter of the United Nations
        recall = matched / total
        if recall + precision == 0:
            return None
        f1 = 2 * recall * precision / (recall + precision)
        distinct = len({window[x] for x in range(first, last + 1) if self.weight(window[x]) > 0})
        if f1 < threshold or distinct < 2:
            return None
        a, b, said = self._span(tokens, k, first, last, s_start, text)
        return matched * f1, f1, TreatyMention(treaty.mtdsg_no, a, b, said, round(f1, 3), kind)

    def _opened_alone(self, words: list[str], k: int) -> int | None:
        """The title that some run of words from words[k] opens and no other title does, if any."""
        for n in range(k + 1, len(words) + 1):
            key = tuple(words[k:n])
            count = self._prefixes.get(key, 0)
            if count <= 1:
                return self._alone[key] if count else None
        return None

    def _prefix_match(
        self, idx: int, window: list[str], tokens: list[tuple[str, int, int]], k: int, s_start: int, text: str
    ) -> tuple[float, float, TreatyMention] | None:
        """The opening words of a long title that no other title opens with: "the Convention against
        Torture" for the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment..."""
        treaty, title = self._titles[idx]
        n = 0
        while n < min(len(title), len(window)) and title[n] == window[n]:
            n += 1
        while n and title[n - 1] in _STOPWORDS:
            n -= 1  # "Convention against Torture and": the "and" starts words the text did not write
        if n >= len(title) or n < 2:
            return None
        prefix = tuple(title[:n])
        kind = self.kind(treaty.mtdsg_no)
        weighted = [x for x in prefix if self.weight(x) > 0]
        if len(weighted) < 2 or (kind and not set(kind.split()) <= set(prefix)):
            return None
        if self._prefixes.get(prefix, 0) != 1:
            return None  # "Convention on the Rights of": the Child or Persons with Disabilities?
        matched = sum(self.weight(x) for x in prefix)
        a, b, said = self._span(tokens, k, 0, n - 1, s_start, text)
        # Only the opening words of a title as a title is written: in one run, in capitals ("the
        # Convention against Torture"), not "the protocol, bringing the number" (Protocol Bringing under
        # International Control Drugs...).
        # (a comma inside a title as written: "the Protocol to Prevent, Suppress and Punish Trafficking in
        # Persons")
        if re.search(r"[.;:()]|,(?!\s+(?-i:[A-Z]))", said) or any(
            w[:1].islower() for w in re.findall(r"[^\W\d_]+", said) if _fold(w) not in _STOPWORDS
        ):
            return None
        score = round(matched / self._totals[idx], 3)
        return matched * 0.5, score, TreatyMention(treaty.mtdsg_no, a, b, said, score, kind)

    def find_mentions(
        self, text: str, *, threshold: float = 0.7, sentences: Sequence[tuple[int, int]] | None = None
    ) -> list[TreatyMention]:
        """Titles and short names named in the text, in order, without overlaps."""
        candidates: list[tuple[float, float, TreatyMention]] = []
        for pattern, names, fold in (
            (self._acronyms, self._acronym_names, False),
            (self._names_re, self._names, True),
        ):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                said = m.group(0)
                for no, via in names[said.lower() if fold else said]:
                    mention = TreatyMention(no, m.start(), m.end(), said, 1.0, self.kind(no), via)
                    candidates.append((1e6 + len(said), 1.0, mention))
        candidates += [(1e5 + m.end - m.start, 0.9, m) for m in self._described(text)]
        sentences = split_sentences(text) if sentences is None else sentences
        for s_start, s_end in sentences:
            tokens = self._split_glued(_tokens(text[s_start:s_end]))
            words = [w for w, _, _ in tokens]
            present = set(words)
            # Titles that even a perfect alignment with the whole sentence could not reach are left out
            # once per sentence, not once per word (a long text asks this for every word).
            full = self._reachable(present)
            for k, w in enumerate(words):
                if w not in self._by_word:
                    continue
                # A title's opening counts only when no other title opens with the same words, so the one
                # title that some run of the words from here opens alone is the only opening to try.
                alone = self._opened_alone(words, k)
                for idx in sorted(full & self._by_word[w] | ({alone} if alone is not None else set())):
                    treaty, title = self._titles[idx]
                    # A title written out takes about as many words as it has: a longer window lets the
                    # alignment run on to the same words later in the sentence ("... Migrant Workers and
                    # Members of Their Families is a treaty governing the protection of migrant workers").
                    window = words[k : k + len(title) + 12]
                    found = None
                    if idx in full:
                        found = self._full_match(idx, window, tokens, k, s_start, text, threshold)
                    if found is None and idx == alone:
                        found = self._prefix_match(idx, window, tokens, k, s_start, text)
                    if found is not None:
                        candidates.append(found)
        # A title fitted loosely from the word where a name is written out exactly runs past that name into
        # the next ("the International Covenant on Civil and Political Rights and the International Covenant
        # on Economic, Social and Cultural Rights" is two): the name written out stands.
        exact_end = {m.start: m.end for key, _, m in candidates if key >= 1e6}
        candidates = [c for c in candidates if c[0] >= 1e6 or exact_end.get(c[2].start, c[2].end) >= c[2].end]
        # Longest, best-fitting first; a nested match (the Convention inside its Protocol's title) loses.
        # A common name inside a longer title ("Convention on the Rights of the Child" inside its
        # Optional Protocol's title) loses to the title: the longer span wins, then the better fit.
        candidates.sort(key=lambda c: (c[2].end - c[2].start, c[0], c[1], -c[2].start), reverse=True)
        accepted: list[TreatyMention] = []
        spans: list[tuple[int, int]] = []  # accepted spans, sorted and never overlapping
        for _, _, mention in candidates:
            i = bisect_right(spans, (mention.start, mention.end))
            if any(mention.start < e and s < mention.end for s, e in spans[max(0, i - 1) : i + 1]):
                continue
            insort(spans, (mention.start, mention.end))
            accepted.append(mention)
        accepted = described_after_a_name(accepted, sentences)
        glossed = without_glosses(self, text, protocols_first(self, text, accepted))
        return protocol_mentions(self, text, glossed)

    def _described(self, text: str) -> list[TreatyMention]:
        """A treaty told by what it does, whose words with its head noun make one of its names: "the
        treaty regulating the global arms trade" (Arms Trade Treaty), "the ban on nuclear weapons"
        (Nuclear Weapons Ban Treaty). The longest run of words after the verb that does so is taken."""
        out = []
        for m in _DESCRIBED.finditer(text):
            head = m.group("head").lower()
            heads = ["ban treaty", "prohibition treaty"] if head == "ban" else [head]
            if head != "ban" and m.group("verb").lower() in _BANNING:
                heads += ["ban " + head, "prohibition " + head]
            words = [(w.group(0).lower(), w.end()) for w in re.finditer(r"[\w-]+", m.group("np"))]
            best: tuple[int, str, int] | None = None
            for k in range(len(words), 0, -1):
                for i in range(k):
                    said = " ".join(w for w, _ in words[i:k])
                    # A noun before another is singular: "a ban on mines" is the Mine Ban Treaty.
                    forms = {said, said[:-1]} if said.endswith("s") and not said.endswith("ss") else {said}
                    for h, form in ((h, f) for h in heads for f in sorted(forms)):
                        for no, _ in self._names.get(f"{form} {h}", ()):
                            if best is None or k - i > best[0]:
                                best = (k - i, no, words[k - 1][1])
            if best is not None:
                end = m.start("np") + best[2]
                out.append(
                    TreatyMention(
                        best[1], m.start(), end, text[m.start() : end], 0.9, self.kind(best[1]), "description"
                    )
                )
        return out

    def match_title(self, name: str, *, threshold: float = 0.6) -> str | None:
        """The MTDSG number whose title (or short name) best fits `name`, or None."""
        found = self.find_mentions(name, threshold=threshold)
        if not found:
            return None
        return max(found, key=lambda x: (x.end - x.start, x.score)).mtdsg_no
