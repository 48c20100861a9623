"""Writes for the site login: counting failed attempts in Django's cache.

The cache is shared by every application server when it is Redis; with the local
memory cache of the embedded tier each process counts on its own.
"""

from django.core.cache import cache

from resourcebank.accounts.selectors import (
    LOGIN_FAILURE_WINDOW_SECONDS,
    login_failure_keys,
    password_reset_keys,
)


def login_failure_record(*, username: str, address: str) -> None:
    """Count one failed login for this name from this address (fixed 15-minute window)."""
    _count(login_failure_keys(username=username, address=address))


def password_reset_request_record(*, email: str, address: str) -> None:
    """Count one password reset request for this e-mail address from this address."""
    _count(password_reset_keys(email=email, address=address))


def _count(keys: list[tuple[str, int]]) -> None:
    for key, _limit in keys:
        cache.add(key, 0, timeout=LOGIN_FAILURE_WINDOW_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=LOGIN_FAILURE_WINDOW_SECONDS)


def login_failures_clear(*, username: str, address: str) -> None:
    """A successful login forgets this name's failures from this address."""
    key, _limit = login_failure_keys(username=username, address=address)[0]
    cache.delete(key)
