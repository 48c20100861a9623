"""Every public page type costs at most 12 SQL queries once the caches are warm, for an
anonymous reader and for a logged-in member, in Bokmål and Nynorsk; a listing costs the
same for 5 items as for 50.

The page cache is off in the tests (``PAGE_CACHE_SECONDS = 0``), so these count the
queries of rendering the page, not of serving it from the cache. Warm: each page is
requested once before it is counted, as a reader after a publish would find it.
"""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from tests import factories
from tests.e2e.page_types import MEMBER_PASSWORD, MEMBER_USERNAME, build_page_types
from tests.editorial_support import publish

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


def _member_client() -> Client:
    """A member logged in through the site's own login page."""
    client = Client()
    response = client.post(
        "/nb/logg-inn/", {"username": MEMBER_USERNAME, "password": MEMBER_PASSWORD}
    )
    assert response.status_code == 302, "the member could not log in"
    return client


def _queries(client: Client, path: str) -> tuple[int, CaptureQueriesContext]:
    client.get(path)  # warms the caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response.status_code, queries


@pytest.mark.parametrize("reader", ["anonymous", "member"])
def test_every_public_page_type_costs_at_most_12_queries_warm(home_page, reader):
    page_set = build_page_types(home_page)
    client = Client() if reader == "anonymous" else _member_client()
    counted, over = {}, {}
    for language, page_type, path in page_set.all():
        status, queries = _queries(client, path)
        assert status == page_set.status(page_type), f"{language} {page_type} {path}: {status}"
        counted[f"{language} {page_type}"] = len(queries)
        if len(queries) > MAX_QUERIES:
            over[f"{language} {page_type} ({path})"] = [q["sql"] for q in queries.captured_queries]
    assert {"nb home", "nn home", "nn fallback", "nb search with results"} <= set(counted)
    assert not over, "more than 12 queries:\n" + "\n".join(
        f"{name}: {len(sqls)}\n  " + "\n  ".join(sql[:200] for sql in sqls)
        for name, sqls in over.items()
    )


def _campaign_index_with_packs(home_page, count):
    index = factories.CampaignIndexPageFactory(parent=home_page, slug=f"kampanjer-{count}")
    for number in range(count):
        publish(factories.CampaignPackPageFactory(parent=index, title=f"Kampanje {number}"))
    return index


def test_the_campaign_listing_costs_the_same_for_5_and_50_packs(home_page):
    few = _campaign_index_with_packs(home_page, 5)
    many = _campaign_index_with_packs(home_page, 50)
    client = Client()
    few_status, few_queries = _queries(client, few.url)
    many_status, many_queries = _queries(client, many.url + "?side=2")
    assert few_status == many_status == 200
    assert len(many_queries) == len(few_queries) <= MAX_QUERIES


def _handbook_with_chapters(handbook_index, count):
    handbook = publish(factories.HandbookPageFactory(parent=handbook_index))
    for number in range(count):
        publish(factories.HandbookChapterPageFactory(parent=handbook, title=f"Kapittel {number}"))
    return handbook


def test_a_handbook_costs_the_same_for_5_and_50_chapters(handbook_index):
    few = _handbook_with_chapters(handbook_index, 5)
    many = _handbook_with_chapters(handbook_index, 50)
    client = Client()
    few_status, few_queries = _queries(client, few.url)
    many_status, many_queries = _queries(client, many.url)
    assert few_status == many_status == 200
    assert "Kapittel 49" in client.get(many.url).content.decode()
    assert len(many_queries) == len(few_queries) <= MAX_QUERIES
