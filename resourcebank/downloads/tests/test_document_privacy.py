"""Members-only documents: never their bytes to an anonymous reader, by any route."""

import io
import zipfile

import pytest

from resourcebank.campaigns.models import CampaignPackMaterial
from resourcebank.core.models import MaterialKind
from resourcebank.core.visibility import documents_visible_to
from resourcebank.downloads.models import DownloadCount
from tests import factories
from tests.downloads_support import make_document, make_member, members_collection, pdf_bytes
from tests.editorial_support import login_verified, publish

pytestmark = pytest.mark.django_db

SECRET_TEXT = "Hemmelig strategi for valgkampen"


@pytest.fixture
def secret_document():
    collection, _group = members_collection()
    return make_document(
        "Strategi for valgkampen", "strategi-valgkamp.pdf", pdf_bytes(SECRET_TEXT), collection
    )


@pytest.fixture
def secret_bytes(secret_document):
    with secret_document.file.open("rb") as f:
        return f.read()


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def test_anonymous_direct_url_redirects_to_login_without_the_bytes(
    client, secret_document, secret_bytes
):
    response = client.get(secret_document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/nb/logg-inn/?next=")
    assert secret_bytes not in _body(response)
    assert DownloadCount.objects.count() == 0


def test_anonymous_if_none_match_gets_no_304_and_no_bytes(client, secret_document, secret_bytes):
    etag = f'"{secret_document.file_hash}"'
    response = client.get(secret_document.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 302
    assert secret_bytes not in _body(response)
    response = client.get(
        secret_document.url, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2024 00:00:00 GMT"
    )
    assert response.status_code == 302


def test_member_gets_the_bytes_never_cached_by_shared_caches(
    client, secret_document, secret_bytes, django_user_model
):
    county = factories.CountyFactory(name="Nordland")
    login_verified(client, make_member(django_user_model, county=county))
    response = client.get(secret_document.url)
    assert response.status_code == 200
    assert _body(response) == secret_bytes
    assert response["Cache-Control"] == "private, no-store"
    count = DownloadCount.objects.get(document=secret_document)
    assert (count.county, count.count, count.pack) == (county, 1, None)


def test_public_document_is_served_to_anyone(client):
    public = make_document("Plakat", "plakat.pdf", pdf_bytes("Plakat"))
    response = client.get(public.url)
    assert response.status_code == 200
    assert _body(response).startswith(b"%PDF-")


def test_media_url_of_a_document_is_not_served_by_the_site(client, secret_document):
    response = client.get("/media/" + secret_document.file.name)
    assert response.status_code == 404


def test_anonymous_zip_of_a_pack_leaves_the_members_only_file_out(
    client, campaign_index, secret_document, secret_bytes, django_user_model
):
    pack = factories.CampaignPackPageFactory(parent=campaign_index, title="Valgkamp")
    CampaignPackMaterial.objects.create(
        page=pack, title="Strategi", kind=MaterialKind.TALKING_POINTS, document=secret_document
    )
    publish(pack)

    body = _body(client.get(pack.url + "last-ned/"))
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert "Strategi.pdf" not in archive.namelist()
    assert all(secret_bytes != archive.read(name) for name in archive.namelist())

    login_verified(client, make_member(django_user_model))
    archive = zipfile.ZipFile(io.BytesIO(_body(client.get(pack.url + "last-ned/"))))
    assert archive.read("Strategi.pdf") == secret_bytes


def test_document_search_finds_members_only_documents_only_for_members(
    rf, secret_document, django_user_model
):
    from django.contrib.auth.models import AnonymousUser

    make_document("Strategi for lokalvalget", "offentlig.pdf", pdf_bytes("Offentlig"))
    anonymous = rf.get("/")
    anonymous.user = AnonymousUser()
    anonymous.session = {}
    titles = {d.title for d in documents_visible_to(anonymous).search("strategi")}
    assert titles == {"Strategi for lokalvalget"}

    member = rf.get("/")
    member.user = make_member(django_user_model)
    member.session = {}
    titles = {d.title for d in documents_visible_to(member).search("strategi")}
    assert titles == {"Strategi for lokalvalget", "Strategi for valgkampen"}
