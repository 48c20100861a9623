"""Writes for translation between the written standards (wagtail-localize + Apertium)."""

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from localization import selectors
from localization.machine_translation import ApertiumError

# Apertium is called with at most this many characters of text at a time, so one
# huge tree does not become one huge request; a normal tree is one call.
MAX_BATCH_CHARS = 400_000


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

    Existing translations (by a person or a machine) are never touched. All strings go
    to Apertium in as few calls as possible. Raises ApertiumError and writes nothing
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
        strings = list(pending)
        translated = {}
        for batch in _batches(strings):
            translated.update(translator.translate(source_locale, target_locale, batch))
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


def _batches(strings: list) -> Iterable[list]:
    batch, size = [], 0
    for string in strings:
        length = len(string.data)
        if batch and size + length > MAX_BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(string)
        size += length
    if batch:
        yield batch


def _save_target(translation: Translation, *, user, publish: bool) -> None:
    instance = translation.source.as_instance()
    if not _has_draft_state(instance):
        # Objects without draft state (most snippets) are saved as they are.
        translation.save_target(user=user, publish=True)
        return
    # Saved as a draft revision, then published here and now: wagtail-localize would
    # publish on commit, which never comes inside an outer transaction.
    translation.save_target(user=user, publish=False)
    if publish:
        target = translation.get_target_instance()
        target.get_latest_revision().publish(user=user)


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
