"""The reader's address behind our proxies (resourcebank/wsgi.py, TRUSTED_PROXIES).

Pure functions: these run in the ordinary test runs too, without the stack."""

import ipaddress

import pytest

from resourcebank.wsgi import client_address_from_proxies

PROXIES = [ipaddress.ip_network("127.0.0.1/32"), ipaddress.ip_network("10.0.0.0/8")]


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # Varnish, then nginx, each appended the address they got the request from.
        ("127.0.0.1", "203.0.113.9, 10.0.0.5", "203.0.113.9"),
        # What a reader wrote into the header themselves is left of their real address.
        ("127.0.0.1", "198.51.100.1, 203.0.113.9, 10.0.0.5", "203.0.113.9"),
        # A peer that is not our proxy: its header is not believed.
        ("192.0.2.7", "203.0.113.9", "192.0.2.7"),
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", "not-an-address, 10.0.0.5", "127.0.0.1"),
        ("127.0.0.1", "10.0.0.5", "10.0.0.5"),
        ("127.0.0.1", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address(remote, forwarded, expected):
    environ = {"REMOTE_ADDR": remote, "HTTP_X_FORWARDED_FOR": forwarded}
    assert client_address_from_proxies(environ, PROXIES) == expected


def test_without_trusted_proxies_remote_addr_stands():
    environ = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    assert client_address_from_proxies(environ, []) == "127.0.0.1"
