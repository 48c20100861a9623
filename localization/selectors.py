"""Reads for translation between the written standards."""

from dataclasses import dataclass

from django.db.models import Model, OuterRef, Subquery
from django.utils.translation import get_language

from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from resourcebank.core import caching
from resourcebank.core.locales import locale_code_of, locale_codes


def translatable_snippet_models() -> list[type[Model]]:
    """Translatable snippet models, each after the snippet models its foreign keys point to."""
    models = [
        model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin) and not model._meta.abstract
    ]
    ordered: list[type[Model]] = []

    def visit(model, seen):
        if model in ordered or model in seen:
            return
        seen.add(model)
        for field in model._meta.get_fields():
            target = getattr(field, "related_model", None)
            if field.many_to_one and target in models and target is not model:
                visit(target, seen)
        ordered.append(model)

    for model in sorted(models, key=lambda m: m._meta.label):
        visit(model, set())
    return ordered


def translatable_snippets(*, locale: Locale) -> list[Model]:
    """Every translatable snippet in `locale`, in an order that is safe to translate in."""
    objects: list[Model] = []
    for model in translatable_snippet_models():
        objects += list(model.objects.filter(locale=locale).order_by("pk"))
    return objects


def pages_to_translate(*, root: Page) -> list[Page]:
    """`root` and the pages below it in its own locale (not aliases), parents first."""
    return list(
        Page.objects.descendant_of(root, inclusive=True)
        .filter(locale_id=root.locale_id, alias_of__isnull=True)
        .order_by("path")
        .specific()
    )


@dataclass
class MissingTranslation:
    """A row of the report: an object whose translation is missing or out of date."""

    instance: Model
    kind: str  # "page" or "snippet"
    status: str  # "missing" or "outdated"
    translation: Model | None


def missing_translations(*, source_locale: Locale, target_locale: Locale):
    """Pages and snippets of `source_locale` with no real translation in `target_locale`,
    or whose translation was last changed before the source. An alias (the source shown
    under the target language) counts as missing.
    """
    rows: list[MissingTranslation] = []
    target_pages = Page.objects.filter(
        locale=target_locale, translation_key=OuterRef("translation_key"), alias_of__isnull=True
    )
    pages = (
        Page.objects.filter(locale=source_locale, alias_of__isnull=True, depth__gt=1)
        .annotate(
            target_id=Subquery(target_pages.values("pk")[:1]),
            target_changed=Subquery(target_pages.values("latest_revision_created_at")[:1]),
        )
        .order_by("path")
    )
    targets = Page.objects.in_bulk([page.target_id for page in pages if page.target_id is not None])
    for page in pages:
        if page.target_id is None:
            rows.append(MissingTranslation(page.specific_deferred, "page", "missing", None))
        elif (
            page.latest_revision_created_at
            and page.target_changed
            and page.latest_revision_created_at > page.target_changed
        ):
            rows.append(
                MissingTranslation(
                    page.specific_deferred, "page", "outdated", targets.get(page.target_id)
                )
            )
    for model in translatable_snippet_models():
        translated = model.objects.filter(locale=target_locale).values("translation_key")
        for snippet in (
            model.objects.filter(locale=source_locale)
            .exclude(translation_key__in=translated)
            .order_by("pk")
        ):
            rows.append(MissingTranslation(snippet, "snippet", "missing", None))
    return rows


def missing_nynorsk() -> list[MissingTranslation]:
    """The rows of the "Missing Nynorsk" report: what the Bokmål source has that Nynorsk
    lacks or has an older version of. The editor's dashboard counts these same rows."""
    return missing_translations(
        source_locale=Locale.objects.get(language_code="nb"),
        target_locale=Locale.objects.get(language_code="nn"),
    )


def content_language(page) -> dict:
    """The language a page's text is in, and whether that is a fallback.

    A Nynorsk alias of a Bokmål page (an untranslated page under /nn/) has Bokmål
    text; so has the Bokmål home page shown at /nn/ before a Nynorsk one exists.
    """
    active = (get_language() or "").split("-")[0]
    if not isinstance(page, Page) or not page.pk:
        return {"code": active, "fallback": False}
    code = locale_code_of(page)
    if page.alias_of_id:
        source_locale_id = caching.versioned(
            "alias-source-locale",
            lambda: (
                Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True).first()
            ),
            page.alias_of_id,
        )
        code = locale_codes().get(source_locale_id, code)
    return {"code": code, "fallback": code != active}
