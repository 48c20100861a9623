"""Audio and video on a package: captions (WebVTT) and a transcript before publishing."""

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
from wagtailmedia.models import Media

from tests.editorial_support import login_verified
from training.models import TrainingPackagePage
from training.validators import is_webvtt

pytestmark = pytest.mark.django_db

VTT = b"WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nVelkommen til kurset.\n"


@pytest.fixture
def video():
    return Media.objects.create(
        title="Slik leder du et styremøte",
        file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="styremote.mp4"),
        type="video",
        width=640,
        height=360,
        duration=3,
    )


@pytest.fixture
def audio():
    return Media.objects.create(
        title="Podkast om årsmøtet",
        file=ContentFile(b"ID3", name="arsmote.mp3"),
        type="audio",
        duration=3,
    )


def _captions(content=VTT, name="styremote.vtt"):
    return Document.objects.create(title="Teksting", file=ContentFile(content, name=name))


def _post(client, catalog, *, media_items, publish, slug="videokurs"):
    data = nested_form_data(
        {
            "title": "Videokurs",
            "slug": slug,
            "format": "digital",
            "duration_minutes": "60",
            "learning_goals": rich_text("<p>Kunne lede et møte.</p>"),
            "prerequisites": rich_text(""),
            "body": streamfield([]),
            "materials": inline_formset([]),
            "media_items": inline_formset(media_items),
            "summary": "",
            "tags": "",
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(f"/admin/pages/add/training/trainingpackagepage/{catalog.pk}/", data)


def _item(media, captions=None, transcript=""):
    return {
        "media": media.pk,
        "captions": captions.pk if captions else "",
        "captions_language": "nb",
        "transcript": rich_text(transcript),
    }


def test_a_video_without_captions_cannot_be_published_but_can_be_saved_as_draft(
    client, editor, training_catalog, video
):
    login_verified(client, editor)
    response = _post(
        client, training_catalog, media_items=[_item(video, transcript="<p>Hei.</p>")], publish=True
    )
    assert response.status_code == 200  # the form again, with errors
    assert not TrainingPackagePage.objects.filter(slug="videokurs").exists()
    formset = response.context["form"].formsets["media_items"]
    assert "captions" in formset.forms[0].errors

    draft = _post(client, training_catalog, media_items=[_item(video)], publish=False)
    assert draft.status_code == 302
    page = TrainingPackagePage.objects.get(slug="videokurs", locale__language_code="nb")
    assert not page.live


def test_audio_needs_a_transcript_but_not_captions(client, editor, training_catalog, audio):
    login_verified(client, editor)
    refused = _post(client, training_catalog, media_items=[_item(audio)], publish=True)
    assert refused.status_code == 200
    assert "transcript" in refused.context["form"].formsets["media_items"].forms[0].errors
    accepted = _post(
        client,
        training_catalog,
        media_items=[_item(audio, transcript="<p>Velkommen til podkasten.</p>")],
        publish=True,
    )
    assert accepted.status_code == 302
    assert TrainingPackagePage.objects.get(slug="videokurs", locale__language_code="nb").live


def test_captions_must_be_webvtt_by_content_not_only_by_name(
    client, editor, training_catalog, video
):
    login_verified(client, editor)
    fake = _captions(b"<html><script>alert(1)</script></html>", name="falsk.vtt")
    response = _post(
        client,
        training_catalog,
        media_items=[_item(video, captions=fake, transcript="<p>Hei.</p>")],
        publish=False,
    )
    assert response.status_code == 200
    assert "captions" in response.context["form"].formsets["media_items"].forms[0].errors
    assert is_webvtt(b"\xef\xbb\xbfWEBVTT - Styrekurs\n\n")
    assert not is_webvtt(b"WEBVTTX\n")


def test_a_published_video_has_a_captions_track_and_transcript(
    client, editor, training_catalog, video
):
    login_verified(client, editor)
    captions = _captions()
    response = _post(
        client,
        training_catalog,
        media_items=[_item(video, captions=captions, transcript="<p>Velkommen til kurset.</p>")],
        publish=True,
    )
    assert response.status_code == 302
    client.logout()
    html = client.get("/nb/skolering/videokurs/").content.decode()
    assert "<video controls" in html
    assert f'<track kind="captions" src="{captions.url}" srclang="nb"' in html
    assert "Velkommen til kurset." in html
