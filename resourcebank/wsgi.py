"""The WSGI entry point (gunicorn resourcebank.wsgi:application).

Behind proxies (Varnish, a load balancer) every request comes from a proxy's address.
With TRUSTED_PROXIES set (addresses or networks of our own proxies), a request whose
peer is one of them gets the reader's address in REMOTE_ADDR: the right-most address
in X-Forwarded-For that is not one of our proxies (those left of it may be forged by the
reader). The login and password reset throttles count per REMOTE_ADDR, so without this
they would count every reader behind a proxy as one.
"""

import ipaddress
import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resourcebank.settings.production")

django_application = get_wsgi_application()

# Not an HTTP_ key, so no request header can set it.
PEER_KEY = "ressursbanken.peer"


def _networks(values):
    return [ipaddress.ip_network(value.strip(), strict=False) for value in values if value.strip()]


def _trusted(address: str, networks) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address_from_proxies(environ: dict, networks) -> str:
    """The reader's address: REMOTE_ADDR, or, from a trusted proxy, the right-most
    untrusted address of X-Forwarded-For."""
    remote = environ.get("REMOTE_ADDR", "")
    forwarded = environ.get("HTTP_X_FORWARDED_FOR", "")
    if not networks or not forwarded or not _trusted(remote, networks):
        return remote
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote  # a malformed hop: keep the proxy's own address
    return hops[0] if hops else remote


def behind_trusted_proxies(app, networks):
    def application(environ, start_response):
        # The peer as connected (a proxy), for the check of X-Forwarded-Proto and the
        # other forwarded headers (resourcebank/core/middleware.py).
        environ[PEER_KEY] = environ.get("REMOTE_ADDR", "")
        environ["REMOTE_ADDR"] = client_address_from_proxies(environ, networks)
        return app(environ, start_response)

    return application


_proxy_networks = _networks(getattr(settings, "TRUSTED_PROXIES", []))
application = (
    behind_trusted_proxies(django_application, _proxy_networks)
    if _proxy_networks
    else django_application
)
