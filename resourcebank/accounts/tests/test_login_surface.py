"""Every way in is throttled alike: the site's and the admin's login and password reset."""

from django.core import mail
from django.test import Client, override_settings

import pytest

from resourcebank.accounts import selectors
from tests.editorial_support import PASSWORD, post_form

pytestmark = pytest.mark.django_db


def _admin_login(client, username, password):
    return post_form(client, "/admin/login/", {"username": username, "password": password})


def test_five_failures_at_the_admin_login_lock_that_name_as_the_site_login_does(editor):
    client = Client(enforce_csrf_checks=True)
    for attempt in range(1, selectors.LOGIN_FAILURE_LIMIT + 1):
        response = _admin_login(client, "redaktor", "gjett")
        assert response.status_code == (429 if attempt == selectors.LOGIN_FAILURE_LIMIT else 200)
    locked = _admin_login(client, "Redaktor", PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # The same name is locked at the site's login too (one count for every login form).
    site = post_form(
        Client(enforce_csrf_checks=True),
        "/nb/logg-inn/",
        {"username": "redaktor", "password": PASSWORD, "next": ""},
    )
    assert site.status_code == 429


def test_a_member_cannot_log_in_to_the_admin_even_with_the_right_password(member):
    client = Client(enforce_csrf_checks=True)
    response = _admin_login(client, "kari", PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_djangos_own_admin_is_not_served(client, superuser):
    # (The language prefix is added first, and there is no such page in either.)
    for path in ("/django-admin/", "/django-admin/login/", "/django-admin/auth/user/"):
        assert client.get(path, follow=True).status_code == 404
        client.force_login(superuser)


@pytest.mark.parametrize("first", ["site", "admin"])
def test_four_requests_for_one_address_at_either_reset_form_send_at_most_three_mails(member, first):
    forms = {"site": "/nb/logg-inn/glemt-passord/", "admin": "/admin/password_reset/"}
    other = "admin" if first == "site" else "site"
    answers = [
        post_form(Client(), forms[name], {"email": "kari@example.org"}).status_code
        for name in (first, other, first, other)
    ]
    assert answers[:3] == [302, 302, 302]
    assert answers[3] == 429
    assert len(mail.outbox) == 3
    assert {tuple(m.to) for m in mail.outbox} == {("kari@example.org",)}


def test_the_admin_reset_form_alone_sends_at_most_three_mails(member):
    answers = [
        post_form(Client(), "/admin/password_reset/", {"email": "kari@example.org"}).status_code
        for _request in range(4)
    ]
    assert answers == [302, 302, 302, 429]
    assert len(mail.outbox) == 3
    # The admin's e-mail links to the admin's confirm page at the configured address.
    assert "http://testserver/admin/password_reset/confirm/" in mail.outbox[0].body


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
@pytest.mark.parametrize("url", ["/nb/logg-inn/glemt-passord/", "/admin/password_reset/"])
def test_the_request_does_the_same_work_for_known_and_unknown_addresses(member, url):
    from django_tasks import default_task_backend

    default_task_backend.clear()
    known = post_form(Client(), url, {"email": "kari@example.org"})
    unknown = post_form(Client(), url, {"email": "ingen@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # No mail is sent inside the request; each request enqueued one task, alike but for
    # the address itself.
    assert mail.outbox == []
    results = default_task_backend.results
    assert len(results) == 2
    known_task, unknown_task = results
    assert known_task.task.name == unknown_task.task.name == "password_reset_mail_send"
    assert known_task.kwargs["email"] == "kari@example.org"
    assert unknown_task.kwargs["email"] == "ingen@example.org"
    assert {k: v for k, v in known_task.kwargs.items() if k != "email"} == {
        k: v for k, v in unknown_task.kwargs.items() if k != "email"
    }
    # The worker sends the mail for the known address only.
    for result in results:
        result.task.call(**result.kwargs)
    assert [m.to for m in mail.outbox] == [["kari@example.org"]]
