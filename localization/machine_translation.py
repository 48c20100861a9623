"""Machine translation between Bokmål and Nynorsk with Apertium, offline.

Apertium (`apertium-nno-nob`) runs either as the `apertium-apy` HTTP server, when
``APERTIUM_APY_URL`` is set, or as the `apertium` command. Strings go to Apertium
wrapped as block elements of an HTML document (``<div id="rbN">…</div>``), which
Apertium's HTML format keeps intact, inline markup included.

Where the time goes: Apertium needs about 2.7 s of CPU for 2,000 words (half of it in
the constraint-grammar disambiguator, one process per pipe), so one pipe cannot be
fast. With APy the strings of a call are cut into batches of at most
``APY_BATCH_BYTES`` (APy itself cuts a longer text into parts of 4 KB and translates
them one after another on one pipe, and may cut inside a tag), and the batches are sent
``APERTIUM_CONCURRENCY`` at a time, so APy runs them on several pipes (``-i``, see
docs/deploy.md). The `apertium` command pays a second or more to start, so it gets
everything in as few runs as possible.

Every translated string is kept in Django's cache under its mode and a hash of its text
(``CACHE_SECONDS``), so translating an unchanged page again asks Apertium nothing, and
the worker can translate a published page before anyone asks (``localization.tasks``).
The key is a hash of the text: only someone who has the text can read its translation.

The Nynorsk style is ``APERTIUM_NYNORSK_STYLE``: ``"e"`` (e-infinitive and "vi",
mode ``nob-nno_e``, the default) or ``"a"`` (a-infinitive and "me", ``nob-nno``).
"""

import hashlib
import json
import math
import re
import shutil
import subprocess  # noqa: S404 - runs the fixed `apertium` command, never a shell
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

APERTIUM_COMMAND = "apertium"
DEFAULT_TIMEOUT = 60.0
DEFAULT_CONCURRENCY = 2
# Below APy's own cut (PIPE_BUF, 4096 bytes), wrapping included.
APY_BATCH_BYTES = 3_800
# One `apertium` run takes at most this much text, so a huge tree is not one huge run.
COMMAND_BATCH_CHARS = 400_000
# A week: long enough for the translator to come to a page the worker translated on
# publish; short enough that text erased from a page does not linger (docs/data-map.md).
CACHE_SECONDS = 7 * 24 * 60 * 60
CACHE_PREFIX = "apertium:v1"
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


def _cache_key(mode: str, text: str) -> str:
    return f"{CACHE_PREFIX}:{mode}:{hashlib.sha256(text.encode()).hexdigest()}"


def _batches_for_apy(texts: list[str], concurrency: int) -> list[list[str]]:
    """`texts` cut into batches of about equal size, in order: enough batches that each
    stays under ``APY_BATCH_BYTES``, and a multiple of `concurrency`, so every round of
    concurrent requests keeps every pipe busy."""
    sizes = [len(_wrap([text]).encode()) for text in texts]
    total = sum(sizes)
    rounds = math.ceil(total / (APY_BATCH_BYTES * concurrency))
    count = min(len(texts), rounds * concurrency)
    batches: list[list[str]] = [[]]
    done = 0
    for text, size in zip(texts, sizes, strict=True):
        if batches[-1] and done >= total * len(batches) / count:
            batches.append([])
        batches[-1].append(text)
        done += size
    return batches


def _translate_uncached(
    texts: list[str], *, mode: str, apy_url: str, timeout: float, concurrency: int
) -> list[str]:
    if not apy_url:
        translated: list[str] = []
        batch: list[str] = []
        size = 0
        for text in texts:
            if batch and size + len(text) > COMMAND_BATCH_CHARS:
                translated += _unwrap(
                    _run_command(_wrap(batch), mode=mode, timeout=timeout), len(batch)
                )
                batch, size = [], 0
            batch.append(text)
            size += len(text)
        translated += _unwrap(_run_command(_wrap(batch), mode=mode, timeout=timeout), len(batch))
        return translated

    def one(batch: list[str]) -> list[str]:
        document = _call_apy(_wrap(batch), mode=mode, url=apy_url, timeout=timeout)
        return _unwrap(document, len(batch))

    batches = _batches_for_apy(texts, concurrency)
    if len(batches) == 1:
        return one(batches[0])
    with ThreadPoolExecutor(max_workers=min(concurrency, len(batches))) as pool:
        return [text for result in pool.map(one, batches) for text in result]


def translate_html(
    texts: list[str],
    *,
    mode: str,
    apy_url: str | None = None,
    timeout: float | None = None,
    concurrency: int | None = None,
) -> list[str]:
    """Translate HTML fragments; the result keeps their order.

    Fragments translated before (in the cache) are not sent again; the others go to
    Apertium once each, in concurrent batches with APy. Raises ApertiumError when
    Apertium is missing, fails or answers something unreadable.
    """
    if not texts:
        return []
    if apy_url is None:
        apy_url = getattr(settings, "APERTIUM_APY_URL", "")
    if timeout is None:
        timeout = getattr(settings, "APERTIUM_TIMEOUT", DEFAULT_TIMEOUT)
    if concurrency is None:
        concurrency = getattr(settings, "APERTIUM_CONCURRENCY", DEFAULT_CONCURRENCY)
    keys = {text: _cache_key(mode, text) for text in texts}
    found = cache.get_many(list(set(keys.values())))
    known = {text: found[key] for text, key in keys.items() if key in found}
    missing = [text for text in keys if text not in known]
    if missing:
        translated = _translate_uncached(
            missing,
            mode=mode,
            apy_url=apy_url,
            timeout=timeout,
            concurrency=max(1, concurrency),
        )
        fresh = dict(zip(missing, translated, strict=True))
        cache.set_many({keys[text]: value for text, value in fresh.items()}, CACHE_SECONDS)
        known.update(fresh)
    return [known[text] for text in texts]


class ApertiumTranslator(BaseMachineTranslator):
    """wagtail-localize machine translator for nb→nn and nn→nb.

    OPTIONS may set ``STYLE`` ("e" or "a"), ``APY_URL``, ``TIMEOUT`` and
    ``CONCURRENCY``; each defaults to the Django setting of the same name with the
    ``APERTIUM_`` prefix.
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
            concurrency=self.options.get("CONCURRENCY"),
        )
        return {
            string: StringValue.from_translated_html(text)
            for string, text in zip(strings, translated, strict=True)
        }
