"""Record the reminders due before coming commemoration days and enqueue their mail.

Run daily by the production tier's scheduler, beside ``manage.py retention``. Running it
again the same day (or twice at once) records nothing new and sends nothing twice: a
reminder is one per subscriber, pack and date of its day, and the worker sends it.
"""

from django.core.management.base import BaseCommand

from resourcebank.accounts import services, tasks


class Command(BaseCommand):
    help = (
        "Remind subscribers of a commemoration day PACK_REMINDER_WEEKS weeks away whose "
        "campaign pack they have not opened (the task worker sends the mail)."
    )

    def handle(self, *args, **options):
        made = services.pack_reminders_record()
        if made:
            tasks.pack_mails_schedule()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Reminders recorded: {made}")
