"""Scoring the claim checker on an evaluation set: real texts with every claim's reading written by hand.

A folder is either one set, or holds two halves that are sets: `dev/` (read while writing rules) and
`test/` (held out); each is scored apart, and within it each kind of source (`category:`).

A set is a folder holding `texts/*.txt` (a header of `key: value` lines, `---`, then the text) and
`expected.csv` (one row per claim: file, figure, treaty, measure, mode, claimed_on, verdict, then, now,
note). A claim is judged right when the checker finds it (same figure in the same file) and reads it
as written: same treaty, measure, mode and date, and the same verdict key. Expected claims it misses
and claims it finds that the set does not list both count against the score.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline.claims.check import (
    VERDICT_CURRENT,
    VERDICT_STALE,
    VERDICT_THRESHOLD_RIGHT,
    VERDICT_THRESHOLD_WRONG,
    VERDICT_WRONG,
    CachedStore,
    ClaimCheck,
    StoreLike,
    check_text,
    matches,
)

VERDICT_KEYS = (
    "current",
    "stale",
    "wrong",
    "undated-right",
    "undated-wrong",
    "threshold-right",
    "threshold-wrong",
)
_KEYS = {
    VERDICT_CURRENT: "current",
    VERDICT_STALE: "stale",
    VERDICT_WRONG: "wrong",
    VERDICT_THRESHOLD_RIGHT: "threshold-right",
    VERDICT_THRESHOLD_WRONG: "threshold-wrong",
}
_COLUMNS = ("file", "figure", "treaty", "measure", "mode", "claimed_on", "verdict", "then", "now", "note")


class EvalSetError(ValueError):
    """A malformed evaluation set: a missing file, header or column, or an unknown verdict."""


CATEGORIES = (
    "parliament",
    "government",
    "un-body",
    "ngo",
    "news",
    "academic",
    "encyclopedia",
    "press-release",
    "other",
)
HALVES = ("dev", "test")
# A claim not found whose figure the checker read, for another claim the set lists with the same figure.
READ_ELSEWHERE = "its figure read once, for another claim"


@dataclass(frozen=True)
class EvalText:
    name: str
    source: str
    written_on: date | None
    text: str
    category: str = "other"


@dataclass(frozen=True)
class TextScore:
    """How one text fared: its listed claims, those judged right and found, what the checker reported."""

    name: str
    category: str
    expected: int
    right: int
    found: int  # listed claims with a claim of their figure found (right or misread)
    reported: int  # claims the checker reported
    spurious: int
    unread: int  # figures it listed as not checked


@dataclass(frozen=True)
class Expected:
    file: str
    figure: int
    treaty: str
    measure: str
    mode: str | None
    claimed_on: date | None
    verdict: str
    then: str
    now: str
    note: str


@dataclass(frozen=True)
class Miss:
    """One claim the checker did not judge right: missed, read wrongly, or not a claim at all."""

    file: str
    what: str  # "missed", "misread" or "spurious"
    expected: Expected | None
    got: ClaimCheck | None
    why: str


@dataclass
class EvalResult:
    texts: int = 0
    expected: int = 0
    right: int = 0
    misses: list[Miss] = field(default_factory=list)
    scores: list[TextScore] = field(default_factory=list)
    name: str = ""  # the half ("dev", "test"), or "" for a set of its own

    @property
    def found(self) -> int:
        return sum(t.found for t in self.scores)

    @property
    def reported(self) -> int:
        return sum(t.reported for t in self.scores)

    @property
    def unread(self) -> int:
        return sum(t.unread for t in self.scores)

    @property
    def spurious(self) -> int:
        return sum(1 for m in self.misses if m.what == "spurious")

    @property
    def score(self) -> float:
        total = self.expected + self.spurious
        return self.right / total if total else 1.0


def verdict_key(check: ClaimCheck) -> str:
    """The verdict as one of VERDICT_KEYS ("undated-right" when an undated figure matches today's)."""
    if check.verdict in _KEYS:
        return _KEYS[check.verdict]
    if check.verdict.startswith("undated") and check.figure_now is not None:
        ok = matches(check.claim.figure, check.figure_now, check.claim.comparison)
        return "undated-right" if ok else "undated-wrong"
    return check.verdict


def _day(text: str, where: str) -> date | None:
    text = text.strip()
    if not text or text == "unknown":
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise EvalSetError(f"{where}: not an ISO date: {text!r}") from None


def load_text(path: Path) -> EvalText:
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise EvalSetError(f"{path}: no '---' line between the header and the text")
    meta = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if colon:
            meta[key.strip().lower()] = value.strip()
    if not meta.get("source"):
        raise EvalSetError(f"{path}: the header gives no source")
    category = meta.get("category", "other") or "other"
    if category not in CATEGORIES:
        raise EvalSetError(f"{path}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    return EvalText(path.name, meta["source"], _day(meta.get("date", ""), str(path)), body, category)


def load_set(folder: Path) -> tuple[list[EvalText], list[Expected]]:
    """The texts and expected readings of an evaluation set. Raises EvalSetError when malformed."""
    texts_dir, table = folder / "texts", folder / "expected.csv"
    if not texts_dir.is_dir() or not table.is_file():
        raise EvalSetError(f"{folder} is not an evaluation set (needs texts/ and expected.csv)")
    texts = [load_text(p) for p in sorted(texts_dir.glob("*.txt"))]
    names = {t.name for t in texts}
    rows = []
    with table.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != _COLUMNS:
            raise EvalSetError(f"{table}: columns must be {','.join(_COLUMNS)}")
        for n, r in enumerate(reader, 2):
            where = f"{table.name} line {n}"
            if r["file"] not in names:
                raise EvalSetError(f"{where}: no text {r['file']!r}")
            if r["verdict"] not in VERDICT_KEYS:
                known = ", ".join(VERDICT_KEYS)
                raise EvalSetError(f"{where}: verdict {r['verdict']!r} is not one of {known}")
            rows.append(
                Expected(
                    file=r["file"],
                    figure=int(r["figure"]),
                    treaty=r["treaty"],
                    measure=r["measure"],
                    mode=r["mode"] or None,
                    claimed_on=_day(r["claimed_on"], where),
                    verdict=r["verdict"],
                    then=r["then"],
                    now=r["now"],
                    note=r["note"],
                )
            )
    return texts, rows


# The reading's parts in the order the checker settles them; a misread is put down to the first part it
# got wrong (a wrong date usually makes the verdict wrong too: that is the date's miss, not the verdict's).
STAGES = ("treaty", "measure", "mode", "date", "verdict")


def _differences(e: Expected, c: ClaimCheck) -> list[str]:
    """What the check read differently from the expected reading, one "stage got (expected ...)" each, in
    the order of STAGES."""
    cl = c.claim
    out = []
    if c.mtdsg_no != e.treaty:
        out.append(f"treaty {c.mtdsg_no} (expected {e.treaty})")
    if cl.measure != e.measure:
        out.append(f"measure {cl.measure} (expected {e.measure})")
    if cl.mode != e.mode:
        out.append(f"mode {cl.mode} (expected {e.mode})")
    if cl.claimed_on != e.claimed_on:
        out.append(f"date {cl.claimed_on} (expected {e.claimed_on})")
    key = verdict_key(c)
    if key != e.verdict:
        out.append(f"verdict {key} (expected {e.verdict})")
    return out


def is_set(folder: Path) -> bool:
    return (folder / "texts").is_dir()


def evaluate_all(folder: Path, store: StoreLike) -> list[EvalResult]:
    """A set of its own, or each half (dev/, test/) that holds one; a half without texts is left out."""
    if is_set(folder):
        return [evaluate(folder, store)]
    halves = [folder / h for h in HALVES if is_set(folder / h) and any((folder / h / "texts").glob("*.txt"))]
    if not halves:
        raise EvalSetError(
            f"{folder} is not an evaluation set (needs texts/ and expected.csv, or dev/ and test/)"
        )
    store = store if isinstance(store, CachedStore) else CachedStore(store)
    return [evaluate(h, store, name=h.name) for h in halves]


def evaluate(folder: Path, store: StoreLike, *, name: str = "") -> EvalResult:
    """Run the checker on every text of the set (with the text's date as --written-on when the header
    gives one) and compare each claim with its expected reading."""
    texts, expected = load_set(folder)
    result = EvalResult(texts=len(texts), expected=len(expected), name=name)
    store = store if isinstance(store, CachedStore) else CachedStore(store)
    for t in texts:
        report = check_text(t.text, store, name=t.name, written_on=t.written_on)
        checks = list(report.checks)
        wanted = [e for e in expected if e.file == t.name]
        right = found = spurious = 0
        # Pair in text order: first each expected claim with the first unused check that reads it right
        # (rows of one figure carry no position: "by 50 States", "the 50th state party" and "the 50-state
        # minimum" are three rows of 50, and a right reading of the third is not lost to the first); then
        # each claim left with the unused check of its figure that differs least.
        used: set[int] = set()
        exact: dict[int, int] = {}
        for k, e in enumerate(wanted):
            hit = next(
                (i for i, c in enumerate(checks) if i not in used and c.claim.figure == e.figure
                 and not _differences(e, c)),
                None,
            )  # fmt: skip
            if hit is not None:
                exact[k] = hit
                used.add(hit)
        for k, e in enumerate(wanted):
            if k in exact:
                found += 1
                right += 1
                continue
            candidates = [i for i, c in enumerate(checks) if i not in used and c.claim.figure == e.figure]
            if not candidates:
                why = next(
                    (f"not found (unread: {u.reason})" for u in report.unread if u.figure == e.figure), None
                )
                if why is None and any(c.claim.figure == e.figure for c in checks):
                    why = f"not found ({READ_ELSEWHERE})"  # one reading of the figure, two claims set
                result.misses.append(Miss(t.name, "missed", e, None, why or "not found (not seen)"))
                continue
            found += 1
            best = min(candidates, key=lambda i: (len(_differences(e, checks[i])), i))
            used.add(best)
            diff = _differences(e, checks[best])
            if diff:
                result.misses.append(Miss(t.name, "misread", e, checks[best], "; ".join(diff)))
            else:
                right += 1
        for i, c in enumerate(checks):
            if i not in used:
                spurious += 1
                result.misses.append(Miss(t.name, "spurious", None, c, "not a claim the set lists"))
        result.right += right
        result.scores.append(
            TextScore(
                t.name, t.category, len(wanted), right, found, len(checks), spurious, len(report.unread)
            )
        )
    return result
