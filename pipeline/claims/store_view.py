"""The slice of the store the claim checker reads, asked once per question, and the treaties' names."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

import pandas as pd

from pipeline.catalog import ALIASES
from pipeline.claims.names import load_common_names, load_outside_treaties
from pipeline.claims.protocol_names import names_with_parents
from pipeline.claims.treaties import TitleIndex, TreatyName
from pipeline.frame_values import is_missing as _missing
from pipeline.store import StoreError


class StoreLike(Protocol):
    """The slice of pipeline.store.Store the checker reads."""

    def treaties(self) -> pd.DataFrame: ...
    def participants(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame: ...
    def asof(self, mtdsg_no: str, on: date) -> Any: ...
    def snapshots(self, mtdsg_no: str) -> pd.DataFrame: ...


class CachedStore:
    """A StoreLike that asks the store once per question: a text checks many claims on few treaties,
    and the evaluation set asks the same questions across texts."""

    def __init__(self, store: StoreLike, names: CachedStore | None = None) -> None:
        """`names`: a CachedStore read earlier (and since closed) whose treaties and title index to reuse."""
        self.store = store
        self._treaties: pd.DataFrame | None = names._treaties if names else None
        self._rows: dict[str, dict[str, Any]] | None = names._rows if names else None
        self._participants: dict[tuple[str, int | None], pd.DataFrame] = {}
        self._records: dict[str, list[dict[str, Any]]] = {}
        self._asof: dict[tuple[str, date], Any] = {}
        self._snapshots: dict[str, pd.DataFrame] = {}
        self._index: TitleIndex | None = names._index if names else None

    def treaties(self) -> pd.DataFrame:
        if self._treaties is None:
            self._treaties = self.store.treaties()
        return self._treaties

    def treaty_rows(self) -> dict[str, dict[str, Any]]:
        """treaties() as one row (a dict) per MTDSG number, built once."""
        if self._rows is None:
            self._rows = {str(r["mtdsg_no"]): r for r in self.treaties().to_dict("records")}
        return self._rows

    def participants(self, mtdsg_no: str, snapshot_id: int | None = None) -> pd.DataFrame:
        key = (mtdsg_no, snapshot_id)
        if key not in self._participants:
            self._participants[key] = self.store.participants(mtdsg_no, snapshot_id)
        return self._participants[key]

    def participant_records(self, mtdsg_no: str) -> list[dict[str, Any]]:
        """participants(mtdsg_no) of the latest snapshot as one dict per row, built once (the verdicts
        read rows as dicts, once per claim)."""
        if mtdsg_no not in self._records:
            self._records[mtdsg_no] = self.participants(mtdsg_no).to_dict("records")
        return self._records[mtdsg_no]

    def asof(self, mtdsg_no: str, on: date) -> Any:
        key = (mtdsg_no, on)
        if key not in self._asof:
            try:
                self._asof[key] = self.store.asof(mtdsg_no, on)
            except StoreError as e:
                self._asof[key] = e
        found = self._asof[key]
        if isinstance(found, StoreError):
            raise found
        return found

    def title_index(self) -> TitleIndex:
        """The treaties' titles and names, indexed once."""
        if self._index is None:
            self._index = TitleIndex(treaty_names(self.treaties()))
        return self._index

    def snapshots(self, mtdsg_no: str) -> pd.DataFrame:
        if mtdsg_no not in self._snapshots:
            self._snapshots[mtdsg_no] = self.store.snapshots(mtdsg_no)
        return self._snapshots[mtdsg_no]


def participant_records(store: StoreLike, mtdsg_no: str) -> list[dict[str, Any]]:
    """The latest snapshot's participants as dicts: once per treaty from a CachedStore."""
    if isinstance(store, CachedStore):
        return store.participant_records(mtdsg_no)
    records: list[dict[str, Any]] = store.participants(mtdsg_no).to_dict("records")
    return records


def treaty_names(treaties: pd.DataFrame) -> list[TreatyName]:
    """The treaties the store holds, with their catalogue short names, as candidates for a text."""
    common = load_common_names()
    rows = []
    for row in treaties.to_dict("records"):
        no = str(row["mtdsg_no"])
        aliases = list(ALIASES.get(no, ()))
        if not _missing(row.get("short_name")) and row["short_name"] not in aliases:
            aliases.insert(0, str(row["short_name"]))
        title = "" if _missing(row.get("title")) else str(row["title"])
        rows.append((no, title, aliases))
    # "Optional Protocol to the CRC on a communications procedure": a protocol's title with its parent's
    # acronym, unless that name is another treaty's already.
    taken = {n.casefold() for names in common.values() for n in names}
    taken |= {a.casefold() for _, _, aliases in rows for a in aliases}
    derived = names_with_parents(
        {no: title for no, title, _ in rows}, {no: (*aliases, *common.get(no, ())) for no, _, aliases in rows}
    )
    out = []
    for no, title, aliases in rows:
        names = tuple(n for n in common.get(no, ()) if n not in aliases)
        names += tuple(n for n in derived.get(no, ()) if n.casefold() not in taken)
        out.append(TreatyName(no, title, tuple(aliases), names))
    # Treaties deposited elsewhere, so their figures are not given to a UN treaty named nearby.
    out += [TreatyName(no, title, (), names) for no, (title, names) in load_outside_treaties().items()]
    return out


__all__ = ["CachedStore", "StoreLike", "participant_records", "treaty_names"]
