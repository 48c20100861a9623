"""Who is asking: the client's address, read in one place for every throttle and lock-out.

Behind our own reverse proxies (``TRUSTED_PROXIES``: addresses or networks, e.g.
``10.0.1.0/24``) every request arrives from a proxy, and the reader's address is in
``X-Forwarded-For``. Only a request whose peer (``REMOTE_ADDR``) is one of those proxies
has that header read, from the right: the right-most address that is not one of our
proxies is the reader's (anything left of it may be forged by the reader). With no
trusted proxies, ``REMOTE_ADDR`` alone is used and ``X-Forwarded-*`` headers are ignored
(``middleware.TrustedProxyMiddleware`` removes them, so ``SECURE_PROXY_SSL_HEADER`` cannot
be forged either).

Under gunicorn, ``resourcebank/wsgi.py`` already puts the reader's address in
``REMOTE_ADDR`` and keeps the connected peer under ``PEER_KEY``; both paths agree.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

# Set by resourcebank/wsgi.py when it has resolved the reader behind our proxies.
PEER_KEY = "ressursbanken.peer"


@lru_cache(maxsize=8)
def _networks(values: tuple[str, ...]):
    return tuple(ipaddress.ip_network(v.strip(), strict=False) for v in values if v.strip())


def trusted_proxy_networks():
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", None) or ()))


def _parse(address: str):
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return None
    return ip.ipv4_mapped or ip if isinstance(ip, ipaddress.IPv6Address) else ip


def is_trusted_proxy(address: str) -> bool:
    ip = _parse(address or "")
    return ip is not None and any(ip in network for network in trusted_proxy_networks())


def peer_address(request) -> str:
    """The address that connected to us (a proxy, when there is one)."""
    return request.META.get(PEER_KEY) or request.META.get("REMOTE_ADDR") or ""


def client_address(request) -> str:
    """The address of the reader who sent `request` (see the module's docstring)."""
    remote = request.META.get("REMOTE_ADDR") or ""
    if PEER_KEY in request.META:
        return remote or "unknown"  # resolved already by resourcebank/wsgi.py
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and is_trusted_proxy(remote):
        for hop in reversed([h.strip() for h in forwarded.split(",") if h.strip()]):
            if is_trusted_proxy(hop):
                continue
            parsed = _parse(hop)
            return str(parsed) if parsed is not None else remote or "unknown"
    return remote or "unknown"


def lockout_address(request) -> str | None:
    """django-axes' address (``AXES_CLIENT_IP_CALLABLE``): the client's address, or None
    when the request has none (a test's ``force_login``, a management command). Axes
    stores it in an IP address column, which PostgreSQL refuses to fill with a word."""
    address = client_address(request)
    return address if _parse(address) is not None else None


def client_address_key(group, request) -> str:
    """django-ratelimit's key: the client's address."""
    return client_address(request)
