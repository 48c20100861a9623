"""Every kind of page passes axe-core's WCAG 2.1 AA rules in a real browser."""

import datetime
import io

from django.core.files.images import ImageFile

from wagtail.images.models import Image
from wagtail.models import Locale
from wagtail.rich_text import RichText

import pytest
from PIL import Image as PILImage

from resourcebank.campaigns.models import CampaignPackMaterial, CampaignPackPage
from resourcebank.core.models import HomePage
from tests import factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def make_image(title: str) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), (122, 16, 32)).save(buffer, "PNG")
    return Image.objects.create(
        title=title,
        description=title,
        file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png"),
    )


def body(text: str, image: Image | None = None):
    blocks = [
        ("heading", {"text": "Slik gjør dere det", "level": "h2"}),
        ("paragraph", RichText(f"<p>{text} <a href='/nb/'>Les mer</a>.</p>")),
        ("quote", {"text": "Vi fikk tjue nye medlemmer.", "attribution": "Lokallagsleder"}),
    ]
    if image is not None:
        blocks.append(
            (
                "image",
                {"image": image, "alt_text": "Plakaten henger på en vegg", "decorative": False},
            )
        )
    return blocks


def build_site(home: HomePage) -> dict[str, str]:
    """A small site with one live page of every type, in Bokmål; returns their URLs."""
    home.intro = "Materiell, skolering og håndbøker for hele organisasjonen."
    home.save_revision().publish()
    poster = make_image("Plakat åttende mars")
    branch = factories.LocalBranchFactory(name="Grünerløkka SV", county__name="Oslo")

    campaigns = factories.CampaignIndexPageFactory(
        parent=home, intro="Kampanjepakker.", show_in_menus=True
    )
    pack = factories.CampaignPackPageFactory(
        parent=campaigns,
        title="8. mars: Likelønn nå",
        period_start=datetime.date(2026, 2, 20),
        period_end=datetime.date(2026, 3, 8),
        commemoration_day=factories.CommemorationDayFactory(),
        body=body("Bakgrunn for kampanjen.", poster),
    )
    CampaignPackMaterial.objects.create(
        page=pack, locale=pack.locale, title="Plakat A3", kind="poster", image=poster
    )

    stories = factories.StoryIndexPageFactory(parent=home, show_in_menus=True)
    story = factories.SuccessStoryPageFactory(
        parent=stories,
        summary="Tjue nye medlemmer på en kveld.",
        local_branch=branch,
        county=branch.county,
        what_was_done="<p>Vi banket på dører.</p>",
        image=poster,
    )

    catalog = factories.TrainingCatalogPageFactory(parent=home, show_in_menus=True)
    package = factories.TrainingPackagePageFactory(
        parent=catalog, prerequisites="<p>Ingen.</p>", body=body("Plan for kvelden.")
    )
    factories.TrainingEventFactory(
        package=package,
        organiser_level="county",
        county=branch.county,
        signup_url="https://example.org/pamelding",
    )
    factories.TrainingEventFactory(package=package, place="", online_url="https://example.org/m")

    handbooks = factories.HandbookIndexPageFactory(parent=home, show_in_menus=True)
    handbook = factories.HandbookPageFactory(
        parent=handbooks, intro="Slik driver dere et lokallag."
    )
    chapter = factories.HandbookChapterPageFactory(parent=handbook, body=body("Innkalling."))
    factories.HandbookChapterPageFactory(parent=handbook)
    info = factories.InfoPageFactory(parent=home, title="Om Ressursbanken", body=body("Om oss."))
    return {
        "home": home.url,
        "campaign index": campaigns.url,
        "campaign pack": pack.url,
        "story index": stories.url,
        "success story": story.url,
        "training catalogue": catalog.url,
        "training package": package.url,
        "handbook index": handbooks.url,
        "handbook": handbook.url,
        "handbook chapter": chapter.url,
        "info page": info.url,
        "not found": "/nb/finnes-ikke/",
    }


def test_home_page_and_campaign_pack_have_no_axe_violations(
    live_server, site_home, assert_accessible
):
    urls = build_site(site_home)

    failures = []
    for name in ("home", "campaign pack"):
        failures += assert_accessible(live_server.url + urls[name])

    assert not failures, "\n\n".join(failures)


