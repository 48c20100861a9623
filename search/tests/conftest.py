"""A fixed corpus in both written standards, searched through every available backend.

The corpus is built once per test module and committed (so the real search
engine can index it), then deleted again. Backends: the database backend of
the current DATABASE_URL (SQLite, or PostgreSQL in the Makefile's second run)
and, where one runs, the real OpenSearch (SEARCH_URL, started by
`scripts/search-engine.sh start`).
"""

import contextlib
import io
import os
import subprocess
import urllib.request
from pathlib import Path

from django.core.management import call_command
from django.test import override_settings

import pytest

from search.backends import search_backends
from search.engines.resilience import breaker_reset
from tests import factories
from tests.fixtures import service_missing

ROOT = Path(__file__).resolve().parents[2]


ENGINES = ("opensearch", "elasticsearch")


def engine_url(engine: str) -> str:
    """An engine's URL: SEARCH_URL_<ENGINE> (or SEARCH_URL for OpenSearch), or the one
    scripts/search-engine.sh runs; empty when none runs."""
    url = os.environ.get(f"SEARCH_URL_{engine.upper()}", "")
    if not url and engine == "opensearch":
        url = os.environ.get("SEARCH_URL", "")
    if not url:
        found = subprocess.run(
            [str(ROOT / "scripts" / "search-engine.sh"), "url", engine],
            capture_output=True,
            text=True,
            check=False,
        )
        url = found.stdout.strip() if found.returncode == 0 else ""
    return url


def _require_engine(engine: str) -> str:
    url = engine_url(engine)
    if not url:
        service_missing(
            f"No search engine ({engine}) is running",
            f"run `scripts/search-engine.sh start {engine}` (needs mvn and Java 17) and set "
            f"SEARCH_URL_{engine.upper()} to the URL it prints, or run `make test-sqlite`",
        )
    return url


def _drop_indexes(url: str) -> None:
    """Drop this run's indexes so repeated runs do not fill the engine's disk."""
    for pattern in (f"test_{os.getpid()}_*", "test_resilience_*"):
        request = urllib.request.Request(f"{url}/{pattern}", method="DELETE")  # noqa: S310
        with contextlib.suppress(OSError):
            urllib.request.urlopen(request, timeout=10).close()  # noqa: S310 - loopback URL


@pytest.fixture(scope="session")
def engine_urls():
    """URLs of the engines found running, by name; their test indexes dropped at the end."""
    found = {}
    yield found
    for url in found.values():
        _drop_indexes(url)


@pytest.fixture(scope="session")
def search_engine_url(engine_urls):
    """OpenSearch's URL (the resilience tests' engine)."""
    engine_urls["opensearch"] = _require_engine("opensearch")
    return engine_urls["opensearch"]


def engine_settings(
    url: str, *, engine: str = "opensearch", timeout: float = 10.0, prefix: str | None = None
) -> dict:
    return search_backends(
        backend=engine,
        url=url,
        index_prefix=prefix or f"test_{os.getpid()}",
        timeout=timeout,
    )


BACKENDS = ["database", *ENGINES]


@pytest.fixture(scope="module", params=BACKENDS)
def backend_name(request):
    return request.param


