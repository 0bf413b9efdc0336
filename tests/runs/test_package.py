"""The export as a data package: datapackage.json validates (Frictionless), pandas reads back the figures of
`treaties status`, CSV and Parquet agree, and CHANGELOG.md tells what changed since the previous export."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.fetch.mirror import MirrorServer
from pipeline.runs.export import export_tables
from pipeline.store import open_store
from tests.runs.conftest import refresh

frictionless = pytest.importorskip(
    "frictionless", reason="frictionless is a dev dependency (pip install -e '.[dev]')"
)

runner = CliRunner()


def export(world: Path) -> Path:
    out = world / "processed"
    with open_store(world / "t.duckdb", read_only=True) as store:
        export_tables(store, out)
    return out


def load(package: dict, name: str, folder: Path) -> pd.DataFrame:
    res = next(r for r in package["resources"] if r["name"] == name)
    if res["format"] == "parquet":
        return pd.read_parquet(folder / res["path"])
    return pd.read_csv(folder / res["path"], keep_default_na=False, na_values=[""])


def test_package_validates_and_gives_the_status_figures(world: Path, mirror: MirrorServer) -> None:
    first = export(world)
    log = (first / "CHANGELOG.md").read_text()
    assert "First export: 1 treaties" in log
    refresh(world, mirror, [])
    out = export(world)

    # Validation needs no network: any connection off this machine fails the test.
    real_connect = socket.socket.connect

    def connect(sock: socket.socket, address: object) -> None:
        host = str(address[0] if isinstance(address, tuple) else address)
        if not (host.startswith("127.") or host in ("::1", "localhost")):
            raise AssertionError(f"the validator tried the network: {address}")
        real_connect(sock, address)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", connect)
        report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["title", "message"])[:5]

    package = json.loads((out / "datapackage.json").read_text())
    written = {p.name for p in out.iterdir()} - {"datapackage.json", "CHANGELOG.md"}
    assert {r["path"] for r in package["resources"]} == written  # every file it writes, described
    assert package["sources"][0]["path"] == "https://treaties.un.org" and package["licenses"]
    names = {r["name"] for r in package["resources"]}
    for table in ("treaties", "latest_status", "history", "snapshots", "events", "matrix"):
        assert {table, f"{table}-parquet"} <= names
        csv, parquet = load(package, table, out), load(package, f"{table}-parquet", out)
        assert list(csv.columns) == list(parquet.columns), table
        assert len(csv) == len(parquet), table

    # The figures of `treaties status IV-11-c`, from the package alone.
    shown = runner.invoke(app, ["status", "IV-11-c", "--format", "json", "--db", str(world / "t.duckdb")])
    assert shown.exit_code == 0, shown.output
    status = json.loads(shown.output)
    treaties = load(package, "treaties", out).set_index("mtdsg_no")
    latest = load(package, "latest_status-parquet", out)
    assert treaties.loc["IV-11-c", "parties"] == status["parties"] == 178
    assert treaties.loc["IV-11-c", "signatories"] == status["signatories"] == 122
    mine = latest[latest["mtdsg_no"] == "IV-11-c"]
    assert (mine["status"] == "party").sum() == status["parties"]
    signed = mine["signature_date"].notna() & ~mine["signature_withdrawn"].fillna(False).astype(bool)
    assert signed.sum() == status["signatories"]

    history = load(package, "history", out)
    fiji = history[history["iso3"] == "FJI"]  # signed by 2018, a party by 2026: two versions
    assert list(fiji["valid_from"].str[:10]) == ["2018-01-15", "2026-02-03"]
    assert fiji["valid_to"].iloc[0] == fiji["valid_from"].iloc[1] and pd.isna(fiji["valid_to"].iloc[1])
    events = load(package, "events", out)
    assert {"FJI", "MHL", "SLB", "SSD", "SGP"} <= set(events["iso3"].dropna())

    log = (out / "CHANGELOG.md").read_text()
    new, old = log.split("## Export of")[1:3]
    assert "Fiji joined IV-11-c (2021-03-09)" in new and "Singapore signed IV-11-c (2025-11-25)" in new
    assert "First export" in old

    again = export(world)
    assert (again / "CHANGELOG.md").read_text() == log  # nothing new: no section saying so
