"""The client's address and scheme: from our own proxies only."""

from django.test import RequestFactory

import pytest

from resourcebank.core.clients import client_address, lockout_address


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        ([], "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # no proxies: header ignored
        (["10.0.1.0/24"], "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # not from a proxy
        (["10.0.1.0/24"], "10.0.1.5", "198.51.100.1", "198.51.100.1"),
        # A forged left-most hop is skipped: the right-most untrusted one is the reader.
        (["10.0.1.0/24"], "10.0.1.5", "1.2.3.4, 198.51.100.1, 10.0.1.9", "198.51.100.1"),
        (["10.0.1.0/24", "::1"], "::1", "2001:db8::5", "2001:db8::5"),
        (["10.0.1.0/24"], "10.0.1.5", "garbage", "10.0.1.5"),
        (["127.0.0.1"], "::ffff:127.0.0.1", "198.51.100.1", "198.51.100.1"),
    ],
)
def test_the_reader_is_found_behind_trusted_proxies_only(
    rf, settings, proxies, remote, forwarded, expected
):
    settings.TRUSTED_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


@pytest.mark.django_db
def test_forwarded_headers_from_others_are_dropped(client, settings, home_page):
    settings.TRUSTED_PROXIES = ["10.0.1.0/24"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    seen = {}

    from django.test import signals

    def capture(sender, **kwargs):
        seen["secure"] = kwargs["context"].get("request").is_secure()

    signals.template_rendered.connect(capture)
    try:
        client.get("/nb/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_PROTO="https")
        assert seen["secure"] is False
        client.get("/nb/", REMOTE_ADDR="10.0.1.5", HTTP_X_FORWARDED_PROTO="https")
        assert seen["secure"] is True
    finally:
        signals.template_rendered.disconnect(capture)


def test_the_proxy_ssl_header_is_trusted_only_with_trusted_proxies():
    from resourcebank.settings import base

    assert bool(getattr(base, "SECURE_PROXY_SSL_HEADER", None)) == bool(base.TRUSTED_PROXIES)


def test_behind_gunicorns_wrapper_both_paths_agree(rf, settings):
    """resourcebank/wsgi.py resolves the reader into REMOTE_ADDR and keeps the proxy as the
    peer: the address is not resolved twice, and the proxy's X-Forwarded-Proto is kept."""
    from resourcebank.core import clients
    from resourcebank.core.middleware import TrustedProxyMiddleware

    settings.TRUSTED_PROXIES = ["10.0.1.0/24"]
    request = rf.get(
        "/",
        REMOTE_ADDR="198.51.100.1",
        HTTP_X_FORWARDED_FOR="198.51.100.1",
        HTTP_X_FORWARDED_PROTO="https",
        **{clients.PEER_KEY: "10.0.1.5"},
    )
    TrustedProxyMiddleware(lambda r: None)(request)
    assert client_address(request) == "198.51.100.1"
    assert request.META["HTTP_X_FORWARDED_PROTO"] == "https"
    forged = rf.get(
        "/",
        REMOTE_ADDR="198.51.100.1",
        HTTP_X_FORWARDED_PROTO="https",
        **{clients.PEER_KEY: "203.0.113.9"},
    )
    TrustedProxyMiddleware(lambda r: None)(forged)
    assert "HTTP_X_FORWARDED_PROTO" not in forged.META


@pytest.mark.django_db
def test_a_login_without_an_address_is_counted_without_one(client, role_users, home_page):
    """A request with no address (a management command, a test's force_login) logs in;
    django-axes stores no address rather than a word PostgreSQL's inet column refuses."""
    request = RequestFactory().get("/", REMOTE_ADDR="")
    assert lockout_address(request) is None
    assert lockout_address(RequestFactory().get("/", REMOTE_ADDR="::1")) == "::1"
    member = role_users["members"]
    client.force_login(member)
    assert client.get("/nb/").wsgi_request.user == member
