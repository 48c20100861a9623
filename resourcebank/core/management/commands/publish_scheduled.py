"""Wagtail's ``publish_scheduled``, where a page that may not go live loses its schedule.

A scheduled revision that the publish gate (``resourcebank.core.publishing``) refuses,
such as a campaign pack whose Nynorsk version is not ready, is taken off the schedule
with a message, so the other scheduled pages still go live and the command does not
fail on every run after.
"""

from django.utils import timezone

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import Page, Revision

from resourcebank.core.publishing import publish_problems


class Command(WagtailCommand):
    def handle(self, *args, **options):
        if not options.get("dryrun"):
            due = Revision.objects.filter(approved_go_live_at__lt=timezone.now())
            for revision in due:
                page = revision.as_object()
                if not isinstance(page, Page):
                    continue
                problems = publish_problems(page)
                if problems:
                    revision.approved_go_live_at = None
                    revision.save(update_fields=["approved_go_live_at"])
                    self.stderr.write(f"{page.title} (id {page.pk}): " + " ".join(problems))
        super().handle(*args, **options)
