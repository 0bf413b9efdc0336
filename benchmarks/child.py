"""Running a part of the benchmark in a fresh interpreter, with this checkout importable there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# The checkout holding benchmarks/ and pipeline/: the benchmark is not installed with the package, so a
# child interpreter finds it through PYTHONPATH, wherever it was started from.
CHECKOUT = Path(__file__).resolve().parent.parent


def run_module(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m benchmarks.<module> args...` in a child; its output is captured, its exit code returned."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(CHECKOUT), env.get("PYTHONPATH")) if p)
    return subprocess.run(
        [sys.executable, "-m", f"benchmarks.{module}", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
