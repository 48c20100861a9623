"""Writes for success stories: a member's submission becomes a draft in the workflow.

The page models import the views, which import this module, so it reaches the models
through the module (``models.SuccessStoryPage``).
"""

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from resourcebank.core.collections import collection_ensure
from resourcebank.stories import models

SUBMISSION_COLLECTION_NAME = "Innsendte bilder"
# Stories one member may send in an hour (django-ratelimit, counted in Django's cache).
SUBMISSION_RATE_LIMIT = 10
SUBMISSION_RATE = f"{SUBMISSION_RATE_LIMIT}/h"


def _paragraphs(text: str) -> str:
    parts = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in parts if part)


@transaction.atomic
def success_story_submit(
    *,
    user,
    story_index: Page,
    title: str,
    county,
    local_branch,
    what_was_done: str,
    result: str,
    how: str,
    images: list,
) -> Page:
    """Create a draft success story owned by `user` and put it into the workflow.

    The editors are told by the workflow's own moderation e-mail. The submitter
    is stored only as the page's owner. The images go to the collection
    "Innsendte bilder", which only editors may see (its files are private until the
    story is approved: ``story_photo_release``); the first becomes the story's image.
    """
    Image = get_image_model()
    saved_images = []
    if images:
        collection = collection_ensure(name=SUBMISSION_COLLECTION_NAME)
        for number, upload in enumerate(images, start=1):
            image = Image(
                title=f"{title} ({number})" if len(images) > 1 else title,
                file=upload,
                collection=collection,
            )
            image.save()
            saved_images.append(image)

    slug = find_available_slug(
        story_index, slugify(title, allow_unicode=True)[:60] or "godt-eksempel"
    )
    page = models.SuccessStoryPage(
        title=title,
        slug=slug,
        county=county,
        local_branch=local_branch,
        what_was_done=_paragraphs(what_was_done),
        result=result.strip(),
        how=_paragraphs(how),
        image=saved_images[0] if saved_images else None,
        owner=user,
        live=False,
        locale_id=story_index.locale_id,
    )
    story_index.add_child(instance=page)
    models.SubmittedPhoto.objects.bulk_create(
        models.SubmittedPhoto(story=page, image=image) for image in saved_images
    )
    page.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    return page


def story_photo_release(*, page) -> bool:
    """Once a story is published (approved), its photo is public with it.

    A photo sent in with the story sits in "Innsendte bilder", whose files only editors
    may see; it moves to the root collection, and its files out of private storage.
    Returns whether the photo was moved.
    """
    image = getattr(page.specific, "image", None)
    if image is None or image.collection.name != SUBMISSION_COLLECTION_NAME:
        return False
    image.collection = Collection.get_first_root_node()
    image.save(update_fields=["collection"])
    return True
