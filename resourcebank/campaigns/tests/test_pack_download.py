"""Downloading a whole campaign pack: one streamed ZIP in the reader's written standard."""

import io
import zipfile

from wagtail.models import Locale

import pytest
from pypdf import PdfReader

from resourcebank.campaigns.models import CampaignPackMaterial
from resourcebank.core.models import MaterialKind
from resourcebank.downloads.models import DownloadCount
from tests import factories
from tests.downloads_support import (
    attachment_filename,
    make_document,
    make_image,
    make_member,
    members_collection,
    pdf_bytes,
)
from tests.editorial_support import login_verified, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack(campaign_index):
    page = factories.CampaignPackPageFactory(
        parent=campaign_index, title="Kvinnedagen 8. mars", slug="8-mars"
    )
    poster = make_document("Plakat", "plakat-bokmal.pdf", pdf_bytes("Plakat bokmål"))
    flyer = make_document("Løpeseddel", "lopeseddel-bokmal.pdf", pdf_bytes("Løpeseddel"))
    graphic = make_image("Grafikk", "grafikk.png")
    collection, _group = members_collection()
    secret = make_document(
        "Argumenter", "argumenter.pdf", pdf_bytes("Interne argumenter"), collection=collection
    )
    rows = [
        ("Plakat – kvinnedagen", MaterialKind.POSTER, poster, None),
        ("Løpeseddel for stand", MaterialKind.FLYER, flyer, None),
        ("Grafikk til sosiale medier", MaterialKind.SOCIAL_GRAPHIC, None, graphic),
        ("Argumenter for medlemmer", MaterialKind.TALKING_POINTS, secret, None),
    ]
    for i, (title, kind, document, image) in enumerate(rows):
        CampaignPackMaterial.objects.create(
            page=page, title=title, kind=kind, document=document, image=image, sort_order=i
        )
    publish(page)
    return page


def _zip(response) -> zipfile.ZipFile:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_anonymous_zip_has_every_public_file_and_no_members_only_file(client, pack):
    response = client.get(pack.url + "last-ned/")
    archive = _zip(response)

    assert archive.namelist()[1:] == [
        "Plakat – kvinnedagen.pdf",
        "Løpeseddel for stand.pdf",
        "Grafikk til sosiale medier.png",
    ]
    # Norwegian letters are stored as UTF-8 names, flagged so unzip tools read them right.
    info = archive.getinfo("Løpeseddel for stand.pdf")
    assert info.flag_bits & 0x800
    assert archive.read("Plakat – kvinnedagen.pdf").startswith(b"%PDF-")
    assert "Argumenter for medlemmer.pdf" not in archive.namelist()
    assert response["Cache-Control"] == "private, no-store"
    assert attachment_filename(response) == "Kvinnedagen 8. mars.zip"


def test_zip_starts_with_a_summary_of_message_events_and_activities(client, pack):
    archive = _zip(client.get(pack.url + "last-ned/"))
    summary = archive.namelist()[0]
    assert summary.endswith(".pdf")
    reader = PdfReader(io.BytesIO(archive.read(summary)))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Likelønn nå." in text
    assert "Stand på torget" in text
    assert "Del grafikken" in text


def test_member_zip_includes_members_only_file(client, pack, django_user_model):
    login_verified(client, make_member(django_user_model))
    archive = _zip(client.get(pack.url + "last-ned/"))
    assert "Argumenter for medlemmer.pdf" in archive.namelist()
    assert archive.read("Argumenter for medlemmer.pdf").startswith(b"%PDF-")


