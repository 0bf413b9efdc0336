"""The weighted in-order alignment of a treaty title's words with a run of a text's words: how the treaty
stage scores a title written out, more or less whole, in a sentence."""

from __future__ import annotations

from collections.abc import Callable


def align(
    title: list[str], window: list[str], weight: Callable[[str], float]
) -> tuple[float, float, int, int, set[str]]:
    """In-order best alignment of title words in window words (weighted LCS).

    Returns (matched weight, precision, first, last): precision is the matched share of the window's
    weight between the first and last matched words, so a title spread thin over a sentence scores low.
    """
    # Only the window's words the title has can align; the others would copy their left neighbour's
    # cell in every row, so they are left out of the table and each kept column remembers where it
    # stands in the window (the alignment and its trace back are the same as over the whole window).
    in_title = set(title)
    at = [j for j, x in enumerate(window) if x in in_title]
    kept = [window[j] for j in at]
    n, m = len(title), len(kept)
    # dp[i][j]: best weight aligning title[:i] with kept[:j]
    dp = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        ti = title[i - 1]
        wi = weight(ti) or 0.05  # stopwords help alignment a little, never dominate
        row, prev = dp[i], dp[i - 1]
        for j in range(1, m + 1):
            best = row[j - 1] if row[j - 1] > prev[j] else prev[j]
            if kept[j - 1] == ti and prev[j - 1] + wi > best:
                best = prev[j - 1] + wi
            row[j] = best
    # Trace back the matched window positions, each at its earliest (a title word the sentence repeats
    # later, "... Political Rights, ... their rights", is matched where the title says it).
    i, j, hits = n, m, []
    while i > 0 and j > 0:
        if dp[i][j - 1] >= dp[i][j] - 1e-9:
            j -= 1
        elif (
            title[i - 1] == kept[j - 1]
            and abs(dp[i][j] - (dp[i - 1][j - 1] + (weight(title[i - 1]) or 0.05))) < 1e-9
        ):
            hits.append(at[j - 1])
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
