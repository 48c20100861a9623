"""Reads for the site login (the client's address, the reset link's origin, and the
limits) and for campaign pack subscriptions (who hears about which pack, and the links
in their mail).

Failed logins are counted by django-axes (``AXES_*`` settings): a name is locked for a
quarter of an hour after too many failures from one address, on every login form (the
site's and the admin's). Requests for a new password are counted by django-ratelimit.
Both count in Django's cache (Redis in production, so every application server shares
the count).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.http import HttpRequest

from wagtail.models import Locale

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


# --- Campaign pack subscriptions ------------------------------------------------------------

# The salt of the signed unsubscribe links: a signature made for anything else (with the
# same SECRET_KEY) is no unsubscribe link.
UNSUBSCRIBE_SALT = "resourcebank.accounts.pack-mail-unsubscribe"


def site_url(path: str) -> str:
    """`path` on the site's configured address (WAGTAILADMIN_BASE_URL), for links in mail:
    a worker has no request, and a request's Host header is not to be trusted."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_token(user) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe_user_id(token: str) -> int | None:
    """The user id a genuine unsubscribe token was made for; None for any other string."""
    try:
        user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return user_id if isinstance(user_id, int) else None


def _keys(terms) -> set:
    return {term.translation_key for term in terms}


def subscription_matches(subscription, pack) -> bool:
    """Whether `pack` is one `subscription` asked for: one of its audiences (or a pack for
    everyone, or a subscription to all), and its county (or a pack for the whole party, or
    a subscription to all counties). Reads prefetched ``audiences`` and ``counties``."""
    wanted = _keys(subscription.audiences.all())
    if wanted and (audiences := _keys(pack.audiences.all())) and not wanted & audiences:
        return False
    counties = _keys(subscription.counties.all())
    return not (counties and pack.county_id and pack.county.translation_key not in counties)


def user_request(user) -> HttpRequest:
    """A request as `user` makes it without a session: what the site shows them when
    they are logged in (a page's password is never given in it)."""
    request = HttpRequest()
    request.user = user if user is not None else AnonymousUser()
    request.session = {}
    return request


def page_visible_to_user(page, user, *, restrictions=None) -> bool:
    """Whether `user`, logged in, may see `page`: the same view restrictions the page
    itself checks (``restrictions``: the page's, when asked for many users)."""
    if restrictions is None:
        restrictions = page.get_view_restrictions()
    request = user_request(user)
    return all(restriction.accept_request(request) for restriction in restrictions)


def pack_for_reader(page, *, language: str):
    """The live version of the pack `page` in `language`, else the live version in any
    standard (Bokmål first), else None."""
    versions = [
        version.specific
        for version in page.get_translations(inclusive=True).live().select_related("locale")
    ]
    default = Locale.get_default().language_code
    versions.sort(
        key=lambda p: (p.locale.language_code != language, p.locale.language_code != default)
    )
    return versions[0] if versions else None


def page_url(page) -> str | None:
    """The page's address on the site's configured address (None: it has none)."""
    parts = page.get_url_parts()
    return site_url(parts[2]) if parts else None
