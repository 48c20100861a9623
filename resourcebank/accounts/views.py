"""Log in and out on the public site, in the site's own look; the account page and the
unsubscribe link of campaign pack mail.

Django's LoginView and LogoutView do the work: CSRF protection, never-cache headers,
and a `next` address followed only when it is on this site
(`url_has_allowed_host_and_scheme`). Wagtail's page privacy and the members-only
document collection send visitors here through WAGTAIL_FRONTEND_LOGIN_URL.
"""

import logging

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import NON_FIELD_ERRORS
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView

from wagtail.admin.views.account import PasswordResetView as WagtailPasswordResetView
from wagtail.models import Locale

from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

from resourcebank.accounts import selectors, services
from resourcebank.accounts.forms import (
    LOGIN_THROTTLED,
    AdminPasswordResetForm,
    MemberLoginForm,
    MemberPasswordResetForm,
    PackSubscriptionForm,
)
from resourcebank.accounts.models import PackSubscription
from resourcebank.core.navigation import locale_home_url

logger = logging.getLogger(__name__)

# The shared cache failing (Redis down): sessions and the failure counts live there.
SHARED_STORE_ERRORS = (ConnectionInterrupted, RedisError)
LOGIN_UNAVAILABLE = _(
    "Logging in is not possible right now because part of the service is down. "
    "Try again in a few minutes."
)


class MemberLoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = MemberLoginForm

    def get_default_redirect_url(self):
        return locale_home_url(get_language())

    def post(self, request, *args, **kwargs):
        """Logging in needs the shared store of sessions and failed attempts (Redis in
        production). Without it the login fails closed: the form again, saying why,
        with status 503, and nobody is logged in."""
        try:
            return super().post(request, *args, **kwargs)
        except SHARED_STORE_ERRORS:
            logger.exception("Login refused: the shared cache (CACHE_URL) is unavailable")
            form = MemberLoginForm(request, initial={"username": request.POST.get("username", "")})
            form.cleaned_data = {}
            form.add_error(None, LOGIN_UNAVAILABLE)
            context = {"form": form, "next": request.POST.get("next", "")}
            return render(request, self.template_name, context, status=503)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 429 if form.has_error(NON_FIELD_ERRORS, "throttled") else 400
        return response


class MemberLogoutView(auth_views.LogoutView):
    """Logging out is a POST (Django refuses GET); it ends on the home page."""

    def get_default_redirect_url(self):
        return locale_home_url(get_language())


class PasswordResetLimitsMixin:
    """The reset forms' request (for their limits) and their answers: 429 when the address
    or client has asked too often, 400 for any other error."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 429 if form.has_error("email", "throttled") else 400
        return response


class MemberPasswordResetView(PasswordResetLimitsMixin, auth_views.PasswordResetView):
    """Asks for an e-mail address and sends a one-time link to set a new password.

    The e-mail is rendered while the page's language is active, so it is written in the
    standard of the page the member asked from and its link leads to that standard's
    confirm page. Known and unknown addresses get the same answer, and the request does
    the same work for both: it enqueues the e-mail task (``tasks.py``).
    """

    template_name = "accounts/password_reset_form.html"
    form_class = MemberPasswordResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class AdminPasswordResetView(PasswordResetLimitsMixin, WagtailPasswordResetView):
    """Wagtail's admin reset view (``/admin/password_reset/``) with the site's limits and
    the e-mail sent by the same task."""

    def get_form_class(self):
        return AdminPasswordResetForm


class MemberPasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class MemberPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's view: checks the one-time token, keeps it in the session and moves it out
    of the address bar, then sets the new password through the password validators."""

    template_name = "accounts/password_reset_confirm.html"
    reset_url_token = "nytt-passord"  # noqa: S105 - a path segment, not a secret
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class MemberPasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


def login_locked_out(request, original_response=None, credentials=None):
    """What django-axes answers when a name is locked (``AXES_LOCKOUT_CALLABLE``): the
    site's login form, saying why and for how long, with status 429. The same for the
    admin's login form, so a locked name learns nothing more there."""
    form = MemberLoginForm(request, initial={"username": request.POST.get("username", "")})
    # Shown as the form's own error; the password is not checked again.
    form.cleaned_data = {}
    form.add_error(None, LOGIN_THROTTLED)
    context = {"form": form, "next": request.POST.get("next", "")}
    return render(request, MemberLoginView.template_name, context, status=429)


# --- The account page and campaign pack mail ----------------------------------------------


@method_decorator(never_cache, name="dispatch")
class AccountView(LoginRequiredMixin, FormView):
    """The account page ("Min side") of whoever logs in on the site: the campaign pack
    mail they want. Their mail comes in the standard of the page they saved it on."""

    template_name = "accounts/account.html"
    form_class = PackSubscriptionForm
    success_url = reverse_lazy("accounts:account")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "locale": Locale.get_active(),
            "subscription": PackSubscription.objects.filter(user=self.request.user).first(),
        }

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            subscribed=PackSubscription.objects.filter(user=user).exists(), **kwargs
        )

    def post(self, request, *args, **kwargs):
        if "stop" in request.POST:
            services.pack_subscription_end(user_id=request.user.pk)
            messages.success(request, _("You get no more e-mail about campaign packs."))
            return redirect(self.get_success_url())
        if not request.user.email:
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        mail = form.cleaned_data["mail"]
        if not mail:
            services.pack_subscription_end(user_id=self.request.user.pk)
            messages.success(self.request, _("You get no more e-mail about campaign packs."))
        else:
            services.pack_subscription_save(
                user=self.request.user,
                audiences=form.cleaned_data["audiences"],
                counties=form.cleaned_data["counties"],
                new_packs=form.NEW_PACKS in mail,
                reminders=form.REMINDERS in mail,
                language=get_language(),
            )
            messages.success(self.request, _("Saved. E-mail comes in this written standard."))
        return super().form_valid(form)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


INVALID_UNSUBSCRIBE_LINK = _(
    "This link to stop the e-mails is not valid. Copy the whole link from the e-mail, or log "
    "in and choose what you get on your account page."
)


@csrf_exempt  # RFC 8058: the mail program posts without a cookie; the token is signed.
@never_cache
@require_http_methods(["GET", "POST"])
def pack_unsubscribe(request, token):
    """The link in every campaign pack mail. GET asks (mail scanners follow links, so a
    GET changes nothing); POST, from that page's button or a mail program's one-click
    (``List-Unsubscribe-Post``), ends the subscription at once. A token that is not ours
    is refused, and nothing changes."""
    user_id = selectors.unsubscribe_user_id(token)
    if user_id is None:
        context = {"error": INVALID_UNSUBSCRIBE_LINK}
        return render(request, "accounts/pack_unsubscribe.html", context, status=400)
    if request.method == "POST":
        services.pack_subscription_end(user_id=user_id)
        return render(request, "accounts/pack_unsubscribe.html", {"done": True})
    return render(request, "accounts/pack_unsubscribe.html", {"token": token})