def test_nynorsk_zip_uses_nynorsk_files_and_falls_back_to_bokmal(client, pack):
    nn = Locale.objects.get(language_code="nn")
    nn_pack = pack.get_translation(nn)  # made, as a draft, when the pack was published
    nn_index = nn_pack.get_parent().specific
    if not nn_index.alias_of_id:  # an alias is live with its source already
        nn_index.save_revision().publish()
    materials = {m.title: m for m in nn_pack.materials.all()}
    assert len(materials) == 4
    poster = materials["Plakat – kvinnedagen"]
    poster.title = "Plakat – kvinnedagen (nynorsk)"
    poster.document = make_document("Plakat nn", "plakat-nynorsk.pdf", pdf_bytes("Plakat nynorsk"))
    poster.save()
    flyer = materials["Løpeseddel for stand"]
    flyer.title = "Lauvblad for stand"
    flyer.document = None  # no Nynorsk file of its own: the Bokmål file goes in
    flyer.save()
    nn_pack.refresh_from_db()
    nn_pack.save_revision().publish()

    archive = _zip(client.get(nn_pack.url + "last-ned/"))
    names = archive.namelist()
    assert names[1:] == [
        "Plakat – kvinnedagen (nynorsk).pdf",
        "Lauvblad for stand.pdf",
        "Grafikk til sosiale medier.png",
    ]
    assert nn_pack.url.startswith("/nn/")
    assert archive.read(names[1]) == poster.document.file.open("rb").read()
    bokmal_flyer = pack.materials.get(title="Løpeseddel for stand").document
    assert archive.read("Lauvblad for stand.pdf") == bokmal_flyer.file.open("rb").read()


def test_download_is_counted_by_month_pack_and_county_without_the_user(
    client, pack, django_user_model
):
    county = factories.CountyFactory(name="Vestland")
    login_verified(client, make_member(django_user_model, county=county))
    b"".join(client.get(pack.url + "last-ned/").streaming_content)
    b"".join(client.get(pack.url + "last-ned/").streaming_content)
    client.logout()
    b"".join(client.get(pack.url + "last-ned/").streaming_content)

    rows = {(r.county_id, r.count) for r in DownloadCount.objects.filter(pack=pack)}
    assert rows == {(county.pk, 2), (None, 1)}
    field_names = {f.name for f in DownloadCount._meta.get_fields()}
    assert not field_names & {"user", "ip", "ip_address", "session"}


def test_pack_page_offers_the_whole_pack_and_its_posters(client, pack):
    from resourcebank.campaigns.models import PosterTemplate

    template = PosterTemplate.objects.create(
        page=pack, title="Plakat med møtet", image=make_image("Mal"), branch_width=50,
        branch_height=10,
    )  # fmt: skip
    html = client.get(pack.url).content.decode()
    assert f'href="{pack.url}last-ned/"' in html
    assert f'href="{pack.url}plakat/{template.pk}/"' in html


def test_the_summary_pdf_is_made_once_per_published_version(client, pack, monkeypatch):
    from django.core.cache import cache

    from resourcebank.core import pdf

    cache.clear()
    made = []
    real = pdf.pdf_from_template
    monkeypatch.setattr(pdf, "pdf_from_template", lambda *a, **k: made.append(1) or real(*a, **k))
    for _request in range(3):
        _zip(client.get(pack.url + "last-ned/"))
    assert len(made) == 1
    pack.save_revision().publish()
    _zip(client.get(pack.url + "last-ned/"))
    assert len(made) == 2
    cache.clear()


def test_whole_pack_downloads_are_limited_per_client(client, pack, settings):
    from django.core.cache import cache

    cache.clear()
    settings.HEAVY_WORK_RATE = "2/10m"
    assert client.get(pack.url + "last-ned/").status_code == 200
    assert client.get(pack.url + "last-ned/").status_code == 200
    assert client.get(pack.url + "last-ned/").status_code == 429
    cache.clear()


def test_the_worker_makes_the_summary_when_the_pack_is_published(
    client, pack, editor, worker, monkeypatch
):
    from django.core.cache import cache

    from resourcebank.core import pdf

    cache.clear()
    made = []
    real = pdf.pdf_from_template
    monkeypatch.setattr(pdf, "pdf_from_template", lambda *a, **k: made.append(1) or real(*a, **k))
    publish(pack, user=editor)  # a new published version: its summary is not made yet
    assert made == [], "the publish waited for the summary"

    worker()
    assert len(made) == 1
    archive = _zip(client.get(pack.url + "last-ned/"))
    summary = PdfReader(io.BytesIO(archive.read(archive.namelist()[0])))
    assert "Kvinnedagen 8. mars" in summary.pages[0].extract_text()
    assert len(made) == 1, "the first download waited for a summary the worker had made"
    cache.clear()
