"""Import training events from a Zetkin iCal feed (a URL or a file)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Locale

from resourcebank.taxonomy.models import County, LocalBranch
from training import services
from training.models import OrganiserLevel, TrainingPackagePage


class Command(BaseCommand):
    help = (
        "Create or update training events from a Zetkin events.ics feed, matched by UID. "
        "Nothing is changed if any event cannot be imported."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--url", help="http(s) or webcal(s) address of the feed")
        source.add_argument("--file", type=Path, help="path of an .ics file")
        parser.add_argument(
            "--package", required=True, help="slug or id of the (Bokmål) training package"
        )
        parser.add_argument(
            "--organiser-level",
            required=True,
            choices=[value for value, _ in OrganiserLevel.choices],
        )
        parser.add_argument("--county", help="slug of the county branch")
        parser.add_argument("--branch", help="slug of the local branch")

    def handle(self, *args, **options):
        locale = Locale.get_default()
        packages = TrainingPackagePage.objects.filter(locale=locale)
        key = options["package"]
        package = packages.filter(slug=key).first() or (
            packages.filter(pk=int(key)).first() if key.isdigit() else None
        )
        if package is None:
            raise CommandError(f"No training package with the slug or id {key!r}.")
        county = local_branch = None
        if options["county"]:
            county = County.objects.filter(locale=locale, slug=options["county"]).first()
            if county is None:
                raise CommandError(f"No county with the slug {options['county']!r}.")
        if options["branch"]:
            local_branch = LocalBranch.objects.filter(locale=locale, slug=options["branch"]).first()
            if local_branch is None:
                raise CommandError(f"No local branch with the slug {options['branch']!r}.")
        try:
            if options["file"]:
                try:
                    data = options["file"].read_bytes()
                except OSError as error:
                    raise CommandError(f"Cannot read {options['file']}: {error}") from error
            else:
                data = services.calendar_fetch(url=options["url"])
            report = services.training_events_import(
                data=data,
                package=package,
                organiser_level=options["organiser_level"],
                county=county,
                local_branch=local_branch,
            )
        except services.CalendarImportError as error:
            raise CommandError(f"Nothing was imported. {error}") from error
        for heading, labels in (
            ("Created", report.created),
            ("Updated", report.updated),
            ("Unchanged", report.unchanged),
        ):
            for label in labels:
                self.stdout.write(f"{heading}: {label}")
        self.stdout.write(self.style.SUCCESS(report.summary))
