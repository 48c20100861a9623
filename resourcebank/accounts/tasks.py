"""Background work for accounts: the password reset e-mail, and campaign pack mail.

The request that asks for a new password only enqueues this task, with the same
arguments whether or not the address belongs to an account, so its answer and its time
tell nobody who is a member. The task looks the address up and sends the e-mail in the
worker (``TASKS`` in the production tier); the embedded tier runs it at once.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template import loader
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from django_tasks import task

from resourcebank.accounts import services

logger = logging.getLogger(__name__)


@task()
def password_reset_mail_send(
    *,
    email: str,
    language: str,
    subject_template_name: str,
    email_template_name: str,
    protocol: str,
    domain: str,
) -> int:
    """Send the reset e-mail to every active account with `email`; returns how many."""
    sent = 0
    with translation.override(language):
        for user in PasswordResetForm().get_users(email):
            context = {
                "email": user.email,
                "domain": domain,
                "protocol": protocol,
                "site_name": settings.WAGTAIL_SITE_NAME,
                "uid": urlsafe_base64_encode(force_bytes(user.pk)),
                "user": user,
                "token": default_token_generator.make_token(user),
            }
            subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
            body = loader.render_to_string(email_template_name, context)
            # Content-Language: mail programs and screen readers read the standard.
            message = EmailMessage(
                subject, body, None, [user.email], headers={"Content-Language": language}
            )
            try:
                message.send()
                sent += 1
            except Exception:  # as Django does: nothing about accounts in the answer
                logger.exception("Failed to send password reset email to user %s", user.pk)
    return sent


@task()
def pack_mails_send() -> int:
    """Send every campaign pack mail that waits (``services.pack_mails_deliver``): one
    digest of new packs and one reminder mail per person at most; returns how many."""
    return services.pack_mails_deliver()


def pack_mails_schedule(*, delay_minutes: int = 0) -> None:
    """Enqueue ``pack_mails_send`` to run `delay_minutes` from now, so what is recorded
    meanwhile goes in the same mail. A backend that cannot defer (the embedded tier's
    immediate one) runs it at once."""
    if delay_minutes and pack_mails_send.get_backend().supports_defer:
        run_after = timezone.now() + timedelta(minutes=delay_minutes)
        pack_mails_send.using(run_after=run_after).enqueue()
    else:
        pack_mails_send.enqueue()
