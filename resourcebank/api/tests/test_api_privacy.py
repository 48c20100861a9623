"""Members-only content never leaves through the API: not in listings, filters, child
listings, search, nested fields, nor by ids guessed in sequence; not for a member
either, since every response is the public one."""

import html
import json

from django.core.cache import cache

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

import pytest

from resourcebank.api.urls import ENDPOINTS
from tests.reach_support import SECRET

pytestmark = pytest.mark.django_db

LISTINGS = [name for name, _viewset in ENDPOINTS]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def assert_public(response):
    assert response.status_code in (200, 302, 400, 404), response.content[:500]
    text = html.unescape(response.content.decode())
    assert SECRET not in text, text[:2000]
    assert "strategi.txt" not in text and "budsjett.txt" not in text


def filter_sets(content):
    today = content.public["pack"].period_start.isoformat()
    private_ids = [content.private[key].pk for key in ("info", "pack", "handbook", "password")]
    sets = [
        {},
        {"fields": "*"},
        {"search": SECRET},
        {"search": "skolering"},
        {"audience": content.audience.slug},
        {"topic": content.topic.slug},
        {"county": content.county.slug},
        {"commemoration_day": content.day.pk},
        {"date": today},
        {"published_since": "2000-01-01"},
        {"locale": "nb"},
        {"locale": "nn"},
        {"upcoming": "true"},
        {"type": "core.InfoPage"},
        {"type": "campaigns.CampaignPackPage", "fields": "*"},
        {"descendant_of": content.home.pk, "fields": "*"},
        {"child_of": content.home.pk},
        {"order": "-id"},
    ]
    for page_id in private_ids:
        sets += [
            {"child_of": page_id},
            {"descendant_of": page_id},
            {"ancestor_of": page_id},
            {"translation_of": page_id},
            {"package": page_id},
        ]
    return sets


def test_every_listing_with_every_filter_is_public_only(client, public_and_private):
    for name in LISTINGS:
        for params in filter_sets(public_and_private):
            response = client.get(f"/api/v2/{name}/", {**params, "limit": 100})
            assert_public(response)


def test_the_public_content_is_there(client, public_and_private):
    content = public_and_private
    data = client.get("/api/v2/pages/", {"limit": 100}).json()
    titles = {item["title"] for item in data["items"]}
    assert {"Likelønn nå", "Om SV", "Styrekurs", "Tjue nye medlemmer", "Styret"} <= titles
    events = client.get("/api/v2/training-events/", {"county": "oslo"}).json()
    assert [item["id"] for item in events["items"]] == [content.public["event"].pk]
    documents = client.get("/api/v2/documents/").json()
    assert [item["title"] for item in documents["items"]] == ["Offentlig løpeseddel"]
    images = client.get("/api/v2/images/").json()
    assert [item["title"] for item in images["items"]] == ["Offentlig plakat"]


def test_ids_guessed_in_sequence_find_nothing_private(client, public_and_private):
    highest = {
        "pages": Page.objects.order_by("-pk").first().pk,
        "documents": get_document_model().objects.order_by("-pk").first().pk,
        "images": get_image_model().objects.order_by("-pk").first().pk,
    }
    for name in LISTINGS:
        if name == "member-activities":
            continue
        top = highest.get(name, highest["pages"])
        for pk in range(1, top + 3):
            assert_public(client.get(f"/api/v2/{name}/{pk}/", {"fields": "*"}))
            assert_public(client.get(f"/api/v2/{name}/find/", {"id": pk}))
    for page in public_and_private.private.values():
        if hasattr(page, "path"):
            assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    for obj in public_and_private.private_files:
        kind = "documents" if hasattr(obj, "file_extension") else "images"
        assert client.get(f"/api/v2/{kind}/{obj.pk}/").status_code == 404


