"""Claim-check output: plain text, JSON and Markdown reports, and an annotated Markdown copy of the text."""

from __future__ import annotations

import json

from pipeline.claims.check import ClaimCheck, ClaimReport
from pipeline.claims.extract import MEASURE_PARTIES


def _claimed(c: ClaimCheck) -> str:
    cl = c.claim
    q = f"{cl.qualifier} " if cl.qualifier else ""
    when = f'as of {cl.claimed_on.isoformat()} ("{cl.date_text}")' if cl.claimed_on else "undated"
    return f"{q}{cl.figure} {cl.measure}, {when}"


def _treaty(c: ClaimCheck) -> str:
    if c.mtdsg_no is None:
        return "(none found)"
    short = f" {c.short_name}" if c.short_name else ""
    how = {
        "override": "given with --treaty",
        "named": "named in the sentence",
        "reference": f'"{c.claim.treaty_text}" refers back to the last {c.mtdsg_no} mention',
        "before": "nearest treaty named before the claim",
        "after": "first treaty named after the claim",
    }.get(c.claim.link, c.claim.link)
    title = f" - {c.title}" if c.title else ""
    return f"{c.mtdsg_no}{short}{title} ({how})"


def _since_lines(c: ClaimCheck) -> list[str]:
    if c.claim.claimed_on is None:
        return []
    joined = [n for n in c.newcomers if n.change == "joined"]
    signed = [n for n in c.newcomers if n.change == "signed"]
    day = c.claim.claimed_on.isoformat()
    out = []
    for label, group in (("joined", joined), ("signed", signed)):
        if group:
            items = "; ".join(f"{n.name} ({n.action or n.change} {n.on.isoformat()})" for n in group)
            out.append(f"{label} since {day} ({len(group)}): {items}")
        else:
            out.append(f"{label} since {day}: nobody")
    return out


def render_text(report: ClaimReport) -> str:
    """A plain-text report, one block per claim."""
    if report.message:
        return report.message + "\n"
    n = len(report.checks)
    lines = [f"{report.name}: {n} claim{'s' if n != 1 else ''}", ""]
    for i, c in enumerate(report.checks, 1):
        cl = c.claim
        lines.append(f'{i}. "{cl.phrase}" (line {cl.line})')
        lines.append(f"   treaty:  {_treaty(c)}")
        lines.append(f"   claims:  {_claimed(c)}")
        if c.figure_then is not None and c.then_date is not None:
            lines.append(f"   then:    {c.figure_then} {cl.measure} on {c.then_date.isoformat()}")
        if c.figure_now is not None:
            src = f", {c.source}" if c.source else ""
            lines.append(f"   now:     {c.figure_now} {cl.measure}, status as at {c.now_as_at}{src}")
        lines.append(f"   verdict: {c.verdict}: {c.explanation}")
        lines += [f"   {s}" for s in _since_lines(c)]
        if c.word_note:
            lines.append(f"   words:   {c.word_note}")
        lines += [f"   note:    {s}" for s in c.notes]
        if c.then_basis:
            lines.append(f"   basis:   {c.then_basis}")
        lines.append("")
    return "\n".join(lines)


def render_json(report: ClaimReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(report: ClaimReport) -> str:
    """A Markdown report: a summary table, then the details of each claim."""
    if report.message:
        return report.message + "\n"
    lines = [
        f"# Claims in {report.name}",
        "",
        "| # | claim | treaty | claimed | then | now | verdict |",
        "|---|---|---|---|---|---|---|",
    ]
    for i, c in enumerate(report.checks, 1):
        cl = c.claim
        then = f"{c.figure_then} on {c.then_date}" if c.figure_then is not None else ""
        now = f"{c.figure_now} as at {c.now_as_at}" if c.figure_now is not None else ""
        cells = [str(i), _md(cl.phrase), c.mtdsg_no or "", _md(_claimed(c)), then, now, c.verdict]
        lines.append("| " + " | ".join(cells) + " |")
    for i, c in enumerate(report.checks, 1):
        lines += ["", f"## {i}. {_md(c.claim.phrase)}", "", f"> {c.claim.sentence}", ""]
        lines.append(f"- treaty: {_md(_treaty(c))}")
        lines.append(f"- verdict: **{c.verdict}**: {c.explanation}")
        lines += [f"- {s}" for s in _since_lines(c)]
        if c.word_note:
            lines.append(f"- words: {c.word_note}")
        lines += [f"- note: {s}" for s in c.notes]
        if c.source:
            lines.append(f"- source: <{c.source}>")
    return "\n".join(lines) + "\n"


def _footnote(c: ClaimCheck) -> str:
    cl = c.claim
    if c.figure_now is None:
        return f"{c.verdict}."
    name = f"{c.mtdsg_no} ({c.short_name})" if c.short_name else str(c.mtdsg_no)
    text = f"{name}: {c.figure_now} {cl.measure} as at {c.now_as_at}"
    if cl.claimed_on is not None and c.figure_then is not None:
        text += f"; {c.figure_then} on {cl.claimed_on.isoformat()}, the date the text claims for"
    text += f". Verdict: {c.verdict}."
    joined = [
        n.name for n in c.newcomers if n.change == ("joined" if cl.measure == MEASURE_PARTIES else "signed")
    ]
    if joined:
        text += f" Since then: {', '.join(joined)}."
    if c.source:
        text += f" Source: <{c.source}>"
    return text


def render_annotated(text: str, report: ClaimReport) -> str:
    """A Markdown copy of `text` with each claim in bold and a footnote giving today's figure and source."""
    out: list[str] = []
    pos = 0
    for i, c in enumerate(sorted(report.checks, key=lambda c: c.claim.start), 1):
        start, end = c.claim.start, c.claim.end
        phrase = text[start:end]
        # Leading/trailing spaces inside ** would break Markdown emphasis.
        lead = len(phrase) - len(phrase.lstrip())
        trail = len(phrase) - len(phrase.rstrip())
        core = phrase.strip()
        out.append(text[pos : start + lead])
        out.append(f"**{core}**[^claim-{i}]")
        pos = end - trail
    out.append(text[pos:])
    body = "".join(out).rstrip("\n")
    notes = [
        f"[^claim-{i}]: {_footnote(c)}"
        for i, c in enumerate(sorted(report.checks, key=lambda c: c.claim.start), 1)
    ]
    return body + "\n\n" + "\n".join(notes) + "\n" if notes else body + "\n"
