"""All settings in one place: the only module that reads environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pipeline import __version__

# The repository root (pipeline/ sits in it); data paths are relative to it unless overridden.
REPO_ROOT = Path(__file__).resolve().parent.parent

DEFAULT_BASE_URL = "https://treaties.un.org"
DEFAULT_CONTACT_URL = "https://github.com/treaty-tracker/treaties"


def pages_dir() -> Path:
    """Folder of saved UNTC pages (read in place, never copied into the repo)."""
    env = os.environ.get("UNTC_PAGES_DIR")
    return Path(env) if env else (REPO_ROOT.parent / "shared" / "untc-pages")


def db_path() -> Path:
    env = os.environ.get("TREATIES_DB")
    return Path(env) if env else REPO_ROOT / "data" / "treaties.duckdb"


def raw_dir() -> Path:
    env = os.environ.get("TREATIES_RAW_DIR")
    return Path(env) if env else REPO_ROOT / "data" / "raw"


def processed_dir() -> Path:
    return REPO_ROOT / "data" / "processed"


def reports_dir() -> Path:
    env = os.environ.get("TREATIES_REPORTS_DIR")
    return Path(env) if env else REPO_ROOT / "reports"


def base_url() -> str:
    return os.environ.get("TREATIES_BASE_URL", DEFAULT_BASE_URL).rstrip("/")


@dataclass(frozen=True)
class HttpSettings:
    """Politeness and robustness settings for talking to treaties.un.org."""

    user_agent: str = f"treaties/{__version__} (+{DEFAULT_CONTACT_URL})"
    timeout_s: float = 30.0
    max_retries: int = 4
    backoff_base_s: float = 1.0
    backoff_max_s: float = 60.0
    min_interval_s: float = 1.0  # at most one request per second by default
    max_bytes: int = 20 * 1024 * 1024
    verify_tls: bool = True


def http_settings() -> HttpSettings:
    env = os.environ
    contact = env.get("TREATIES_CONTACT_URL", DEFAULT_CONTACT_URL)
    return HttpSettings(
        user_agent=env.get("TREATIES_USER_AGENT", f"treaties/{__version__} (+{contact})"),
        timeout_s=float(env.get("TREATIES_TIMEOUT", 30.0)),
        max_retries=int(env.get("TREATIES_MAX_RETRIES", 4)),
        min_interval_s=float(env.get("TREATIES_MIN_INTERVAL", 1.0)),
        max_bytes=int(env.get("TREATIES_MAX_BYTES", 20 * 1024 * 1024)),
    )
