"""Acceptance: a Bokmål page machine translated into Nynorsk through wagtail-localize, published,
and the two versions linked; an untranslated page falls back to Bokmål with a notice."""

import re
import urllib.parse

from django.urls import reverse

from wagtail_localize.models import Translation

import pytest

from resourcebank.core.models import InfoPage
from tests import factories
from tests.editorial_support import login_verified

BODY = [
    ("heading", {"text": "Hvordan lokallagene jobber", "level": "h2"}),
    (
        "paragraph",
        '<p>Lokallagene skal være med. Du kan lese <a href="https://example.org/veileder">'
        "veiledningen</a> <b>først</b>.</p>",
    ),
    ("quote", {"text": "Vi fikk tjue nye medlemmer på én kveld.", "attribution": ""}),
]


def _alternates(html: str) -> dict[str, str]:
    links = re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)"', html)
    return {code: urllib.parse.urlsplit(url).path for code, url in links}


@pytest.mark.parametrize(("style", "infinitive"), [("e", "vere"), ("a", "vera")])
def test_bokmal_page_machine_translated_to_nynorsk_and_published(
    style,
    infinitive,
    request,
    client,
    editor,
    home_page,
    nn_locale,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.APERTIUM_APY_URL = request.getfixturevalue("apertium_apy_url")
    settings.APERTIUM_NYNORSK_STYLE = style
    page = factories.InfoPageFactory(parent=home_page, title="Om lokallagene", body=BODY)
    login_verified(client, editor)

    # The editor submits the home page and the page for translation into Nynorsk ...
    for submitted in (home_page, page):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[submitted.pk]),
            {"locales": [nn_locale.pk]},
        )
        assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=nn_locale
    )
    # ... presses "Machine translate" in the translation editor ...
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 302
    # ... and publishes.
    with django_capture_on_commit_callbacks(execute=True):
        for home_translation in Translation.objects.filter(
            source__object_id=home_page.translation_key
        ):
            home_translation.save_target(user=editor, publish=True)
        translation.save_target(user=editor, publish=True)

    nn_page = InfoPage.objects.get(locale=nn_locale, translation_key=page.translation_key)
    assert nn_page.live
    assert nn_page.title == "Om lokallaga"
    assert nn_page.body[0].value["text"] == "Korleis lokallaga jobbar"
    paragraph = str(nn_page.body[1].value)
    assert f"Lokallaga skal {infinitive} med." in paragraph
    assert '<a href="https://example.org/veileder">rettleiinga</a>' in paragraph
    assert "<b>først</b>" in paragraph

    client.logout()
    nb_html = client.get(page.url).content.decode()
    nn_response = client.get(nn_page.url)
    assert nn_response.status_code == 200
    nn_html = nn_response.content.decode()
    assert nn_page.url.startswith("/nn/") and page.url.startswith("/nb/")
    assert '<html lang="nn"' in nn_html and '<html lang="nb"' in nb_html
    assert 'href="https://example.org/veileder">rettleiinga</a>' in nn_html
    for html in (nb_html, nn_html):
        assert _alternates(html) == {"nb": page.url, "nn": nn_page.url, "x-default": page.url}
    assert "ikkje omsett til nynorsk" not in nn_html  # a real translation: no notice


def test_untranslated_page_falls_back_to_bokmal_with_a_nynorsk_notice(
    client, editor, home_page, nn_locale
):
    login_verified(client, editor)
    # Created in the admin: wagtail-localize makes a Nynorsk alias at once (sync nn from nb).
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["core", "infopage", home_page.pk]),
        {
            "title": "Personvern",
            "slug": "personvern",
            "summary": "",
            "body-count": "1",
            "body-0-type": "paragraph",
            "body-0-value": '{"blocks": [{"key": "a", "type": "unstyled", "text": '
            '"Vi tar vare på personopplysningene dine.", "depth": 0, '
            '"inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "a1b2c3",
            "action-publish": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = InfoPage.objects.get(locale__language_code="nb", slug="personvern")
    alias = InfoPage.objects.get(locale=nn_locale, translation_key=page.translation_key)
    assert alias.alias_of_id == page.pk and alias.live
    client.logout()

    html = client.get(alias.url).content.decode()
    assert alias.url == "/nn/personvern/"
    assert '<html lang="nn"' in html
    assert "Denne sida er ikkje omsett til nynorsk enno, så ho blir vist på bokmål." in html
    assert re.search(r'<main[^>]* lang="nb"', html)
    assert "Vi tar vare på personopplysningene dine." in html
    # hreflang: the Bokmål page is the only version in a language of its own.
    assert _alternates(html) == {"nb": page.url}
    # The language switcher says the Nynorsk link leads to Bokmål text.
    assert re.search(r'<a href="/nn/personvern/" lang="nn" hreflang="nb"', html)
    assert _alternates(client.get(page.url).content.decode()) == {"nb": page.url}
    assert "ikkje omsett" not in client.get(page.url).content.decode()
