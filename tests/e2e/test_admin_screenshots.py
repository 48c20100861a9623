"""`make admin-screenshots`: PNGs of the admin as an editor sees it, in Bokmål and in
Nynorsk (the editor's own choice in the account), into $ADMIN_SCREENSHOTS_DIR
(var/admin-screenshots/): the dashboard, the page explorer, a page editor and
wagtail-localize's translation editor, with an index.html that shows them together.

Skipped unless ADMIN_SCREENSHOTS_DIR is set: a person looks at them for English.
"""

import os
from pathlib import Path

from wagtail.models import Locale
from wagtail.users.models import UserProfile

import pytest

from localization import services as localization_services
from resourcebank.accounts import second_factor
from resourcebank.editorial import roles
from resourcebank.stories import services as story_services
from tests import factories
from tests.e2e.admin_session import admin_log_in
from tests.e2e.gallery import write_gallery
from tests.editorial_support import give_second_factor, make_user, publish, translate

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "screenshot-pw-3"  # noqa: S105 - a throwaway test account
VIEWPORT = {"width": 1366, "height": 900}


@pytest.fixture
def editor_desk(roles_ready, django_user_model):
    """An editor with a second factor, and work on their desk: a pack sent for approval,
    a success story sent in, a page whose Nynorsk is made in wagtail-localize."""
    home = roles_ready
    nn = Locale.objects.get(language_code="nn")
    editor = make_user(django_user_model, "redaktor-bilde", roles.EDITORS)
    editor.set_password(PASSWORD)
    editor.save()
    assert second_factor.is_staff(editor)
    give_second_factor(editor)
    contributor = make_user(django_user_model, "bidragsyter-bilde", roles.CONTRIBUTORS)
    members = make_user(django_user_model, "medlem-bilde", roles.MEMBERS)

    translate(home, nn)
    campaigns = factories.CampaignIndexPageFactory(parent=home, title="Kampanjer")
    translate(campaigns, nn)
    pack = factories.CampaignPackPageFactory(
        parent=campaigns,
        title="8. mars: Likestilling er ikke ferdig",
        summary="Parolemøte, tog og stand: alt lokallaget trenger for å markere kvinnedagen.",
        live=False,
    )
    pack.save_revision(user=contributor)
    pack.get_workflow().start(pack, contributor)
    info = publish(
        factories.InfoPageFactory(
            parent=home,
            title="Om lokallaget",
            body=[("paragraph", "<p>Lokallaget møtes første tirsdag i måneden.</p>")],
        )
    )
    stories = factories.StoryIndexPageFactory(parent=home, title="Gode eksempler")
    story_services.success_story_submit(
        user=members,
        story_index=stories,
        title="Vi vervet tjue",
        county=factories.CountyFactory(name="Oslo"),
        local_branch=None,
        what_was_done="Ringte alle som hadde meldt interesse.",
        result="Tjue nye medlemmer.",
        how="Sammen, to kvelder.",
        images=[],
    )
    translation = localization_services.translation_prepare(instance=info, target_locale=nn)
    translation.save_target(user=None, publish=False)
    return {
        "editor": editor,
        "pack": pack,
        "info_nn": translation.get_target_instance(),
    }


@pytest.mark.skipif(
    not os.environ.get("ADMIN_SCREENSHOTS_DIR"), reason="make admin-screenshots sets it"
)
def test_screenshots_of_the_admin_in_both_standards(live_server, chromium_browser, editor_desk):
    directory = Path(os.environ["ADMIN_SCREENSHOTS_DIR"])
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.png"):
        old.unlink()
    screens = {
        "dashboard": "/admin/",
        "page explorer": f"/admin/pages/{editor_desk['pack'].get_parent().pk}/",
        "page editor": f"/admin/pages/{editor_desk['pack'].pk}/edit/",
        "translation editor": f"/admin/pages/{editor_desk['info_nn'].pk}/edit/",
    }
    shots: list[tuple[str, str]] = []
    context = chromium_browser.new_context(
        viewport=VIEWPORT, locale="nb-NO", timezone_id="Europe/Oslo"
    )
    try:
        # One login: an authenticator code is accepted once, and the admin reads the
        # editor's language from their account on every request.
        page = admin_log_in(
            context, live_server, editor_desk["editor"].username, PASSWORD, timeout=30_000
        )
        for language in ("nb", "nn"):
            profile = UserProfile.get_for_user(editor_desk["editor"])
            profile.preferred_language = language
            profile.save()
            for name, path in screens.items():
                page.goto(live_server.url + path)
                page.wait_for_load_state("networkidle")
                assert page.locator("html").get_attribute("lang") == language, path
                # What wagtail-localize's editor writes in English, replaced by ours.
                headings = page.locator("main h3").all_text_contents()
                assert not [h for h in headings if h.endswith(" translation")], headings
                assert "More actions" not in page.locator("main").text_content()
                file_name = f"{language}-{name.replace(' ', '-')}.png"
                page.screenshot(path=directory / file_name, full_page=True)
                shots.append((f"{language} {name}", file_name))
    finally:
        context.close()

    write_gallery(directory, shots, title="Admin screenshots", min_width=320)
    assert len(shots) == 2 * len(screens)
