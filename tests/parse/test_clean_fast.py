"""The fast path of parse-time cleaning: a page with nothing to clean is returned as it is, and says so only
when the full walk would change nothing."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from pipeline.parse import SourceRef, parse_page
from pipeline.parse.clean import _already_clean, _clean
from pipeline.parse.model import Action, Column, Declaration, EndNote, Participant, TreatyStatus

ESC = "\x1b"


def _status() -> TreatyStatus:
    return TreatyStatus(
        mtdsg_no="IV-90",
        title="A title",
        source_kind="html",
        participants=(Participant("Atlantis", 1, ("1",), consent=Action(date(2001, 1, 1), "ratification")),),
        end_notes=(EndNote("1", "A note."),),
        declarations=(Declaration("Atlantis", "A declaration."),),
    )


@pytest.mark.parametrize(
    "dirty",
    [
        lambda s: dataclasses.replace(s, title=f"A{ESC}title"),
        lambda s: dataclasses.replace(s, end_notes=(EndNote("1", f"A note{ESC}."),)),
        lambda s: dataclasses.replace(s, declarations=(Declaration("Atlantis", "A \u202edeclaration"),)),
        lambda s: dataclasses.replace(
            s, participants=(dataclasses.replace(s.participants[0], name="At\tlantis"),)
        ),
        lambda s: dataclasses.replace(s, end_notes=(EndNote("1", "A\r\nnote"),)),
        lambda s: dataclasses.replace(s, title="x" * 5000),
        # An action's type comes from its column's legend, which is looked through in its place.
        lambda s: dataclasses.replace(
            s, columns=(Column(1, "Ratification", "consent", (("", f"ratifi{ESC}cation"),)),)
        ),
    ],
)
def test_anything_the_walk_would_change_takes_the_walk(dirty) -> None:
    assert _already_clean(_status())
    assert not _already_clean(dirty(_status()))


@pytest.mark.corpus
def test_every_saved_page_is_clean_and_the_walk_agrees(untc_pages: Path) -> None:
    for path in sorted([*untc_pages.glob("html-*/*.html"), *untc_pages.glob("xml-*/*.xml")])[::7]:
        status = parse_page(path.read_bytes(), source=SourceRef(str(path)))
        if _already_clean(status):
            assert _clean(status, path.name, "", False) == status, path.name
