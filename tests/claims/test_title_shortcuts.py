"""The treaty stage's shortcuts give what the whole computation gives: the title alignment leaves out the
window's words the title lacks (hits at their earliest included), and a sentence asks only the titles keyed
by its heaviest words."""

from __future__ import annotations

import random

from pipeline.claims.alignment import align
from pipeline.claims.treaties import TitleIndex
from tests.claims.test_extract import TREATIES


def _whole_table(title: list[str], window: list[str], weight) -> tuple[float, float, int, int, set[str]]:
    # The alignment over every word of the window, as it was written before the columns were left out.
    n, m = len(title), len(window)
    dp = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        wi = weight(title[i - 1]) or 0.05
        for j in range(1, m + 1):
            best = max(dp[i][j - 1], dp[i - 1][j])
            if window[j - 1] == title[i - 1] and dp[i - 1][j - 1] + wi > best:
                best = dp[i - 1][j - 1] + wi
            dp[i][j] = best
    i, j, hits = n, m, []
    while i > 0 and j > 0:
        if dp[i][j - 1] >= dp[i][j] - 1e-9:
            j -= 1
        elif (
            title[i - 1] == window[j - 1]
            and abs(dp[i][j] - dp[i - 1][j - 1] - (weight(title[i - 1]) or 0.05)) < 1e-9
        ):
            hits.append(j - 1)
            i, j = i - 1, j - 1
        elif dp[i - 1][j] >= dp[i][j - 1]:
            i -= 1
        else:
            j -= 1
    if not hits:
        return 0.0, 0.0, -1, -1, set()
    first, last = min(hits), max(hits)
    matched = sum(weight(window[k]) for k in hits)
    span = sum(weight(window[k]) for k in range(first, last + 1))
    return matched, (matched / span if span else 0.0), first, last, {window[k] for k in hits}


WEIGHTS = {"the": 0.0, "of": 0.0, "on": 0.0, "convention": 0.4, "rights": 1.1, "child": 2.3, "protocol": 0.9}


def weight(word: str) -> float:
    return WEIGHTS.get(word, 3.0)


def test_a_title_in_a_sentence_is_found_at_its_words() -> None:
    title = "convention on the rights of the child".split()
    window = "in 1990 the convention on the rights of the child entered into force with rights".split()
    matched, precision, first, last, hits = align(title, window, weight)
    assert (first, last) == (3, 9)  # "convention" to "child"
    assert hits == set(title)
    assert matched == sum(weight(w) for w in title)
    assert precision == 1.0


def test_leaving_out_the_other_words_changes_nothing() -> None:
    rng = random.Random(21)
    vocab = ["convention", "rights", "child", "protocol", "the", "of", "on", "sale", "torture", "states"]
    for _ in range(2000):
        title = [rng.choice(vocab) for _ in range(rng.randint(1, 8))]
        window = [rng.choice(vocab) for _ in range(rng.randint(0, 20))]
        assert align(title, window, weight) == _whole_table(title, window, weight), (title, window)


def test_titles_asked_by_their_heaviest_words_are_all_that_can_reach_half_their_weight() -> None:
    # The treaty stage asks a sentence only about the titles keyed by its words; every title whose words
    # in the sentence weigh half the title or more must be among them.
    index = TitleIndex(TREATIES)
    vocab = sorted({w for _, words in index._titles for w in words})
    rng = random.Random(25)
    for _ in range(3000):
        present = set(rng.sample(vocab, rng.randint(1, 12)))
        weighed = {
            i
            for i, (_, words) in enumerate(index._titles)
            if index._totals[i]
            and sum(index.weight(w) for w in set(words) & present) >= 0.5 * index._totals[i]
        }
        assert index._reachable(present) == weighed, present
