"""Writes for translation between the written standards (wagtail-localize + Apertium)."""

import html
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.segments.types import StringSegmentValue

from localization import selectors
from localization.machine_translation import ApertiumError


@dataclass
class TranslationRun:
    """What a bulk translation did, for progress output and tests."""

    saved: list[Model] = field(default_factory=list)
    failed: list[tuple[Model, str]] = field(default_factory=list)
    strings_translated: int = 0


def _noop(message: str) -> None:
    pass


def translation_prepare(*, instance: Model, target_locale: Locale) -> Translation:
    """The wagtail-localize Translation of `instance` into `target_locale`, source up to date."""
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=target_locale, defaults={"enabled": True}
    )
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    return translation


def strings_machine_translate(*, translations: Iterable[Translation], user=None) -> int:
    """Machine translate every string of these translations that has no translation yet.

    Existing translations (by a person or a machine) are never touched. All strings of
    a pair of languages go to the translator at once (it batches them, and knows the
    ones it translated before). Raises ApertiumError and writes nothing
    when Apertium is missing or fails. Returns the number of strings translated.
    """
    translator = get_machine_translator()
    by_locale_pair: dict[tuple[Locale, Locale], dict] = {}
    for translation in translations:
        source_locale = translation.source.locale
        target_locale = translation.target_locale
        pending = by_locale_pair.setdefault((source_locale, target_locale), {})
        segments = (
            StringSegment.objects.filter(source=translation.source)
            .annotate_translation(target_locale)
            .filter(translation__isnull=True)
            .select_related("string")
        )
        for segment in segments:
            pending.setdefault(segment.string.as_value(), set()).add(
                (segment.string_id, segment.context_id)
            )

    results = []
    for (source_locale, target_locale), pending in by_locale_pair.items():
        if not pending:
            continue
        if translator is None or not translator.can_translate(source_locale, target_locale):
            raise ApertiumError(_("Apertium cannot translate between these languages."))
        translated = translator.translate(source_locale, target_locale, list(pending))
        results.append((target_locale, pending, translated, translator.display_name))

    count = 0
    with transaction.atomic():
        for target_locale, pending, translated, tool_name in results:
            for string, contexts in pending.items():
                value = translated.get(string)
                if value is None or value.data is None:
                    continue
                count += 1
                for string_id, context_id in contexts:
                    StringTranslation.objects.get_or_create(
                        translation_of_id=string_id,
                        locale=target_locale,
                        context_id=context_id,
                        defaults={
                            "data": value.data,
                            "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                            "tool_name": tool_name,
                            "last_translated_by": user,
                            "has_error": False,
                            "field_error": "",
                        },
                    )
    return count


def page_is_translation_source(*, page: Page) -> bool:
    """Whether `page` is one that translations are made from: it has content of its own
    (not an alias) and is not itself the translation of a page in another locale."""
    if page.alias_of_id:
        return False
    return not (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .exists()
    )


def page_strings_pretranslate(*, page: Page) -> int:
    """Machine translate the strings of `page` as it is now into every locale the
    translator can translate it into, for its cache only: nothing is written to the
    database. Strings translated before cost nothing. Returns the number of strings sent.
    """
    translator = get_machine_translator()
    if translator is None:
        return 0
    strings = list(
        dict.fromkeys(
            segment.string
            for segment in extract_segments(page)
            if isinstance(segment, StringSegmentValue)
        )
    )
    count = 0
    for target_locale in Locale.objects.exclude(pk=page.locale_id):
        if strings and translator.can_translate(page.locale, target_locale):
            translator.translate(page.locale, target_locale, strings)
            count += len(strings)
    return count


def _save_target(translation: Translation, *, user, publish: bool) -> None:
    instance = translation.source.as_instance()
    if not _has_draft_state(instance):
        # Objects without draft state (most snippets) are saved as they are.
        translation.save_target(user=user, publish=True)
        return
    target = _live_target(translation)
    if target is not None and not publish:
        translation_draft_save(translation=translation, target=target, user=user)
        return
    # Saved as a draft revision, then published here and now: wagtail-localize would
    # publish on commit (with no user), which never comes inside an outer transaction.
    translation.save_target(user=user, publish=False)
    if publish:
        target = translation.get_target_instance()
        target.get_latest_revision().publish(user=user)


