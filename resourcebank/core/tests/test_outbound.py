"""Fetching an address someone typed stays on the public internet (no server-side requests
into our own network), and the PDF renderer reads only our own files."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from resourcebank.core import outbound


class _Recorder(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        self.server.requests.append(self.path)
        if self.server.redirect_to:
            self.send_response(302)
            self.send_header("Location", self.server.redirect_to)
            self.end_headers()
            return
        body = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback_server():
    """A server on 127.0.0.1 that records every request it receives."""
    servers = []

    def start(redirect_to=None, family=socket.AF_INET, host="127.0.0.1"):
        class Server(ThreadingHTTPServer):
            address_family = family

        server = Server((host, 0), _Recorder)
        server.requests, server.redirect_to = [], redirect_to
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _import_error(url):
    from training import services

    with pytest.raises(services.CalendarImportError) as refused:
        services.calendar_fetch(url=url, timeout=3)
    return str(refused.value)


def _generic():
    from django.utils.translation import gettext

    return gettext(
        "The feed could not be downloaded. Check the address, and that it is a public "
        "http:// or https:// address."
    )


def test_the_calendar_import_refuses_loopback_and_the_server_receives_nothing(loopback_server):
    server = loopback_server()
    port = server.server_address[1]
    for url in (f"http://127.0.0.1:{port}/", f"http://localhost:{port}/", "http://127.0.0.1/"):
        assert _generic() == _import_error(url)
    assert server.requests == []


def test_the_calendar_import_refuses_ipv6_loopback(loopback_server):
    try:
        server = loopback_server(family=socket.AF_INET6, host="::1")
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    assert _generic() == _import_error(f"http://[::1]:{server.server_address[1]}/")
    assert _generic() == _import_error("http://[::1]/")
    assert _generic() == _import_error("http://[::ffff:127.0.0.1]/")
    assert server.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1]/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://[::ffff:169.254.169.254]/",
        "http://[64:ff9b::a00:1]/",
        "http://[2002:7f00:1::]/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://user:pw@example.org/",
    ],
)
def test_private_link_local_multicast_and_reserved_addresses_are_refused(url, monkeypatch):
    def no_connection(*args, **kwargs):
        raise AssertionError("no connection may be made")

    monkeypatch.setattr(outbound, "_connect", no_connection)
    assert _generic() == _import_error(url)


def test_a_name_that_resolves_to_a_private_address_is_refused(monkeypatch):
    def resolves_privately(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.1", port))]

    def no_connection(*args, **kwargs):
        raise AssertionError("no connection may be made")

    monkeypatch.setattr(outbound.socket, "getaddrinfo", resolves_privately)
    monkeypatch.setattr(outbound, "_connect", no_connection)
    assert _generic() == _import_error("https://kalender.example/feed.ics")


def test_a_public_address_that_redirects_to_loopback_is_refused(loopback_server, public_host):
    inside = loopback_server()
    outside = loopback_server(redirect_to=f"http://127.0.0.1:{inside.server_address[1]}/")
    public_host("kalender.example", outside.server_address[1])
    assert _generic() == _import_error("http://kalender.example/feed.ics")
    assert outside.requests == ["/feed.ics"]  # the public server was asked ...
    assert inside.requests == []  # ... but the loopback one never


def test_only_ports_80_and_443_are_fetched(loopback_server, public_host):
    server = loopback_server()
    public_host("kalender.example", server.server_address[1])
    assert _generic() == _import_error("http://kalender.example:8080/feed.ics")
    assert _generic() == _import_error("http://kalender.example:22/")
    assert server.requests == []
    from training import services

    assert services.calendar_fetch(url="http://kalender.example:80/feed.ics", timeout=3)
    assert server.requests == ["/feed.ics"]


def test_failures_look_alike_whatever_the_reason(loopback_server, public_host):
    """Refused, unreachable and redirected away read the same, so the import is no port
    scanner."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    public_host("nede.example", closed_port)
    server = loopback_server(redirect_to="http://10.0.0.1/")
    public_host("videre.example", server.server_address[1])
    messages = {
        _import_error("http://127.0.0.1:1/"),
        _import_error("http://10.0.0.1/"),
        _import_error("http://nede.example/"),
        _import_error("http://videre.example/"),
    }
    assert len(messages) == 1


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "::1", "10.1.2.3", "169.254.169.254", "::ffff:10.0.0.1", "fc00::1", "ff02::1"],
)
def test_is_public_address_says_no_to_inside_addresses(address):
    assert not outbound.is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"])
def test_is_public_address_says_yes_to_public_ones(address):
    assert outbound.is_public_address(address)


def test_weasyprint_reads_no_address_outside_our_files(loopback_server, tmp_path):
    """The PDF helper's fetcher refuses the network and file://: a page's HTML cannot make
    the server fetch anything."""
    from resourcebank.core.pdf import pdf_from_html

    server = loopback_server()
    port = server.server_address[1]
    secret = tmp_path / "hemmelig.css"
    secret.write_text("body { color: red }")
    html = (
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/stil.css">'
        f'<img src="http://127.0.0.1:{port}/bilde.png">'
        f'<img src="http://169.254.169.254/latest/meta-data/">'
        f'<link rel="stylesheet" href="file://{secret}">'
        '<img src="/media/documents/hemmelig.pdf">'
        "<p>Plakat</p>"
    )
    pdf = pdf_from_html(html)
    assert pdf.startswith(b"%PDF-")
    assert server.requests == []
