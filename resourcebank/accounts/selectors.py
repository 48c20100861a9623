"""Reads for the site login: whether an account name or address is locked out for now."""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache

# Failed logins allowed per account name from one address, and per address in all,
# within the window; beyond either, the login form refuses without trying the password.
# Counting per name *and* address means a stranger cannot lock a member out from
# elsewhere; the per-address limit slows one machine trying many names.
LOGIN_FAILURE_LIMIT = 5
LOGIN_ADDRESS_FAILURE_LIMIT = 20
LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60


# Password reset e-mails asked for, per e-mail address and per client address, within
# the same window. Counted whether or not the address belongs to an account, so the
# limit tells a stranger nothing about who is a member.
PASSWORD_RESET_EMAIL_LIMIT = 3
PASSWORD_RESET_ADDRESS_LIMIT = 10


def _name_hash(name: str) -> str:
    return hashlib.sha256(name.strip().casefold().encode()).hexdigest()[:32]


def login_failure_keys(*, username: str, address: str) -> list[tuple[str, int]]:
    """The cache keys that count failures, each with its limit."""
    name = _name_hash(username)
    return [
        (f"accounts:login-failures:{address}:{name}", LOGIN_FAILURE_LIMIT),
        (f"accounts:login-failures:{address}", LOGIN_ADDRESS_FAILURE_LIMIT),
    ]


def login_throttled(*, username: str, address: str) -> bool:
    """True while this name from this address, or this address, has too many failures."""
    keys = login_failure_keys(username=username, address=address)
    counts = cache.get_many([key for key, _limit in keys])
    return any(counts.get(key, 0) >= limit for key, limit in keys)


def password_reset_keys(*, email: str, address: str) -> list[tuple[str, int]]:
    """The cache keys that count password reset requests, each with its limit."""
    return [
        (f"accounts:reset-requests:email:{_name_hash(email)}", PASSWORD_RESET_EMAIL_LIMIT),
        (f"accounts:reset-requests:{address}", PASSWORD_RESET_ADDRESS_LIMIT),
    ]


def password_reset_throttled(*, email: str, address: str) -> bool:
    """True while this e-mail address, or this client address, has asked too often."""
    keys = password_reset_keys(email=email, address=address)
    counts = cache.get_many([key for key, _limit in keys])
    return any(counts.get(key, 0) >= limit for key, limit in keys)


def password_reset_link_origin() -> tuple[str, str]:
    """(protocol, domain) for the link in a password reset e-mail.

    From WAGTAILADMIN_BASE_URL, the site's configured address, never from the request's
    Host header: without django.contrib.sites, Django's get_current_site would take the
    Host header, and a forged one (where ALLOWED_HOSTS is wide) would send a member a
    link to someone else's server with a valid token in it.
    """
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return base.scheme or "https", base.netloc


def client_address(request) -> str:
    """The address the request came from, as the server saw it.

    REMOTE_ADDR only: a forwarded-for header can be forged by anyone. Behind a reverse
    proxy, the proxy must set REMOTE_ADDR (e.g. gunicorn's --forwarded-allow-ips).
    """
    return request.META.get("REMOTE_ADDR") or "unknown"
