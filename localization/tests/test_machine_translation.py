"""The Apertium machine translator, against the real command and the real APy server."""

import math

from wagtail_localize.strings import StringValue

import pytest

from localization.machine_translation import APY_BATCH_BYTES, ApertiumError, ApertiumTranslator
from localization.tests.apy import apy_requests, apy_stats

SOURCE = [
    StringValue('Vi skal <a id="a1">øke</a> antall <b>medlemmer</b> i lokallagene.'),
    StringValue.from_plaintext("Det er viktig å være med & snakke <høyt>"),
    StringValue("Hva gjør vi?"),
]


class _Locale:
    def __init__(self, code):
        self.language_code = code


NB, NN, EN = _Locale("nb"), _Locale("nn"), _Locale("en")


def _translate(**options):
    translated = ApertiumTranslator(options).translate(NB, NN, SOURCE)
    return [translated[string].data for string in SOURCE]


def test_only_bokmal_and_nynorsk_can_be_translated():
    translator = ApertiumTranslator({})
    assert translator.can_translate(NB, NN)
    assert translator.can_translate(NN, NB)
    assert not translator.can_translate(NB, EN)
    assert not translator.can_translate(NN, NN)


@pytest.mark.parametrize("backend", ["command", "apy"])
def test_translates_a_batch_keeping_markup_and_order(backend, request, apertium_command):
    apy_url = request.getfixturevalue("apertium_apy_url") if backend == "apy" else ""
    linked, plain, question = _translate(APY_URL=apy_url)
    assert linked == 'Vi skal <a id="a1">auke</a> talet på <b>medlemmer</b> i lokallaga.'
    assert "vere med" in plain
    assert plain.endswith("&amp; snakke &lt;høgt&gt;")  # text stays text
    assert question == "Kva gjer vi?"


@pytest.mark.parametrize("backend", ["command", "apy"])
def test_style_setting_picks_the_infinitive(backend, request, settings, apertium_command):
    apy_url = request.getfixturevalue("apertium_apy_url") if backend == "apy" else ""
    settings.APERTIUM_APY_URL = apy_url
    settings.APERTIUM_NYNORSK_STYLE = "a"
    assert "vera med" in _translate()[1]
    settings.APERTIUM_NYNORSK_STYLE = "e"
    assert "vere med" in _translate()[1]


def test_nynorsk_to_bokmal(apertium_command):
    translated = ApertiumTranslator({"APY_URL": ""}).translate(
        NN, NB, [StringValue("Lokallaga skal vere med.")]
    )
    assert list(translated.values())[0].data == "Lokallagene skal være med."


def test_unreachable_server_raises_a_clear_error():
    with pytest.raises(ApertiumError, match="Fikk ikke kontakt med Apertium-tjeneren"):
        ApertiumTranslator({"APY_URL": "http://127.0.0.1:9", "TIMEOUT": 2}).translate(
            NB, NN, SOURCE
        )


def test_missing_command_raises_a_clear_error(monkeypatch, settings):
    settings.APERTIUM_APY_URL = ""
    monkeypatch.setattr("localization.machine_translation.APERTIUM_COMMAND", "no-such-apertium")
    with pytest.raises(ApertiumError, match="Apertium er ikke installert"):
        ApertiumTranslator({}).translate(NB, NN, SOURCE)


def _long_page(count: int) -> list[StringValue]:
    """`count` paragraphs, each its own text, with markup among them."""
    return [
        StringValue(
            f"Avsnitt {number}. Lokallagene skal være med på å øke antall medlemmer "
            f"før valget. Vi inviterer alle naboer til et <b>åpent møte</b>."
        )
        for number in range(count)
    ]


def test_a_long_page_goes_to_apy_in_a_few_batches_at_once(apertium_apy_url):
    """40 paragraphs are a few requests, not 40, sent together to several pipes; the
    translations come back in order, markup intact, whichever batch they were in."""
    strings = _long_page(40)
    strings[30] = SOURCE[0]  # in the last batch
    before = apy_requests(apertium_apy_url)

    translated = ApertiumTranslator({"APY_URL": apertium_apy_url, "CONCURRENCY": 2}).translate(
        NB, NN, strings
    )

    requests = apy_requests(apertium_apy_url) - before
    per_batch = APY_BATCH_BYTES // len(f'<div id="rb00">{strings[0].data}</div>\n'.encode())
    assert 2 <= requests <= math.ceil(len(strings) / per_batch)
    assert apy_stats(apertium_apy_url)["runningPipes"]["nob-nno_e"] >= 2
    for number, string in enumerate(strings):
        text = translated[string].data
        if number == 30:
            assert text == 'Vi skal <a id="a1">auke</a> talet på <b>medlemmer</b> i lokallaga.'
        else:
            assert text.startswith(f"Avsnitt {number}. Lokallaga skal vere med")
            assert text.endswith("eit <b>ope møte</b>.")


def test_a_page_translated_again_asks_apy_only_for_what_changed(apertium_apy_url):
    translator = ApertiumTranslator({"APY_URL": apertium_apy_url})
    strings = _long_page(12)
    first = translator.translate(NB, NN, strings)
    before = apy_requests(apertium_apy_url)

    again = translator.translate(NB, NN, strings)
    assert apy_requests(apertium_apy_url) == before, "an unchanged page asked APy again"
    assert {s: v.data for s, v in again.items()} == {s: v.data for s, v in first.items()}

    # One paragraph edited: one request, for that paragraph alone.
    strings[5] = StringValue("Hva gjør vi hvis ingen kommer?")
    edited = translator.translate(NB, NN, strings)
    assert apy_requests(apertium_apy_url) == before + 1
    assert edited[strings[5]].data == "Kva gjer vi viss ingen kjem?"
    # The other direction is its own translation, not the cached one.
    back = translator.translate(NN, NB, [StringValue("Kva gjer vi viss ingen kjem?")])
    assert list(back.values())[0].data == "Hva gjør vi hvis ingen kommer?"
