"""Fetching an address someone typed, without letting it reach inside our network.

Every fetch of a URL that an editor gave (today: the calendar import) goes through
``fetch``. It refuses, before connecting and again at every redirect:

- schemes other than http and https, and ports other than 80 and 443;
- host names that resolve to any address that is not public: loopback, private,
  link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast,
  reserved and unspecified addresses, in IPv4 and IPv6, and IPv6 forms that carry an
  IPv4 address (IPv4-mapped, 6to4, Teredo, NAT64).

It connects to the very address it checked (so a second DNS answer cannot swap in
another), verifies TLS against the host name, follows at most ``MAX_REDIRECTS``
redirects, and stops reading at ``max_bytes``. The caller shows one generic error for
every failure, so the answers cannot be used to scan ports or addresses.
"""

import http.client
import ipaddress
import logging
import socket
import ssl
from urllib.parse import urljoin, urlsplit

logger = logging.getLogger(__name__)

PORTS = {"http": 80, "https": 443}
MAX_REDIRECTS = 5
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class OutboundFetchError(Exception):
    """The address was refused or could not be fetched; the reason is for the log only."""


def is_public_address(address: str) -> bool:
    """True only for an address on the public internet (see the module's docstring)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or (ip.teredo[1] if ip.teredo else None) or ip.sixtofour
        if embedded is None and ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(str(embedded))
    return ip.is_global and not (
        ip.is_multicast
        or ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_unspecified
    )


def _resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (an address literal is itself)."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise OutboundFetchError(f"cannot resolve {host!r}: {error}") from error
    return list(dict.fromkeys(info[4][0] for info in infos))


def _connect(address: str, port: int, timeout: float) -> socket.socket:
    return socket.create_connection((address, port), timeout=timeout)


def checked_target(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, address) for `url`, or OutboundFetchError if it is refused."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in PORTS:
        raise OutboundFetchError(f"scheme {scheme!r} refused")
    try:
        port = parts.port or PORTS[scheme]
    except ValueError as error:
        raise OutboundFetchError("bad port") from error
    if port not in PORTS.values():
        raise OutboundFetchError(f"port {port} refused")
    host = parts.hostname
    if not host or parts.username or parts.password:
        raise OutboundFetchError("no host, or credentials in the address")
    addresses = _resolve(host, port)
    refused = [a for a in addresses if not is_public_address(a)]
    if not addresses or refused:
        raise OutboundFetchError(f"{host!r} resolves to a non-public address {refused}")
    return scheme, host, port, addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = _connect(self._address, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = _connect(self._address, self.port, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    headers: dict | None = None,
) -> bytes:
    """The body of `url` (at most ``max_bytes + 1`` bytes, so the caller sees it was cut)."""
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port, address = checked_target(url)
        connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        connection = connection_class(host, port, address=address, timeout=timeout)
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request(
                "GET", path, headers={"User-Agent": "Ressursbanken", **(headers or {})}
            )
            response = connection.getresponse()
            if response.status in REDIRECT_STATUSES:
                location = response.getheader("Location")
                if not location:
                    raise OutboundFetchError("redirect without a Location")
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise OutboundFetchError(f"status {response.status}")
            return response.read(max_bytes + 1)
        except (OSError, http.client.HTTPException, ValueError) as error:
            raise OutboundFetchError(f"{type(error).__name__}: {error}") from error
        finally:
            connection.close()
    raise OutboundFetchError("too many redirects")
