"""Reads for the site login: whether an account name or address is locked out for now."""

import hashlib

from django.core.cache import cache

# Failed logins allowed per account name from one address, and per address in all,
# within the window; beyond either, the login form refuses without trying the password.
# Counting per name *and* address means a stranger cannot lock a member out from
# elsewhere; the per-address limit slows one machine trying many names.
LOGIN_FAILURE_LIMIT = 5
LOGIN_ADDRESS_FAILURE_LIMIT = 20
LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60


def login_failure_keys(*, username: str, address: str) -> list[tuple[str, int]]:
    """The cache keys that count failures, each with its limit."""
    name = hashlib.sha256(username.strip().casefold().encode()).hexdigest()[:32]
    return [
        (f"accounts:login-failures:{address}:{name}", LOGIN_FAILURE_LIMIT),
        (f"accounts:login-failures:{address}", LOGIN_ADDRESS_FAILURE_LIMIT),
    ]


def login_throttled(*, username: str, address: str) -> bool:
    """True while this name from this address, or this address, has too many failures."""
    keys = login_failure_keys(username=username, address=address)
    counts = cache.get_many([key for key, _limit in keys])
    return any(counts.get(key, 0) >= limit for key, limit in keys)


def client_address(request) -> str:
    """The address the request came from, as the server saw it.

    REMOTE_ADDR only: a forwarded-for header can be forged by anyone. Behind a reverse
    proxy, the proxy must set REMOTE_ADDR (e.g. gunicorn's --forwarded-allow-ips).
    """
    return request.META.get("REMOTE_ADDR") or "unknown"
