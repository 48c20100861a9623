"""The API over HTTP: its OpenAPI description, the "this week" endpoint, the rate limit,
CORS for configured origins, and cached responses that a publish makes fresh."""

import datetime

from django.core.cache import cache
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

import jsonschema
import pytest
from openapi_spec_validator import validate

from resourcebank.api import openapi
from tests import factories
from tests.editorial_support import publish
from tests.reach_support import SECRET

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _api_paths() -> set[str]:
    """Every route under /api/v2/ as an OpenAPI path template."""
    found = set()

    def walk(patterns, prefix):
        for pattern in patterns:
            text = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, text)
            elif isinstance(pattern, URLPattern):
                found.add("/" + text.replace("<int:pk>", "{id}"))

    resolver = get_resolver("resourcebank.api.outside_languages")
    walk(resolver.url_patterns, "")
    return found


def test_the_openapi_description_validates_and_lists_every_route(client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    assert _api_paths() == set(spec["paths"])


def _schema_validator(spec, name_or_schema):
    schema = (
        {"$ref": f"#/components/schemas/{name_or_schema}"}
        if isinstance(name_or_schema, str)
        else name_or_schema
    )
    return jsonschema.Draft202012Validator(
        {**schema, "components": spec["components"]},
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def test_responses_match_the_description(client, public_and_private):
    spec = openapi.description()
    content = public_and_private
    for path, operation in spec["paths"].items():
        get = operation["get"]
        schema = get["responses"].get("200", {}).get("content", {}).get("application/json")
        if schema is None or path.endswith("/find/"):
            continue
        url = path
        if "{id}" in path:
            listing = client.get(path.replace("{id}/", ""), {"limit": 1}).json()
            if not listing.get("items"):
                continue
            url = path.replace("{id}", str(listing["items"][0]["id"]))
        params = {"date": content.public["pack"].period_start.isoformat()}
        response = client.get(url, params if "member-activities" in path else {})
        assert response.status_code == 200, (url, response.content[:300])
        _schema_validator(spec, schema["schema"]).validate(response.json())


def test_this_week_lists_the_activities_of_current_packs_only(client, public_and_private):
    content = public_and_private
    today = timezone.localdate()
    data = client.get("/api/v2/member-activities/", {"locale": "nb"}).json()
    assert data["meta"]["date"] == today.isoformat()
    assert [(item["title"], item["pack"]["id"]) for item in data["items"]] == [
        ("Del plakaten", content.public["pack"].pk)
    ]
    assert data["items"][0]["pack"]["commemoration_day"]["month"] == 3
    # In both standards without ?locale=; never the members-only pack's activity.
    both = client.get("/api/v2/member-activities/").json()
    assert {item["pack"]["locale"] for item in both["items"]} == {"nb", "nn"}
    assert SECRET not in str(both)
    # A year ago, only the pack that ran then.
    past = content.public["past_pack"].period_start + datetime.timedelta(days=1)
    then = client.get("/api/v2/member-activities/", {"date": past.isoformat()}).json()
    assert [item["title"] for item in then["items"]] == ["Gammel aktivitet"]
    later = today + datetime.timedelta(days=30)
    assert (
        client.get("/api/v2/member-activities/", {"date": later.isoformat()}).json()["items"] == []
    )
    assert client.get("/api/v2/member-activities/", {"date": "snart"}).status_code == 400


@override_settings(API_RATE_LIMIT="3/m")
def test_anonymous_requests_are_rate_limited_per_address(client, home_page):
    for _ in range(3):
        assert client.get("/api/v2/topics/").status_code == 200
    response = client.get("/api/v2/topics/")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert client.get("/api/v2/topics/", REMOTE_ADDR="10.9.8.7").status_code == 200


@override_settings(CORS_ALLOWED_ORIGINS=["https://oslo.example.org"])
def test_cors_only_for_configured_origins_and_only_on_the_api(client, home_page):
    allowed = client.get("/api/v2/topics/", HTTP_ORIGIN="https://oslo.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://oslo.example.org"
    assert "Access-Control-Allow-Credentials" not in allowed
    other = client.get("/api/v2/topics/", HTTP_ORIGIN="https://elsewhere.example.com")
    assert "Access-Control-Allow-Origin" not in other
    page = client.get("/nb/", HTTP_ORIGIN="https://oslo.example.org")
    assert "Access-Control-Allow-Origin" not in page
    preflight = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN="https://oslo.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_responses_are_cached_and_a_publish_makes_them_fresh(client, home_page):
    page = publish(factories.InfoPageFactory(parent=home_page, title="Første"))
    response = client.get("/api/v2/info-pages/")
    assert response["Cache-Control"].startswith("public, max-age=")
    assert [item["title"] for item in response.json()["items"]] == ["Første"]
    assert "Cookie" not in response.get("Vary", "")
    # A draft changes nothing; the cached answer stays.
    page.title = "Utkast"
    page.save_revision()
    assert client.get("/api/v2/info-pages/").json()["items"][0]["title"] == "Første"
    publish(page)
    assert client.get("/api/v2/info-pages/").json()["items"][0]["title"] == "Utkast"
    page.unpublish()
    assert client.get("/api/v2/info-pages/").json()["items"] == []


def test_a_restriction_added_later_empties_the_cached_answer(client, home_page):
    from tests.reach_support import restrict

    page = publish(factories.InfoPageFactory(parent=home_page, title="Snart privat"))
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 200
    restrict(page)
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert client.get("/api/v2/info-pages/").json()["items"] == []


BAD_VALUES = ["abc", "-1", "99999999999999999999", "a\x00b", "2026-13-45"]
SEARCHABLE = {"pages", "campaign-packs", "stories", "info-pages", "documents", "images"}


def test_bad_query_strings_get_a_400_in_english_and_bokmal_never_a_500(client, public_and_private):
    """Every endpoint, its detail and find views, with odd values for the parameters that
    parse numbers, dates, orders and searches: a 400 that says what is wrong (or an
    empty or 404 answer), never a server error."""
    from resourcebank.api.urls import ENDPOINTS

    client.raise_request_exception = True  # a server error fails the test with its traceback
    params = ["offset", "limit", "order", "date", "commemoration_day", "package", "child_of"]
    refused = 0
    for name, _viewset in ENDPOINTS:
        asked = [(f"/api/v2/{name}/", {param: value}) for param in params for value in BAD_VALUES]
        if name != "member-activities":
            asked += [(f"/api/v2/{name}/find/", {"id": value}) for value in BAD_VALUES]
        for url, query in asked:
            response = client.get(url, query)
            assert response.status_code in (200, 302, 400, 404), (url, query)
            if response.status_code == 400:
                refused += 1
                body = response.json()
                assert body["message"] and body["message_nb"], body
                assert body["message"] != body["message_nb"]
        for pk in ("99999999999999999999", "0"):
            if name != "member-activities":
                assert client.get(f"/api/v2/{name}/{pk}/").status_code == 404
        if name in SEARCHABLE:
            for query in ("'", "%", "*,-*", "a\x00b", '"(*) AND OR NOT NEAR ^ : -'):
                assert client.get(f"/api/v2/{name}/", {"search": query}).status_code == 200
    assert refused > 100


def test_a_bad_query_string_says_what_is_wrong_in_both_languages(client, home_page):
    unknown = client.get("/api/v2/pages/", {"title": "x"}).json()
    assert unknown == {
        "message": "query parameter is not an operation or a recognised filter: title",
        "message_nb": "spørreparameteren er verken en operasjon eller et kjent filter: title",
    }
    date = client.get("/api/v2/training-events/", {"from": "i morgen"}).json()
    assert date["message"] == "from must be a date (YYYY-MM-DD)"
    assert date["message_nb"] == "from må være en dato (ÅÅÅÅ-MM-DD)"
    find = client.get("/api/v2/pages/find/", {"id": "abc"})
    assert find.status_code == 400
    assert find.json()["message_nb"] == "id må være en id (et heltall)"
    # Wagtail's own messages are in English; the Bokmål one says the query is not valid.
    offset = client.get("/api/v2/pages/", {"offset": "x"}).json()
    assert offset["message"] == "offset must be a positive integer"
    assert offset["message_nb"] == "Spørrestrengen er ugyldig: offset must be a positive integer"
    assert client.get("/api/v2/pages/", {"offset": "99999999999999999999"}).status_code == 400


def test_a_collection_restricted_later_empties_the_cached_documents(client, home_page):
    """A document's collection turning members-only is purged like a page turning private
    (the content version of resourcebank.core.caching keys the API's cache)."""
    from django.contrib.auth.models import Group

    from wagtail.models import Collection, CollectionViewRestriction

    from tests.downloads_support import make_document

    folder = Collection.get_first_root_node().add_child(name="Snart for medlemmer")
    make_document("Utkast til plan", "plan.txt", b"plan", folder)
    listed = client.get("/api/v2/documents/")
    assert [item["title"] for item in listed.json()["items"]] == ["Utkast til plan"]
    restriction = CollectionViewRestriction.objects.create(
        collection=folder, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Medlemmer i test")])
    assert client.get("/api/v2/documents/").json()["items"] == []


def test_the_cache_is_keyed_by_address_and_content_only(client, django_user_model, home_page):
    """A member's request and an anonymous one share one cached answer: nothing in it is
    per reader, and it is the public answer."""
    from resourcebank.core.caching import content_version

    publish(factories.InfoPageFactory(parent=home_page, title="Felles"))
    member = django_user_model.objects.create_user("medlem-cache", password="x")
    client.force_login(member)
    first = client.get("/api/v2/info-pages/")
    client.logout()
    version = content_version()
    keys = [key for key in list(cache._cache) if f":api:{version}:" in key]
    assert len(keys) == 1
    assert client.get("/api/v2/info-pages/").content == first.content
