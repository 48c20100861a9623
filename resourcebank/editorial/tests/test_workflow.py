"""The workflow "Redaksjonell godkjenning": editor approval, then both written standards."""

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from wagtail.models import WorkflowState

import pytest

from localization.selectors import missing_nynorsk
from resourcebank.editorial import selectors, services
from tests import factories
from tests.editorial_support import campaign_pack_form_data, login_verified, publish, translate

pytestmark = pytest.mark.django_db


def submit_as(client, user, page, **overrides):
    login_verified(client, user)
    data = campaign_pack_form_data(page, **{"action-submit": "1", **overrides})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    page.refresh_from_db()
    return page


def act(client, user, page, action):
    login_verified(client, user)
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        {"comment": ""},
    )


def refused(response, page, task_name):
    """Wagtail answers a forbidden workflow action by sending the user to the dashboard."""
    page.refresh_from_db()
    return (
        response.status_code in (302, 403)
        and response.get("Location", "/admin/") == "/admin/"
        and not page.live
        and current_task_name(page) == task_name
    )


def assert_told(response, page, english_msgid_part):
    """The edit page shows the editor, in the user's language, what is missing."""
    problems = selectors.translation_problems(page)
    assert len(problems) == 1
    with translation.override("en"):
        assert english_msgid_part in selectors.translation_problems(page)[0]
    assert escape(problems[0]) in response.content.decode()


def in_workflow(page) -> bool:
    return WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()


def current_task_name(page):
    page.refresh_from_db()
    task = page.current_workflow_task
    return task.name if task else None


@pytest.fixture
def draft_pack(campaign_index):
    page = factories.CampaignPackPageFactory(parent=campaign_index, live=False)
    page.save_revision()
    return page


def test_contributor_pressing_publish_submits_for_moderation(client, role_users, draft_pack):
    mail.outbox.clear()
    login_verified(client, role_users["contributors"])
    data = campaign_pack_form_data(draft_pack, **{"action-publish": "1"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft_pack.pk]), data)

    assert response.status_code == 302
    draft_pack.refresh_from_db()
    assert not draft_pack.live
    assert draft_pack.workflow_in_progress
    assert current_task_name(draft_pack) == services.APPROVAL_TASK_NAME
    # Wagtail's own moderation e-mail goes to the editors.
    assert [m.to for m in mail.outbox] == [[role_users["editors"].email]]


def test_campaign_pack_waits_for_nynorsk_then_goes_live_in_both(
    client, role_users, draft_pack, nn_locale
):
    editor = role_users["editors"]
    submit_as(client, role_users["contributors"], draft_pack)
    assert act(client, editor, draft_pack, "approve").status_code == 302
    assert current_task_name(draft_pack) == services.BOTH_STANDARDS_TASK_NAME

    # No Nynorsk version: the editor is told what is missing and cannot approve.
    login_verified(client, editor)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[draft_pack.pk]))
    assert_told(edit_page, draft_pack, "does not exist yet")
    response = act(client, editor, draft_pack, "approve")
    assert refused(response, draft_pack, services.BOTH_STANDARDS_TASK_NAME)

    nn_pack = translate(draft_pack, nn_locale, publish=False)
    assert not nn_pack.live
    assert act(client, editor, draft_pack, "approve").status_code == 302

    draft_pack.refresh_from_db()
    nn_pack.refresh_from_db()
    assert draft_pack.live and nn_pack.live
    assert not in_workflow(draft_pack)


def test_nynorsk_older_than_an_edit_blocks_the_campaign_pack(
    client, role_users, draft_pack, nn_locale
):
    editor = role_users["editors"]
    nn_pack = translate(draft_pack, nn_locale, publish=False)
    submit_as(client, role_users["contributors"], draft_pack, message="Et nytt budskap.")
    act(client, editor, draft_pack, "approve")

    login_verified(client, editor)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[draft_pack.pk]))
    assert_told(edit_page, draft_pack, "is older than")
    response = act(client, editor, draft_pack, "approve")
    assert refused(response, draft_pack, services.BOTH_STANDARDS_TASK_NAME)

    nn_pack.message = "Ein ny bodskap."
    nn_pack.save_revision()
    assert act(client, editor, draft_pack, "approve").status_code == 302
    draft_pack.refresh_from_db()
    assert draft_pack.live


def test_unchanged_resubmission_keeps_the_translation_current(
    client, role_users, campaign_index, nn_locale
):
    pack = publish(factories.CampaignPackPageFactory(parent=campaign_index))
    translate(pack, nn_locale)
    # Submitting the same text again (a new revision, no new words) needs no new translation.
    submit_as(client, role_users["contributors"], pack)
    act(client, role_users["editors"], pack, "approve")
    assert current_task_name(pack) == services.BOTH_STANDARDS_TASK_NAME
    assert act(client, role_users["editors"], pack, "approve").status_code == 302
    assert not in_workflow(pack)
    pack.refresh_from_db()
    assert pack.live and not pack.has_unpublished_changes


