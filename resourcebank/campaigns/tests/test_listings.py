"""Index pages cost the same number of queries whatever the number of children."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from resourcebank.core import caching
from tests import factories

# 200 children take a while to create, so the largest listing is measured once here;
# tests/resourcebank/test_templates.py compares smaller listings of every index type.
INDEX_CASES = {
    "campaigns": (factories.CampaignIndexPageFactory, factories.CampaignPackPageFactory),
}


def queries_for(client, url, *, cold=True):
    """The queries of a view of `url`: `cold`, with everything kept under the content
    version stale (as after a publish), else from the caches."""
    client.get(url)  # warm caches that are filled once per process (site root, locales)
    if cold:
        caching.content_changed()
    connection.queries_log.clear()  # a full (bounded) log would make the capture count nothing
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


@pytest.mark.parametrize("case", INDEX_CASES, ids=str)
def test_index_with_5_and_200_children_issues_the_same_number_of_queries(client, home_page, case):
    index_factory, child_factory = INDEX_CASES[case]
    small = index_factory(parent=home_page, title="Få", slug=f"{case}-fa")
    large = index_factory(parent=home_page, title="Mange", slug=f"{case}-mange")
    audience = factories.AudienceFactory()
    for parent, count in ((small, 5), (large, 200)):
        for _ in range(count):
            child = child_factory(parent=parent)
            if hasattr(child, "audiences"):
                child.audiences.add(audience)
                child.save()

    small_count, small_response = queries_for(client, small.url)
    large_count, large_response = queries_for(client, large.url)

    assert small_count > 0
    assert small_count == large_count
    # Warm, the listing comes from the cache whole (index_page.html's shared_fragment).
    assert queries_for(client, large.url, cold=False)[0] == 0
    # Both listings really show their children (the large one paginated).
    assert small_response.content.count(b'<article class="ds-card card"') == 5
    assert large_response.content.count(b'<article class="ds-card card"') >= 20
