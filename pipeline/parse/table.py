"""The participants table, shared by both page kinds: header legends, date cells, rows -> Participants."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from pipeline.parse.model import (
    ROLE_CONSENT,
    ROLE_PROVISIONAL,
    ROLE_SIGNATURE,
    Action,
    Column,
    ParseError,
    Participant,
)

ROLE_OTHER = "other"  # notifications, extensions...: kept, never counted

_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), start=1)}

# A date cell after whitespace is folded: "19 Sep 2002 a", "[ 3 Oct 1975 ]", "[24 Mar 2011 n]".
# Brackets mean the participation was withdrawn (denounced); the denunciation is told in an end note.
_DATE_CELL = re.compile(r"^(\[)?\s*(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})\s*([A-Za-z]{1,2})?\s*(\])?$")

# One legend item: "Accession(a)", "Signature ad referendum (s)", "Provisional application ... (n)". A code is
# written right after its word; with a space before it only the codes the UN uses count, so that
# "Notification ... under article 7 (1) (b)" stays a label.
_LEGEND_ITEM = re.compile(r"^(.*?\S)(\s*)\(([A-Za-z]{1,2})\)$")
_KNOWN_CODES = {"a", "d", "A", "AA", "c", "C", "n", "p", "P", "s"}

# Words for the action types, as the UN spells them in the legends (lowercased, whitespace folded).
_TYPE_WORDS = {
    "signature": "signature",
    "succession to signature": "succession_to_signature",
    "signature ad referendum": "signature_ad_referendum",
    "ratification": "ratification",
    "accession": "accession",
    "succession": "succession",
    "acceptance": "acceptance",
    "approval": "approval",
    "formal confirmation": "formal_confirmation",
    "consent to be bound": "consent_to_be_bound",
    "definitive signature": "definitive_signature",
    "participation": "participation",
    "simplified procedure": "simplified_procedure",
    "provisional application": "provisional_application",
    "confirmation of signature": "confirmation_of_signature",
    "confirmation of signature ad referendum": "confirmation_of_signature_ad_referendum",
    "application": "application",
    "definitive acceptance": "definitive_acceptance",
}

# Column labels made only of these items record signatures (counted as signatories).
_SIGNATURE_ITEMS = {"signature", "succession to signature", "signature ad referendum"}


def fold(text: str) -> str:
    """Fold all whitespace (tabs, CR/LF, no-break spaces) to single spaces and strip."""
    # str.split() already splits on U+00A0 (and every other Unicode space), so no replace() is needed.
    return " ".join(text.split())


def type_word(label: str) -> str:
    """The lowercase word for an action label: a known one, else a slug of the label itself."""
    key = fold(label).lower()
    if key in _TYPE_WORDS:
        return _TYPE_WORDS[key]
    if key.startswith("provisional application"):
        return "provisional_application"
    return re.sub(r"[^a-z0-9]+", "_", key).strip("_")


def _split_legend(label: str) -> list[str]:
    # Items are comma-separated, but a comma inside parentheses belongs to its item.
    items, depth, cur = [], 0, []
    for ch in label:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            items.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    items.append("".join(cur))
    return [fold(i) for i in items if fold(i)]


def _role(index: int, items: list[tuple[str, str]], label: str) -> str:
    words = {fold(w).lower() for _, w in items}
    low = label.lower()
    if words and words <= _SIGNATURE_ITEMS:
        return ROLE_SIGNATURE
    if low.startswith(("provisional", "undertaking of provisional")):
        return ROLE_PROVISIONAL
    if low.startswith(("notification", "extension", "confirmation of signature")):
        return ROLE_OTHER
    return ROLE_CONSENT


def parse_columns(labels: Sequence[str], *, page: str) -> tuple[Column, ...]:
    """Columns after "Participant": each label is both the column name and its suffix legend."""
    if not labels or not fold(labels[0]).lower().startswith("participant"):
        raise ParseError(f"{page}: participants table header does not start with 'Participant': {labels!r}")
    columns = []
    for index, raw in enumerate(labels[1:], start=1):
        label = fold(raw)
        if not label:
            raise ParseError(f"{page}: empty participants-table header in column {index}")
        items: list[tuple[str, str]] = []
        for item in _split_legend(label):
            m = _LEGEND_ITEM.match(item)
            if m and (not m.group(2) or m.group(3) in _KNOWN_CODES):
                items.append((m.group(3), m.group(1)))
            else:
                items.append(("", item))
        role = _role(index, items, label)
        meanings: dict[str, list[str]] = {}
        for code, word in items:
            words = meanings.setdefault(code, [])
            if type_word(word) not in words:
                words.append(type_word(word))
        if "" not in meanings and role == ROLE_SIGNATURE:
            # "Signature ad referendum (s)" alone, yet plain dates below it: those are plain signatures.
            meanings[""] = ["signature"]
        # A code or the unsuffixed slot naming several items ("Definitive signature of the Protocol,
        # Acceptance of the Protocol", or "(A)" used twice in VIII-5) is ambiguous; the type says so.
        legend = tuple((code, "_or_".join(words)) for code, words in meanings.items())
        columns.append(Column(index=index, label=label, role=role, legend=legend))
    return tuple(columns)


def parse_date_cell(text: str, column: Column, *, page: str, row: int, participant: str) -> Action | None:
    """A folded cell's text -> Action (None for an empty cell); anything unexpected raises ParseError."""
    cell = fold(text)
    if not cell:
        return None
    m = _DATE_CELL.match(cell)
    if m is None:
        raise _cell_error(page, row, participant, column, f"unreadable date cell {cell!r}")
    open_b, day, mon, year, code, close_b = m.groups()
    code = code or ""
    kind = column.action_type(code)
    # The message for a bad cell is only built when one is found: a page has thousands of good cells.
    if bool(open_b) != bool(close_b):
        raise _cell_error(page, row, participant, column, f"unbalanced bracket in {cell!r}")
    if mon not in _MONTHS:
        raise _cell_error(page, row, participant, column, f"unknown month in {cell!r}")
    if kind is None:
        raise _cell_error(
            page, row, participant, column, f"suffix code {code!r} in {cell!r} is not in the header legend"
        )
    try:
        when = date(int(year), _MONTHS[mon], int(day))
    except ValueError as exc:
        raise _cell_error(page, row, participant, column, f"impossible date {cell!r}") from exc
    return Action(date=when, type=kind, code=code, withdrawn=bool(open_b))


