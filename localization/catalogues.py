"""Gettext catalogues translated from Bokmål to Nynorsk with Apertium.

Used by two commands: ``build_admin_nynorsk`` (Nynorsk admin catalogues made from
the Bokmål catalogues that Wagtail, wagtail-localize and taggit ship) and
``prefill_nynorsk`` (our own ``locale/nn`` filled from ``locale/nb`` for a person to
check). Placeholders (``%(name)s``, ``%s``, ``{name}``), HTML tags and entities are
swapped for HTML comments before Apertium sees the text, so they come back intact.
"""

import html
import re
from pathlib import Path

from django.apps import apps
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


def _nn_metadata(po: polib.POFile, title: str) -> None:
    po.metadata = {
        "Project-Id-Version": title,
        "Language": "nn",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }


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


def _app_catalogue(app_path: Path, language: str, domain: str) -> Path:
    return app_path / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


def _django_nn_msgids(domain: str) -> set[tuple[str | None, str]]:
    """Messages Django itself (and its contrib apps) already translate into Nynorsk."""
    import django

    paths = [Path(django.__file__).parent / "conf"]
    paths += [
        Path(config.path) for config in apps.get_app_configs() if config.name.startswith("django.")
    ]
    found = set()
    for path in paths:
        catalogue = _app_catalogue(path, "nn", domain)
        if catalogue.exists():
            for entry in polib.pofile(str(catalogue)):
                if entry.translated():
                    found.add((entry.msgctxt, entry.msgid))
    return found


def admin_catalogue(*, domain: str = "django") -> tuple[polib.POFile, list[str]]:
    """One Nynorsk catalogue from every installed app that ships Bokmål but not Nynorsk.

    Where apps translate the same message differently, the app listed first in
    INSTALLED_APPS wins, as in Django. Messages Django already translates into
    Nynorsk are left to Django. Returns the catalogue and the apps it came from.
    """
    skip = _django_nn_msgids(domain)
    merged = polib.POFile(wrapwidth=0)
    _nn_metadata(merged, "Ressursbanken admin (nn, from nb)")
    seen = set(skip)
    sources = []
    for config in apps.get_app_configs():
        if config.name.startswith("django.") or config.name in _project_apps():
            continue
        path = Path(config.path)
        nb = _app_catalogue(path, "nb", domain)
        if not nb.exists() or _app_catalogue(path, "nn", domain).exists():
            continue
        sources.append(config.name)
        for entry in polib.pofile(str(nb)):
            key = (entry.msgctxt, entry.msgid)
            if key in seen or not entry.translated() or entry.obsolete:
                continue
            seen.add(key)
            merged.append(
                polib.POEntry(
                    msgid=entry.msgid,
                    msgid_plural=entry.msgid_plural,
                    msgctxt=entry.msgctxt,
                    msgstr=entry.msgstr,
                    msgstr_plural=dict(entry.msgstr_plural),
                    flags=[flag for flag in entry.flags if flag != "fuzzy"],
                    occurrences=[(config.name, "")],
                )
            )
    return merged, sources


def _project_apps() -> set[str]:
    base = Path(settings.BASE_DIR)
    return {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(base.resolve())
        and ".venv" not in Path(config.path).parts
    }


# The committed corrections to the machine translated admin, applied after Apertium.
ADMIN_CORRECTIONS = Path(__file__).resolve().parent / "admin_nn_corrections.po"
CHECKED_COMMENT = "Corrected by hand, not by Apertium: localization/admin_nn_corrections.po"
# Only the format placeholders must match: a correction may add or fix HTML tags.
_FORMAT_PLACEHOLDER = re.compile(
    r"%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[sdifrxXeEgGcoa]|\{[^{}]*\}"
)


class CorrectionError(ValueError):
    """A correction that would break the catalogue (lost or added placeholder)."""


def _placeholders(text: str) -> set[str]:
    return set(_FORMAT_PLACEHOLDER.findall(text))


def apply_corrections(
    catalogue: polib.POFile, *, corrections: polib.POFile
) -> tuple[int, list[polib.POEntry]]:
    """Overwrite msgstrs in `catalogue` with the checked ones from `corrections`.

    Entries are matched by msgctxt + msgid. A correction must keep the format
    placeholders of the msgid (or of the machine translation it replaces); the first
    one that does not raises CorrectionError and nothing is changed. Returns how many
    entries were corrected and the corrections whose msgid is no longer in the catalogue.
    """
    by_key = {(entry.msgctxt, entry.msgid): entry for entry in catalogue}
    planned = []
    unused = []
    for fix in corrections:
        if fix.obsolete or not fix.msgid:
            continue
        entry = by_key.get((fix.msgctxt, fix.msgid))
        if entry is None:
            unused.append(fix)
            continue
        if entry.msgid_plural:
            if sorted(fix.msgstr_plural) != sorted(entry.msgstr_plural):
                raise CorrectionError(f"{fix.msgid!r}: the correction needs every plural form")
            pairs = [(entry.msgstr_plural[k], fix.msgstr_plural[k]) for k in entry.msgstr_plural]
        else:
            pairs = [(entry.msgstr, fix.msgstr)]
        for old, new in pairs:
            allowed = _placeholders(old) | _placeholders(entry.msgid)
            allowed |= _placeholders(entry.msgid_plural or "")
            if (
                not new.strip()
                or not _placeholders(new) <= allowed
                or (_placeholders(old) - _placeholders(new))
            ):
                raise CorrectionError(
                    f"{fix.msgid!r}: the correction {new!r} must keep the placeholders "
                    f"of {old!r} and add none"
                )
        planned.append((entry, fix))
    for entry, fix in planned:
        if entry.msgid_plural:
            entry.msgstr_plural = dict(fix.msgstr_plural)
        else:
            entry.msgstr = fix.msgstr
        entry.tcomment = CHECKED_COMMENT
    return len(planned), unused


# The languages added for the public (English, Polish, Urdu, Somali, Arabic) reach the
# pages translated into them: the home page, information pages, campaign packs (with
# their downloads and posters) and their index, and the error pages. Their catalogues
# must translate every string of these sources (localization/tests/test_catalogues.py);
# search, login, feeds and forms are not offered in them (localization/middleware.py).
PUBLIC_PAGE_SOURCES = (
    "templates/base.html",
    "templates/index_page.html",
    "templates/404.html",
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
