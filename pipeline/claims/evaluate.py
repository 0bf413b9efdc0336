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
import re
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


def miss_counts(result: EvalResult) -> dict[str, int]:
    """The misses of a set by what went wrong: "missed", each stage of STAGES (the first it misread), and
    "spurious". The stage counts add up to the misreads."""
    counts = dict.fromkeys(("missed", *STAGES, "spurious"), 0)
    for m in result.misses:
        counts[m.why.split(" ", 1)[0] if m.what == "misread" else m.what] += 1
    return counts


_FIRST_DIFF = re.compile(r"^(treaty|date) (\S+) \(expected (\S+)\)")


def _family(no: str) -> str:
    """A treaty's family in the MTDSG numbering: IV-8-b and IV-8 are one ("IV-8")."""
    parts = no.split("-")
    return "-".join(parts[:2])


def misread_kinds(result: EvalResult) -> dict[str, int]:
    """The treaty and date misreads (as miss_counts puts them down) by how they went wrong: no treaty, the
    treaty's parent or protocol, another treaty; read undated where the set dates the claim, dated where
    the set leaves it undated, another day of the same year, another year."""
    kinds = dict.fromkeys(
        (
            "no treaty",
            "same family",
            "another treaty",
            "read undated",
            "dated, set undated",
            "same year",
            "another year",
        ),
        0,
    )
    for m in result.misses:
        match = _FIRST_DIFF.match(m.why) if m.what == "misread" else None
        if match is None:
            continue
        part, got, wanted = match.groups()
        if part == "treaty":
            kind = (
                "no treaty"
                if got == "None"
                else "same family"
                if _family(got) == _family(wanted)
                else "another treaty"
            )
        elif got == "None":
            kind = "read undated"
        elif wanted == "None":
            kind = "dated, set undated"
        else:
            kind = "same year" if got[:4] == wanted[:4] else "another year"
        kinds[kind] += 1
    return kinds


def _misses_line(result: EvalResult) -> str:
    counts = miss_counts(result)
    misread = ", ".join(f"{stage} {counts[stage]}" for stage in STAGES)
    kinds = misread_kinds(result)
    return (
        f"misses: {counts['missed']} not found; {sum(counts[s] for s in STAGES)} misread, by the first part "
        f"read wrong: {misread}; {counts['spurious']} spurious\n"
        f"  treaty misreads: {kinds['no treaty']} no treaty, {kinds['same family']} of its family "
        f"(parent or protocol), {kinds['another treaty']} another treaty; date misreads: "
        f"{kinds['read undated']} read undated (the set dates them), "
        f"{kinds['dated, set undated']} dated (the set does not), "
        f"{kinds['same year']} another day of the same year, {kinds['another year']} another year"
    )


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
        # Pair in text order: each expected claim takes the first unused check with its figure,
        # preferring one that reads it right.
        used: set[int] = set()
        for e in wanted:
            candidates = [i for i, c in enumerate(checks) if i not in used and c.claim.figure == e.figure]
            if not candidates:
                result.misses.append(Miss(t.name, "missed", e, None, "not found"))
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


def _line(label: str, scores: list[TextScore]) -> str:
    expected = sum(t.expected for t in scores)
    right = sum(t.right for t in scores)
    found = sum(t.found for t in scores)
    reported = sum(t.reported for t in scores)
    spurious = sum(t.spurious for t in scores)
    unread = sum(t.unread for t in scores)

    def pct(a: int, b: int) -> str:
        return f"{a / b:.0%}" if b else "-"

    return (
        f"{label}: {len(scores)} texts, {right} of {expected + spurious} right "
        f"({pct(right, expected + spurious)}), "
        f"found {found}/{expected} ({pct(found, expected)}), verdicts right among reported "
        f"{right}/{reported} ({pct(right, reported)}), spurious {spurious}, unread {unread}"
    )


def render_all(results: list[EvalResult]) -> str:
    """Each half's score, per kind of source, then its misses."""
    blocks = []
    for r in results:
        head = [f"== {r.name} =="] if r.name else []
        blocks.append("\n".join(head) + ("\n" if head else "") + render_eval(r))
    return "\n".join(blocks)


def render_eval(result: EvalResult) -> str:
    """The score and every miss, one block each."""
    lines = [
        f"evaluation: {result.right} of {result.expected + result.spurious} claims judged right "
        f"({result.score:.1%}); {result.texts} texts, {result.expected} expected claims, "
        f"{result.spurious} spurious",
        _line("all", result.scores),
    ]
    for category in CATEGORIES:
        group = [t for t in result.scores if t.category == category]
        if group:
            lines.append(_line(f"  {category}", group))
    lines.append(_misses_line(result))
    for m in result.misses:
        lines.append("")
        if m.expected is not None:
            e = m.expected
            when = e.claimed_on.isoformat() if e.claimed_on else "undated"
            lines.append(f"{m.what}: {m.file}: {e.figure} {e.measure} of {e.treaty}, {when}, {e.verdict}")
        else:
            lines.append(f"{m.what}: {m.file}")
        if m.got is not None:
            lines.append(f'   read: "{m.got.claim.phrase}" -> {m.got.mtdsg_no}, {verdict_key(m.got)}')
        lines.append(f"   why:  {m.why}")
    return "\n".join(lines) + "\n"
