"""Start-up of the real console script: `treaties --version` and `treaties status`, each against the bare
interpreter importing what that command cannot do without (typer; typer and duckdb), in the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# The floors: an interpreter that starts, imports the command line's library (and the database's, for a
# query) and exits. A command cannot start faster than these; the ratio is what the project adds.
VERSION_FLOOR = ("-c", "import typer")
STATUS_FLOOR = ("-c", "import typer, duckdb")


@dataclass(frozen=True)
class StartupTimes:
    """Median wall seconds of `runs` interleaved calls of each command and its floor."""

    runs: int
    version_s: float
    version_floor_s: float
    status_s: float
    status_floor_s: float
    treaty: str

    @property
    def version_vs_floor(self) -> float:
        return self.version_s / self.version_floor_s

    @property
    def status_vs_floor(self) -> float:
        return self.status_s / self.status_floor_s


def console_script(name: str = "treaties") -> Path:
    """The installed console script beside this interpreter (the venv's bin/), as a user runs it."""
    path = Path(sys.executable).parent / name
    if not path.is_file():
        raise FileNotFoundError(f"no {name} console script beside {sys.executable}: run `make venv` first")
    return path


def _wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"`{' '.join(argv)}` failed (exit {proc.returncode}): {tail}")
    return took


def measure_startup(db: Path, treaty: str, *, runs: int = 7) -> StartupTimes:
    """Wall time of each command and its floor, called alternately (floor, command, floor, command, ...)
    so that a change in the machine's load hits both alike; `status` reads `treaty` from `db`."""
    if runs < 1:
        raise ValueError("runs must be at least 1")
    script = str(console_script())
    env = dict(os.environ)
    env["TREATIES_DB"] = str(db)
    # As a user's machine runs them: Python caches the compiled modules (this sandbox's environment sets
    # PYTHONDONTWRITEBYTECODE, which makes every call compile the package's sources again, some 40 ms).
    # The warm-up calls below write the cache; the floors' libraries were compiled when installed.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    pairs = {  # status first: a database it cannot read stops the measure before anything else is timed
        "status": ([sys.executable, *STATUS_FLOOR], [script, "status", treaty]),
        "version": ([sys.executable, *VERSION_FLOOR], [script, "--version"]),
    }
    times: dict[str, list[float]] = {k: [] for k in ("version", "version_floor", "status", "status_floor")}
    for name, (floor, command) in pairs.items():
        if runs > 1:  # warm the file cache: the first call of a cold interpreter is not a start-up
            _wall(floor, env)
            _wall(command, env)
        for _ in range(runs):
            times[f"{name}_floor"].append(_wall(floor, env))
            times[name].append(_wall(command, env))
    med = {k: statistics.median(v) for k, v in times.items()}
    return StartupTimes(
        runs=runs,
        version_s=med["version"],
        version_floor_s=med["version_floor"],
        status_s=med["status"],
        status_floor_s=med["status_floor"],
        treaty=treaty,
    )
