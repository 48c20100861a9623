"""Make the Nynorsk admin catalogue from the Bokmål ones Wagtail and its apps ship."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from localization.catalogues import admin_catalogue, translate_entries
from localization.machine_translation import ApertiumError

ADMIN_LOCALE_DIR = "locale-admin"


class Command(BaseCommand):
    help = (
        "Write locale-admin/nn/LC_MESSAGES/django.po: the Bokmål catalogues of Wagtail, "
        "wagtail-localize and the other installed apps without Nynorsk, machine translated "
        "with Apertium (placeholders kept). Run compilemessages afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=str(Path(settings.BASE_DIR) / ADMIN_LOCALE_DIR),
            help="locale directory to write nn/LC_MESSAGES/django.po into",
        )

    def handle(self, *args, **options):
        catalogue, sources = admin_catalogue(domain="django")
        self.stdout.write(f"{len(catalogue)} messages from {', '.join(sources)}")
        try:
            translate_entries(list(catalogue), fuzzy=False)
        except ApertiumError as error:
            raise CommandError(str(error)) from error
        target = Path(options["output"]) / "nn" / "LC_MESSAGES" / "django.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        catalogue.save(str(target))
        self.stdout.write(self.style.SUCCESS(f"Wrote {target}"))
