"""``manage.py load_demo``: Bokmål demo content built from the work plans. Safe to rerun."""

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from resourcebank.demo.services import (
    DEMO_EDITOR_DEFAULT_PASSWORD,
    SectionResult,
    demo_campaign_packs_publish,
    demo_content_load,
    demo_pack_subscriptions_ensure,
    demo_public_languages_load,
)


class Command(BaseCommand):
    help = (
        "Load demo content in Bokmål (taxonomy, campaign packs with files, training, "
        "handbooks, success stories, information pages), the roles and workflow, and a "
        "demo account for each role (editor, contributor, translator, member, elected "
        "member), then machine translate it all into Nynorsk with Apertium (translate_tree), "
        "and translate the home page and 'Om SV og innmelding' into English, Polish, Urdu, "
        "Somali and Arabic (wagtail-localize PO files written for the demo). "
        "Idempotent: a second run changes nothing. The accounts' password comes from "
        "DEMO_PASSWORD, with a fixed demo default."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-nynorsk",
            action="store_true",
            help="Do not machine translate the demo into Nynorsk (make security's quick load).",
        )

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            # Production: the demo accounts have a published password.
            raise CommandError(
                "load_demo runs only under the development and test settings "
                "(DEMO_CONTENT_ALLOWED); it would create accounts with a known password."
            )
        verbosity = options["verbosity"]
        password = os.environ.get("DEMO_PASSWORD") or DEMO_EDITOR_DEFAULT_PASSWORD

        def report(section: SectionResult) -> None:
            if verbosity >= 1:
                self.stdout.write(
                    f"{section.name}: {section.created} created, {section.unchanged} unchanged"
                )

        result = demo_content_load(password=password, report=report)
        if not options.get("skip_nynorsk"):
            try:
                # The Nynorsk half of the demo: only what is missing or older than its source.
                call_command("translate_tree", target="nn", verbosity=verbosity, stdout=self.stdout)
            except CommandError as error:
                self.stderr.write(f"Nynorsk demo content not made: {error}")
        # Campaign packs go live once their Nynorsk version exists.
        demo_campaign_packs_publish()
        # The demo member's subscription to campaign pack mail (after the packs went live).
        demo_pack_subscriptions_ensure(report=report)
        # Information about SV and how to join in the languages added for the public.
        demo_public_languages_load(report=report)
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo login: {result.editor_username} / {result.editor_password} "
                    "at http://127.0.0.1:8000/admin/"
                )
            )
            for account in result.accounts:
                self.stdout.write(
                    f"Demo login ({account.role}): {account.username} / {account.password}"
                )
