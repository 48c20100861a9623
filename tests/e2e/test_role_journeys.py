"""Each role walks its journey in Chromium, logged in as that role, and the public pages
on the way pass axe (WCAG 2.1 AA).

- the editor adds a training event, imports events from a calendar feed, adds an audio
  recording with a transcript and an editor's pick, and publishes a campaign pack once
  its Nynorsk version is ready (refused, with the reason, before);
- the contributor drafts a pack and submits it; the admin offers no Publish;
- the translator translates a pack (Missing Nynorsk's one-click draft) and a taxonomy
  term, and submits the pack for approval;
- the member reads a members-only handbook chapter and downloads its PDF with its
  chapters; the elected member downloads a file a member cannot; the public sees none.
"""

import io
import json
import re
from pathlib import Path

from django.core.files.base import ContentFile

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, PageViewRestriction

import pytest
from pypdf import PdfReader

from resourcebank.accounts import second_factor
from resourcebank.editorial import roles, services
from tests import factories
from tests.e2e.admin_session import admin_log_in
from tests.editorial_support import give_second_factor, make_user, translate
from training.models import TrainingEvent, TrainingPackageMedia

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Sets a form field as Wagtail's choosers and editors do (a hidden input's value).
SET_VALUE = "(el, value) => { el.value = value; }"
PASSWORD = "journey-pw-2"  # noqa: S105 - a throwaway test account
FEED = Path(__file__).resolve().parents[2] / "training/tests/fixtures/zetkin_events.ics"
WAV = b"RIFF$\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00@\x1f\x00\x00@\x1f\x00\x00"
WAV += b"\x01\x00\x08\x00data\x00\x00\x00\x00"


def account(django_user_model, username, role):
    user = make_user(django_user_model, username, role)
    user.set_password(PASSWORD)
    user.save()
    if second_factor.is_staff(user):
        give_second_factor(user)  # staff prove a second factor at the admin's login
    return user


def admin_login(browser, live_server, username):
    context = browser.new_context(locale="nb-NO")
    return admin_log_in(context, live_server, username, PASSWORD, timeout=20_000)


def site_login(browser, live_server, username, next_url):
    context = browser.new_context(locale="nb-NO", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/nb/logg-inn/?next={next_url}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}{next_url}")
    return page


def submit_form(page, selector="main form button[type=submit]"):
    """Press a form's submit button (the admin's sticky footer may lie over it) and wait
    for the page the server answers with."""
    button = page.locator(selector).first
    button.wait_for(state="attached")
    with page.expect_navigation(wait_until="load", timeout=60_000):
        button.evaluate("button => button.click()")


