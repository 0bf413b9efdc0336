"""What a run is asked to do: watchlists and durations as users write them."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

from pipeline.catalog import UnknownTreaty, lookup_number
from pipeline.fetch import untc


def default_watchlist_file() -> Path:
    """`watchlist.txt` in the working directory."""
    return Path.cwd() / "watchlist.txt"


def load_watchlist(path: Path | None = None) -> list[str]:
    """The treaties to refresh: from `path` (or ./watchlist.txt if present), else the built-in core
    human-rights list.

    A .toml file holds `treaties = ["IV-11-c", "OPSC", ...]`; any other file is plain text, one treaty
    per line (an MTDSG number or any name the tool knows: "OPSC", "Ottawa Treaty"), `#` starting a
    comment. Raises ValueError naming the file and line for a bad entry, with the nearest names.
    """
    if path is None:
        candidate = default_watchlist_file()
        if not candidate.exists():
            return list(untc.DEFAULT_WATCHLIST)
        path = candidate
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"cannot read watchlist {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError:
        raise ValueError(f"watchlist {path} is not a UTF-8 text file") from None
    entries: list[tuple[int, str]] = []
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"watchlist {path}: {exc}") from exc
        items = data.get("treaties")
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            raise ValueError(f'watchlist {path}: expected treaties = ["IV-11-c", ...]')
        entries = [(0, x) for x in items]
    else:
        for n, line in enumerate(text.splitlines(), start=1):
            item = line.split("#", 1)[0].strip()
            if item:
                entries.append((n, item))
    out: list[str] = []
    for n, item in entries:
        try:
            t = lookup_number(item)
        except UnknownTreaty as exc:
            where = f"{path}:{n}" if n else str(path)
            raise ValueError(f"watchlist {where}: {exc}") from None
        if t not in out:
            out.append(t)
    if not out:
        raise ValueError(f"watchlist {path} lists no treaties")
    return out


def parse_duration(text: str) -> timedelta:
    """ "0", "90s", "30m", "6h", "7d" -> timedelta; ValueError otherwise."""
    t = text.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
    try:
        if t.isdigit():
            if int(t) == 0:
                return timedelta(0)
            raise ValueError
        value, unit = float(t[:-1]), t[-1]
        if value < 0 or unit not in units:
            raise ValueError
    except ValueError:
        raise ValueError(f"{text!r} is not a duration like 0, 30m, 6h or 7d") from None
    return timedelta(seconds=value * units[unit])
