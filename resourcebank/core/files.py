"""Private files: images, renditions, audio and video of restricted collections.

Wagtail serves images and renditions, and wagtailmedia its recordings, straight from
the media storage: whoever has the address has the file. A file in a collection with a
view restriction (members only, elected members only, photos sent in with success
stories) is therefore kept under ``private/`` in the same storage, which the web server
must never serve itself (as ``documents/``); its address, ``MEDIA_URL`` + ``private/…``,
reaches ``resourcebank.downloads.views.serve_private_file``, which asks the collection's
restrictions first (``resourcebank.core.visibility``). Public images stay where they
are and are served directly, as fast as before.

Files move when an image's or a recording's collection changes and when a collection's
restriction is added or removed (``connect``); renditions of a private image are made
under ``private/`` from the start (``install``).
"""

import logging

from django.db.models.signals import post_delete, post_save

from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

PRIVATE_PREFIX = "private/"

logger = logging.getLogger(__name__)


def is_private_name(name: str) -> bool:
    return bool(name) and name.startswith(PRIVATE_PREFIX)


def _moved(fieldfile, *, private: bool) -> str | None:
    """Move one stored file into or out of ``private/``; its new name, or None if unmoved."""
    name = fieldfile.name
    if not name or is_private_name(name) == private:
        return None
    target = PRIVATE_PREFIX + name if private else name[len(PRIVATE_PREFIX) :]
    storage = fieldfile.storage
    try:
        with storage.open(name) as handle:
            new_name = storage.save(target, handle)
    except FileNotFoundError:
        logger.warning("File %s is missing from storage; not moved.", name)
        return None
    storage.delete(name)
    return new_name


def _sync_fields(obj, field_names, *, private: bool) -> None:
    changes = {}
    for field_name in field_names:
        new_name = _moved(getattr(obj, field_name), private=private)
        if new_name is not None:
            changes[field_name] = new_name
            getattr(obj, field_name).name = new_name
    if changes:
        type(obj).objects.filter(pk=obj.pk).update(**changes)


def collection_is_restricted(collection_id) -> bool:
    collection = Collection.objects.filter(pk=collection_id).first()
    return collection is not None and collection.get_view_restrictions().exists()


def image_files_sync(image) -> None:
    """An image and its renditions under ``private/`` exactly when its collection is
    restricted."""
    private = collection_is_restricted(image.collection_id)
    _sync_fields(image, ["file"], private=private)
    for rendition in image.renditions.all():
        _sync_fields(rendition, ["file"], private=private)


def media_files_sync(media) -> None:
    """A recording and its thumbnail under ``private/`` exactly when its collection is
    restricted."""
    private = collection_is_restricted(media.collection_id)
    _sync_fields(media, ["file", "thumbnail"], private=private)


def _media_model():
    from wagtailmedia import get_media_model

    return get_media_model()


def collection_files_sync(collection) -> None:
    """Every image and recording in `collection` and the collections below it."""
    ids = Collection.objects.descendant_of(collection, inclusive=True).values_list("pk", flat=True)
    for image in get_image_model().objects.filter(collection_id__in=list(ids)):
        image_files_sync(image)
    for media in _media_model().objects.filter(collection_id__in=list(ids)):
        media_files_sync(media)


def _image_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.file:
        image_files_sync(instance)


def _media_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.file:
        media_files_sync(instance)


def _restriction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:
        collection_files_sync(collection)


def connect() -> None:
    post_save.connect(_image_saved, sender=get_image_model(), dispatch_uid="files_image")
    post_save.connect(_media_saved, sender=_media_model(), dispatch_uid="files_media")
    post_save.connect(
        _restriction_changed, sender=CollectionViewRestriction, dispatch_uid="files_restriction"
    )
    post_delete.connect(
        _restriction_changed,
        sender=CollectionViewRestriction,
        dispatch_uid="files_restriction_deleted",
    )


def install() -> None:
    """Renditions of a private image are made under ``private/`` too (not ``images/``)."""
    rendition_model = get_image_model().get_rendition_model()
    if getattr(rendition_model.get_upload_to, "_private_aware", False):
        return
    wagtail_upload_to = rendition_model.get_upload_to

    def get_upload_to(self, filename):
        name = wagtail_upload_to(self, filename)
        if self.image_id and is_private_name(self.image.file.name):
            return PRIVATE_PREFIX + name
        return name

    get_upload_to._private_aware = True
    rendition_model.get_upload_to = get_upload_to
