"""All settings in one place: the only module that reads environment variables."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pipeline import __version__
from pipeline.mtdsg import is_loopback

# The source checkout (pipeline/ sits in it). Only for files that ship with the code; data, reports and
# the saved pages default to the working directory, so a non-editable install never writes into
# site-packages. `make demo` and `make test` run from the checkout, where the two are the same folder.
REPO_ROOT = Path(__file__).resolve().parent.parent

DEFAULT_BASE_URL = "https://treaties.un.org"
# The tool's name on the wire. A polite scraper also names a contact that reaches its operator: the
# operator's own, from TREATIES_CONTACT_URL (the tool has no address of its own to give).
TOOL_NAME = "treaties"

# The site belongs to someone else: whatever the options say, never more than one request a second to
# it. Only a loopback server (our mirror, a test server) may be asked faster.
MIN_INTERVAL_FLOOR_S = 1.0


class SettingsError(ValueError):
    """A setting has a value we cannot use; the message names it, the value and what is expected."""

    def __init__(self, name: str, value: object, expected: str) -> None:
        super().__init__(f"{name}={value!r}: expected {expected}")
        self.name = name
        self.value = value
        self.expected = expected


def _env(name: str) -> str | None:
    value = os.environ.get(name)
    return value if value is not None and value.strip() != "" else None


def _env_float(name: str, default: float, *, minimum: float = 0.0, above: bool = False) -> float:
    text = _env(name)
    if text is None:
        return default
    expected = f"a number of seconds {'above' if above else 'at least'} {minimum:g}"
    try:
        value = float(text)
    except ValueError:
        raise SettingsError(name, text, expected) from None
    if not math.isfinite(value) or value < minimum or (above and value == minimum):
        raise SettingsError(name, text, expected)
    return value


def _env_int(name: str, default: int, *, minimum: int, what: str = "a whole number") -> int:
    text = _env(name)
    if text is None:
        return default
    try:
        value = int(text.strip())
    except ValueError:
        raise SettingsError(name, text, f"{what} of at least {minimum}") from None
    if value < minimum:
        raise SettingsError(name, text, f"{what} of at least {minimum}")
    return value


def _env_path(name: str, default: Path) -> Path:
    text = _env(name)
    return Path(text) if text is not None else default


def pages_dir() -> Path:
    """Folder of saved UNTC pages (read in place, never copied into the repo): ../shared/untc-pages."""
    return _env_path("UNTC_PAGES_DIR", Path.cwd().parent / "shared" / "untc-pages")


def data_dir() -> Path:
    return Path.cwd() / "data"


def db_path() -> Path:
    return _env_path("TREATIES_DB", data_dir() / "treaties.duckdb")


def raw_dir() -> Path:
    return _env_path("TREATIES_RAW_DIR", data_dir() / "raw")


def processed_dir() -> Path:
    return _env_path("TREATIES_PROCESSED_DIR", data_dir() / "processed")


def reports_dir() -> Path:
    return _env_path("TREATIES_REPORTS_DIR", Path.cwd() / "reports")


def watchlist_path() -> Path:
    """The default watchlist file: watchlist.txt in the working directory."""
    return Path.cwd() / "watchlist.txt"


def base_url() -> str:
    text = _env("TREATIES_BASE_URL") or DEFAULT_BASE_URL
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError("TREATIES_BASE_URL", text, "an http:// or https:// URL with a host")
    return text.strip().rstrip("/")


def check_min_interval(url: str, min_interval_s: float, *, name: str = "--min-interval") -> None:
    """Refuse an interval under MIN_INTERVAL_FLOOR_S for any host but loopback (SettingsError, one line)."""
    if min_interval_s < 0 or not math.isfinite(min_interval_s):
        raise SettingsError(name, min_interval_s, "a number of seconds at least 0")
    if min_interval_s < MIN_INTERVAL_FLOOR_S and not is_loopback(url):
        host = urlsplit(url).hostname or url
        raise SettingsError(
            name,
            min_interval_s,
            f"at least {MIN_INTERVAL_FLOOR_S:g} s for {host} (only a loopback server may be asked faster)",
        )


@dataclass(frozen=True)
class HttpSettings:
    """Politeness and robustness settings for talking to treaties.un.org."""

    user_agent: str = f"{TOOL_NAME}/{__version__}"
    timeout_s: float = 30.0  # connect, and each socket read
    max_retries: int = 4
    backoff_base_s: float = 1.0
    backoff_max_s: float = 60.0
    min_interval_s: float = 1.0  # at most one request per second by default
    max_bytes: int = 20 * 1024 * 1024  # on the wire and after decompression
    verify_tls: bool = True
    # One request (connect + headers + body) ends after this long, however slowly the bytes trickle.
    deadline_s: float = 120.0
    # The longest wait a server may ask for (Retry-After); a longer one stops the run (CircuitOpen).
    max_wait_s: float = 60.0
    # This many failed requests in a row to one host (5xx, 429, timeouts, resets) stop the run.
    max_failures: int = 10
    max_redirects: int = 5
    # Hosts a redirect may lead to besides the one asked (same host, http -> https, always allowed).
    redirect_hosts: tuple[str, ...] = ()
    # Folder holding the rate-limit state shared by every process using it (the raw store's folder);
    # None keeps the limit within this process (tests).
    state_dir: Path | None = None


def http_settings() -> HttpSettings:
    """HttpSettings from the environment; a bad value raises SettingsError naming the variable."""
    hosts = _env("TREATIES_REDIRECT_HOSTS") or ""
    return HttpSettings(
        user_agent=user_agent_override() or user_agent(contact_url()),
        timeout_s=_env_float("TREATIES_TIMEOUT", 30.0, above=True),
        max_retries=_env_int("TREATIES_MAX_RETRIES", 4, minimum=0),
        min_interval_s=_env_float("TREATIES_MIN_INTERVAL", 1.0),
        max_bytes=_env_int("TREATIES_MAX_BYTES", 20 * 1024 * 1024, minimum=1, what="a number of bytes"),
        deadline_s=_env_float("TREATIES_DEADLINE", 120.0, above=True),
        max_wait_s=_env_float("TREATIES_MAX_WAIT", 60.0),
        max_failures=_env_int("TREATIES_MAX_FAILURES", 10, minimum=1),
        max_redirects=_env_int("TREATIES_MAX_REDIRECTS", 5, minimum=0),
        redirect_hosts=tuple(h.strip().lower() for h in hosts.split(",") if h.strip()),
        state_dir=raw_dir(),
    )


def contact_url() -> str | None:
    """TREATIES_CONTACT_URL: where the site's operators can reach whoever runs this tool (an http(s)
    page or a mailto: address), or None when it is not set."""
    value = _env("TREATIES_CONTACT_URL")
    if value is None:
        return None
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.hostname or parts.scheme == "mailto" and "@" in parts.path:
        if any(c.isspace() or ord(c) < 32 for c in value):
            raise SettingsError("TREATIES_CONTACT_URL", value, "a URL without spaces or control characters")
        return value
    raise SettingsError("TREATIES_CONTACT_URL", value, "an http(s):// page or a mailto: address")


def user_agent_override() -> str | None:
    """TREATIES_USER_AGENT: a whole User-Agent of the operator's own, or None."""
    return _env("TREATIES_USER_AGENT")


