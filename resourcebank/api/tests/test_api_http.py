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


def test_responses_are_cached_and_a_publish_makes_them_fresh(client, campaign_index):
    pack = publish(factories.CampaignPackPageFactory(parent=campaign_index, title="Første"))
    response = client.get("/api/v2/campaign-packs/")
    assert response["Cache-Control"].startswith("public, max-age=")
    assert [item["title"] for item in response.json()["items"]] == ["Første"]
    assert "Cookie" not in response.get("Vary", "")
    # A draft changes nothing; the cached answer stays.
    pack.title = "Utkast"
    pack.save_revision()
    assert client.get("/api/v2/campaign-packs/").json()["items"][0]["title"] == "Første"
    publish(pack)
    assert client.get("/api/v2/campaign-packs/").json()["items"][0]["title"] == "Utkast"
    pack.unpublish()
    assert client.get("/api/v2/campaign-packs/").json()["items"] == []


def test_a_restriction_added_later_empties_the_cached_answer(client, home_page):
    from tests.reach_support import restrict

    page = publish(factories.InfoPageFactory(parent=home_page, title="Snart privat"))
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 200
    restrict(page)
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert client.get("/api/v2/info-pages/").json()["items"] == []
