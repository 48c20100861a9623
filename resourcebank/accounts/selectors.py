"""Reads for the site login: the client's address, the reset link's origin, and the limits.

Failed logins are counted by django-axes (``AXES_*`` settings): a name is locked for a
quarter of an hour after too many failures from one address, on every login form (the
site's and the admin's). Requests for a new password are counted by django-ratelimit.
Both count in Django's cache (Redis in production, so every application server shares
the count).
"""

from urllib.parse import urlsplit

from django.conf import settings

from resourcebank.core.clients import client_address, client_address_key

__all__ = ["client_address", "client_address_key"]

# Failed logins allowed per account name from one address within the window; beyond
# that the name is locked there (django-axes). Counting per name *and* address means a
# stranger cannot lock a member out from elsewhere.
LOGIN_FAILURE_LIMIT = settings.AXES_FAILURE_LIMIT
# Failed logins allowed from one address in all, whatever the names (django-ratelimit).
LOGIN_ADDRESS_FAILURE_RATE = "20/15m"

# Password reset e-mails asked for, per e-mail address and per client address. Counted
# whether or not the address belongs to an account, so the limit tells a stranger
# nothing about who is a member.
PASSWORD_RESET_EMAIL_LIMIT = 3
PASSWORD_RESET_EMAIL_RATE = f"{PASSWORD_RESET_EMAIL_LIMIT}/15m"
PASSWORD_RESET_ADDRESS_RATE = "10/15m"  # noqa: S105 - a rate, not a password


def password_reset_link_origin() -> tuple[str, str]:
    """(protocol, domain) for the link in a password reset e-mail.

    From WAGTAILADMIN_BASE_URL, the site's configured address, never from the request's
    Host header: without django.contrib.sites, Django's get_current_site would take the
    Host header, and a forged one (where ALLOWED_HOSTS is wide) would send a member a
    link to someone else's server with a valid token in it.
    """
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return base.scheme or "https", base.netloc


def login_username(request, credentials) -> str:
    """The name django-axes counts failures under: case and spaces do not matter, so
    "KARI" and "kari " are one name."""
    name = (credentials or {}).get("username") or request.POST.get("username") or ""
    return name.strip().casefold()