def _live_target(translation: Translation) -> Page | None:
    """The translation's page when it exists and is live (a translation or an alias)."""
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return None
    return target if isinstance(target, Page) and target.live else None


def translation_draft_save(*, translation: Translation, target: Page, user=None):
    """A new revision of a live page's translation; the live page stays as it is.

    wagtail-localize's ``save_target(publish=False)`` writes the translated content into
    the page itself, so a live page would show it at once: its "draft" is no draft.
    Here the content goes into a revision only, for someone who may publish to publish.
    A live alias (a page not yet translated, showing the Bokmål text) becomes a page
    of its own first, with the Bokmål text it already shows, so nothing a reader sees
    changes either.
    """
    source = translation.source
    original = source.as_instance()
    target = target.specific
    if target.alias_of_id:
        target.alias_of_id = None
        target.save(update_fields=["alias_of_id"], clean=False)
        target.save_revision(user=user, changed=False, clean=False)
        target = Page.objects.get(pk=target.pk).specific
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(translation.target_locale)
    ingest_segments(original, target, source.locale, translation.target_locale, segments)
    target.slug = find_available_slug(target.get_parent(), target.slug, ignore_page_id=target.pk)
    revision = target.save_revision(user=user)
    source.sync_view_restrictions(original, target)
    return revision


def translation_publish(*, translation: Translation, user) -> None:
    """Save and publish one translation as `user`: the publish checks their permission."""
    _save_target(translation, user=user, publish=True)


def user_may_publish_translations(*, user, source: TranslationSource) -> bool:
    """Whether `user` may publish every translation of `source` (each target page, or
    for a translation not yet made, the source page itself)."""
    instance = source.as_instance()
    if not isinstance(instance, Page):
        model = type(instance)
        action = "publish" if _has_draft_state(instance) else "change"
        return user.has_perm(get_permission_name(action, model))
    for translation in source.translations.filter(enabled=True):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            target = instance
        if not target.permissions_for_user(user).can_publish():
            return False
    return True


# Addresses a translator may put where the source has a link: the web, e-mail, phone, or
# an address on this site.
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_ACTIVE_TAGS = {"script", "iframe", "object", "embed", "style", "form", "svg", "math", "base"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "xlink:href", "poster"}


