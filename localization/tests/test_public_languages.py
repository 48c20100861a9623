"""The languages added for the public (English, Polish, Urdu, Somali, Arabic): only the
pages translated into them, right to left where the language is, a language switcher
that offers the page's own languages, translation through PO files, and a
both-standards rule that still means Bokmål and Nynorsk only."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization, Translation

import polib
import pytest

from localization import selectors as localization_selectors
from localization.services import (
    locale_for_the_public_ensure,
    translation_import_po,
    translation_prepare,
)
from resourcebank.editorial import selectors as editorial_selectors
from tests import factories
from tests.editorial_support import login_verified, make_user, publish, translate

pytestmark = pytest.mark.django_db

ARABIC = {
    "Ressursbanken": "Ressursbanken",
    "home": "home-ar",
    "Om SV": "عن حزب SV",
    "om-sv": "an-sv",
    "Kort om SV.": "تعريف قصير بالحزب.",
    "Om SV og innmelding.": "عن الحزب والانضمام إليه.",
}


def _switcher(html: str) -> list[str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return re.findall(r'lang="([a-z]+)" hreflang=', nav)


@pytest.fixture
def about(home_page, nn_locale):
    page = publish(
        factories.InfoPageFactory(
            parent=home_page,
            title="Om SV",
            slug="om-sv",
            summary="Kort om SV.",
            body=[("paragraph", "<p>Om SV og innmelding.</p>")],
        )
    )
    translate(page, nn_locale)
    return page


@pytest.fixture
def arabic(about, home_page):
    locale = locale_for_the_public_ensure(language_code="ar")
    translation_import_po(instance=home_page, target_locale=locale, translations=ARABIC)
    return translation_import_po(instance=about, target_locale=locale, translations=ARABIC)


def test_the_arabic_page_is_right_to_left_and_offers_its_own_languages(client, arabic):
    response = client.get("/ar/an-sv/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "عن حزب SV" in html
    assert _switcher(html) == ["nb", "nn", "ar"]
    assert 'hreflang="x-default" href="http://testserver/nb/om-sv/"' in html
    # Interface strings in Arabic too.
    assert "انتقل إلى المحتوى الرئيسي" in html


def test_a_bokmal_page_offers_arabic_only_once_it_is_translated(client, about):
    html = client.get("/nb/om-sv/").content.decode()
    assert '<html lang="nb" dir="ltr">' in html
    assert _switcher(html) == ["nb", "nn"]


def test_a_bokmal_page_offers_arabic_when_it_has_it(client, arabic):
    assert _switcher(client.get("/nb/om-sv/").content.decode()) == ["nb", "nn", "ar"]


def test_untranslated_pages_are_not_offered_in_an_added_language(client, home_page, arabic):
    private = publish(factories.InfoPageFactory(parent=home_page, slug="personvern"))
    assert client.get(f"/nb/{private.slug}/").status_code == 200
    assert client.get(f"/ar/{private.slug}/").status_code == 404
    # No Arabic home page: not the Bokmål one in its place either.
    locale_for_the_public_ensure(language_code="pl")
    assert client.get("/pl/").status_code == 404
    assert client.get("/pl/om-sv/").status_code == 404


def test_other_views_in_an_added_language_go_to_bokmal(client, arabic):
    response = client.get("/ar/sok/", {"q": "SV"})
    assert response.status_code == 302
    assert response["Location"] == "/nb/sok/?q=SV"
    assert client.get("/ar/logg-inn/")["Location"] == "/nb/logg-inn/"


def test_added_languages_get_no_tree_of_aliases(home_page, nn_locale, arabic):
    assert list(LocaleSynchronization.objects.values_list("locale__language_code", flat=True)) == [
        "nn"
    ]
    new = publish(factories.InfoPageFactory(parent=home_page, title="Ny side"))
    codes = set(
        Page.objects.filter(translation_key=new.translation_key).values_list(
            "locale__language_code", flat=True
        )
    )
    assert "ar" not in codes


def test_both_standards_still_means_bokmal_and_nynorsk(campaign_index, nn_locale):
    # A draft: a pack goes live only with its Nynorsk version (resourcebank/core/publishing.py).
    pack = factories.CampaignPackPageFactory(parent=campaign_index, live=False)
    locale_for_the_public_ensure(language_code="ar")
    locale_for_the_public_ensure(language_code="en")
    problems = editorial_selectors.translation_problems(pack)
    assert len(problems) == 1
    assert "nynorsk" in problems[0].lower()
    translate(pack, nn_locale)
    assert editorial_selectors.translation_problems(pack) == []
    assert editorial_selectors.needs_both_standards(pack)
    rows = localization_selectors.missing_nynorsk()
    assert pack.pk not in [row.instance.pk for row in rows]


def test_the_missing_nynorsk_report_ignores_the_added_languages(arabic, about):
    rows = localization_selectors.missing_nynorsk()
    arabic_pages = set(Page.objects.filter(locale__language_code="ar").values_list("pk", flat=True))
    assert not arabic_pages & {row.instance.pk for row in rows}


def test_an_outside_translator_works_through_a_po_file(client, django_user_model, about, home_page):
    """The editor exports the page's PO file, the translator fills it in, the editor
    imports it in wagtail-localize's editor, and the translation is published."""
    from resourcebank.editorial import roles

    roles.roles_ensure()
    editor = make_user(django_user_model, "redaktor", roles.EDITORS)
    locale = locale_for_the_public_ensure(language_code="ar")
    translation_import_po(instance=home_page, target_locale=locale, translations=ARABIC)
    translation = translation_prepare(instance=about, target_locale=locale)
    translation.save_target(publish=False)  # the draft the editor's "Translate" makes
    login_verified(client, editor)  # staff prove a second factor for the admin

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert {entry.msgid for entry in po} >= {"Om SV", "Kort om SV.", "Om SV og innmelding."}
    for entry in po:
        entry.msgstr = ARABIC[entry.msgid]

    upload = SimpleUploadedFile("ar.po", str(po).encode(), content_type="text/x-gettext")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(pk=translation.pk)
    assert translation.get_progress() == (len(po), len(po))
    translation_import_po(instance=about, target_locale=locale, translations={})
    client.logout()
    response = client.get("/ar/an-sv/")
    assert response.status_code == 200
    assert "تعريف قصير بالحزب." in response.content.decode()


def test_the_sitemap_has_the_arabic_page_with_its_alternates(client, arabic, about):
    index = client.get("/sitemap.xml").content.decode()
    assert [url.rsplit("/", 1)[1] for url in re.findall(r"<loc>([^<]+)</loc>", index)] == [
        "sitemap-nb.xml",
        "sitemap-ar.xml",
        "sitemap-nn.xml",
    ]
    sitemap = client.get("/sitemap-ar.xml").content.decode()
    assert re.findall(r"<loc>([^<]+)</loc>", sitemap) == [
        "http://localhost/ar/",
        "http://localhost/ar/an-sv/",
    ]
    entry = sitemap.split("<loc>http://localhost/ar/an-sv/</loc>")[1].split("</url>")[0]
    assert dict(re.findall(r'hreflang="([^"]+)"\s+href="([^"]+)"', entry)) == {
        "ar": "http://localhost/ar/an-sv/",
        "nb": "http://localhost/nb/om-sv/",
        "nn": "http://localhost/nn/om-sv/",
        "x-default": "http://localhost/nb/om-sv/",
    }