def test_every_page_type_in_both_standards_has_no_axe_violations(
    live_server, site_home, assert_accessible
):
    urls = build_site(site_home)
    nn = Locale.objects.get(language_code="nn")
    pack = CampaignPackPage.objects.get(locale__language_code="nb")
    nn_pack = pack.copy_for_translation(nn, copy_parents=True)
    nn_pack.save_revision().publish()

    failures = []
    for name, url in urls.items():
        if name in ("home", "campaign pack"):
            continue
        status = 404 if name == "not found" else 200
        failures += assert_accessible(live_server.url + url, status=status)
    failures += assert_accessible(live_server.url + nn_pack.url)

    assert not failures, "\n\n".join(failures)


def test_login_page_in_both_standards_and_the_member_journey_have_no_axe_violations(
    live_server, site_home, assert_accessible, browser_page, axe
):
    """The login page, the forgotten-password page and the set-password page (with a
    validator error) in nb and nn; then a member follows a private page's link, gets the
    password wrong (the error summary is checked too), logs in, lands on the page with
    their name in the header, and logs out again."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from wagtail.models import PageViewRestriction

    from resourcebank.editorial import roles
    from tests.e2e.conftest import axe_violations
    from tests.editorial_support import make_user

    def axe_failures(label):
        return axe_violations(axe, browser_page, label)

    roles.roles_ensure()
    member = make_user(get_user_model(), "kari", roles.MEMBERS)
    member.last_name = "Nordmann"
    member.save()
    page = factories.InfoPageFactory(parent=site_home, title="Bare for medlemmer")
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([roles.role_group(roles.MEMBERS)])

    failures = []
    for language in ("nb", "nn"):
        failures += assert_accessible(f"{live_server.url}/{language}/logg-inn/")
        failures += assert_accessible(f"{live_server.url}/{language}/logg-inn/glemt-passord/")
        # The e-mailed link; Django moves the token into the session and redirects.
        uid = urlsafe_base64_encode(force_bytes(member.pk))
        token = default_token_generator.make_token(member)
        failures += assert_accessible(
            f"{live_server.url}/{language}/logg-inn/glemt-passord/{uid}/{token}/"
        )
        assert browser_page.url.endswith("/nytt-passord/")
    # A too common password: Django's validator message, summed up and linked to the field.
    browser_page.fill("#id_new_password1", "12345678")
    browser_page.fill("#id_new_password2", "12345678")
    browser_page.click("form.login-form button[type=submit]")
    assert "for vanleg" in browser_page.locator(".ds-error-summary").inner_text()
    failures += axe_failures("set-password page with an error")

    try:
        browser_page.goto(live_server.url + page.url)
        assert "/nb/logg-inn/?next=" in browser_page.url
        browser_page.fill("#id_username", "kari")
        browser_page.fill("#id_password", "feil")
        browser_page.click("form.login-form button[type=submit]")
        summary = browser_page.locator(".ds-error-summary")
        assert "korrekt brukernavn og passord" in summary.inner_text()
        failures += axe_failures("login page with an error")

        browser_page.fill("#id_password", "pw")
        browser_page.click("form.login-form button[type=submit]")
        browser_page.wait_for_url(live_server.url + page.url)
        assert browser_page.locator("h1").inner_text() == "Bare for medlemmer"
        assert "kari Nordmann" in browser_page.locator(".account-menu").inner_text()
        # On a wide screen the name and the button share one line, beside the search.
        name = browser_page.locator(".account-menu__name").bounding_box()
        button = browser_page.locator(".account-menu button").bounding_box()
        search = browser_page.locator(".site-search").bounding_box()
        assert (
            button["y"] < name["y"] + name["height"] and name["y"] < button["y"] + button["height"]
        )
        assert button["y"] + button["height"] <= search["y"] + search["height"] + 8
        failures += axe_failures("members-only page, logged in")

        browser_page.click(".account-menu button[type=submit]")
        browser_page.wait_for_url(live_server.url + "/nb/")
        assert "Nordmann" not in browser_page.locator(".site-header").inner_text()
    finally:
        browser_page.context.clear_cookies()

    assert not failures, "\n\n".join(failures)
