"""A second factor for staff: a one-time code from an authenticator app (TOTP, django-otp),
with single-use recovery codes. Members log in without it.

Staff are everyone with access to Wagtail's admin (editors, contributors, translators)
and superusers. Until they have proved a second factor in this session, the admin shows
them nothing but enrolment (first time) or the code form (``middleware.py``). A staff
session lasts ``STAFF_SESSION_SECONDS`` (a working day) from login, whatever the cookie.
"""

import time

from django.conf import settings

from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Autentiseringsapp"
RECOVERY_DEVICE_NAME = "Gjenopprettingskoder"
STAFF_SINCE_SESSION_KEY = "staff_since"


def is_staff(user) -> bool:
    """Whether `user` must use a second factor: anyone who can open the admin."""
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def has_app_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def app_device_pending(*, user) -> TOTPDevice:
    """The unconfirmed authenticator-app device being enrolled (made on first call)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def recovery_codes_replace(*, user) -> list[str]:
    """New single-use recovery codes for `user`; the old ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def app_device_confirm(*, request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the app device with its first code; on success the session is verified
    and the new recovery codes are returned (shown once)."""
    if not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    codes = recovery_codes_replace(user=device.user)
    otp_login(request, device)
    return codes


def staff_session_start(request) -> None:
    request.session[STAFF_SINCE_SESSION_KEY] = int(time.time())


def staff_session_expired(request) -> bool:
    started = request.session.get(STAFF_SINCE_SESSION_KEY)
    if started is None:
        staff_session_start(request)
        return False
    return time.time() - started > settings.STAFF_SESSION_SECONDS


def on_login(sender, request, user, **kwargs):
    """``user_logged_in``: a staff session's working day starts now."""
    if request is not None and hasattr(request, "session") and is_staff(user):
        staff_session_start(request)
