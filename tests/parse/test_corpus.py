"""The parser over every real saved page: UN totals reproduced, nothing crashes, golden outputs."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from pipeline.parse import parse_page
from pipeline.parse.model import TreatyStatus
from pipeline.parse.reconcile import status_reconciles
from pipeline.sources import read_page

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_PAGES = [
    "html-2026-02-03/IV-11-c.html",
    "html-2026-02-03/IV-5.html",
    "html-2026-02-03/XXVI-6.html",
    "xml-2018-01-15/IV-11-c.xml",
    "xml-2018-01-15/X-2-b.xml",  # a signature column the vocabulary names (once guessed as consent)
    "xml-2018-01-15/I-4.xml",  # the total given as free text
]


def _parse(path: Path) -> TreatyStatus:
    data, source = read_page(path)
    return parse_page(data, source=source)


def test_every_html_page_reconciles_exactly(html_dir):
    pages = sorted(html_dir.glob("*.html"))
    assert len(pages) == 30
    for path in pages:
        s = _parse(path)
        assert s.status_as_at is not None and s.status_as_at.date().isoformat() == "2026-02-03", path
        assert s.declared_parties is not None, path
        assert s.counted_parties == s.declared_parties, (path, s.reconciliation)
        if s.declared_signatories is not None:
            assert s.counted_signatories == s.declared_signatories, (path, s.reconciliation)
        assert s.reconciliation == (), path
        assert s.mtdsg_no == path.stem


def _names_rows_or_columns(reason: str, s: TreatyStatus) -> bool:
    """True if the reason names real rows ("(rows: A, B and 3 more)") or real columns ("column 2 'Label'")
    of the page: not just any text with "rows" or "column" in it."""
    names = {p.name for p in s.participants}
    labels = {(c.index, c.label) for c in s.columns}
    for listed in re.findall(r"\(rows[^:()]*: ([^()]*(?:\([^()]*\)[^()]*)*)\)", reason):
        shown = re.sub(r" and \d+ more$", "", listed).split(", ")
        if shown and all(n in names for n in shown):
            return True
    for index, label in re.findall(r"column (\d+) '([^']*)'", reason):
        if (int(index), label) in labels:
            return True
    return False


def test_every_xml_file_parses_and_reconciles_or_explains(xml_dir):
    files = sorted(xml_dir.glob("*.xml"))
    assert len(files) == 407
    checked = exact = 0
    verdicts = Counter()
    for path in files:
        s = _parse(path)
        assert s.mtdsg_no == path.stem
        verdicts[status_reconciles(s)] += 1
        if not s.participants:
            # nothing to name: the reason says the page lists none, and the verdict is n/a, never "yes"
            assert all(r.endswith("the page lists no participants") for r in s.reconciliation), path
            continue
        if s.declared_parties is None and s.declared_signatories is None:
            continue
        checked += 1
        if not s.reconciliation:
            exact += 1
        for reason in s.reconciliation:
            # every difference names the rows or the column responsible
            assert _names_rows_or_columns(reason, s), (path, reason)
    assert exact / checked >= 0.97, (exact, checked)
    assert verdicts == {"yes": 247, "no": 3, "n/a": 157}, verdicts


def test_header_only_xml_files_give_declared_counts_and_no_participants(xml_dir):
    header_only = [
        "III-3",
        "IV-2",
        "IV-3",
        "IV-4",
        "IV-8",
        "IV-9",
        "IV-11",
        "IV-11-b",
        "IV-15",
        "V-2",
        "VI-19",
        "XVIII-9",
        "XVIII-10",
        "XVIII-11",
        "XVIII-12",
        "XVIII-14",
        "XXI-6",
        "XXI-7",
        "XXIII-1",
    ]
    for stem in header_only:
        s = _parse(xml_dir / f"{stem}.xml")
        assert s.participants == ()
        assert s.declared_parties is not None and s.declared_parties > 0, stem
    assert _parse(xml_dir / "IV-2.xml").declared_parties == 179


def test_known_real_facts(html_dir, xml_dir):
    opsc = _parse(html_dir / "IV-11-c.html")
    assert (opsc.declared_signatories, opsc.declared_parties) == (122, 178)
    names = {p.name: p for p in opsc.participants}
    assert names["Bahamas (The)"].consent.type == "accession"
    assert names["Belgium"].footnotes == ("1",) and names["Argentina"].has_declarations
    old = _parse(xml_dir / "IV-11-c.xml")
    assert (old.counted_signatories, old.counted_parties) == (121, 174)
    assert "Bahamas" in {p.name for p in old.participants}
    # IV-5: Jamaica and Trinidad and Tobago denounced the first Optional Protocol (bracketed entries).
    iccpr_op1 = _parse(html_dir / "IV-5.html")
    withdrawn = {p.name for p in iccpr_op1.participants if p.consent and p.consent.withdrawn}
    assert {"Jamaica", "Trinidad and Tobago"} <= withdrawn


def _golden_text(s: TreatyStatus) -> str:
    def act(a):
        return "-" if a is None else f"{a.date.isoformat()} {a.type}{' WITHDRAWN' if a.withdrawn else ''}"

    lines = [
        f"mtdsg_no: {s.mtdsg_no}",
        f"title: {s.title}",
        f"status_as_at: {s.status_as_at.isoformat() if s.status_as_at else None}",
        f"declared: signatories={s.declared_signatories} parties={s.declared_parties}",
        *([f"declared_text: {s.declared_text}"] if s.declared_text else []),
        f"counted: signatories={s.counted_signatories} parties={s.counted_parties}",
        *[f"column {c.index}: {c.role} {c.label!r} {dict(c.legend)}" for c in s.columns],
        *[f"reconciliation: {r}" for r in s.reconciliation],
        f"end_notes: {len(s.end_notes)} declarations: {len(s.declarations)}",
    ]
    for p in s.participants:
        lines.append(
            f"{p.row:3d} {p.name} | notes={','.join(p.footnotes)} | decl={int(p.has_declarations)} | "
            f"sig={act(p.signature)} | consent={act(p.consent)} | prov={act(p.provisional)}"
        )
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("rel", GOLDEN_PAGES)
def test_golden_output(untc_pages, rel):
    """Golden files make parser changes visible in review; regenerate with UPDATE_GOLDEN=1."""
    text = _golden_text(_parse(untc_pages / rel))
    golden = GOLDEN / (rel.replace("/", "__") + ".txt")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"missing golden file {golden}; run with UPDATE_GOLDEN=1 and review it"
    assert text == golden.read_text(encoding="utf-8")
