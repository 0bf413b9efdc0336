"""Child of the export kill test: `export_tables` into OUT, held after its Nth Parquet file until killed.

Usage: python export_child.py DB OUT HOLD_FILE N
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main(db: str, out: str, hold: str, nth: int) -> None:
    from pipeline.runs import export
    from pipeline.store import open_store

    real = export._to_parquet
    calls = 0

    def held(df, path):  # type: ignore[no-untyped-def]
        nonlocal calls
        real(df, path)
        calls += 1
        if calls == nth:
            Path(hold).write_text(str(path), encoding="utf-8")
            time.sleep(60)  # the test sends SIGTERM meanwhile

    export._to_parquet = held  # type: ignore[assignment]
    with open_store(Path(db), read_only=True) as store:
        export.export_tables(store, Path(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
