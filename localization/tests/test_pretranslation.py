"""Machine translation in the worker: publishing a Bokmål page has the worker translate
it ahead, and "Machine translate" in the translation editor then waits on nothing."""

import json

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail_localize.models import StringTranslation, Translation

from localization.tasks import page_pretranslate
from localization.tests.apy import apy_requests
from resourcebank.core.models import InfoPage
from tests.editorial_support import login_verified

PARAGRAPHS = [
    "Lokallagene skal være med på å øke antall medlemmer før valget.",
    "Vi inviterer alle naboer til et åpent møte på biblioteket neste uke.",
    "Hva gjør vi hvis ingen kommer?",
]


def _publish_in_the_admin(client, home_page, title):
    """The editor writes a page of three paragraphs, one word in bold, and publishes it."""
    blocks = [
        {
            "key": f"k{number}",
            "type": "unstyled",
            "text": text,
            "depth": 0,
            "inlineStyleRanges": [{"offset": 0, "length": 11, "style": "BOLD"}]
            if number == 0
            else [],
            "entityRanges": [],
        }
        for number, text in enumerate(PARAGRAPHS)
    ]
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["core", "infopage", home_page.pk]),
        {
            "title": title,
            "slug": "om-lokallagene",
            "summary": "",
            "body-count": "1",
            "body-0-type": "paragraph",
            "body-0-value": json.dumps({"blocks": blocks, "entityMap": {}}),
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "a1b2c3",
            "action-publish": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return InfoPage.objects.get(locale__language_code="nb", slug="om-lokallagene")


def test_publishing_queues_the_translation_and_the_button_then_asks_apertium_nothing(
    worker,
    client,
    editor,
    translator,
    home_page,
    nn_locale,
    settings,
    apertium_apy_url,
):
    from django_tasks_db.models import DBTaskResult

    settings.APERTIUM_APY_URL = apertium_apy_url
    queued = DBTaskResult.objects.filter(task_path=page_pretranslate.module_path)
    login_verified(client, editor)

    # Publishing asks Apertium nothing: it leaves the translation to the worker.
    before_publish = apy_requests(apertium_apy_url)
    page = _publish_in_the_admin(client, home_page, "Om lokallagene")
    assert apy_requests(apertium_apy_url) == before_publish
    assert [task.args_kwargs["args"] for task in queued] == [[page.pk]]
    # Nothing a translator would see is written ahead.
    assert not StringTranslation.objects.exists()

    worker()
    assert queued.get().status == "SUCCESSFUL"
    assert apy_requests(apertium_apy_url) > before_publish

    # The editor submits the page for translation into Nynorsk; a translator presses
    # "Machine translate": the strings come from what the worker did.
    for submitted in (home_page, page):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[submitted.pk]),
            {"locales": [nn_locale.pk]},
        )
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=nn_locale
    )
    client.logout()
    login_verified(client, translator)
    before_button = apy_requests(apertium_apy_url)
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Maskinoversatt med Apertium. Les gjennom før du publiserer."
    ]
    assert apy_requests(apertium_apy_url) == before_button, "the button waited on Apertium"
    translated = set(
        StringTranslation.objects.filter(
            locale=nn_locale, translation_of__segments__source=translation.source
        ).values_list("data", flat=True)
    )
    assert translated == {
        "Om lokallaga",
        "om-lokallaga",
        "<b>Lokallaga</b> skal vere med på å auke talet på medlemmer før valet.",
        "Vi inviterer alle naboar til eit ope møte på biblioteket neste veke.",
        "Kva gjer vi viss ingen kjem?",
    }

    # The Nynorsk page, published, is a translation: nothing is queued for it.
    translation.save_target(user=editor, publish=True)
    assert queued.count() == 1


def test_without_a_worker_publishing_queues_nothing_and_asks_apertium_nothing(
    client, editor, home_page, settings, apertium_apy_url
):
    """The immediate task backend (the embedded tier) would translate inside the
    publish: the page waits for the button instead."""
    settings.APERTIUM_APY_URL = apertium_apy_url
    login_verified(client, editor)
    before = apy_requests(apertium_apy_url)
    _publish_in_the_admin(client, home_page, "Om lokallagene")
    assert apy_requests(apertium_apy_url) == before


def test_the_worker_survives_apertium_being_away(worker, home_page, editor, settings):
    """A worker that cannot reach Apertium logs it and goes on; the button translates
    the page itself later."""
    from django_tasks_db.models import DBTaskResult

    settings.APERTIUM_APY_URL = "http://127.0.0.1:9"
    home_page.save_revision(user=editor).publish(user=editor)
    worker()
    task = DBTaskResult.objects.get(task_path=page_pretranslate.module_path)
    assert task.status == "SUCCESSFUL"
    assert task.return_value == 0
