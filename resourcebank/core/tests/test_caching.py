"""Anonymous pages are cached and fresh after a publish; personal pages never are."""

from collections import Counter

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, PageViewRestriction

import pytest

from resourcebank.core import caching
from resourcebank.editorial import roles
from tests import factories
from tests.editorial_support import make_user, publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 3600


def test_an_anonymous_page_is_served_from_the_cache_with_shared_cache_headers(
    campaign_index,
):
    publish(campaign_index)
    client = Client()
    first = client.get(campaign_index.url)
    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "s-maxage" in first["Cache-Control"]
    assert first["ETag"] and first["Last-Modified"]
    with CaptureQueriesContext(connection) as queries:
        second = client.get(campaign_index.url)
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    # The browser asks again with the ETag: 304, no body.
    again = client.get(campaign_index.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_publishing_makes_the_cached_listing_show_the_new_page(campaign_index):
    client = Client()
    assert "Nytt på torget" not in client.get(campaign_index.url).content.decode()
    pack = factories.CampaignPackPageFactory(
        parent=campaign_index, title="Nytt på torget", live=False
    )
    assert "Nytt på torget" not in client.get(campaign_index.url).content.decode()
    publish(pack)
    assert "Nytt på torget" in client.get(campaign_index.url).content.decode()


def test_a_logged_in_readers_page_is_private_and_never_served_to_another(
    home_page, django_user_model
):
    member = make_user(django_user_model, "kari", roles.MEMBERS)
    reader = Client()
    reader.force_login(member)
    personal = reader.get("/nb/")
    assert "private" in personal["Cache-Control"]
    assert "X-Page-Cache" not in personal
    anonymous = Client().get("/nb/")
    assert "kari" not in anonymous.content.decode()
    assert "public" in anonymous["Cache-Control"]
    assert "kari" in reader.get("/nb/").content.decode()


def test_a_members_only_page_is_never_cached(home_page):
    page = factories.InfoPageFactory(parent=home_page, title="Internt")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = Client().get(page.url)
    assert response.status_code == 302
    assert "public" not in response.get("Cache-Control", "")


class CountingCache:
    """Django's cache, with the keys read through it listed."""

    def __init__(self, cache):
        self.cache, self.read = cache, []

    def get(self, key, default=None):
        self.read.append(key)
        return self.cache.get(key, default)

    def __getattr__(self, name):
        return getattr(self.cache, name)


def test_a_page_reads_the_content_version_and_each_cached_part_once(
    home_page, settings, monkeypatch
):
    """A page asks for the view restrictions, the locales and the content version several
    times; each is read (and unpickled) from the cache once per request."""
    settings.PAGE_CACHE_SECONDS = 0
    page = factories.InfoPageFactory(parent=home_page, title="Om oss")
    PageViewRestriction.objects.create(
        page=factories.InfoPageFactory(parent=home_page, title="Internt"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    counting = CountingCache(caching.cache)
    monkeypatch.setattr(caching, "cache", counting)
    client = Client()
    client.get(page.url)  # fills the cache
    counting.read.clear()
    assert client.get(page.url).status_code == 200
    assert counting.read, "the page read nothing from the cache"
    twice = sorted(key for key, times in Counter(counting.read).items() if times > 1)
    assert twice == []


def test_a_change_within_a_request_is_read_under_the_new_version(home_page):
    """The memo is forgotten when the content changes: what the request reads afterwards
    comes from the new version, not the memo."""
    reads = []

    def build():
        reads.append(1)
        return len(reads)

    def view(request):
        assert caching.versioned("memo-test", build) == 1
        assert caching.versioned("memo-test", build) == 1
        caching.content_changed()
        assert caching.versioned("memo-test", build) == 2
        return HttpResponse()

    caching.RequestMemoMiddleware(view)(RequestFactory().get("/nb/"))


def test_in_process_values_are_not_read_again_until_the_content_changes(home_page, monkeypatch):
    """The view restrictions, locales and site are kept in the process as they are (no
    unpickling per request), and a change of content is seen at once."""
    counting = CountingCache(caching.cache)
    monkeypatch.setattr(caching, "cache", counting)
    builds = []

    def build():
        builds.append(1)
        return ["value", len(builds)]

    first = caching.versioned("in-process-test", build, in_process=True)
    counting.read.clear()
    assert caching.versioned("in-process-test", build, in_process=True) is first
    assert not [key for key in counting.read if "in-process-test" in key]
    caching.content_changed()
    assert caching.versioned("in-process-test", build, in_process=True) == ["value", 2]


def test_a_request_served_inside_another_has_its_own_memo():
    """Wagtail's preview serves the page with a request of its own inside the editor's
    request; each has its memo, and the editor's is there again afterwards."""
    memos = {}

    def inner_view(request):
        memos["inner"] = caching._memo()
        return HttpResponse()

    def outer_view(request):
        memos["outer"] = caching._memo()
        caching.RequestMemoMiddleware(inner_view)(request)
        memos["after"] = caching._memo()
        return HttpResponse()

    caching.RequestMemoMiddleware(outer_view)(RequestFactory().get("/admin/"))
    assert memos["outer"] is not None and memos["inner"] is not None
    assert memos["inner"] is not memos["outer"]
    assert memos["after"] is memos["outer"]
    assert caching._memo() is None


def test_a_migrations_data_step_marks_nothing_stale():
    """`migrate` on a fresh production database: Wagtail's data migration makes the first
    locale before the task queue's table exists, so nothing may be purged then."""
    historical_locale = (
        MigrationExecutor(connection).loader.project_state().apps.get_model("wagtailcore", "Locale")
    )
    before = caching.content_version()
    historical_locale.objects.create(language_code="en")
    assert caching.content_version() == before
    Locale.objects.get(language_code="en").save()  # the real model still counts
    assert caching.content_version() != before