def test_a_member_gets_the_public_response_too(client, django_user_model, public_and_private):
    from resourcebank.editorial import roles
    from tests.editorial_support import make_user

    member = make_user(django_user_model, "medlem", roles.MEMBERS_ONLY_ROLES[0])
    client.force_login(member)
    session = client.session
    session[f"wagtail-private-page-{public_and_private.private['password'].pk}"] = (
        True  # whatever the session holds
    )
    session.save()
    for name in ("pages", "campaign-packs", "documents", "images", "member-activities"):
        response = client.get(f"/api/v2/{name}/", {"limit": 100, "fields": "*"})
        assert response.status_code == 200
        assert_public(response)
    assert client.get(f"/api/v2/pages/{public_and_private.private['info'].pk}/").status_code == 404


def test_a_public_pack_lists_only_its_public_files(client, public_and_private):
    pack = public_and_private.public["pack"]
    data = client.get(f"/api/v2/campaign-packs/{pack.pk}/").json()
    assert [m["title"] for m in data["materials"]] == ["Løpeseddel", "Plakat"]
    assert "/documents/" in data["materials"][0]["document"]["download_url"]
    assert_public(client.get(f"/api/v2/pages/{pack.pk}/", {"fields": "*"}))


def test_a_public_story_does_not_show_a_members_only_image(client, public_and_private):
    story = public_and_private.public["story_private_image"]
    data = client.get(f"/api/v2/stories/{story.pk}/").json()
    assert data["image"] is None
    shown = public_and_private.public["story"]
    assert client.get(f"/api/v2/stories/{shown.pk}/").json()["image"]["title"] == (
        "Offentlig plakat"
    )


def test_a_page_links_its_other_standard_with_a_stable_key(client, public_and_private):
    pack = public_and_private.public["pack"]
    nn = public_and_private.public["pack_nn"]
    data = client.get(f"/api/v2/pages/{pack.pk}/").json()
    assert data["meta"]["locale"] == "nb"
    assert data["meta"]["translation_key"] == str(pack.translation_key)
    assert [(t["id"], t["locale"]) for t in data["meta"]["translations"]] == [(nn.pk, "nn")]
    other = client.get(data["meta"]["translations"][0]["detail_url"]).json()
    assert other["meta"]["translation_key"] == data["meta"]["translation_key"]
    listing = client.get("/api/v2/campaign-packs/", {"translation_of": pack.pk}).json()
    assert [item["id"] for item in listing["items"]] == [nn.pk]


def test_untranslated_aliases_are_no_versions(client, public_and_private):
    aliases = Page.objects.filter(alias_of__isnull=False).values_list("pk", flat=True)
    data = client.get("/api/v2/pages/", {"limit": 100}).json()
    assert not set(aliases) & {item["id"] for item in data["items"]}


def test_filters_narrow(client, public_and_private):
    content = public_and_private

    def ids(name, **params):
        data = client.get(f"/api/v2/{name}/", {**params, "limit": 100}).json()
        return {item["id"] for item in data["items"]}

    assert ids("pages", audience="tillitsvalgte") == {
        content.public["pack"].pk,
        content.public["pack_nn"].pk,
        content.public["training"].pk,
    }
    assert ids("stories", county="oslo") == {
        content.public["story"].pk,
        content.public["story_private_image"].pk,
    }
    assert ids("training-packages", county="oslo") == {content.public["training"].pk}
    assert ids("campaign-packs", commemoration_day=content.day.pk, locale="nb") == {
        content.public["pack"].pk
    }
    assert ids(
        "campaign-packs", date=content.public["pack"].period_start.isoformat(), locale="nb"
    ) == {content.public["pack"].pk}
    assert ids("campaign-packs", locale="nn") == {content.public["pack_nn"].pk}
    assert ids("handbook-chapters", child_of=content.public["handbook"].pk) == {
        content.public["chapter"].pk
    }
    assert ids("pages", search="Likelønn") >= {content.public["pack"].pk}


def test_unknown_parameters_and_bad_values_are_refused(client, public_and_private):
    assert client.get("/api/v2/pages/", {"title": "x"}).status_code == 400
    assert client.get("/api/v2/pages/", {"date": "i morgen"}).status_code == 400
    assert client.get("/api/v2/pages/", {"order": "body"}).status_code == 400
    assert client.get("/api/v2/campaign-packs/", {"type": "core.InfoPage"}).status_code == 400
    body = json.loads(client.get("/api/v2/pages/", {"title": "x"}).content)
    assert "title" in body["message"]
