"""The same object in another written standard: one helper for every kind of object.

Pages, snippets and inline rows that are ``TranslatableMixin`` share a
``translation_key`` across locales. ``localized`` turns a list of such objects into
one object per key in the wanted locale where a translation exists, in one query per
model; ``relations_to_own_locale`` applies it to a page's many-to-many relations.
"""

from collections.abc import Iterable

from django.db import models

from wagtail.models import TranslatableMixin

from modelcluster.fields import ParentalManyToManyField


def localized(objects: Iterable, *, locale_id: int) -> list:
    """One object per translation key, in `locale_id` where it has a translation.

    Keeps the order of first appearance. An object given in `locale_id` is used as it
    is; for the others, their translations in `locale_id` are read in one query per
    model; where none exists, the first object given for that key is kept (shown in
    the standard it exists in). Objects without a translation key pass unchanged.
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
        manager = model._default_manager
        for translation in manager.filter(locale_id=locale_id, translation_key__in=keys):
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
