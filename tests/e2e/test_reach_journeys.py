"""Reach beyond the site, in a real browser: a county site shows its county's trainings
from the API alone (docs/county-site/, under a strict CSP, from another origin), and the
Arabic information page is right to left, accessible and offers the page's languages."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.conf import settings as django_settings

from wagtail.models import Locale

import pytest

from localization.services import locale_for_the_public_ensure, translation_import_po
from tests import factories
from tests.e2e.conftest import WCAG_21_AA, format_violations
from tests.editorial_support import translate
from tests.reach_support import SECRET, restrict

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

COUNTY_SITE = Path(django_settings.BASE_DIR) / "docs" / "county-site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture
def county_site_url():
    """docs/county-site served from its own origin, as a county branch's web server would."""
    handler = functools.partial(_QuietHandler, directory=str(COUNTY_SITE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_county_example_page_shows_its_county_trainings(
    site_home, live_server, county_site_url, browser_page, settings
):
    settings.CORS_ALLOWED_ORIGINS = [county_site_url]
    oslo = factories.CountyFactory(name="Oslo", slug="oslo")
    vestland = factories.CountyFactory(name="Vestland", slug="vestland")
    catalog = factories.TrainingCatalogPageFactory(parent=site_home)
    stories = factories.StoryIndexPageFactory(parent=site_home)

    def package(title, slug):
        page = factories.TrainingPackagePageFactory(parent=catalog, title=title, slug=slug)
        page.save_revision().publish()
        return page

    board = package("Styrekurs", "styrekurs")
    factories.county_training_event(
        board, oslo, 10, place="Folkets hus, Oslo", title="Styrekurs i Oslo"
    )
    factories.county_training_event(
        package("Valgkomitéarbeid", "valgkomite"), oslo, 20, place="Grünerløkka"
    )
    factories.county_training_event(
        package("Styrekurs på Vestlandet", "vest"), vestland, 12, place="Bergen"
    )
    secret = package(f"{SECRET} kurs", "hemmelig")
    restrict(secret)
    factories.county_training_event(secret, oslo, 5, place="Et sted")
    story = factories.SuccessStoryPageFactory(
        parent=stories, title="Tjue nye medlemmer på Tøyen", county=oslo, summary="Dørbank."
    )
    story.save_revision().publish()

    errors = []
    browser_page.on(
        "console", lambda message: message.type == "error" and errors.append(message.text)
    )
    browser_page.goto(f"{county_site_url}/index.html?api={live_server.url}&county=oslo")
    trainings = browser_page.locator('[data-list="trainings"] li')
    trainings.first.wait_for()
    texts = trainings.all_inner_texts()
    assert [text.splitlines()[0] for text in texts] == ["Styrekurs i Oslo", "Valgkomitéarbeid"]
    assert "Folkets hus, Oslo" in texts[0]
    page_text = browser_page.locator("main").inner_text()
    assert "Bergen" not in page_text and SECRET not in page_text
    assert browser_page.locator("[data-county-name]").inner_text() == "Oslo"
    browser_page.locator('[data-list="stories"] li').first.wait_for()
    assert (
        "Tjue nye medlemmer på Tøyen" in browser_page.locator('[data-list="stories"]').inner_text()
    )
    href = browser_page.locator('[data-list="trainings"] li a').first.get_attribute("href")
    assert href.endswith("/nb/skolering/styrekurs/")
    assert not errors, errors  # no CSP violation, no failed request


def test_the_arabic_information_page_is_right_to_left_and_accessible(
    site_home, live_server, browser_page, axe
):
    about = factories.InfoPageFactory(
        parent=site_home,
        title="Om SV og innmelding",
        slug="om-sv-og-innmelding",
        summary="Kort om SV og hvordan du blir medlem.",
        body=[
            ("heading", {"text": "Bli medlem", "level": "h2"}),
            ("paragraph", "<p>Du melder deg inn på SVs nettsider.</p>"),
        ],
        show_in_menus=True,
    )
    about.save_revision().publish()
    translate(about, Locale.objects.get(language_code="nn"))
    words = {
        "Ressursbanken": "Ressursbanken",
        "home": "home-ar",
        "Om SV og innmelding": "عن حزب SV والانضمام إليه",
        "om-sv-og-innmelding": "an-sv-wal-indimam",
        "Kort om SV og hvordan du blir medlem.": "تعريف قصير بالحزب وبكيفية الانضمام إليه.",
        "Bli medlem": "كن عضوًا",
        "Du melder deg inn på SVs nettsider.": "يمكنك الانضمام عبر موقع الحزب الإلكتروني.",
    }
    english = {
        **{key: key for key in words},
        "home": "home-en",
        "Om SV og innmelding": "About SV and how to join",
        "om-sv-og-innmelding": "about-sv-and-joining",
    }
    for code, translations in (("ar", words), ("en", english)):
        locale = locale_for_the_public_ensure(language_code=code)
        translation_import_po(instance=site_home, target_locale=locale, translations=translations)
        translation_import_po(instance=about, target_locale=locale, translations=translations)

    url = f"{live_server.url}/ar/an-sv-wal-indimam/"
    response = browser_page.goto(url)
    assert response.status == 200
    html = browser_page.locator("html")
    assert html.get_attribute("dir") == "rtl"
    assert html.get_attribute("lang") == "ar"
    assert browser_page.locator("h1").inner_text() == "عن حزب SV والانضمام إليه"
    # The layout is mirrored: the heading starts at the right edge of the content.
    main_box = browser_page.locator("main").bounding_box()
    heading_box = browser_page.locator("h1").bounding_box()
    assert heading_box["x"] + heading_box["width"] > main_box["x"] + main_box["width"] - 40
    offered = browser_page.locator(".language-switcher a").evaluate_all(
        "links => links.map(link => link.getAttribute('lang'))"
    )
    assert offered == ["nb", "nn", "en", "ar"]
    results = axe.run(
        browser_page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    assert not results.response["violations"], format_violations(url, results.response)
    # A page that has no Arabic version is not offered in Arabic.
    factories.InfoPageFactory(parent=site_home, slug="personvern").save_revision().publish()
    assert browser_page.goto(f"{live_server.url}/nb/personvern/").status == 200
    assert browser_page.goto(f"{live_server.url}/ar/personvern/").status == 404
