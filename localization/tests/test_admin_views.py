"""Machine translation in the translation editor and the missing-Nynorsk report."""

from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation

import pytest

from localization import services
from resourcebank.core.models import InfoPage
from tests import factories
from tests.editorial_support import login_verified


@pytest.fixture
def translated_page(home_page, nn_locale, apertium_command, settings):
    """A Bokmål page with a Nynorsk translation, whose source then gained a new paragraph."""
    settings.APERTIUM_APY_URL = ""
    page = factories.InfoPageFactory(
        parent=home_page,
        title="Om lokallagene",
        body=[("paragraph", "<p>Lokallagene skal være med.</p>")],
    )
    services.objects_machine_translate(
        objects=[home_page, page], target_locale=nn_locale, publish=True
    )
    page.body = [
        ("paragraph", "<p>Lokallagene skal være med.</p>"),
        ("paragraph", "<p>Hva gjør vi nå?</p>"),
    ]
    page.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=nn_locale
    )
    translation.source.update_from_db()
    return page, translation


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_machine_translate_without_apertium_shows_a_norwegian_error_and_keeps_translations(
    client, editor, translated_page, settings, monkeypatch
):
    page, translation = translated_page
    before = {t.pk: t.data for t in StringTranslation.objects.all()}
    settings.APERTIUM_APY_URL = ""  # no server ...
    monkeypatch.setattr(  # ... and no command
        "localization.machine_translation.APERTIUM_COMMAND", "no-such-apertium"
    )
    login_verified(client, editor)
    next_url = reverse(
        "wagtailadmin_pages:edit", args=[page.get_translation(translation.target_locale).pk]
    )
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == next_url
    assert _messages(response) == [
        "Apertium er ikke installert på tjeneren, så ingenting ble maskinoversatt."
    ]
    assert {t.pk: t.data for t in StringTranslation.objects.all()} == before

    # With the APy server unreachable, a Nynorsk user gets the error in Nynorsk.
    settings.APERTIUM_APY_URL = "http://127.0.0.1:9"
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "nn"
    profile.save()
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": next_url},
    )
    assert _messages(response)[-1] == (
        "Fekk ikkje kontakt med Apertium-tenaren, så ingenting vart maskinomsett."
    )
    assert {t.pk: t.data for t in StringTranslation.objects.all()} == before


def test_machine_translate_fills_only_the_new_string(client, editor, translated_page):
    page, translation = translated_page
    before = {t.pk: t.data for t in StringTranslation.objects.all()}
    login_verified(client, editor)
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 302
    after = {t.pk: t.data for t in StringTranslation.objects.all()}
    assert {pk: after[pk] for pk in before} == before
    assert sorted(set(after.values()) - set(before.values())) == ["Kva gjer vi no?"]


def test_report_lists_missing_and_outdated_and_translates_one_row(
    client, editor, translated_page, nn_locale, django_capture_on_commit_callbacks
):
    page, _translation = translated_page
    untranslated = factories.InfoPageFactory(parent=page.get_parent(), title="Ny side")
    login_verified(client, editor)
    response = client.get(reverse("missing_nynorsk_report:index"))
    assert response.status_code == 200
    rows = {row.instance.pk: row.status for row in response.context["object_list"]}
    assert rows[untranslated.pk] == "missing"
    assert rows[page.pk] == "outdated"  # the source changed after the translation

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(
                "missing_nynorsk_report:translate",
                args=[untranslated.cached_content_type.pk, untranslated.pk],
            )
        )
    assert response.status_code == 302
    nn_draft = InfoPage.objects.get(locale=nn_locale, translation_key=untranslated.translation_key)
    assert nn_draft.get_latest_revision_as_object().title == "Ny side"


def test_report_translate_needs_permission_and_post(
    client, home_page, django_user_model, nn_locale, apertium_command, settings
):
    settings.APERTIUM_APY_URL = ""
    page = factories.InfoPageFactory(parent=home_page, title="Ny side")
    url = reverse("missing_nynorsk_report:translate", args=[page.cached_content_type.pk, page.pk])
    editor = django_user_model.objects.create_user("reader", password="pw")
    group = Group.objects.create(name="Bare admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    login_verified(client, editor)
    report = reverse("missing_nynorsk_report:index")
    assert report not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(report).status_code == 302  # refused: Wagtail redirects to the dashboard
    assert client.get(url).status_code == 405
    response = client.post(url)  # Wagtail turns PermissionDenied into a redirect home
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not InfoPage.objects.filter(locale=nn_locale).exists()
    GroupPagePermission.objects.create(
        group=group, page=home_page, permission=Permission.objects.get(codename="change_page")
    )
    response = client.post(url)
    assert response["Location"] == reverse("missing_nynorsk_report:index")
    assert InfoPage.objects.filter(locale=nn_locale).exists()
    assert client.get(report).status_code == 200
    assert report in client.get(reverse("wagtailadmin_home")).content.decode()


def test_sync_with_machine_translation_without_apertium_answers_with_an_error(
    client, editor, translated_page, settings
):
    _page, translation = translated_page
    before = {t.pk: t.data for t in StringTranslation.objects.all()}
    settings.APERTIUM_APY_URL = "http://127.0.0.1:9"
    login_verified(client, editor)
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    response = client.post(url, {"use_machine_translation": "on"})
    assert response.status_code == 302 and response["Location"] == url
    assert _messages(response)[-1] == (
        "Fikk ikke kontakt med Apertium-tjeneren, så ingenting ble maskinoversatt."
    )
    assert {t.pk: t.data for t in StringTranslation.objects.all()} == before
