"""pipeline.runs.importing.import_page: bytes already imported by this parser version are not parsed again."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.parse import parse_page
from pipeline.runs.importing import import_page
from pipeline.store import open_store
from pipeline.store.db import BLOCK_SIZE
from tests.pagemaker import EMPTY, cell, status_page

PAGE = status_page(
    rows=[
        ["Albania<br>", EMPTY, cell("5", "Feb", "2008", "a")],
        ["Chile<br>", cell("7", "Sep", "2000"), EMPTY],
    ],
    status="Signatories : 1. Parties : 1",
)
XML = b"""<?xml version="1.0" encoding="iso-8859-1"?>
<Document><Treaty><Header><Chapter><Header>CHAPTER IV</Header></Chapter>
<ExternalData><Numsect>99</Numsect><Titlesect>Convention on Testing</Titlesect>
<Status><Signatories>-</Signatories><Parties>1</Parties></Status></ExternalData></Header>
<Participants><Table><TGroup cols="2"><Thead><Row><Entry>Participant</Entry><Entry>Accession(a)</Entry></Row></Thead>
<Tbody><Rows><Row><Entry>Albania</Entry><Entry>5 Feb 2008 a</Entry></Row></Rows></Tbody></TGroup></Table></Participants>
</Treaty></Document>"""


class CountingParse:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, data: bytes, **kw):
        self.calls += 1
        return parse_page(data, **kw)


def test_same_bytes_are_not_parsed_again_and_add_no_rows(store):
    parse = CountingParse()
    first = import_page(store, PAGE, location="a.html", parse=parse)
    counts = dict(store.table_counts())
    again = import_page(store, PAGE, location="a.html", parse=parse)
    assert (first.outcome, again.outcome) == ("saved", "unchanged")
    assert again.snapshot_id == first.snapshot_id and parse.calls == 1
    assert (again.declared_signatories, again.declared_parties) == (1, 1)
    assert dict(store.table_counts()) == counts


def test_xml_bytes_with_another_capture_date_are_a_new_observation(store):
    parse = CountingParse()
    import_page(store, XML, location="IV-99.xml", captured_at=date(2018, 1, 15), parse=parse)
    import_page(store, XML, location="IV-99.xml", captured_at=date(2018, 1, 15), parse=parse)
    assert parse.calls == 1
    later = import_page(store, XML, location="IV-99.xml", captured_at=date(2019, 1, 15), parse=parse)
    assert parse.calls == 2 and later.outcome == "unchanged"  # same content, seen again a year later


def test_a_new_import_key_reads_the_bytes_again_into_the_same_snapshot(
    store, monkeypatch: pytest.MonkeyPatch
):
    parse = CountingParse()
    first = import_page(store, PAGE, location="a.html", parse=parse)
    counts = dict(store.table_counts())
    monkeypatch.setattr("pipeline.runs.importing.import_key", lambda: "999+fixed")
    again = import_page(store, PAGE, location="a.html", parse=parse)
    assert parse.calls == 2 and again.snapshot_id == first.snapshot_id
    assert store.snapshots(first.mtdsg_no)["parser_version"].tolist() == ["999+fixed"]
    assert dict(store.table_counts()) == counts  # the same reading: nothing added
    import_page(store, PAGE, location="a.html", parse=parse)
    assert parse.calls == 2  # recorded under the new key: not read a third time


def test_new_database_files_use_small_blocks(tmp_path):
    with open_store(tmp_path / "t.duckdb") as store:
        (size,) = store.con.execute("SELECT block_size FROM pragma_database_size()").fetchone()
    assert size == BLOCK_SIZE == 16384
