"""Log in and out on the public site, in the site's own look.

Django's LoginView and LogoutView do the work: CSRF protection, never-cache headers,
and a `next` address followed only when it is on this site
(`url_has_allowed_host_and_scheme`). Wagtail's page privacy and the members-only
document collection send visitors here through WAGTAIL_FRONTEND_LOGIN_URL.
"""

from django.contrib.auth import views as auth_views
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import get_language

from resourcebank.accounts import selectors, services
from resourcebank.accounts.forms import MemberLoginForm
from resourcebank.navigation import locale_home_url


class MemberLoginView(auth_views.LoginView):
    template_name = "resourcebank/accounts/login.html"
    authentication_form = MemberLoginForm

    def get_default_redirect_url(self):
        return locale_home_url(get_language())

    def form_valid(self, form):
        services.login_failures_clear(
            username=form.cleaned_data["username"],
            address=selectors.client_address(self.request),
        )
        return super().form_valid(form)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 429 if form.has_error(NON_FIELD_ERRORS, "throttled") else 400
        return response


class MemberLogoutView(auth_views.LogoutView):
    """Logging out is a POST (Django refuses GET); it ends on the home page."""

    def get_default_redirect_url(self):
        return locale_home_url(get_language())
