"""A contributor submits a campaign pack in the admin, the editor approves it, and it is live."""

import pytest

from resourcebank.editorial import roles, services
from tests import factories
from tests.e2e.admin_session import admin_log_in
from tests.editorial_support import give_second_factor, make_user, translate

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "journey-pw-1"  # noqa: S105 - a throwaway test account


def log_in(context, live_server, username):
    return admin_log_in(context, live_server, username, PASSWORD)


def click_action(page, selector, done):
    """Click an action in the editor's footer menu (it may sit in the closed dropdown),
    then wait until the server has done it (`done()` is true)."""
    button = page.locator(selector).first
    button.wait_for(state="attached")
    # The action posts the form and Wagtail redirects: wait for that page to load, so
    # the next navigation does not cut it off half-way.
    with page.expect_navigation(wait_until="load", timeout=60_000):
        button.evaluate("button => button.click()")
    for _ in range(60):
        if done():
            break
        page.wait_for_timeout(250)


def _current_task(page):
    task = type(page).objects.get(pk=page.pk).current_workflow_task
    return task.name if task else None


def test_contributor_submits_editor_approves_pack_goes_live(
    chromium_browser, live_server, django_user_model, site_home
):
    from wagtail.models import Locale

    roles.roles_ensure()
    services.editorial_workflow_ensure()
    contributor = make_user(django_user_model, "bidragsyter-e2e", roles.CONTRIBUTORS)
    editor = make_user(django_user_model, "redaktor-e2e", roles.EDITORS)
    for user in (contributor, editor):
        user.set_password(PASSWORD)
        user.save()
        give_second_factor(user)

    index = factories.CampaignIndexPageFactory(parent=site_home)
    pack = factories.CampaignPackPageFactory(
        parent=index, title="Likelønn nå", live=False, owner=contributor
    )
    pack.save_revision(user=contributor)
    translate(pack, Locale.objects.get(language_code="nn"), publish=False)

    contributor_context = chromium_browser.new_context(locale="nb-NO")
    page = log_in(contributor_context, live_server, contributor.username)
    page.goto(f"{live_server.url}/admin/pages/{pack.pk}/edit/", wait_until="load")
    click_action(
        page,
        'button[name="action-submit"]',
        lambda: type(pack).objects.get(pk=pack.pk).workflow_in_progress,
    )
    assert page.csp_violations == []
    contributor_context.close()
    pack.refresh_from_db()
    assert pack.workflow_in_progress and not pack.live

    editor_context = chromium_browser.new_context(locale="nb-NO")
    page = log_in(editor_context, live_server, editor.username)
    for step in ("Redaktørgodkjenning", "Begge målformer klare"):
        assert _current_task(pack) == step
        page.goto(f"{live_server.url}/admin/pages/{pack.pk}/edit/", wait_until="load")
        click_action(
            page,
            'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])',
            lambda step=step: _current_task(pack) != step,
        )
    # The preview (a frame of the admin) and the image chooser work under the policy.
    page.goto(f"{live_server.url}/admin/pages/{pack.pk}/edit/preview/", wait_until="load")
    page.goto(f"{live_server.url}/admin/images/", wait_until="load")
    assert page.csp_violations == []
    editor_context.close()

    pack.refresh_from_db()
    assert pack.live
    nn_pack = pack.get_translation(Locale.objects.get(language_code="nn"))
    assert nn_pack.live
    visitor = chromium_browser.new_context()
    public = visitor.new_page()
    response = public.goto(f"{live_server.url}{pack.url}")
    assert response.status == 200
    assert "Likelønn nå" in public.content()
    visitor.close()
