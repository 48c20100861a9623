"""Fill empty Nynorsk msgstrs in locale/nn from the Bokmål ones in locale/nb."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

import polib

from localization.catalogues import translate_entries
from localization.machine_translation import ApertiumError


class Command(BaseCommand):
    help = (
        "For every message that is translated in locale/nb but empty in locale/nn, "
        "machine translate the Bokmål into Nynorsk with Apertium and mark it fuzzy, "
        "so a person checks it (and removes the fuzzy flag) before it is used."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale-dir", default=str(Path(settings.BASE_DIR) / "locale"))
        parser.add_argument(
            "--domain", default="django", help="catalogue to fill (django or djangojs)"
        )

    def handle(self, *args, **options):
        base = Path(options["locale_dir"])
        nb_path = base / "nb" / "LC_MESSAGES" / f"{options['domain']}.po"
        nn_path = base / "nn" / "LC_MESSAGES" / f"{options['domain']}.po"
        if not nb_path.exists() or not nn_path.exists():
            raise CommandError(f"Run `make messages` first: {nb_path} or {nn_path} is missing.")
        nb = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(nb_path)) if e.translated()}
        nn = polib.pofile(str(nn_path), wrapwidth=0)
        todo = []
        for entry in nn:
            source = nb.get((entry.msgctxt, entry.msgid))
            if entry.obsolete or entry.translated() or "fuzzy" in entry.flags or source is None:
                continue
            entry.msgstr = source.msgstr
            entry.msgstr_plural = dict(source.msgstr_plural)
            todo.append(entry)
        if not todo:
            self.stdout.write("Nothing to fill.")
            return
        try:
            translate_entries(todo, fuzzy=True)
        except ApertiumError as error:
            raise CommandError(str(error)) from error
        nn.save(str(nn_path))
        self.stdout.write(
            self.style.SUCCESS(
                f"Filled {len(todo)} messages in {nn_path}, marked fuzzy: check them, "
                "then remove the fuzzy flag."
            )
        )
