"""The site's login and password reset forms: Django's, with limits against guessing and
flooding (django-axes locks a name after failed logins; django-ratelimit counts the rest)."""

import logging

from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.template import loader
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from django_ratelimit.core import get_usage, is_ratelimited

from resourcebank.accounts import selectors

logger = logging.getLogger(__name__)


LOGIN_THROTTLED = _("Too many failed attempts to log in. Wait a quarter of an hour and try again.")


class MemberLoginForm(AuthenticationForm):
    """Django's AuthenticationForm (its messages come translated from Django's own nb and
    nn catalogues). django-axes locks a name after too many failures from one address;
    this form also refuses an address that has failed too often with any names."""

    error_messages = {**AuthenticationForm.error_messages, "throttled": LOGIN_THROTTLED}

    def _address_usage(self, *, increment: bool):
        return get_usage(
            self.request,
            group="accounts:login-failures",
            key=selectors.client_address_key,
            rate=selectors.LOGIN_ADDRESS_FAILURE_RATE,
            increment=increment,
        )

    def clean(self):
        usage = self._address_usage(increment=False)
        if usage and usage["count"] >= usage["limit"]:
            raise ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            return super().clean()
        except ValidationError:
            self._address_usage(increment=True)
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
        by_email = is_ratelimited(
            self.request,
            group="accounts:reset-email",
            key=lambda _group, _request: email.strip().casefold(),
            rate=selectors.PASSWORD_RESET_EMAIL_RATE,
            increment=True,
        )
        by_address = is_ratelimited(
            self.request,
            group="accounts:reset-address",
            key=selectors.client_address_key,
            rate=selectors.PASSWORD_RESET_ADDRESS_RATE,
            increment=True,
        )
        if by_email or by_address:
            raise ValidationError(self.error_messages["throttled"], code="throttled")
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
