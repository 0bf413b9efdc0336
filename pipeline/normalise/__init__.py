"""Normalise parsed participants: ISO 3166 codes that survive renames, and tidy typed pandas frames."""

from __future__ import annotations

from pipeline.normalise.codes import Code, UnknownParticipant, resolve

__all__ = ["Code", "UnknownParticipant", "resolve"]
