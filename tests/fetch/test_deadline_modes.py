"""One bound for every outbound request: the deadline cuts a trickling answer in each way it can trickle.

`TREATIES_DEADLINE` (deadline_s) bounds a page fetch and a webhook POST alike: keep-alive, `Connection:
close` (where http.client drops the connection's socket after the headers), chunked, and trickled status
line and headers. The server records that the client hung up long before its own trickle would end.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.fetch.http import FetchError, HttpClient, post_bytes
from pipeline.fetch.response import retryable_status
from pipeline.fetch.webhook import deliver
from pipeline.runs import notify as notify_run
from pipeline.runs.refresh import run_refresh
from pipeline.store import open_store, outbox
from pipeline.store.events import event_from_dict
from tests.fetch.conftest import TEST_SETTINGS
from tests.fetch.slowpoke import MODES, Slowpoke, slowpoke

DEADLINE_S = 1.0
TRICKLE_S = 15.0  # how long the server would go on; every test must end long before


@pytest.fixture
def server() -> Iterator[Slowpoke]:
    with slowpoke(every=0.1, max_s=TRICKLE_S) as s:
        yield s


def _hung_up(server: Slowpoke) -> bool:
    # The client's end of the connection was closed: the server notices at its next byte.
    assert server.served, "the request never reached the server"
    return all(s.done.wait(3) and s.hung_up for s in server.served)


@pytest.mark.parametrize("mode", MODES)
def test_a_fetch_ends_at_the_deadline_in_every_mode(server: Slowpoke, mode: str) -> None:
    settings = replace(TEST_SETTINGS, timeout_s=5.0, deadline_s=DEADLINE_S, max_retries=0)
    start = time.monotonic()
    with HttpClient(settings, trust_env=False) as client:
        with pytest.raises(FetchError, match=f"within the {DEADLINE_S:g}s deadline"):
            client.get(server.url(mode))
    took = time.monotonic() - start
    assert took < DEADLINE_S + 1.0, f"{mode}: {took:.1f}s"
    assert _hung_up(server)


@pytest.mark.parametrize("mode", ["headers"])
def test_a_webhook_whose_status_line_trickles_ends_at_the_deadline(server: Slowpoke, mode: str) -> None:
    start = time.monotonic()
    with pytest.raises(TimeoutError, match="deadline"):
        post_bytes(server.url(mode), b"{}", {}, DEADLINE_S)
    assert time.monotonic() - start < DEADLINE_S + 1.0
    assert _hung_up(server)


@pytest.mark.parametrize("mode", ["keep-alive", "close", "chunked"])
def test_a_webhook_reads_the_status_line_only_never_the_endless_body(server: Slowpoke, mode: str) -> None:
    start = time.monotonic()
    assert post_bytes(server.url(mode), b'{"a": 1}', {}, DEADLINE_S) == 200
    assert time.monotonic() - start < DEADLINE_S + 1.0
    assert _hung_up(server)
    assert server.served[0].method == "POST"


def test_a_trickling_receiver_costs_each_attempt_its_deadline_only(server: Slowpoke) -> None:
    start = time.monotonic()
    d = deliver(server.url("headers"), b"{}", post=post_bytes, attempts=2, backoff=0.01, timeout=DEADLINE_S)
    assert not d.ok and d.attempts == 2 and "deadline" in d.detail
    assert time.monotonic() - start < 2 * (DEADLINE_S + 1.0)
    assert len(server.served) == 2


def test_fetch_and_webhook_share_one_retry_rule() -> None:
    assert [s for s in range(100, 600) if retryable_status(s)] == [408, 425, 429, *range(500, 600)]


def test_a_refresh_against_a_trickling_connection_close_server_ends_at_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The run as `TREATIES_DEADLINE=1 treaties refresh` makes it: settings from the environment.
    monkeypatch.setenv("TREATIES_DEADLINE", str(DEADLINE_S))
    monkeypatch.setenv("TREATIES_MAX_RETRIES", "0")
    monkeypatch.setenv("TREATIES_RAW_DIR", str(tmp_path / "raw"))
    with slowpoke(every=0.1, max_s=TRICKLE_S, default="close") as server:
        base = f"http://127.0.0.1:{server.port}"
        start = time.monotonic()
        report = run_refresh(
            ["IV-11-c"],
            base_url=base,
            probe=False,
            write_site=False,
            out=io.StringIO(),
            db=tmp_path / "t.duckdb",
        )
        took = time.monotonic() - start
        assert [r.outcome for r in report.results] == ["failed"]
        assert "deadline" in report.results[0].detail
        assert _hung_up(server)
    assert took < DEADLINE_S + 3.0, f"{took:.1f}s"  # the deadline, a second, and the run's own set-up


def test_a_refresh_whose_receiver_trickles_ends_at_the_deadline_per_attempt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: Slowpoke
) -> None:
    monkeypatch.setenv("TREATIES_DEADLINE", str(DEADLINE_S))
    monkeypatch.setattr(notify_run, "BACKOFF_S", 0.01)
    out = io.StringIO()
    with open_store(tmp_path / "t.duckdb") as store:
        notified = notify_run.notify_outbox([server.url("headers")], lambda: nullcontext(store), out=out)
    assert notified.deliveries == []  # nothing owed yet: nothing sent
    # Owe it one event, then send: three attempts, each cut at the deadline.
    doc = _event_doc()
    with open_store(tmp_path / "t.duckdb") as store:
        store.con.execute(
            "INSERT INTO outbox VALUES (?, ?, 1, 'IV-11-c', ?, now(), 0, NULL, NULL)",
            [outbox.receiver_key(server.url("headers")), event_from_dict(doc).event_id, json.dumps(doc)],
        )
        start = time.monotonic()
        notified = notify_run.notify_outbox([server.url("headers")], lambda: nullcontext(store), out=out)
        took = time.monotonic() - start
        assert outbox.undelivered(store, [server.url("headers")]) == {server.url("headers"): 1}
        [owed] = outbox.pending(store, server.url("headers"))
        assert owed.attempts == 1 and owed.last_error and "deadline" in owed.last_error
    [d] = notified.deliveries
    assert not d.ok and d.attempts == notify_run.ATTEMPTS and "deadline" in d.detail
    assert took < notify_run.ATTEMPTS * (DEADLINE_S + 1.0)
    assert len(server.served) == notify_run.ATTEMPTS and _hung_up(server)


def _event_doc() -> dict[str, object]:
    return {
        "mtdsg_no": "IV-11-c",
        "iso3": "FJI",
        "name": "Fiji",
        "kind": "joined",
        "action_date": "2021-03-09",
        "first_seen": "2026-02-03T10:16:18",
        "snapshot_id": 1,
        "previous_snapshot_id": None,
        "before": None,
        "after": None,
        "source_url": "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-11-c",
    }
