"""Keep the Nynorsk page tree in step with the Bokmål one (wagtail-localize "sync from").

A page created in Bokmål gets a Nynorsk alias at once: its Nynorsk URL exists and
shows the Bokmål content with a notice until the page is translated.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize.LocaleSynchronization")
    nb = Locale.objects.filter(language_code="nb").first()
    nn = Locale.objects.filter(language_code="nn").first()
    if nb and nn:
        LocaleSynchronization.objects.get_or_create(locale=nn, defaults={"sync_from": nb})


def backwards(apps, schema_editor):
    LocaleSynchronization = apps.get_model("wagtail_localize.LocaleSynchronization")
    LocaleSynchronization.objects.filter(locale__language_code="nn").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("resourcebank", "0002_locales_and_home"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
