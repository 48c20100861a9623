"""Point the audiences, topics (and other translatable many-to-many relations) of every
page at the snippets of the page's own locale.

wagtail-localize copied these relations from the Bokmål source as they were, so Nynorsk
pages pointed at Bokmål audiences and topics. The models now fix this on every save
(resourcebank.core.locales.relations_to_own_locale); this fixes what was saved before,
in the tables and in each page's latest and live revision (the admin edits the latest
revision). A related object with no translation in the page's locale is left as it is.

Kept when the migration history started afresh: it does nothing on a new database,
and it is what repairs a copy of the content loaded from before the fix.
"""

from django.db import migrations

from modelcluster.fields import ParentalManyToManyField


def _relations(apps):
    """(page model, field) for every parental many-to-many field to a translatable model."""
    for model in apps.get_models():
        for field in model._meta.local_many_to_many:
            target = field.related_model
            target_fields = {f.name for f in target._meta.get_fields()}
            if (
                isinstance(field, ParentalManyToManyField)
                and {"locale", "translation_key"} <= target_fields
                and any(f.name == "locale" for f in model._meta.get_fields())
            ):
                yield model, field


def _translations(target):
    """pk -> (locale_id, translation_key) and (translation_key, locale_id) -> pk."""
    info, by_key = {}, {}
    for pk, locale_id, key in target.objects.values_list("pk", "locale_id", "translation_key"):
        info[pk] = (locale_id, key)
        by_key[(key, locale_id)] = pk
    return info, by_key


def _localized(pks, locale_id, info, by_key):
    result = []
    for pk in pks:
        if pk in info and info[pk][0] != locale_id:
            pk = by_key.get((info[pk][1], locale_id), pk)
        if pk not in result:
            result.append(pk)
    return result


def forwards(apps, schema_editor):
    Revision = apps.get_model("wagtailcore", "Revision")
    for model, field in _relations(apps):
        info, by_key = _translations(field.related_model)
        through = field.remote_field.through
        source_column = field.m2m_field_name() + "_id"
        target_column = field.m2m_reverse_field_name() + "_id"
        pages = model.objects.values_list(
            "pk", "locale_id", "latest_revision_id", "live_revision_id"
        )
        locales = {}
        revision_ids = {}
        for pk, locale_id, latest_id, live_id in pages:
            locales[pk] = locale_id
            for revision_id in {latest_id, live_id} - {None}:
                revision_ids[revision_id] = locale_id
        rows = through.objects.filter(**{f"{source_column}__in": list(locales)})
        by_page = {}
        for row in rows.order_by("pk"):
            by_page.setdefault(getattr(row, source_column), []).append(row)
        for page_id, page_rows in by_page.items():
            current = [getattr(row, target_column) for row in page_rows]
            wanted = _localized(current, locales[page_id], info, by_key)
            if wanted == current:
                continue
            through.objects.filter(**{source_column: page_id}).delete()
            through.objects.bulk_create(
                [through(**{source_column: page_id, target_column: pk}) for pk in wanted]
            )
        for revision in Revision.objects.filter(pk__in=list(revision_ids)):
            pks = revision.content.get(field.name)
            if not isinstance(pks, list):
                continue
            wanted = _localized(pks, revision_ids[revision.pk], info, by_key)
            if wanted != pks:
                revision.content[field.name] = wanted
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_locales_and_home"),
        ("campaigns", "0002_initial"),
        ("stories", "0002_initial"),
        ("training", "0001_initial"),
        ("handbooks", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
