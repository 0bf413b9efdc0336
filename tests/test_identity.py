"""An honest identity: nothing names an address that is not the project's, and the User-Agent names the
tool, its version and the operator's contact (TREATIES_CONTACT_URL) when there is one."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from pipeline import __version__, config
from pipeline.runs.console import contact_notice

REPO = Path(__file__).resolve().parents[1]
THIS = Path(__file__).resolve().relative_to(REPO).as_posix()

# Hosts the product may name: the UN's own sites, loopback, names reserved for examples (RFC 2606 and
# 6761), and the XML namespaces of the formats it writes (identifiers, never fetched).
ALLOWED = re.compile(
    r"(.+\.)?un\.org|127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1|"
    r"example\.(org|com|net)|.+\.(invalid|test|example)|www\.w3\.org|schemas\.openxmlformats\.org",
    re.IGNORECASE,
)
URL = re.compile(r"\b(?:https?|ftp)://[^\s\"'<>()`\]\\]+", re.IGNORECASE)
EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\b")


def _tracked(*paths: str) -> list[Path]:
    out = subprocess.run(["git", "ls-files", *paths], cwd=REPO, capture_output=True, text=True, check=True)
    return [REPO / line for line in out.stdout.splitlines() if line and line != THIS]


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, FileNotFoundError):
        return ""


def test_no_invented_project_address_anywhere_in_the_repository() -> None:
    """The project has no address of its own: no code-hosting address names it, in code, docs or data."""
    found = []
    for path in _tracked():
        text = _text(path)
        for bad in ("treaty-tracker", "github.com/", "gitlab.com/", "bitbucket.org/"):
            if bad in text.lower():
                found.append(f"{path.relative_to(REPO)}: {bad}")
    assert found == []


def test_the_product_names_only_the_uns_addresses_and_reserved_ones() -> None:
    """Every URL and e-mail address in the code, its data files and the README: the UN's, loopback, or a
    name reserved for examples. (The claim checker's evaluation texts cite real pages: they are tests'
    data, not the product.)"""
    found = []
    for path in _tracked("pipeline", "README.md", "Makefile", "pyproject.toml", ".ci"):
        text = _text(path)
        for url in URL.findall(text):
            try:
                host = urlsplit(url).hostname or ""
            except ValueError:  # "http://[::1" cut by the pattern: loopback in brackets
                host = "::1" if "[::1" in url else url
            if host and "{" not in url and not ALLOWED.fullmatch(host):
                found.append(f"{path.relative_to(REPO)}: {url}")
        for host in EMAIL.findall(text):
            if not ALLOWED.fullmatch(host):
                found.append(f"{path.relative_to(REPO)}: an address at {host}")
    assert found == []


def test_the_user_agent_names_the_tool_and_the_operators_contact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TREATIES_CONTACT_URL", raising=False)
    monkeypatch.delenv("TREATIES_USER_AGENT", raising=False)
    assert config.http_settings().user_agent == f"treaties/{__version__}"
    monkeypatch.setenv("TREATIES_CONTACT_URL", "mailto:ops@example.org")
    assert config.http_settings().user_agent == f"treaties/{__version__} (+mailto:ops@example.org)"
    monkeypatch.setenv("TREATIES_CONTACT_URL", "https://example.org/who-runs-this")
    assert config.http_settings().user_agent == f"treaties/{__version__} (+https://example.org/who-runs-this)"
    monkeypatch.setenv("TREATIES_CONTACT_URL", "call me")
    with pytest.raises(config.SettingsError, match="TREATIES_CONTACT_URL='call me': expected an http"):
        config.http_settings()


def test_a_refresh_of_a_real_site_without_a_contact_asks_for_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TREATIES_CONTACT_URL", raising=False)
    monkeypatch.delenv("TREATIES_USER_AGENT", raising=False)
    note = contact_notice("https://treaties.un.org")
    assert note is not None and "\n" not in note and "TREATIES_CONTACT_URL" in note
    assert contact_notice("http://127.0.0.1:8000") is None  # the loopback mirror: nobody to ask
    monkeypatch.setenv("TREATIES_CONTACT_URL", "mailto:ops@example.org")
    assert contact_notice("https://treaties.un.org") is None


def test_the_refresh_command_prints_the_request_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through the CLI's base-URL check that refresh and crawl run before anything is fetched (called
    directly: no request is sent)."""
    from pipeline.cli.fetch_cmd import _base

    monkeypatch.delenv("TREATIES_CONTACT_URL", raising=False)
    monkeypatch.delenv("TREATIES_USER_AGENT", raising=False)
    assert _base("https://treaties.un.org/", None) == "https://treaties.un.org"
    assert capsys.readouterr().err.splitlines() == [contact_notice("https://treaties.un.org")]
    assert _base("http://127.0.0.1:9", None) == "http://127.0.0.1:9"
    assert capsys.readouterr().err == ""
