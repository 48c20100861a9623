"""Members-only images and recordings, and photos of stories not yet approved, are served
only through the view that checks the restriction, never from a public address."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from wagtailmedia.models import Media

from resourcebank.core.files import PRIVATE_PREFIX
from resourcebank.editorial import roles
from tests.downloads_support import png_bytes
from tests.editorial_support import make_user

pytestmark = pytest.mark.django_db

AUDIO = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 64


def _image(collection, title="Budsjettgrafikk"):
    return get_image_model().objects.create(
        title=title, collection=collection, file=ImageFile(io.BytesIO(png_bytes()), name="g.png")
    )


def _recording(collection):
    return Media.objects.create(
        title="Budsjettpodkast",
        file=ContentFile(AUDIO, name="podkast.mp3"),
        type="audio",
        duration=4,
        collection=collection,
    )


def _bytes(response) -> bytes:
    if response.status_code != 200:
        return b""
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_anonymous_request_for_a_members_only_recording_or_image_gets_no_bytes(
    client, member, editorial_setup
):
    collection = roles.members_collection_get()
    image, recording = _image(collection), _recording(collection)
    rendition = image.get_rendition("fill-200x200")
    for obj_url in (image.file.url, rendition.url, recording.url):
        assert PRIVATE_PREFIX in obj_url
        response = client.get(obj_url)
        assert _bytes(response) == b""
        assert response.status_code == 302 and "/logg-inn/" in response["Location"]

    client.force_login(member)
    for obj_url in (image.file.url, rendition.url, recording.url):
        response = client.get(obj_url)
        assert response.status_code == 200, obj_url
        assert _bytes(response)
        assert response["Cache-Control"] == "private, no-store"


def test_elected_only_material_is_refused_to_a_member(client, member, editorial_setup):
    image = _image(roles.elected_collection_get())
    client.force_login(member)
    assert _bytes(client.get(image.get_rendition("fill-200x200").url)) == b""


def test_public_images_stay_public_and_move_when_their_collection_is_restricted(
    client, editorial_setup
):
    root = Collection.get_first_root_node()
    image = _image(root, title="Plakat")
    assert not image.file.name.startswith(PRIVATE_PREFIX)
    rendition = image.get_rendition("fill-100x100")
    assert not rendition.file.name.startswith(PRIVATE_PREFIX)

    image.collection = roles.members_collection_get()
    image.save()
    image.refresh_from_db()
    rendition.refresh_from_db()
    assert image.file.name.startswith(PRIVATE_PREFIX)
    assert rendition.file.name.startswith(PRIVATE_PREFIX)
    assert image.file.storage.exists(image.file.name)


def test_a_photo_of_a_story_not_yet_approved_is_private_until_it_is_published(
    client, editorial_setup, story_index, django_user_model
):
    from resourcebank.core.collections import collection_ensure
    from resourcebank.stories.services import SUBMISSION_COLLECTION_NAME, story_photo_release
    from tests import factories

    photo = _image(collection_ensure(name=SUBMISSION_COLLECTION_NAME), title="Stand på torget")
    assert photo.file.name.startswith(PRIVATE_PREFIX)
    assert _bytes(client.get(photo.get_rendition("fill-480x270").url)) == b""
    client.force_login(make_user(django_user_model, "redaktor", roles.EDITORS))
    assert _bytes(client.get(photo.get_rendition("fill-480x270").url))

    story = factories.SuccessStoryPageFactory(parent=story_index, image=photo, live=False)
    story.save_revision().publish()
    photo.refresh_from_db()
    assert not photo.file.name.startswith(PRIVATE_PREFIX)
    assert not story_photo_release(page=story)  # already released
