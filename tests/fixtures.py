"""Fixtures shared by every app's tests (loaded by the root conftest.py)."""

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

import pytest

from resourcebank.editorial import roles, services
from tests import factories
from tests.editorial_support import make_user, publish


def service_missing(reason: str, how: str):
    """Skip a test whose service is missing, or fail in CI where nothing may be skipped."""
    message = f"{reason}. To get it: {how}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(autouse=True, scope="session")
def _isolated_media_root(tmp_path_factory):
    """Uploaded files go to a temporary folder that is removed after the run."""
    from django.conf import settings

    media = tmp_path_factory.mktemp("media")
    settings.MEDIA_ROOT = str(media)
    yield media
    shutil.rmtree(media, ignore_errors=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (the local-memory cache outlives a test)."""
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()
    yield


@pytest.fixture(autouse=True)
def _activate_bokmal():
    from django.utils import translation

    with translation.override("nb"):
        yield


@pytest.fixture
def nb_locale(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="nb")


@pytest.fixture
def nn_locale(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="nn")


@pytest.fixture
def home_page(db):
    """The Bokmål home page that the migrations make the default site's root."""
    from resourcebank.core.models import HomePage

    return HomePage.objects.get(locale__language_code="nb", depth=2)


@pytest.fixture
def campaign_index(home_page):
    return factories.CampaignIndexPageFactory(parent=home_page)


@pytest.fixture
def kvinnedagen_pack(campaign_index):
    """Makes the published campaign pack "Kvinnedagen" (/kvinnedagen/) with the given fields."""

    def make(**fields):
        return publish(
            factories.CampaignPackPageFactory(
                parent=campaign_index, title="Kvinnedagen", slug="kvinnedagen", **fields
            )
        )

    return make


@pytest.fixture
def story_index(home_page):
    return factories.StoryIndexPageFactory(parent=home_page)


@pytest.fixture
def training_catalog(home_page):
    return factories.TrainingCatalogPageFactory(parent=home_page)


@pytest.fixture
def handbook_index(home_page):
    return factories.HandbookIndexPageFactory(parent=home_page)


@pytest.fixture
def superuser(db, django_user_model):
    """Only for tests about superusers: a test of what a role does logs in as that role."""
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")


@pytest.fixture
def editor(editorial_setup, django_user_model):
    """A user in the editors' group, with the roles' permissions as migrate makes them."""
    return make_user(django_user_model, "redaktor", roles.EDITORS)


@pytest.fixture
def contributor(editorial_setup, django_user_model):
    return make_user(django_user_model, "bidragsyter", roles.CONTRIBUTORS)


@pytest.fixture
def translator(editorial_setup, django_user_model):
    return make_user(django_user_model, "oversetter", roles.TRANSLATORS)


@pytest.fixture
def member(editorial_setup, django_user_model):
    """Kari Nordmann, a member: user name kari, kari@example.org, password PASSWORD."""
    user = make_user(django_user_model, "kari", roles.MEMBERS)
    user.first_name, user.last_name = "Kari", "Nordmann"
    user.save(update_fields=["first_name", "last_name"])
    return user


@pytest.fixture
def elected_member(editorial_setup, django_user_model):
    return make_user(django_user_model, "per", roles.ELECTED_MEMBERS)


APERTIUM_MODES = "/usr/share/apertium/modes"
APERTIUM_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "apertium.sh"
APERTIUM_HOW = "apt-get install apertium-nno-nob apertium-apy (or make system-deps-test)"


@pytest.fixture(scope="session")
def apertium_command():
    """The `apertium` command with the Bokmål–Nynorsk pair, or a skip (a failure in CI)."""
    if shutil.which("apertium") is None or not Path(APERTIUM_MODES, "nob-nno_e.mode").exists():
        service_missing("The apertium command or its nob-nno pair is missing", APERTIUM_HOW)
    return shutil.which("apertium")


@pytest.fixture(scope="session")
def apertium_apy_url(apertium_command):
    """An apertium-apy server on a free loopback port for the whole run, stopped after it,
    started as the production tier starts it (scripts/apertium.sh: several pipes)."""
    if shutil.which("apertium-apy") is None:
        service_missing("apertium-apy is missing", APERTIUM_HOW)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [str(APERTIUM_SCRIPT), "run", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/listPairs", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                service_missing("apertium-apy did not start", APERTIUM_HOW)
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker, tmp_path_factory):
    """`load_demo` run once per module, inside a transaction rolled back at module end.

    Files go to a temporary MEDIA_ROOT. Tests using this fixture also need `db`; their own
    changes are rolled back to the loaded state after each test.
    """
    media_root = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=str(media_root)), django_db_blocker.unblock():
        with transaction.atomic():
            call_command("load_demo", verbosity=0)
            yield media_root
            transaction.set_rollback(True)


