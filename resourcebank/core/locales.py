"""The same object in another written standard: one helper for every kind of object.

Pages, snippets and inline rows that are ``TranslatableMixin`` share a
``translation_key`` across locales. ``localized`` turns a list of such objects into
one object per key in the wanted locale where a translation exists, in one query per
model; ``relations_to_own_locale`` applies it to a page's many-to-many relations.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import models

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, TranslatableMixin

from modelcluster.fields import ParentalManyToManyField

from resourcebank.core import caching


def translations_in(model: type[models.Model], *, locale_id: int) -> dict:
    """Every object of a small translatable model (a taxonomy) in `locale_id`, by its
    translation key, kept in the cache: for lookups on every page without a query."""
    return caching.versioned(
        "translations",
        lambda: {
            obj.translation_key: obj for obj in model._default_manager.filter(locale_id=locale_id)
        },
        model._meta.label_lower,
        locale_id,
    )


def localized(objects: Iterable, *, locale_id: int, cached: bool = False) -> list:
    """One object per translation key, in `locale_id` where it has a translation.

    Keeps the order of first appearance. An object given in `locale_id` is used as it
    is; for the others, their translations in `locale_id` are read in one query per
    model; where none exists, the first object given for that key is kept (shown in
    the standard it exists in). Objects without a translation key pass unchanged.
    With `cached`, the translations come from ``translations_in`` (no query once cached):
    for small models read on many pages, such as counties and local branches.
    """
    chosen: dict = {}
    order: list = []
    plain: list = []
    for obj in objects:
        if obj is None:
            continue
        key = getattr(obj, "translation_key", None)
        if key is None:
            plain.append(obj)
            order.append(("plain", len(plain) - 1))
            continue
        if key not in chosen:
            chosen[key] = obj
            order.append(("key", key))
        elif obj.locale_id == locale_id and chosen[key].locale_id != locale_id:
            chosen[key] = obj
    missing: dict[type, set] = {}
    for key, obj in chosen.items():
        if obj.locale_id != locale_id:
            missing.setdefault(obj._meta.concrete_model, set()).add(key)
    for model, keys in missing.items():
        if cached:
            translations = translations_in(model, locale_id=locale_id)
            found = [translations[key] for key in keys if key in translations]
        else:
            found = model._default_manager.filter(locale_id=locale_id, translation_key__in=keys)
        for translation in found:
            chosen[translation.translation_key] = translation
    return [chosen[ref] if kind == "key" else plain[ref] for kind, ref in order]


def localized_one(obj, *, locale_id: int):
    """`obj` in `locale_id` if it has a translation there, else `obj` itself (or None)."""
    if obj is None:
        return None
    return localized([obj], locale_id=locale_id)[0]


def translatable_relations(model: type[models.Model]) -> list[ParentalManyToManyField]:
    """The many-to-many fields of `model` that point at translatable objects."""
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, ParentalManyToManyField)
        and issubclass(field.related_model, TranslatableMixin)
    ]


def relations_to_own_locale(instance: models.Model) -> list[str]:
    """Point the translatable many-to-many relations of `instance` at its own locale.

    wagtail-localize copies synchronised many-to-many fields as they are, so a Nynorsk
    translation would keep the Bokmål audiences and topics. Each related object in
    another locale is swapped for its translation in the instance's locale; one with
    no such translation is kept (the missing-translations report lists it). Nothing
    is created. Works on the unsaved in-memory relations, so it is right both for
    the saved page and for the revision made from it. Returns the changed fields.
    """
    locale_id = instance.locale_id
    if locale_id is None:
        return []
    changed = []
    for field in translatable_relations(type(instance)):
        current = list(getattr(instance, field.name).all())
        if all(obj.locale_id == locale_id for obj in current):
            continue
        own = localized(current, locale_id=locale_id)
        if [obj.pk for obj in own] != [obj.pk for obj in current]:
            setattr(instance, field.name, own)
            changed.append(field.name)
    return changed


def written_standards() -> list[str]:
    """The language codes of the two written standards (Bokmål, Nynorsk): the languages
    every resource exists in. The other languages (``settings.LANGUAGES``) are for the
    public and have only the pages translated into them."""
    from django.conf import settings

    return list(settings.WRITTEN_STANDARDS)


def is_written_standard(language_code: str | None) -> bool:
    return (language_code or "").split("-")[0] in written_standards()


def _locales() -> dict[int, Locale]:
    """Every locale by its id, from the cache (no query per page)."""
    return caching.versioned(
        "locales", lambda: {locale.pk: locale for locale in Locale.objects.all()}, in_process=True
    )


def locale_codes() -> dict[int, str]:
    """Every locale's language code by its id, from the cache (no query per page)."""
    return {pk: locale.language_code for pk, locale in _locales().items()}


def locales_read(objects: Iterable) -> None:
    """Give pages or snippets their ``locale`` from the cache, so reading
    ``obj.locale.language_code`` for each of a list costs no query."""
    locales = _locales()
    for obj in objects:
        locale = locales.get(obj.locale_id)
        if locale is not None:
            type(obj)._meta.get_field("locale").set_cached_value(obj, locale)


def locale_id_for(language_code: str | None) -> int | None:
    """The id of the locale Wagtail's ``Locale.get_active()`` gives for `language_code`
    (the default locale where that language has none), from the cache."""
    ids = {code: pk for pk, code in locale_codes().items()}
    for code in (language_code, settings.LANGUAGE_CODE):
        if not code:
            continue
        try:
            variant = get_supported_content_language_variant(code)
        except LookupError:
            continue
        if variant in ids:
            return ids[variant]
    return None


def locale_code_of(obj) -> str:
    """The language code of a page's or snippet's locale, without a query."""
    return locale_codes().get(obj.locale_id) or obj.locale.language_code
