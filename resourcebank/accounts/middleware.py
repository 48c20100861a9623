"""Staff prove a second factor before the admin shows them anything (``second_factor.py``)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from resourcebank.accounts import second_factor

# What a staff member who has not proved a second factor may still open in the admin.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "accounts_second_factor_enrol",
    "accounts_second_factor_verify",
}


class StaffSecondFactorMiddleware:
    """After django-otp's OTPMiddleware (which gives ``request.user.is_verified()``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # No session, so nobody logged in: leave the session unread, so an anonymous
            # response does not vary on Cookie (the API's and cached pages' answers).
            return self.get_response(request)
        if (
            not request.path_info.startswith("/admin/")
            and second_factor.STAFF_SINCE_SESSION_KEY not in request.session
        ):
            # Outside the admin only a staff session's length matters, and its clock is
            # in the session from the staff login on (``second_factor.on_login``; from the
            # first admin request for one made staff since): without it the session is a
            # member's, whose permissions need not be read on every page (two queries).
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and second_factor.is_staff(user):
            if second_factor.staff_session_expired(request):
                logout(request)
                if request.path_info.startswith("/admin/"):
                    query = urlencode({"next": request.get_full_path()})
                    return redirect(f"{reverse('wagtailadmin_login')}?{query}")
            elif request.path_info.startswith("/admin/") and not user.is_verified():
                try:
                    name = resolve(request.path_info).url_name
                except Resolver404:
                    name = None
                if name not in OPEN_URL_NAMES:
                    target = (
                        "accounts_second_factor_verify"
                        if second_factor.has_app_device(user)
                        else "accounts_second_factor_enrol"
                    )
                    query = urlencode({"next": request.get_full_path()})
                    return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)
