"""Gettext catalogues translated from Bokmål to Nynorsk with Apertium.

Used by ``build_admin_catalogues`` (the admin's Nynorsk, made from our Bokmål in
``localization/admin_catalogues``) and ``prefill_nynorsk`` (our own ``locale/nn`` filled
from ``locale/nb`` for a person to check). Placeholders (``%(name)s``, ``%s``,
``{name}``), HTML tags and entities are swapped for HTML comments before Apertium sees
the text, so they come back intact.
"""

import html
import re

from django.conf import settings

import polib

from localization.machine_translation import apertium_mode, translate_html

# Python %-format, brace format, HTML tags and entities: kept exactly as they are.
PROTECTED = re.compile(
    r"%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[sdifrxXeEgGcoa%]"
    r"|\{[^{}]*\}"
    r"|</?[a-zA-Z][^<>]*>"
    r"|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);"
)
_COMMENT = re.compile(r"<!--p(\d+)-->")
TOOL_COMMENT = "Machine translated from Bokmål with Apertium"


def _protect(text: str) -> tuple[str, list[str]]:
    kept: list[str] = []
    parts = []
    position = 0
    for match in PROTECTED.finditer(text):
        parts.append(html.escape(text[position : match.start()], quote=False))
        parts.append(f"<!--p{len(kept)}-->")
        kept.append(match.group(0))
        position = match.end()
    parts.append(html.escape(text[position:], quote=False))
    return "".join(parts).replace("\n", "<br>"), kept


def _restore(translated: str, kept: list[str]) -> str:
    pieces = []
    position = 0
    for match in _COMMENT.finditer(translated):
        pieces.append(html.unescape(translated[position : match.start()]))
        pieces.append(kept[int(match.group(1))])
        position = match.end()
    pieces.append(html.unescape(translated[position:]))
    return "".join(pieces).replace("<br>", "\n")


def texts_to_nynorsk(texts: list[str], *, style: str | None = None) -> list[str]:
    """Bokmål interface texts to Nynorsk in one Apertium call, placeholders intact."""
    protected = [_protect(text) for text in texts]
    translated = translate_html(
        [text for text, _kept in protected],
        mode=apertium_mode("nb", "nn", style=style),
    )
    result = []
    for source, (_text, kept), output in zip(texts, protected, translated, strict=True):
        restored = _restore(output, kept)
        # A placeholder lost or duplicated would break the page: keep the Bokmål then.
        if sorted(PROTECTED.findall(restored)) != sorted(kept):
            restored = source
        result.append(restored)
    return result


def _entry_texts(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def translate_entries(entries: list[polib.POEntry], *, fuzzy: bool) -> None:
    """Replace the Bokmål msgstrs of `entries` with Nynorsk, in place, in one call."""
    texts = [text for entry in entries for text in _entry_texts(entry)]
    translated = iter(texts_to_nynorsk(texts))
    for entry in entries:
        if entry.msgid_plural:
            for index in sorted(entry.msgstr_plural):
                entry.msgstr_plural[index] = next(translated)
        else:
            entry.msgstr = next(translated)
        entry.tcomment = TOOL_COMMENT
        if fuzzy and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")


# The languages added for the public (English, Polish, Urdu, Somali, Arabic) reach the
# pages translated into them: the home page, information pages, campaign packs (with
# their downloads and posters) and their index, and the error pages (429 too: posters
# are rate limited). Their catalogues must translate every string of these sources
# (localization/tests/test_catalogues.py);
# search, login, feeds and forms are not offered in them (localization/middleware.py).
PUBLIC_PAGE_SOURCES = (
    "templates/base.html",
    "templates/index_page.html",
    "templates/404.html",
    "templates/429.html",
    "templates/500.html",
    "templates/components/",
    "resourcebank/core/templates/",
    "resourcebank/campaigns/templates/",
    "resourcebank/campaigns/templatetags/",
    "resourcebank/campaigns/forms.py",
    "resourcebank/campaigns/views.py",
)
# Strings of other sources that those pages show (the kinds of material).
PUBLIC_PAGE_MESSAGES = (
    "Poster",
    "Flyer",
    "Social media graphic",
    "Talking points",
    "Facilitator guide",
    "Slides",
    "Other",
)


def added_languages() -> list[str]:
    """The language codes added for the public: every language but the written standards."""
    return [code for code, _name in settings.LANGUAGES if code not in settings.WRITTEN_STANDARDS]


def is_public_page_message(entry: polib.POEntry) -> bool:
    """Whether the pages of the languages added for the public show this string."""
    if entry.msgid in PUBLIC_PAGE_MESSAGES:
        return True
    return any(path.startswith(PUBLIC_PAGE_SOURCES) for path, _line in entry.occurrences)
