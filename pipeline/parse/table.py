"""The participants table, shared by both page kinds: header legends, date cells, rows -> Participants."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

from pipeline.parse.model import (
    ROLE_CONSENT,
    ROLE_NOTIFICATION,
    ROLE_OTHER,
    ROLE_PROVISIONAL,
    ROLE_SIGNATURE,
    Action,
    Column,
    ParseError,
    Participant,
)
from pipeline.text import MONTH_ABBREVIATIONS

ROLES = (ROLE_SIGNATURE, ROLE_CONSENT, ROLE_PROVISIONAL, ROLE_NOTIFICATION, ROLE_OTHER)

_MONTHS = MONTH_ABBREVIATIONS  # as the status tables print them: "19 Sep 2002"

# A date cell after whitespace is folded: "19 Sep 2002 a", "[ 3 Oct 1975 ]", "[24 Mar 2011 n]".
# Brackets mean the participation was withdrawn (denounced); the denunciation is told in an end note.
_DATE_CELL = re.compile(r"^(\[)?\s*(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})\s*([A-Za-z]{1,2})?\s*(\])?$")

# One legend item: "Accession(a)", "Signature ad referendum (s)", "Provisional application ... (n)". A code is
# written right after its word; with a space before it only the codes the UN uses count, so that
# "Notification ... under article 7 (1) (b)" stays a label.
_LEGEND_ITEM = re.compile(r"^(.*?\S)(\s*)\(([A-Za-z]{1,2})\)$")
_KNOWN_CODES = {"a", "d", "A", "AA", "c", "C", "n", "p", "P", "s"}

# The curated vocabulary of header items: every item the saved pages use, with the role of its column and
# the action type it records. An item not in it raises (a new kind of column must be read by a person,
# not guessed: X-2-b's "Signature by non-regional members ..." was once counted as consent).
VOCABULARY_FILE = Path(__file__).with_name("columns.csv")


class VocabularyEntry(NamedTuple):
    label: str
    role: str
    action_type: str


def _load_vocabulary(path: Path = VOCABULARY_FILE) -> dict[str, VocabularyEntry]:
    out: dict[str, VocabularyEntry] = {}
    with path.open(newline="", encoding="utf-8") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            label, role, kind = fold(row["label"]), row["role"].strip(), row["action_type"].strip()
            if role not in ROLES or not re.fullmatch(r"[a-z_]+", kind) or not label:
                raise ValueError(f"{path}:{line}: bad vocabulary row {row!r}")
            key = label.lower()
            if key in out:
                raise ValueError(f"{path}:{line}: {label!r} is listed twice")
            out[key] = VocabularyEntry(label, role, kind)
    return out


# A text this long is a note, a declaration or a title, not a cell or a name (see fold).
_LONG_TEXT = 256
# Two spaces or more. Written as two literal spaces, not " {2,}", so that the regex engine looks for them
# as a prefix in C and steps over the single spaces between words without trying a match at each.
_SPACE_RUN = re.compile("   *")


def fold(text: str) -> str:
    """Fold all whitespace (tabs, CR/LF, no-break spaces) to single spaces and strip."""
    # str.split() already splits on U+00A0 (and every other Unicode space), so no replace() is needed.
    if len(text) < _LONG_TEXT:
        return " ".join(text.split())
    # The declarations and end notes are some 80 kB of a page, ten thousand words that split() made into
    # as many strings to join them again (a tenth of a parse). Every whitespace character but the space is
    # a control or separator character, which str.isprintable() refuses (a test checks all of Unicode): once
    # the page's usual ones are made spaces, a printable text's only whitespace is spaces, of which only
    # the runs need replacing; anything rarer takes split().
    spaced = text.replace("\xa0", " ").replace("\r", " ").replace("\n", " ").replace("\t", " ")
    if not spaced.isprintable():
        return " ".join(text.split())
    return _SPACE_RUN.sub(" ", spaced).strip(" ")


VOCABULARY = _load_vocabulary()


def vocabulary_line(label: str) -> str:
    """The CSV line to add for an unknown header item, with a guess a person must check."""
    low = label.lower()
    if "signature" in low and not low.startswith(("definitive", "confirmation")):
        role, kind = ROLE_SIGNATURE, "signature"
    elif low.startswith(("provisional", "undertaking of provisional")):
        role, kind = ROLE_PROVISIONAL, "provisional_application"
    elif low.startswith("notification"):
        role, kind = ROLE_NOTIFICATION, "notification"
    else:
        role, kind = ROLE_CONSENT, re.sub(r"[^a-z0-9]+", "_", low).strip("_")
    quoted = f'"{label}"' if "," in label or '"' in label else label
    return f"{quoted},{role},{kind},CHECK ME"


def _split_legend(label: str) -> list[str]:
    # Items are comma-separated, but a comma inside parentheses belongs to its item, and so does one
    # before "as amended" ("... of the Convention of 12 September 1923, as amended(A)").
    items: list[str] = []
    depth = 0
    cur: list[str] = []
    for i, ch in enumerate(label):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0 and not label[i + 1 :].lstrip().startswith("as amended"):
            items.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    items.append("".join(cur))
    return [fold(i) for i in items if fold(i)]


def parse_columns(labels: Sequence[str], *, page: str) -> tuple[Column, ...]:
    """Columns after "Participant": each label is both the column name and its suffix legend.

    Every item of a label must be in the vocabulary (columns.csv), and all the items of one column must
    record the same role; anything else raises a ParseError naming the page, the column and the CSV line
    to add.
    """
    if not labels or not fold(labels[0]).lower().startswith("participant"):
        raise ParseError(f"{page}: participants table header does not start with 'Participant': {labels!r}")
    columns = []
    for index, raw in enumerate(labels[1:], start=1):
        label = fold(raw)
        if not label:
            raise ParseError(f"{page}: empty participants-table header in column {index}")
        items: list[tuple[str, VocabularyEntry]] = []
        for item in _split_legend(label):
            m = _LEGEND_ITEM.match(item)
            code, word = (
                (m.group(3), m.group(1))
                if m and (not m.group(2) or m.group(3) in _KNOWN_CODES)
                else ("", item)
            )
            entry = VOCABULARY.get(fold(word).lower())
            if entry is None:
                raise ParseError(
                    f"{page}: column {index} {label!r}: unknown header item {fold(word)!r}; if it is right,"
                    f" add to {VOCABULARY_FILE.name}: {vocabulary_line(fold(word))}"
                )
            items.append((code, entry))
        roles = {e.role for _, e in items}
        if len(roles) != 1:
            raise ParseError(
                f"{page}: column {index} {label!r}: its items record different roles"
                f" ({', '.join(sorted(roles))})"
            )
        role = roles.pop()
        meanings: dict[str, list[str]] = {}
        for code, entry in items:
            words = meanings.setdefault(code, [])
            if entry.action_type not in words:
                words.append(entry.action_type)
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
    cell = " ".join(text.split())  # fold(), inlined: one call per distinct cell of a page
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
    return Action(when, kind, code, bool(open_b))  # date, type, code, withdrawn


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
    # One cache per column, keyed by the cell's text.
    seen: list[dict[str, Action | None]] = [{} for _ in columns]
    width = len(columns)
    for number, (name, footnotes, has_declarations, cells) in enumerate(rows, start=1):
        if not name:
            raise ParseError(f"{page}: row {number} has no participant name")
        if len(cells) != width:
            raise ParseError(
                f"{page}: row {number} ({name}) has {len(cells)} date cells, header has {len(columns)}"
            )
        # The common row: at most one action of each standing role, nothing else, each put in its place as
        # it is read. A row with more (a role filled twice, an "other" entry) is read again as a whole.
        signature = consent = provisional = None
        several = False
        for position, text in enumerate(cells):
            action = _cell_action(seen, columns, position, text, page, number, name)
            if action is None:
                continue
            role = roles[position]
            if role == ROLE_CONSENT and consent is None:
                consent = action
            elif role == ROLE_SIGNATURE and signature is None:
                signature = action
            elif role == ROLE_PROVISIONAL and provisional is None:
                provisional = action
            else:
                several = True
                break
        others: tuple[Action, ...] = ()
        if several:
            signature, consent, provisional, others = _sorted_row(columns, cells, seen, page, number, name)
        out.append(
            Participant(
                name=name,
                row=number,
                footnotes=footnotes,
                has_declarations=has_declarations,
                signature=signature,
                consent=consent,
                provisional=provisional,
                others=others,
            )
        )
    return tuple(out)


def _cell_action(
    seen: list[dict[str, Action | None]],
    columns: tuple[Column, ...],
    position: int,
    text: str,
    page: str,
    number: int,
    name: str,
) -> Action | None:
    """The action of a row's cell, read once per column and cell text (`seen`: an Action is immutable)."""
    cache = seen[position]
    if text not in cache:
        cache[text] = parse_date_cell(text, columns[position], page=page, row=number, participant=name)
    return cache[text]


def _sorted_row(
    columns: tuple[Column, ...],
    cells: tuple[str, ...],
    seen: list[dict[str, Action | None]],
    page: str,
    number: int,
    name: str,
) -> tuple[Action | None, Action | None, Action | None, tuple[Action, ...]]:
    """(signature, consent, provisional, others) of a row with a role filled twice or an "other" entry."""
    by_role: dict[str, list[Action]] = {}
    for position, text in enumerate(cells):
        action = _cell_action(seen, columns, position, text, page, number, name)
        if action is not None:
            by_role.setdefault(columns[position].role, []).append(action)
    others = tuple(
        a
        for role, acts in by_role.items()
        for a in (acts if role not in _STANDING_ROLES else sorted(acts, key=_rank)[1:])
    )
    return (
        _pick(by_role.get(ROLE_SIGNATURE)),
        _pick(by_role.get(ROLE_CONSENT)),
        _pick(by_role.get(ROLE_PROVISIONAL)),
        others,
    )


# Roles a participant holds one standing action of; every other role's entries go to `others`.
_STANDING_ROLES = frozenset({ROLE_SIGNATURE, ROLE_CONSENT, ROLE_PROVISIONAL})


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
