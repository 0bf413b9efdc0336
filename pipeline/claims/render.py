"""Claim-check output: plain text, JSON and Markdown reports, and an annotated Markdown copy of the text."""

from __future__ import annotations

import json
import re
import textwrap

from pipeline.claims.check import ClaimCheck, ClaimReport
from pipeline.claims.extract import KIND_THRESHOLD, MEASURE_PARTIES, MEASURE_WORDS, Claim

_DATE_SOURCES = {
    "sentence": "",
    "paragraph": ", from an earlier sentence",
    "body": ", as the body tells the claim its headline restates",
    "byline": ", the text's byline or dateline",
    "note": ", from the note its mark points to",
    "written-on": ", from --written-on",
    "record": ", from the record",
    "text": ", another day the text tells, on which the record bears the figure out",
}


def _what(cl: Claim) -> str:
    return f"{cl.mode}s" if cl.mode else MEASURE_WORDS.get(cl.measure, cl.measure)


def _claimed(c: ClaimCheck) -> str:
    cl = c.claim
    q = f"{cl.qualifier} " if cl.qualifier else ""
    if cl.kind == KIND_THRESHOLD:
        return f"{q}{cl.figure} consents brought (or bring) it into force"
    if cl.claimed_on:
        how = _DATE_SOURCES.get(cl.date_source or "", "")
        when = f'as of {cl.claimed_on.isoformat()} ("{cl.date_text}"{how})'
    else:
        when = "undated"
    return f"{q}{cl.figure} {_what(cl)}, {when}"


def _treaty(c: ClaimCheck) -> str:
    if c.mtdsg_no is None:
        return "(none found)"
    short = f" {c.short_name}" if c.short_name else ""
    how = {
        "override": "given with --treaty",
        "named": "named in the sentence",
        "reference": f'"{c.claim.treaty_text}" refers back to {c.mtdsg_no}, named before (or its protocol)',
        "before": "nearest treaty named before the claim",
        "after": "first treaty named after the claim",
        "previous": "the treaty of the claim before it",
        "topic": "the protocol the text is about (its heading), not the parent named in passing",
        "subject": f'no title named; the treaty whose subject the text names ("{c.claim.treaty_text}", '
        "pipeline/claims/topics.csv)",
    }.get(c.claim.link, c.claim.link)
    if c.claim.treaty_via == "common name" and c.claim.treaty_text:
        how += f'; "{c.claim.treaty_text}" is a common name (pipeline/catalog/treaty_names.csv)'
    elif c.claim.treaty_via == "short name" and c.claim.treaty_text:
        how += f'; "{c.claim.treaty_text}" is a short name'
    if c.claim.source == "infobox":
        how += "; read from an infobox row"
    title = f" - {c.title}" if c.title else ""
    return f"{c.mtdsg_no}{short}{title} ({how})"


# How many names a report for people lists of those who joined or signed since a claim's date; the rest
# are counted ("and 165 more"), and `--all` (or the json format) lists them all.
SINCE_SHOWN = 10


def _since_lines(c: ClaimCheck, shown: int | None = SINCE_SHOWN) -> list[str]:
    if c.claim.claimed_on is None or c.claim.kind == KIND_THRESHOLD:
        return []
    joined = [n for n in c.newcomers if n.change == "joined"]
    signed = [n for n in c.newcomers if n.change == "signed"]
    day = c.claim.claimed_on.isoformat()
    out = []
    for label, group in (("joined", joined), ("signed", signed)):
        if group:
            cut = group if shown is None else group[:shown]
            items = "; ".join(f"{n.name} ({n.action or n.change} {n.on.isoformat()})" for n in cut)
            if len(cut) < len(group):
                items += f"; and {len(group) - len(cut)} more (--all lists them)"
            out.append(f"{label} since {day} ({len(group)}): {items}")
        else:
            out.append(f"{label} since {day}: nobody")
    return out


def _unread_lines(report: ClaimReport) -> list[str]:
    """ "figures not checked": every number in a sentence about a treaty that was not read as a claim."""
    if not report.unread:
        return []
    lines = [f"figures not checked ({len(report.unread)}):"]
    for u in report.unread:
        lines.append(f'   line {u.line}: {u.figure} ({u.reason}): "{u.sentence}"')
    return lines