def test_edit_after_approval_needs_approval_again(client, role_users, draft_pack, nn_locale):
    editor = role_users["editors"]
    submit_as(client, role_users["contributors"], draft_pack)
    act(client, editor, draft_pack, "approve")
    translate(draft_pack, nn_locale, publish=False)
    assert current_task_name(draft_pack) == services.BOTH_STANDARDS_TASK_NAME

    # The editor changes the page (only its review date, so Nynorsk stays current).
    login_verified(client, editor)
    data = campaign_pack_form_data(draft_pack, review_by="2030-01-01")
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft_pack.pk]), data)
    assert response.status_code == 302

    # Approving the last step does not publish: the first approval was for the old text.
    act(client, editor, draft_pack, "approve")
    draft_pack.refresh_from_db()
    assert not draft_pack.live
    assert current_task_name(draft_pack) == services.APPROVAL_TASK_NAME

    act(client, editor, draft_pack, "approve")
    if current_task_name(draft_pack) == services.BOTH_STANDARDS_TASK_NAME:
        act(client, editor, draft_pack, "approve")
    draft_pack.refresh_from_db()
    assert draft_pack.live
    assert draft_pack.review_by == datetime.date(2030, 1, 1)


def test_other_pages_skip_the_both_standards_step(client, role_users, home_page):
    info = factories.InfoPageFactory(parent=home_page, live=False)
    info.save_revision()
    services.editorial_workflow_ensure().start(info, role_users["contributors"])
    act(client, role_users["editors"], info, "approve")
    info.refresh_from_db()
    assert info.live
    state = WorkflowState.objects.get(object_id=str(info.pk))
    assert state.status == WorkflowState.STATUS_APPROVED


def test_untranslated_texts_in_the_translation_editor_block_the_pack(
    client, role_users, draft_pack, nn_locale
):
    from wagtail_localize.models import Translation, TranslationSource

    translate(draft_pack.get_parent().specific, nn_locale)
    source, _ = TranslationSource.get_or_create_from_instance(draft_pack)
    Translation.objects.create(source=source, target_locale=nn_locale).save_target(
        user=None, publish=False
    )
    submit_as(client, role_users["contributors"], draft_pack)
    act(client, role_users["editors"], draft_pack, "approve")

    login_verified(client, role_users["editors"])
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[draft_pack.pk]))
    assert_told(edit_page, draft_pack, "not yet translated")
    response = act(client, role_users["editors"], draft_pack, "approve")
    assert refused(response, draft_pack, services.BOTH_STANDARDS_TASK_NAME)


def test_contributor_pressing_publish_on_a_new_page_submits_it(client, role_users, campaign_index):
    from resourcebank.campaigns.models import CampaignPackPage

    login_verified(client, role_users["contributors"])
    new = factories.CampaignPackPageFactory.build(title="Ny kampanje", slug="ny-kampanje")
    data = campaign_pack_form_data(new, **{"action-publish": "1"})
    url = reverse(
        "wagtailadmin_pages:add", args=["campaigns", "campaignpackpage", campaign_index.pk]
    )
    assert client.post(url, data).status_code == 302

    page = CampaignPackPage.objects.get(slug="ny-kampanje", locale=campaign_index.locale)
    assert not page.live
    assert page.workflow_in_progress


def test_a_nynorsk_alias_is_no_translation(campaign_index, nn_locale):
    pack = factories.CampaignPackPageFactory(parent=campaign_index)  # live, no Nynorsk
    pack.save_revision()
    translate(campaign_index, nn_locale)
    pack.copy_for_translation(nn_locale, alias=True)

    problems = selectors.translation_problems(pack)
    assert len(problems) == 1
    with translation.override("en"):
        assert "does not exist yet" in selectors.translation_problems(pack)[0]
    assert pack.pk in {row.instance.pk for row in missing_nynorsk() if row.kind == "page"}


def test_only_our_workflow_is_active_after_migrate(db):
    from wagtail.models import Task, Workflow

    assert list(Workflow.objects.filter(active=True).values_list("name", flat=True)) == [
        services.WORKFLOW_NAME
    ]
    assert not Task.objects.filter(name=services.WAGTAIL_DEFAULT_WORKFLOW_NAME, active=True)


def test_a_request_waiting_in_the_default_workflow_moves_to_ours(
    editorial_setup, role_users, draft_pack
):
    from wagtail.models import Task, Workflow

    # Wagtail's default workflow as it was before migrate retired it.
    default = Workflow.objects.get(name=services.WAGTAIL_DEFAULT_WORKFLOW_NAME)
    Workflow.objects.filter(pk=default.pk).update(active=True)
    Task.objects.filter(name=services.WAGTAIL_DEFAULT_WORKFLOW_NAME).update(active=True)
    contributor = role_users["contributors"]
    default.start(draft_pack, contributor)

    services.editorial_workflow_ensure()

    default.refresh_from_db()
    assert not default.active
    state = draft_pack.workflow_states.get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow == editorial_setup["workflow"]
    assert state.requested_by == contributor
