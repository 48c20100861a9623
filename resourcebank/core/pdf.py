"""One way to make a PDF: WeasyPrint, reading nothing but our own static and media files.

Templates refer to their styles and pictures by site-relative addresses
(``{% static %}``, an image rendition's ``url``). The fetcher here resolves those
against the static files and the media storage and refuses everything else: no
network, no ``file://``, no other host, so nothing typed into a page can make the
server fetch an address (issue: server-side requests).
"""

import hashlib
import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative addresses in the HTML resolve against this base; it names no real host.
BASE_URL = "https://ressursbanken.invalid/"
_BASE_HOST = urlsplit(BASE_URL).netloc


class LocalFilesFetcher(URLFetcher):
    """Serves ``data:`` URLs, our static files and our media files; refuses anything else."""

    def __init__(self):
        super().__init__(allowed_protocols={"data"}, allow_redirects=False, fail_on_errors=False)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if parts.scheme != "https" or parts.netloc != _BASE_HOST:
            raise ValueError(f"PDFs may only use the site's own files, not {url!r}")
        path = unquote(parts.path)
        if ".." in path.split("/"):
            raise ValueError(f"Refusing {url!r}")
        static_url, media_url = settings.STATIC_URL, settings.MEDIA_URL
        if path.startswith(static_url):
            found = finders.find(path.removeprefix(static_url))
            if not found:
                raise ValueError(f"No static file {path!r}")
            with open(found, "rb") as handle:
                body = handle.read()
        elif path.startswith(media_url) and not path.startswith(f"{media_url}documents/"):
            with default_storage.open(path.removeprefix(media_url), "rb") as handle:
                body = handle.read()
        else:
            raise ValueError(f"PDFs may only use static and media files, not {url!r}")
        mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})


def pdf_from_html(html: str) -> bytes:
    """A PDF of `html`; its site-relative addresses are read from our own files only."""
    return HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFilesFetcher()).write_pdf()


def pdf_from_template(template_name: str, context: dict, *, request=None) -> bytes:
    return pdf_from_html(render_to_string(template_name, context, request=request))


PDF_CACHE_SECONDS = 60 * 60 * 24 * 30


def pdf_from_template_once(
    template_name: str, context: dict, *, version: str, request=None
) -> bytes:
    """``pdf_from_template``, made once per `version` (a key that changes whenever what
    the PDF shows changes) and then read from Django's cache, which every application
    server shares where it is shared (Redis): a visitor cannot make the server render
    the same PDF again and again."""
    digest = hashlib.sha256(f"{template_name}:{version}".encode()).hexdigest()
    key = f"pdf:{digest}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = pdf_from_template(template_name, context, request=request)
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf
