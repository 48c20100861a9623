"""Benchmark: machine translating a 2,000-word Bokmål page into Nynorsk (make bench).

Figures printed, for APy (as scripts/apertium.sh starts it: several pipes) and for the
`apertium` command:

- one request: the whole page as one document to one pipe (how it went before batches);
- in batches at once: the page's paragraphs, cut into batches sent together to the pipes;
- the button's work, cold and warm: what the translation editor's "Machine translate"
  does (``strings_machine_translate``: translate the strings, store them) with nothing
  cached, then with every string in the cache, as after the worker translated the
  published page (``localization.tasks``): no Apertium call at all;
- translated, saved and published, cold: ``objects_machine_translate`` as a whole.
"""

import time

from django.core.cache import cache

from wagtail.models import Page
from wagtail_localize.models import StringTranslation

import pytest

from localization import services
from localization.machine_translation import apertium_mode, translate_html
from localization.tests.apy import apy_requests, apy_stats
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


def _paragraphs(words: int = 2000, prefix: str = "Avsnitt"):
    paragraphs, count, index = [], 0, 0
    while count < words:
        sentences = [SENTENCES[(index + i) % len(SENTENCES)] for i in range(4)]
        text = f"{prefix} {index + 1}. " + " ".join(sentences)
        paragraphs.append(("paragraph", f"<p>{text}</p>"))
        count += len(text.split())
        index += 1
    return paragraphs, count


def _timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


@pytest.mark.parametrize("backend", ["apy", "command"])
def test_translate_a_2000_word_page(
    backend, request, settings, home_page, nn_locale, django_capture_on_commit_callbacks
):
    request.getfixturevalue("apertium_command")
    apy_url = request.getfixturevalue("apertium_apy_url") if backend == "apy" else ""
    settings.APERTIUM_APY_URL = apy_url
    mode = apertium_mode("nb", "nn")
    body, words = _paragraphs()
    page = factories.InfoPageFactory(parent=home_page, title="Langside", body=body)
    # The home page first, so the timing covers the one page; and other text in parallel
    # batches, so every pipe has started (scripts/apertium.sh warms them up likewise).
    services.objects_machine_translate(objects=[home_page], target_locale=nn_locale, publish=True)
    if apy_url:
        other, _words = _paragraphs(words=600, prefix="Del")
        translate_html([html for _kind, html in other], mode=mode)

    # The whole page as one document, to one pipe (APy then cuts it into 4 KB parts
    # and translates them one after another).
    html = "".join(value for _kind, value in body)
    one_request, _result = _timed(lambda: translate_html([html], mode=mode, concurrency=1))
    cache.clear()
    # The same paragraphs in batches at once, as the translator sends them.
    paragraphs = [value for _kind, value in body]
    apertium_only, _result = _timed(lambda: translate_html(paragraphs, mode=mode))
    cache.clear()

    # What the translation editor's "Machine translate" button does: the strings of the
    # page's translation, translated and stored; cold (nothing cached), then warm.
    translation = services.translation_prepare(instance=page, target_locale=nn_locale)
    own = StringTranslation.objects.filter(
        locale=nn_locale, translation_of__segments__source=translation.source
    )
    requests_before = apy_requests(apy_url) if apy_url else 0
    button_cold, strings = _timed(
        lambda: services.strings_machine_translate(translations=[translation])
    )
    requests = apy_requests(apy_url) - requests_before if apy_url else 1
    own.delete()
    requests_before = apy_requests(apy_url) if apy_url else 0
    button_warm, again = _timed(
        lambda: services.strings_machine_translate(translations=[translation])
    )
    assert again == strings
    if apy_url:
        assert apy_requests(apy_url) == requests_before, "the warm run asked APy"
    pipes = apy_stats(apy_url)["runningPipes"].get(mode, 0) if apy_url else 1

    # The whole of it, cold: strings, the Nynorsk page saved and published.
    own.delete()
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        whole, _run = _timed(
            lambda: services.objects_machine_translate(
                objects=[page], target_locale=nn_locale, publish=True
            )
        )
    nn_page = Page.objects.get(locale=nn_locale, translation_key=page.translation_key).specific
    assert nn_page.live and "lokallaga" in str(nn_page.body[0].value).lower()

    print(
        f"\nBENCH translate {words} words nb→nn ({strings} strings, {len(body)} paragraphs) "
        f"via {backend}: as one request to one pipe {one_request:.2f} s; in batches at once "
        f"{apertium_only:.2f} s; the button's work cold {button_cold:.2f} s ({requests} "
        f"Apertium requests, {pipes} pipes), warm (cached, no Apertium call) "
        f"{button_warm * 1000:.0f} ms; translated, saved and published cold {whole:.2f} s"
    )
