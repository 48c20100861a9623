"""Translators stay translators: no path lets them publish, a link override takes only a
safe address, and a machine-translated draft of a live page leaves the live page alone."""

from urllib.parse import urlencode

from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation

import pytest

from localization import services
from tests import factories
from tests.editorial_support import login_verified

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def linked_page(home_page, nn_locale, apertium_command, settings, editorial_setup):
    """A live Bokmål info page with a link, its live Nynorsk translation, then a Bokmål edit."""
    settings.APERTIUM_APY_URL = ""
    page = factories.InfoPageFactory(
        parent=home_page,
        title="Om lokallagene",
        body=[("paragraph", '<p>Les <a href="https://example.org/lag">vedtektene</a>.</p>')],
    )
    page.save_revision().publish()
    services.objects_machine_translate(
        objects=[home_page, page], target_locale=nn_locale, publish=True
    )
    page.body = [
        ("paragraph", '<p>Les <a href="https://example.org/lag">vedtektene</a>.</p>'),
        ("paragraph", "<p>Hva gjør vi nå?</p>"),
    ]
    page.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=nn_locale
    )
    translation.source.update_from_db()
    return page, page.get_translation(nn_locale), translation


def test_a_translators_publish_translations_publishes_nothing(client, translator, linked_page):
    page, nn_page, translation = linked_page
    live_before = nn_page.live_revision_id
    login_verified(client, translator)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
        {"publish_translations": "on"},
    )
    assert response.status_code == 302
    nn_page = Page.objects.get(pk=nn_page.pk)
    assert nn_page.live_revision_id == live_before
    assert "Hva" not in str(nn_page.specific.body) and "Kva" not in str(nn_page.specific.body)


def test_an_editors_publish_translations_publishes_as_the_editor(client, editor, linked_page):
    page, nn_page, translation = linked_page
    login_verified(client, editor)
    client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
        {"publish_translations": "on", "use_machine_translation": "on"},
    )
    nn_page = Page.objects.get(pk=nn_page.pk)
    assert nn_page.live_revision.user == editor
    assert "Kva" in str(nn_page.specific.body)


def _link_segment(translation):
    return OverridableSegment.objects.get(
        source=translation.source, data_json='"https://example.org/lag"'
    )


@pytest.mark.parametrize(
    "address", ["javascript:alert(document.cookie)", " JaVa\tScRiPt:alert(1)", "data:text/html,x"]
)
def test_a_translators_javascript_link_override_is_refused_and_absent_from_the_nynorsk_page(
    client, translator, linked_page, address
):
    page, nn_page, translation = linked_page
    segment = _link_segment(translation)
    login_verified(client, translator)
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    response = client.put(url, urlencode({"value": address}), content_type=FORM)
    assert response.status_code == 400
    assert not SegmentOverride.objects.exists()

    # The translation saved and published (by an editor) carries no such link.
    services.translation_publish(translation=translation, user=None)
    html = client.get(Page.objects.get(pk=nn_page.pk).url).content.decode()
    assert "javascript" not in html.lower() and "data:text" not in html


@pytest.mark.parametrize(
    "address", ["https://example.org/nn/lag", "mailto:lag@example.org", "tel:+4722000000", "/nn/"]
)
def test_a_safe_link_override_is_kept(client, translator, linked_page, address):
    page, nn_page, translation = linked_page
    segment = _link_segment(translation)
    login_verified(client, translator)
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    response = client.put(url, urlencode({"value": address}), content_type=FORM)
    assert response.status_code in (200, 201)
    assert SegmentOverride.objects.get().data == address


def test_a_machine_translated_draft_of_a_live_page_is_a_revision_and_the_page_is_unchanged(
    client, translator, linked_page, nn_locale
):
    page, nn_page, translation = linked_page
    body_before = str(Page.objects.get(pk=nn_page.pk).specific.body)
    login_verified(client, translator)
    response = client.post(
        reverse("missing_nynorsk_report:translate", args=[page.content_type_id, page.pk])
    )
    assert response.status_code == 302
    nn_page = Page.objects.get(pk=nn_page.pk).specific
    assert str(nn_page.body) == body_before  # what readers see is unchanged
    assert nn_page.has_unpublished_changes
    assert "Kva" in str(nn_page.get_latest_revision_as_object().body)
    assert "Kva" not in client.get(nn_page.url).content.decode()


def test_translate_tree_draft_leaves_live_pages_as_they_are(linked_page, nn_locale, home_page):
    page, nn_page, translation = linked_page
    body_before = str(Page.objects.get(pk=nn_page.pk).specific.body)
    services.tree_machine_translate(root=home_page, target_locale=nn_locale, publish=False)
    nn_page = Page.objects.get(pk=nn_page.pk).specific
    assert str(nn_page.body) == body_before
    assert "Kva" in str(nn_page.get_latest_revision_as_object().body)
