"""Anonymous pages are cached and fresh after a publish; personal pages never are."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

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
