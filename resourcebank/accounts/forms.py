"""The login and password reset forms of the site and the admin: Django's and Wagtail's,
with limits against guessing and flooding (django-axes locks a name after failed logins;
django-ratelimit counts the rest), and the reset e-mail sent by a task. And the account
page's choice of mail about campaign packs."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from django_ratelimit.core import get_usage, is_ratelimited

from resourcebank.accounts import selectors, tasks
from resourcebank.core.form_widgets import DesignsystemetFormMixin
from resourcebank.taxonomy.models import Audience, County

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


class ThrottledPasswordResetMixin:
    """Refuses once an e-mail address or a client address has asked too often, counting
    unknown addresses the same as known ones and both reset forms (site and admin) as
    one; sends nothing in the request: one task is enqueued for any valid address, and
    it finds the account (if any) and sends the e-mail."""

    throttled_message = _(
        "Too many requests for a new password. Wait a quarter of an hour and try again."
    )

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
            raise ValidationError(self.throttled_message, code="throttled")
        return email

    def save(
        self,
        *,
        subject_template_name,
        email_template_name,
        extra_email_context=None,
        **_ignored,
    ):
        protocol, domain = selectors.password_reset_link_origin()
        tasks.password_reset_mail_send.enqueue(
            email=self.cleaned_data["email"],
            language=get_language(),
            subject_template_name=subject_template_name,
            email_template_name=email_template_name,
            protocol=protocol,
            domain=domain,
        )


class MemberPasswordResetForm(ThrottledPasswordResetMixin, PasswordResetForm):
    """Django's PasswordResetForm for members on the site."""


class AdminPasswordResetForm(ThrottledPasswordResetMixin, WagtailPasswordResetForm):
    """Wagtail's admin reset form, with the same limits as the site's."""


class AdminLoginForm(WagtailLoginForm):
    """Wagtail's admin login form that lets in only people with admin access: a member's
    right password is answered as a wrong one (members log in on the site)."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.has_perm("wagtailadmin.access_admin"):
            raise self.get_invalid_login_error()


class PackSubscriptionForm(DesignsystemetFormMixin, forms.Form):
    """What campaign pack mail a person wants: new packs, reminders, or both, for the
    audiences and counties they choose (none chosen: all). Offers the terms of the page's
    standard; a subscription made in the other standard shows its terms' translations."""

    NEW_PACKS = "new"
    REMINDERS = "reminders"

    mail = forms.MultipleChoiceField(
        label=_("What do you want by e-mail?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audiences = forms.ModelMultipleChoiceField(
        label=_("Only packs for these audiences"),
        queryset=Audience.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    counties = forms.ModelMultipleChoiceField(
        label=_("Only packs for the whole party and for these county branches"),
        queryset=County.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, locale, subscription=None, **kwargs):
        super().__init__(*args, **kwargs)
        weeks = settings.PACK_REMINDER_WEEKS
        self.fields["mail"].choices = [
            (self.NEW_PACKS, _("A summary when new campaign packs are published")),
            (
                self.REMINDERS,
                ngettext_lazy(
                    "A reminder %(weeks)d week before a commemoration day, if I have not "
                    "opened its campaign pack",
                    "A reminder %(weeks)d weeks before a commemoration day, if I have not "
                    "opened its campaign pack",
                    weeks,
                )
                % {"weeks": weeks},
            ),
        ]
        self.fields["audiences"].queryset = Audience.objects.filter(locale=locale)
        self.fields["counties"].queryset = County.objects.filter(locale=locale)
        if subscription is not None and not self.is_bound:
            self.initial = {
                "mail": [
                    choice
                    for choice, on in (
                        (self.NEW_PACKS, subscription.new_packs),
                        (self.REMINDERS, subscription.reminders),
                    )
                    if on
                ],
                "audiences": self._in_locale(subscription.audiences.all(), "audiences"),
                "counties": self._in_locale(subscription.counties.all(), "counties"),
            }

    def _in_locale(self, terms, name):
        keys = [term.translation_key for term in terms]
        return list(self.fields[name].queryset.filter(translation_key__in=keys))
