"""Create or update the translation of every page under a subtree, and of the snippets."""

import time

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Locale, Page, Site

from localization import services
from localization.machine_translation import ApertiumError


class Command(BaseCommand):
    help = (
        "Create or update the Nynorsk (or Bokmål) translation of every page under a page "
        "and of every translatable snippet, machine translating new strings with Apertium. "
        "Strings already translated are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--root",
            type=int,
            help="ID of the page whose subtree to translate (default: the default site's root)",
        )
        parser.add_argument("--target", default="nn", help="language to translate into (nn, nb)")
        parser.add_argument(
            "--draft",
            action="store_true",
            help="save page translations as drafts instead of publishing them",
        )
        parser.add_argument(
            "--no-snippets", action="store_true", help="translate pages only, not snippets"
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help="update every translation, not only missing ones and ones older than their source",
        )

    def handle(self, *args, **options):
        try:
            target_locale = Locale.objects.get(language_code=options["target"])
        except Locale.DoesNotExist:
            raise CommandError(f"No locale {options['target']!r}.") from None
        if options["root"]:
            root = Page.objects.filter(pk=options["root"]).first()
            if root is None:
                raise CommandError(f"No page with ID {options['root']}.")
        else:
            site = Site.objects.filter(is_default_site=True).first()
            if site is None:
                raise CommandError("No default site; give --root.")
            root = site.root_page
        root = root.specific
        if root.locale_id == target_locale.pk:
            raise CommandError(
                f"The page {root} is already in {target_locale.language_code}; "
                "give the ID of a page in the source language."
            )
        started = time.monotonic()

        verbosity = options["verbosity"]

        def progress(message):
            if verbosity >= 1:
                self.stdout.write(message)

        progress(
            f"Translating {root} ({root.locale.language_code}) and its subpages "
            f"into {target_locale.language_code}"
        )
        try:
            run = services.tree_machine_translate(
                root=root,
                target_locale=target_locale,
                publish=not options["draft"],
                include_snippets=not options["no_snippets"],
                only_stale=not options["all"],
                progress=progress,
            )
        except ApertiumError as error:
            raise CommandError(str(error)) from error
        progress(
            self.style.SUCCESS(
                f"{len(run.saved)} translated, {len(run.failed)} failed, "
                f"{run.strings_translated} strings machine translated "
                f"in {time.monotonic() - started:.1f} s"
            )
        )
        if run.failed:
            raise CommandError(f"{len(run.failed)} objects could not be translated.")