def _cell_error(page: str, row: int, participant: str, column: Column, what: str) -> ParseError:
    return ParseError(f"{page}: row {row} ({participant}), column {column.label!r}: {what}")


class RawRow(NamedTuple):
    """A participants-table row as the page kind's reader found it, before interpretation.

    A NamedTuple rather than a frozen dataclass: one is built per row, and it is three times cheaper.
    """

    name: str
    footnotes: tuple[str, ...]
    has_declarations: bool
    cells: tuple[str, ...]


def build_participants(
    columns: tuple[Column, ...], rows: Sequence[RawRow], *, page: str
) -> tuple[Participant, ...]:
    out = []
    roles = [c.role for c in columns]
    # Many rows share a date (a treaty's opening for signature, a state succession) and most cells are
    # empty: an Action is immutable, so a cell text already read in this column gives the same one again.
    seen: dict[tuple[int, str], Action | None] = {}
    for number, raw in enumerate(rows, start=1):
        if not raw.name:
            raise ParseError(f"{page}: row {number} has no participant name")
        if len(raw.cells) != len(columns):
            raise ParseError(
                f"{page}: row {number} ({raw.name}) has {len(raw.cells)} date cells,"
                f" header has {len(columns)}"
            )
        by_role: dict[str, list[Action]] = {}
        several = False  # a role filled twice, or an "other" entry: only then is `others` non-empty
        for position, text in enumerate(raw.cells):
            key = (position, text)
            action = seen.get(key, _UNSEEN)
            if action is _UNSEEN:
                action = parse_date_cell(text, columns[position], page=page, row=number, participant=raw.name)
                seen[key] = action
            if action is None:
                continue
            role = roles[position]
            acts = by_role.get(role)
            if acts is None:
                by_role[role] = [action]
                several = several or role == ROLE_OTHER
            else:
                acts.append(action)
                several = True
        out.append(
            Participant(
                name=raw.name,
                row=number,
                footnotes=raw.footnotes,
                has_declarations=raw.has_declarations,
                signature=_pick(by_role.get(ROLE_SIGNATURE)),
                consent=_pick(by_role.get(ROLE_CONSENT)),
                provisional=_pick(by_role.get(ROLE_PROVISIONAL)),
                others=tuple(
                    a
                    for role, acts in by_role.items()
                    for a in (acts if role == ROLE_OTHER else sorted(acts, key=_rank)[1:])
                )
                if several
                else (),
            )
        )
    return tuple(out)


_UNSEEN = object()


def _rank(action: Action) -> tuple[bool, date]:
    return (action.withdrawn, action.date)


def _pick(actions: list[Action] | None) -> Action | None:
    # Where a page has two columns of one role (e.g. "Acceptance(A)" then "Accession(a), Succession(d)"),
    # the standing action is the earliest one not withdrawn; the rest are kept in `others`.
    if not actions:
        return None
    if len(actions) == 1:
        return actions[0]
    return min(actions, key=_rank)


_FOOTNOTE_SPLIT = re.compile(r"[,\s]+")


def split_footnotes(text: str) -> tuple[str, ...]:
    """ "7, 8" -> ("7", "8")."""
    return tuple(t for t in _FOOTNOTE_SPLIT.split(fold(text)) if t)