@pytest.fixture(scope="module")
def search_settings(backend_name, engine_urls):
    if backend_name == "database":
        return search_backends(backend="database", url="", index_prefix="", timeout=1.0)
    engine_urls[backend_name] = _require_engine(backend_name)
    return engine_settings(engine_urls[backend_name], engine=backend_name)


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker, search_settings):
    """Pages in nb and nn, public and members-only, indexed by the backend under test."""
    from django.contrib.auth.models import Group, User

    from wagtail.models import Locale, PageViewRestriction

    from resourcebank.core.models import HomePage

    with django_db_blocker.unblock(), override_settings(WAGTAILSEARCH_BACKENDS=search_settings):
        breaker_reset()
        nb = Locale.objects.get(language_code="nb")
        nn = Locale.objects.get(language_code="nn")
        home = HomePage.objects.get(locale=nb, depth=2)
        nn_home = home.copy_for_translation(nn)
        nn_home.save_revision().publish()
        nn_home.refresh_from_db()

        trustees, trustees_nn = factories.translated_audience(
            "Tillitsvalgte", "Tillitsvalde", "tillitsvalgte"
        )
        members_aud = factories.AudienceFactory(name="Medlemmer", slug="medlemmer")
        organisation = factories.TopicFactory(name="Organisasjon", slug="organisasjon")
        equality = factories.TopicFactory(name="Likestilling", slug="likestilling")
        womens_day = factories.CommemorationDayFactory(name="Kvinnedagen", month=3, day=8)

        catalog = factories.TrainingCatalogPageFactory(parent=home)
        handbooks = factories.HandbookIndexPageFactory(parent=home)
        campaigns = factories.CampaignIndexPageFactory(parent=home)
        nn_catalog = factories.TrainingCatalogPageFactory(
            parent=nn_home, locale=nn, title="Skulering", slug="skulering-nn"
        )

        pages = {}
        pages["training_nb"] = factories.TrainingPackagePageFactory(
            parent=catalog,
            title="Skolering for tillitsvalgte",
            summary="Et kurs for nye tillitsvalgte i lokallagene.",
            audiences=[trustees],
            topics=[organisation],
        )
        pages["training_nn"] = factories.TrainingPackagePageFactory(
            parent=nn_catalog,
            locale=nn,
            title="Kurs i møteleiing",
            summary="Korleis ein leier eit styremøte i lokallaga.",
            audiences=[trustees_nn],
        )
        pages["handbook"] = factories.HandbookPageFactory(
            parent=handbooks,
            title="Håndbok for lokallaget",
            summary="Alt styret trenger å vite om drift og økonomi.",
            intro="Håndboka for lokallag.",
            audiences=[trustees],
            topics=[organisation],
        )
        pages["campaign"] = factories.CampaignPackPageFactory(
            parent=campaigns,
            title="Kvinnedagen 8. mars",
            summary="Materiell til markeringen av kvinnedagen.",
            message="Likelønn nå.",
            commemoration_day=womens_day,
            audiences=[members_aud],
            topics=[equality],
        )
        pages["title_match"] = factories.InfoPageFactory(
            parent=home, title="Verving av nye medlemmer", summary="Slik gjør dere det."
        )
        pages["body_match"] = factories.InfoPageFactory(
            parent=home,
            title="Valgkamp i praksis",
            summary="Om stands, dørbanking og litt om verving.",
        )
        members_only = factories.InfoPageFactory(
            parent=home, title="Medlemssider", summary="Bare for medlemmer."
        )
        pages["secret"] = factories.InfoPageFactory(
            parent=members_only,
            title="Styringsgruppenotat om lokallagene",
            summary="Intern strategi for tillitsvalgte.",
            audiences=[trustees],
        )
        group = Group.objects.create(name="Søkemedlemmer")
        restriction = PageViewRestriction.objects.create(
            page=members_only, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(group)
        member = User.objects.create_user("sokmedlem", password="pw")
        member.groups.add(group)
        outsider = User.objects.create_user("sokutenfor", password="pw")

        if search_settings["default"]["BACKEND"] != "search.engines.database":
            call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())

        created = [catalog, handbooks, campaigns, members_only, nn_catalog, *pages.values()]
        yield {"pages": pages, "member": member, "outsider": outsider, "members_only": members_only}

        for page in [catalog, handbooks, campaigns, members_only, nn_catalog]:
            page.refresh_from_db()
            page.delete()
        for key in ("title_match", "body_match"):
            pages[key].delete()
        nn_home.delete()
        member.delete()
        outsider.delete()
        group.delete()
        for term in (trustees, trustees_nn, members_aud, organisation, equality, womens_day):
            term.delete()
        assert created


@pytest.fixture
def search_client(client, search_settings, corpus):
    with override_settings(WAGTAILSEARCH_BACKENDS=search_settings):
        breaker_reset()
        yield client
