"""Browser journey: an elected member picks the branch's size, then fills in the draft
resolution of the elected members' kit and takes it away as a Word document."""

import re

from django.utils import translation
from django.utils.translation import gettext

import docx
import pytest

from tests import factories
from tests.downloads_support import make_member
from tests.editorial_support import publish

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def march_pack(site_home):
    index = factories.CampaignIndexPageFactory(parent=site_home)
    pack = factories.CampaignPackPageFactory(
        parent=index,
        title="Kvinnedagen 8. mars",
        slug="8-mars",
        suggested_events=[
            (
                "event",
                {"title": "Stand på torget", "description": "Del ut.", "branch_sizes": ["few"]},
            ),
            ("event", {"title": "Folkemøte", "description": "Inviter.", "branch_sizes": ["large"]}),
        ],
        elected_kit=[
            (
                "resolution",
                {
                    "title": "Forslag til vedtak om likelønn",
                    "text": "{kommunestyre} i {kommune} vedtar likelønn.\n\n"
                    "{representant}, {partigruppe}",
                },
            )
        ],
    )
    return publish(pack)  # with its Nynorsk version, as a pack goes live


def test_elected_member_sizes_the_events_and_fills_in_the_resolution(
    browser_page, live_server, march_pack, django_user_model, assert_accessible
):
    page = browser_page
    make_member(django_user_model, username="folkevalgt", group_name="Folkevalgte")
    with translation.override("nb"):
        few_label = gettext("A few active members")
        show_label = gettext("Show events")
        docx_label = gettext("Word document (DOCX)")
        submit_label = gettext("Make the draft")

    try:
        # Members log in on the site (the admin's login is for staff).
        page.goto(f"{live_server.url}/nb/logg-inn/?next={march_pack.url}")
        page.fill("#id_username", "folkevalgt")
        page.fill("#id_password", "pw")
        page.locator("form.login-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/nb/kampanjer/8-mars/$"))

        page.get_by_label(few_label).check()
        page.get_by_role("button", name=show_label).click()
        page.wait_for_url(re.compile(r"\?lagsstorrelse=few#events$"))
        titles = page.locator("#events [data-event] h3").all_inner_texts()
        assert titles == ["Stand på torget"]

        page.get_by_role("link", name="Forslag til vedtak om likelønn").click()
        page.wait_for_url(re.compile(r"/folkevalgt/[0-9a-f-]+/$"))
        assert assert_accessible(page.url) == []
        page.get_by_label("Kommune eller fylke").fill("Løten")
        page.get_by_label("Kommunestyre eller fylkesting").fill("Løten kommunestyre")
        page.get_by_label("Navnet ditt").fill("Kari Nordmann")
        page.get_by_label("Partigruppe").fill("SV-gruppa")
        page.get_by_label(docx_label).check()
        with page.expect_download() as download_info:
            page.get_by_role("button", name=submit_label).click()
        download = download_info.value
        assert download.suggested_filename == "Forslag til vedtak om likelønn – Løten.docx"
        text = "\n".join(p.text for p in docx.Document(download.path()).paragraphs)
        assert "Løten kommunestyre i Løten vedtar likelønn." in text
        assert "Kari Nordmann, SV-gruppa" in text
        assert "{" not in text
    finally:
        page.context.clear_cookies()
