"""A user who picks Nynorsk in their account settings gets a Nynorsk admin."""

from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from tests import factories


@pytest.fixture
def nynorsk_editor(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "nn"
    profile.save()
    client.force_login(editor)
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
