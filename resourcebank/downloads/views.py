"""Documents served through Django, so their privacy holds and downloads are counted."""

from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header

from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document

from resourcebank.campaigns.selectors import archive_name
from resourcebank.core import visibility
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
