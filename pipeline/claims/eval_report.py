"""The evaluation's report: each half's score, per kind of source, its misses by what went wrong, and every
miss (what `treaties check-claims --eval` prints)."""

from __future__ import annotations

import re

from pipeline.claims.evaluate import CATEGORIES, READ_ELSEWHERE, STAGES, EvalResult, TextScore, verdict_key


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


def same_figure_days(result: EvalResult) -> int:
    """The misreads that differ from the set only by the day they are dated to, on which the UN's figure was
    the one the set gives for its own day, so the verdict and the figures a reader sees are the same ("the
    100th ratification" dated by the deposit or by the release of the next day). Counted apart, never as
    right."""
    n = 0
    for m in result.misses:
        if m.what != "misread" or m.got is None or m.expected is None or ";" in m.why:
            continue
        match = _FIRST_DIFF.match(m.why)
        if match is None or match.group(1) != "date" or "None" in match.groups():
            continue
        then = m.expected.then.strip()
        if then.isdigit() and m.got.figure_then == int(then):
            n += 1
    return n


def missed_kinds(result: EvalResult) -> dict[str, int]:
    """The claims not found, by what became of their figure: listed unread (by reason) or not seen at all
    (no sentence about a treaty held it, or a pattern took it as something else), or read once for another
    claim of the same figure ("150 states have signed and ratified", which the set counts twice)."""
    kinds: dict[str, int] = {}
    for m in result.misses:
        if m.what == "missed":
            reason = m.why.partition("(unread: ")[2].rstrip(")") or (
                READ_ELSEWHERE if READ_ELSEWHERE in m.why else "not seen"
            )
            kinds[reason] = kinds.get(reason, 0) + 1
    return dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))


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
        f"{kinds['same year']} another day of the same year, {kinds['another year']} another year "
        f"({same_figure_days(result)} of them only another day with the same UN figure and verdict)"
        + (
            "\n  not found: " + ", ".join(f"{n} {reason}" for reason, n in missed_kinds(result).items())
            if counts["missed"]
            else ""
        )
    )


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
