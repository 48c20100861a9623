from django.core.management.base import BaseCommand

from search import popular


class Command(BaseCommand):
    help = (
        "Save the search counts waiting in the cache for the editors' report "
        "'Popular searches' (run it daily or more often)."
    )

    def handle(self, *args, **options):
        moved = popular.counts_save()
        self.stdout.write(f"{moved} searches saved")
