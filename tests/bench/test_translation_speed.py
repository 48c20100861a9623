"""Benchmark: machine translating a 2,000-word Bokmål page into Nynorsk (make bench)."""

import time

from wagtail.models import Page

import pytest

from localization import services
from localization.machine_translation import apertium_mode, translate_html
from tests import factories

pytestmark = pytest.mark.bench

SENTENCES = [
    "Lokallagene skal være med på å øke antall medlemmer før valget.",
    "Vi inviterer alle naboer til et åpent møte på biblioteket neste uke.",
    "Styret har ansvar for at <b>kampanjen</b> blir gjennomført i hele kommunen.",
    'Les <a href="https://example.org/veileder">veiledningen</a> før dere begynner.',
    "Hva gjør vi hvis ingen kommer? Da ringer vi rundt og spør hvorfor.",
    "Det er viktig å være synlig på torget, på skolene og i sosiale medier.",
]


def _paragraphs(words: int = 2000):
    paragraphs, count, index = [], 0, 0
    while count < words:
        sentences = [SENTENCES[(index + i) % len(SENTENCES)] for i in range(4)]
        text = f"Avsnitt {index + 1}. " + " ".join(sentences)
        paragraphs.append(("paragraph", f"<p>{text}</p>"))
        count += len(text.split())
        index += 1
    return paragraphs, count


@pytest.mark.parametrize("backend", ["apy", "command"])
def test_translate_a_2000_word_page(
    backend, request, settings, home_page, nn_locale, django_capture_on_commit_callbacks
):
    request.getfixturevalue("apertium_command")
    apy_url = request.getfixturevalue("apertium_apy_url") if backend == "apy" else ""
    settings.APERTIUM_APY_URL = apy_url
    body, words = _paragraphs()
    page = factories.InfoPageFactory(parent=home_page, title="Langside", body=body)
    # The home page first, so the timing covers the one page.
    services.objects_machine_translate(objects=[home_page], target_locale=nn_locale, publish=True)

    # Apertium alone: the page's text as one HTML document, in one call.
    html = "".join(value for _kind, value in body)
    started = time.perf_counter()
    translate_html([html], mode=apertium_mode("nb", "nn"), apy_url=apy_url)
    apertium_only = time.perf_counter() - started

    started = time.perf_counter()
    with django_capture_on_commit_callbacks(execute=True):
        run = services.objects_machine_translate(
            objects=[page], target_locale=nn_locale, publish=True
        )
    elapsed = time.perf_counter() - started

    nn_page = Page.objects.get(locale=nn_locale, translation_key=page.translation_key).specific
    assert nn_page.live and "lokallaga" in str(nn_page.body[0].value).lower()
    print(
        f"\nBENCH translate {words} words ({run.strings_translated} strings, {len(body)} "
        f"paragraphs) via {backend}: {elapsed:.2f} s through wagtail-localize, "
        f"{apertium_only:.2f} s for the Apertium call alone"
    )