@pytest.fixture
def editorial_setup(db):
    """The roles and the workflow, as `migrate` leaves them."""
    groups = roles.roles_ensure()
    workflow = services.editorial_workflow_ensure()
    return {"groups": groups, "workflow": workflow}


@pytest.fixture
def role_users(editorial_setup, django_user_model):
    """One user per role, named after the role's key."""
    return {
        key: make_user(django_user_model, key.replace("_", "-"), key)
        for key in roles.ROLE_GROUP_NAMES
    }


@pytest.fixture
def campaign_pack(campaign_index):
    """A live Bokmål campaign pack."""
    return publish(factories.CampaignPackPageFactory(parent=campaign_index))


@pytest.fixture
def public_and_private(
    home_page, campaign_index, story_index, training_catalog, handbook_index, nn_locale
):
    """Public content beside members-only, restricted, password and draft content, and
    public beside members-only files (see tests/reach_support.py)."""
    from tests.reach_support import public_and_private_content

    return public_and_private_content(
        home=home_page,
        campaign_index=campaign_index,
        story_index=story_index,
        training_catalog=training_catalog,
        handbook_index=handbook_index,
        nn_locale=nn_locale,
    )


@pytest.fixture
def public_host(monkeypatch):
    """Make a host name look like a public server to ``resourcebank.core.outbound`` while
    its connections go to a server on loopback: ``public_host("kalender.example", port)``.

    The public-looking address is never contacted: every connection to it is routed to
    127.0.0.1, and a connection to any other public address fails the test.
    """
    from resourcebank.core import outbound

    routes: dict[str, tuple[str, int]] = {}
    real_resolve, real_connect = outbound._resolve, outbound._connect

    def resolve(host, port):
        if host in routes:
            return [routes[host][0]]
        return real_resolve(host, port)

    def connect(address, port, timeout):
        for fake, loopback_port in routes.values():
            if address == fake:
                return real_connect("127.0.0.1", loopback_port, timeout)
        if outbound.is_public_address(address):
            raise AssertionError(f"a test tried to reach the public address {address}")
        return real_connect(address, port, timeout)

    monkeypatch.setattr(outbound, "_resolve", resolve)
    monkeypatch.setattr(outbound, "_connect", connect)

    def route(host: str, port: int) -> str:
        fake = f"93.184.216.{34 + len(routes)}"
        routes[host] = (fake, port)
        return fake

    return route


@pytest.fixture
def database_tasks(settings):
    """The database task backend (the production tier's queue) for one test.

    Set through pytest-django's `settings`, like any other setting the test changes: an
    ``override_settings(TASKS=...)`` decorator mixed with the `settings` fixture left
    TASKS on the database backend for every later test (the fixture restored a copy of
    the settings taken inside the decorator), so their tasks were queued, never run.
    """
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def worker(database_tasks, monkeypatch):
    """Run the task worker once over what is due (as ``manage.py db_worker`` does), with
    the database task backend."""
    from django.core.management import call_command

    # The worker drops the database connection between tasks; here that would end the
    # test's transaction.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run():
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "-v", "0")

    return run
