"""A campaign pack without a current Nynorsk version cannot go live on any path, for
anyone: the admin's Publish, scheduled publishing, revision.publish() and bulk actions."""

import datetime

from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest

from resourcebank.core.publishing import PublishRefused
from tests import factories
from tests.editorial_support import campaign_pack_form_data, login_verified, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_pack(campaign_index, editorial_setup):
    page = factories.CampaignPackPageFactory(parent=campaign_index, live=False, title="Likelønn")
    page.save_revision()
    return page


def _publish_in_admin(client, page):
    data = campaign_pack_form_data(page, **{"action-publish": "1"})
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def _messages(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_a_superusers_publish_of_a_bokmal_pack_without_nynorsk_is_refused(
    client, superuser, draft_pack
):
    """About superusers: the rule is about the content, so it holds for them too."""
    login_verified(client, superuser)
    response = _publish_in_admin(client, draft_pack)
    assert response.status_code == 302
    assert not Page.objects.get(pk=draft_pack.pk).live
    assert "begge målformer" in _messages(response)


def test_an_editors_publish_is_refused_with_a_norwegian_message_then_goes_live(
    client, editor, draft_pack, nn_locale
):
    login_verified(client, editor)
    response = _publish_in_admin(client, draft_pack)
    assert not Page.objects.get(pk=draft_pack.pk).live
    assert "nynorsk" in _messages(response).lower()

    translate(draft_pack, nn_locale, publish=False)
    response = _publish_in_admin(client, Page.objects.get(pk=draft_pack.pk).specific)
    assert response.status_code == 302
    assert Page.objects.get(pk=draft_pack.pk).live


def test_revision_publish_from_code_is_refused(draft_pack):
    with pytest.raises(PublishRefused) as refused:
        draft_pack.get_latest_revision().publish()
    assert isinstance(refused.value, PermissionDenied)
    assert not Page.objects.get(pk=draft_pack.pk).live


def test_a_scheduled_pack_without_nynorsk_does_not_go_live(draft_pack, capsys):
    revision = draft_pack.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])
    call_command("publish_scheduled")
    assert not Page.objects.get(pk=draft_pack.pk).live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None  # off the schedule, not retried forever
    assert "Likelønn" in capsys.readouterr().err


def test_scheduling_a_pack_without_nynorsk_is_refused(client, editor, draft_pack):
    login_verified(client, editor)
    later = timezone.localtime() + datetime.timedelta(days=2)
    data = campaign_pack_form_data(
        draft_pack, **{"action-publish": "1", "go_live_at": later.strftime("%Y-%m-%d %H:%M")}
    )
    client.post(reverse("wagtailadmin_pages:edit", args=[draft_pack.pk]), data)
    assert not Page.objects.get(pk=draft_pack.pk).get_latest_revision().approved_go_live_at


def test_bulk_publish_of_a_pack_without_nynorsk_is_refused(client, editor, draft_pack):
    login_verified(client, editor)
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={draft_pack.pk}"
    )
    client.post(url, {"include_descendants": ""})
    assert not Page.objects.get(pk=draft_pack.pk).live


def test_other_pages_and_nynorsk_packs_are_not_held(home_page, draft_pack, nn_locale):
    info = factories.InfoPageFactory(parent=home_page, live=False)
    info.save_revision().publish()
    assert Page.objects.get(pk=info.pk).live
    nn_pack = translate(draft_pack, nn_locale, publish=True)
    assert nn_pack.live
