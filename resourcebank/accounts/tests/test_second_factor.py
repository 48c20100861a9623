"""Staff prove a second factor (an authenticator app's code) before the admin opens; members
log in without one; staff sessions last a working day."""

import re
import time

from django.test import Client

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from resourcebank.accounts import second_factor
from resourcebank.editorial import roles
from tests.editorial_support import PASSWORD, give_second_factor, make_user, post_form, totp_code

pytestmark = pytest.mark.django_db

ENROL = "/admin/to-trinn/ny/"
VERIFY = "/admin/to-trinn/"
ADMIN_PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/documents/",
    "/admin/images/",
    "/admin/account/",
    "/admin/reports/locked/",
    "/admin/users/",
    "/admin/snippets/",
    "/admin/to-trinn/gjenopprettingskoder/",
]


@pytest.fixture
def staff(editorial_setup, django_user_model, superuser):
    users = {
        key: make_user(django_user_model, key.replace("_", "-"), key)
        for key in (roles.EDITORS, roles.CONTRIBUTORS, roles.TRANSLATORS)
    }
    users["superuser"] = superuser
    return users


def _login(client, url, username, password=PASSWORD):
    return post_form(client, url, {"username": username, "password": password})


@pytest.mark.parametrize(
    "role", [roles.EDITORS, roles.CONTRIBUTORS, roles.TRANSLATORS, "superuser"]
)
def test_staff_without_a_second_factor_reach_no_admin_page_but_the_enrolment(staff, role):
    client = Client()
    client.force_login(staff[role])
    for path in ADMIN_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{ENROL}?next="), path
    assert client.get(VERIFY).status_code == 302  # no device yet: to the enrolment
    enrol = client.get(ENROL)
    assert enrol.status_code == 200
    assert "<svg" in enrol.content.decode()


def test_enrolment_with_the_first_code_turns_it_on_and_shows_recovery_codes(staff):
    editor = staff[roles.EDITORS]
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    page = client.get(f"{ENROL}?next=/admin/pages/")
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    token = str(page.context["csrf_token"])
    wrong = client.post(
        ENROL, {"token": "000000", "next": "/admin/pages/", "csrfmiddlewaretoken": token}
    )
    assert wrong.status_code == 400
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # django-otp slows down guessing
    device.throttle_reset()

    code = f"{totp(device.bin_key):06d}"
    done = client.post(
        ENROL, {"token": code, "next": "/admin/pages/", "csrfmiddlewaretoken": token}
    )
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == second_factor.RECOVERY_CODE_COUNT
    assert 'href="/admin/pages/"' in done.content.decode()
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed

    # Next login: the code form, where a recovery code works once.
    again = Client()
    again.force_login(editor)
    assert again.get("/admin/")["Location"].startswith(f"{VERIFY}?next=")
    assert again.post(VERIFY, {"token": codes[0]}).status_code == 302
    assert again.get("/admin/").status_code == 200
    reused = Client()
    reused.force_login(editor)
    assert reused.post(VERIFY, {"token": codes[0]}).status_code == 400
    assert reused.get("/admin/").status_code == 302


def test_staff_log_in_with_password_then_code_through_the_real_forms(staff):
    editor = staff[roles.EDITORS]
    give_second_factor(editor)
    client = Client(enforce_csrf_checks=True)
    logged_in = _login(client, "/admin/login/", editor.username)
    assert logged_in.status_code == 302
    first = client.get(logged_in["Location"])
    assert first.status_code == 302 and first["Location"].startswith(VERIFY)
    form = client.get(first["Location"])
    assert form.status_code == 200
    assert 'autocomplete="one-time-code"' in form.content.decode()
    verified = client.post(
        first["Location"],
        {"token": totp_code(), "csrfmiddlewaretoken": str(form.context["csrf_token"])},
    )
    assert verified.status_code == 302 and verified["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_members_log_in_without_a_second_factor(editorial_setup, django_user_model, home_page):
    member = make_user(django_user_model, "kari", roles.MEMBERS)
    client = Client()
    response = _login(client, "/nb/logg-inn/", member.username)
    assert response.status_code == 302
    assert client.get("/nb/").status_code == 200
    assert "_auth_user_id" in client.session
    assert not TOTPDevice.objects.filter(user=member).exists()


def test_a_staff_session_ends_after_a_working_day(staff, settings):
    from tests.editorial_support import login_verified

    editor = staff[roles.EDITORS]
    client = login_verified(Client(), editor)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[second_factor.STAFF_SINCE_SESSION_KEY] = (
        int(time.time()) - settings.STAFF_SESSION_SECONDS - 1
    )
    session.save()
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert re.match(r"^/admin/login/\?next=", response["Location"])
    assert "_auth_user_id" not in client.session
    assert settings.STAFF_SESSION_SECONDS <= 12 * 60 * 60
