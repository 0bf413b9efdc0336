"""Who changed between two participant tables: joined, signed, withdrew, was renamed or corrected."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from pipeline.frame_values import is_missing as missing
from pipeline.frame_values import to_date as as_date
from pipeline.parse.model import ParseError
from pipeline.store.model import Change
from pipeline.vocab import ChangeKind

if TYPE_CHECKING:  # no pandas at import: the command line's history path reads plain rows
    import pandas as pd


def role_withdrawn(row: dict[str, Any], role: str) -> bool:
    """Is this role (consent, signature) of the row bracketed as withdrawn?"""
    return bool(row.get(f"{role}_withdrawn")) and not missing(row.get(f"{role}_withdrawn"))


def _action_text(row: dict[str, Any], role: str) -> str | None:
    d = as_date(row.get(f"{role}_date"))
    if d is None:
        return None
    kind = row.get(f"{role}_type") or role
    text = f"{str(kind).lower()} {d.isoformat()}"
    if bool(row.get(f"{role}_withdrawn")) and not missing(row.get(f"{role}_withdrawn")):
        text = f"[{text}] (withdrawn)"
    return text


def is_on(row: dict[str, Any], role: str) -> bool:
    return as_date(row.get(f"{role}_date")) is not None and not (
        bool(row.get(f"{role}_withdrawn")) and not missing(row.get(f"{role}_withdrawn"))
    )


def _text(value: Any) -> str | None:
    return None if missing(value) else str(value)


# The 2018 XML and the 2026 HTML render one declaration differently: curly or straight quotes, or none
# around a quoted text; non-breaking, doubled or missing spaces; en and em dashes for hyphens; and the 2018
# files lost some characters to "?" ("Article?(a)" for "Article 1(a)").
_QUOTES = re.compile(r"[\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]")
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
_SPACES = re.compile(r"\s+")
_LOST = frozenset("?\ufffd")


def rendering_free(value: Any) -> str | None:
    """A declaration's or note's text with its rendering normalised away (quotes, spaces, dashes), for
    comparing two captures of one text: None and "" are both no text."""
    if missing(value):
        return None
    text = unicodedata.normalize("NFKC", str(value))
    text = _DASHES.sub("-", _QUOTES.sub("", text))
    text = _SPACES.sub("", text)
    return text or None


def same_text(a: Any, b: Any) -> bool:
    """Two captures of one text that differ only in rendering: equal once quotes, spaces and dashes are
    normalised, apart from characters the older capture lost to "?" (each at most two characters)."""
    x, y = rendering_free(a), rendering_free(b)
    if x == y:
        return True
    if x is None or y is None:
        return False
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        lost_old = set(x[i1:i2]) <= _LOST and j2 - j1 <= 2 * max(1, i2 - i1)
        lost_new = set(y[j1:j2]) <= _LOST and i2 - i1 <= 2 * max(1, j2 - j1)
        if not (i2 > i1 and lost_old) and not (j2 > j1 and lost_new):
            return False
    return True


def _rows(table: pd.DataFrame | Sequence[dict[str, Any]]) -> Sequence[dict[str, Any]]:
    return table.to_dict("records") if hasattr(table, "to_dict") else table


def compare_participants(
    before: pd.DataFrame | Sequence[dict[str, Any]],
    after: pd.DataFrame | Sequence[dict[str, Any]],
    *,
    mtdsg_no: str | None = None,
) -> list[Change]:
    """Who joined, signed, withdrew, was renamed or corrected, or had footnotes/declarations change.

    Takes two participants tables (frames, or their rows as dicts). Rows are matched by ISO code, so
    "Bahamas" and "Bahamas (The)" are one participant renamed. With the treaty's number, a declaration
    that opens a complaint procedure (pipeline/parse/procedures.csv) is a change of its own when it
    appears or goes: "competence_recognised" / "competence_withdrawn".
    """
    a = {str(r["iso3"]): r for r in _rows(before)}
    b = {str(r["iso3"]): r for r in _rows(after)}
    changes: list[Change] = []
    for iso3 in sorted(set(a) | set(b), key=lambda k: str((b.get(k) or a.get(k) or {}).get("name"))):
        old, new = a.get(iso3), b.get(iso3)
        if old is None and new is not None:
            changes += _appeared(iso3, new)
            continue
        if new is None and old is not None:
            # Gone from the later page, with no bracketed date and so no end note to say why.
            changes.append(
                Change(
                    iso3, str(old["name"]), ChangeKind.REMOVED_WITHOUT_NOTICE, _participant_text(old), None
                )
            )
            continue
        assert old is not None and new is not None
        changes += _changed(iso3, old, new)
    if mtdsg_no is not None:
        changes += _competence_changes(mtdsg_no, a, b)
    return changes


def competences(mtdsg_no: str, declarations: Any) -> dict[int, tuple[str, date | None]]:
    """The complaint procedures a participant's declarations (a row's joined text: each declaration,
    "[kind] " before those not of kind "declaration") recognise: article -> ("article 22 of IV-9
    (individual complaints, 2006-06-26)", the declaration's date if it gives one)."""
    if missing(declarations) or not declarations:
        return {}
    from pipeline.parse.procedures import (
        read_competence,
        recognitions_in_text,
    )  # lazy: only with declarations

    out: dict[int, tuple[str, date | None]] = {}
    for part in str(declarations).split("\n\n"):
        kind, _, text = part.partition("] ") if part.startswith("[") else ("[declaration", "", part)
        try:
            if kind == "[under_article":
                found = read_competence(mtdsg_no, "", text)
            elif kind == "[declaration":
                found = recognitions_in_text(mtdsg_no, "", text)
            else:
                continue
        except ParseError:  # refused at import: a stored row the parser no longer reads says nothing here
            continue
        for d in found:
            if d.article is not None and d.article not in out:
                when = d.declared_on.isoformat() if d.declared_on else "made upon consent"
                text = f"article {d.article} of {mtdsg_no} ({d.procedure} complaints, {when})"
                out[d.article] = (text, d.declared_on)
    return out


def _competence_changes(
    mtdsg_no: str, before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]
) -> list[Change]:
    from pipeline.parse.procedures import declaration_articles  # lazy: the procedures table, only to compare

    changes: list[Change] = []
    if not declaration_articles(mtdsg_no):
        return changes  # no article of this treaty opens a complaint procedure
    for iso3, new in after.items():
        old = before.get(iso3)
        if old is not None and old.get("declarations") == new.get("declarations"):
            continue  # the same declarations recognise the same articles
        was = competences(mtdsg_no, old.get("declarations")) if old is not None else {}
        now = competences(mtdsg_no, new.get("declarations"))
        name = str(new["name"])
        # Dated by the declaration, else (made upon ratification, accession or succession) by the consent.
        consent = as_date(new.get("consent_date"))
        for article in sorted(set(now) - set(was)):
            text, day = now[article]
            changes.append(
                Change(
                    iso3, name, ChangeKind.COMPETENCE_RECOGNISED, None, text, day or consent, "declaration"
                )
            )
        for article in sorted(set(was) - set(now)):
            changes.append(Change(iso3, name, ChangeKind.COMPETENCE_WITHDRAWN, was[article][0], None))
    return changes


