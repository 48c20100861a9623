"""The Apertium machine translator, against the real command and the real APy server."""

from wagtail_localize.strings import StringValue

import pytest

from localization.machine_translation import ApertiumError, ApertiumTranslator

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
