"""Member login on the public site: the way in to members-only pages and documents."""

import re

from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from resourcebank.accounts import selectors
from resourcebank.editorial import roles
from tests import factories
from tests.downloads_support import make_document, members_collection, pdf_bytes
from tests.editorial_support import PASSWORD, make_user, publish, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_page(home_page, editorial_setup):
    page = publish(factories.InfoPageFactory(parent=home_page, title="Strategi for medlemmer"))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(
        [roles.role_group(roles.MEMBERS), roles.role_group(roles.ELECTED_MEMBERS)]
    )
    return page


def _csrf_client():
    return Client(enforce_csrf_checks=True)


def _login(client, url, username, password):
    """Open the login page like a browser (CSRF cookie and token) and send the form."""
    form = client.get(url)
    assert form.status_code == 200
    token = form.context["csrf_token"]
    return client.post(
        url,
        {
            "username": username,
            "password": password,
            "next": form.context["next"],
            "csrfmiddlewaretoken": str(token),
        },
    )


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_a_member_follows_a_private_link_logs_in_and_lands_on_the_page(
    member, private_page, nn_locale, language
):
    # Privacy follows translations, so the Nynorsk page is members-only too.
    page = private_page if language == "nb" else translate(private_page, nn_locale)
    client = _csrf_client()
    path = page.url
    assert path.startswith(f"/{language}/")
    redirect = client.get(path)
    assert redirect.status_code == 302
    login_url = redirect["Location"]
    assert login_url.startswith(f"/{language}/logg-inn/?next=")

    form = client.get(login_url)
    html = form.content.decode()
    assert f'<html lang="{language}" dir="ltr">' in html
    assert 'class="login-form"' in html and "wagtailadmin" not in form.templates[0].name
    assert 'autocomplete="username"' in html and 'autocomplete="current-password"' in html
    assert f'value="{path}"' in html  # the way back

    response = _login(client, login_url, "kari", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == path
    landed = client.get(path)
    assert landed.status_code == 200
    assert "Strategi for medlemmer" in landed.content.decode()
    # The header names the member and offers to log out.
    assert "Kari Nordmann" in landed.content.decode()
    assert "/logg-ut/" in landed.content.decode()


def test_a_members_only_document_sends_an_anonymous_reader_to_the_site_login(member):
    collection, _group = members_collection(roles.role_group(roles.MEMBERS).name)
    document = make_document("Strategi", "strategi.pdf", pdf_bytes("Strategi"), collection)
    client = _csrf_client()
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/nb/logg-inn/?next=/documents/")
    assert _login(client, response["Location"], "kari", PASSWORD)["Location"] == document.url
    assert client.get(document.url).status_code == 200


def test_a_wrong_password_shows_a_norwegian_error_and_logs_nobody_in(member, private_page):
    client = _csrf_client()
    login_url = f"/nb/logg-inn/?next={private_page.url}"
    response = _login(client, login_url, "kari", "feil-passord")
    assert response.status_code == 400
    html = response.content.decode()
    # Django's own nb catalogue: "Vennligst oppgi korrekt brukernavn og passord. ..."
    assert "korrekt brukernavn og passord" in html
    assert 'class="ds-error-summary" role="alert"' in html
    assert '<a href="#id_username">' in html
    assert "_auth_user_id" not in client.session
    assert client.get(private_page.url).status_code == 302

    nynorsk = _login(_csrf_client(), "/nn/logg-inn/", "kari", "")
    assert nynorsk.status_code == 400
    html = nynorsk.content.decode()
    assert 'aria-invalid="true" aria-describedby="id_password-error"' in html
    assert '<a href="#id_password">' in html
    # "This field is required." from locale-admin (Wagtail's message, made Nynorsk there),
    # which wins over Django's own "Feltet er påkravd.".
    assert "Dette feltet er påkravd." in html


def test_a_forged_post_without_a_csrf_token_is_refused(member):
    client = _csrf_client()
    response = client.post("/nb/logg-inn/", {"username": "kari", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/steal", "//evil.example/", "javascript:alert(1)"]
)
def test_only_a_next_address_on_this_site_is_followed(member, next_url):
    client = _csrf_client()
    response = _login(client, f"/nb/logg-inn/?next={next_url}", "kari", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/nb/"


def test_logging_out_takes_a_post_and_the_header_stops_naming_the_member(member, home_page, client):
    client.force_login(member)
    page = client.get("/nb/")
    assert "Kari Nordmann" in page.content.decode()
    assert "Cookie" in page["Vary"]  # no shared cache may keep one person's header
    assert client.get("/nb/logg-ut/").status_code == 405
    response = client.post("/nb/logg-ut/")
    assert response.status_code == 302 and response["Location"] == "/nb/"
    after = client.get("/nb/").content.decode()
    assert "Kari Nordmann" not in after
    assert "/nb/logg-inn/?next=/nb/" in after


def test_one_members_header_is_never_shown_to_another_visitor(member, home_page, client):
    client.force_login(member)
    assert "Kari Nordmann" in client.get("/nb/").content.decode()
    assert "Kari Nordmann" in client.get("/nb/sok/?q=kampanje").content.decode()
    stranger = Client()
    assert "Kari Nordmann" not in stranger.get("/nb/").content.decode()
    search = stranger.get("/nb/sok/?q=kampanje")
    assert "Kari Nordmann" not in search.content.decode()
    assert "Cookie" in search["Vary"]


def test_repeated_failures_lock_the_name_for_a_while(member):
    client = _csrf_client()
    for attempt in range(1, selectors.LOGIN_FAILURE_LIMIT + 1):
        response = _login(client, "/nb/logg-inn/", "kari", "gjett")
        # The failure that reaches the limit already answers that the name is locked.
        assert response.status_code == (429 if attempt == selectors.LOGIN_FAILURE_LIMIT else 400)
    assert "Wait a quarter of an hour" in response.content.decode() or "kvarter" in (
        response.content.decode()
    )
    # Now even the right password is not tried.
    locked = _login(client, "/nb/logg-inn/", "KARI", PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another member on the same address is not locked out.
    other = make_user(member.__class__, "ola", roles.MEMBERS)
    assert _login(_csrf_client(), "/nb/logg-inn/", other.username, PASSWORD).status_code == 302


def test_staff_still_log_in_to_the_admin_at_admin_login(client, editor):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/login/").status_code == 200


def test_a_logged_in_reader_without_access_is_told_so_on_the_login_page(
    private_page, django_user_model, client
):
    contributor = make_user(django_user_model, "per", roles.CONTRIBUTORS)
    client.force_login(contributor)
    response = client.get(private_page.url, follow=True)
    assert response.redirect_chain[-1][0].startswith("/nb/logg-inn/?next=")
    current = response.content.decode()
    assert re.search(r'class="login__current">[^<]*\bper\b', current)
