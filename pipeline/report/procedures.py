"""The complaint-procedures page and each country page's section, from the store's acceptance table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pipeline import catalog, mtdsg
from pipeline.parse.procedures import INDIVIDUAL, load_procedures
from pipeline.report.pages import country_key
from pipeline.store.procedures import ACCEPTED, NOT_ACCEPTED, NOT_PARTY, Acceptance

_CELL = {ACCEPTED: "yes", NOT_ACCEPTED: "no", NOT_PARTY: "none"}


def _label(core: str) -> str:
    return catalog.short_name(core) or core


def procedure_columns() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The page's columns: individual complaints per core treaty, then the inter-State and inquiry
    procedures, in the order of the curated table; each with the UN page that records it."""
    individual: list[dict[str, str]] = []
    other: list[dict[str, str]] = []
    for p in load_procedures():
        col = {
            "id": f"{p.core}|{p.procedure}",
            "label": _label(p.core) if p.procedure == INDIVIDUAL else f"{_label(p.core)} {p.procedure}",
            "note": p.note,
            "url": mtdsg.citable_url(p.mtdsg_no, None),
        }
        (individual if p.procedure == INDIVIDUAL else other).append(col)
    return individual, other


def procedure_rows(acceptances: Sequence[Acceptance]) -> list[dict[str, Any]]:
    """One row per participant (by name), its cells by column id: the year accepted, "no", "" (not a
    party) or "?" (a declaration whose text is not on the page)."""
    rows: dict[str, dict[str, Any]] = {}
    for a in acceptances:
        row = rows.setdefault(
            a.iso3, {"name": a.name, "key": country_key(a.iso3, a.name), "cells": {}, "individual": 0}
        )
        if a.accepted == ACCEPTED:
            text = str(a.since.year) if a.since else "yes"
        else:
            text = {NOT_ACCEPTED: "no", NOT_PARTY: "\u2013"}.get(a.accepted, "?")
        row["cells"][f"{a.core}|{a.procedure}"] = {
            "text": text,
            "css": _CELL.get(a.accepted, "unknown"),
            "basis": a.basis,
        }
        row["individual"] += a.accepted == ACCEPTED and a.procedure == INDIVIDUAL
    return sorted(rows.values(), key=lambda r: str(r["name"]).casefold())


def country_procedures(acceptances: Sequence[Acceptance]) -> dict[str, list[dict[str, Any]]]:
    """Each participant's lines for its country page (by ISO code): the procedures of the core treaties
    it is a party to."""
    out: dict[str, list[dict[str, Any]]] = {}
    for a in acceptances:
        if a.accepted == NOT_PARTY:
            continue
        out.setdefault(a.iso3, []).append({**a.to_dict(), "treaty": _label(a.core)})
    return out
