"""Browser journey: an elected member takes the 8 March pack away and makes a poster."""

import io
import re
import zipfile

from django.utils import translation
from django.utils.translation import gettext

import pytest
from pypdf import PdfReader

from resourcebank.campaigns.models import CampaignPackMaterial, PosterTemplate
from resourcebank.core.models import MaterialKind
from tests import factories
from tests.downloads_support import (
    make_document,
    make_image,
    make_member,
    members_collection,
    pdf_bytes,
)
from tests.editorial_support import publish

pytestmark = [pytest.mark.e2e]

BRANCH = "Løten og Åsnes lokallag"


@pytest.fixture
def march_pack(site_home):
    index = factories.CampaignIndexPageFactory(parent=site_home)
    pack = factories.CampaignPackPageFactory(
        parent=index, title="Kvinnedagen 8. mars", slug="8-mars", message="Likelønn nå."
    )
    collection, _group = members_collection()
    CampaignPackMaterial.objects.create(
        page=pack,
        title="Plakat – kvinnedagen",
        kind=MaterialKind.POSTER,
        document=make_document("Plakat", "plakat.pdf", pdf_bytes("Plakat")),
        sort_order=0,
    )
    CampaignPackMaterial.objects.create(
        page=pack,
        title="Argumenter for folkevalgte",
        kind=MaterialKind.TALKING_POINTS,
        document=make_document(
            "Argumenter", "argumenter.pdf", pdf_bytes("Interne argumenter"), collection
        ),
        sort_order=1,
    )
    PosterTemplate.objects.create(
        page=pack,
        title="Plakat med lokallagets møte",
        image=make_image("Plakatmal", "plakatmal.png", size=(620, 877)),
        text_colour="#ffffff",
        branch_x=10, branch_y=60, branch_width=80, branch_height=8,
        when_x=10, when_y=70, when_width=80, when_height=5,
        place_x=10, place_y=76, place_width=80, place_height=5,
    )  # fmt: skip
    publish(pack)
    return pack


def test_elected_member_downloads_the_pack_and_makes_a_poster(
    browser_page, live_server, march_pack, django_user_model, assert_accessible
):
    page = browser_page
    make_member(django_user_model, username="folkevalgt", group_name="Folkevalgte")
    with translation.override("nb"):
        download_label = gettext("Download the whole pack")
        poster_label = gettext("Make your own: %(title)s") % {
            "title": "Plakat med lokallagets møte"
        }
        branch_label = gettext("Name of the local branch")
        when_label = gettext("Date and time")
        place_label = gettext("Place")
        pdf_label = gettext("PDF for printing")
        submit_label = gettext("Make the poster")

    try:
        # Members log in on the site (the admin's login is for staff).
        page.goto(f"{live_server.url}/nb/logg-inn/?next={march_pack.url}")
        page.fill("#id_username", "folkevalgt")
        page.fill("#id_password", "pw")
        page.locator("form.login-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/nb/kampanjer/8-mars/$"))
        assert page.locator("h1").inner_text().strip() == "Kvinnedagen 8. mars"

        with page.expect_download() as download_info:
            page.get_by_role("link", name=download_label).click()
        download = download_info.value
        assert download.suggested_filename == "Kvinnedagen 8. mars.zip"
        with zipfile.ZipFile(download.path()) as archive:
            names = archive.namelist()
        assert "Plakat – kvinnedagen.pdf" in names
        assert "Argumenter for folkevalgte.pdf" in names  # members-only, and they are one

        page.get_by_role("link", name=poster_label).click()
        page.wait_for_url(re.compile(r"/plakat/\d+/$"))
        assert assert_accessible(page.url) == []
        page.get_by_label(branch_label).fill(BRANCH)
        page.get_by_label(when_label).fill("Lørdag 8. mars kl. 12–14")
        page.get_by_label(place_label).fill("Torget på Løten")
        page.get_by_label(pdf_label).check()
        with page.expect_download() as poster_info:
            page.get_by_role("button", name=submit_label).click()
        poster = poster_info.value
        assert poster.suggested_filename.endswith(".pdf")
        with open(poster.path(), "rb") as f:
            text = " ".join(PdfReader(io.BytesIO(f.read())).pages[0].extract_text().split())
        assert BRANCH in text
        assert "Torget på Løten" in text
    finally:
        page.context.clear_cookies()
