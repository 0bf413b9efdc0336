"""fold(): whitespace folded to single spaces, the same answer on its two paths (short texts, long ones)."""

from __future__ import annotations

import sys

import pytest

from pipeline.parse.table import _LONG_TEXT, fold


def test_every_whitespace_but_the_space_is_unprintable() -> None:
    # What the long texts' path rests on: a printable text has no whitespace other than the space.
    printable_spaces = [
        hex(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() and chr(c).isprintable() and c != 0x20
    ]
    assert printable_spaces == []


WHITESPACE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


@pytest.mark.parametrize("space", WHITESPACE, ids=[hex(ord(s)) for s in WHITESPACE])
def test_a_long_text_folds_as_split_and_join_would(space: str) -> None:
    words = [f"word{i}" for i in range(_LONG_TEXT // 4)]
    texts = [
        space.join(words),
        f"{space} {space}" + "  ".join(words) + f"\r\n\t\xa0{space}",
        "\xa0\xa0\xa0Upon signature:\r\n   " + " ".join(words) + space + "\u2019end.\t",
        space * (2 * _LONG_TEXT),
    ]
    for text in texts:
        assert len(text) >= _LONG_TEXT
        assert fold(text) == " ".join(text.split())
