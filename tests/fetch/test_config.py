"""Settings from the environment: one-line errors for bad values, defaults in the working directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import config, mtdsg
from pipeline.config import SettingsError, check_min_interval, http_settings

_VARS = (
    "TREATIES_DB",
    "TREATIES_RAW_DIR",
    "TREATIES_PROCESSED_DIR",
    "TREATIES_REPORTS_DIR",
    "UNTC_PAGES_DIR",
    "TREATIES_TIMEOUT",
    "TREATIES_DEADLINE",
    "TREATIES_MAX_RETRIES",
    "TREATIES_MIN_INTERVAL",
    "TREATIES_MAX_BYTES",
    "TREATIES_MAX_WAIT",
    "TREATIES_MAX_FAILURES",
    "TREATIES_MAX_REDIRECTS",
    "TREATIES_REDIRECT_HOSTS",
    "TREATIES_BASE_URL",
)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in _VARS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("TREATIES_TIMEOUT", "abc", "TREATIES_TIMEOUT='abc': expected a number of seconds above 0"),
        ("TREATIES_TIMEOUT", "0", "above 0"),
        ("TREATIES_TIMEOUT", "nan", "above 0"),
        ("TREATIES_DEADLINE", "-1", "TREATIES_DEADLINE='-1': expected a number of seconds above 0"),
        (
            "TREATIES_MIN_INTERVAL",
            "fast",
            "TREATIES_MIN_INTERVAL='fast': expected a number of seconds at least 0",
        ),
        ("TREATIES_MIN_INTERVAL", "-0.5", "at least 0"),
        ("TREATIES_MAX_RETRIES", "2.5", "TREATIES_MAX_RETRIES='2.5': expected a whole number of at least 0"),
        ("TREATIES_MAX_RETRIES", "-1", "of at least 0"),
        ("TREATIES_MAX_BYTES", "20MB", "TREATIES_MAX_BYTES='20MB': expected a number of bytes of at least 1"),
        ("TREATIES_MAX_WAIT", "inf", "TREATIES_MAX_WAIT='inf'"),
        ("TREATIES_MAX_FAILURES", "0", "of at least 1"),
        ("TREATIES_MAX_REDIRECTS", "many", "TREATIES_MAX_REDIRECTS='many'"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_variable(
    clean_env: pytest.MonkeyPatch, name: str, value: str, expected: str
) -> None:
    clean_env.setenv(name, value)
    with pytest.raises(SettingsError) as err:
        http_settings()
    assert expected in str(err.value) and "\n" not in str(err.value)
    assert err.value.name == name and err.value.value == value
    assert isinstance(err.value, ValueError)


def test_good_values_are_read(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clean_env.setenv("TREATIES_TIMEOUT", " 12.5 ")
    clean_env.setenv("TREATIES_DEADLINE", "90")
    clean_env.setenv("TREATIES_MIN_INTERVAL", "0")  # allowed here; refused per host when not loopback
    clean_env.setenv("TREATIES_MAX_RETRIES", "0")
    clean_env.setenv("TREATIES_REDIRECT_HOSTS", "Treaties.UN.org, www.un.org")
    clean_env.setenv("TREATIES_RAW_DIR", str(tmp_path / "raw"))
    s = http_settings()
    assert (s.timeout_s, s.deadline_s, s.min_interval_s, s.max_retries) == (12.5, 90.0, 0.0, 0)
    assert s.redirect_hosts == ("treaties.un.org", "www.un.org")
    assert s.state_dir == tmp_path / "raw"


def test_defaults(clean_env: pytest.MonkeyPatch) -> None:
    s = http_settings()
    assert (s.timeout_s, s.deadline_s, s.min_interval_s, s.max_retries) == (30.0, 120.0, 1.0, 4)
    assert (s.max_wait_s, s.max_failures, s.max_redirects, s.redirect_hosts) == (60.0, 10, 5, ())


def test_data_and_reports_default_to_the_working_directory(
    clean_env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    clean_env.chdir(work)
    assert config.db_path() == work / "data" / "treaties.duckdb"
    assert config.raw_dir() == work / "data" / "raw"
    assert config.processed_dir() == work / "data" / "processed"
    assert config.reports_dir() == work / "reports"
    assert config.pages_dir() == tmp_path / "shared" / "untc-pages"
    assert config.watchlist_path() == work / "watchlist.txt"
    assert http_settings().state_dir == work / "data" / "raw"


def test_environment_overrides_paths(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clean_env.setenv("TREATIES_DB", str(tmp_path / "x.duckdb"))
    clean_env.setenv("TREATIES_PROCESSED_DIR", str(tmp_path / "out"))
    clean_env.setenv("UNTC_PAGES_DIR", str(tmp_path / "pages"))
    assert config.db_path() == tmp_path / "x.duckdb"
    assert config.processed_dir() == tmp_path / "out"
    assert config.pages_dir() == tmp_path / "pages"


def test_base_url_is_checked(clean_env: pytest.MonkeyPatch) -> None:
    assert config.base_url() == "https://treaties.un.org"
    clean_env.setenv("TREATIES_BASE_URL", "http://127.0.0.1:8765/")
    assert config.base_url() == "http://127.0.0.1:8765"
    clean_env.setenv("TREATIES_BASE_URL", "treaties.un.org")
    with pytest.raises(SettingsError, match="TREATIES_BASE_URL='treaties.un.org': expected an http"):
        config.base_url()


def test_the_interval_floor_applies_to_every_host_but_loopback() -> None:
    check_min_interval("http://127.0.0.1:8765", 0)
    check_min_interval("http://localhost/x", 0.05)
    check_min_interval("https://treaties.un.org", 1.0)
    with pytest.raises(SettingsError, match=r"--min-interval=0: expected at least 1 s for treaties.un.org"):
        check_min_interval("https://treaties.un.org", 0)
    with pytest.raises(SettingsError, match="TREATIES_MIN_INTERVAL=0.5"):
        check_min_interval("http://10.0.0.1", 0.5, name="TREATIES_MIN_INTERVAL")


def test_loopback_is_told_by_name_or_address_without_a_lookup() -> None:
    assert mtdsg.is_loopback("http://127.0.0.2:9/") and mtdsg.is_loopback("http://[::1]:80/")
    assert mtdsg.is_loopback("http://LOCALHOST/")
    assert not mtdsg.is_loopback("https://treaties.un.org/") and not mtdsg.is_loopback("http://10.0.0.1/")


def test_notify_urls_from_the_environment(monkeypatch) -> None:
    monkeypatch.delenv("TREATIES_NOTIFY", raising=False)
    assert config.notify_urls() == []
    monkeypatch.setenv(
        "TREATIES_NOTIFY", "http://127.0.0.1:9/a, https://example.org/hook  http://127.0.0.1:9/b"
    )
    assert config.notify_urls() == [
        "http://127.0.0.1:9/a",
        "https://example.org/hook",
        "http://127.0.0.1:9/b",
    ]
    monkeypatch.setenv("TREATIES_NOTIFY", "ftp://example.org/x")
    with pytest.raises(SettingsError, match="TREATIES_NOTIFY"):
        config.notify_urls()
