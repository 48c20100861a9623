"""Importing events from Zetkin's iCal feeds: idempotent by UID, all or nothing."""

import datetime
import re
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

import pytest

from tests import factories
from tests.editorial_support import login_verified
from training import services
from training.models import OrganiserLevel, TrainingEvent

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")
SAMPLE = Path(__file__).parent / "fixtures" / "zetkin_events.ics"


@pytest.fixture(autouse=True)
def _english_messages():
    """Error messages are matched against their English msgids, whatever is compiled."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def sample():
    return SAMPLE.read_bytes()


@pytest.fixture
def package(training_catalog):
    return factories.TrainingPackagePageFactory(
        parent=training_catalog, title="Styrekurs", slug="styrekurs"
    )


@pytest.fixture
def vestland():
    return factories.CountyFactory(name="Vestland", slug="vestland")


def _import(data, package, county):
    return services.training_events_import(
        data=data, package=package, organiser_level=OrganiserLevel.COUNTY, county=county
    )


def test_importing_the_sample_feed_twice_creates_each_event_once(sample, package, vestland):
    first = _import(sample, package, vestland)
    assert (len(first.created), len(first.updated), len(first.unchanged)) == (6, 0, 0)
    second = _import(sample, package, vestland)
    assert (len(second.created), len(second.updated), len(second.unchanged)) == (0, 0, 6)
    assert TrainingEvent.objects.count() == 6

    events = {event.uid: event for event in TrainingEvent.objects.all()}
    before_dst = events["zetkin-event-48213@app.zetkin.org"]
    after_dst = events["zetkin-event-48240@app.zetkin.org"]
    # 18:00 in Oslo on both sides of the change to summer time on 29 March 2026.
    assert before_dst.start == datetime.datetime(2026, 3, 25, 17, 0, tzinfo=datetime.UTC)
    assert after_dst.start == datetime.datetime(2026, 4, 1, 16, 0, tzinfo=datetime.UTC)
    autumn = events["zetkin-event-51008@app.zetkin.org"]
    assert autumn.start.astimezone(OSLO).hour == 18  # after the change back on 25 October
    assert before_dst.place == "Folkets hus, Kaigaten 4, Bergen"
    assert before_dst.signup_url == "https://app.zetkin.org/o/371/events/48213"
    assert before_dst.title == "Styrekurs for nye lokallagsstyrer"
    assert "Kaffe og vafler." in before_dst.description
    assert before_dst.county == vestland and before_dst.package == package
    assert events["zetkin-event-51133@app.zetkin.org"].cancelled is True


def test_a_changed_event_is_updated_and_keeps_its_participant_count(sample, package, vestland):
    _import(sample, package, vestland)
    event = TrainingEvent.objects.get(uid="zetkin-event-48213@app.zetkin.org")
    event.participants = 14
    event.save()
    changed = sample.replace(
        b"DTSTART;TZID=Europe/Oslo:20260325T180000", b"DTSTART;TZID=Europe/Oslo:20260325T173000"
    )
    changed = changed.replace(
        b"LOCATION:Folkets hus\\, Kaigaten 4\\, Bergen", b"LOCATION:Litteraturhuset\\, Bergen"
    )
    report = _import(changed, package, vestland)
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 1, 5)
    assert "Styrekurs for nye lokallagsstyrer" in report.updated[0]
    event.refresh_from_db()
    assert event.place == "Litteraturhuset, Bergen"
    assert event.start.astimezone(OSLO).time() == datetime.time(17, 30)
    assert event.participants == 14


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda data: b"<html><body>Not found</body></html>", "not an iCalendar feed"),
        (lambda data: data.replace(b"END:VCALENDAR", b""), "not valid iCalendar"),
        (
            lambda data: data.replace(b"UID:zetkin-event-51008@app.zetkin.org\r\n", b""),
            "has no UID",
        ),
        (
            lambda data: data.replace(
                b"DTSTART;TZID=Europe/Oslo:20261205T100000", b"DTSTART:tomorrow"
            ),
            "has no valid start",
        ),
        (
            lambda data: data.replace(
                b"DTEND;TZID=Europe/Oslo:20261028T203000", b"DTEND;TZID=Europe/Oslo:20261028T080000"
            ),
            "cannot be imported",
        ),
    ],
)
def test_a_malformed_feed_gives_a_clear_error_and_changes_nothing(
    sample, package, vestland, mangle, message
):
    _import(sample, package, vestland)
    before = list(TrainingEvent.objects.order_by("uid").values())
    # The malformed feed also changes an event that comes before the bad one.
    bad = mangle(sample.replace(b"Styrekurs for nye", b"Endret kurs for nye"))
    with pytest.raises(services.CalendarImportError, match=message):
        _import(bad, package, vestland)
    assert list(TrainingEvent.objects.order_by("uid").values()) == before


def test_fetching_accepts_only_web_addresses():
    for url in ("file:///etc/passwd", "ftp://example.org/events.ics", "events.ics"):
        with pytest.raises(services.CalendarImportError, match="http"):
            services.calendar_fetch(url=url)


@pytest.fixture
def loopback_feed(public_host):
    """The sample feed served over http on the loopback interface (no outside network),
    at an address that looks public to the import (``public_host``)."""
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = partial(QuietHandler, directory=str(SAMPLE.parent))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    public_host("kalender.example", server.server_address[1])
    yield f"http://kalender.example/{SAMPLE.name}"
    server.shutdown()
    server.server_close()


def test_fetching_over_http_has_a_size_cap(loopback_feed):
    assert services.calendar_fetch(url=loopback_feed, timeout=5) == SAMPLE.read_bytes()
    with pytest.raises(services.CalendarImportError, match="larger than"):
        services.calendar_fetch(url=loopback_feed, timeout=5, max_bytes=1024)
    from django.utils.translation import gettext

    failed = gettext(
        "The feed could not be downloaded. Check the address, and that it is a public "
        "http:// or https:// address."
    )
    with pytest.raises(services.CalendarImportError, match=re.escape(failed)):
        services.calendar_fetch(url=loopback_feed + ".missing", timeout=5)


def test_management_command_imports_a_file_and_reports(package, vestland):
    out = StringIO()
    call_command(
        "import_zetkin_events",
        "--file",
        str(SAMPLE),
        "--package",
        "styrekurs",
        "--organiser-level",
        "county",
        "--county",
        "vestland",
        stdout=out,
    )
    assert "6 created, 0 updated, 0 unchanged" in out.getvalue()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command(
            "import_zetkin_events",
            "--url",
            "file:///etc/passwd",
            "--package",
            "styrekurs",
            "--organiser-level",
            "national",
            stdout=out,
        )
    assert TrainingEvent.objects.count() == 6


def test_admin_import_is_reached_from_the_event_listing_and_reports_changes(
    client, editor, package, vestland
):
    login_verified(client, editor)
    listing = client.get("/admin/snippets/training/trainingevent/")
    assert "/admin/training/import/" in listing.content.decode()
    form = {"package": package.pk, "organiser_level": "county", "county": vestland.pk}
    response = client.post(
        "/admin/training/import/",
        {**form, "feed_file": SimpleUploadedFile("events.ics", SAMPLE.read_bytes())},
    )
    assert response.status_code == 200
    report = response.context["report"]
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (6, 0, 0)
    assert TrainingEvent.objects.count() == 6
    bad = client.post(
        "/admin/training/import/",
        {**form, "feed_file": SimpleUploadedFile("events.ics", b"BEGIN:VCALENDAR\r\nnonsense")},
    )
    assert bad.status_code == 200
    assert "report" not in bad.context
    errors = [m for m in bad.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1 and "BEGIN:VCALENDAR" not in str(bad.context.get("report", ""))
    assert TrainingEvent.objects.count() == 6


def test_admin_import_needs_permission_to_add_events(client, django_user_model, package):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("bidragsyter", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    login_verified(client, user)
    assert client.get("/admin/training/import/").status_code in (302, 403)
    listing = client.get("/admin/snippets/training/trainingevent/")
    assert "/admin/training/import/" not in listing.content.decode()


@pytest.fixture(scope="module")
def loopback_tls_feed(tmp_path_factory):
    """The sample feed served over https on the loopback interface, with a throwaway
    certificate for kalender.example that the test trusts through SSL_CERT_FILE."""
    import shutil
    import ssl
    import subprocess
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from tests.fixtures import service_missing

    openssl = shutil.which("openssl")
    if openssl is None:
        service_missing("openssl is needed for the https feed test", "apt-get install openssl")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(  # noqa: S603
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=kalender.example",
            "-addext",
            "subjectAltName=DNS:kalender.example",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )

    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(QuietHandler, directory=str(SAMPLE.parent))
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"port": server.server_address[1], "path": SAMPLE.name, "cert": cert}
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("scheme", ["webcal", "webcals", "WEBCAL"])
def test_a_webcal_address_is_imported_over_https(
    client, editor, package, vestland, loopback_tls_feed, monkeypatch, public_host, scheme
):
    monkeypatch.setenv("SSL_CERT_FILE", str(loopback_tls_feed["cert"]))
    public_host("kalender.example", loopback_tls_feed["port"])
    login_verified(client, editor)
    response = client.post(
        "/admin/training/import/",
        {
            "feed_url": f"{scheme}://kalender.example/{loopback_tls_feed['path']}",
            "package": package.pk,
            "organiser_level": "county",
            "county": vestland.pk,
        },
    )
    assert response.status_code == 200
    assert not response.context["form"].errors
    report = response.context["report"]
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (6, 0, 0)
    assert TrainingEvent.objects.count() == 6


def test_webcal_is_fetched_as_https_and_other_schemes_are_refused():
    normalise = services.feed_url_normalise
    assert normalise(url="webcal://example.org/e.ics?x=1") == "https://example.org/e.ics?x=1"
    assert normalise(url="webcals://example.org/e.ics") == "https://example.org/e.ics"
    assert normalise(url="http://example.org/e.ics") == "http://example.org/e.ics"
    for url in ("file:///etc/passwd", "ftp://example.org/e.ics", "webcalx://example.org/"):
        with pytest.raises(services.CalendarImportError, match="webcal://"):
            normalise(url=url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/events.ics"])
def test_the_import_form_refuses_a_bad_scheme_with_a_norwegian_error(package, vestland, url):
    from django.utils import translation

    from training.forms import ZetkinImportForm

    data = {"package": package.pk, "organiser_level": "county", "county": vestland.pk}
    with translation.override("nb"):
        form = ZetkinImportForm(data={**data, "feed_url": url})
        assert not form.is_valid()
        expected = translation.gettext(
            "The feed address must start with http://, https://, webcal:// or webcals://."
        )
    # The message comes from the nb catalogue (English only until the lead translates it).
    assert form.errors["feed_url"] == [expected]
    assert TrainingEvent.objects.count() == 0
    with translation.override("nb"):
        assert ZetkinImportForm(data={**data, "feed_url": "webcal://example.org/e.ics"}).is_valid()
