"""What the tests read from the real APy server: how many translations it was asked
for, and how many pipes it runs (its /stats page)."""

import json
import urllib.request


def apy_stats(url: str) -> dict:
    with urllib.request.urlopen(f"{url}/stats", timeout=10) as response:  # noqa: S310
        return json.load(response)["responseData"]


def apy_requests(url: str, pair: str = "nob-nno_e") -> int:
    """Translation requests APy has answered for `pair` since it started."""
    return apy_stats(url)["useCount"].get(pair, 0)
