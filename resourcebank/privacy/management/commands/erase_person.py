"""``manage.py erase_person USERNAME``: erase one person (a request under GDPR art. 17)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from resourcebank.privacy import services


class Command(BaseCommand):
    help = (
        "Erase one person by user name or e-mail address: their account, login records, "
        "sessions, campaign pack mail and unpublished story submissions with photos; "
        "their name in the audit log becomes a pseudonym. Published pages stay, without "
        "their name."
    )

    def add_arguments(self, parser):
        parser.add_argument("person", help="User name or e-mail address")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation")

    def handle(self, *args, person, yes, **options):
        User = get_user_model()
        users = list(User.objects.filter(username=person)) or list(
            User.objects.filter(email__iexact=person)
        )
        if len(users) != 1:
            raise CommandError(f"{len(users)} accounts match {person!r}; give the user name.")
        user = users[0]
        if not yes:
            answer = input(f"Erase {user.get_username()} (id {user.pk})? Type yes: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing erased.")
        report = services.person_erase(user=user)
        for what, count in report.items():
            self.stdout.write(f"{what}: {count}")
