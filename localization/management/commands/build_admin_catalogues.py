"""Build the admin's Bokmål and Nynorsk catalogues from localization/admin_catalogues/."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from localization.admin_catalogues import (
    ADMIN_CATALOGUES,
    SOURCE_DIR,
    CatalogueError,
    admin_catalogues,
    build,
    check,
    sync,
)
from localization.machine_translation import ApertiumError

ADMIN_LOCALE_DIR = "locale-admin"


class Command(BaseCommand):
    help = (
        "Write locale-admin/{nb,nn}/LC_MESSAGES/{django,djangojs}.po from the checked Bokmål "
        "in localization/admin_catalogues/nb/ (upstream's Bokmål where a catalogue has no "
        "file yet), the Nynorsk made from it with Apertium and the checked corrections in "
        "localization/admin_catalogues/nn-corrections/; for Django's catalogues only what "
        "Django's own nb or nn lacks (its own Nynorsk where it has one). Refuses to write "
        "a message that loses or adds a placeholder. --check lists upstream messages our nb "
        "files lack or no longer need; --sync brings nb files in step with the upstream "
        "templates. "
        "Run compilemessages afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=str(Path(settings.BASE_DIR) / ADMIN_LOCALE_DIR),
            help="locale directory to write {nb,nn}/LC_MESSAGES/{django,djangojs}.po into",
        )
        parser.add_argument(
            "--source",
            default=str(SOURCE_DIR),
            help="folder with nb/ and nn-corrections/ (default: localization/admin_catalogues)",
        )
        parser.add_argument(
            "--catalogues",
            nargs="+",
            metavar="CATALOGUE",
            default=list(ADMIN_CATALOGUES),
            help="build or check only these catalogues (default: every one in ADMIN_CATALOGUES)",
        )
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--check",
            action="store_true",
            help="list messages new or changed upstream (+), gone upstream (-), with a changed "
            "plural (~) or empty or fuzzy in our nb files (?); exit 1 if there is any",
        )
        mode.add_argument(
            "--sync",
            nargs="*",
            metavar="CATALOGUE",
            help="rewrite nb/<CATALOGUE>.po in step with its upstream template: new messages "
            "pre-filled from upstream's Bokmål and marked fuzzy, gone ones dropped "
            "(no names: every nb file there is)",
        )

    def handle(self, *args, **options):
        source = Path(options["source"])
        if not (source / "nb").is_dir():
            raise CommandError(f"No nb/ folder in {source}")
        names = options["catalogues"]
        unknown = sorted(set(names) - set(ADMIN_CATALOGUES))
        if unknown:
            raise CommandError(f"Not in ADMIN_CATALOGUES: {', '.join(unknown)}")
        if options["check"]:
            self._check(source, names)
        elif options["sync"] is not None:
            self._sync(source, options["sync"])
        else:
            self._build(source, Path(options["output"]), names)

    def _build(self, source: Path, output: Path, names: list[str]):
        try:
            result = build(output, source_dir=source, names=names)
        except CatalogueError as error:
            raise CommandError(str(error)) from error
        except ApertiumError as error:
            raise CommandError(str(error)) from error
        for note in result.notes:
            self.stderr.write(note)
        for name, counts in result.counts.items():
            summary = ", ".join(f"{value} {label}" for label, value in counts.items())
            self.stdout.write(f"{name}: {summary}")
        for domain, count in result.corrected.items():
            self.stdout.write(f"{count} Nynorsk messages corrected by hand ({domain})")
        for path in result.written:
            self.stdout.write(self.style.SUCCESS(f"Wrote {path}"))

    def _check(self, source: Path, names: list[str]):
        lines = check(source_dir=source, names=names)
        for line in lines:
            self.stdout.write(line)
        if lines:
            raise CommandError(
                f"{len(lines)} differences between the upstream catalogues and "
                f"{source}/nb/: run --sync, then translate what is fuzzy or empty"
            )
        self.stdout.write(self.style.SUCCESS("Our nb files match every upstream catalogue."))

    def _sync(self, source: Path, names: list[str]):
        if not names:
            names = sorted(path.stem for path in (source / "nb").glob("*.po"))
        unknown = sorted(set(names) - set(ADMIN_CATALOGUES))
        if unknown:
            raise CommandError(f"Not in ADMIN_CATALOGUES: {', '.join(unknown)}")
        catalogues = admin_catalogues(names)
        missing = sorted(set(names) - {c.name for c in catalogues})
        if missing:
            raise CommandError(f"Not found: {', '.join(missing)}")
        for catalogue in catalogues:
            counts = sync(catalogue, source_dir=source)
            summary = ", ".join(f"{value} {label}" for label, value in counts.items())
            self.stdout.write(f"{catalogue.nb_file(source)}: {summary}")
