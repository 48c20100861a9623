"""The site's login and password reset forms: Django's, with lock-outs against guessing
and flooding."""

import logging

from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.template import loader
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from resourcebank.accounts import selectors, services

logger = logging.getLogger(__name__)


class MemberLoginForm(AuthenticationForm):
    """Django's AuthenticationForm (its messages come translated from Django's own
    nb and nn catalogues), refusing to try a password once too many have failed."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _(
            "Too many failed attempts to log in. Wait a quarter of an hour and try again."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = selectors.client_address(self.request)
        if selectors.login_throttled(username=username, address=address):
            raise ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            return super().clean()
        except ValidationError:
            services.login_failure_record(username=username, address=address)
            raise


class MemberPasswordResetForm(PasswordResetForm):
    """Django's PasswordResetForm: sends the e-mail only when an active account has the
    address, and says nothing either way. Refuses once an e-mail address or a client
    address has asked too often, counting unknown addresses the same as known ones."""

    error_messages = {
        "throttled": _(
            "Too many requests for a new password. Wait a quarter of an hour and try again."
        ),
    }

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_email(self):
        email = self.cleaned_data["email"]
        address = selectors.client_address(self.request)
        if selectors.password_reset_throttled(email=email, address=address):
            raise ValidationError(self.error_messages["throttled"], code="throttled")
        services.password_reset_request_record(email=email, address=address)
        return email

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """Django's, in plain text, saying which standard it is written in (mail
        programs and screen readers read Content-Language)."""
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMessage(
            subject, body, from_email, [to_email], headers={"Content-Language": get_language()}
        )
        try:
            message.send()
        except Exception:  # as Django does: the page must not tell who has an account
            logger.exception("Failed to send password reset email to %s", context["user"].pk)
