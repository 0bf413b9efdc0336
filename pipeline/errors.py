"""How an error reads for a user: one line, whatever raised it."""

from __future__ import annotations


def one_line(exc: BaseException) -> str:
    """An exception as one line of text (its message with whitespace folded, or else its type's name)."""
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
