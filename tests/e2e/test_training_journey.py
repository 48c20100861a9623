"""A trustee finds a training in their county and downloads its facilitator guide;
a package page with a captioned video passes axe."""

from django.core.files.base import ContentFile

from wagtail.documents.models import Document

import pytest
from wagtailmedia.models import Media

from tests import factories
from training.models import TrainingPackageMaterial, TrainingPackageMedia

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

GUIDE = b"%PDF-1.4\n% Kursholderveiledning for styrekurs\n%%EOF\n"
VTT = b"WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nVelkommen til styrekurset.\n"


@pytest.fixture
def catalogue(site_home):
    trustees = factories.AudienceFactory(name="Tillitsvalgte", slug="tillitsvalgte")
    committees = factories.AudienceFactory(name="Valgkomiteer", slug="valgkomiteer")
    oslo = factories.CountyFactory(name="Oslo", slug="oslo")
    vestland = factories.CountyFactory(name="Vestland", slug="vestland")
    catalog = factories.TrainingCatalogPageFactory(parent=site_home, show_in_menus=True)

    def package(title, slug, audience, county):
        page = factories.TrainingPackagePageFactory(
            parent=catalog, title=title, slug=slug, summary=f"{title} for lokallag."
        )
        page.audiences.set([audience])
        page.save_revision().publish()
        factories.county_training_event(page, county, days=10, place=f"Folkets hus, {county.name}")
        return page

    board = package("Styrekurs", "styrekurs", trustees, oslo)
    package("Styrekurs på Vestlandet", "styrekurs-vest", trustees, vestland)
    package("Valgkomitéarbeid", "valgkomite", committees, oslo)
    guide = Document.objects.create(
        title="Kursholderveiledning", file=ContentFile(GUIDE, name="kursholderveiledning.pdf")
    )
    TrainingPackageMaterial.objects.create(
        page=board,
        locale=board.locale,
        title="Kursholderveiledning",
        kind="facilitator_guide",
        document=guide,
    )
    video = Media.objects.create(
        title="Slik leder du et styremøte",
        file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="styremote.mp4"),
        type="video",
        width=640,
        height=360,
        duration=4,
    )
    captions = Document.objects.create(
        title="Teksting: styremøte", file=ContentFile(VTT, name="styremote.vtt")
    )
    TrainingPackageMedia.objects.create(
        page=board,
        locale=board.locale,
        media=video,
        captions=captions,
        captions_language="nb",
        transcript="<p>Velkommen til styrekurset. I dag skal vi lære å lede et styremøte.</p>",
    )
    return catalog, board


def test_trustee_filters_to_audience_and_county_opens_package_and_downloads_guide(
    live_server, catalogue, browser_page
):
    catalog, board = catalogue
    page = browser_page
    page.goto(live_server.url + catalog.url)
    page.locator('nav[aria-labelledby="facet-malgruppe"] a[data-value="tillitsvalgte"]').click()
    page.wait_for_url("**/?malgruppe=tillitsvalgte")
    page.locator('nav[aria-labelledby="facet-fylke"] a[data-value="oslo"]').click()
    page.wait_for_url("**/?malgruppe=tillitsvalgte&fylke=oslo")
    assert (
        page.locator('nav[aria-labelledby="facet-fylke"] a[aria-current="true"]').get_attribute(
            "data-value"
        )
        == "oslo"
    )
    titles = page.locator(".card__title a").all_inner_texts()
    assert titles == ["Styrekurs"]

    page.locator(".card__title").get_by_role("link", name="Styrekurs", exact=True).click()
    page.wait_for_url(f"**{board.url}")
    assert page.locator("h1").inner_text() == "Styrekurs"
    with page.expect_download() as download_info:
        page.locator(".materials a", has_text="Kursholderveiledning").click()
    download = download_info.value
    # Files are stored under random names; the download is named after the document.
    assert download.suggested_filename == "Kursholderveiledning.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read() == GUIDE


def test_package_page_with_a_captioned_video_has_no_axe_violations(
    live_server, catalogue, browser_page, assert_accessible
):
    _catalog, board = catalogue
    failures = assert_accessible(live_server.url + board.url)
    track = browser_page.locator('video track[kind="captions"]')
    assert track.get_attribute("srclang") == "nb"
    assert failures == []
