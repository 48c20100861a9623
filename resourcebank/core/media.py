"""Serving uploaded files from MEDIA_ROOT in development, as the web server must in production.

Every answer carries ``X-Content-Type-Options: nosniff`` and a sandboxing
``Content-Security-Policy``, so even a file that a browser would read as a page runs no
script on our origin; anything but an image, audio or video is sent as an attachment.
Documents (``documents/``) and restricted collections' files (``private/``) are never
served from here, however the path is spelled (``//``, ``./``, ``../``, ``%2e``): their
privacy is checked by the document view and the private file view. The
deployment notes (``docs/deploy-security.md``) give the same rules for the web server.
"""

import mimetypes
import posixpath
from urllib.parse import unquote

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# What a browser may show inline from /media/; everything else is a download.
INLINE_PREFIXES = ("image/jpeg", "image/png", "image/webp", "image/gif", "audio/", "video/")
MEDIA_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox"
# Documents and restricted collections' files (``private/``) have their own checking views.
PRIVATE_PREFIXES = ("documents", "private")


def media_path(path: str) -> str | None:
    """The normalised path under MEDIA_ROOT, or None when it leaves MEDIA_ROOT or names a
    private folder."""
    decoded = unquote(path).replace("\\", "/")
    normalised = posixpath.normpath("/" + decoded).lstrip("/")
    if not normalised or normalised == "." or normalised.startswith(".."):
        return None
    first = normalised.split("/", 1)[0]
    if first.lower() in PRIVATE_PREFIXES:
        return None
    return normalised


def media_headers(response, path: str):
    """The headers every media file is served with (here and by the web server)."""
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    if not content_type.startswith(INLINE_PREFIXES):
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    return response


def serve_media(request, path):
    """Development only (the URLconf adds it when DEBUG is on)."""
    safe = media_path(path)
    if safe is None:
        raise Http404("Not a public media file")
    response = serve(request, safe, document_root=settings.MEDIA_ROOT)
    return media_headers(response, safe)
