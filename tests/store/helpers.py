"""Small hand-built treaty statuses for store tests (no pages needed)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from pipeline.parse.model import (
    ROLE_CONSENT,
    ROLE_SIGNATURE,
    SOURCE_HTML,
    SOURCE_XML,
    Action,
    Column,
    Declaration,
    EndNote,
    Participant,
    TreatyStatus,
)

CODES = {
    "Albania": ("ALB", True),
    "Bahamas": ("BHS", True),
    "Bahamas (The)": ("BHS", True),
    "Chile": ("CHL", True),
    "Jamaica": ("JAM", True),
    "Turkey": ("TUR", True),
    "Türkiye": ("TUR", True),
    "Fiji": ("FJI", True),
    "Holy See": ("VAT", False),
}


def resolver(name: str, page: str) -> tuple[str, bool | None]:
    try:
        return CODES[name]
    except KeyError:
        raise ValueError(f"{page}: unknown participant {name!r}") from None


COLUMNS = (
    Column(0, "Participant", "participant", ()),
    Column(1, "Signature", ROLE_SIGNATURE, (("", "Signature"),)),
    Column(2, "Ratification, Accession(a)", ROLE_CONSENT, (("", "ratification"), ("a", "accession"))),
)


def sig(y: int, m: int, d: int, withdrawn: bool = False) -> Action:
    return Action(date(y, m, d), "Signature", "", withdrawn)


def rat(y: int, m: int, d: int, withdrawn: bool = False, code: str = "") -> Action:
    return Action(date(y, m, d), "accession" if code == "a" else "ratification", code, withdrawn)


def person(name: str, row: int, **kw) -> Participant:
    return Participant(name=name, row=row, **kw)


def status(
    participants: tuple[Participant, ...],
    *,
    as_at: datetime | None = datetime(2026, 2, 3, 10, 16, 18),
    mtdsg_no: str = "IV-11-c",
    end_notes: tuple[EndNote, ...] = (),
    declarations: tuple[Declaration, ...] = (),
    declared: tuple[int, int] | None = None,
) -> TreatyStatus:
    parties = sum(p.is_party for p in participants)
    signatories = sum(p.is_signatory for p in participants)
    ds, dp = declared if declared else (signatories, parties)
    return TreatyStatus(
        mtdsg_no=mtdsg_no,
        title="Optional Protocol to the Convention on the Rights of the Child on the sale of children",
        source_kind=SOURCE_HTML if as_at else SOURCE_XML,
        chapter="IV",
        status_as_at=as_at,
        declared_signatories=ds,
        declared_parties=dp,
        columns=COLUMNS,
        participants=participants,
        end_notes=end_notes,
        declarations=declarations,
    )


def v2018() -> TreatyStatus:
    """A 2018-like page: Bahamas (old name), Turkey, Jamaica party, Chile signed only."""
    return status(
        (
            person("Albania", 1, consent=rat(2008, 2, 5, code="a")),
            person("Bahamas", 2, consent=rat(2015, 9, 28, code="a")),
            person("Chile", 3, signature=sig(2000, 9, 6)),
            person("Jamaica", 4, signature=sig(2000, 9, 8), consent=rat(2002, 8, 26), footnotes=("1",)),
            person("Turkey", 5, signature=sig(2000, 9, 8), consent=rat(2002, 8, 19), has_declarations=True),
        ),
        as_at=None,
        declarations=(Declaration("Turkey", "Declaration: some text."),),
    )


def v2026() -> TreatyStatus:
    """Eight years on: two renames, Chile ratified, Fiji joined, Jamaica denounced, a new footnote."""
    return status(
        (
            person("Albania", 1, consent=rat(2008, 2, 5, code="a")),
            person("Bahamas (The)", 2, consent=rat(2015, 9, 28, code="a")),
            person("Chile", 3, signature=sig(2000, 9, 6), consent=rat(2020, 3, 1)),
            person("Fiji", 4, consent=rat(2021, 3, 9)),
            person(
                "Jamaica",
                5,
                signature=sig(2000, 9, 8),
                consent=rat(2002, 8, 26, withdrawn=True),
                footnotes=("1",),
            ),
            person(
                "Türkiye",
                6,
                signature=sig(2000, 9, 8),
                consent=rat(2002, 8, 19),
                has_declarations=True,
                footnotes=("2",),
            ),
        ),
        end_notes=(
            EndNote(
                "1",
                "On 1 March 2023, the Government of Jamaica notified the Secretary-General of its decision to "
                "denounce the Protocol with effect from 1 June 2023.",
            ),
            EndNote("2", "Formerly Turkey."),
        ),
        declarations=(Declaration("Türkiye", "Declaration:  “some text.”"),),
    )


@contextmanager
def writer_holding(db: Path) -> Iterator[None]:
    """Another process holding the database open for writing until the block ends."""
    holder = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from pipeline.store import open_store
        with open_store(Path({str(db)!r})):
            print("ready", flush=True)
            sys.stdin.read()
        """
    )
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=root
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        yield
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
