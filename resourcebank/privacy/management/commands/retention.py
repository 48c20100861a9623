"""``manage.py retention``: remove what is kept longer than its setting (run it daily)."""

from django.core.management.base import BaseCommand

from resourcebank.privacy import services


class Command(BaseCommand):
    help = (
        "Remove or pseudonymise personal data older than its retention setting: expired "
        "sessions and login records, old revisions, the audit log's names, members' story "
        "submissions never published (with their photos), search query counts, campaign "
        "pack mail records, inactive accounts. Run it daily (the production tier's "
        "scheduler). See docs/data-map.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            action="append",
            choices=sorted(services.KINDS),
            help="Run only this kind (repeatable); all kinds when left out.",
        )

    def handle(self, *args, **options):
        for kind in options["only"] or list(services.KINDS):
            outcome = services.KINDS[kind]()
            if options["verbosity"] >= 1:
                self.stdout.write(str(outcome))
