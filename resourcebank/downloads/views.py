"""Documents and private media served through Django, so their privacy holds and
downloads are counted."""

import mimetypes

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header

from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.images import get_image_model

from wagtailmedia import get_media_model

from resourcebank.campaigns.selectors import archive_name
from resourcebank.core import visibility
from resourcebank.core.files import PRIVATE_PREFIX
from resourcebank.core.signals import downloaded

NO_STORE = "private, no-store"


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, plus: no caching of restricted files, and a download count.

    Wagtail checks the collection's view restrictions before it looks at If-None-Match,
    so a refused request never gets a 304 or the bytes. A restricted document's
    response is marked private and no-store so no shared cache can hand it to another.
    """
    response = wagtail_serve_document(request, document_id, document_filename)
    document = get_object_or_404(get_document_model(), pk=document_id)
    if visibility.is_restricted(document):
        response["Cache-Control"] = NO_STORE
        response["Vary"] = "Cookie"
    if response.status_code == 200 and response.has_header("Content-Disposition"):
        # Files are stored under random names; the reader gets the document's title.
        as_attachment = not response["Content-Disposition"].startswith("inline")
        name = archive_name(document.title, document.file_extension.lower())
        response["Content-Disposition"] = content_disposition_header(as_attachment, name)
    if response.status_code == 200:
        downloaded.send(sender=type(document), user=request.user, document=document)
    return response


def _private_file_owner(name: str):
    """The image (for an image or one of its renditions) or recording a stored file
    belongs to, or None."""
    Image = get_image_model()
    image = Image.objects.filter(file=name).first()
    if image is not None:
        return image
    rendition = (
        Image.get_rendition_model().objects.filter(file=name).select_related("image").first()
    )
    if rendition is not None:
        return rendition.image
    return get_media_model().objects.filter(Q(file=name) | Q(thumbnail=name)).first()


def serve_private_file(request, path):
    """An image, rendition, recording or thumbnail kept under ``private/``.

    Served only to a request that passes every view restriction of the file's collection
    (and those above it): anyone else gets no bytes, an anonymous visitor is sent to
    log in. The answer is private and no-store, so no shared cache keeps it.
    """
    name = PRIVATE_PREFIX + path
    owner = _private_file_owner(name)
    if owner is None:
        raise Http404
    if not visibility.user_may_view(request=request, obj=owner):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        raise Http404
    storage = owner.file.storage
    try:
        handle = storage.open(name)
    except FileNotFoundError as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = NO_STORE
    response["Vary"] = "Cookie"
    response["X-Content-Type-Options"] = "nosniff"
    return response
