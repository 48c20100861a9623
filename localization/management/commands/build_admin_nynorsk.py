"""Make the Nynorsk admin catalogue from the Bokmål ones Wagtail and its apps ship."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

import polib

from localization.catalogues import (
    ADMIN_CORRECTIONS,
    CorrectionError,
    admin_catalogue,
    apply_corrections,
    translate_entries,
)
from localization.machine_translation import ApertiumError

ADMIN_LOCALE_DIR = "locale-admin"


class Command(BaseCommand):
    help = (
        "Write locale-admin/nn/LC_MESSAGES/django.po: the Bokmål catalogues of Wagtail, "
        "wagtail-localize and the other installed apps without Nynorsk, machine translated "
        "with Apertium (placeholders kept), then corrected with the checked translations in "
        "localization/admin_nn_corrections.po. Run compilemessages afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=str(Path(settings.BASE_DIR) / ADMIN_LOCALE_DIR),
            help="locale directory to write nn/LC_MESSAGES/django.po into",
        )
        parser.add_argument(
            "--corrections",
            default=str(ADMIN_CORRECTIONS),
            help="PO file of checked Nynorsk translations applied after Apertium",
        )

    def handle(self, *args, **options):
        corrections_path = Path(options["corrections"])
        if not corrections_path.is_file():
            raise CommandError(f"No corrections file at {corrections_path}")
        catalogue, sources = admin_catalogue(domain="django")
        self.stdout.write(f"{len(catalogue)} messages from {', '.join(sources)}")
        try:
            translate_entries(list(catalogue), fuzzy=False)
        except ApertiumError as error:
            raise CommandError(str(error)) from error
        try:
            corrected, unused = apply_corrections(
                catalogue, corrections=polib.pofile(str(corrections_path))
            )
        except (CorrectionError, OSError, ValueError) as error:
            raise CommandError(f"{corrections_path}: {error}") from error
        self.stdout.write(f"{corrected} messages corrected from {corrections_path.name}")
        for fix in unused:
            self.stderr.write(f"Correction no longer used (msgid gone): {fix.msgid!r}")
        target = Path(options["output"]) / "nn" / "LC_MESSAGES" / "django.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        catalogue.save(str(target))
        self.stdout.write(self.style.SUCCESS(f"Wrote {target}"))
