"""Create the Bokmål and Nynorsk locales and make a HomePage the site root (replacing
Wagtail's welcome page), and keep the Nynorsk tree in step with the Bokmål one
(wagtail-localize's "sync from"): a page created in Bokmål gets a Nynorsk alias at
once, so its Nynorsk URL shows the Bokmål text with a notice until it is translated."""

from django.db import migrations


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("core.HomePage")
    LocaleSynchronization = apps.get_model("wagtail_localize.LocaleSynchronization")

    nb, _ = Locale.objects.get_or_create(language_code="nb")
    nn, _ = Locale.objects.get_or_create(language_code="nn")
    LocaleSynchronization.objects.get_or_create(locale=nn, defaults={"sync_from": nb})

    if HomePage.objects.exists():
        return
    # Wagtail's initial migration made a plain "Welcome" page at depth 2.
    Page.objects.filter(
        depth=2, content_type__model="page", content_type__app_label="wagtailcore"
    ).delete()
    root = Page.objects.get(depth=1)
    home_ct, _ = ContentType.objects.get_or_create(model="homepage", app_label="core")
    home = HomePage.objects.create(
        title="Ressursbanken",
        draft_title="Ressursbanken",
        slug="home",
        content_type=home_ct,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=nb.pk,
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_initial"),
        ("wagtailcore", "0001_initial"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
