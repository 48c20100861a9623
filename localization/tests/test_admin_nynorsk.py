"""A user who picks Nynorsk in their account settings gets a Nynorsk admin."""

from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from tests import factories
from tests.editorial_support import login_verified


@pytest.fixture
def nynorsk_editor(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "nn"
    profile.save()
    login_verified(client, editor)
    return editor


def test_dashboard_is_in_nynorsk(client, nynorsk_editor):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="nn"' in html
    for nynorsk in ["Oppsummering for nettstaden", "Rapportar", "Innstillingar"]:
        assert nynorsk in html, nynorsk
    assert "Oppsummering for nettstedet" not in html  # not the Bokmål


def test_page_editor_is_in_nynorsk(client, nynorsk_editor, home_page):
    page = factories.InfoPageFactory(parent=home_page, title="Om lokallaget")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    for nynorsk in ["Innhald", "Førehandsvis", "Fleire handlingar"]:
        assert nynorsk in html, nynorsk
    assert "Forhåndsvis" not in html


@pytest.fixture
def bokmal_editor(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "nb"
    profile.save()
    login_verified(client, editor)
    return editor


def test_dashboard_is_all_bokmal(client, bokmal_editor, home_page):
    """Issue 18: the strings Wagtail ships only in English read Bokmål too."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="nb"' in html
    for bokmal in ["Søk i alle sider …", '"Hjelp"', "Redaktørveiledning", "Oversikt"]:
        assert bokmal in html, bokmal
    for english in ["Search all pages", '"Help"', "Editor Guide", "Site summary"]:
        assert english not in html, english
    assert "Oppsummering for nettstedet" in html


def test_admin_javascript_catalogue_comes_from_locale_admin(client, nynorsk_editor):
    """Wagtail's JavaScriptCatalog (package wagtail.admin) also merges LOCALE_PATHS."""
    js = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    # Wagtail ships neither in Nynorsk (nor "Page explorer" as "Sideoversikt" in Bokmål).
    assert '"Page explorer": "Sideoversikt"' in js
    assert '"Save": "Lagre"' in js
