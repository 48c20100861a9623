"""Popular searches (search/popular.py): counted in the cache while readers search, saved
for the editors' report, and never with anything that names a person."""

import io

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

import pytest

from resourcebank.editorial import roles
from search import popular
from tests.editorial_support import PASSWORD, login_verified

pytestmark = pytest.mark.django_db

REPORT = "popular_searches_report:index"


@pytest.fixture(autouse=True)
def no_counts_waiting():
    cache.clear()
    yield
    cache.clear()


def search(client, words, **params):
    response = client.get("/nb/sok/", {"q": words, **params})
    assert response.status_code == 200
    return response


def report_rows(client) -> list[tuple[str, int]]:
    response = client.get(reverse(REPORT), {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    return [(words, int(count)) for words, count in (line.rsplit(",", 1) for line in lines[1:])]


def test_searches_are_counted_with_no_database_write_and_shown_to_editors(
    client, editor, member, home_page
):
    with CaptureQueriesContext(connection) as queries:
        search(client, "Lokallag")
        search(client, "lokallag  ")
        search(client, "valgkamp")
        client.login(username=member.username, password=PASSWORD)
        search(client, "lokallag")
        search(client, "lokallag", side=2)  # the next page of one search: not a new one
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE")]
    # Logging in writes the member's session and last login; searching writes nothing.
    assert all("search" not in sql for sql in writes), writes
    assert not QueryDailyHits.objects.exists()

    client.logout()
    login_verified(client, editor)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(REPORT) in menu
    assert reverse("wagtailsearchpromotions:search_terms") not in menu  # superusers' own
    assert report_rows(client) == [("lokallag", 3), ("valgkamp", 1)]
    # The counts were moved, not copied: opening the report again counts nothing twice.
    search(client, "valgkamp")
    assert report_rows(client) == [("lokallag", 3), ("valgkamp", 2)]
    html = client.get(reverse(REPORT)).content.decode()
    assert "Populære søk" in html and "lokallag" in html


@pytest.mark.parametrize(
    "words",
    ["kari.nordmann@example.org", "ring meg på 912 34 567", "01019012345", "+47 22-33-44-55"],
)
def test_contact_details_and_identity_numbers_are_never_counted(client, home_page, words):
    search(client, words)
    popular.counts_save()
    assert not Query.objects.exists(), list(Query.objects.values_list("query_string", flat=True))


def test_a_year_or_a_short_number_is_counted(client, home_page):
    search(client, "valgkamp 2027")
    popular.counts_save()
    assert QueryDailyHits.objects.get(query__query_string="valgkamp 2027").hits == 1


def test_the_scheduler_saves_the_counts_with_a_command(client, home_page):
    for _ in range(2):
        search(client, "årshjul")
    out = io.StringIO()
    call_command("popular_searches_save", stdout=out)
    assert out.getvalue() == "2 searches saved\n"
    assert QueryDailyHits.objects.get(query__query_string="årshjul").hits == 2


def test_the_report_is_for_editors_only(client, role_users):
    url = reverse(REPORT)
    for role, allowed in (
        (roles.EDITORS, True),
        (roles.CONTRIBUTORS, False),
        (roles.TRANSLATORS, False),
    ):
        login_verified(client, role_users[role])
        menu = client.get(reverse("wagtailadmin_home")).content.decode()
        assert (url in menu) is allowed, role
        assert (client.get(url).status_code == 200) is allowed, role