def _appeared(iso3: str, new: dict[str, Any]) -> list[Change]:
    """The changes of a participant not on the earlier page."""
    name = str(new["name"])
    changes: list[Change] = []
    if is_on(new, "consent"):
        changes.append(Change(iso3, name, ChangeKind.JOINED, None, _action_text(new, "consent")))
    if is_on(new, "signature"):
        changes.append(Change(iso3, name, ChangeKind.SIGNED, None, _action_text(new, "signature")))
    if not is_on(new, "consent") and not is_on(new, "signature"):
        kind = ChangeKind.WITHDREW if bool(new.get("withdrawn")) else ChangeKind.CORRECTED
        shown = _action_text(new, "consent") or _action_text(new, "signature") or name
        changes.append(Change(iso3, name, kind, None, shown))
    return changes


def _changed(iso3: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """The changes of a participant on both pages."""
    name = str(new["name"])
    changes: list[Change] = []
    if str(old["name"]) != name:
        changes.append(Change(iso3, name, ChangeKind.RENAMED, str(old["name"]), name))
    for role, gained in (("consent", ChangeKind.JOINED), ("signature", ChangeKind.SIGNED)):
        was, now = is_on(old, role), is_on(new, role)
        before_text, after_text = _action_text(old, role), _action_text(new, role)
        if not was and now:
            changes.append(Change(iso3, name, gained, before_text, after_text))
        elif was and not now:
            kind = ChangeKind.WITHDREW if role_withdrawn(new, role) else ChangeKind.REMOVED_WITHOUT_NOTICE
            changes.append(Change(iso3, name, kind, before_text, after_text))
        elif before_text != after_text:
            changes.append(Change(iso3, name, ChangeKind.CORRECTED, before_text, after_text))
    for key in ("provisional", "other_actions"):
        bt = _action_text(old, key) if key == "provisional" else _text(old.get(key))
        at = _action_text(new, key) if key == "provisional" else _text(new.get(key))
        if bt != at:
            changes.append(Change(iso3, name, ChangeKind.CORRECTED, bt, at))
    if _text(old.get("footnotes")) != _text(new.get("footnotes")):
        changes.append(
            Change(
                iso3,
                name,
                ChangeKind.FOOTNOTES_CHANGED,
                _text(old.get("footnotes")),
                _text(new.get("footnotes")),
            )
        )
    if not same_text(old.get("declarations"), new.get("declarations")) or (
        _has_text(old) != _has_text(new)
        and (_text(old.get("declarations")) or _text(new.get("declarations")))
    ):
        changes.append(
            Change(
                iso3,
                name,
                ChangeKind.DECLARATIONS_CHANGED,
                _short(old.get("declarations"), old.get("has_declarations")),
                _short(new.get("declarations"), new.get("has_declarations")),
            )
        )
    return changes


def _has_text(row: dict[str, Any]) -> bool:
    """Whether the row has declarations: their text, or the page's flag where the text is not on it."""
    flag = row.get("has_declarations")
    return rendering_free(row.get("declarations")) is not None or (bool(flag) and not missing(flag))


def _participant_text(row: dict[str, Any]) -> str:
    parts = [t for t in (_action_text(row, "signature"), _action_text(row, "consent")) if t]
    return "; ".join(parts) or str(row.get("name"))


def _short(text: Any, flag: Any) -> str | None:
    if missing(text):
        return "declarations (text not on page)" if bool(flag) and not missing(flag) else None
    return str(text)  # whole: json, jsonl and csv carry it uncut (the table shortens it for the screen)