def user_agent(contact: str | None) -> str:
    """The User-Agent: the tool and its version, and the operator's contact when there is one."""
    return f"{TOOL_NAME}/{__version__} (+{contact})" if contact else f"{TOOL_NAME}/{__version__}"


def busy_wait_s() -> float:
    """How long a command waits for a database another process has open (a writer between steps of a
    run, a reader) before it says who holds it: TREATIES_BUSY_WAIT seconds, default 5."""
    return _env_float("TREATIES_BUSY_WAIT", 5.0)


def notify_urls() -> list[str]:
    """Webhook URLs from TREATIES_NOTIFY (separated by spaces or commas); each must be http(s)."""
    text = _env("TREATIES_NOTIFY") or ""
    urls = [u for u in text.replace(",", " ").split() if u]
    check_webhook_urls(
        urls, name="TREATIES_NOTIFY", expected="http:// or https:// URLs separated by spaces or commas"
    )
    return urls


def check_webhook_urls(
    urls: list[str], *, name: str = "--notify", expected: str = "an http:// or https:// URL"
) -> None:
    """Refuse a webhook URL that is not http(s) with a host (SettingsError naming the option, one line)."""
    for u in urls:
        try:
            parts = urlsplit(u)
            ok = parts.scheme in ("http", "https") and bool(parts.hostname)
            parts.port  # noqa: B018 - a port that is not a number raises here
        except ValueError:
            ok = False
        if not ok:
            raise SettingsError(name, u, expected)
