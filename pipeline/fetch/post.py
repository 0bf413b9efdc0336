"""The default webhook sender: one plain POST through requests (to be folded into fetch/http.py)."""

from __future__ import annotations

import requests

from pipeline import __version__
from pipeline.mtdsg import is_loopback


def post_bytes(url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
    """POST body to url and return the HTTP status; raises requests' errors when nothing came back.

    No redirects (a webhook that moved should be reconfigured, not followed with the payload) and no
    proxy variables for loopback receivers, as the site client does.
    """
    hdrs = {"User-Agent": f"treaties/{__version__} (webhook)", **headers}
    with requests.Session() as s:
        s.trust_env = not is_loopback(url)
        r = s.post(url, data=body, headers=hdrs, timeout=timeout, allow_redirects=False)
        r.close()
        return int(r.status_code)
