"""Members who forgot their password set a new one from an e-mailed link."""

import re

from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

import pytest

from resourcebank.accounts import selectors
from tests.editorial_support import PASSWORD, post_form

pytestmark = pytest.mark.django_db

OLD_PASSWORD = PASSWORD  # the test users'
NEW_PASSWORD = "Fjordbris-i-mars-42"
EMAIL_OPENING = "Open this link to set a new password:"
LINK_BROKEN = (
    "This link to set a new password has already been used, has expired, or is not "
    "complete. Nothing has been changed."
)


def _in(language, msgid):
    with translation.override(language):
        return translation.gettext(msgid)


def _ask_for_link(client, language, email):
    return post_form(client, f"/{language}/logg-inn/glemt-passord/", {"email": email})


def _new_password(client, confirm_url, password1, password2=None):
    """Follow the e-mailed link (Django moves the token into the session) and send the form."""
    opened = client.get(confirm_url, follow=True)
    return opened, client.post(
        opened.redirect_chain[-1][0] if opened.redirect_chain else confirm_url,
        {
            "new_password1": password1,
            "new_password2": password1 if password2 is None else password2,
            "csrfmiddlewaretoken": str(opened.context["csrf_token"]),
        },
    )


def _link(message):
    match = re.search(r"(https?)://([^/\s]+)(/\S+)", message.body)
    assert match, message.body
    return match.groups()


def test_a_member_asks_in_nynorsk_and_sets_a_new_password_from_the_link(member):
    client = Client(enforce_csrf_checks=True)
    login = client.get("/nn/logg-inn/").content.decode()
    assert 'href="/nn/logg-inn/glemt-passord/"' in login  # the login page's hint links here

    asked = _ask_for_link(client, "nn", "KARI@example.org")
    assert asked.status_code == 302
    assert asked["Location"] == "/nn/logg-inn/glemt-passord/sendt/"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kari@example.org"]
    assert message.extra_headers["Content-Language"] == "nn"
    assert _in("nn", EMAIL_OPENING) in message.body
    protocol, domain, path = _link(message)
    # The configured address of the site (WAGTAILADMIN_BASE_URL), not the Host header.
    assert (protocol, domain) == ("http", "testserver")
    assert path.startswith("/nn/logg-inn/glemt-passord/")

    opened, saved = _new_password(client, path, NEW_PASSWORD)
    assert opened.status_code == 200
    page = opened.content.decode()
    assert '<html lang="nn" dir="ltr">' in page
    assert page.count('autocomplete="new-password"') == 2
    assert "/nytt-passord/" in opened.redirect_chain[-1][0]  # the token left the address bar
    assert saved.status_code == 302
    assert saved["Location"] == "/nn/logg-inn/glemt-passord/ferdig/"

    assert Client().login(username="kari", password=NEW_PASSWORD)
    assert not Client().login(username="kari", password=OLD_PASSWORD)

    # The link works once: used again, it says so in Nynorsk and offers a new one.
    again = Client().get(path, follow=True).content.decode()
    assert _in("nn", LINK_BROKEN) in again
    assert 'href="/nn/logg-inn/glemt-passord/"' in again and "new_password1" not in again


def test_an_unknown_address_gets_the_same_answer_and_no_mail(member):
    known = _ask_for_link(Client(), "nb", "kari@example.org")
    unknown = _ask_for_link(Client(), "nb", "ingen@example.org")
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"] == "/nb/logg-inn/glemt-passord/sendt/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["kari@example.org"]
    # The link in the Bokmål request's e-mail opens the Bokmål page.
    assert _link(mail.outbox[0])[2].startswith("/nb/logg-inn/glemt-passord/")


def test_a_forged_link_shows_a_norwegian_error_and_changes_nothing(member):
    client = Client()
    uid = urlsafe_base64_encode(force_bytes(member.pk))  # a real member, a made-up token
    response = client.get(f"/nb/logg-inn/glemt-passord/{uid}/forfalsket-token/", follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nb" dir="ltr">' in html and _in("nb", LINK_BROKEN) in html
    assert 'href="/nb/logg-inn/glemt-passord/"' in html and "new_password1" not in html

    forged = client.post(
        f"/nb/logg-inn/glemt-passord/{uid}/nytt-passord/",
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert forged.status_code == 200 and _in("nb", LINK_BROKEN) in forged.content.decode()
    member.refresh_from_db()
    assert member.check_password(OLD_PASSWORD)


def test_weak_or_mismatched_passwords_show_djangos_norwegian_messages(member):
    client = Client()
    _ask_for_link(client, "nb", "kari@example.org")
    path = _link(mail.outbox[0])[2]

    _opened, weak = _new_password(client, path, "12345678")
    assert weak.status_code == 400
    html = weak.content.decode()
    assert 'class="ds-error-summary" role="alert"' in html
    assert '<a href="#id_new_password2">' in html
    assert "Dette passordet er for vanlig." in html  # Django's nb CommonPasswordValidator
    assert 'aria-invalid="true" aria-describedby="id_new_password2-error"' in html
    member.refresh_from_db()
    assert member.check_password(OLD_PASSWORD)


def test_a_forged_post_without_a_csrf_token_is_refused(member):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/nb/logg-inn/glemt-passord/", {"email": "kari@example.org"})
    assert response.status_code == 403
    assert mail.outbox == []


def test_too_many_requests_for_one_address_are_refused(member):
    client = Client()
    for _request in range(selectors.PASSWORD_RESET_EMAIL_LIMIT):
        assert _ask_for_link(client, "nb", "kari@example.org").status_code == 302
    refused = _ask_for_link(client, "nb", "kari@example.org")
    assert refused.status_code == 429
    assert '<a href="#id_email">' in refused.content.decode()
    assert len(mail.outbox) == selectors.PASSWORD_RESET_EMAIL_LIMIT


def test_the_link_points_at_the_configured_site_not_the_host_header(member, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://ressursbanken.example"
    client = Client(HTTP_HOST="localhost")  # an allowed host, but not the site's address
    assert _ask_for_link(client, "nb", "kari@example.org").status_code == 302
    protocol, domain, _path = _link(mail.outbox[0])
    assert (protocol, domain) == ("https", "ressursbanken.example")
