"""The site's login form: Django's, with a lock-out after repeated failures."""

from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from resourcebank.accounts import selectors, services


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