def render_text(report: ClaimReport, *, every_name: bool = False) -> str:
    """A plain-text report, one block per claim, then the figures not checked; of those who joined or
    signed since a claim's date, the first SINCE_SHOWN and a count (every_name: all)."""
    if report.message:
        return "\n".join([report.message, *_unread_lines(report)]) + "\n"
    n = len(report.checks)
    lines = [f"{report.name}: {n} claim{'s' if n != 1 else ''}", ""]
    for i, c in enumerate(report.checks, 1):
        cl = c.claim
        lines.append(f'{i}. "{cl.phrase}" (line {cl.line})')
        lines.append(f"   treaty:  {_treaty(c)}")
        lines.append(f"   claims:  {_claimed(c)}")
        if cl.kind == KIND_THRESHOLD:
            if c.then_date is not None:
                lines.append(f"   then:    consent number {cl.figure} deposited on {c.then_date.isoformat()}")
        elif c.figure_then is not None and c.then_date is not None:
            lines.append(f"   then:    {c.figure_then} {_what(cl)} on {c.then_date.isoformat()}")
            if c.then_range:
                low, high = c.then_range
                lines.append(
                    f"   range:   the record allows {low} to {high} (uncertain: {', '.join(c.uncertain)})"
                )
        if c.figure_now is not None:
            src = f", {c.source}" if c.source else ""
            lines.append(f"   now:     {c.figure_now} {_what(cl)}, status as at {c.now_as_at}{src}")
        lines.append(f"   verdict: {c.verdict}: {c.explanation}")
        lines += [f"   {s}" for s in _since_lines(c, None if every_name else SINCE_SHOWN)]
        if c.word_note:
            lines.append(f"   words:   {c.word_note}")
        lines += [f"   note:    {s}" for s in c.notes]
        if c.then_basis:
            lines.append(f"   basis:   {c.then_basis}")
        lines.append("")
    lines += _unread_lines(report)
    return "\n".join(lines) + ("\n" if report.unread else "")


# "   treaty:  ...", "   line 12: ...", "1. ...": a label, whose width its wrapped lines are indented to.
_LABEL = re.compile(r"^(?:\s*\d+\.\s|\s+[a-z][a-z ]*:\s+|\s+line \d+:\s|\s+)")


def wrap_report(text: str, width: int) -> str:
    """A plain-text report folded to `width` columns (a terminal's): each long line breaks between words,
    its continuation indented under the text after its label; a word longer than the width (an address)
    is never broken, so it stays one piece to copy."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        label = _LABEL.match(line)
        indent = " " * min(len(label.group(0)) if label else 0, width // 2)
        out.append(
            textwrap.fill(
                line,
                width=width,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(out)


def render_json(report: ClaimReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(report: ClaimReport) -> str:
    """A Markdown report: a summary table, then the details of each claim."""
    unread = ["", "## Figures not checked", "", "| line | figure | reason | sentence |", "|---|---|---|---|"]
    unread += [f"| {u.line} | {u.figure} | {u.reason} | {_md(u.sentence)} |" for u in report.unread]
    if report.message:
        return report.message + "\n" + ("\n".join(unread) + "\n" if report.unread else "")
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
    if report.unread:
        lines += unread
    return "\n".join(lines) + "\n"


def _footnote(c: ClaimCheck) -> str:
    cl = c.claim
    if c.figure_now is None:
        return f"{c.verdict}: {c.explanation}."
    name = f"{c.mtdsg_no} ({c.short_name})" if c.short_name else str(c.mtdsg_no)
    text = f"{name}: {c.figure_now} {_what(cl)} as at {c.now_as_at}"
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
    """A Markdown copy of `text` with each claim in bold and a footnote giving today's figure and source,
    and each figure not checked marked with a footnote saying why."""
    claims = sorted(report.checks, key=lambda c: c.claim.start)
    spans = [(c.claim.start, c.claim.end) for c in claims]
    unread = [u for u in report.unread if not any(a <= u.start < b for a, b in spans)]
    marks: list[tuple[int, int, str, str]] = []  # start, end, mark, footnote
    for i, c in enumerate(claims, 1):
        marks.append((c.claim.start, c.claim.end, f"claim-{i}", _footnote(c)))
    for j, u in enumerate(unread, 1):
        marks.append(
            (
                u.start,
                u.end,
                f"unread-{j}",
                f"not checked ({u.reason}): the checker could not read this figure.",
            )
        )
    marks.sort()
    out: list[str] = []
    pos = 0
    for start, end, mark, _ in marks:
        if start < pos:
            continue
        phrase = text[start:end]
        # Leading/trailing spaces inside ** would break Markdown emphasis.
        lead = len(phrase) - len(phrase.lstrip())
        trail = len(phrase) - len(phrase.rstrip())
        core = phrase.strip()
        out.append(text[pos : start + lead])
        out.append(f"**{core}**[^{mark}]" if mark.startswith("claim") else f"{core}[^{mark}]")
        pos = end - trail
    out.append(text[pos:])
    body = "".join(out).rstrip("\n")
    notes = [f"[^{mark}]: {note}" for _, _, mark, note in marks]
    return body + "\n\n" + "\n".join(notes) + "\n" if notes else body + "\n"