def address_is_safe(value: str) -> bool:
    """http, https, mailto, tel or a relative address; anything else (javascript:,
    data:, vbscript:) is not. Control characters and entities are seen through."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(value or ""))
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


class _ActiveHTMLFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag.lower() in _ACTIVE_TAGS:
            self.problems.append(tag)
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on") or (name in _URL_ATTRIBUTES and not address_is_safe(value)):
                self.problems.append(name)


def override_value_problem(*, source, value) -> str | None:
    """Why a translator's override of a synchronised value is refused (None if it is not).

    Where the source is an address (a link in rich text, a URL field), the override must
    be a safe address; where it is HTML, it must hold no scripts, event handlers or
    unsafe addresses. Other values (ids of documents and images) pass as they are.
    """
    if not isinstance(value, str):
        return None
    if isinstance(source, str) and "<" in source:
        finder = _ActiveHTMLFinder()
        finder.feed(value)
        if finder.problems:
            return _("The text contains scripts or unsafe addresses and was not saved.")
        return None
    if isinstance(source, str) and not address_is_safe(value):
        return _(
            "Only addresses starting with http:, https:, mailto: or tel:, or an address on "
            "this site, can be used. The link was not saved."
        )
    if isinstance(source, str):
        finder = _ActiveHTMLFinder()
        finder.feed(value)
        if finder.problems:
            return _("The text contains scripts or unsafe addresses and was not saved.")
    return None


def _has_draft_state(instance: Model) -> bool:
    return isinstance(instance, DraftStateMixin)


def objects_machine_translate(
    *,
    objects: list[Model],
    target_locale: Locale,
    user=None,
    publish: bool,
    progress: Callable[[str], None] = _noop,
) -> TranslationRun:
    """Create or update the translations of `objects` (in this order) into `target_locale`.

    New strings are machine translated in one batch; strings already translated are
    kept. Snippets must come before the pages that use them. Raises ApertiumError,
    saving nothing, when Apertium is missing or fails.
    """
    run = TranslationRun()
    translations = []
    for instance in objects:
        translations.append(translation_prepare(instance=instance, target_locale=target_locale))
    progress(f"{len(translations)} objects to translate into {target_locale.language_code}")
    started = time.monotonic()
    run.strings_translated = strings_machine_translate(translations=translations, user=user)
    progress(
        f"{run.strings_translated} new strings machine translated "
        f"in {time.monotonic() - started:.1f} s"
    )
    total = len(translations)
    for number, translation in enumerate(translations, start=1):
        instance = translation.source.as_instance()
        try:
            with transaction.atomic():
                _save_target(translation, user=user, publish=publish)
        except ValidationError as error:
            run.failed.append((instance, "; ".join(error.messages)))
            progress(f"[{number}/{total}] FAILED {instance}: {'; '.join(error.messages)}")
            continue
        run.saved.append(instance)
        progress(f"[{number}/{total}] {instance}")
    return run


def tree_machine_translate(
    *,
    root: Page,
    target_locale: Locale,
    user=None,
    publish: bool = True,
    include_snippets: bool = True,
    only_stale: bool = True,
    progress: Callable[[str], None] = _noop,
) -> TranslationRun:
    """Translate every page under `root` (inclusive), and the translatable snippets first.

    With `only_stale` (the default) only what has no translation yet, or a translation
    older than its source, is touched, so a second run changes nothing.
    """
    source_locale = root.locale
    objects: list[Model] = []
    if include_snippets:
        objects += selectors.translatable_snippets(locale=source_locale)
    objects += selectors.pages_to_translate(root=root)
    if only_stale:
        stale = {
            (_concrete(row.instance), row.instance.pk)
            for row in selectors.missing_translations(
                source_locale=source_locale, target_locale=target_locale
            )
        }
        objects = [instance for instance in objects if (_concrete(instance), instance.pk) in stale]
    return objects_machine_translate(
        objects=objects,
        target_locale=target_locale,
        user=user,
        publish=publish,
        progress=progress,
    )


def _concrete(instance: Model):
    if isinstance(instance, Page):
        return Page
    return instance._meta.concrete_model


def translation_import_po(
    *, instance: Model, target_locale: Locale, translations: dict[str, str], user=None
) -> Model:
    """Translate `instance` into `target_locale` as an outside translator does: export the
    PO file of its strings from wagtail-localize, fill it in, import it, and publish.

    `translations` maps each source text (the PO file's msgid) to its translation; a
    text it lacks keeps its earlier translation, if any. Raises ValueError naming the
    texts that are still untranslated, so nothing is published half in another language.
    """
    translation = translation_prepare(instance=instance, target_locale=target_locale)
    po = translation.export_po()
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    missing = [entry.msgid for entry in po if not entry.msgstr]
    if missing:
        raise ValueError(f"untranslated texts for {target_locale.language_code}: {missing}")
    translation.import_po(po, user=user, tool_name="PO file")
    _save_target(translation, user=user, publish=True)
    return instance.get_translation(target_locale)


def locale_for_the_public_ensure(*, language_code: str) -> Locale:
    """A locale for a language added for the public: never synchronised from Bokmål, so it
    has only the pages translated into it (no tree of untranslated aliases)."""
    from wagtail_localize.models import LocaleSynchronization

    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    LocaleSynchronization.objects.filter(locale=locale).delete()
    return locale