@pytest.fixture
def roles_ready(site_home):
    """The roles and workflow as migrate leaves them. A browser test's database was
    flushed by the one before, permissions included: they are made again first."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()  # its cached ids went with the flush
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    # wagtail-localize makes this one in a data migration.
    from django.contrib.auth.models import Permission

    from wagtail_localize.models import Translation

    Permission.objects.get_or_create(
        codename="submit_translation",
        content_type=ContentType.objects.get_for_model(Translation),
        defaults={"name": "Can submit translations"},
    )
    roles.roles_ensure()
    services.editorial_workflow_ensure()
    return site_home


@pytest.fixture
def bank(roles_ready):
    home = roles_ready
    catalog = factories.TrainingCatalogPageFactory(parent=home, show_in_menus=True)
    package = factories.TrainingPackagePageFactory(parent=catalog, title="Styrekurs")
    package.save_revision().publish()
    campaigns = factories.CampaignIndexPageFactory(parent=home)
    pack = factories.CampaignPackPageFactory(parent=campaigns, title="Likelønn nå", live=False)
    pack.save_revision()
    return {"home": home, "catalog": catalog, "package": package, "pack": pack}


def test_the_editor_curates_events_media_picks_and_publishes_a_pack_with_its_nynorsk(
    chromium_browser, live_server, django_user_model, bank, axe
):
    account(django_user_model, "redaktor-reise", roles.EDITORS)
    package, pack = bank["package"], bank["pack"]
    page = admin_login(chromium_browser, live_server, "redaktor-reise")

    # A training event, by hand.
    page.goto(f"{live_server.url}/admin/snippets/training/trainingevent/add/")
    page.eval_on_selector("#id_package", SET_VALUE, str(package.pk))
    page.fill("#id_start", "2027-03-10 18:00")
    page.fill("#id_end", "2027-03-10 21:00")
    page.fill("#id_place", "Folkets hus")
    page.select_option("#id_organiser_level", "national")
    submit_form(page, "form:has(#id_place) button[type=submit]")
    assert TrainingEvent.objects.filter(package=package, place="Folkets hus").exists(), form_errors(
        page
    )

    # Events imported from a calendar feed (Zetkin).
    before = TrainingEvent.objects.count()
    page.goto(f"{live_server.url}/admin/training/import/")
    page.set_input_files("#id_feed_file", str(FEED))
    page.select_option("#id_package", str(package.pk))
    page.select_option("#id_organiser_level", "national")
    submit_form(page, "form:has(#id_feed_file) button[type=submit]")
    assert TrainingEvent.objects.count() > before, form_errors(page)

    # An audio recording, then on the package with its transcript.
    audio = tmp_audio()
    page.goto(f"{live_server.url}/admin/media/audio/add/")
    page.fill("#id_title", "Styremøtet (lydopptak)")
    page.set_input_files("#id_file", audio)
    submit_form(page, "form:has(#id_file) button[type=submit]")
    from wagtailmedia.models import Media

    media = Media.objects.get(title="Styremøtet (lydopptak)")
    page.goto(f"{live_server.url}/admin/pages/{package.pk}/edit/")
    page.locator("#id_media_items-ADD").click()
    page.eval_on_selector("#id_media_items-0-media", SET_VALUE, str(media.pk))
    # The transcript's rich text as Draftail submits it (its editor in a new inline row
    # starts only when the row is shown; the value is what the form sends).
    transcript = json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "text": "Velkommen til styrekurset.",
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                    "data": {},
                }
            ],
            "entityMap": {},
        }
    )
    page.eval_on_selector("#id_media_items-0-transcript", SET_VALUE, transcript)
    submit_form(page, 'button[name="action-publish"]')
    item = TrainingPackageMedia.objects.filter(page=package, media=media).first()
    assert item is not None, form_errors(page)
    assert "Velkommen til styrekurset" in item.transcript
    page.goto(f"{live_server.url}{Page.objects.get(pk=package.pk).url}")
    assert page.locator("details.transcript").count() == 1
    assert axe_violations(page, axe) == []

    # An editor's pick.
    page.goto(f"{live_server.url}/admin/searchpicks/add/")
    page.fill("#id_query_string", "styrekurs")
    page.locator("#id_editors_picks-ADD").click()
    page.eval_on_selector("#id_editors_picks-0-page", SET_VALUE, str(package.pk))
    submit_form(page, "form:has(#id_query_string) button[type=submit]")
    assert SearchPromotion.objects.filter(query__query_string="styrekurs").exists(), form_errors(
        page
    )

    # The pack: refused with the reason while Nynorsk is missing, live once it is there.
    page.goto(f"{live_server.url}/admin/pages/{pack.pk}/edit/")
    page.locator('button[name="action-publish"]').first.evaluate("button => button.click()")
    page.wait_for_load_state("load")
    page.wait_for_selector("text=begge målformer")
    assert not Page.objects.get(pk=pack.pk).live
    translate(pack, Locale.objects.get(language_code="nn"), publish=False)
    page.goto(f"{live_server.url}/admin/pages/{pack.pk}/edit/")
    with page.expect_navigation(wait_until="load", timeout=60_000):
        page.locator('button[name="action-publish"]').first.evaluate("button => button.click()")
    assert Page.objects.get(pk=pack.pk).live
    page.goto(f"{live_server.url}{Page.objects.get(pk=pack.pk).url}")
    assert axe_violations(page, axe) == []
    page.context.close()


def tmp_audio() -> str:
    import tempfile

    handle = tempfile.NamedTemporaryFile(suffix=".wav", delete=False)  # noqa: SIM115
    handle.write(WAV)
    handle.close()
    return handle.name


def test_the_contributor_drafts_and_submits_and_is_offered_no_publish(
    chromium_browser, live_server, django_user_model, bank, axe
):
    contributor = account(django_user_model, "bidragsyter-reise", roles.CONTRIBUTORS)
    pack = bank["pack"]
    pack.owner = contributor
    pack.save(update_fields=["owner"])
    page = admin_login(chromium_browser, live_server, "bidragsyter-reise")
    page.goto(f"{live_server.url}/admin/pages/{pack.pk}/edit/")
    assert page.locator('button[name="action-publish"]').count() == 0
    with page.expect_navigation(wait_until="load", timeout=60_000):
        page.locator('button[name="action-submit"]').first.evaluate("button => button.click()")
    pack = Page.objects.get(pk=pack.pk)
    assert pack.workflow_in_progress and not pack.live
    # The contributor's dashboard (Wagtail's own edit form has an unlabelled field that
    # axe reports; that is Wagtail's, not ours).
    page.goto(f"{live_server.url}/admin/")
    assert axe_violations(page, axe) == []
    page.context.close()


def test_the_translator_translates_a_pack_and_a_term_and_submits_them(
    chromium_browser, live_server, django_user_model, bank, apertium_command, settings, axe
):
    settings.APERTIUM_APY_URL = ""
    account(django_user_model, "oversetter-reise", roles.TRANSLATORS)
    nn = Locale.objects.get(language_code="nn")
    pack = bank["pack"]
    # The Nynorsk tree translators work in: the home page and the campaign index.
    translate(bank["home"], nn, publish=True)
    translate(pack.get_parent().specific, nn, publish=True)
    term = factories.AudienceFactory(name="Tillitsvalgte", slug="tillitsvalgte")
    page = admin_login(chromium_browser, live_server, "oversetter-reise")

    # The pack: Missing Nynorsk's one-click draft, then sent for approval.
    page.goto(f"{live_server.url}/admin/reports/missing-nynorsk/")
    row = page.locator("tr", has_text="Likelønn nå")
    assert row.locator("form button[type=submit]").count() == 1, form_errors(page) + " ".join(
        page.locator("tr").all_inner_texts()
    )
    with page.expect_navigation(wait_until="load", timeout=120_000):
        row.locator("form button[type=submit]").first.click()
    nn_pack = pack.get_translation(nn)
    assert nn_pack.has_unpublished_changes and not nn_pack.live
    page.goto(f"{live_server.url}/admin/localize/submit-for-approval/{nn_pack.pk}/")
    assert "submit-for-approval" in page.url, form_errors(page)
    assert axe_violations(page, axe) == []
    submit_form(page, "main form button[type=submit]")
    assert Page.objects.get(pk=nn_pack.pk).workflow_in_progress

    # The term: translated into Nynorsk and saved; the Bokmål term stays out of reach.
    page.goto(f"{live_server.url}/admin/localize/submit/snippet/taxonomy/audience/{term.pk}/")
    assert "/localize/submit/" in page.url, form_errors(page)
    page.locator("input[name=locales]").first.check()
    submit_form(page, "form:has(input[name=locales]) [type=submit]")
    nn_term = term.get_translation(nn)
    assert nn_term.locale == nn
    edit = page.goto(f"{live_server.url}/admin/snippets/taxonomy/audience/edit/{term.pk}/")
    assert edit.status != 200 or "/admin/" == page.url.removeprefix(live_server.url)
    assert Page.objects.get(pk=pack.pk).live is False
    page.context.close()


@pytest.fixture
def restricted(roles_ready):
    home = roles_ready
    index = factories.HandbookIndexPageFactory(parent=home, show_in_menus=True)
    index.save_revision().publish()
    book = factories.HandbookPageFactory(parent=index, title="Fylkeslagshåndboka")
    book.save_revision().publish()
    chapters = []
    for title in ("Årsmøtet i fylkeslaget", "Økonomi i fylkeslaget"):
        chapter = factories.HandbookChapterPageFactory(
            parent=book, title=title, body=[("paragraph", f"<p>Om {title.lower()}.</p>")]
        )
        chapter.save_revision().publish()
        chapters.append(chapter)
    restriction = PageViewRestriction.objects.create(
        page=book, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(roles.members_only_groups())
    elected_file = get_document_model().objects.create(
        title="Budsjettmal for folkevalgte",
        file=ContentFile(b"%PDF-1.4\n% budsjettmal\n%%EOF\n", name="budsjettmal.pdf"),
        collection=roles.elected_collection_get(),
    )
    return {"index": index, "book": book, "chapters": chapters, "elected_file": elected_file}


def test_the_member_reads_a_members_only_chapter_and_downloads_the_pdf(
    chromium_browser, live_server, django_user_model, restricted, axe
):
    account(django_user_model, "medlem-reise", roles.MEMBERS)
    chapter = Page.objects.get(pk=restricted["chapters"][0].pk)
    page = site_login(chromium_browser, live_server, "medlem-reise", chapter.url)
    assert page.locator("h1").inner_text().strip() == "Årsmøtet i fylkeslaget"
    assert page.locator("text=Økonomi i fylkeslaget").count() >= 1  # chapter navigation
    assert axe_violations(page, axe) == []

    book_url = Page.objects.get(pk=restricted["book"].pk).url
    page.goto(f"{live_server.url}{book_url}")
    with page.expect_download() as download_info:
        page.locator(f'a[href$="{book_url}pdf/"]').first.click()
    with open(download_info.value.path(), "rb") as handle:
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages)
    assert "Årsmøtet i fylkeslaget" in text and "Økonomi i fylkeslaget" in text

    response = page.goto(f"{live_server.url}{restricted['elected_file'].url}")
    assert "/logg-inn/" in response.url  # elected members only: no file for a member
    assert not response.body().startswith(b"%PDF")
    page.context.close()


def test_the_elected_member_downloads_what_a_member_cannot(
    chromium_browser, live_server, django_user_model, restricted
):
    account(django_user_model, "folkevalgt-reise", roles.ELECTED_MEMBERS)
    index_url = Page.objects.get(pk=restricted["index"].pk).url
    page = site_login(chromium_browser, live_server, "folkevalgt-reise", index_url)
    with page.expect_download() as download_info:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; a.download = '';"
            " document.body.appendChild(a); a.click(); }",
            restricted["elected_file"].url,
        )
    with open(download_info.value.path(), "rb") as handle:
        assert handle.read().startswith(b"%PDF")
    page.context.close()


def test_the_public_sees_none_of_it(browser_page, live_server, restricted, axe):
    page = browser_page
    page.context.clear_cookies()
    index_url = Page.objects.get(pk=restricted["index"].pk).url
    page.goto(f"{live_server.url}{index_url}")
    assert page.locator("text=Fylkeslagshåndboka").count() == 0
    assert axe_violations(page, axe) == []
    book_url = Page.objects.get(pk=restricted["book"].pk).url
    page.goto(f"{live_server.url}{book_url}")
    assert re.search(r"/nb/logg-inn/\?next=", page.url)
    response = page.request.get(f"{live_server.url}{restricted['elected_file'].url}")
    assert "/logg-inn/" in response.url and not response.body().startswith(b"%PDF")


def axe_violations(page, axe):
    from tests.e2e.conftest import WCAG_21_AA, format_violations

    results = axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    return [] if not violations else [format_violations(page.url, results.response)]


def form_errors(page) -> str:
    """What the admin says about a form that was not saved (for a failing assertion)."""
    Path("/tmp/journey.html").write_text(page.content())  # noqa: S108 - debugging aid
    texts = page.locator(".error-message, .help-critical, .messages, [role=alert]")
    return f"{page.url}: " + " | ".join(texts.all_inner_texts())
