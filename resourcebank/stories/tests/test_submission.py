"""Members send in success stories from the site."""

import io

from django.core import mail
from django.core.cache import cache
from django.test import Client

from wagtail.images import get_image_model

import pytest
from PIL import Image as PILImage

from resourcebank.editorial import roles
from resourcebank.stories import services
from resourcebank.stories.models import SuccessStoryPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def submit_url(story_index):
    return story_index.url + story_index.reverse_subpage("success_story_submit")


@pytest.fixture
def member(role_users):
    return role_users[roles.MEMBERS]


@pytest.fixture
def county():
    return factories.CountyFactory(name="Vestland")


def png(name="bilde.png", size=(64, 48), noise=False):
    image = PILImage.effect_noise(size, 80).convert("RGB") if noise else PILImage.new("RGB", size)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = name
    return buffer


def story_data(county, **overrides):
    data = {
        "title": "Dør-til-dør i Bergen",
        "county": county.pk,
        "local_branch": "",
        "what_was_done": "Vi banket på 400 dører.",
        "result": "Tolv nye medlemmer.",
        "how": "Vi gikk to og to.\n\nVi hadde med løpesedler.",
    }
    data.update(overrides)
    return data


def nothing_created():
    return not SuccessStoryPage.objects.exists() and not get_image_model().objects.exists()


def test_a_valid_story_becomes_one_draft_in_moderation_and_one_email(
    client, member, role_users, county, story_index, submit_url
):
    client.force_login(member)
    assert client.get(submit_url).status_code == 200
    mail.outbox.clear()

    response = client.post(submit_url, story_data(county, images=[png()]))

    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    story = SuccessStoryPage.objects.get()
    assert not story.live
    assert story.owner == member
    assert story.get_parent().pk == story_index.pk
    assert story.workflow_in_progress
    assert story.county == county
    assert story.image is not None
    assert "<p>Vi gikk to og to.</p>" in story.how
    assert [m.to for m in mail.outbox] == [[role_users[roles.EDITORS].email]]


def test_the_story_index_links_to_the_form_and_visitors_log_in_first(
    client, story_index, submit_url, county
):
    assert f'href="{submit_url}"' in client.get(story_index.url).content.decode()
    response = client.post(submit_url, story_data(county))
    assert response.status_code == 302
    assert response["Location"].startswith("/nb/logg-inn/?next=")
    assert nothing_created()


@pytest.mark.parametrize(
    "case",
    ["missing_fields", "oversized_image", "renamed_non_image", "too_many_images", "huge_pixels"],
)
def test_bad_submissions_get_a_clear_error_and_create_nothing(
    client, member, county, submit_url, settings, case
):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20_000
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    data, field = {
        "missing_fields": (story_data(county, how="", result=""), "how"),
        "oversized_image": (
            story_data(county, images=[png(size=(200, 200), noise=True)]),
            "images",
        ),
        "renamed_non_image": (
            story_data(county, images=[io.BytesIO(b"<html>not a picture</html>")]),
            "images",
        ),
        "too_many_images": (story_data(county, images=[png(), png(), png(), png()]), "images"),
        "huge_pixels": (story_data(county, images=[png(size=(1200, 1000))]), "images"),
    }[case]
    if case == "renamed_non_image":
        data["images"][0].name = "bilde.jpg"
    client.force_login(member)
    mail.outbox.clear()

    response = client.post(submit_url, data)

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors
    for message in errors[field]:
        assert message in response.content.decode().replace("&#x27;", "'")
    assert nothing_created()
    assert mail.outbox == []


def test_a_forged_post_without_csrf_token_is_refused(member, county, submit_url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(submit_url, story_data(county))
    assert response.status_code == 403
    assert nothing_created()


def test_the_eleventh_story_in_an_hour_is_refused(client, member, county, submit_url):
    client.force_login(member)
    for number in range(services.SUBMISSION_RATE_LIMIT):
        response = client.post(submit_url, story_data(county, title=f"Historie {number}"))
        assert response.status_code == 302
    mail.outbox.clear()

    response = client.post(submit_url, story_data(county, title="Den ellevte"))

    assert response.status_code == 429
    assert response.context["form"].non_field_errors()
    assert SuccessStoryPage.objects.count() == services.SUBMISSION_RATE_LIMIT
    assert not SuccessStoryPage.objects.filter(title="Den ellevte").exists()
    assert mail.outbox == []


def png_that_is_also_html(name):
    """A valid PNG whose text chunk is an HTML page: a browser sniffing it, or told it is
    text/html by its name, would run the script."""
    image = PILImage.new("RGB", (16, 16))
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("comment", "<html><body><script>alert(document.cookie)</script></body></html>")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info)
    buffer.seek(0)
    buffer.name = name
    return buffer


@pytest.mark.parametrize("name", ["x.html", "x.svg", "x.htm", "x.png.html"])
def test_a_png_named_as_a_page_is_refused_and_nothing_is_stored(
    client, member, county, submit_url, name
):
    from pathlib import Path

    from django.conf import settings

    before = {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}
    client.force_login(member)
    response = client.post(submit_url, story_data(county, images=[png_that_is_also_html(name)]))
    assert response.status_code == 400
    assert "images" in response.context["form"].errors
    assert nothing_created()
    assert {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()} == before


def test_stored_photos_get_a_random_name_with_the_extension_of_their_content(
    client, member, county, submit_url
):
    client.force_login(member)
    photos = [png("Kari på stand.PNG"), png("../../etc/passwd.png"), png("bilde.png")]
    response = client.post(submit_url, story_data(county, images=photos))
    assert response.status_code == 302
    images = list(get_image_model().objects.all())
    assert len(images) == 3
    for image in images:
        directory, _slash, name = image.file.name.rpartition("/")
        # Private until the story is approved (served only through the checking view).
        assert directory == "private/original_images"
        assert name.endswith(".png") and "Kari" not in name and "passwd" not in name
    story = SuccessStoryPage.objects.get()
    # Every photo of the submission is known, for retention and erasure.
    assert {p.image_id for p in story.submitted_photos.all()} == {i.pk for i in images}
