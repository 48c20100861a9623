"""Log in and out on the public site, in the site's own look.

Django's LoginView and LogoutView do the work: CSRF protection, never-cache headers,
and a `next` address followed only when it is on this site
(`url_has_allowed_host_and_scheme`). Wagtail's page privacy and the members-only
document collection send visitors here through WAGTAIL_FRONTEND_LOGIN_URL.
"""

import logging

from django.contrib.auth import views as auth_views
from django.core.exceptions import NON_FIELD_ERRORS
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.account import PasswordResetView as WagtailPasswordResetView

from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

from resourcebank.accounts.forms import (
    LOGIN_THROTTLED,
    AdminPasswordResetForm,
    MemberLoginForm,
    MemberPasswordResetForm,
)
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
