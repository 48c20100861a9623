"""Machine translation between Bokmål and Nynorsk with Apertium, offline.

Apertium (`apertium-nno-nob`) runs either as the `apertium-apy` HTTP server, when
``APERTIUM_APY_URL`` is set, or as the `apertium` command. Every call translates a
whole batch of strings in one request or one process run: each string becomes a
block element of one HTML document (``<div id="rbN">…</div>``), which Apertium's
HTML format keeps intact, inline markup included.

The Nynorsk style is ``APERTIUM_NYNORSK_STYLE``: ``"e"`` (e-infinitive and "vi",
mode ``nob-nno_e``, the default) or ``"a"`` (a-infinitive and "me", ``nob-nno``).
"""

import json
import re
import shutil
import subprocess  # noqa: S404 - runs the fixed `apertium` command, never a shell
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

APERTIUM_COMMAND = "apertium"
DEFAULT_TIMEOUT = 60.0
_BLOCK = re.compile(r'<div id="rb(\d+)">(.*?)</div>', re.DOTALL)


class ApertiumError(Exception):
    """Apertium is missing or failed. ``str(error)`` is a message for the editor."""


def apertium_mode(source_language: str, target_language: str, *, style: str | None = None):
    """The Apertium mode for a pair of language codes, or None if Apertium cannot do it."""
    source = source_language.split("-")[0].lower()
    target = target_language.split("-")[0].lower()
    if (source, target) == ("nn", "nb"):
        return "nno-nob"
    if (source, target) == ("nb", "nn"):
        style = style or getattr(settings, "APERTIUM_NYNORSK_STYLE", "e")
        return "nob-nno" if style == "a" else "nob-nno_e"
    return None


def _wrap(texts: list[str]) -> str:
    return "".join(f'<div id="rb{i}">{text}</div>\n' for i, text in enumerate(texts))


def _unwrap(document: str, count: int) -> list[str]:
    found = {int(number): text for number, text in _BLOCK.findall(document)}
    if sorted(found) != list(range(count)):
        raise ApertiumError(_("Apertium returned a translation that could not be read."))
    return [found[i] for i in range(count)]


def _run_command(document: str, *, mode: str, timeout: float) -> str:
    executable = shutil.which(APERTIUM_COMMAND)
    if executable is None:
        raise ApertiumError(
            _("Apertium is not installed on the server, so nothing was machine translated.")
        )
    try:
        completed = subprocess.run(  # noqa: S603 - fixed argument list, no shell
            [executable, "-u", "-f", "html", mode],
            input=document,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ApertiumError(
            _("Apertium did not answer in time, so nothing was machine translated.")
        ) from error
    if completed.returncode != 0:
        raise ApertiumError(_("Apertium failed, so nothing was machine translated."))
    return completed.stdout


def _call_apy(document: str, *, mode: str, url: str, timeout: float) -> str:
    source, _sep, target = mode.partition("-")
    body = urllib.parse.urlencode(
        {"q": document, "langpair": f"{source}|{target}", "format": "html", "markUnknown": "no"}
    ).encode()
    request = urllib.request.Request(  # noqa: S310 - URL comes from settings
        url.rstrip("/") + "/translate", data=body, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            payload = json.loads(response.read().decode())
    except (OSError, ValueError) as error:
        raise ApertiumError(
            _("The Apertium server could not be reached, so nothing was machine translated.")
        ) from error
    if payload.get("responseStatus") != 200:
        raise ApertiumError(_("Apertium failed, so nothing was machine translated."))
    return payload["responseData"]["translatedText"]


def translate_html(
    texts: list[str],
    *,
    mode: str,
    apy_url: str | None = None,
    timeout: float | None = None,
) -> list[str]:
    """Translate HTML fragments with one Apertium call; the result keeps their order.

    Raises ApertiumError when Apertium is missing, fails or answers something unreadable.
    """
    if not texts:
        return []
    if apy_url is None:
        apy_url = getattr(settings, "APERTIUM_APY_URL", "")
    if timeout is None:
        timeout = getattr(settings, "APERTIUM_TIMEOUT", DEFAULT_TIMEOUT)
    document = _wrap(texts)
    if apy_url:
        translated = _call_apy(document, mode=mode, url=apy_url, timeout=timeout)
    else:
        translated = _run_command(document, mode=mode, timeout=timeout)
    return _unwrap(translated, len(texts))


class ApertiumTranslator(BaseMachineTranslator):
    """wagtail-localize machine translator for nb→nn and nn→nb.

    OPTIONS may set ``STYLE`` ("e" or "a"), ``APY_URL`` and ``TIMEOUT``; each defaults
    to the Django setting of the same name with the ``APERTIUM_`` prefix.
    """

    display_name = "Apertium"

    def _mode(self, source_locale, target_locale):
        return apertium_mode(
            source_locale.language_code,
            target_locale.language_code,
            style=self.options.get("STYLE"),
        )

    def can_translate(self, source_locale, target_locale):
        return self._mode(source_locale, target_locale) is not None

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        mode = self._mode(source_locale, target_locale)
        if mode is None:
            raise ApertiumError(_("Apertium cannot translate between these languages."))
        translated = translate_html(
            [string.get_translatable_html() for string in strings],
            mode=mode,
            apy_url=self.options.get("APY_URL"),
            timeout=self.options.get("TIMEOUT"),
        )
        return {
            string: StringValue.from_translated_html(text)
            for string, text in zip(strings, translated, strict=True)
        }
