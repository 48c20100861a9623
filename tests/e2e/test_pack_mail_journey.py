"""Browser journey: a member chooses campaign pack mail on the account page (from the
header's "Min side"), gets a digest when a pack is published, and stops the mail with the
link in it. The account page and the unsubscribe page pass axe-core in both standards."""

import re
from urllib.parse import urlsplit

from django.core import mail

import pytest

from resourcebank.accounts.models import PackSubscription
from tests import factories
from tests.downloads_support import make_member
from tests.editorial_support import publish

pytestmark = [pytest.mark.e2e]


def test_a_member_subscribes_gets_the_digest_and_stops_it_with_the_link(
    browser_page, live_server, site_home, django_user_model, assert_accessible
):
    page = browser_page
    make_member(django_user_model, username="kari")
    trustees = factories.AudienceFactory(name="Tillitsvalgte", slug="tillitsvalgte")
    index = factories.CampaignIndexPageFactory(parent=site_home)
    try:
        page.goto(f"{live_server.url}/nb/logg-inn/")
        page.fill("#id_username", "kari")
        page.fill("#id_password", "pw")
        page.locator("form.login-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/nb/$"))

        page.get_by_role("link", name="Min side").first.click()
        page.wait_for_url(re.compile(r"/nb/min-side/$"))
        assert assert_accessible(page.url) == []
        page.get_by_label("En oppsummering når nye kampanjepakker publiseres").check()
        page.get_by_label("Tillitsvalgte").check()
        page.get_by_role("button", name="Lagre", exact=True).click()
        page.wait_for_url(re.compile(r"/nb/min-side/$"))
        assert page.get_by_text("Lagret. E-posten kommer på denne målformen.").is_visible()
        assert assert_accessible(page.url) == []
        assert assert_accessible(f"{live_server.url}/nn/min-side/") == []

        mail.outbox.clear()
        pack = factories.CampaignPackPageFactory(parent=index, title="Kvinnedagen")
        pack.audiences.set([trustees])
        publish(pack)
        [digest] = mail.outbox
        assert "Kvinnedagen" in digest.body
        address = re.fullmatch(r"<(.+)>", digest.extra_headers["List-Unsubscribe"]).group(1)
        # The mail links to WAGTAILADMIN_BASE_URL; here the site is the live server.
        link = live_server.url + urlsplit(address).path
        page.context.clear_cookies()  # the link works without logging in

        assert assert_accessible(link) == []
        assert assert_accessible(link.replace("/nb/", "/nn/")) == []
        assert PackSubscription.objects.filter(user__username="kari").exists()
        page.goto(link)
        page.get_by_role("button", name="Ja, stopp e-postene").click()
        page.get_by_text("Ferdig. Du får ikke mer e-post om kampanjepakker.").wait_for()
        assert not PackSubscription.objects.filter(user__username="kari").exists()
        # The page that refuses a forged link is accessible too.
        forged = link[:-2] + ("B" if link[-2] == "A" else "A") + "/"
        assert assert_accessible(forged, status=400) == []
    finally:
        page.context.clear_cookies()
