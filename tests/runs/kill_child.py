"""The child process of the kill tests: `treaties refresh ...` (the real CLI), optionally held at one point.

Usage: python kill_child.py HOLD_DIR POINT NTH -- REFRESH ARGS...

POINT is where the run stops and waits, on its NTH arrival there, so that the test can SIGKILL it at a
known stage (or let it carry on):

  none            never stops (the test kills it after a delay of its own choosing)
  raw-tmp         a raw object's temporary file is written and fsynced, not yet renamed into place
  in-transaction  a page's rows are written in its transaction, before COMMIT
  after-commit    a page is committed to the database, its manifest line not yet written
  torn-manifest   as after-commit, with the first half of the manifest line written (a write cut short)
  report          the report is staged and being renamed into the reports folder, file by file

On arrival it writes HOLD_DIR/held (naming the point) and waits for HOLD_DIR/go, for at most 120 s.
Only the test harness patches these functions; the refresh itself is the one `treaties refresh` runs.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

POINTS = ("none", "raw-tmp", "in-transaction", "after-commit", "torn-manifest", "report")


def main(argv: list[str]) -> None:
    hold_dir, point, nth = Path(argv[0]), argv[1], int(argv[2])
    assert argv[3] == "--" and point in POINTS, argv
    cli_args = argv[4:]
    arrivals = 0

    def arrive(label: str) -> None:
        nonlocal arrivals
        arrivals += 1
        if arrivals != nth:
            return
        (hold_dir / "held").write_text(f"{point} {label}\n", encoding="utf-8")
        deadline = time.monotonic() + 120
        while not (hold_dir / "go").exists() and time.monotonic() < deadline:
            time.sleep(0.01)

    from pipeline.config import raw_dir, reports_dir

    raw_objects = (raw_dir() / "objects").resolve()
    reports = reports_dir().resolve()

    if point in ("raw-tmp", "report"):
        real_replace = os.replace

        def replace(src: Any, dst: Any, *a: Any, **kw: Any) -> None:
            target = Path(os.fsdecode(dst)).resolve()
            if point == "raw-tmp" and target.parent.parent == raw_objects:
                arrive(target.name)
            elif point == "report" and target.is_relative_to(reports):
                arrive(str(target.relative_to(reports)))
            real_replace(src, dst, *a, **kw)

        os.replace = replace  # type: ignore[assignment]

    if point == "in-transaction":
        from pipeline.store import writer

        real_write = writer._write

        def write(con: Any, w: Any) -> Any:
            result = real_write(con, w)
            arrive(w.page.status.mtdsg_no)
            return result

        writer._write = write  # type: ignore[assignment]

    if point in ("after-commit", "torn-manifest"):
        from pipeline.fetch.rawstore import OK_OUTCOMES, RawStore

        real_append = RawStore.append

        def append(self: RawStore, entry: Any) -> None:
            if entry.outcome in OK_OUTCOMES:
                if point == "torn-manifest" and arrivals + 1 == nth:
                    line = (entry.to_json() + "\n").encode("utf-8")
                    with open(self.manifest_path, "ab") as f:
                        f.write(line[: len(line) // 2])
                        f.flush()
                        os.fsync(f.fileno())
                arrive(str(entry.mtdsg_no))
            real_append(self, entry)

        RawStore.append = append  # type: ignore[method-assign]

    from pipeline.cli import app

    app(["refresh", *cli_args], prog_name="treaties")


if __name__ == "__main__":
    main(sys.argv[1:])
